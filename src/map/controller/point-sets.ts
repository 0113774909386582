/**
 * Point sets (an import's sites) for an overlay source, and the URL by which MapLibre's worker
 * reads them itself (src/map/controller/points.worker.ts): the page hands the worker a blob of the
 * coordinates and a short URL naming it, never the features, so 100,000 sites cost the page no
 * feature objects, no cloning and no long task. Pure: used by the page and by that worker.
 */

/**
 * One set of points: feature i is `{ id: idBase + i, geometry: Point(coords[2i], coords[2i+1]),
 * properties: { set: key, i } }`.
 */
export interface PointSet {
  key: string;
  /** WGS-84 lon, lat interleaved (at least 2 × count numbers) */
  coords: Float64Array;
  count: number;
  idBase: number;
}

/** What a points URL lists for each set: the blob of its coordinates and how to name its features. */
export interface PointsRef {
  /** blob: URL of the set's coordinates (count × 2 little-endian float64) */
  url: string;
  key: string;
  count: number;
  idBase: number;
}

/** The protocol MapLibre's worker answers for point sets (registered there by points.worker.ts). */
export const POINTS_PROTOCOL = 'sitepoints';
const PREFIX = `${POINTS_PROTOCOL}://sets/`;

/** Features i0…i1-1 of a set (i1 is capped at count). */
export function pointFeatures(set: Omit<PointSet, 'coords'> & { coords: ArrayLike<number> }, i0: number, i1: number): GeoJSON.Feature<GeoJSON.Point>[] {
  const out: GeoJSON.Feature<GeoJSON.Point>[] = [];
  const c = set.coords;
  for (let i = i0; i < Math.min(i1, set.count); i++)
    out.push({
      type: 'Feature',
      id: set.idBase + i,
      geometry: { type: 'Point', coordinates: [c[2 * i]!, c[2 * i + 1]!] },
      properties: { set: set.key, i },
    });
  return out;
}

/** The URL naming the sets' blobs, for a GeoJSON source's `data`. */
export function pointsUrl(refs: readonly PointsRef[]): string {
  return PREFIX + encodeURIComponent(JSON.stringify(refs.map((r) => [r.url, r.key, r.count, r.idBase])));
}

/** Whether a value is a point-set URL. */
export function isPointsUrl(url: unknown): boolean {
  return typeof url === 'string' && url.startsWith(PREFIX);
}

/** The sets a points URL names, or null when it is not one (or not well formed). */
export function parsePointsUrl(url: string): PointsRef[] | null {
  if (!url.startsWith(PREFIX)) return null;
  let rows: unknown;
  try {
    rows = JSON.parse(decodeURIComponent(url.slice(PREFIX.length)));
  } catch {
    return null;
  }
  if (!Array.isArray(rows)) return null;
  const refs: PointsRef[] = [];
  for (const r of rows) {
    if (!Array.isArray(r) || r.length !== 4) return null;
    const [u, key, count, idBase] = r as unknown[];
    if (typeof u !== 'string' || !u.startsWith('blob:') || typeof key !== 'string') return null;
    if (!Number.isSafeInteger(count) || (count as number) < 0 || !Number.isSafeInteger(idBase)) return null;
    refs.push({ url: u, key, count: count as number, idBase: idBase as number });
  }
  return refs;
}

/** The features of the sets whose coordinate buffers are given (in the order of refs). */
export function featuresOfBuffers(refs: readonly PointsRef[], buffers: readonly ArrayBuffer[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const features: GeoJSON.Feature<GeoJSON.Point>[] = [];
  refs.forEach((r, k) => {
    const coords = new Float64Array(buffers[k]!);
    if (coords.length < 2 * r.count) throw new Error(`point set ${r.key}: ${coords.length / 2} points, ${r.count} expected`);
    for (const f of pointFeatures({ ...r, coords }, 0, r.count)) features.push(f);
  });
  return { type: 'FeatureCollection', features };
}
