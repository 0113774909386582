/**
 * Schemas of the files we author in data/ (the inputs). The outputs in public/geo are checked
 * with src/loaders/schemas.ts, the schema the app uses too.
 */
import { z } from 'zod';
import { ZONE_KINDS } from '../../src/loaders/schemas';
import type { Recipe } from '../../src/geo/recipes';
import { TOP_SECTOR_IDS } from '../../src/domain/ids';
import { BATCH_YEARS, COMPARABILITY, SOURCE_CONFIDENCES } from '../../src/loaders/data-ids';

const lonLat = z.tuple([z.number().finite(), z.number().finite()]);
const waypoint = z.union([lonLat, z.object({ park: z.string() }).strict(), z.object({ district: z.string() }).strict()]);

export const RecipeSchema: z.ZodType<Recipe> = z.lazy(() =>
  z.union([
    z.object({ polygon: z.array(lonLat).min(3) }).strict(),
    z.object({ bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]) }).strict(),
    z.object({ districts: z.union([z.array(z.string()).min(1), z.literal('all')]) }).strict(),
    z.object({ zone: z.string() }).strict(),
    z.object({ footprint: z.string() }).strict(),
    z.object({ points: z.array(waypoint).min(1) }).strict(),
    z.object({ line: z.array(waypoint).min(2) }).strict(),
    z.object({ lines: z.array(z.array(waypoint).min(2)).min(1) }).strict(),
    z
      .object({
        circle: z.object({ at: waypoint, area_km2: z.number().positive().optional(), radius_km: z.number().positive().optional() }).strict(),
      })
      .strict(),
    z.object({ buffer: RecipeSchema, km: z.number().positive() }).strict(),
    z.object({ hull: RecipeSchema }).strict(),
    z.object({ intersect: z.tuple([RecipeSchema, RecipeSchema]) }).strict(),
    z.object({ difference: z.tuple([RecipeSchema, RecipeSchema]) }).strict(),
    z.object({ union: z.array(RecipeSchema).min(1) }).strict(),
  ]),
);

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be ascii kebab-case');

export const ZoneInputSchema = z
  .object({
    id: kebab,
    kind: z.enum(ZONE_KINDS),
    group: kebab,
    role: z.string().nullable(),
    name_zh: z.string().min(1),
    name_en: z.string().min(1),
    clause: z.string(),
    schematic: z.boolean(),
    geometry: RecipeSchema,
    derivation_zh: z.string().min(1),
    derivation_en: z.string().min(1),
    axis: kebab.optional(),
    official_area_km2: z.number().positive().optional(),
    /** a list (each item checked with DesignationSchema in the build), or the name of a list in shared_links */
    links: z.union([z.string(), z.array(z.unknown())]),
  })
  .strict();
export type ZoneInput = z.infer<typeof ZoneInputSchema>;

export const ZonesInputSchema = z.object({
  version: z.literal(1),
  zones: z.array(ZoneInputSchema),
  shared_links: z.record(z.string(), z.array(z.unknown())).default({}),
});

export const FromZoneSchema = z.object({ from_zone: kebab, as: z.string().min(1) }).strict();

const text = z.string().min(1);
const url = z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL');

/** A published coordinate: of the place itself, or of an anchor or container near it. */
export const CoordinateSchema = z
  .object({
    name_zh: text,
    name_en: text,
    what: z.enum(['itself', 'station', 'town', 'airport', 'landmark', 'area']),
    lon: z.number().finite(),
    lat: z.number().finite(),
    /** as published; a GCJ-02 coordinate (AMap and most Chinese maps) is converted at build time */
    crs: z.enum(['WGS-84', 'GCJ-02']).default('WGS-84'),
    source: text,
    /** a second, independent coordinate of the same thing (WGS-84), to test for a GCJ-02 shift */
    cross_check: z.object({ lon: z.number().finite(), lat: z.number().finite(), source: text }).strict().optional(),
  })
  .strict();
export type CoordinateInput = z.infer<typeof CoordinateSchema>;

/** A container that is another place of the data: its point (and source) are that place's. */
export const PlaceRefSchema = z.object({ place: kebab, name_zh: text, name_en: text }).strict();

export const PositionInputSchema = z
  .object({
    method: z.enum(['published', 'anchor', 'container', 'estimate']),
    radius_m: z.number().positive(),
    ref: z.union([CoordinateSchema, PlaceRefSchema]).nullable(),
    rejected: z.array(z.object({ name_zh: text, name_en: text, source: text, reason_zh: text, reason_en: text }).strict()).default([]),
    note_zh: text,
    note_en: text,
  })
  .strict();

export const ParkInputSchema = z
  .object({
    id: kebab,
    name_zh: text,
    name_en: text,
    /** the place's point, WGS-84 (a published or container point repeats its ref's coordinate) */
    lon: z.number().finite(),
    lat: z.number().finite(),
    /** coordinates as authored; GCJ-02 (AMap and most Chinese sources) is converted at build time */
    crs: z.enum(['WGS-84', 'GCJ-02']).default('WGS-84'),
    expect_district: text,
    position: PositionInputSchema,
    /** a footprint drawn from the 四至 (its stated area comes from the place's listing) */
    footprint: z
      .object({
        polygon: z.array(lonLat).min(4),
        derivation_zh: text,
        derivation_en: text,
      })
      .strict()
      .optional(),
    /** each item is a designation or a {from_zone, as}; checked one by one in the build for clear messages */
    designations: z.array(z.unknown()),
  })
  .strict();
export type ParkInput = z.infer<typeof ParkInputSchema>;

export const ParksInputSchema = z.object({
  version: z.literal(2),
  parks: z.array(ParkInputSchema),
  left_out: z.array(z.object({ name_zh: text, clause: z.string(), reason_zh: text, reason_en: text }).strict()).default([]),
});

// ---------------------------------------------------------------- data/registry.json
const factNote = { note_zh: text.optional(), note_en: text.optional() };

export const RegistryEntrySchema = z
  .object({
    /** the place in data/parks.json this entry describes */
    place: kebab,
    name_zh: text,
    seq: z.number().int().positive().nullable(),
    listed: z.object({ source: url, ...factNote }).strict(),
    /** each item checked in the build (an unknown category fails naming the entry) */
    category: z
      .object({ zh: text, source: url, ...factNote })
      .strict()
      .nullable(),
    batch: z
      .object({ year: z.number().int(), source: url, ...factNote })
      .strict()
      .nullable(),
    areas: z.array(
      z
        .object({
          km2: z.number().positive(),
          kind: z.enum(['catalogue', 'other']),
          what_zh: text,
          what_en: text,
          footprint: z.boolean(),
          source: url,
          ...factNote,
        })
        .strict(),
    ),
    district: z
      .object({ name_zh: text, source: url, ...factNote })
      .strict()
      .nullable(),
    blocks: z.array(
      z
        .object({
          name_zh: text.nullable(),
          name_en: text.nullable(),
          east: text.nullable(),
          south: text.nullable(),
          west: text.nullable(),
          north: text.nullable(),
          source: url,
          ...factNote,
        })
        .strict(),
    ),
  })
  .strict();
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>;

export const RegistryInputSchema = z
  .object({
    version: z.literal(1),
    documents: z.array(
      z
        .object({
          url,
          title_zh: text,
          title_en: text,
          publisher_zh: text,
          publisher_en: text,
          date: z
            .string()
            .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
            .nullable(),
        })
        .strict(),
    ),
    categories: z.array(
      z.object({ zh: text, en: text, sector: z.enum(TOP_SECTOR_IDS), node: kebab, note_zh: text.optional(), note_en: text.optional() }).strict(),
    ),
    batches: z.array(
      z
        .object({
          year: z.union(BATCH_YEARS.map((y) => z.literal(y)) as [z.ZodLiteral<2020>, z.ZodLiteral<2021>, z.ZodLiteral<2022>]),
          date: text,
          count: z.number().int().positive(),
          source: url,
        })
        .strict(),
    ),
    /** each entry is checked one by one in the build, so that a message names the entry */
    entries: z.array(z.unknown()),
    left_out: z.array(z.object({ name_zh: text, source: url, reason_zh: text, reason_en: text }).strict()).default([]),
  })
  .strict();
export type RegistryInput = z.infer<typeof RegistryInputSchema>;

// ---------------------------------------------------------------- data/targets.json
const planQuote = z.object({ phrase: text, clause: z.string(), text_zh: text, text_en: text, value: z.number().nullable(), unit: text.nullable() }).strict();

export const OutturnInputSchema = z
  .object({
    id: kebab,
    year: z.number().int(),
    from_year: z.number().int().nullable().default(null),
    part: z.enum(['H1', 'Q1-Q3', 'Jan-May', 'Jan-Nov']).nullable().default(null),
    role: z.enum(['outturn', 'base', 'derived']),
    value: z.number().nullable(),
    value_text: text,
    text_zh: text.nullable().default(null),
    text_en: text.nullable().default(null),
    qualifier: z.enum(['approx', 'over']).nullable().default(null),
    unit: text,
    measure_zh: text,
    measure_en: text,
    comparability: z.enum(COMPARABILITY),
    definition_note_zh: text,
    definition_note_en: text,
    /** a derived figure names its inputs instead of a page (the build computes it) */
    source: url.optional(),
    confidence: z.enum(SOURCE_CONFIDENCES),
    conflicts_with: z.array(kebab).default([]),
    /** the source's sentence (kept here to check the figure; not shipped) and the figure as it appears in it */
    quote: text.optional(),
    figure_in_quote: text.optional(),
    derived_from: z
      .object({ ids: z.array(kebab).length(2), formula: z.enum(['cagr', 'ratio']) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type OutturnInput = z.infer<typeof OutturnInputSchema>;

export const TargetInputSchema = z
  .object({
    id: kebab,
    sector: z.union([z.literal('overall'), z.enum(TOP_SECTOR_IDS)]),
    measure_zh: text,
    measure_en: text,
    target: planQuote.extend({
      year: z.number().int().nullable(),
      comparator: z.enum(['at-least', 'more-than', 'about', 'not-below', 'increase', 'unmeasured']),
      kind: z.enum(['level', 'share', 'growth', 'multiple', 'count']),
    }),
    baseline: planQuote.extend({ year: z.number().int() }).nullable(),
    /** each outturn is checked one by one in the build, so that a message names it */
    outturns: z.array(z.unknown()),
    note_zh: text.optional(),
    note_en: text.optional(),
  })
  .strict();
export type TargetInput = z.infer<typeof TargetInputSchema>;

export const ContextInputSchema = z
  .object({
    id: kebab,
    measure_zh: text,
    measure_en: text,
    baseline: planQuote.extend({ year: z.number().int() }).nullable(),
    outturns: z.array(z.unknown()),
    note_zh: text,
    note_en: text,
  })
  .strict();

export const TargetsInputSchema = z
  .object({
    version: z.literal(1),
    targets: z.array(z.unknown()),
    context: z.array(z.unknown()),
  })
  .strict();
