/**
 * The one schema (zod/mini) on hand-made bad input: geometry checks, and the messages the app
 * shows for a file that fails (zod/mini has no message texts until the English ones load).
 */
import { describe, expect, it, vi } from 'vitest';
import { DistrictsSchema, ParksSchema, ZonesSchema, formatDataError, parseWith } from '../../src/loaders/schemas';
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
