/**
 * The area query of the find tools: which parks lie inside a drawn polygon and which zones it
 * touches. Pure Turf.
 */
import { booleanIntersects, booleanValid, pointsWithinPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Point, Polygon } from 'geojson';
import type { Located } from './nearest';

/** A drawn ring is usable when it has ≥ 3 distinct corners and is a valid polygon. */
export function isUsablePolygon(p: Polygon | null | undefined): p is Polygon {
  if (!p || p.type !== 'Polygon' || !Array.isArray(p.coordinates[0])) return false;
  const ring = p.coordinates[0];
  const distinct = new Set(ring.map((c) => `${c[0]},${c[1]}`));
  if (distinct.size < 3 || ring.length < 4) return false;
  try {
    return booleanValid(p);
  } catch {
    return false;
  }
}

/** Ids of the points inside the polygon (boundary counts as inside), in input order. */
export function parksInPolygon(polygon: Polygon, items: readonly Located[]): string[] {
  if (!isUsablePolygon(polygon)) return [];
  const fc: FeatureCollection<Point, { id: string }> = {
    type: 'FeatureCollection',
    features: items.map((it) => ({ type: 'Feature', properties: { id: it.id }, geometry: { type: 'Point', coordinates: it.coord } })),
  };
  const inside = new Set(pointsWithinPolygon(fc, polygon).features.map((f) => f.properties.id));
  return items.filter((it) => inside.has(it.id)).map((it) => it.id);
}

/** Ids of the features (zones: polygons and axis lines) the polygon intersects, in input order. */
export function featuresIntersecting<P extends { id: string }>(polygon: Polygon, features: readonly Feature<Geometry, P>[]): string[] {
  if (!isUsablePolygon(polygon)) return [];
  const area: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: polygon };
  return features.filter((f) => booleanIntersects(area, f)).map((f) => f.properties.id);
}
