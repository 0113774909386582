/**
 * The briefing script's build step, as a pure function: data/briefing.json (parsed, unknown) +
 * the built sectors/zones/parks + the plan's clauses → public/geo/briefing.json, or errors
 * naming the chapter and the field. No file system here (scripts/build-data.ts reads/writes).
 */
import { BRIEFING_FILE, BriefingInputSchema, BriefingSchema, briefingZodErrors, checkBriefingRefs } from '../../src/loaders/briefing-schema';
import type { Briefing, ChapterBounds, Figure } from '../../src/loaders/briefing-schema';
import { checkClause, sectorNodeIndex } from '../../src/loaders/schemas';
import type { DataError, SectorsFile } from '../../src/loaders/schemas';
import { normaliseText } from '../../src/loaders/plan-clauses';

export interface BriefingContext {
  /** clause id → normalised clause text (parsePlanClauses) */
  clauses: Map<string, string>;
  /** the whole plan, for the “own words” check */
  planText: string;
  sectors: SectorsFile;
  zoneIds: ReadonlySet<string>;
  parkIds: ReadonlySet<string>;
  /** each zone's and park's extent (geometryExtents): a chapter's bounds must hold what it highlights */
  extents: ReadonlyMap<string, ChapterBounds>;
}

/** The [[west, south], [east, north]] of every feature's coordinates, by its id. */
export function geometryExtents(collections: readonly { features: readonly GeoJSON.Feature[] }[]): Map<string, ChapterBounds> {
  const out = new Map<string, ChapterBounds>();
  const walk = (c: unknown, acc: number[]): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      acc[0] = Math.min(acc[0]!, x!);
      acc[1] = Math.min(acc[1]!, y!);
      acc[2] = Math.max(acc[2]!, x!);
      acc[3] = Math.max(acc[3]!, y!);
    } else if (Array.isArray(c)) for (const x of c) walk(x, acc);
  };
  for (const fc of collections)
    for (const f of fc.features) {
      const id = f.properties?.id;
      if (typeof id !== 'string' || !f.geometry || f.geometry.type === 'GeometryCollection') continue;
      const acc = [Infinity, Infinity, -Infinity, -Infinity];
      walk(f.geometry.coordinates, acc);
      out.set(id, [
        [acc[0]!, acc[1]!],
        [acc[2]!, acc[3]!],
      ]);
    }
  return out;
}

export interface BriefingBuild {
  briefing: Briefing | null;
  errors: DataError[];
}

/** A caption may quote names in “…”; outside quotes, no run of this many characters may be the plan's. */
export const MAX_QUOTED_RUN = 12;

/** The first run of MAX_QUOTED_RUN characters of `caption` (outside “…”) that occurs in the plan, or null. */
export function quotedRun(caption: string, planNormalised: string, n = MAX_QUOTED_RUN): string | null {
  for (const part of normaliseText(caption).split(/“[^”]*”/)) {
    const cps = Array.from(part);
    for (let i = 0; i + n <= cps.length; i++) {
      const run = cps.slice(i, i + n).join('');
      if (planNormalised.includes(run)) return run;
    }
  }
  return null;
}

export function buildBriefing(input: unknown, ctx: BriefingContext): BriefingBuild {
  const file = BRIEFING_FILE;
  const parsed = BriefingInputSchema.safeParse(input);
  if (!parsed.success) return { briefing: null, errors: briefingZodErrors(file, parsed.error, input) };
  const src = parsed.data;
  const nodes = sectorNodeIndex(ctx.sectors);
  const errors = checkBriefingRefs(file, src.chapters, {
    sectorNodes: new Set(nodes.keys()),
    zoneIds: ctx.zoneIds,
    parkIds: ctx.parkIds,
    extents: ctx.extents,
  });
  const plan = normaliseText(ctx.planText);
  const refCtx = { nodes, clauses: ctx.clauses };

  const chapters = src.chapters.map((ch) => {
    const err = (reason: string) => errors.push({ file, feature: ch.id, reason });
    ch.clauses.forEach((c, i) => {
      const e = checkClause(c, null, refCtx);
      if (e) err(`clauses.${i}: ${e}`);
    });
    const run = quotedRun(ch.caption_zh, plan);
    if (run) err(`caption_zh: quotes the plan (“${run}”); write it in our own words or put names in “…”`);
    const figures: Figure[] = [];
    (ch.targets ?? []).forEach((id, i) => {
      const s = ctx.sectors.sectors.find((x) => x.id === id);
      if (!s?.target) {
        err(`targets.${i}: sector '${id}' has no 2025 target in sectors.json`);
        return;
      }
      const t = s.target;
      figures.push({
        sector: s.id,
        name_zh: s.name_zh,
        name_en: s.name_en,
        value: t.value,
        unit: t.unit,
        approx: t.approx,
        measures_zh: t.measures_zh,
        measures_en: t.measures_en,
        clause: t.clause,
      });
    });
    const rest: Partial<typeof ch> = { ...ch };
    delete rest.targets;
    return { ...rest, figures };
  });
  if (errors.length) return { briefing: null, errors };

  const out = BriefingSchema.safeParse({
    version: 1,
    title_zh: src.title_zh,
    title_en: src.title_en,
    plan: '上海市战略性新兴产业和先导产业发展“十四五”规划（沪府办发〔2021〕10号）',
    chapters,
  });
  if (!out.success) return { briefing: null, errors: briefingZodErrors('public/geo/briefing.json', out.error, chapters) };
  return { briefing: out.data, errors: [] };
}

export function serialiseBriefing(b: Briefing): string {
  return JSON.stringify(b, null, 1) + '\n';
}
