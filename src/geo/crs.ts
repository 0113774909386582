/**
 * The one coordinate-system module. The app works in WGS-84 throughout; GCJ-02 (AMap, Tencent and
 * most Chinese sources) and BD-09 (Baidu maps) are converted to WGS-84 at the edges: by the data
 * build (echarts boundaries, authored park coordinates), by `npm run link` and by the browser's
 * site import, all through these functions (gcoord does the arithmetic; its conversions are good
 * to about a metre).
 */
import gcoord from 'gcoord';

const CRS_IDS = ['wgs84', 'gcj02', 'bd09'] as const;
export type Crs = (typeof CRS_IDS)[number];

/** How each system is written in labels, file notes and the data's authoring files. */
export const CRS_LABEL: Record<Crs, string> = { wgs84: 'WGS-84', gcj02: 'GCJ-02', bd09: 'BD-09' };

export function isCrs(v: unknown): v is Crs {
  return typeof v === 'string' && (CRS_IDS as readonly string[]).includes(v);
}

/** 'WGS-84', 'gcj-02', 'BD09', 'gcj02' … → the id, or null. */
export function parseCrs(v: string): Crs | null {
  const id = v.toLowerCase().replace(/[-_\s]/g, '');
  return isCrs(id) ? id : null;
}

const SYSTEM = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/**
 * One point to WGS-84, rounded to `decimals` (default 7: 1e-7° ≈ 1 cm, far below the
 * conversion's own error). WGS-84 input is returned unchanged.
 */
export function toWgs84(lon: number, lat: number, crs: Crs, decimals = 7): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], SYSTEM[crs], gcoord.WGS84) as [number, number];
  const k = 10 ** decimals;
  return [Math.round(x * k) / k, Math.round(y * k) / k];
}

/** One WGS-84 point into another system (to compare a point with a source in that system), rounded likewise. */
export function fromWgs84(lon: number, lat: number, crs: Crs, decimals = 7): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], gcoord.WGS84, SYSTEM[crs]) as [number, number];
  const k = 10 ** decimals;
  return [Math.round(x * k) / k, Math.round(y * k) / k];
}

type GcoordInput = Parameters<typeof gcoord.transform>[0];

/** A whole GeoJSON object to WGS-84, on a clone (gcoord.transform changes its argument in place). */
export function geoJsonToWgs84<T extends object>(geojson: T, crs: Crs): T {
  const copy = structuredClone(geojson);
  if (crs === 'wgs84') return copy;
  // gcoord declares its own GeoJSON types (tuple positions); they are structurally the same data.
  return gcoord.transform(copy as unknown as GcoordInput, SYSTEM[crs], gcoord.WGS84) as unknown as T;
}
