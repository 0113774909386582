/**
 * The plan's scorecard: data/targets.json → public/geo/targets.json. Every quantified target of
 * the plan (its words checked against the clause), every reported outturn (with its source,
 * definition and confidence), figures the build derives from two of them, and a status per
 * target by the rule in data/README.md.
 */
import type { z } from 'zod';
import { TargetsFileSchema, checkClause, parseWith } from '../../src/loaders/schemas';
import type { ContextMeasure, DataError, Outturn, RefContext, ScorecardTarget, SectorsFile, TargetsFile } from '../../src/loaders/schemas';
import type { TargetStatus } from '../../src/loaders/data-ids';
import { ContextInputSchema, OutturnInputSchema, TargetInputSchema, TargetsInputSchema } from './authoring';
import type { OutturnInput, TargetInput } from './authoring';
import { checkBilingual } from './bilingual';
import { figureWords } from '../../src/domain/units';

export const TARGETS_FILE = 'data/targets.json';

/** An approximate target (左右) counts as met at this share of its figure or more. */
export const ABOUT_SHARE = 0.9;
/** The plan's period: outturns of these years count for a status. */
export const PERIOD = { from: 2021, to: 2025 } as const;

export interface TargetsResult {
  targets: TargetsFile | null;
  errors: DataError[];
}

type Target = ScorecardTarget['target'];

/** Whether a figure meets a target (null: the comparator cannot be judged with figures). */
export function meets(value: number, qualifier: Outturn['qualifier'], t: Target, baseline: number | null): boolean | null {
  const goal = t.value;
  switch (t.comparator) {
    case 'at-least':
      return goal === null ? null : value >= goal;
    case 'more-than':
      return goal === null ? null : value > goal || (value === goal && qualifier === 'over');
    case 'about':
      return goal === null ? null : value >= ABOUT_SHARE * goal;
    case 'increase':
      return baseline === null ? null : value > baseline;
    case 'not-below':
      return baseline === null ? null : value >= baseline;
    case 'unmeasured':
      return null;
  }
}

/** A figure that can decide a status: a full-year outturn (or a derived one) of 2021–2025 with a value. */
function candidate(o: Outturn): boolean {
  return (o.role === 'outturn' || o.role === 'derived') && o.value !== null && o.part === null && o.year >= PERIOD.from && o.year <= PERIOD.to;
}

const latest = (os: Outturn[]) => [...os].sort((a, b) => b.year - a.year)[0]!;

export interface Status {
  status: TargetStatus;
  outturn: Outturn | null;
}

/**
 * The status rule (data/README.md):
 * 1. met: a figure of the plan's own measure ('same') meets the target;
 * 2. not met: the latest such figure is for 2025 (for a growth rate: over 2021–2025) and misses it;
 * 3. met on a proxy: no such figure meets it, but a proxy figure does;
 * 4. not verifiable: figures of the plan's measure exist but all are earlier than 2025 and below the target;
 * 5. not comparable: figures were found, but none of the plan's measure or a proxy that meets it;
 * 6. no data: nothing was found.
 * Only full-year figures (or figures the build derives) of 2021–2025 with a value decide 1–4.
 */
export function targetStatus(t: Pick<ScorecardTarget, 'target' | 'baseline' | 'outturns'>): Status {
  const base = t.baseline?.value ?? null;
  const ok = (o: Outturn) => meets(o.value!, o.qualifier, t.target, base) === true;
  const cands = t.outturns.filter(candidate);
  const same = cands.filter((o) => o.comparability === 'same');
  const sameMet = same.filter(ok);
  if (sameMet.length) return { status: 'met', outturn: latest(sameMet) };
  if (same.length) {
    const last = latest(same);
    const final = last.year === PERIOD.to && (t.target.kind !== 'growth' || last.from_year === PERIOD.from - 1);
    if (final && meets(last.value!, last.qualifier, t.target, base) === false) return { status: 'not-met', outturn: last };
  }
  const proxyMet = cands.filter((o) => o.comparability === 'proxy').filter(ok);
  if (proxyMet.length) return { status: 'met-proxy', outturn: latest(proxyMet) };
  if (same.length) return { status: 'not-verifiable', outturn: latest(same) };
  if (t.outturns.some((o) => o.role !== 'base')) return { status: 'not-comparable', outturn: null };
  return { status: 'no-data', outturn: null };
}

const period = (o: Outturn, lang: 'zh' | 'en') =>
  o.from_year !== null ? (lang === 'zh' ? `${o.from_year}–${o.year}年` : `${o.from_year}–${o.year}`) : lang === 'zh' ? `${o.year}年` : `${o.year}`;

/** The status said in words, in both languages (no figure is invented: the deciding one is quoted). */
export function statusNote(t: Pick<ScorecardTarget, 'target'>, s: Status): { zh: string; en: string } {
  const o = s.outturn;
  const goal = { zh: t.target.text_zh, en: t.target.text_en };
  const fig = (lang: 'zh' | 'en') => figureWords(o!.value!, o!.unit, o!.qualifier, lang, o!.from_year);
  // a figure under an "about" target's own number is met by the 90 % rule: said, not left to be guessed
  const about =
    o && t.target.comparator === 'about' && t.target.value !== null && o.value !== null && o.value < t.target.value
      ? {
          zh: `“左右”的目标按达到其${ABOUT_SHARE * 100}%以上计为达到。`,
          en: ` An “about” target counts as met at ${ABOUT_SHARE * 100} % of its figure or more.`,
        }
      : { zh: '', en: '' };
  switch (s.status) {
    case 'met':
      return {
        zh: `已达到：${period(o!, 'zh')}为${fig('zh')}（目标：${goal.zh}）。${about.zh}`,
        en: `Met: ${fig('en')} in ${period(o!, 'en')} (target: ${goal.en}).${about.en}`,
      };
    case 'not-met':
      return {
        zh: `未达到：${period(o!, 'zh')}为${fig('zh')}（目标：${goal.zh}）。`,
        en: `Not met: ${fig('en')} in ${period(o!, 'en')} (target: ${goal.en}).`,
      };
    case 'met-proxy':
      return {
        zh: `按近似指标已达到：${o!.measure_zh}，${period(o!, 'zh')}为${fig('zh')}（目标：${goal.zh}）；近似指标与规划的指标口径不同。${about.zh}`,
        en: `Met on a proxy: ${o!.measure_en}, ${fig('en')} in ${period(o!, 'en')} (target: ${goal.en}); the proxy is not the plan’s own measure.${about.en}`,
      };
    case 'not-verifiable':
      return {
        zh: `无法核实：没有2025年的数字；最近的同一指标数字为${period(o!, 'zh')}的${fig('zh')}，尚未达到目标（${goal.zh}）。`,
        en: `Not verifiable: no figure for 2025; the latest of the same measure, ${fig('en')} in ${period(o!, 'en')}, is short of the target (${goal.en}).`,
      };
    case 'no-data':
      return { zh: '没有找到2021–2025年的实际数据。', en: 'No outturn for 2021–2025 was found.' };
    case 'not-comparable':
      return {
        zh: '找到的数字与规划的指标口径不同（或只有部分年份、只有增速），无法与目标比较；见各条说明。',
        en: 'The figures found measure something other than the plan’s target (or only part of a year, or only growth) and cannot be held against it; see each note.',
      };
  }
}

function issues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** Builds the scorecard; every problem names the file, the target (or context measure) and the reason. */
export function buildTargets(input: unknown, ctx: RefContext & { sectors: SectorsFile }): TargetsResult {
  const errors: DataError[] = [];
  const err = (feature: string | null, reason: string) => errors.push({ file: TARGETS_FILE, feature, reason });
  const top = TargetsInputSchema.safeParse(input);
  if (!top.success) {
    for (const i of issues(top.error)) err(null, `${i.path}: ${i.message}`);
    return { targets: null, errors };
  }
  // both languages, named by the entry
  for (const p of checkBilingual(input)) {
    const [list, idx] = p.path.split('.');
    const item = (input as Record<string, { id?: unknown }[]>)[list!]?.[Number(idx)];
    err(typeof item?.id === 'string' ? item.id : null, `${p.path}: ${p.reason}`);
  }

  const outturnsById = new Map<string, { o: OutturnInput; owner: string }>();
  const parseOutturns = (owner: string, raw: unknown[]): OutturnInput[] =>
    raw.flatMap((r, i) => {
      const p = OutturnInputSchema.safeParse(r);
      if (!p.success) {
        for (const x of issues(p.error)) err(owner, `outturns.${i}${x.path ? '.' + x.path : ''}: ${x.message}`);
        return [];
      }
      const o = p.data;
      const bad = (reason: string) => err(owner, `outturn ${o.id}: ${reason}`);
      if (outturnsById.has(o.id)) bad('duplicate outturn id');
      outturnsById.set(o.id, { o, owner });
      if (o.role === 'derived') {
        if (!o.derived_from) bad('a derived figure names what it is derived from (derived_from)');
        if (o.source) bad('a derived figure takes its source from its inputs; give none');
      } else {
        if (!o.source) bad('no source: every reported figure names the page it is read from');
        if (o.derived_from) bad("only a figure with role 'derived' is derived");
        if (!o.quote || !o.figure_in_quote) bad('no quote to check the figure against (quote and figure_in_quote)');
        else if (!o.quote.includes(o.figure_in_quote)) bad(`the figure “${o.figure_in_quote}” does not occur in its quote`);
      }
      if (o.from_year !== null && o.from_year >= o.year) bad(`from_year ${o.from_year} is not before year ${o.year}`);
      return [o];
    });

  const checkQuote = (owner: string, what: string, q: { clause: string; phrase: string } | null) => {
    if (!q) return;
    const e = checkClause(q.clause, q.phrase, ctx);
    if (e) err(owner, `${what}: ${e}`);
  };

  const targetsIn: { t: TargetInput; outturns: OutturnInput[] }[] = [];
  top.data.targets.forEach((raw, i) => {
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : `#${i}`;
    const p = TargetInputSchema.safeParse(raw);
    if (!p.success) {
      for (const x of issues(p.error)) err(id, `${x.path}: ${x.message}`);
      return;
    }
    checkQuote(id, 'target', p.data.target);
    checkQuote(id, 'baseline', p.data.baseline);
    targetsIn.push({ t: p.data, outturns: parseOutturns(id, p.data.outturns) });
  });
  const contextIn: { c: z.infer<typeof ContextInputSchema>; outturns: OutturnInput[] }[] = [];
  top.data.context.forEach((raw, i) => {
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : `#${i}`;
    const p = ContextInputSchema.safeParse(raw);
    if (!p.success) {
      for (const x of issues(p.error)) err(id, `${x.path}: ${x.message}`);
      return;
    }
    checkQuote(id, 'baseline', p.data.baseline);
    contextIn.push({ c: p.data, outturns: parseOutturns(id, p.data.outturns) });
  });
  const ids = [...targetsIn.map((x) => x.t.id), ...contextIn.map((x) => x.c.id)];
  for (const [i, id] of ids.entries()) if (ids.indexOf(id) !== i) err(id, `duplicate id '${id}'`);

  // conflicts are kept side by side, and both sides say so
  for (const { o, owner } of outturnsById.values())
    for (const c of o.conflicts_with) {
      const other = outturnsById.get(c);
      if (!other) err(owner, `outturn ${o.id}: conflicts_with names unknown outturn '${c}'`);
      else if (!other.o.conflicts_with.includes(o.id)) err(owner, `outturn ${o.id}: conflicts with '${c}', but '${c}' does not name it back`);
    }

  // derived figures: computed here from two reported ones
  const finish = (owner: string, o: OutturnInput): Outturn => {
    // a reported figure without a value is shown in its words (text_zh, text_en); one with a value in words made from it
    if (o.role !== 'derived' && o.value === null && o.text_zh === null)
      err(owner, `outturn ${o.id}: a figure without a value needs its words (text_zh, text_en: “${o.value_text}”)`);
    if (o.value !== null && o.text_zh !== null)
      err(owner, `outturn ${o.id}: text_zh and text_en are for a figure without a value; this one's words come from its value`);
    if (o.role !== 'derived' || !o.derived_from) return { ...strip(o), source: o.source ?? '' };
    const [a, b] = o.derived_from.ids.map((x) => outturnsById.get(x)?.o);
    const bad = (reason: string) => err(owner, `outturn ${o.id}: ${reason}`);
    if (!a || !b) {
      bad(`derived from unknown outturn(s) ${o.derived_from.ids.join(', ')}`);
      return { ...strip(o), source: '' };
    }
    if (a.value === null || b.value === null || a.value <= 0) bad('derived from a figure without a positive value');
    if (a.qualifier === 'over') bad(`derived from a lower bound as its base (${a.id})`);
    if (a.unit !== b.unit) bad(`derived from figures in different units (${a.unit}, ${b.unit})`);
    const years = b.year - a.year;
    let value: number | null = null;
    if (a.value && b.value && years > 0) value = o.derived_from.formula === 'cagr' ? (Math.pow(b.value / a.value, 1 / years) - 1) * 100 : b.value / a.value;
    else bad('derived from figures that are not in year order');
    const rounded = value === null ? null : Math.round(value * 100) / 100;
    return {
      ...strip(o),
      year: b.year,
      from_year: a.year,
      value: rounded,
      value_text: rounded === null ? '—' : String(rounded),
      qualifier: b.qualifier === 'over' ? 'over' : null,
      source: b.source ?? '',
    };
  };

  const targets: ScorecardTarget[] = targetsIn.map(({ t, outturns }) => {
    const outs = outturns.map((o) => finish(t.id, o));
    for (const o of outs)
      if (o.comparability !== 'context' && o.value !== null && t.target.unit !== null && o.unit !== t.target.unit)
        err(t.id, `outturn ${o.id}: a ${o.comparability} figure must be in the target's unit (${t.target.unit}), not ${o.unit}`);
    const st = targetStatus({ target: t.target, baseline: t.baseline, outturns: outs });
    const note = statusNote({ target: t.target }, st);
    return {
      id: t.id,
      sector: t.sector,
      measure_zh: t.measure_zh,
      measure_en: t.measure_en,
      target: t.target,
      baseline: t.baseline,
      outturns: outs,
      status: st.status,
      status_outturn: st.outturn?.id ?? null,
      status_note_zh: note.zh,
      status_note_en: note.en,
      ...(t.note_zh && t.note_en ? { note_zh: t.note_zh, note_en: t.note_en } : {}),
    };
  });
  const context: ContextMeasure[] = contextIn.map(({ c, outturns }) => ({ ...c, outturns: outturns.map((o) => finish(c.id, o)) }));

  // the sector targets of sectors.json are the same as the scorecard's
  for (const s of ctx.sectors.sectors) {
    if (!s.target) continue;
    const t = targets.find((x) => x.sector === s.id && x.target.clause === s.target!.clause && x.target.phrase === s.target!.phrase);
    if (!t) err(null, `sectors.json's target for '${s.id}' (${s.target.clause} “${s.target.phrase}”) is not in the scorecard`);
    else if (t.target.value !== s.target.value || t.target.unit !== s.target.unit)
      err(t.id, `value ${t.target.value} ${t.target.unit} differs from sectors.json's ${s.target.value} ${s.target.unit}`);
  }

  if (errors.length) return { targets: null, errors };
  const file: TargetsFile = {
    version: 1,
    plan: {
      document: '沪府办发〔2021〕10号',
      title_zh: '上海市战略性新兴产业和先导产业发展“十四五”规划',
      title_en: "Shanghai's 14th Five-Year Plan for strategic emerging and leading industries",
    },
    targets,
    context,
  };
  const out = parseWith(TargetsFileSchema, 'public/geo/targets.json', file);
  if (!out.ok) return { targets: null, errors: out.errors };
  return { targets: out.data, errors: [] };
}

/** The outturn as published: without the fields that are only there to check it. */
function strip(o: OutturnInput): Omit<Outturn, 'source'> {
  const rest: Partial<OutturnInput> = { ...o };
  delete rest.quote;
  delete rest.figure_in_quote;
  delete rest.source;
  return rest as Omit<Outturn, 'source'>;
}
