/**
 * Schemas of the files we author in data/ (the inputs). The outputs in public/geo are checked
 * with src/loaders/schemas.ts, the schema the app uses too.
 */
import { z } from 'zod';
import { ZONE_KINDS } from '../../src/loaders/schemas';
import type { Recipe } from '../../src/geo/recipes';
import { CONFIDENCES } from '../../src/domain/ids';

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
    derivation: z.string().min(1),
    axis: kebab.optional(),
    official_area_km2: z.number().positive().optional(),
    /** a list (each item checked with DesignationSchema in the build), or the name of a list in shared_links */
    links: z.union([z.string(), z.array(z.unknown())]),
  })
  .strict();
export type ZoneInput = z.infer<typeof ZoneInputSchema>;

export const ZonesInputSchema = z.object({
  version: z.literal(1),
  note: z.string().optional(),
  zones: z.array(ZoneInputSchema),
  shared_links: z.record(z.string(), z.array(z.unknown())).default({}),
});
export type ZonesInput = z.infer<typeof ZonesInputSchema>;

export const FromZoneSchema = z.object({ from_zone: kebab, as: z.string().min(1) }).strict();

export const ParkInputSchema = z
  .object({
    id: kebab,
    name_zh: z.string().min(1),
    name_en: z.string().min(1),
    lon: z.number().finite(),
    lat: z.number().finite(),
    /** coordinates as authored; GCJ-02 (AMap and most Chinese sources) is converted at build time */
    crs: z.enum(['WGS-84', 'GCJ-02']).default('WGS-84'),
    confidence: z.enum(CONFIDENCES),
    expect_district: z.string().min(1),
    source: z.string().min(1),
    location_note: z.string().default(''),
    beyond_plan: z.boolean().default(false),
    footprint: z
      .object({
        polygon: z.array(lonLat).min(4),
        official_area_km2: z.number().positive().optional(),
        derivation: z.string().min(1),
      })
      .strict()
      .optional(),
    /** each item is a designation or a {from_zone, as}; checked one by one in the build for clear messages */
    designations: z.array(z.unknown()),
  })
  .strict();
export type ParkInput = z.infer<typeof ParkInputSchema>;

export const ParksInputSchema = z.object({
  version: z.literal(1),
  note: z.string().optional(),
  parks: z.array(ParkInputSchema),
  left_out: z.array(z.object({ name_zh: z.string(), clause: z.string(), reason: z.string() })).default([]),
});
export type ParksInput = z.infer<typeof ParksInputSchema>;
