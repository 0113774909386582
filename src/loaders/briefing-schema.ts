/**
 * The briefing script (data/briefing.json → public/geo/briefing.json): chapters that walk an
 * audience through the plan's layout. Shape checks are zod; reference checks (sector nodes,
 * zone/park ids, plan clauses, “our own words”) are plain functions in scripts/lib/briefing.ts
 * (build) and reused by the app's loader where they need no plan text.
 */
import { z } from 'zod/mini';
import { CLAUSE_RE } from './schemas';
import type { DataError } from './schemas';
import { LAYER_GROUP_IDS } from '../domain/ids';
import { TOP_SECTOR_IDS } from '../domain/ids';
import { MAP_BOUNDS } from '../geo/map-bounds';

export const BRIEFING_FILE = 'data/briefing.json';

const kebab = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be ascii kebab-case'));
const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

const [[WEST, SOUTH], [EAST, NORTH]] = MAP_BOUNDS;
const lngMessage = `must be inside the map (${WEST}–${EAST}°E)`;
const latMessage = `must be inside the map (${SOUTH}–${NORTH}°N)`;
const lng = z.number().check(z.gte(WEST, lngMessage), z.lte(EAST, lngMessage));
const lat = z.number().check(z.gte(SOUTH, latMessage), z.lte(NORTH, latMessage));

/**
 * What a chapter shows, as [[west, south], [east, north]] inside the map's own bounds
 * (map-controller maxBounds): each window frames it for its own size, so every projector shape
 * and an embed show all of it.
 */
export const BoundsSchema = z
  .tuple([z.tuple([lng, lat]), z.tuple([lng, lat])])
  .check(z.refine(([[w, s], [e, n]]) => w < e && s < n, 'must be [[west, south], [east, north]] with west < east and south < north'));
export type ChapterBounds = z.infer<typeof BoundsSchema>;

export const FigureSchema = z.object({
  sector: z.enum(TOP_SECTOR_IDS),
  name_zh: text,
  name_en: text,
  value: z.number().check(z.positive()),
  unit: text,
  approx: z.boolean(),
  measures_zh: text,
  measures_en: text,
  clause: z.string().check(z.regex(CLAUSE_RE)),
});
export type Figure = z.infer<typeof FigureSchema>;

const chapterFields = {
  id: kebab,
  title_zh: text,
  title_en: text,
  bounds: BoundsSchema,
  layers: z.array(z.enum(LAYER_GROUP_IDS, { error: (iss) => `unknown layer group '${String(iss.input)}'` })).check(z.minLength(1, 'at least one layer group')),
  /** sector-filter node ids (top-level or sub-sector) */
  sectors: z.array(kebab),
  /** zone or park ids drawn highlighted */
  highlight: z.array(kebab),
  caption_zh: text,
  caption_en: text,
  notes_zh: text,
  notes_en: text,
  clauses: z.array(z.string().check(z.regex(CLAUSE_RE, 'must look like 五（三） or 三（七）3'))).check(z.minLength(1, 'at least one plan clause')),
};

export const BriefingChapterInputSchema = z.strictObject({
  ...chapterFields,
  /** sectors whose 2025 targets this chapter shows (figures are taken from sectors.json by the build) */
  targets: z.optional(z.array(z.enum(TOP_SECTOR_IDS, { error: (iss) => `unknown sector id '${String(iss.input)}'` }))),
});

export const BriefingInputSchema = z.strictObject({
  version: z.literal(1),
  title_zh: text,
  title_en: text,
  chapters: z.array(BriefingChapterInputSchema).check(z.minLength(1, 'at least one chapter')),
});

export const BriefingChapterSchema = z.strictObject({
  ...chapterFields,
  figures: z.array(FigureSchema),
});
export type BriefingChapter = z.infer<typeof BriefingChapterSchema>;

/** The built file (public/geo/briefing.json), validated again by the app. */
export const BriefingSchema = z.strictObject({
  version: z.literal(1),
  title_zh: text,
  title_en: text,
  plan: text,
  chapters: z.array(BriefingChapterSchema).check(z.minLength(1)),
});
export type Briefing = z.infer<typeof BriefingSchema>;

/** zod issues → DataErrors naming the chapter (by id, else `#index`) and the field. */
export function briefingZodErrors(file: string, error: z.core.$ZodError, input: unknown): DataError[] {
  return error.issues.map((issue) => {
    const path = issue.path;
    let feature: string | null = null;
    let field = path;
    if (path[0] === 'chapters' && typeof path[1] === 'number') {
      const list = (input as { chapters?: unknown } | null)?.chapters;
      const ch = Array.isArray(list) ? (list[path[1]] as { id?: unknown } | undefined) : undefined;
      feature = typeof ch?.id === 'string' && ch.id ? ch.id : `#${path[1]}`;
      field = path.slice(2);
    }
    const name = field.length ? field.join('.') : path.length ? path.join('.') : '(root)';
    const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    return { file, feature, reason: `${name}: ${issue.message}${keys}` };
  });
}

/** Checks a chapter's references against the loaded data (ids only: no plan text needed). */
export interface BriefingRefs {
  sectorNodes: ReadonlySet<string>;
  zoneIds: ReadonlySet<string>;
  parkIds: ReadonlySet<string>;
  /** each zone's and park's extent, to check that a chapter's bounds hold what it highlights (build only) */
  extents?: ReadonlyMap<string, ChapterBounds>;
}

/** Is `inner` inside `outer` (both [[west, south], [east, north]])? */
export const insideBounds = (inner: ChapterBounds, outer: ChapterBounds): boolean =>
  inner[0][0] >= outer[0][0] && inner[0][1] >= outer[0][1] && inner[1][0] <= outer[1][0] && inner[1][1] <= outer[1][1];

const formatBounds = (b: ChapterBounds) => `[[${b[0][0]}, ${b[0][1]}], [${b[1][0]}, ${b[1][1]}]]`;

export function checkBriefingRefs(
  file: string,
  chapters: readonly { id: string; sectors: string[]; highlight: string[]; bounds?: ChapterBounds }[],
  refs: BriefingRefs,
): DataError[] {
  const errors: DataError[] = [];
  const seen = new Set<string>();
  for (const ch of chapters) {
    if (seen.has(ch.id)) errors.push({ file, feature: ch.id, reason: `id: duplicate chapter id '${ch.id}'` });
    seen.add(ch.id);
    ch.sectors.forEach((s, i) => {
      if (!refs.sectorNodes.has(s)) errors.push({ file, feature: ch.id, reason: `sectors.${i}: unknown sector node '${s}'` });
    });
    ch.highlight.forEach((h, i) => {
      if (!refs.zoneIds.has(h) && !refs.parkIds.has(h)) errors.push({ file, feature: ch.id, reason: `highlight.${i}: '${h}' is neither a zone nor a park` });
      const extent = refs.extents?.get(h);
      if (ch.bounds && extent && !insideBounds(extent, ch.bounds))
        errors.push({
          file,
          feature: ch.id,
          reason: `highlight.${i}: '${h}' (${formatBounds(extent)}) is not inside the chapter's bounds ${formatBounds(ch.bounds)}`,
        });
    });
  }
  return errors;
}
