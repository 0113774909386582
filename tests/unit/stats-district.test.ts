/**
 * The district profile: the district's area and each zone's share of it against an independent
 * computation (shoelace area on an equal-area projection, and a grid of points tested one by one
 * against the built districts.geojson and zones.geojson); sectors by strength, parks and the
 * ranking against counts made here from parks.geojson (never with src/state/stats).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { diskFetcher, realGeoFixture, readGeoJson } from '../fakes/geo-disk';
import { selectDistrictProfile, selectDistrictRanking } from '../../src/state/selectors/stats';
import { decodeUrl } from '../../src/state/url/codec';
import { applyUrlState } from '../../src/state/url/sync';

type F<P> = { properties: P; geometry: Geometry };
interface Park {
  id: string;
  district: string | null;
  links: { sector: string; node: string; strength: string }[];
}
const ZONES = readGeoJson<{ features: F<{ id: string }>[] }>('zones.geojson').features;
const DISTRICTS = readGeoJson<{ features: F<{ name_zh: string }>[] }>('districts.geojson').features;
const PARKS: Park[] = readGeoJson<{ features: { properties: Park }[] }>('parks.geojson').features.map((f) => f.properties);
const ORDER = ['named', 'listed', 'cluster', 'broad'];

const R = 6371008.8;
const rad = (d: number) => (d * Math.PI) / 180;
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
const km2 = (g: Geometry) =>
  polys(g).reduce((m2, p) => m2 + ringM2(p[0]!, p[0]![0]![0]!) - p.slice(1).reduce((a, h) => a + ringM2(h, p[0]![0]![0]!), 0), 0) / 1e6;
const areal = (g: Geometry): g is Polygon | MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon';

const real = realGeoFixture();
let store: ReturnType<typeof real.store>;
beforeAll(async () => {
  store = real.store();
  await store.getState().loadStatsFigures('/', diskFetcher());
});

describe('district profile', () => {
  it.each(['黄浦区', '徐汇区', '闵行区'])('%s: area, and each zone’s share of it from a grid of points', (name) => {
    store.getState().setStatsDistrict(name);
    const p = selectDistrictProfile(store.getState())!;
    expect(p.district).toBe(name);
    const d = DISTRICTS.find((f) => f.properties.name_zh === name)!.geometry as Polygon | MultiPolygon;
    expect(Math.abs(p.km2! - km2(d)) / km2(d)).toBeLessThan(0.005);
    const all = polys(d).flatMap((q) => q[0]!);
    const [x0, x1] = [Math.min(...all.map((c) => c[0]!)), Math.max(...all.map((c) => c[0]!))];
    const [y0, y1] = [Math.min(...all.map((c) => c[1]!)), Math.max(...all.map((c) => c[1]!))];
    const n = 40;
    const pts: [number, number][] = [];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const pt: [number, number] = [x0 + ((i + 0.5) * (x1 - x0)) / n, y0 + ((j + 0.5) * (y1 - y0)) / n];
        if (booleanPointInPolygon(pt, d)) pts.push(pt);
      }
    const got = new Map(p.zones.map((z) => [z.id, z.shareOfDistrict]));
    let checked = 0;
    for (const z of ZONES) {
      if (!areal(z.geometry)) continue;
      const g = z.geometry;
      const share = pts.filter((pt) => booleanPointInPolygon(pt, g)).length / pts.length;
      if (share > 0.05) {
        checked++;
        expect(got.get(z.properties.id) ?? 0, `${name} ${z.properties.id}`).toBeGreaterThan(share - 0.05);
        expect(got.get(z.properties.id) ?? 0, `${name} ${z.properties.id}`).toBeLessThan(share + 0.05);
      } else expect(got.get(z.properties.id) ?? 0, `${name} ${z.properties.id}`).toBeLessThan(0.08);
    }
    expect(checked).toBeGreaterThan(0);
    // largest area first
    const areas = p.zones.map((z) => z.km2);
    expect(areas).toEqual([...areas].sort((a, b) => b - a));
  });

  it('a zone with under 1 % of its own area in the district (its outline crossing the boundary) is counted apart, not listed', () => {
    store.getState().setStatsDistrict('黄浦区');
    const p = selectDistrictProfile(store.getState())!;
    // 陆家嘴金融城 is across the river in Pudong; its drawn outline reaches about 0.01 km² into Huangpu
    const lujiazui = ZONES.find((z) => z.properties.id === 'fintech-lujiazui')!.geometry as Polygon;
    expect(km2(lujiazui)).toBeGreaterThan(5);
    expect(p.zones.map((z) => z.id)).not.toContain('fintech-lujiazui');
    expect(p.edges).toBeGreaterThanOrEqual(1);
    for (const z of p.zones) expect(z.km2, z.id).toBeGreaterThan(0.05);
  });

  it('sectors by strength (each park once per sector at its strongest link) and the parks, from parks.geojson', () => {
    for (const name of ['浦东新区', '嘉定区', '崇明区']) {
      store.getState().setStatsDistrict(name);
      const p = selectDistrictProfile(store.getState())!;
      const here = PARKS.filter((x) => x.district === name);
      expect([...p.parks].sort()).toEqual(here.map((x) => x.id).sort());
      const want = new Map<string, Record<string, number>>();
      for (const park of here) {
        const best = new Map<string, string>();
        for (const l of park.links) if (!best.has(l.sector) || ORDER.indexOf(l.strength) < ORDER.indexOf(best.get(l.sector)!)) best.set(l.sector, l.strength);
        for (const [s, k] of best) {
          const row = want.get(s) ?? { named: 0, listed: 0, cluster: 0, broad: 0 };
          row[k]!++;
          want.set(s, row);
        }
      }
      expect(new Map(p.sectors.map((r) => [r.sector, { ...r.byStrength }]))).toEqual(want);
      for (const r of p.sectors) expect(r.total).toBe(Object.values(want.get(r.sector)!).reduce((a, b) => a + b, 0));
      const totals = p.sectors.map((r) => r.total);
      expect(totals).toEqual([...totals].sort((a, b) => b - a));
    }
  });

  it('ranks every district by parks of the sector filter (strong links), and by all parks without one', () => {
    store.getState().setSectors(['biomed']);
    const ranked = selectDistrictRanking(store.getState());
    expect(ranked).toHaveLength(DISTRICTS.length);
    const count = (d: string) => PARKS.filter((x) => x.district === d && x.links.some((l) => l.sector === 'biomed' && l.strength !== 'broad')).length;
    for (const r of ranked) expect(r.parks, r.district).toBe(count(r.district));
    expect(ranked.map((r) => r.parks)).toEqual([...ranked.map((r) => r.parks)].sort((a, b) => b - a));
    expect(ranked[0]!.rank).toBe(1);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.rank).toBe(ranked[i]!.parks === ranked[i - 1]!.parks ? ranked[i - 1]!.rank : i + 1);
    store.getState().setSectors([]);
    const all = selectDistrictRanking(store.getState());
    for (const r of all) expect(r.parks, r.district).toBe(PARKS.filter((x) => x.district === r.district).length);
  });

  it('opens from the URL (tab=district&profile=…); an unknown district is ignored with the usual notice', () => {
    const s1 = real.store();
    expect(applyUrlState(s1, decodeUrl('?view=stats&tab=district&profile=%E5%98%89%E5%AE%9A%E5%8C%BA', ''))).toEqual([]);
    expect([s1.getState().statsTab, s1.getState().statsDistrict]).toEqual(['district', '嘉定区']);
    const s2 = real.store();
    const notices = applyUrlState(s2, decodeUrl('?view=stats&tab=district&profile=nowhere', ''));
    expect(notices.map((x) => [x.param, x.code])).toEqual([['profile', 'unknown-value']]);
    expect(s2.getState().statsDistrict).toBeNull();
  });
});

describe('public/geo/stats.json', () => {
  it('validates with the schema the build and the app share; a share over 1 is refused, naming where', async () => {
    const { StatsFileSchema, parseWith, formatDataError } = await import('../../src/loaders/schemas');
    const file = readGeoJson<{ zones: Record<string, { districts: { share: number }[] }> }>('stats.json');
    expect(parseWith(StatsFileSchema, 'stats.json', file).ok).toBe(true);
    expect(Object.keys(file.zones).sort()).toEqual(ZONES.map((z) => z.properties.id).sort());
    const bad = structuredClone(file);
    bad.zones['zhangjiang-pole']!.districts[0]!.share = 1.5;
    const r = parseWith(StatsFileSchema, 'stats.json', bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map(formatDataError).join('\n')).toContain('zones.zhangjiang-pole.districts.0.share');
  });
});
