/**
 * The scorecard's figures: what each chart draws, the figures that disagree, the text alternative
 * and the CSV, checked against targets.json read here (never with src/state/stats to compute).
 */
import { describe, expect, it } from 'vitest';
import { readGeoJson } from '../fakes/geo-disk';
import {
  chartDescription,
  chartPoints,
  chartScale,
  conflictGroups,
  figureText,
  hasOutturn,
  partText,
  planQualifier,
  unitText,
} from '../../src/state/stats/scorecard';
import { scorecardCsv } from '../../src/state/stats/csv';
import { TargetsFileSchema } from '../../src/loaders/schemas';
import type { TargetsFile } from '../../src/loaders/schemas';

const FILE = readGeoJson<TargetsFile>('targets.json');
const byId = (id: string) => FILE.targets.find((t) => t.id === id)!;

describe('scorecard charts', () => {
  it('the file is the validated scorecard', () => {
    expect(TargetsFileSchema.safeParse(FILE).success).toBe(true);
  });

  it('a measure with baseline, target and reported figures draws all of them in its unit', () => {
    const p = chartPoints(byId('sei-gdp-share'));
    expect(p.map((x) => [x.kind, x.year, x.value])).toEqual([
      ['baseline', 2020, 18.9],
      ['outturn', 2022, 23.8],
      ['outturn', 2023, 24.8],
      ['target', 2025, 20],
    ]);
  });

  it('labels a point as the axis writes numbers, with ≈ for "about" and > for "over"', () => {
    expect(chartPoints(byId('sei-value-added')).map((x) => [x.kind, x.label])).toContainEqual(['outturn', '10,641.19']);
    expect(chartPoints(byId('sei-industrial-share')).map((x) => x.label)).toEqual(expect.arrayContaining(['≈44', '≈42']));
    // the baseline and the target carry the plan's own words: 超过1.7万家, 突破2.6万家
    expect(chartPoints(byId('high-tech-enterprises')).map((x) => x.label)).toEqual(['>17,000', '>22,000', '>24,000', '>26,000']);
  });

  it('the baseline takes its mark from the plan’s words, the target from its comparator', () => {
    expect(['超过1.7万家', '突破2.6万家', '3500亿元左右', '约10%', '7328亿元', '20%以上'].map(planQualifier)).toEqual([
      'over',
      'over',
      'approx',
      'approx',
      null,
      null,
    ]);
    // 18.9 % as stated; 20%以上 is "at least": no mark on either
    expect(
      chartPoints(byId('sei-gdp-share'))
        .filter((x) => x.kind !== 'outturn')
        .map((x) => x.label),
    ).toEqual(['18.9', '20']);
    for (const t of FILE.targets) {
      const target = chartPoints(t).find((x) => x.kind === 'target');
      if (!target) continue;
      const mark = { 'more-than': '>', about: '≈' }[t.target.comparator as string] ?? '';
      expect(target.label.startsWith(mark) && !/^[>≈]/.test(target.label.slice(mark.length)), `${t.id}: ${target.label}`).toBe(true);
    }
  });

  it('two figures of one year: the lower one is labelled under its dot, so the labels do not overlap', () => {
    const y2024 = chartPoints(byId('sei-industrial-share')).filter((x) => x.year === 2024);
    expect(y2024.map((x) => [x.label, x.below])).toEqual([
      ['43.6', true],
      ['≈44', false],
    ]);
    expect(chartPoints(byId('sei-gdp-share')).some((x) => x.below)).toBe(false);
  });

  it('draws only figures in the target’s unit, never a context figure or a missing value', () => {
    for (const t of FILE.targets) {
      const drawn = chartPoints(t).filter((x) => x.kind === 'outturn' || x.kind === 'proxy');
      const want = t.outturns.filter((o) => o.value !== null && o.unit === t.target.unit && o.comparability !== 'context' && o.role !== 'base');
      // every figure is drawn, once: a second source of the same figure in the same year adds no dot
      expect(new Set(drawn.map((x) => `${x.year} ${x.value}`)), t.id).toEqual(new Set(want.map((o) => `${o.year} ${o.value}`)));
      expect(new Set(drawn.map((x) => `${x.year} ${x.label}`)).size, t.id).toBe(drawn.length);
      for (const x of chartPoints(t)) expect(Number.isFinite(x.value), t.id).toBe(true);
    }
  });

  it('two sources of one figure draw one dot, and the points run in the order of the years', () => {
    // sei-industrial-share: 45 % in 2025 from the commission's report and from the work report; the data lists 2025 first
    const t = byId('sei-industrial-share');
    const p = chartPoints(t);
    expect(p.map((x) => [x.year, x.label])).toEqual([
      [2020, '40'],
      [2022, '≈42'],
      [2023, '43.9'],
      [2024, '43.6'],
      [2024, '≈44'],
      [2025, '45'],
    ]);
    expect(chartDescription(t, p, 'en')).toBe('Baseline 40 % in 2020; about 42 % in 2022; 43.9 % in 2023; 43.6 % in 2024; about 44 % in 2024; 45 % in 2025.');
  });

  it('"no data" is never 0: a target without reported figures draws no point and says so', () => {
    const t = byId('ic-two-firms');
    expect(t.outturns).toEqual([]);
    const p = chartPoints(t);
    expect(hasOutturn(p)).toBe(false);
    expect(p.every((x) => x.kind !== 'outturn' && x.value !== 0)).toBe(true);
    expect(chartDescription(t, p, 'en')).toMatch(/; no reported figure in the target’s unit to draw\.$/);
    expect(chartDescription(t, p, 'zh')).toContain('没有与目标同一单位的实际数可画');
  });

  it('the text alternative names the baseline, each figure and the target', () => {
    const t = byId('sei-gdp-share');
    expect(chartDescription(t, chartPoints(t), 'en')).toBe('Baseline 18.9 % in 2020; 23.8 % in 2022; 24.8 % in 2023; target 20 % or more by 2025.');
    // Chinese: no space before %
    expect(chartDescription(t, chartPoints(t, 'zh'), 'zh')).toContain('2022 年 23.8%');
    // the baseline in the plan's words: “over 17,000”, not 17,000
    const hte = byId('high-tech-enterprises');
    expect(hte.baseline!.text_en).toBe('over 17,000');
    expect(chartDescription(hte, chartPoints(hte), 'en')).toMatch(/^Baseline over 17,000 in 2020; /);
  });

  it('in English a chart of 亿元 draws CNY billion, as the figures above it are written', () => {
    const t = byId('sei-value-added');
    const scale = (unit: string, lang: 'zh' | 'en') => {
      const s = chartScale(unit, lang);
      return { unit: s.unit, of7328: s.at(7328) };
    };
    expect(scale('亿元', 'en')).toEqual({ unit: 'CNY billion', of7328: 732.8 });
    expect(scale('亿元', 'zh')).toEqual({ unit: '亿元', of7328: 7328 });
    expect(scale('%', 'en')).toEqual({ unit: '%', of7328: 7328 });
    const en = chartPoints(t, 'en');
    expect(en.map((x) => [x.kind, x.year, x.value, x.label])).toEqual([
      ['baseline', 2020, 732.8, '732.8'],
      ['outturn', 2022, 1064.119, '1,064.12'],
      ['target', 2025, 1000, '>1,000'],
    ]);
    // the same figures, as published, in Chinese
    expect(chartPoints(t, 'zh').map((x) => x.value)).toEqual([7328, 10641.19, 10000]);
    expect(chartDescription(t, en, 'en')).toBe('Baseline CNY 732.8 billion in 2020; CNY 1,064.12 billion in 2022; target over CNY 1 trillion by 2025.');
  });

  it('a proxy figure is drawn as a proxy', () => {
    const t = byId('biomed-growth');
    const proxies = t.outturns.filter((o) => o.comparability === 'proxy' && o.unit === t.target.unit && o.value !== null);
    expect(proxies.length).toBeGreaterThan(0);
    expect(
      chartPoints(t)
        .filter((x) => x.kind === 'proxy')
        .map((x) => x.id),
    ).toEqual(proxies.map((o) => o.id));
  });
});

describe('figures that disagree', () => {
  it('groups every figure with the ones it names as conflicting, both ways', () => {
    for (const t of FILE.targets) {
      const groups = conflictGroups(t.outturns);
      const grouped = groups.flat().map((o) => o.id);
      for (const o of t.outturns)
        for (const other of o.conflicts_with) {
          if (!t.outturns.some((x) => x.id === other)) continue;
          const g = groups.find((x) => x.some((y) => y.id === o.id));
          expect(
            g?.map((y) => y.id),
            `${t.id}: ${o.id} ↔ ${other}`,
          ).toContain(other);
        }
      expect(new Set(grouped).size, t.id).toBe(grouped.length);
    }
    const share = conflictGroups(byId('sei-industrial-share').outturns).map((g) => g.map((o) => o.value).sort());
    expect(share).toEqual([[43.6, 44]]);
  });
});

describe('scorecard CSV', () => {
  it('one line per reported figure, an empty figure (not 0) for a target without one, sources kept', () => {
    const lines = scorecardCsv(FILE, 'en')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const expectedRows = FILE.targets.reduce((n, t) => n + Math.max(1, t.outturns.length), 0);
    expect(lines).toHaveLength(1 + expectedRows + 2);
    expect(lines[0]!.split(',')).toHaveLength(18);
    const none = lines.filter((l) => l.startsWith('ic-two-firms,'));
    expect(none).toHaveLength(1);
    expect(none[0]!.split(',').slice(10)).toEqual(['', '', '', '', '', '', '', '']);
    const g = byId('sei-gdp-share').outturns[0]!;
    expect(lines.some((l) => l.startsWith('sei-gdp-share,') && l.includes(`,${g.year},${g.value_text},${g.value},`) && l.endsWith(g.source))).toBe(true);
    expect(lines.at(-1)).toContain(FILE.plan.document);
  });

  it('English units in the English file, the published figure kept as published; Chinese units in the Chinese file', () => {
    const en = scorecardCsv(FILE, 'en').split('\r\n');
    expect(en[0]).toContain('figure as published (Chinese)');
    // sei-value-added: target in 亿元, reported 10641.19 亿元
    const va = en.find((l) => l.startsWith('sei-value-added,'))!;
    expect(va).toContain(',CNY 100 million,');
    expect(va).toContain(',10641.19,10641.19,CNY 100 million,');
    expect(va).not.toContain('亿元');
    const equip = en.filter((l) => l.startsWith('equipment-output,'));
    expect(equip.some((l) => l.includes(',11.1,11.1,% year on year,'))).toBe(true);
    expect(equip.some((l) => l.includes(',万亿级,,(qualitative),'))).toBe(true);
    const zh = scorecardCsv(FILE, 'zh').split('\r\n');
    expect(zh.find((l) => l.startsWith('sei-value-added,'))).toContain(',10641.19,10641.19,亿元,');
  });
});

describe('figures in both languages', () => {
  const o = (value: number | null, value_text: string, unit: string, qualifier: 'approx' | 'over' | null = null, text_en: string | null = null) => ({
    value,
    value_text,
    text_zh: text_en === null ? null : value_text,
    text_en,
    unit,
    qualifier,
    from_year: null,
  });

  it('a figure with a value: its words from the value, its qualifier and its unit, in both languages', () => {
    expect(figureText(o(44, '44（左右）', '%', 'approx'), 'zh')).toBe('44%左右');
    expect(figureText(o(44, '44（左右）', '%', 'approx'), 'en')).toBe('about 44 %');
    expect(figureText(o(10641.19, '10641.19', '亿元'), 'zh')).toBe('10641.19亿元');
    expect(figureText(o(10641.19, '10641.19', '亿元'), 'en')).toBe('CNY 1,064.12 billion');
    expect(figureText(o(24000, '2.4万（突破）', '家', 'over'), 'zh')).toBe('超过24000家');
    expect(figureText(o(24000, '2.4万（突破）', '家', 'over'), 'en')).toBe('over 24,000 firms');
    expect(figureText(o(128.7, '128.7', '万辆'), 'zh')).toBe('128.7万辆');
    expect(figureText(o(128.7, '128.7', '万辆'), 'en')).toBe('1,287,000 vehicles');
    expect(figureText(o(18.32, '18.32', '%/yr', 'over'), 'zh')).toBe('年均超过18.32%');
    expect(figureText(o(18.32, '18.32', '%/yr', 'over'), 'en')).toBe('over 18.32 % a year');
    expect(figureText(o(15.1, '15.1', '%（同比）'), 'zh')).toBe('同比15.1%');
    expect(figureText(o(15.1, '15.1', '%（同比）'), 'en')).toBe('15.1 % year on year');
    expect(figureText(o(2.32, '2.32', '倍', 'over'), 'zh')).toBe('超过2.32倍');
    expect(figureText(o(2.32, '2.32', '倍', 'over'), 'en')).toBe('over 2.32 times the 2020 level');
    // a published text that holds more than the figure does not leak its unit order (2500；约25% 亿元 was shown)
    expect(figureText(o(2500, '2500；约25%', '亿元'), 'zh')).toBe('2500亿元');
    expect(unitText('亿元', 'en')).toBe('CNY 100 million');
    expect(unitText('亿元', 'zh')).toBe('亿元');
    expect(unitText('%/yr', 'zh')).toBe('%（年均）');
    expect(partText('Q1-Q3', 'zh')).toBe('前三季度');
    expect(partText('Jan-May', 'en')).toBe('Jan–May');
    expect(partText('H1', 'en')).toBe('first half');
  });

  it('a figure without a value: in the data’s words, a qualitative one said so', () => {
    expect(figureText(o(null, '万亿级', '(定性)', null, 'a trillion-yuan cluster'), 'zh')).toBe('万亿级（定性）');
    expect(figureText(o(null, '万亿级', '(定性)', null, 'a trillion-yuan cluster'), 'en')).toBe('a trillion-yuan cluster (qualitative)');
    expect(figureText(o(null, '翻番（>4800亿元）', '倍', null, 'doubled (over CNY 480 billion)'), 'zh')).toBe('翻番（>4800亿元）');
    expect(figureText(o(null, '翻番（>4800亿元）', '倍', null, 'doubled (over CNY 480 billion)'), 'en')).toBe('doubled (over CNY 480 billion)');
    // a derived figure the build could not compute
    expect(figureText(o(null, '—', '%/yr'), 'en')).toBe('—');
  });

  it('no English figure, and no English unit of a target, has Chinese in it', () => {
    const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    for (const t of FILE.targets) {
      expect(unitText(t.target.unit, 'en'), t.id).not.toMatch(cjk);
      for (const x of t.outturns) expect(figureText(x, 'en'), x.id).not.toMatch(cjk);
    }
  });
});
