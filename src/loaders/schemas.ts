/**
 * The one schema for every file in public/geo. The build (scripts/build-data.ts) validates its
 * output with these before writing; the app validates what it fetches with the same functions.
 *
 * Shape checks are zod (its smaller `zod/mini` build); reference checks (sector ids, clause ids,
 * zone ids, duplicate ids) are plain functions below, because they need the other files as context.
 */
import { z } from 'zod/mini';
import { BASES, CONFIDENCES, LINK_STRENGTHS, TOP_SECTOR_IDS, ZONE_SCOPES } from '../domain/ids';
import type { TopSectorId } from '../domain/ids';
import {
  BATCH_YEARS,
  COMPARABILITY,
  DATUM_CHECKS,
  FOOTPRINT_METHODS,
  LINK_BY,
  LINK_VIAS,
  POSITION_METHODS,
  SOURCE_CONFIDENCES,
  TARGET_STATUSES,
} from './data-ids';

const text = z.string().check(z.minLength(1));
/** an http(s) address: the source of a fact */
const url = z.string().check(z.regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'));
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

export const SectorNodeSchema = z.object({
  id: kebab,
  name_zh: text,
  name_en: text,
  /** why this node sits where it does (the mapping choice), in both languages */
  note_zh: z.optional(text),
  note_en: z.optional(text),
});

export const SectorSchema = z.object({
  id: topSector,
  name_zh: text,
  name_en: text,
  kind: z.enum(['strategic', 'leading']),
  clause,
  target: z.nullable(TargetSchema),
  target_note_zh: z.optional(text),
  target_note_en: z.optional(text),
  children: z.array(SectorNodeSchema),
});

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
  /** a remark on the reading (e.g. a pairing read from a park's name), in both languages */
  note_zh: z.optional(text),
  note_en: z.optional(text),
});
export type Designation = z.infer<typeof DesignationSchema>;

/** The document behind a link of the official park list: which list, when, under which category. */
export const ListRefSchema = z.object({
  /** the category as the list words it, and in English */
  category_zh: text,
  category_en: text,
  /** the document the membership and category are read from (the catalogue itself, or the page that reports it) */
  document_zh: text,
  document_en: text,
  /** its date, YYYY-MM-DD or YYYY-MM (null where the page gives none) */
  date: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'must be YYYY-MM or YYYY-MM-DD'))),
  url,
  /** the park's row in the 2022 catalogue, where that row could be read */
  seq: z.nullable(z.int().check(z.positive())),
});

/**
 * One reason a place serves a sector. `via` says which kind of document made it:
 * 'designation' the plan names the place for the sector (clause + the plan's words);
 * 'zone' the place lies in (or its footprint touches) a zone the plan designates (clause + words);
 * 'list' the place is on the city's official specialty-park list under a category (`list`: document,
 * date, category; `phrase` is the category as the list words it; no plan clause).
 */
export const LinkSchema = z.object({
  sector: topSector,
  node: kebab,
  /** the plan clause (designation, zone); null for a list link */
  clause: z.nullable(clause),
  /** the source's own words: the plan's phrase, or the list's category */
  phrase: text,
  named_as: z.optional(text),
  note_zh: z.optional(text),
  note_en: z.optional(text),
  via: z.enum(LINK_VIAS),
  /** the zone id when via === 'zone' */
  zone: z.nullable(kebab),
  /** for via === 'zone': whether the place's point lies in the zone or only its footprint touches it */
  by: z.optional(z.enum(LINK_BY)),
  /** for via === 'list': the list document, its date and the category */
  list: z.optional(ListRefSchema),
  /** how strongly the link holds (src/geo/strength.ts) */
  strength: z.enum(LINK_STRENGTHS),
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
  /** 'sector': a sector-specific cluster layout; 'broad': a pole, belt, axis or corridor, or whole districts */
  scope: z.enum(ZONE_SCOPES),
  /** how it was drawn, in both languages */
  derivation_zh: text,
  derivation_en: text,
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

/** The coordinate a position rests on: the place's own published one, an anchor, or a container. */
export const PositionRefSchema = z.object({
  name_zh: text,
  name_en: text,
  /** what the coordinate is of: the place itself, a station, a town, an airport, a larger area, … */
  what: z.enum(['itself', 'station', 'town', 'airport', 'landmark', 'area']),
  /** where the coordinate is published (for an area: the source of the point we use for it) */
  source: text,
  /** great-circle distance from the place's point to this coordinate, metres (computed by the build) */
  distance_m: z.number().check(z.nonnegative()),
  datum: z.enum(DATUM_CHECKS),
});
export type PositionRef = z.infer<typeof PositionRefSchema>;

export const PositionSchema = z.object({
  method: z.enum(POSITION_METHODS),
  /** how far the place's reference point may be from the dot, metres */
  radius_m: z.number().check(z.positive()),
  ref: z.nullable(PositionRefSchema),
  /** published coordinates looked at and not used, with the reason */
  rejected: z.array(z.object({ name_zh: text, name_en: text, source: text, reason_zh: text, reason_en: text })),
});
export type Position = z.infer<typeof PositionSchema>;

const fact = { source: url, note_zh: z.optional(text), note_en: z.optional(text) };

/** One block of a park with its 四至, each bound as the source words it (null where the source gives none). */
export const BlockSchema = z.object({
  /** the block's name (null where the list names no blocks, written ——) */
  name_zh: z.nullable(text),
  name_en: z.nullable(text),
  east: z.nullable(text),
  south: z.nullable(text),
  west: z.nullable(text),
  north: z.nullable(text),
  ...fact,
});

/** What the city's official specialty-park list (特色产业园区) says about a place, each fact with its source. */
export const ListingSchema = z.object({
  /** the place's name on the list (as the source words it) */
  name_zh: text,
  /** the page that shows the place is on the list */
  listed: z.object({ ...fact }),
  /** the park's row in the 2022 catalogue, where that row could be read */
  seq: z.nullable(z.int().check(z.positive())),
  category: z.nullable(z.object({ zh: text, en: text, sector: topSector, node: kebab, ...fact })),
  batch: z.nullable(z.object({ year: z.literal(BATCH_YEARS), date: text, ...fact })),
  /** stated areas, km²; where figures differ each is kept (none is averaged) */
  areas: z.array(
    z.object({
      km2: z.number().check(z.positive()),
      /** 'catalogue': the 2022 catalogue's area; 'other': another page's figure (its definition in `what`) */
      kind: z.enum(['catalogue', 'other']),
      what_zh: text,
      what_en: text,
      /** the footprint is drawn at this area */
      footprint: z.boolean(),
      ...fact,
    }),
  ),
  /** the district where a source states it */
  district: z.nullable(z.object({ name_zh: text, ...fact })),
  blocks: z.array(BlockSchema),
});
export type Listing = z.infer<typeof ListingSchema>;

export const ParkPropsSchema = z.object({
  id: kebab,
  name_zh: text,
  name_en: text,
  /** why the place is on the map: named by the plan, on the official list, or both */
  basis: z.array(z.enum(BASES)).check(z.minLength(1)),
  confidence: z.enum(CONFIDENCES),
  /** where the position comes from: the URL of the coordinate used ('' for an estimate that rests on none) */
  source: z.string(),
  location_note_zh: text,
  location_note_en: text,
  position: PositionSchema,
  /** true where the plan does not name the place (the same as basis without 'plan') */
  beyond_plan: z.boolean(),
  /** the official list's facts, where the place is on it */
  listing: z.nullable(ListingSchema),
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
export const BasemapSchema = collection(BasemapPropsSchema, z.discriminatedUnion('type', [PolygonGeom, MultiPolygonGeom, LineGeom, PointGeom]));

// ---------------------------------------------------------------- footprints.geojson
/** A park's schematic footprint: always schematic, drawn at a stated area (within 20 %). */
export const FootprintPropsSchema = z.object({
  id: kebab,
  park: kebab,
  name_zh: text,
  name_en: text,
  method: z.enum(FOOTPRINT_METHODS),
  schematic: z.literal(true),
  derivation_zh: text,
  derivation_en: text,
  /** spherical area of the drawn polygon, km² */
  area_km2: z.number().check(z.nonnegative()),
  /** the stated area it is drawn at, km², and where that figure is published */
  stated_area_km2: z.number().check(z.positive()),
  area_source: url,
});
export type FootprintProps = z.infer<typeof FootprintPropsSchema>;
export const FootprintsSchema = collection(FootprintPropsSchema, PolygonGeom);

// ---------------------------------------------------------------- targets.json
/** One reported figure against a target (or a context measure), with its definition and source. */
export const OutturnSchema = z.object({
  id: kebab,
  /** the year the figure is for (the last year of a multi-year rate) */
  year: z.int().check(z.gte(2015), z.lte(2026)),
  /** first year of a multi-year rate or change */
  from_year: z.nullable(z.int()),
  /** part of the year, where the figure is not for a full year */
  part: z.nullable(z.enum(['H1', 'Q1-Q3', 'Jan-May', 'Jan-Nov'])),
  /** 'outturn' a figure for 2021–2025; 'base' a figure for 2020 or before (the baseline's year); 'derived' computed by the build */
  role: z.enum(['outturn', 'base', 'derived']),
  /** the figure in the target's unit (null for a qualitative statement) */
  value: z.nullable(z.number()),
  /** the figure as published (e.g. 44（左右）, 2.4（突破）) */
  value_text: text,
  /** the words of a figure without a value (a qualitative statement: 万亿级, 如期实现); null where it has one (its words come from the value: figureWords) */
  text_zh: z.nullable(text),
  text_en: z.nullable(text),
  /** 'approx' 左右, 'over' 超过/突破/多 */
  qualifier: z.nullable(z.enum(['approx', 'over'])),
  unit: text,
  /** the measure as the source names it */
  measure_zh: text,
  measure_en: text,
  comparability: z.enum(COMPARABILITY),
  definition_note_zh: text,
  definition_note_en: text,
  /** the page the figure is read from (a derived figure: the page of its later input) */
  source: url,
  confidence: z.enum(SOURCE_CONFIDENCES),
  /** ids of figures for the same thing that disagree with this one (kept side by side) */
  conflicts_with: z.array(kebab),
  /** for role 'derived': the ids it is computed from and how */
  derived_from: z.nullable(z.object({ ids: z.array(kebab), formula: z.enum(['cagr', 'ratio']) })),
});
export type Outturn = z.infer<typeof OutturnSchema>;

const planQuote = z.object({
  /** the plan's words, verbatim (checked against the clause at build time) */
  phrase: text,
  clause,
  /** the figure as stated, in the plan's words (e.g. 20%以上), and in English */
  text_zh: text,
  text_en: text,
  value: z.nullable(z.number()),
  unit: z.nullable(text),
});

export const ScorecardTargetSchema = z.object({
  id: kebab,
  sector: z.union([z.literal('overall'), topSector]),
  measure_zh: text,
  measure_en: text,
  target: z.object({
    ...planQuote.shape,
    year: z.nullable(z.int()),
    /** how an outturn is held against it: ≥, >, ≈ (左右: 90 % of the figure or more), not below a level, rise above the baseline */
    comparator: z.enum(['at-least', 'more-than', 'about', 'not-below', 'increase', 'unmeasured']),
    /** 'level', 'share', 'growth' (%/yr over 2021–2025), 'multiple' of the 2020 level, 'count' */
    kind: z.enum(['level', 'share', 'growth', 'multiple', 'count']),
  }),
  baseline: z.nullable(z.object({ ...planQuote.shape, year: z.int() })),
  outturns: z.array(OutturnSchema),
  status: z.enum(TARGET_STATUSES),
  /** the figure that decided the status, if one did */
  status_outturn: z.nullable(kebab),
  status_note_zh: text,
  status_note_en: text,
  note_zh: z.optional(text),
  note_en: z.optional(text),
});
export type ScorecardTarget = z.infer<typeof ScorecardTargetSchema>;

export const ContextMeasureSchema = z.object({
  id: kebab,
  measure_zh: text,
  measure_en: text,
  /** the plan's figure for it, where the plan states one (no target) */
  baseline: z.nullable(z.object({ ...planQuote.shape, year: z.int() })),
  outturns: z.array(OutturnSchema),
  note_zh: text,
  note_en: text,
});
export type ContextMeasure = z.infer<typeof ContextMeasureSchema>;

export const TargetsFileSchema = z.object({
  version: z.literal(1),
  plan: z.object({ document: text, title_zh: text, title_en: text }),
  targets: z.array(ScorecardTargetSchema),
  context: z.array(ContextMeasureSchema),
});
export type TargetsFile = z.infer<typeof TargetsFileSchema>;

// ---------------------------------------------------------------- stats.json
/** A zone's share of area in one district (computed by the build from the drawn geometry). */
export const DistrictShareSchema = z.object({
  /** district name_zh */
  district: text,
  /** share of the zone's area in the district, 0–1 */
  share: z.number().check(z.gte(0), z.lte(1)),
  km2: z.number().check(z.nonnegative()),
});

/**
 * Figures the build computes once for the statistics view: every zone's area and district shares
 * (so the zones tab does no polygon clipping in the browser) and the consistency audit.
 */
export const StatsFileSchema = z.object({
  version: z.literal(1),
  /** per zone id: area in km² (null: a line, no area) and its districts, largest share first */
  zones: z.record(z.string(), z.object({ km2: z.nullable(z.number().check(z.nonnegative())), districts: z.array(DistrictShareSchema) })),
  /** per district name_zh: its area in km² (geodesic, from districts.geojson) */
  districts: z.record(z.string(), z.object({ km2: z.number().check(z.positive()) })),
  audit: z.object({
    /** parks inside no zone at all */
    parksOutsideZones: z.array(text),
    /** explicit designations whose sector no containing zone carries */
    unsupported: z.array(z.object({ park: text, sector: text, node: text, clause: text })),
    /** areal zones that contain no park */
    zonesWithoutParks: z.array(text),
  }),
});
export type StatsFile = z.infer<typeof StatsFileSchema>;

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
    const ti = path.indexOf('targets');
    const ci = path.indexOf('context');
    const at = [fi, si, pi, zi, ti, ci].find((i) => i >= 0);
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

/** Checks a sector and its node against the taxonomy. */
function checkNode(d: { sector: string; node: string }, ctx: RefContext): string | null {
  const top = ctx.nodes.get(d.node);
  if (!ctx.nodes.has(d.sector)) return `unknown sector id '${d.sector}'`;
  if (top === undefined) return `unknown sector node '${d.node}'`;
  if (top !== d.sector) return `node '${d.node}' belongs to '${top}', not '${d.sector}'`;
  return null;
}

/** Checks one designation against the taxonomy and the plan. */
export function checkDesignation(d: Designation, ctx: RefContext): string | null {
  return checkNode(d, ctx) ?? checkClause(d.clause, d.phrase, ctx);
}

/** Checks one link: its node, and its document (a plan clause and words, or a list entry). */
export function checkLink(l: Link, ctx: RefContext): string | null {
  const n = checkNode(l, ctx);
  if (n) return n;
  if (l.via === 'list') {
    if (!l.list) return `a list link to '${l.node}' without its list document`;
    if (l.clause !== null) return `a list link to '${l.node}' cites a plan clause (${l.clause})`;
    if (l.phrase !== l.list.category_zh) return `a list link's phrase “${l.phrase}” is not its category “${l.list.category_zh}”`;
    return null;
  }
  if (l.list) return `a ${l.via} link to '${l.node}' carries a list document`;
  if (l.clause === null) return `a ${l.via} link to '${l.node}' has no plan clause`;
  return checkClause(l.clause, l.phrase, ctx);
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
      const e = checkLink(l, ctx);
      if (e) bad(e);
      if (l.via === 'zone' && (l.zone === null || (ctx.zoneIds && !ctx.zoneIds.has(l.zone)))) bad(`link via unknown zone '${String(l.zone)}'`);
      if (l.via === 'zone' && !p.zones.includes(l.zone ?? '')) bad(`link via zone '${String(l.zone)}' that is not among the place's zones`);
      if (l.via === 'list' && !p.listing?.category) bad(`list link to '${l.node}' but the listing has no category`);
      if (!p.sectors.includes(l.sector)) bad(`link to '${l.sector}' missing from sectors`);
    }
    for (const s of p.sectors) if (!ctx.nodes.has(s)) bad(`unknown sector id '${s}'`);
    if (ctx.zoneIds) for (const z of p.zones) if (!ctx.zoneIds.has(z)) bad(`unknown zone '${z}'`);
    if (ctx.districtNames && p.district !== null && !ctx.districtNames.has(p.district)) bad(`unknown district '${p.district}'`);
    for (const e of checkPlace(p)) bad(e);
  }
  return errors;
}

const CONFIDENCE_OF: Record<Position['method'], ParkProps['confidence']> = {
  published: 'sourced',
  anchor: 'estimate',
  container: 'schematic',
  estimate: 'estimate',
};

/**
 * The rules that tie a place's fields together: why it is on the map (basis), how sure its
 * position is (method → confidence, a source for every position that rests on a coordinate),
 * and the list's facts (a category node that fits the taxonomy is checked with the links).
 */
export function checkPlace(p: ParkProps): string[] {
  const out: string[] = [];
  const plan = p.designations.length > 0;
  const list = p.listing !== null;
  const want = [...(plan ? ['plan'] : []), ...(list ? ['list'] : [])];
  if (p.basis.join() !== want.join()) out.push(`basis [${p.basis.join(', ')}] should be [${want.join(', ')}] (plan: designations; list: a listing)`);
  if (p.beyond_plan === plan) out.push(`beyond_plan is ${p.beyond_plan} but the plan ${plan ? 'names' : 'does not name'} the place`);
  const m = p.position.method;
  if (p.confidence !== CONFIDENCE_OF[m]) out.push(`confidence '${p.confidence}' does not fit position method '${m}' (${CONFIDENCE_OF[m]})`);
  if (m !== 'estimate' && p.position.ref === null) out.push(`position method '${m}' needs the coordinate it rests on (ref)`);
  if (p.position.ref !== null && !p.source.trim()) out.push('no source for the position');
  if (m === 'published' && p.position.ref !== null && p.position.ref.datum === 'unchecked' && p.position.radius_m < 500)
    out.push(`a published coordinate with no datum check keeps ±500 m, not ±${p.position.radius_m} m`);
  if (list && p.listing!.areas.length > 0 && p.listing!.areas.filter((a) => a.footprint).length !== 1)
    out.push('a listing with stated areas marks exactly one of them for the footprint');
  if (list && p.listing!.areas.length > 0 && p.footprint_km2 === null) out.push('a stated area but no footprint');
  const linked = p.links.some((l) => l.via === 'list');
  if (list && p.listing!.category && !linked) out.push(`on the list under ${p.listing!.category.zh} but no list link`);
  return out;
}
