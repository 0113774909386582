/**
 * Geometry recipes: how a schematic zone is drawn from the plan's prose, as data.
 * Each recipe is evaluated with Turf; the build records the recipe's prose in `derivation`.
 */
import {
  area,
  bboxPolygon,
  buffer,
  centerOfMass,
  circle,
  convex,
  difference,
  featureCollection,
  feature,
  intersect,
  simplify,
  truncate,
  union,
} from '@turf/turf';
import type { Geometry, LineString, MultiLineString, MultiPoint, MultiPolygon, Polygon } from 'geojson';
import type { Areal, LonLat } from './types';

export type Waypoint = LonLat | { park: string } | { district: string };

export type Recipe =
  | { polygon: LonLat[] }
  | { bbox: [number, number, number, number] }
  | { districts: string[] | 'all' }
  | { zone: string }
  | { footprint: string }
  | { points: Waypoint[] }
  | { line: Waypoint[] }
  | { lines: Waypoint[][] }
  | { circle: { at: Waypoint; area_km2?: number; radius_km?: number } }
  | { buffer: Recipe; km: number }
  | { hull: Recipe }
  | { intersect: [Recipe, Recipe] }
  | { difference: [Recipe, Recipe] }
  | { union: Recipe[] };

export type RecipeGeometry = Areal | LineString | MultiLineString | MultiPoint;

export interface RecipeContext {
  park(id: string): LonLat | undefined;
  district(name: string): Areal | undefined;
  allDistricts(): Areal[];
  zone(id: string): RecipeGeometry | undefined;
  footprint(parkId: string): Polygon | undefined;
}

export class RecipeError extends Error {}

const CIRCLE_STEPS = 64;

export function evaluateRecipe(r: Recipe, ctx: RecipeContext): RecipeGeometry {
  if ('polygon' in r) {
    const ring = r.polygon;
    const closed = sameLonLat(ring[0], ring[ring.length - 1]) ? ring : [...ring, ring[0]!];
    if (closed.length < 4) throw new RecipeError('a polygon needs at least 3 distinct vertices');
    return { type: 'Polygon', coordinates: [closed] };
  }
  if ('bbox' in r) return bboxPolygon(r.bbox).geometry;
  if ('districts' in r) {
    const parts =
      r.districts === 'all'
        ? ctx.allDistricts()
        : r.districts.map((n) => {
            const d = ctx.district(n);
            if (!d) throw new RecipeError(`unknown district '${n}'`);
            return d;
          });
    return unionAreal(parts);
  }
  if ('zone' in r) {
    const z = ctx.zone(r.zone);
    if (!z) throw new RecipeError(`zone '${r.zone}' is not defined before it is used`);
    return z;
  }
  if ('footprint' in r) {
    const f = ctx.footprint(r.footprint);
    if (!f) throw new RecipeError(`park '${r.footprint}' has no footprint`);
    return f;
  }
  if ('points' in r) return { type: 'MultiPoint', coordinates: r.points.map((w) => waypoint(w, ctx)) };
  if ('line' in r) return { type: 'LineString', coordinates: r.line.map((w) => waypoint(w, ctx)) };
  if ('lines' in r) return { type: 'MultiLineString', coordinates: r.lines.map((l) => l.map((w) => waypoint(w, ctx))) };
  if ('circle' in r) {
    const { at, area_km2, radius_km } = r.circle;
    const radius = radius_km ?? (area_km2 !== undefined ? Math.sqrt(area_km2 / Math.PI) : undefined);
    if (radius === undefined || !(radius > 0)) throw new RecipeError('a circle needs radius_km or area_km2 > 0');
    return circle(waypoint(at, ctx), radius, { steps: CIRCLE_STEPS, units: 'kilometers' }).geometry;
  }
  if ('buffer' in r) {
    const g = evaluateRecipe(r.buffer, ctx);
    const out = buffer(feature(g), r.km, { units: 'kilometers', steps: 16 });
    const geom = out && 'geometry' in out ? out.geometry : undefined;
    if (!geom || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon')) throw new RecipeError('buffer produced no polygon');
    return geom;
  }
  if ('hull' in r) {
    const g = evaluateRecipe(r.hull, ctx);
    const hull = convex(feature(g));
    if (!hull) throw new RecipeError('convex hull is empty');
    return hull.geometry;
  }
  if ('intersect' in r) {
    const [a, b] = r.intersect.map((x) => areal(evaluateRecipe(x, ctx), 'intersect'));
    const out = intersect(featureCollection([feature(a!), feature(b!)]));
    if (!out) throw new RecipeError('the intersection is empty');
    return out.geometry;
  }
  if ('difference' in r) {
    const [a, b] = r.difference.map((x) => areal(evaluateRecipe(x, ctx), 'difference'));
    const out = difference(featureCollection([feature(a!), feature(b!)]));
    if (!out) throw new RecipeError('the difference is empty');
    return out.geometry;
  }
  if ('union' in r) return unionAreal(r.union.map((x) => areal(evaluateRecipe(x, ctx), 'union')));
  throw new RecipeError(`unknown recipe ${JSON.stringify(r).slice(0, 60)}`);
}

function sameLonLat(a: LonLat | undefined, b: LonLat | undefined): boolean {
  return !!a && !!b && a[0] === b[0] && a[1] === b[1];
}

function waypoint(w: Waypoint, ctx: RecipeContext): LonLat {
  if (Array.isArray(w)) return w;
  if ('park' in w) {
    const p = ctx.park(w.park);
    if (!p) throw new RecipeError(`unknown park '${w.park}'`);
    return p;
  }
  const d = ctx.district(w.district);
  if (!d) throw new RecipeError(`unknown district '${w.district}'`);
  return centerOfMass(feature(d)).geometry.coordinates as LonLat;
}

function areal(g: RecipeGeometry, op: string): Areal {
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') return g;
  throw new RecipeError(`${op} needs polygons, got a ${g.type}`);
}

function unionAreal(parts: Areal[]): Areal {
  if (parts.length === 0) throw new RecipeError('union of nothing');
  if (parts.length === 1) return parts[0]!;
  const out = union(featureCollection(parts.map((p) => feature(p))));
  if (!out) throw new RecipeError('union is empty');
  return out.geometry;
}

/**
 * Simplifies by `toleranceDeg` (0.0005° ≈ 50 m, inside the ±100–300 m of the district
 * boundaries these zones are cut from) and rounds to 4 decimals (≈11 m, the districts' own).
 */
export function roundGeometry<G extends Geometry>(g: G, toleranceDeg = 0.0005): G {
  const simple =
    toleranceDeg > 0 && g.type !== 'Point' && g.type !== 'MultiPoint' ? simplify(feature(g), { tolerance: toleranceDeg, highQuality: true }) : feature(g);
  return truncate(simple, { precision: 4, coordinates: 2 }).geometry as G;
}

export function areaKm2(g: Polygon | MultiPolygon): number {
  return area(feature(g)) / 1e6;
}
