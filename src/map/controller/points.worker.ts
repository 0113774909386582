/**
 * Loaded into MapLibre's own workers (maplibregl.importScriptInWorkers, from map-controller.ts):
 * answers `sitepoints://tiles/{z}/{x}/{y}?s=…` there. The URL names each set's coordinates by
 * their key on the points channel (src/lib/points-channel.ts), where the link worker said them as
 * it finished linking; a set not heard is asked for, and the page that shows it says it again.
 * The first tile request indexes the sites once, and every tile is cut from that index when
 * MapLibre asks for it (site-tiles.ts). The page never builds, clones or copies a feature or a
 * coordinate for this, and nothing is clustered for tiles nobody looks at.
 */
import { POINTS_ASK_CHANNEL, POINTS_CHANNEL, POINTS_HEARD_MS } from '../../lib/points-channel';
import type { PointsAsk, PointsMessage } from '../../lib/points-channel';
import { buildSiteIndex, encodeSiteTile, tileEtag, tileFeatures } from './site-tiles';
import { EXTENT, parseTileUrl, parseWarmUrl, POINTS_PROTOCOL, WARM_SET } from './site-tile-spec';
import type { SiteIndex } from './site-tiles';
import type { PointsRef } from './site-tile-spec';

interface MapLibreWorkerScope {
  addProtocol(name: string, load: (params: { url: string }, abort: AbortController) => Promise<{ data: unknown; etag?: string }>): void;
}
const scope = self as unknown as MapLibreWorkerScope;

/** How long a tile waits for a page to say a set it asked for. */
const ASK_TIMEOUT_MS = 10_000;
/**
 * How long a tile waits for a set it has not heard before it asks. The link worker says a set on
 * the channel before the page hears of the set, but a message that big (1.6 MB for 100,000 sites,
 * cloned for every listener) can reach this worker after the tile's request: without the wait,
 * a warm page's import was asked for and said a second time.
 */
const ASK_GRACE_MS = 300;
/** Sets heard and used by an index that are kept (the most recently used). */
const KEEP_USED = 4;

/** Coordinates said on the points channel, by their key (`timer`: set while not yet used). */
const heard = new Map<string, { coords: Float64Array; timer: ReturnType<typeof setTimeout> | null }>();
/** Tiles waiting for a set they asked for. */
const waiting = new Map<string, ((coords: Float64Array) => void)[]>();
const asks = typeof BroadcastChannel === 'function' ? new BroadcastChannel(POINTS_ASK_CHANNEL) : null;

if (typeof BroadcastChannel === 'function')
  new BroadcastChannel(POINTS_CHANNEL).onmessage = (e: MessageEvent<PointsMessage>) => {
    const m = e.data;
    if (m?.kind === 'drop' && typeof m.ch === 'string') forget(m.ch);
    else if (m?.kind === 'points' && typeof m.ch === 'string' && m.coords instanceof Float64Array) {
      const { ch, coords } = m;
      const wanted = waiting.get(ch);
      waiting.delete(ch);
      forget(ch);
      heard.set(ch, { coords, timer: wanted ? null : setTimeout(() => forget(ch), POINTS_HEARD_MS) });
      wanted?.forEach((give) => give(coords));
    }
  };

function forget(ch: string): void {
  const h = heard.get(ch);
  if (h?.timer) clearTimeout(h.timer);
  heard.delete(ch);
}

/** A set's coordinates: as heard on the channel (then kept, the last few used), else asked for. */
function coordsOf(r: PointsRef): Promise<Float64Array> {
  const h = heard.get(r.ch);
  if (!h) return ask(r);
  if (h.timer) clearTimeout(h.timer);
  h.timer = null;
  // the most recently used last
  heard.delete(r.ch);
  heard.set(r.ch, h);
  const used = [...heard].filter(([, x]) => !x.timer).map(([ch]) => ch);
  for (const ch of used.slice(0, -KEEP_USED)) heard.delete(ch);
  return Promise.resolve(h.coords);
}

function ask(r: PointsRef): Promise<Float64Array> {
  if (!asks) return Promise.reject(new Error(`point set ${r.key}: no channel to ask for it`));
  return new Promise((resolve, reject) => {
    const list = waiting.get(r.ch) ?? [];
    // asked once however many tiles wait; not at all if the set is heard meanwhile (waiting then cleared)
    if (list.length === 0) setTimeout(() => waiting.has(r.ch) && asks.postMessage({ kind: 'ask', ch: r.ch } satisfies PointsAsk), ASK_GRACE_MS);
    const give = (coords: Float64Array) => {
      clearTimeout(timer);
      resolve(coords);
    };
    const timer = setTimeout(() => {
      // no longer waiting: a later tile of this set asks again
      const left = (waiting.get(r.ch) ?? []).filter((g) => g !== give);
      if (left.length > 0) waiting.set(r.ch, left);
      else waiting.delete(r.ch);
      reject(new Error(`point set ${r.key}: no page said it`));
    }, ASK_TIMEOUT_MS);
    list.push(give);
    waiting.set(r.ch, list);
  });
}

/** The indexes of the last few URLs' sets (a set added or removed makes a new one). */
const indexes = new Map<string, Promise<SiteIndex>>();
const KEEP = 2;

function indexOf(sets: string, refs: readonly PointsRef[]): Promise<SiteIndex> {
  let index = indexes.get(sets);
  if (!index) {
    // shared by every tile of these sets: no one tile's abort cancels it
    index = Promise.all(refs.map(coordsOf)).then((arrays) =>
      buildSiteIndex(
        refs.map((r, k) => {
          if (arrays[k]!.length < 2 * r.count) throw new Error(`point set ${r.key}: ${arrays[k]!.length / 2} points, ${r.count} expected`);
          return { key: r.key, coords: arrays[k]!, count: r.count, idBase: r.idBase, color: r.color };
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
 * The warm-up's clusters: their labels ("1.2k", "3.4k", "5.7k", "89k", "60") hold every character
 * a count label can have, so the glyphs are drawn then, not while an import's tiles are laid out.
 */
const WARM_COUNTS = [1200, 3400, 5650, 89_000, 60];

/**
 * Once, with the warm-up's first tile: index and cut made-up sites five times over (40–55 ms of
 * this worker's time while the page is idle), so its JIT has optimised the indexing and tiling
 * code before an import's 100,000 arrive. With one round of 5,000, the first import's index and
 * first tile took 50–70 ms in the browser here; with these rounds and the grid cells' sums
 * (site-tiles.ts), 17–38 ms.
 */
let jitWarm = false;
function warmJit(): void {
  if (jitWarm) return;
  jitWarm = true;
  const n = 8000;
  const coords = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    coords[2 * i] = 121 + ((i * 7919) % n) / n;
    coords[2 * i + 1] = 31 + ((i * 104729) % n) / n;
  }
  for (let round = 0; round < 5; round++) {
    const index = buildSiteIndex([{ key: WARM_SET, coords, count: n, idBase: 0, color: 0 }]);
    for (const [z, x, y] of [
      [7, 107, 52],
      [10, 857, 417],
      [12, 3430, 1670],
      [16, 54886, 26720],
    ] as const)
      encodeSiteTile(tileFeatures(index, z, x, y));
  }
}

scope.addProtocol(POINTS_PROTOCOL, async ({ url }) => {
  const warm = parseWarmUrl(url);
  if (warm) warmJit();
  const t = warm ? null : parseTileUrl(url);
  if (!warm && !t) throw new Error(`not a site tile URL: ${url.slice(0, 80)}`);
  const bytes = encodeSiteTile(
    warm
      ? [
          ...WARM_COUNTS.map((count) => ({ kind: 'cluster' as const, x: HALF, y: HALF, count, expand: warm.z + 1 })),
          { kind: 'site', x: HALF, y: HALF, id: 0, set: WARM_SET, i: 0, c: 0 },
        ]
      : tileFeatures(await indexOf(t!.sets, t!.refs), t!.z, t!.x, t!.y),
  );
  // the ETag: a tile an import reloads and leaves as it was is kept as it is, with no frame drawn for it
  return { data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), etag: tileEtag(bytes) };
});
