/**
 * Distances for the find tools: great-circle (haversine) kilometres with Turf, nearest-first
 * ranking, radius queries and the circle drawn for them. Pure; coordinates are WGS-84 [lon, lat].
 */
import { centroid, circle, distance } from '@turf/turf';
import type { Feature, Geometry, Polygon } from 'geojson';

export type LngLat = [number, number];

export interface Located {
  id: string;
  coord: LngLat;
}

export interface Ranked {
  id: string;
  km: number;
  /** km the distance may be off by: the two positions' stated uncertainty added (absent: not stated) */
  pm?: number;
}

/** Great-circle distance in km. */
export function distanceKm(a: LngLat, b: LngLat): number {
  return distance(a, b, { units: 'kilometers' });
}

/** Every item with its distance from `origin`, nearest first (ties: by id, so the order is stable). */
export function rankByDistance(origin: LngLat, items: readonly Located[]): Ranked[] {
  return items.map((it) => ({ id: it.id, km: distanceKm(origin, it.coord) })).sort((a, b) => a.km - b.km || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The `n` items nearest to `origin`. */
export function nearest(origin: LngLat, items: readonly Located[], n: number): Ranked[] {
  return rankByDistance(origin, items).slice(0, Math.max(0, n));
}

/** The items within `km` of `origin` (boundary included), nearest first. */
export function withinRadius(origin: LngLat, items: readonly Located[], km: number): Ranked[] {
  if (!(km >= 0)) return [];
  return rankByDistance(origin, items).filter((r) => r.km <= km);
}

/** The circle of a radius query, as a polygon (64 steps). */
export function radiusCircle(origin: LngLat, km: number, steps = 64): Feature<Polygon> {
  return circle(origin, km, { units: 'kilometers', steps });
}

/** Centroid (mean of the vertices, Turf `centroid`) of a geometry. */
export function centroidOf(g: Geometry): LngLat {
  const c = centroid({ type: 'Feature', properties: {}, geometry: g }).geometry.coordinates;
  return [c[0]!, c[1]!];
}

/** Distances from one point to each named reference point, in the order given. */
export function distancesToRefs(from: LngLat, refs: readonly { id: string; coord: LngLat }[]): Ranked[] {
  return refs.map((r) => ({ id: r.id, km: distanceKm(from, r.coord) }));
}
