/**
 * The data build, as a function of its inputs: authored data + district polygons + the plan's
 * text → the files of public/geo, every error (file, feature, reason) and the audit.
 * No file system here: scripts/build-data.ts reads and writes; tests feed broken fixtures.
 */
import { z } from 'zod/mini';
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
import type { DataError, Designation, FootprintProps, Listing, ParkProps, PositionRef, RefContext, SectorsFile, ZoneProps } from '../../src/loaders/schemas';
import { parsePlanClauses } from '../../src/loaders/plan-clauses';
import { labelAt } from '../../src/geo/label-points';
import { createLinker, sortSectors } from '../../src/geo/link';
import { auditLinks } from '../../src/geo/audit';
import type { Audit, AuditPark } from '../../src/geo/audit';
import { RecipeError, areaKm2, evaluateRecipe, roundGeometry } from '../../src/geo/recipes';
import type { RecipeGeometry } from '../../src/geo/recipes';
import { areaDeviation, circleFootprint, distanceM, linkPlace } from '../../src/geo/footprint';
import type { DistrictCollection, LonLat, ZoneCollection, ZoneFeature } from '../../src/geo/types';
import { FromZoneSchema, ParksInputSchema, ZonesInputSchema } from './authoring';
import type { ParkInput, ZoneInput } from './authoring';
import { checkBilingual } from './bilingual';
import { confidenceOf, resolveCoordinate, toWgs84 } from './positions';
import { REGISTRY_FILE, readRegistry } from './registry';

type FromZone = z.infer<typeof FromZoneSchema>;

export interface BuildInputs {
  planText: string;
  /** parsed JSON of data/sectors.json, data/zones.json, data/parks.json, data/registry.json (unknown: validated here) */
  sectors: unknown;
  zones: unknown;
  parks: unknown;
  /** the official park list; none given: no place is on it */
  registry?: unknown;
  districts: DistrictCollection;
}

export type { FootprintProps };

export interface LeftOut {
  name_zh: string;
  /** the plan clause that names it, or the page that lists it */
  where: string;
  reason_zh: string;
  reason_en: string;
}

export interface BuildOutputs {
  sectors: SectorsFile;
  districts: DistrictCollection;
  zones: ZoneCollection;
  parks: FeatureCollection<Point, ParkProps>;
  footprints: FeatureCollection<Polygon, FootprintProps>;
  leftOut: LeftOut[];
}

export interface BuildResult {
  outputs: BuildOutputs | null;
  errors: DataError[];
  audit: Audit | null;
  /** list links (category → sector) that no zone containing the place supports */
  listUnsupported: { park: string; sector: string; category: string }[];
  /** facts worth printing: zone areas against official figures, footprints against stated areas */
  notes: string[];
  clauseCount: number;
}

const F = { sectors: 'data/sectors.json', zones: 'data/zones.json', parks: 'data/parks.json', districts: 'districts' };

/** A footprint may differ from its stated area by at most this share. */
export const FOOTPRINT_TOLERANCE = 0.2;

const EMPTY_REGISTRY = { version: 1, documents: [], categories: [], batches: [], entries: [] };

type Resolved = { at: LonLat; ref: Omit<PositionRef, 'distance_m'> } | null;

/** Language problems of one input file, each naming the feature (an item of the list `key`). */
function languageErrors(file: string, input: unknown, key: string): DataError[] {
  return checkBilingual(input).map((p) => {
    const parts = p.path.split('.');
    let feature: string | null = null;
    if (parts[0] === key && parts[1] !== undefined) {
      const item = (input as Record<string, unknown[]>)[key]?.[Number(parts[1])] as Record<string, unknown> | undefined;
      const id = item?.id ?? item?.place;
      feature = typeof id === 'string' ? id : `#${parts[1]}`;
    }
    return { file, feature, reason: `${p.path}: ${p.reason}` };
  });
}

export function buildData(input: BuildInputs): BuildResult {
  const errors: DataError[] = [];
  const notes: string[] = [];
  const clauses = parsePlanClauses(input.planText);
  const fail = (): BuildResult => ({ outputs: null, errors, audit: null, listUnsupported: [], notes, clauseCount: clauses.size });
  const registryIn = input.registry ?? EMPTY_REGISTRY;

  // ---- both languages, on the raw files (a missing language is named as such)
  errors.push(
    ...languageErrors(F.sectors, input.sectors, 'sectors'),
    ...languageErrors(F.zones, input.zones, 'zones'),
    ...languageErrors(F.parks, input.parks, 'parks'),
    ...languageErrors(REGISTRY_FILE, registryIn, 'entries'),
  );

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

  // ---- the official list
  const registry = readRegistry(registryIn, ctx);
  errors.push(...registry.errors);
  const parkIds = new Set(parksIn.map((p) => p.id));
  for (const id of registry.byPlace.keys())
    if (!parkIds.has(id)) errors.push({ file: REGISTRY_FILE, feature: id, reason: `no place '${id}' in data/parks.json` });

  // ---- positions: the coordinate each point rests on, checked and converted
  const location = new Map<string, LonLat>();
  for (const p of parksIn) location.set(p.id, toWgs84([p.lon, p.lat], p.crs));
  const positionRef = new Map<string, Resolved>();
  const byId = new Map(parksIn.map((p) => [p.id, p]));
  const resolve = (p: ParkInput, seen: Set<string>): Resolved => {
    if (positionRef.has(p.id)) return positionRef.get(p.id)!;
    const bad = (reason: string) => errors.push({ file: F.parks, feature: p.id, reason });
    const ref = p.position.ref;
    let out: Resolved = null;
    if (ref && 'place' in ref) {
      const other = byId.get(ref.place);
      if (!other || seen.has(ref.place)) bad(`position: ref names ${other ? 'a place that leads back here' : 'an unknown place'} '${ref.place}'`);
      else {
        const o = resolve(other, new Set([...seen, p.id]));
        if (!o) bad(`position: place '${ref.place}' rests on no published coordinate, so it cannot stand for an area`);
        else out = { at: location.get(other.id)!, ref: { ...o.ref, name_zh: ref.name_zh, name_en: ref.name_en, what: 'area' } };
      }
    } else if (ref) out = resolveCoordinate(ref, bad);
    positionRef.set(p.id, out);
    return out;
  };
  for (const p of parksIn) resolve(p, new Set([p.id]));
  for (const p of parksIn) {
    const bad = (reason: string) => errors.push({ file: F.parks, feature: p.id, reason });
    const ll = location.get(p.id)!;
    const district = shanghai.districtOf(ll[0], ll[1]);
    if (district === null) bad(`point outside Shanghai (lon ${p.lon}, lat ${p.lat})`);
    else if (district !== p.expect_district) bad(`lies in ${district}, but expect_district says ${p.expect_district} (lon ${p.lon}, lat ${p.lat})`);
    const r = positionRef.get(p.id);
    const m = p.position.method;
    if (m !== 'estimate' && p.position.ref === null) bad(`position: method '${m}' needs the coordinate it rests on (ref)`);
    if (!r) continue;
    const d = distanceM(ll, r.at);
    if ((m === 'published' || m === 'container') && d > 1) bad(`position: a ${m} point is its ref's coordinate, but it lies ${Math.round(d)} m from it`);
    if (m === 'anchor' && d > p.position.radius_m + 1)
      bad(`position: ${Math.round(d)} m from its anchor ${r.ref.name_zh}, more than its radius of ${p.position.radius_m} m`);
  }

  // ---- footprints: from the 四至 where authored, else a circle of the stated area
  const footprints = new Map<string, { geometry: Polygon; props: Omit<FootprintProps, 'id' | 'park' | 'name_zh' | 'name_en'> }>();
  for (const p of parksIn) {
    const bad = (reason: string) => errors.push({ file: F.parks, feature: p.id, reason });
    const stated = registry.byPlace.get(p.id)?.listing.areas.find((a) => a.footprint) ?? null;
    if (p.footprint && !stated) {
      bad('footprint: a 四至 footprint needs a stated area (mark one of its areas in data/registry.json)');
      continue;
    }
    if (!stated) continue;
    const geometry: Polygon = p.footprint ? { type: 'Polygon', coordinates: [p.footprint.polygon] } : circleFootprint(location.get(p.id)!, stated.km2);
    const dev = areaDeviation(geometry, stated.km2);
    const drawn = areaKm2(geometry);
    notes.push(`${p.id} footprint (${p.footprint ? 'four-bounds' : 'circle'}): ${round2(drawn)} km² drawn vs ${stated.km2} km² stated (${pct(dev)})`);
    if (Math.abs(dev) > FOOTPRINT_TOLERANCE)
      bad(`footprint: ${round2(drawn)} km² drawn vs ${stated.km2} km² stated (${pct(dev)}), more than ${FOOTPRINT_TOLERANCE * 100} % off`);
    footprints.set(p.id, {
      geometry,
      props: {
        method: p.footprint ? 'four-bounds' : 'circle',
        schematic: true,
        derivation_zh: p.footprint
          ? p.footprint.derivation_zh
          : `示意：以本图的点为圆心、面积为${stated.km2}平方千米（${stated.what_zh}）的圆；实际轮廓没有来源。`,
        derivation_en: p.footprint
          ? p.footprint.derivation_en
          : `Schematic: a circle of ${stated.km2} km² (${stated.what_en}) around the map's point for the place; no source gives the real outline.`,
        area_km2: round2(drawn),
        stated_area_km2: stated.km2,
        area_source: stated.source,
      },
    });
  }

  // ---- zones
  const zoneGeom = new Map<string, RecipeGeometry>();
  const zoneFeatures: ZoneFeature[] = [];
  const recipeCtx = {
    park: (id: string) => location.get(id),
    district: (name: string) => districtByName.get(name),
    allDistricts: () => districts.features.map((d) => d.geometry),
    zone: (id: string) => zoneGeom.get(id),
    footprint: (id: string) => footprints.get(id)?.geometry,
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
      scope: zoneScope(z.kind, z.geometry),
      derivation_zh: z.derivation_zh,
      derivation_en: z.derivation_en,
      axis: z.axis ?? null,
      area_km2: area,
      outline_of: 'zone' in z.geometry ? z.geometry.zone : null,
      label: labelAt(geom),
    };
    zoneFeatures.push({ type: 'Feature', id: z.id, geometry: geom, properties: props });
  }
  const zones: ZoneCollection = { type: 'FeatureCollection', features: zoneFeatures };

  // ---- parks: designations, list, links (point and footprint against the zones)
  const linker = createLinker(districts.features, zoneFeatures);
  const zoneById = new Map(zoneFeatures.map((z) => [z.properties.id, z]));
  const parkFeatures: FeatureCollection<Point, ParkProps>['features'] = [];
  const auditParks: AuditPark[] = [];
  const listUnsupported: BuildResult['listUnsupported'] = [];
  for (const p of parksIn) {
    const bad = (reason: string) => errors.push({ file: F.parks, feature: p.id, reason });
    const designations = expandDesignations(p, zoneById, ctx, bad);
    for (const d of designations) {
      const e = checkDesignation(d, ctx);
      if (e) bad(e);
    }
    const at = location.get(p.id)!;
    const listed = registry.byPlace.get(p.id) ?? null;
    const fp = footprints.get(p.id) ?? null;
    const linked = linkPlace(linker, zoneFeatures, { at, footprint: fp?.geometry ?? null, designations, listLinks: listed?.links ?? [] });
    auditParks.push({ id: p.id, designations, linked });
    const zoneSectors = new Set(linked.links.filter((l) => l.via === 'zone').map((l) => l.sector));
    for (const l of listed?.links ?? []) if (!zoneSectors.has(l.sector)) listUnsupported.push({ park: p.id, sector: l.sector, category: l.phrase });
    const r = positionRef.get(p.id) ?? null;
    const listing: Listing | null = listed?.listing ?? null;
    const basis: ParkProps['basis'] = [...(designations.length ? ['plan' as const] : []), ...(listing ? ['list' as const] : [])];
    if (basis.length === 0)
      bad('neither named by the plan (no designations) nor on the official list (no entry in data/registry.json): nothing puts it on the map');
    parkFeatures.push({
      type: 'Feature',
      id: p.id,
      geometry: { type: 'Point', coordinates: at },
      properties: {
        id: p.id,
        name_zh: p.name_zh,
        name_en: p.name_en,
        basis,
        confidence: confidenceOf(p.position.method),
        source: r?.ref.source ?? '',
        location_note_zh: p.position.note_zh,
        location_note_en: p.position.note_en,
        position: {
          method: p.position.method,
          radius_m: p.position.radius_m,
          ref: r ? { ...r.ref, distance_m: Math.round(distanceM(at, r.at)) } : null,
          rejected: p.position.rejected,
        },
        beyond_plan: designations.length === 0,
        listing,
        designations,
        district: linked.district,
        zones: linked.zones,
        sectors: linked.sectors,
        links: linked.links,
        footprint_km2: fp ? round1(areaKm2(fp.geometry)) : null,
      },
    });
  }
  // places known only to lie in a larger area (schematic) come first, so that the map draws them
  // underneath: where one shares its point with a better-placed place, a click reaches the latter
  const drawOrder = (id: string) => (parksIn.find((p) => p.id === id)!.position.method === 'container' ? 0 : 1);
  parkFeatures.sort((a, b) => drawOrder(a.properties.id) - drawOrder(b.properties.id));
  const parks: FeatureCollection<Point, ParkProps> = { type: 'FeatureCollection', features: parkFeatures };

  const footprintFeatures: FeatureCollection<Polygon, FootprintProps>['features'] = parkFeatures
    .map((f) => byId.get(f.properties.id)!)
    .filter((p) => footprints.has(p.id))
    .map((p) => {
      const f = footprints.get(p.id)!;
      return {
        type: 'Feature' as const,
        id: p.id,
        geometry: f.geometry,
        properties: { id: p.id, park: p.id, name_zh: p.name_zh, name_en: p.name_en, ...f.props },
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
      leftOut: [
        ...pp.data.left_out.map((l) => ({ name_zh: l.name_zh, where: l.clause, reason_zh: l.reason_zh, reason_en: l.reason_en })),
        ...registry.leftOut.map((l) => ({ name_zh: l.name_zh, where: l.source, reason_zh: l.reason_zh, reason_en: l.reason_en })),
      ],
    },
    errors,
    audit: auditLinks(auditParks, zoneFeatures),
    listUnsupported,
    notes,
    clauseCount: clauses.size,
  };
}

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

/**
 * A zone's scope (src/geo/strength.ts): a pole, a belt, an axis or its corridor, or a zone made of
 * whole districts stands for a broad area; any other cluster zone for its sector's layout.
 */
function zoneScope(kind: ZoneProps['kind'], recipe: ZoneInput['geometry']): ZoneProps['scope'] {
  return kind !== 'cluster' || 'districts' in recipe ? 'broad' : 'sector';
}

function uniqueSectors(links: Designation[]) {
  return sortSectors(links.map((l) => l.sector));
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function pct(x: number): string {
  const v = Math.round(x * 1000) / 10;
  return `${v > 0 ? '+' : ''}${v} %`;
}
