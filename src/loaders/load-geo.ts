/**
 * Runtime loading of public/geo: fetch → parse → validate with the build's own schema.
 * Returns a result per file; one failing file never stops the others.
 */
import {
  BasemapSchema,
  DistrictsSchema,
  FootprintsSchema,
  ManifestSchema,
  ParksSchema,
  SectorsFileSchema,
  ZonesSchema,
  checkParks,
  checkZones,
  formatDataError,
  parseWith,
  sectorNodeIndex,
} from './schemas';
import type { Manifest, SectorsFile } from './schemas';
import type { DistrictCollection, ParkCollection, ZoneCollection } from '../geo/types';

export type Loaded<T> = { ok: true; data: T } | { ok: false; error: string };

export interface GeoData {
  manifest: Loaded<Manifest>;
  sectors: Loaded<SectorsFile>;
  districts: Loaded<DistrictCollection>;
  zones: Loaded<ZoneCollection>;
  parks: Loaded<ParkCollection>;
  basemap: Loaded<GeoJSON.FeatureCollection>;
  footprints: Loaded<GeoJSON.FeatureCollection>;
}

export const GEO_FILES = {
  manifest: 'manifest.json',
  sectors: 'sectors.json',
  districts: 'districts.geojson',
  zones: 'zones.geojson',
  parks: 'parks.geojson',
  basemap: 'basemap.geojson',
  footprints: 'footprints.geojson',
} as const;

type Fetcher = (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

async function fetchJson(fetcher: Fetcher, base: string, name: string): Promise<Loaded<unknown>> {
  try {
    const res = await fetcher(`${base}geo/${name}`);
    if (!res.ok) return { ok: false, error: `${name}: HTTP ${res.status}` };
    const text = await res.text();
    try {
      return { ok: true, data: JSON.parse(text) };
    } catch (e) {
      return { ok: false, error: `${name}: not valid JSON (${(e as Error).message})` };
    }
  } catch (e) {
    return { ok: false, error: `${name}: ${(e as Error).message}` };
  }
}

function validated<T>(raw: Loaded<unknown>, check: (x: unknown) => { ok: true; data: T } | { ok: false; errors: { file: string; feature: string | null; reason: string }[] }): Loaded<T> {
  if (!raw.ok) return raw;
  const r = check(raw.data);
  if (r.ok) return r;
  const first = r.errors.slice(0, 3).map(formatDataError).join('; ');
  return { ok: false, error: `${r.errors.length} problem(s): ${first}` };
}

export async function loadGeoData(base = '/', fetcher: Fetcher = (u) => fetch(u)): Promise<GeoData> {
  const [manifest, sectors, districts, zones, parks, basemap, footprints] = await Promise.all(
    [
      GEO_FILES.manifest,
      GEO_FILES.sectors,
      GEO_FILES.districts,
      GEO_FILES.zones,
      GEO_FILES.parks,
      GEO_FILES.basemap,
      GEO_FILES.footprints,
    ].map((n) => fetchJson(fetcher, base, n)),
  );
  const s = validated(sectors!, (x) => parseWith(SectorsFileSchema, GEO_FILES.sectors, x));
  const nodes = s.ok ? sectorNodeIndex(s.data) : null;
  const ctx = nodes ? { nodes, clauses: null } : null;
  const z = validated(zones!, (x) => {
    const r = parseWith(ZonesSchema, GEO_FILES.zones, x);
    if (!r.ok || !ctx) return r;
    const errors = checkZones(GEO_FILES.zones, r.data, ctx);
    return errors.length ? { ok: false, errors } : r;
  });
  const zoneIds = z.ok ? new Set(z.data.features.map((f) => f.properties.id)) : null;
  const p = validated(parks!, (x) => {
    const r = parseWith(ParksSchema, GEO_FILES.parks, x);
    if (!r.ok || !ctx) return r;
    const errors = checkParks(GEO_FILES.parks, r.data, { ...ctx, zoneIds, districtNames: null });
    return errors.length ? { ok: false, errors } : r;
  });
  return {
    manifest: validated(manifest!, (x) => parseWith(ManifestSchema, GEO_FILES.manifest, x)),
    sectors: s,
    districts: validated(districts!, (x) => parseWith(DistrictsSchema, GEO_FILES.districts, x)) as Loaded<DistrictCollection>,
    zones: z as Loaded<ZoneCollection>,
    parks: p as Loaded<ParkCollection>,
    basemap: validated(basemap!, (x) => parseWith(BasemapSchema, GEO_FILES.basemap, x)) as Loaded<GeoJSON.FeatureCollection>,
    footprints: validated(footprints!, (x) => parseWith(FootprintsSchema, GEO_FILES.footprints, x)) as Loaded<GeoJSON.FeatureCollection>,
  };
}
