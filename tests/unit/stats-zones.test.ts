/**
 * The zones table (figures from the data build's stats.json): each zone's area against an independent computation (sinusoidal equal-area
 * projection and the shoelace formula, written here), district shares against a grid of points
 * tested one by one, parks inside against parks.geojson, and the sort.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { diskFetcher, realGeoFixture, readGeoJson } from '../fakes/geo-disk';
import { selectZoneRows } from '../../src/state/selectors/stats';
import { sortZoneRows } from '../../src/state/stats/zones';

type F<P> = { properties: P; geometry: Geometry };
const ZONES = readGeoJson<{ features: F<{ id: string; area_km2: number | null; kind: string }>[] }>('zones.geojson').features;
const DISTRICTS = readGeoJson<{ features: F<{ name_zh: string }>[] }>('districts.geojson').features;
const PARKS = readGeoJson<{ features: F<{ id: string; zones: string[]; district: string }>[] }>('parks.geojson').features.map((f) => f.properties);

const R = 6371008.8; // mean Earth radius, m
const rad = (d: number) => (d * Math.PI) / 180;
/** ring area in m² on a sinusoidal projection centred at lng0 (equal-area) */
function ringM2(ring: Position[], lng0: number): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = [R * rad(ring[i]![0]! - lng0) * Math.cos(rad(ring[i]![1]!)), R * rad(ring[i]![1]!)];
    const [x2, y2] = [R * rad(ring[i + 1]![0]! - lng0) * Math.cos(rad(ring[i + 1]![1]!)), R * rad(ring[i + 1]![1]!)];
    s += x1 * y2 - x2 * y1;
  }
  return Math.abs(s) / 2;
}
const polys = (g: Geometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);
function km2(g: Geometry): number {
  let m2 = 0;
  for (const p of polys(g)) {
    const lng0 = p[0]![0]![0]!;
    m2 += ringM2(p[0]!, lng0) - p.slice(1).reduce((a, h) => a + ringM2(h, lng0), 0);
  }
  return m2 / 1e6;
}

const real = realGeoFixture();
// the geometry figures are computed once per store (its memo): one store for the read-only tests
let shared: ReturnType<typeof real.store> | null = null;
const sharedStore = () => shared!;
// the areas and district shares come from the data build (public/geo/stats.json), loaded as the view does
beforeAll(async () => {
  shared = real.store();
  await shared.getState().loadStatsFigures('/', diskFetcher());
});

describe('zones table', () => {
  it('every areal zone’s area matches an independent computation within 0.5 %, and the build’s figure; lines have none', () => {
    const rows = new Map(selectZoneRows(sharedStore().getState()).map((r) => [r.id, r]));
    expect(rows.size).toBe(ZONES.length);
    for (const z of ZONES) {
      const r = rows.get(z.properties.id)!;
      if (z.geometry.type === 'Polygon' || z.geometry.type === 'MultiPolygon') {
        const want = km2(z.geometry);
        expect(want).toBeGreaterThan(0);
        expect(Math.abs(r.km2! - want) / want, z.properties.id).toBeLessThan(0.005);
        if (z.properties.area_km2 !== null)
          expect(Math.abs(r.km2! - z.properties.area_km2) / z.properties.area_km2, `${z.properties.id} build`).toBeLessThan(0.01);
      } else {
        expect(r.km2, z.properties.id).toBeNull();
        expect(r.districts).toEqual([]);
      }
    }
  });

  it('district shares match a grid of points inside the zone, tested against each district (±6 points)', () => {
    const rows = new Map(selectZoneRows(sharedStore().getState()).map((r) => [r.id, r]));
    for (const z of ZONES) {
      if (z.geometry.type !== 'Polygon' && z.geometry.type !== 'MultiPolygon') continue;
      const g = z.geometry as Polygon | MultiPolygon;
      const all = polys(g).flatMap((p) => p[0]!);
      const [x0, x1] = [Math.min(...all.map((c) => c[0]!)), Math.max(...all.map((c) => c[0]!))];
      const [y0, y1] = [Math.min(...all.map((c) => c[1]!)), Math.max(...all.map((c) => c[1]!))];
      const n = 36;
      const hits = new Map<string, number>();
      let inside = 0;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const pt: [number, number] = [x0 + ((i + 0.5) * (x1 - x0)) / n, y0 + ((j + 0.5) * (y1 - y0)) / n];
          if (!booleanPointInPolygon(pt, g)) continue;
          inside++;
          const d = DISTRICTS.find((f) => booleanPointInPolygon(pt, f.geometry as Polygon | MultiPolygon));
          if (d) hits.set(d.properties.name_zh, (hits.get(d.properties.name_zh) ?? 0) + 1);
        }
      const got = new Map(rows.get(z.properties.id)!.districts.map((d) => [d.district, d.share]));
      for (const [d, c] of hits) if (c / inside > 0.08) expect(got.get(d) ?? 0, `${z.properties.id} in ${d}`).toBeCloseTo(c / inside, 1);
      for (const [d, share] of got) if (share > 0.08) expect(share - (hits.get(d) ?? 0) / inside, `${z.properties.id} in ${d}`).toBeLessThan(0.06);
      const sum = [...got.values()].reduce((a, b) => a + b, 0);
      // district outlines overlap a little along shared borders (±100–300 m), so shares may add up to a little over 1
      expect(sum, z.properties.id).toBeLessThanOrEqual(1.02);
    }
  });

  it('parks inside: shown by the filters and all, from parks.geojson', () => {
    const store = sharedStore();
    store.getState().setSectors(['biomed']);
    for (const r of selectZoneRows(store.getState())) {
      const inside = PARKS.filter((p) => p.zones.includes(r.id));
      expect(r.parksAll, r.id).toBe(inside.length);
    }
    const strongBiomed = new Set(
      readGeoJson<{ features: F<{ id: string; links: { sector: string; strength: string }[] }>[] }>('parks.geojson')
        .features.filter((f) => f.properties.links.some((l) => l.sector === 'biomed' && l.strength !== 'broad'))
        .map((f) => f.properties.id),
    );
    for (const r of selectZoneRows(store.getState()))
      expect(r.parksShown, r.id).toBe(PARKS.filter((p) => p.zones.includes(r.id) && strongBiomed.has(p.id)).length);
    store.getState().setSectors([]);
  });

  it('sorts by area (lines last either way), by parks, by name', () => {
    const rows = selectZoneRows(sharedStore().getState());
    const desc = sortZoneRows(rows, 'km2', 'desc', 'en');
    const areas = desc.map((r) => r.km2);
    const withArea = areas.filter((a): a is number => a !== null);
    expect(withArea).toEqual([...withArea].sort((a, b) => b - a));
    expect(areas.slice(withArea.length).every((a) => a === null)).toBe(true);
    const asc = sortZoneRows(rows, 'km2', 'asc', 'en').map((r) => r.km2);
    expect(asc.slice(0, withArea.length)).toEqual([...withArea].sort((a, b) => a - b));
    expect(asc.at(-1)).toBeNull();
    const parks = sortZoneRows(rows, 'parks', 'desc', 'en').map((r) => r.parksShown);
    expect(parks).toEqual([...parks].sort((a, b) => b - a));
  });
});
