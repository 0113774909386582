/**
 * The one schema for every file in public/geo. The build (scripts/build-data.ts) validates its
 * output with these before writing; the app validates what it fetches with the same functions.
 *
 * Shape checks are zod (its smaller `zod/mini` build); reference checks (sector ids, clause ids,
 * zone ids, duplicate ids) are plain functions below, because they need the other files as context.
 */
import { z } from 'zod/mini';
import { CONFIDENCES, TOP_SECTOR_IDS } from '../domain/ids';
import type { TopSectorId } from '../domain/ids';

const text = z.string().check(z.minLength(1));
const kebab = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be ascii kebab-case'));
/** A plan clause: part (一…七), section (（一）…), optional item number, e.g. 五（三）, 三（七）3. */
export const CLAUSE_RE = /^[一二三四五六七]（[一二三四五六七八九十]）(?:[0-9]+)?$/;
const clause = z.string().check(z.regex(CLAUSE_RE, 'must look like 五（三） or 三（七）3'));
const topSector = z.enum(TOP_SECTOR_IDS, { error: (iss) => `unknown sector id '${String(iss.input)}'` });

// ---------------------------------------------------------------- sectors.json
export const TargetSchema = z.object({
  year: z.literal(2025),
  value: z.number().check(z.positive()),
  unit: text,
  approx: z.boolean(),
  measures_zh: text,
  measures_en: text,
  phrase: text,
  clause,
});
export type Target = z.infer<typeof TargetSchema>;

export const SectorNodeSchema = z.object({
  id: kebab,
  name_zh: text,
  name_en: text,
  note: z.optional(z.string()),
});
export type SectorNode = z.infer<typeof SectorNodeSchema>;

export const SectorSchema = z.object({
  id: topSector,
  name_zh: text,
  name_en: text,
  kind: z.enum(['strategic', 'leading']),
  clause,
  target: z.nullable(TargetSchema),
  target_note: z.optional(z.string()),
  children: z.array(SectorNodeSchema),
});
export type Sector = z.infer<typeof SectorSchema>;

export const SectorsFileSchema = z.object({
  version: z.literal(1),
  source: text,
  sectors: z.array(SectorSchema),
});
export type SectorsFile = z.infer<typeof SectorsFileSchema>;

// ---------------------------------------------------------------- shared pieces
/** A sector a zone or a park is designated for, in the plan's own words. */
export const DesignationSchema = z.object({
  sector: topSector,
  /** taxonomy node id: the top-level id itself, or one of its children */
  node: kebab,
  clause,
  /** the plan's words, verbatim (checked against the clause text at build time) */
  phrase: text,
  /** where the plan names this place inside a list of places (e.g. the nine cores of 五（三）): its words for the place */
  named_as: z.optional(text),
  note: z.optional(z.string()),
});
export type Designation = z.infer<typeof DesignationSchema>;

export const LinkSchema = z.extend(DesignationSchema, {
  /** 'designation': the plan names this place for the sector; 'zone': inherited from a containing zone */
  via: z.enum(['designation', 'zone']),
  /** the zone id when via === 'zone' */
  zone: z.nullable(kebab),
});
export type Link = z.infer<typeof LinkSchema>;

type Pos = [number, number];

/**
 * Coordinates are checked by hand, one loop per geometry, instead of a zod tuple per position
 * (several times faster on the first parse, which is the one the app does). A failure names the
 * first bad element, e.g. `coordinates.0.5: …`.
 */
type Bad = { path: number[]; message: string } | null;
const bad = (message: string): Bad => ({ path: [], message });
const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));
const lonLat = (p: unknown): Bad =>
  !Array.isArray(p) || p.length !== 2
    ? bad('must be a [lon, lat] pair')
    : !Number.isFinite(p[0]) || !Number.isFinite(p[1])
      ? bad(`must be finite numbers, got [${p.map(show).join(', ')}]`)
      : null;
/** A list of `min`+ items, each checked by `each` (which reports a path inside the item). */
const list =
  (min: number, what: string, each: (x: unknown) => Bad) =>
  (xs: unknown): Bad => {
    if (!Array.isArray(xs) || xs.length < min) return bad(`must be ${min}+ ${what}`);
    for (let i = 0; i < xs.length; i++) {
      const b = each(xs[i]);
      if (b) return { path: [i, ...b.path], message: b.message };
    }
    return null;
  };
const line = (min: number) => list(min, 'positions', lonLat);
const ring = line(4);
const polygon = list(1, 'rings of 4+ positions', ring);

function coordinates<T>(check: (c: unknown) => Bad) {
  return z.custom<T>().check(
    z.superRefine((value, ctx) => {
      const b = check(value);
      if (b) ctx.addIssue({ code: 'custom', message: b.message, path: b.path, input: value });
    }),
  );
}
const position = coordinates<Pos>(lonLat);
const PointGeom = z.object({ type: z.literal('Point'), coordinates: position });
const LineGeom = z.object({ type: z.literal('LineString'), coordinates: coordinates<Pos[]>(line(2)) });
const MultiLineGeom = z.object({ type: z.literal('MultiLineString'), coordinates: coordinates<Pos[][]>(list(1, 'lines', line(2))) });
const PolygonGeom = z.object({ type: z.literal('Polygon'), coordinates: coordinates<Pos[][]>(polygon) });
const MultiPolygonGeom = z.object({ type: z.literal('MultiPolygon'), coordinates: coordinates<Pos[][][]>(list(1, 'polygons', polygon)) });
const areal = z.discriminatedUnion('type', [PolygonGeom, MultiPolygonGeom]);

function collection<P extends z.ZodMiniType, G extends z.ZodMiniType>(props: P, geometry: G) {
  return z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.optional(z.union([z.string(), z.number()])),
        geometry,
        properties: props,
      }),
    ),
  });
}

// ---------------------------------------------------------------- districts.geojson
export const DistrictPropsSchema = z.object({
  adcode: z.int().check(z.gte(310000), z.lte(319999)),
  name_zh: text,
  name_en: text,
  /** where the district's one label goes (src/geo/label-points.ts, run by the build) */
  label: position,
});
export type DistrictProps = z.infer<typeof DistrictPropsSchema>;
export const DistrictsSchema = collection(DistrictPropsSchema, areal);

// ---------------------------------------------------------------- zones.geojson
export const ZONE_KINDS = ['pole', 'belt', 'axis', 'cluster'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export const ZonePropsSchema = z.object({
  id: kebab,
  kind: z.enum(ZONE_KINDS),
  /** the plan layout this feature belongs to, e.g. 'two-poles', 'h-belt', 'ic-one-body-two-wings' */
  group: kebab,
  /** its role in the layout, in the plan's words (e.g. 一体, 两翼, 1, 5, X, 两城) */
  role: z.nullable(z.string()),
  name_zh: text,
  name_en: text,
  sectors: z.array(topSector),
  links: z.array(DesignationSchema),
  clause,
  schematic: z.boolean(),
  derivation: text,
  /** for corridors: the axis line they are drawn around */
  axis: z.nullable(kebab),
  /** spherical area in km² (areal zones), null for lines */
  area_km2: z.nullable(z.number().check(z.nonnegative())),
  /** the zone whose outline this one reuses (e.g. the 临港 pole), or null */
  outline_of: z.nullable(kebab),
  /** where the zone's one label goes (src/geo/label-points.ts, run by the build) */
  label: position,
});
export type ZoneProps = z.infer<typeof ZonePropsSchema>;
export const ZonesSchema = collection(ZonePropsSchema, z.discriminatedUnion('type', [PolygonGeom, MultiPolygonGeom, LineGeom, MultiLineGeom]));

// ---------------------------------------------------------------- parks.geojson

export const ParkPropsSchema = z.object({
  id: kebab,
  name_zh: text,
  name_en: text,
  confidence: z.enum(CONFIDENCES),
  /** where the location comes from (URL or the words 'estimate: …') */
  source: text,
  location_note: z.string(),
  /** true where the place is not named in the plan itself (e.g. from the 2022 official park list) */
  beyond_plan: z.boolean(),
  designations: z.array(DesignationSchema),
  district: z.nullable(z.string()),
  zones: z.array(kebab),
  sectors: z.array(topSector),
  links: z.array(LinkSchema),
  /** spherical area (km²) of the footprint, where one is drawn */
  footprint_km2: z.nullable(z.number()),
});
export type ParkProps = z.infer<typeof ParkPropsSchema>;
export const ParksSchema = collection(ParkPropsSchema, z.discriminatedUnion('type', [PointGeom, PolygonGeom]));

// ---------------------------------------------------------------- basemap.geojson
export const BasemapPropsSchema = z.object({
  id: kebab,
  kind: z.enum(['province', 'river', 'expressway', 'airport']),
  name_zh: text,
  name_en: text,
  ref: z.optional(z.nullable(z.string())),
  schematic: z.optional(z.boolean()),
  source: z.optional(z.string()),
});
export type BasemapProps = z.infer<typeof BasemapPropsSchema>;
export const BasemapSchema = collection(BasemapPropsSchema, z.discriminatedUnion('type', [PolygonGeom, MultiPolygonGeom, LineGeom, PointGeom]));

// ---------------------------------------------------------------- footprints.geojson
export const FootprintPropsSchema = z.object({
  id: kebab,
  park: kebab,
  name_zh: text,
  name_en: text,
  derivation: text,
  area_km2: z.number().check(z.nonnegative()),
  official_area_km2: z.nullable(z.number()),
});
export const FootprintsSchema = collection(FootprintPropsSchema, PolygonGeom);

// ---------------------------------------------------------------- manifest.json
export const ManifestSchema = z.object({
  version: z.literal(1),
  built_at: z.string(),
  plan: z.object({ title: z.string(), document: z.string(), clauses: z.int() }),
  files: z.array(z.object({ name: z.string(), features: z.int().check(z.nonnegative()), bytes: z.int().check(z.positive()), sha256: z.string() })),
  sources: z.array(z.object({ name: z.string(), version: z.string(), license: z.string(), use: z.string() })),
});
export type Manifest = z.infer<typeof ManifestSchema>;

// ---------------------------------------------------------------- errors
export interface DataError {
  file: string;
  feature: string | null;
  reason: string;
}

export function formatDataError(e: DataError): string {
  return `${e.file}${e.feature ? ` [${e.feature}]` : ''}: ${e.reason}`;
}

/** zod issues → DataErrors naming the file and, where it can, the feature id. */
export function zodErrors(file: string, error: z.core.$ZodError, input: unknown): DataError[] {
  return error.issues.map((issue) => {
    const path = issue.path;
    let feature: string | null = null;
    const fi = path.indexOf('features');
    const si = path.indexOf('sectors');
    const pi = path.indexOf('parks');
    const zi = path.indexOf('zones');
    const at = [fi, si, pi, zi].find((i) => i >= 0);
    if (at !== undefined && typeof path[at + 1] === 'number') {
      const key = path[at] as string;
      const idx = path[at + 1] as number;
      const list = (input as Record<string, unknown> | null)?.[key];
      const item = Array.isArray(list) ? (list[idx] as Record<string, unknown> | undefined) : undefined;
      const id = (item?.properties as Record<string, unknown> | undefined)?.id ?? item?.id;
      feature = typeof id === 'string' && id ? id : `#${idx}`;
    }
    return { file, feature, reason: `${path.join('.') || '(root)'}: ${issue.message}` };
  });
}

let messages: Promise<void> | null = null;

/**
 * zod/mini ships no message texts (an issue's message is 'Invalid input' until a locale is set).
 * Loads the English ones, once; parse again afterwards to get them. Node scripts that import the
 * full `zod` have them already.
 */
export function loadErrorMessages(): Promise<void> {
  messages ??= import('zod/v4/locales/en.js').then(
    (m) => {
      z.config(m.default());
    },
    () => {
      // the texts could not load (e.g. offline after a new release): keep the bare messages,
      // which still name the file, the feature and the path; try again next time
      messages = null;
    },
  );
  return messages;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: DataError[] };

export function parseWith<S extends z.ZodMiniType>(schema: S, file: string, input: unknown): Parsed<z.infer<S>> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: zodErrors(file, r.error, input) };
}

// ---------------------------------------------------------------- reference checks
export interface RefContext {
  /** every valid taxonomy node id → its top-level sector */
  nodes: Map<string, TopSectorId>;
  /** clause id → normalised clause text (whitespace removed); null skips clause checks */
  clauses: Map<string, string> | null;
}

export function sectorNodeIndex(file: SectorsFile): Map<string, TopSectorId> {
  const nodes = new Map<string, TopSectorId>();
  for (const s of file.sectors) {
    nodes.set(s.id, s.id);
    for (const c of s.children) nodes.set(c.id, s.id);
  }
  return nodes;
}

/** Checks one designation or link against the taxonomy and the plan. */
export function checkDesignation(d: Designation, ctx: RefContext): string | null {
  const top = ctx.nodes.get(d.node);
  if (!ctx.nodes.has(d.sector)) return `unknown sector id '${d.sector}'`;
  if (top === undefined) return `unknown sector node '${d.node}'`;
  if (top !== d.sector) return `node '${d.node}' belongs to '${top}', not '${d.sector}'`;
  return checkClause(d.clause, d.phrase, ctx);
}

export function checkClause(clauseId: string, phrase: string | null, ctx: RefContext): string | null {
  if (!ctx.clauses) return null;
  const text = ctx.clauses.get(clauseId);
  if (text === undefined) return `clause ${clauseId} does not exist in the plan`;
  if (phrase !== null) {
    const p = phrase.replace(/\s+/g, '');
    if (!text.includes(p)) return `phrase “${phrase}” does not occur in clause ${clauseId}`;
  }
  return null;
}

/** Unique ids across a list; returns an error per repeat. */
export function duplicateIds(file: string, ids: string[]): DataError[] {
  const seen = new Set<string>();
  const errors: DataError[] = [];
  for (const id of ids) {
    if (seen.has(id)) errors.push({ file, feature: id, reason: `duplicate id '${id}'` });
    seen.add(id);
  }
  return errors;
}

/** Reference checks for a built parks or zones collection (the app runs them too). */
export function checkZones(file: string, zones: z.infer<typeof ZonesSchema>, ctx: RefContext): DataError[] {
  const errors = duplicateIds(
    file,
    zones.features.map((f) => f.properties.id),
  );
  const ids = new Set(zones.features.map((f) => f.properties.id));
  for (const f of zones.features) {
    const p = f.properties;
    const bad = (reason: string) => errors.push({ file, feature: p.id, reason });
    if (f.id !== undefined && f.id !== p.id) bad(`feature id '${String(f.id)}' differs from properties.id`);
    const c = checkClause(p.clause, null, ctx);
    if (c) bad(c);
    for (const s of p.sectors) if (!ctx.nodes.has(s)) bad(`unknown sector id '${s}'`);
    for (const d of p.links) {
      const e = checkDesignation(d, ctx);
      if (e) bad(e);
      if (!p.sectors.includes(d.sector)) bad(`link to '${d.node}' but '${d.sector}' is not in sectors`);
    }
    if (p.axis !== null && !ids.has(p.axis)) bad(`axis '${p.axis}' is not a zone`);
    if (p.outline_of !== null && !ids.has(p.outline_of)) bad(`outline_of '${p.outline_of}' is not a zone`);
    const isLine = f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString';
    if (isLine !== (p.kind === 'axis')) bad(`kind '${p.kind}' does not fit a ${f.geometry.type}`);
  }
  return errors;
}

export function checkParks(
  file: string,
  parks: z.infer<typeof ParksSchema>,
  ctx: RefContext & { zoneIds: Set<string> | null; districtNames: Set<string> | null },
): DataError[] {
  const errors = duplicateIds(
    file,
    parks.features.map((f) => f.properties.id),
  );
  for (const f of parks.features) {
    const p = f.properties;
    const bad = (reason: string) => errors.push({ file, feature: p.id, reason });
    for (const d of p.designations) {
      const e = checkDesignation(d, ctx);
      if (e) bad(e);
    }
    for (const l of p.links) {
      const e = checkDesignation(l, ctx);
      if (e) bad(e);
      if (l.via === 'zone' && (l.zone === null || (ctx.zoneIds && !ctx.zoneIds.has(l.zone)))) bad(`link via unknown zone '${String(l.zone)}'`);
      if (!p.sectors.includes(l.sector)) bad(`link to '${l.sector}' missing from sectors`);
    }
    for (const s of p.sectors) if (!ctx.nodes.has(s)) bad(`unknown sector id '${s}'`);
    if (ctx.zoneIds) for (const z of p.zones) if (!ctx.zoneIds.has(z)) bad(`unknown zone '${z}'`);
    if (ctx.districtNames && p.district !== null && !ctx.districtNames.has(p.district)) bad(`unknown district '${p.district}'`);
    if (!p.source.trim()) bad('no source');
  }
  return errors;
}
