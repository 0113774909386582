/**
 * The one schema (zod/mini) on hand-made bad input: geometry checks, and the messages the app
 * shows for a file that fails (zod/mini has no message texts until the English ones load).
 */
import { describe, expect, it, vi } from 'vitest';
import {
  DistrictsSchema,
  FootprintsSchema,
  ParksSchema,
  TargetsFileSchema,
  ZonesSchema,
  checkLink,
  checkPlace,
  formatDataError,
  parseWith,
} from '../../src/loaders/schemas';
import type { ParkProps } from '../../src/loaders/schemas';
import { loadGeoData } from '../../src/loaders/load-geo';
import { diskFetcher, readGeoJson } from '../fakes/geo-disk';

type FC = { features: { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[] };
const zones = () => readGeoJson<FC>('zones.geojson');
const reasons = (r: ReturnType<typeof parseWith>) => (r.ok ? [] : r.errors.map(formatDataError));

describe('geometry checks', () => {
  it('accept the real files', () => {
    expect(parseWith(ZonesSchema, 'zones.geojson', zones()).ok).toBe(true);
    expect(parseWith(DistrictsSchema, 'districts.geojson', readGeoJson('districts.geojson')).ok).toBe(true);
    expect(parseWith(ParksSchema, 'parks.geojson', readGeoJson('parks.geojson')).ok).toBe(true);
    expect(parseWith(FootprintsSchema, 'footprints.geojson', readGeoJson('footprints.geojson')).ok).toBe(true);
    expect(parseWith(TargetsFileSchema, 'targets.json', readGeoJson('targets.json')).ok).toBe(true);
  });

  const polygonIndex = (fc: FC) => fc.features.findIndex((f) => f.geometry.type === 'Polygon');
  const cases: [string, (c: number[][][]) => unknown, string][] = [
    ['a NaN coordinate', (c) => [[[Number.NaN, 31], ...c[0]!.slice(1)]], 'coordinates.0.0: must be finite numbers, got [NaN, 31]'],
    ['a position of one number', (c) => [c[0]!.map((p, i) => (i === 2 ? [121] : p))], 'coordinates.0.2: must be a [lon, lat] pair'],
    ['a ring of three positions', (c) => [c[0]!, c[0]!.slice(0, 3)], 'coordinates.1: must be 4+ positions'],
    ['no rings', () => [], 'coordinates: must be 1+ rings of 4+ positions'],
    [
      'strings for numbers',
      (c) => [c[0]!.map(([x, y], i) => (i === 1 ? ['121.5', String(y)] : [x, y]))],
      'coordinates.0.1: must be finite numbers, got ["121.5", "',
    ],
  ];
  it.each(cases)('reject %s, naming the feature and the exact element', (_, mutate, reason) => {
    const fc = zones();
    const i = polygonIndex(fc);
    const f = fc.features[i]!;
    f.geometry.coordinates = mutate(f.geometry.coordinates as number[][][]);
    const r = parseWith(ZonesSchema, 'zones.geojson', fc);
    expect(r.ok).toBe(false);
    expect(reasons(r).join('\n')).toContain(`zones.geojson [${String(f.properties.id)}]: features.${i}.geometry.${reason}`);
  });

  it('reject a label that is not a position', () => {
    const fc = readGeoJson<FC>('districts.geojson');
    fc.features[2]!.properties.label = [121.4, Number.POSITIVE_INFINITY];
    expect(reasons(parseWith(DistrictsSchema, 'districts.geojson', fc)).join('\n')).toContain(
      'features.2.properties.label: must be finite numbers, got [121.4, Infinity]',
    );
  });
});

describe('loadGeoData with a broken file', () => {
  it('names the file, the feature and a readable reason, and loads the other files', async () => {
    const fetch = diskFetcher();
    const broken = zones();
    delete broken.features[4]!.properties.name_en;
    const id = String(broken.features[4]!.properties.id);
    const fetcher = async (url: string) =>
      url.endsWith('/geo/zones.geojson') ? { ok: true, status: 200, text: async () => JSON.stringify(broken) } : fetch(url);
    const geo = await loadGeoData('/', fetcher);
    expect(geo.parks.ok && geo.districts.ok && geo.sectors.ok).toBe(true);
    expect(geo.zones.ok).toBe(false);
    const error = geo.zones.ok ? '' : geo.zones.error;
    expect(error).toContain(`zones.geojson [${id}]: features.4.properties.name_en:`);
    // the English texts were loaded for the failure: zod's message, not its bare fallback
    expect(error).toMatch(/name_en: Invalid input: expected string, received undefined/);
  });
});

describe('loadGeoData when the message texts cannot load', () => {
  it('still reports the file, the feature and the path, and loads the rest', async () => {
    vi.resetModules();
    vi.doMock('zod/v4/locales/en.js', () => {
      throw new Error('offline');
    });
    try {
      const { loadGeoData: fresh } = await import('../../src/loaders/load-geo');
      const fetch = diskFetcher();
      const broken = zones();
      delete broken.features[4]!.properties.name_en;
      const fetcher = async (url: string) =>
        url.endsWith('/geo/zones.geojson') ? { ok: true, status: 200, text: async () => JSON.stringify(broken) } : fetch(url);
      const geo = await fresh('/', fetcher);
      expect(geo.parks.ok).toBe(true);
      expect(geo.zones.ok ? '' : geo.zones.error).toMatch(/zones\.geojson \[[a-z0-9-]+\]: features\.4\.properties\.name_en: Invalid input/);
    } finally {
      vi.doUnmock('zod/v4/locales/en.js');
      vi.resetModules();
    }
  });
});

describe('the new fields of places, links, footprints and the scorecard', () => {
  type Parks = { features: { properties: ParkProps }[] };
  const parks = () => readGeoJson<Parks>('parks.geojson');
  const byId = (id: string) => parks().features.find((f) => f.properties.id === id)!.properties;
  const ctx = { nodes: new Map([['ic', 'ic'] as const, ['biomed', 'biomed'] as const]), clauses: null };

  it('a list link cites its list document and category, never a plan clause', () => {
    const list = byId('jiading-smart-sensor-park').links.find((l) => l.via === 'list')!;
    expect(checkLink(list, ctx)).toBeNull();
    expect(checkLink({ ...list, clause: '五（五）' }, ctx)).toMatch(/cites a plan clause/);
    expect(checkLink({ ...list, list: undefined }, ctx)).toMatch(/without its list document/);
    expect(checkLink({ ...list, phrase: '生物医药' }, ctx)).toMatch(/is not its category “集成电路”/);
  });

  it('a place whose basis, beyond_plan or confidence disagree with its designations, listing and position is named', () => {
    const p = byId('dongfang-xingang');
    expect(checkPlace(p)).toEqual([]);
    expect(checkPlace({ ...p, basis: ['plan'] })).toEqual([expect.stringMatching(/basis \[plan\] should be \[plan, list\]/)]);
    expect(checkPlace({ ...p, beyond_plan: true })).toEqual([expect.stringMatching(/beyond_plan is true but the plan names the place/)]);
    expect(checkPlace({ ...p, confidence: 'sourced' })).toEqual([expect.stringMatching(/confidence 'sourced' does not fit position method 'estimate'/)]);
    expect(checkPlace({ ...p, footprint_km2: null })).toEqual(['a stated area but no footprint']);
  });

  it('rejects a footprint that does not say it is schematic, and a list link with a bad date', () => {
    const fc = readGeoJson<{ features: { properties: Record<string, unknown> }[] }>('footprints.geojson');
    fc.features[0]!.properties.schematic = false;
    expect(reasons(parseWith(FootprintsSchema, 'footprints.geojson', fc)).join('\n')).toMatch(/features\.0\.properties\.schematic/);
    const ps = parks();
    const i = ps.features.findIndex((f) => f.properties.links.some((l) => l.via === 'list'));
    const j = ps.features[i]!.properties.links.findIndex((l) => l.via === 'list');
    ps.features[i]!.properties.links[j]!.list!.date = '24 Oct 2022';
    expect(reasons(parseWith(ParksSchema, 'parks.geojson', ps)).join('\n')).toContain(
      `parks.geojson [${ps.features[i]!.properties.id}]: features.${i}.properties.links.${j}.list.date`,
    );
  });

  it('names the target of a broken scorecard', () => {
    const t = readGeoJson<{ targets: { id: string; status: string }[] }>('targets.json');
    t.targets[2]!.status = 'almost';
    expect(reasons(parseWith(TargetsFileSchema, 'targets.json', t)).join('\n')).toContain(`targets.json [${t.targets[2]!.id}]: targets.2.status`);
  });
});
