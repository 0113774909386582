/**
 * The start-up data files validated with the schema the build validated them with
 * (src/loaders/schemas.ts): loaded by src/loaders/load-geo.ts only when a fetched file is not
 * byte for byte the one the build wrote (its digest differs), so a first view of the app's own
 * data neither downloads nor runs zod.
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
import type { DistrictCollection, ParkCollection, ZoneCollection } from '../geo/types';
import { GEO_FILES } from './geo-files';
import type { GeoData, Loaded } from './load-geo';

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

/**
 * Every fetched file validated (raw: in GEO_FILES order); a file that failed to fetch stays failed.
 * zod/mini carries no message texts: the first time a file fails, the English ones are loaded and
 * the files validated again, so the notice says what is wrong (the path alone is there either way).
 */
export async function validateGeo(raw: Loaded<unknown>[]): Promise<GeoData> {
  const keys = Object.keys(GEO_FILES) as (keyof typeof GEO_FILES)[];
  const geo = validateAll(raw);
  if (!keys.some((k, i) => raw[i]!.ok && !geo[k].ok)) return geo;
  await loadErrorMessages();
  return validateAll(raw);
}
