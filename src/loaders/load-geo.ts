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
  loadErrorMessages,
  sectorNodeIndex,
} from './schemas';
import type { Manifest, SectorsFile } from './schemas';
import type { DistrictCollection, ParkCollection, ZoneCollection } from '../geo/types';
import { mark } from '../lib/perf';
import { GEO_FILES } from './geo-files';

export { GEO_FILES };

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

function validated<T>(
  raw: Loaded<unknown>,
  check: (x: unknown) => { ok: true; data: T } | { ok: false; errors: { file: string; feature: string | null; reason: string }[] },
): Loaded<T> {
  if (!raw.ok) return raw;
  const r = check(raw.data);
  if (r.ok) return r;
  const first = r.errors.slice(0, 3).map(formatDataError).join('; ');
  return { ok: false, error: `${r.errors.length} problem(s): ${first}` };
}

/** Validates every fetched file (raw: in GEO_FILES order); a file that failed to fetch stays failed. */
function validateAll([manifest, sectors, districts, zones, parks, basemap, footprints]: Loaded<unknown>[]): GeoData {
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

export async function loadGeoData(base = '/', fetcher: Fetcher = (u) => fetch(u)): Promise<GeoData> {
  const keys = Object.keys(GEO_FILES) as (keyof typeof GEO_FILES)[];
  const raw = await Promise.all(keys.map((k) => fetchJson(fetcher, base, GEO_FILES[k])));
  mark('geo:fetched');
  let geo = validateAll(raw);
  // zod/mini carries no message texts: the first time a file fails, load the English ones and
  // validate again, so the notice says what is wrong (the path alone is there either way)
  if (keys.some((k, i) => raw[i]!.ok && !geo[k].ok)) {
    await loadErrorMessages();
    geo = validateAll(raw);
  }
  mark('geo:valid');
  return geo;
}
