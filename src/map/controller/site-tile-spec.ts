/**
 * What the page and MapLibre's worker agree on for the sites' tiles (site-tiles.ts makes them,
 * points.worker.ts serves them): the tiles URL naming the sets' coordinates by their keys on the
 * points channel, the layer and the zooms. Kept apart from site-tiles.ts so the page does not load the tile maker. Pure.
 */

/** The tiles' one layer (the layers' `source-layer`). */
export const SITE_TILE_LAYER = 'sites';
/** Cells per tile side: 64 px cells on a 512 px tile. */
export const CLUSTER_CELLS = 8;
/** The last zoom that clusters; tiles of higher zooms hold every site. */
export const CLUSTER_MAX_ZOOM = 14;
/** The source's maxzoom: the tiles of this zoom are overzoomed above it. */
export const SITE_TILES_MAX_ZOOM = CLUSTER_MAX_ZOOM + 1;
/** Tile coordinates of MVT geometry. */
export const EXTENT = 4096;

/** The protocol MapLibre's worker answers for the sites' tiles (registered there by points.worker.ts). */
export const POINTS_PROTOCOL = 'sitepoints';
const PREFIX = `${POINTS_PROTOCOL}://tiles/`;

/** What a tiles URL names for each set: the key its coordinates were said under, and how to name and colour its features. */
export interface PointsRef {
  /** the key of its coordinates on the points channel (src/lib/points-channel.ts) */
  ch: string;
  key: string;
  count: number;
  idBase: number;
  /** its colour's slot (a site's `c`: siteColorSlot, src/theme/sites.ts) */
  color: number;
}

/** The most colour slots a URL may name. */
const MAX_COLOR_SLOT = 255;

/**
 * The tiles URL template (MapLibre fills in {z}/{x}/{y}) naming the sets' coordinates: what
 * MapLibre's worker is asked for. With no sets it names none, and every tile is empty.
 */
export function tilesUrl(refs: readonly PointsRef[]): string {
  return `${PREFIX}{z}/{x}/{y}?s=${encodeURIComponent(JSON.stringify(refs.map((r) => [r.ch, r.key, r.count, r.idBase, r.color])))}`;
}

/**
 * The tiles template a point-set source is added with: it names the source, never its sets, so
 * it never changes. Each tile request is given the sets the source shows at that moment
 * (`tileRequestUrl`, from the map's transformRequest), and an import reloads the tiles in view
 * (MapLibre's refreshTiles): no style change and no source reload, which would each wait for
 * frames before a tile is even asked for.
 */
export function sourceTilesUrl(source: string): string {
  return `${PREFIX}{z}/{x}/{y}?source=${encodeURIComponent(source)}`;
}

/**
 * A tile request of a point-set source's template, given the sets that source shows now (its
 * `tilesUrl`, through `setsOf`): the URL naming them; null for any other URL. A source with no
 * sets known asks for empty tiles.
 */
export function tileRequestUrl(url: string, setsOf: (source: string) => string | undefined): string | null {
  const m = /^sitepoints:\/\/tiles\/(\d+)\/(\d+)\/(\d+)\?source=([^&]*)$/.exec(url);
  if (!m) return null;
  let source: string;
  try {
    source = decodeURIComponent(m[4]!);
  } catch {
    return null;
  }
  return (setsOf(source) ?? tilesUrl([])).replace('{z}', m[1]!).replace('{x}', m[2]!).replace('{y}', m[3]!);
}

/** A tile request: its tile and the sets it names (`sets` is the key they are indexed by), or null. */
export function parseTileUrl(url: string): { z: number; x: number; y: number; sets: string; refs: PointsRef[] } | null {
  const m = /^sitepoints:\/\/tiles\/(\d+)\/(\d+)\/(\d+)\?s=(.*)$/.exec(url);
  if (!m) return null;
  const [z, x, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (z > 30 || x >= 2 ** z || y >= 2 ** z) return null;
  let rows: unknown;
  try {
    rows = JSON.parse(decodeURIComponent(m[4]!));
  } catch {
    return null;
  }
  if (!Array.isArray(rows)) return null;
  const refs: PointsRef[] = [];
  for (const r of rows) {
    if (!Array.isArray(r) || r.length !== 5) return null;
    const [ch, key, count, idBase, color] = r as unknown[];
    if (typeof ch !== 'string' || ch === '' || typeof key !== 'string') return null;
    if (!Number.isSafeInteger(count) || (count as number) < 0 || !Number.isSafeInteger(idBase)) return null;
    if (!Number.isInteger(color) || (color as number) < 0 || (color as number) > MAX_COLOR_SLOT) return null;
    refs.push({ ch, key, count: count as number, idBase: idBase as number, color: color as number });
  }
  return { z, x, y, sets: m[4]!, refs };
}

/**
 * The tiles of the sites' warm-up (map-controller.ts): every tile holds one cluster and one site
 * at its centre, so the sites' layers draw once, unseen, and their GPU programs are compiled
 * before the first import needs them.
 */
export const WARM_TILES = `${POINTS_PROTOCOL}://warm/{z}/{x}/{y}`;
/** The set key of the warm-up's site. */
export const WARM_SET = 'warm';

/** The tile a warm-up URL names, or null. */
export function parseWarmUrl(url: string): { z: number; x: number; y: number } | null {
  const m = /^sitepoints:\/\/warm\/(\d+)\/(\d+)\/(\d+)$/.exec(url);
  return m ? { z: Number(m[1]), x: Number(m[2]), y: Number(m[3]) } : null;
}
