/**
 * The data build, as a function of its inputs: authored data + district polygons + the plan's
 * text → the files of public/geo, every error (file, feature, reason) and the audit.
 * No file system here: scripts/build-data.ts reads and writes; tests feed broken fixtures.
 */
import { z } from 'zod/mini';
import { toWgs84 as convertToWgs84 } from '../../src/geo/crs';
import type { Crs } from '../../src/geo/crs';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import {
  DesignationSchema,
  DistrictsSchema,
  ParksSchema,
  SectorsFileSchema,
  ZonesSchema,
  checkClause,
  checkDesignation,
  checkParks,
  checkZones,
  duplicateIds,
  parseWith,
  sectorNodeIndex,
} from '../../src/loaders/schemas';
import type { DataError, Designation, ParkProps, RefContext, SectorsFile, ZoneProps } from '../../src/loaders/schemas';
import { parsePlanClauses } from '../../src/loaders/plan-clauses';
import { labelAt } from '../../src/geo/label-points';
import { createLinker, sortSectors } from '../../src/geo/link';
import { auditLinks } from '../../src/geo/audit';
import type { Audit, AuditPark } from '../../src/geo/audit';
import { RecipeError, areaKm2, evaluateRecipe, roundGeometry } from '../../src/geo/recipes';
import type { RecipeGeometry } from '../../src/geo/recipes';
import type { DistrictCollection, LonLat, ZoneCollection, ZoneFeature } from '../../src/geo/types';
import { FromZoneSchema, ParksInputSchema, ZonesInputSchema } from './authoring';
import type { ParkInput, ZoneInput } from './authoring';

type FromZone = z.infer<typeof FromZoneSchema>;

export interface BuildInputs {
  planText: string;
  /** parsed JSON of data/sectors.json, data/zones.json, data/parks.json (unknown: validated here) */
  sectors: unknown;
  zones: unknown;
  parks: unknown;
  districts: DistrictCollection;
}

export interface FootprintProps {
  id: string;
  park: string;
  name_zh: string;
  name_en: string;
  derivation: string;
  area_km2: number;
  official_area_km2: number | null;
}

export interface BuildOutputs {
  sectors: SectorsFile;
  districts: DistrictCollection;
  zones: ZoneCollection;
  parks: FeatureCollection<Point, ParkProps>;
  footprints: FeatureCollection<Polygon, FootprintProps>;
  leftOut: { name_zh: string; clause: string; reason: string }[];
}

export interface BuildResult {
  outputs: BuildOutputs | null;
  errors: DataError[];
  audit: Audit | null;
  /** facts worth printing: zone areas against official figures */
  notes: string[];
  clauseCount: number;
}

const F = { sectors: 'data/sectors.json', zones: 'data/zones.json', parks: 'data/parks.json', districts: 'districts' };

export function buildData(input: BuildInputs): BuildResult {
  const errors: DataError[] = [];
  const notes: string[] = [];
  const clauses = parsePlanClauses(input.planText);
  const fail = (): BuildResult => ({ outputs: null, errors, audit: null, notes, clauseCount: clauses.size });

  // ---- sectors
  const sp = parseWith(SectorsFileSchema, F.sectors, input.sectors);
  if (!sp.ok) return (errors.push(...sp.errors), fail());
  const sectors = sp.data;
  errors.push(
    ...duplicateIds(
      F.sectors,
      sectors.sectors.flatMap((s) => [s.id, ...s.children.map((c) => c.id)]),
    ),
  );
  const nodes = sectorNodeIndex(sectors);
  const ctx: RefContext = { nodes, clauses };
  for (const s of sectors.sectors) {
    const e = checkClause(s.clause, null, ctx) ?? (s.target ? checkClause(s.target.clause, s.target.phrase, ctx) : null);
    if (e) errors.push({ file: F.sectors, feature: s.id, reason: e });
  }

  // ---- districts
  const dp = parseWith(DistrictsSchema, F.districts, input.districts);
  if (!dp.ok) return (errors.push(...dp.errors), fail());
  const districts = input.districts;
  const districtByName = new Map(districts.features.map((d) => [d.properties.name_zh, d.geometry]));
  const shanghai = createLinker(districts.features, []);

  // ---- parks (locations first: zones are drawn from some of them)
  const pp = parseWith(ParksInputSchema, F.parks, input.parks);
  const zp = parseWith(ZonesInputSchema, F.zones, input.zones);
  if (!pp.ok) errors.push(...pp.errors);
  if (!zp.ok) errors.push(...zp.errors);
  if (!pp.ok || !zp.ok) return fail();
  const parksIn = pp.data.parks;
  const zonesIn = zp.data.zones;
  errors.push(
    ...duplicateIds(
      F.parks,
      parksIn.map((p) => p.id),
    ),
  );
  errors.push(
    ...duplicateIds(
      F.zones,
      zonesIn.map((z) => z.id),
    ),
  );

  const location = new Map<string, LonLat>();
  for (const p of parksIn) {
    const bad = (reason: string) => errors.push({ file: F.parks, feature: p.id, reason });
    const ll = toWgs84([p.lon, p.lat], p.crs);
    const district = shanghai.districtOf(ll[0], ll[1]);
    if (district === null) bad(`point outside Shanghai (lon ${p.lon}, lat ${p.lat})`);
    else if (district !== p.expect_district) bad(`lies in ${district}, but expect_district says ${p.expect_district} (lon ${p.lon}, lat ${p.lat})`);
    location.set(p.id, ll);
  }
  const footprints = new Map<string, Polygon>();
  for (const p of parksIn) if (p.footprint) footprints.set(p.id, { type: 'Polygon', coordinates: [p.footprint.polygon] });

  // ---- zones
  const zoneGeom = new Map<string, RecipeGeometry>();
  const zoneFeatures: ZoneFeature[] = [];
  const recipeCtx = {
    park: (id: string) => location.get(id),
    district: (name: string) => districtByName.get(name),
    allDistricts: () => districts.features.map((d) => d.geometry),
    zone: (id: string) => zoneGeom.get(id),
    footprint: (id: string) => footprints.get(id),
  };
  for (const z of zonesIn) {
    const bad = (reason: string) => errors.push({ file: F.zones, feature: z.id, reason });
    const links = resolveLinks(z, zp.data.shared_links, bad);
    const ce = checkClause(z.clause, null, ctx);
    if (ce) bad(ce);
    for (const d of links) {
      const e = checkDesignation(d, ctx);
      if (e) bad(`links: ${e}`);
    }
    let geom: RecipeGeometry;
    try {
      geom = roundGeometry(evaluateRecipe(z.geometry, recipeCtx));
    } catch (e) {
      if (e instanceof RecipeError) {
        bad(`geometry: ${e.message}`);
        continue;
      }
      throw e;
    }
    if (geom.type === 'MultiPoint') {
      bad('geometry: a zone must be a polygon or a line, not points');
      continue;
    }
    zoneGeom.set(z.id, geom);
    const area = geom.type === 'Polygon' || geom.type === 'MultiPolygon' ? round1(areaKm2(geom)) : null;
    if (area !== null && z.official_area_km2) notes.push(`${z.id}: ${area} km² drawn vs ${z.official_area_km2} km² official`);
    const props: ZoneProps = {
      id: z.id,
      kind: z.kind,
      group: z.group,
      role: z.role,
      name_zh: z.name_zh,
      name_en: z.name_en,
      sectors: uniqueSectors(links),
      links,
      clause: z.clause,
      schematic: z.schematic,
      derivation: z.derivation,
      axis: z.axis ?? null,
      area_km2: area,
      outline_of: 'zone' in z.geometry ? z.geometry.zone : null,
      label: labelAt(geom),
    };
    zoneFeatures.push({ type: 'Feature', id: z.id, geometry: geom, properties: props });
  }
  const zones: ZoneCollection = { type: 'FeatureCollection', features: zoneFeatures };

  // ---- parks: designations, links
  const linker = createLinker(districts.features, zoneFeatures);
  const zoneById = new Map(zoneFeatures.map((z) => [z.properties.id, z]));
  const parkFeatures: FeatureCollection<Point, ParkProps>['features'] = [];
  const auditParks: AuditPark[] = [];
  for (const p of parksIn) {
    const bad = (reason: string) => errors.push({ file: F.parks, feature: p.id, reason });
    const designations = expandDesignations(p, zoneById, ctx, bad);
    for (const d of designations) {
      const e = checkDesignation(d, ctx);
      if (e) bad(e);
    }
    const [lon, lat] = location.get(p.id)!;
    const linked = linker.link(lon, lat, designations);
    auditParks.push({ id: p.id, designations, linked });
    parkFeatures.push({
      type: 'Feature',
      id: p.id,
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: {
        id: p.id,
        name_zh: p.name_zh,
        name_en: p.name_en,
        confidence: p.confidence,
        source: p.source,
        location_note: p.location_note,
        beyond_plan: p.beyond_plan,
        designations,
        district: linked.district,
        zones: linked.zones,
        sectors: linked.sectors,
        links: linked.links,
        footprint_km2: footprints.has(p.id) ? round1(areaKm2(footprints.get(p.id)!)) : null,
      },
    });
  }
  const parks: FeatureCollection<Point, ParkProps> = { type: 'FeatureCollection', features: parkFeatures };

  const footprintFeatures: FeatureCollection<Polygon, FootprintProps>['features'] = parksIn
    .filter((p) => p.footprint)
    .map((p) => {
      const geometry = footprints.get(p.id)!;
      const a = round1(areaKm2(geometry));
      if (p.footprint!.official_area_km2) notes.push(`${p.id} footprint: ${a} km² drawn vs ${p.footprint!.official_area_km2} km² official`);
      return {
        type: 'Feature' as const,
        id: p.id,
        geometry,
        properties: {
          id: p.id,
          park: p.id,
          name_zh: p.name_zh,
          name_en: p.name_en,
          derivation: p.footprint!.derivation,
          area_km2: a,
          official_area_km2: p.footprint!.official_area_km2 ?? null,
        },
      };
    });

  // ---- the outputs, through the same schema the app uses (after the inputs are clean)
  if (errors.length) return fail();
  const zOut = parseWith(ZonesSchema, 'public/geo/zones.geojson', zones);
  if (!zOut.ok) errors.push(...zOut.errors);
  else errors.push(...checkZones('public/geo/zones.geojson', zOut.data, ctx));
  const pOut = parseWith(ParksSchema, 'public/geo/parks.geojson', parks);
  if (!pOut.ok) errors.push(...pOut.errors);
  else
    errors.push(
      ...checkParks('public/geo/parks.geojson', pOut.data, {
        ...ctx,
        zoneIds: new Set(zoneById.keys()),
        districtNames: new Set(districtByName.keys()),
      }),
    );

  if (errors.length) return fail();
  return {
    outputs: {
      sectors,
      districts,
      zones,
      parks,
      footprints: { type: 'FeatureCollection', features: footprintFeatures },
      leftOut: pp.data.left_out,
    },
    errors,
    audit: auditLinks(auditParks, zoneFeatures),
    notes,
    clauseCount: clauses.size,
  };
}

/** Authored coordinates to WGS-84, rounded to 6 decimals like every built coordinate. */
function toWgs84(ll: LonLat, crs: 'WGS-84' | 'GCJ-02'): LonLat {
  if (crs === 'WGS-84') return ll;
  return convertToWgs84(ll[0], ll[1], AUTHORED_CRS[crs], 6);
}

const AUTHORED_CRS = { 'WGS-84': 'wgs84', 'GCJ-02': 'gcj02' } as const satisfies Record<string, Crs>;

function resolveLinks(z: ZoneInput, shared: Record<string, unknown[]>, bad: (r: string) => void): Designation[] {
  const list = typeof z.links === 'string' ? shared[z.links] : z.links;
  if (!list) {
    bad(`links: no shared list '${String(z.links)}'`);
    return [];
  }
  return parseItems(list, DesignationSchema, 'links', bad);
}

/** Parses list items one by one so that each message names the item and the field. */
function parseItems<T>(items: unknown[], schema: z.core.$ZodType<T>, what: string, bad: (r: string) => void): T[] {
  return items.flatMap((item, i) => parseItem(item, schema, `${what}.${i}`, bad) ?? []);
}

function parseItem<T>(item: unknown, schema: z.core.$ZodType<T>, path: string, bad: (r: string) => void): T | null {
  const r = z.safeParse(schema, item);
  if (r.success) return r.data;
  for (const iss of r.error.issues) bad(`${path}${iss.path.length ? '.' + iss.path.join('.') : ''}: ${iss.message}`);
  return null;
}

/** An authored designation: the output shape, with no unknown keys. */
const StrictDesignationSchema = z.strictObject(DesignationSchema.shape);

function expandDesignations(p: ParkInput, zones: Map<string, ZoneFeature>, ctx: RefContext, bad: (r: string) => void): Designation[] {
  const out: Designation[] = [];
  for (const [i, raw] of p.designations.entries()) {
    const isFromZone = typeof raw === 'object' && raw !== null && 'from_zone' in raw;
    const d = parseItem<Designation | FromZone>(raw, isFromZone ? FromZoneSchema : StrictDesignationSchema, `designations.${i}`, bad);
    if (!d) continue;
    if (!('from_zone' in d)) {
      out.push(d);
      continue;
    }
    const z = zones.get(d.from_zone);
    if (!z) {
      bad(`designation names unknown zone '${d.from_zone}'`);
      continue;
    }
    const e = checkClause(z.properties.clause, d.as, ctx);
    if (e) {
      bad(`designation: ${e}`);
      continue;
    }
    for (const l of z.properties.links) out.push({ ...l, named_as: d.as });
  }
  return out;
}

function uniqueSectors(links: Designation[]) {
  return sortSectors(links.map((l) => l.sector));
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
