/**
 * Schematic footprints of places and how they meet the plan's zones.
 *
 * A place with a stated area gets a footprint: the polygon drawn from its 四至 where the bounds can
 * be placed, otherwise a circle of the stated area around its point. Linking tests the footprint,
 * not only the point: a zone that the footprint touches (Turf `booleanIntersects`) links the place
 * too, marked `by: 'footprint'` (rule in data/README.md).
 */
import { booleanIntersects, circle, distance, feature } from '@turf/turf';
import type { Polygon } from 'geojson';
import type { Link } from '../loaders/schemas';
import { isAreal, sortSectors } from './link';
import type { Linker } from './link';
import { areaKm2 } from './recipes';
import type { LonLat, PointLinks, ZoneFeature } from './types';
import { linkStrength } from './strength';

/** Vertices of a footprint circle (the polygon's area is within 1 % of the circle's at this count). */
export const FOOTPRINT_STEPS = 32;

/**
 * A circle of `areaKm2` around `at` (WGS-84), as a polygon with its vertices rounded to 1e-4°
 * (≈ 10 m: the circle is schematic, and its centre is uncertain by far more).
 */
export function circleFootprint(at: LonLat, areaKm2Stated: number): Polygon {
  if (!(areaKm2Stated > 0)) throw new RangeError(`a footprint needs an area > 0, got ${areaKm2Stated}`);
  const radiusKm = Math.sqrt(areaKm2Stated / Math.PI);
  const ring = circle(at, radiusKm, { steps: FOOTPRINT_STEPS, units: 'kilometers' }).geometry.coordinates[0]!;
  return { type: 'Polygon', coordinates: [ring.map(([x, y]) => [Math.round(x! * 1e4) / 1e4, Math.round(y! * 1e4) / 1e4])] };
}

/** The drawn area against the stated one: (drawn − stated) / stated (−0.1 is 10 % too small). */
export function areaDeviation(footprint: Polygon, statedKm2: number): number {
  return (areaKm2(footprint) - statedKm2) / statedKm2;
}

/** Great-circle distance in metres. */
export function distanceM(a: LonLat, b: LonLat): number {
  return distance(a, b, { units: 'kilometers' }) * 1000;
}

/** Ids of the areal zones a footprint touches (shares any point with), in data order. */
export function zonesTouching(footprint: Polygon, zones: readonly ZoneFeature[]): string[] {
  const f = feature(footprint);
  return zones.filter((z) => isAreal(z) && booleanIntersects(f, feature(z.geometry))).map((z) => z.properties.id);
}

export interface PlaceToLink {
  at: LonLat;
  footprint: Polygon | null;
  /** the plan's designations of the place */
  designations: Parameters<Linker['link']>[2];
  /** links from the official list (via 'list'), added after the plan's */
  listLinks: readonly Link[];
}

/**
 * Links a place: the point through the linker (designations, zones containing the point), then
 * every further zone its footprint touches, then its list links. Zone links say `by` which
 * geometry met the zone. Zones: the point's first, then the footprint's, each in data order.
 */
export function linkPlace(linker: Linker, zones: readonly ZoneFeature[], place: PlaceToLink): PointLinks {
  const point = linker.link(place.at[0], place.at[1], place.designations);
  const links: Link[] = point.links.map((l) => (l.via === 'zone' ? { ...l, by: 'point' as const } : l));
  const extra = place.footprint ? zonesTouching(place.footprint, zones).filter((id) => !point.zones.includes(id)) : [];
  const byId = new Map(zones.map((z) => [z.properties.id, z]));
  const seen = new Set(links.map((l) => `${l.via}|${l.zone}|${l.node}|${l.clause}|${l.phrase}`));
  for (const id of extra)
    for (const d of byId.get(id)!.properties.links) {
      const l: Link = {
        ...d,
        via: 'zone',
        zone: id,
        by: 'footprint',
        strength: linkStrength('zone', { scope: byId.get(id)!.properties.scope, by: 'footprint' }),
      };
      const key = `${l.via}|${l.zone}|${l.node}|${l.clause}|${l.phrase}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push(l);
    }
  links.push(...place.listLinks);
  return {
    district: point.district,
    zones: [...point.zones, ...extra],
    sectors: sortSectors(links.map((l) => l.sector)),
    links,
  };
}
