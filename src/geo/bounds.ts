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
