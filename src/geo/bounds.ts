/** The west-south and east-north corners of features (e.g. the city's districts, to fit the map to Shanghai). */
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';

export type Bounds = [[west: number, south: number], [east: number, north: number]];

/** The bounds of every coordinate of the collection; null for a collection without any. */
export function boundsOf(fc: FeatureCollection): Bounds | null {
  const [w, s, e, n] = bbox(fc);
  return [w, s, e, n].every(Number.isFinite)
    ? [
        [w, s],
        [e, n],
      ]
    : null;
}

/** The bounds grown to take in a point as well. */
export function withPoint([[w, s], [e, n]]: Bounds, lng: number, lat: number): Bounds {
  return [
    [Math.min(w, lng), Math.min(s, lat)],
    [Math.max(e, lng), Math.max(n, lat)],
  ];
}

/** MapLibre's tile size: at zoom z the world is 512 × 2^z px wide. */
const WORLD_PX = 512;
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/**
 * Whether a map of `width` × `height` px centred at `center` and `zoom` shows nothing beyond
 * `limits` (Web Mercator, as MapLibre draws it). MapLibre moves a camera that would show more
 * until it does not, so a framing that needs it lands elsewhere.
 */
export function viewWithin(center: [number, number], zoom: number, width: number, height: number, [[w, s], [e, n]]: Bounds): boolean {
  const pxPerRadian = (WORLD_PX * 2 ** zoom) / (2 * Math.PI);
  const halfX = width / 2 / pxPerRadian;
  const halfY = height / 2 / pxPerRadian;
  const x = (center[0] * Math.PI) / 180;
  const y = mercatorY(center[1]);
  const eps = 1e-9;
  return x - halfX >= (w * Math.PI) / 180 - eps && x + halfX <= (e * Math.PI) / 180 + eps && y - halfY >= mercatorY(s) - eps && y + halfY <= mercatorY(n) + eps;
}

/**
 * The box of the points (lon, lat interleaved) that lie within `limits` (the map's: it cannot
 * show the others), grown about its middle to at least `minSpan` degrees each way (one site, or a
 * few in one street: framed at a street's scale, not the map's closest zoom); null for none.
 */
export function pointsBounds(coords: ArrayLike<number>, [[lw, ls], [le, ln]]: Bounds, minSpan: number): Bounds | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (let i = 0; i + 1 < coords.length; i += 2) {
    const x = coords[i]!;
    const y = coords[i + 1]!;
    if (!(x >= lw && x <= le && y >= ls && y <= ln)) continue;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  if (w > e) return null;
  const grow = (a: number, b: number): [number, number] => (b - a >= minSpan ? [a, b] : [(a + b) / 2 - minSpan / 2, (a + b) / 2 + minSpan / 2]);
  const [gw, ge] = grow(w, e);
  const [gs, gn] = grow(s, n);
  return [
    [gw, gs],
    [ge, gn],
  ];
}
