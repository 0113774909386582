/**
 * The plan's scorecard as the statistics view shows it (pure, from targets.json): what a measure's
 * chart can draw (the baseline, the target and the reported figures in the target's own unit),
 * which reported figures disagree (kept side by side), and a sentence that says what the chart
 * shows. A measure with nothing reported in the target's unit draws nothing and says so — a
 * missing figure is never drawn as 0.
 */
import type { Outturn, ScorecardTarget } from '../../loaders/schemas';
import type { Lang } from '../../domain/types';
import { figureWords, yiYuanInBillions } from '../../domain/units';

export interface ChartPoint {
  year: number;
  value: number;
  /** baseline, target, or a reported figure (proxy: a measure close to, not the same as, the target's) */
  kind: 'baseline' | 'target' | 'outturn' | 'proxy';
  /** the point's label: the value grouped as the axis writes it (10,641.19), ≈ for "about", > for "over" */
  label: string;
  id: string;
  /** its label goes under the dot: a figure of the same year is higher (the two labels would overlap above) */
  below: boolean;
  /** a reported figure's "over" or "about" (null for the baseline and the target) */
  qualifier?: Outturn['qualifier'];
}

/** A number as the chart's axis and the English figures write it: 10,641.19 */
const grouped = (x: number, digits = 2) => x.toLocaleString('en', { maximumFractionDigits: digits });
const QUALIFIER_MARK = { approx: '≈', over: '>' } as const;
const chartLabel = (v: number, qualifier: Outturn['qualifier'] = null) => `${qualifier ? QUALIFIER_MARK[qualifier] : ''}${grouped(v)}`;

/** The plan's own "over" or "about" in a figure it states (超过1.7万家, 突破2.6万家, 3500亿元左右): the chart's mark for the baseline. */
export function planQualifier(textZh: string): Outturn['qualifier'] {
  if (/超过|突破/.test(textZh)) return 'over';
  if (/左右|约/.test(textZh)) return 'approx';
  return null;
}

/** A target's mark from its comparator: "more than" (突破, 超过) >, "about" (左右) ≈; none for "at least" and the rest. */
const TARGET_QUALIFIER: Partial<Record<ScorecardTarget['target']['comparator'], Outturn['qualifier']>> = { 'more-than': 'over', about: 'approx' };

/**
 * The scale a chart draws a unit at: Chinese as published; English as its figures read in the
 * text, so the chart and the sentence above it agree (亿元 in CNY billion: 10,641.19 亿元 is
 * drawn 1,064.12 and written CNY 1,064.12 billion).
 */
export function chartScale(unit: string | null, lang: Lang): { at: (v: number) => number; unit: string } {
  if (lang === 'en' && unit === '亿元') return { at: yiYuanInBillions, unit: 'CNY billion' };
  return { at: (v) => v, unit: unitText(unit, lang) };
}

/** The points a measure's chart draws: only figures with a value in the target's unit, one dot per figure and year, in the order of the years; values at the language's scale (chartScale). */
export function chartPoints(t: ScorecardTarget, lang: Lang = 'zh'): ChartPoint[] {
  const unit = t.target.unit;
  const out: ChartPoint[] = [];
  if (unit === null) return out;
  const { at } = chartScale(unit, lang);
  if (t.baseline && t.baseline.value !== null && t.baseline.unit === unit)
    out.push({
      year: t.baseline.year,
      value: at(t.baseline.value),
      kind: 'baseline',
      label: chartLabel(at(t.baseline.value), planQualifier(t.baseline.text_zh)),
      id: `${t.id}:baseline`,
      below: false,
    });
  for (const o of t.outturns) {
    if (o.value === null || o.unit !== unit || o.comparability === 'context' || o.role === 'base') continue;
    out.push({
      year: o.year,
      value: at(o.value),
      kind: o.comparability === 'proxy' ? 'proxy' : 'outturn',
      label: chartLabel(at(o.value), o.qualifier),
      id: o.id,
      below: false,
      qualifier: o.qualifier,
    });
  }
  if (t.target.value !== null && t.target.year !== null)
    out.push({
      year: t.target.year,
      value: at(t.target.value),
      kind: 'target',
      label: chartLabel(at(t.target.value), TARGET_QUALIFIER[t.target.comparator] ?? null),
      id: `${t.id}:target`,
      below: false,
    });
  // two sources giving the same figure for the same year draw one dot (both stay in the table)
  const one = out.filter((p, i) => !out.slice(0, i).some((q) => q.kind === p.kind && q.year === p.year && q.label === p.label));
  // in the order of the years, as the axis reads (the data lists the newest first in places)
  one.sort((a, b) => a.year - b.year);
  for (const p of one) p.below = one.some((q) => q !== p && q.year === p.year && q.value > p.value);
  return one;
}

/** Whether a chart has anything reported to show against its target (else the chart says nothing is drawn). */
export const hasOutturn = (points: readonly ChartPoint[]) => points.some((p) => p.kind === 'outturn' || p.kind === 'proxy');

/** Where the plan states no baseline: the base-year figures the data holds for reference (role 'base'), oldest first; none where it states one. */
export function baseReferences(t: ScorecardTarget): Outturn[] {
  if (t.baseline) return [];
  return t.outturns.filter((o) => o.role === 'base').sort((a, b) => a.year - b.year);
}

/**
 * The latest figure reported against the target: of the figures in the target's measure (the same
 * or a proxy; a computed one included) the latest year, the same measure before a proxy; where
 * none is, the latest context figure (said so beside it); base-year figures never. Null: nothing.
 */
export function latestOutturn(t: ScorecardTarget): Outturn | null {
  const rank = { same: 0, proxy: 1, context: 2 } as const;
  let best: Outturn | null = null;
  for (const o of t.outturns) {
    if (o.role === 'base') continue;
    if (!best) best = o;
    else {
      // tier 0: the target's measure (same or proxy); tier 1: context only
      const a = o.comparability === 'context' ? 1 : 0;
      const b = best.comparability === 'context' ? 1 : 0;
      if (a < b || (a === b && (o.year > best.year || (o.year === best.year && rank[o.comparability] < rank[best.comparability])))) best = o;
    }
  }
  return best;
}

/** Reported figures that disagree, grouped (each group side by side), in data order. */
export function conflictGroups(outturns: readonly Outturn[]): Outturn[][] {
  const byId = new Map(outturns.map((o) => [o.id, o]));
  const done = new Set<string>();
  const groups: Outturn[][] = [];
  for (const o of outturns) {
    if (done.has(o.id) || o.conflicts_with.length === 0) continue;
    const group: Outturn[] = [];
    const queue = [o.id];
    while (queue.length) {
      const id = queue.shift()!;
      const x = byId.get(id);
      if (!x || done.has(id)) continue;
      done.add(id);
      group.push(x);
      queue.push(...x.conflicts_with);
      for (const y of outturns) if (y.conflicts_with.includes(id)) queue.push(y.id);
    }
    if (group.length > 1) groups.push(group.sort((a, b) => outturns.indexOf(a) - outturns.indexOf(b)));
  }
  return groups;
}

const fmt = (v: number, lang: Lang) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 2 });

/** A unit of the plan's figures in words: Chinese as published, English as the data's numbers read (亿元 is CNY 100 million; the charts draw it in billions: chartScale). */
export function unitText(unit: string | null, lang: Lang): string {
  if (unit === null) return '';
  return lang === 'zh' ? (UNITS_ZH[unit] ?? unit) : (UNITS_EN[unit] ?? unit);
}
/** The data's own unit codes that are not Chinese words. */
const UNITS_ZH: Record<string, string> = { '%/yr': '%（年均）' };

/** The part of a year a figure covers (not a full year), in words. */
export function partText(part: 'H1' | 'Q1-Q3' | 'Jan-May' | 'Jan-Nov', lang: Lang): string {
  if (lang === 'en') return { H1: 'first half', 'Q1-Q3': 'Q1–Q3', 'Jan-May': 'Jan–May', 'Jan-Nov': 'Jan–Nov' }[part];
  return { H1: '上半年', 'Q1-Q3': '前三季度', 'Jan-May': '1–5月', 'Jan-Nov': '1–11月' }[part];
}
const UNITS_EN: Record<string, string> = {
  亿元: 'CNY 100 million',
  家: 'firms',
  个: '',
  万辆: '10,000 vehicles',
  倍: 'times',
  '%': '%',
  '%/yr': '% a year',
  '%（同比）': '% year on year',
  '(定性)': '(qualitative)',
};

/**
 * A reported figure as the scorecard shows it: from its value, qualifier and unit in both
 * languages (44%左右 / about 44 %, 超过22000家 / over 22,000 firms, 10641.19亿元 / CNY 1,064.12
 * billion; figureWords); a figure with no value (a qualitative statement) in the data's words
 * (text_zh, text_en: 万亿级 / a trillion-yuan cluster).
 */
export function figureText(o: Pick<Outturn, 'value' | 'value_text' | 'text_zh' | 'text_en' | 'qualifier' | 'unit' | 'from_year'>, lang: Lang): string {
  // with a value: its words from the value, qualifier and unit, as the data build's status notes write them
  if (o.value !== null) return figureWords(o.value, o.unit, o.qualifier, lang, o.from_year);
  // without one: the data's words (a qualitative statement), or as published (— for a figure the build could not compute)
  const words = (lang === 'zh' ? o.text_zh : o.text_en) ?? o.value_text;
  return o.unit === '(定性)' ? `${words}${lang === 'zh' ? '（定性）' : ' (qualitative)'}` : words;
}

/** The chart's text alternative: the baseline, the target and every reported figure it draws, in words. */
export function chartDescription(t: ScorecardTarget, points: readonly ChartPoint[], lang: Lang): string {
  const unit = chartScale(t.target.unit, lang).unit;
  const zh = lang === 'zh';
  const parts: string[] = [];
  for (const p of points) {
    const q = p.qualifier === 'over' ? (zh ? '超过' : 'over ') : p.qualifier === 'approx' ? (zh ? '约' : 'about ') : '';
    // no space before a Chinese unit or % (18.9%, 10,641.19亿元); one in English (18.9 %)
    const v = q + (unit === 'CNY billion' ? `CNY ${fmt(p.value, lang)} billion` : `${fmt(p.value, lang)}${zh ? '' : ' '}${unit}`.trim());
    // the baseline and the target in the plan's own words (over 17,000 firms), as the card above says them
    if (p.kind === 'baseline') parts.push(zh ? `基期 ${p.year} 年 ${t.baseline?.text_zh ?? v}` : `baseline ${t.baseline?.text_en ?? v} in ${p.year}`);
    else if (p.kind === 'target') parts.push(zh ? `${p.year} 年目标 ${t.target.text_zh}` : `target ${t.target.text_en} by ${p.year}`);
    else parts.push(zh ? `${p.year} 年${p.kind === 'proxy' ? '（近似指标）' : ''} ${v}` : `${v} in ${p.year}${p.kind === 'proxy' ? ' (a proxy measure)' : ''}`);
  }
  if (!hasOutturn(points)) parts.push(zh ? '没有与目标同一单位的实际数可画' : 'no reported figure in the target’s unit to draw');
  const s = parts.join(zh ? '；' : '; ');
  return zh ? `${s}。` : `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}
