/**
 * Loaded into MapLibre's own workers (maplibregl.importScriptInWorkers, from map-controller.ts):
 * answers `sitepoints://tiles/{z}/{x}/{y}?s=…` there. The page hands over only blobs of each
 * set's coordinates (named in the URL); the first tile request reads them and indexes the sites
 * once, and every tile is cut from that index when MapLibre asks for it (site-tiles.ts). The page
 * never builds or clones a feature, and nothing is clustered for tiles nobody looks at.
 */
import { buildSiteIndex, encodeSiteTile, tileFeatures } from './site-tiles';
import { EXTENT, parseTileUrl, parseWarmUrl, POINTS_PROTOCOL, WARM_SET } from './site-tile-spec';
import type { SiteIndex } from './site-tiles';
import type { PointsRef } from './site-tile-spec';

interface MapLibreWorkerScope {
  addProtocol(name: string, load: (params: { url: string }, abort: AbortController) => Promise<{ data: unknown }>): void;
}
const scope = self as unknown as MapLibreWorkerScope;

/** The indexes of the last few URLs' sets (a set added or removed makes a new one). */
const indexes = new Map<string, Promise<SiteIndex>>();
const KEEP = 2;

function indexOf(sets: string, refs: readonly PointsRef[]): Promise<SiteIndex> {
  let index = indexes.get(sets);
  if (!index) {
    // shared by every tile of these sets: no one tile's abort cancels it
    index = Promise.all(refs.map(async (r) => new Float64Array(await (await fetch(r.url)).arrayBuffer()))).then((buffers) =>
      buildSiteIndex(
        refs.map((r, k) => {
          if (buffers[k]!.length < 2 * r.count) throw new Error(`point set ${r.key}: ${buffers[k]!.length / 2} points, ${r.count} expected`);
          return { key: r.key, coords: buffers[k]!, count: r.count, idBase: r.idBase };
        }),
      ),
    );
    index.catch(() => indexes.delete(sets));
    indexes.set(sets, index);
    while (indexes.size > KEEP) indexes.delete(indexes.keys().next().value!);
  }
  return index;
}

const HALF = EXTENT / 2;

/**
 * Once, with the warm-up's first tile: index and cut a few thousand made-up sites, so this
 * worker's JIT has compiled the indexing and tiling code before an import's 100,000 arrive.
 */
let jitWarm = false;
function warmJit(): void {
  if (jitWarm) return;
  jitWarm = true;
  const n = 5000;
  const coords = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    coords[2 * i] = 121 + ((i * 7919) % n) / n;
    coords[2 * i + 1] = 31 + ((i * 104729) % n) / n;
  }
  const index = buildSiteIndex([{ key: WARM_SET, coords, count: n, idBase: 0 }]);
  for (const [z, x, y] of [
    [8, 214, 104],
    [12, 3429, 1673],
    [15, 27442, 13389],
  ] as const)
    encodeSiteTile(tileFeatures(index, z, x, y));
}

scope.addProtocol(POINTS_PROTOCOL, async ({ url }) => {
  const warm = parseWarmUrl(url);
  if (warm) warmJit();
  const t = warm ? null : parseTileUrl(url);
  if (!warm && !t) throw new Error(`not a site tile URL: ${url.slice(0, 80)}`);
  const bytes = encodeSiteTile(
    warm
      ? [
          { kind: 'cluster', x: HALF, y: HALF, count: 2, expand: warm.z + 1 },
          { kind: 'site', x: HALF, y: HALF, id: 0, set: WARM_SET, i: 0 },
        ]
      : tileFeatures(await indexOf(t!.sets, t!.refs), t!.z, t!.x, t!.y),
  );
  return { data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
});
