/**
 * The plan's scorecard: data/targets.json → public/geo/targets.json. Broken fixtures fail naming
 * the file, the target and the reason; the status rule is tested on hand-made targets; the real
 * file covers every quantified target with a status.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ABOUT_SHARE, buildTargets, targetStatus } from '../../scripts/lib/targets';
import { formatDataError, sectorNodeIndex } from '../../src/loaders/schemas';
import type { Outturn, ScorecardTarget, SectorsFile } from '../../src/loaders/schemas';
import { parsePlanClauses } from '../../src/loaders/plan-clauses';
import { loadTargets } from '../../src/loaders/load-targets';
import { diskFetcher, readGeoJson } from '../fakes/geo-disk';

const read = (p: string) => JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8')) as unknown;
const planText = readFileSync(new URL('../../data/plan/plan-2021-10.txt', import.meta.url), 'utf8');
const clauses = parsePlanClauses(planText);
const sectors = read('../../data/sectors.json') as SectorsFile;
/** sectors.json without its targets, so that a small scorecard need not hold them all */
const bare: SectorsFile = { ...sectors, sectors: sectors.sectors.map((s) => ({ ...s, target: null })) };
const ctx = (s: SectorsFile) => ({ nodes: sectorNodeIndex(s), clauses, sectors: s });

describe('scorecard build with small fixtures', () => {
  it('builds a valid scorecard: status, the deciding figure, notes in both languages; the quote stays behind', () => {
    const r = buildTargets(read('../fixtures/build/mini-targets.json'), ctx(bare));
    expect(r.errors.map(formatDataError)).toEqual([]);
    const t = r.targets!.targets[0]!;
    expect(t).toMatchObject({ id: 'gdp-share', status: 'met', status_outturn: 'share-2023' });
    expect(t.status_note_zh).toBe('已达到：2023年为24.8%（目标：20%以上）。');
    expect(t.status_note_en).toBe('Met: 24.8 % in 2023 (target: 20 % or more).');
    expect(Object.keys(t.outturns[0]!)).not.toContain('quote');
  });

  const cases: [string, string, RegExp][] = [
    ['targets-outturn-no-source', 'gdp-share', /^outturn share-2023: no source/],
    ['targets-outturn-no-year', 'gdp-share', /^outturns\.0\.year: /],
    ['targets-phrase-not-in-clause', 'gdp-share', /^target: phrase “战略性新兴产业增加值占全市生产总值比重达到25%以上” does not occur in clause 二（四）$/],
    ['targets-note-missing-language', 'gdp-share', /definition_note_zh has no definition_note_en beside it/],
    ['targets-conflict-one-sided', 'gdp-share', /conflicts with 'share-2023-b', but 'share-2023-b' does not name it back/],
    ['targets-unit-mismatch', 'gdp-share', /a same figure must be in the target's unit \(%\), not 亿元/],
    ['targets-figure-not-in-quote', 'gdp-share', /the figure “25\.8%” does not occur in its quote/],
  ];
  it.each(cases)('%s fails the build naming the file, the target and the reason', (fixture, feature, reason) => {
    const r = buildTargets(read(`../fixtures/build/broken/${fixture}.json`), ctx(bare));
    expect(r.targets).toBeNull();
    const hit = r.errors.find((e) => e.file === 'data/targets.json' && e.feature === feature && reason.test(e.reason));
    expect(hit, r.errors.map(formatDataError).join('\n')).toBeDefined();
  });

  it('fails when a sector target of sectors.json is missing from the scorecard', () => {
    const r = buildTargets(read('../fixtures/build/mini-targets.json'), ctx(sectors));
    expect(r.errors.map(formatDataError)).toContain(
      "data/targets.json: sectors.json's target for 'ic' (三（一） “集成电路产业规模年均增速达到20%左右”) is not in the scorecard",
    );
  });
});

describe('the status rule', () => {
  const target = (over: Partial<ScorecardTarget['target']> = {}): ScorecardTarget['target'] => ({
    phrase: 'x',
    clause: '二（四）',
    text_zh: '20%以上',
    text_en: '20 % or more',
    value: 20,
    unit: '%',
    year: 2025,
    comparator: 'at-least',
    kind: 'share',
    ...over,
  });
  let n = 0;
  const out = (over: Partial<Outturn>): Outturn => ({
    id: `o${n++}`,
    year: 2023,
    from_year: null,
    part: null,
    role: 'outturn',
    value: 21,
    value_text: '21',
    text_zh: null,
    text_en: null,
    qualifier: null,
    unit: '%',
    measure_zh: '测',
    measure_en: 'm',
    comparability: 'same',
    definition_note_zh: '注',
    definition_note_en: 'n',
    source: 'https://example.org',
    confidence: 'high',
    conflicts_with: [],
    derived_from: null,
    ...over,
  });
  const status = (outturns: Outturn[], t = target(), baseline: number | null = null) =>
    targetStatus({
      target: t,
      baseline: baseline === null ? null : { phrase: 'x', clause: '一（一）1', text_zh: 'b', text_en: 'b', value: baseline, unit: '%', year: 2020 },
      outturns,
    }).status;

  it('met: a figure of the plan’s own measure reaches the target, in any year of 2021–2025', () => {
    expect(status([out({ year: 2022, value: 20 })])).toBe('met');
    expect(status([out({ year: 2022, value: 19.9 }), out({ year: 2024, value: 20.1 })])).toBe('met');
  });
  it('not met: the latest own-measure figure is for 2025 and misses', () => {
    expect(status([out({ year: 2025, value: 19 })])).toBe('not-met');
  });
  it('not verifiable: own-measure figures miss, but none is for 2025 yet (not “no data”: figures exist)', () => {
    expect(status([out({ year: 2023, value: 19 })])).toBe('not-verifiable');
  });
  it('met on a proxy: only a proxy figure reaches it', () => {
    expect(status([out({ comparability: 'proxy', value: 25 })])).toBe('met-proxy');
    expect(status([out({ comparability: 'proxy', value: 25 }), out({ year: 2025, value: 19 })])).toBe('not-met');
  });
  it('not comparable: figures exist, but only context ones, partial years or misses of a proxy', () => {
    expect(status([out({ comparability: 'context', value: 99 })])).toBe('not-comparable');
    expect(status([out({ part: 'H1', value: 25 })])).toBe('not-comparable');
    expect(status([out({ comparability: 'proxy', value: 10 })])).toBe('not-comparable');
  });
  it('no data: nothing found, or only base-year figures', () => {
    expect(status([])).toBe('no-data');
    expect(status([out({ role: 'base', year: 2020, value: 30 })])).toBe('no-data');
  });
  it(`左右: met at ${ABOUT_SHARE * 100} % of the figure or more; a growth rate needs the whole period for “not met”`, () => {
    const about = target({ comparator: 'about', value: 20, unit: '%/yr', kind: 'growth' });
    expect(status([out({ year: 2025, from_year: 2020, value: 18, unit: '%/yr' })], about)).toBe('met');
    expect(status([out({ year: 2025, from_year: 2020, value: 17.9, unit: '%/yr' })], about)).toBe('not-met');
    expect(status([out({ year: 2025, from_year: 2022, value: 17.9, unit: '%/yr' })], about)).toBe('not-verifiable');
  });
  it('进一步提升: a rise above the baseline', () => {
    const rise = target({ comparator: 'increase', value: null });
    expect(status([out({ year: 2025, value: 40.5 })], rise, 40)).toBe('met');
    expect(status([out({ year: 2025, value: 40 })], rise, 40)).toBe('not-met');
  });
});

describe('the real scorecard', () => {
  const r = buildTargets(read('../../data/targets.json'), ctx(sectors));
  const file = r.targets!;
  const byId = (id: string) => file.targets.find((t) => t.id === id)!;

  it('builds without errors, and public/geo/targets.json loads through the app’s loader', async () => {
    expect(r.errors.map(formatDataError)).toEqual([]);
    const loaded = await loadTargets('/', diskFetcher());
    expect(loaded.ok).toBe(true);
    expect(readGeoJson<{ targets: unknown[] }>('targets.json').targets).toHaveLength(file.targets.length);
  });

  it('covers every quantified target, each with a status and its words checked against the plan', () => {
    expect(file.targets).toHaveLength(23);
    const counts = new Map<string, number>();
    for (const t of file.targets) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ met: 3, 'met-proxy': 4, 'not-verifiable': 1, 'not-comparable': 5, 'no-data': 10 });
    for (const t of file.targets) expect(clauses.get(t.target.clause)!.includes(t.target.phrase), t.id).toBe(true);
  });

  it('keeps every reported figure of the reference (55) plus the four it derives, each with year, source and confidence', () => {
    const all = [...file.targets, ...file.context].flatMap((t) => t.outturns);
    expect(all.filter((o) => o.role !== 'derived')).toHaveLength(55);
    expect(all.filter((o) => o.role === 'derived')).toHaveLength(4);
    for (const o of all) {
      expect(o.source, o.id).toMatch(/^https?:\/\//);
      expect(o.year, o.id).toBeGreaterThanOrEqual(2019);
      expect(['high', 'medium', 'low']).toContain(o.confidence);
    }
  });

  it('derives the IC growth from two reported figures (checked here by hand: (4800/2070)^(1/5) − 1 ≈ 18.32 %)', () => {
    const cagr = byId('ic-growth').outturns.find((o) => o.id === 'ic-cagr-2020-2025-cd')!;
    expect(cagr.value).toBeCloseTo(18.32, 2);
    expect(cagr.qualifier).toBe('over');
    expect(byId('ic-growth')).toMatchObject({ status: 'met-proxy', status_outturn: 'ic-cagr-2020-2025-cd' });
    // under the target's own 20: the note says which rule counts it as met
    expect(byId('ic-growth').status_note_en).toBe(
      'Met on a proxy: average annual growth of IC revenue (computed by us), over 18.32 % a year in 2020–2025 (target: about 20 % a year); the proxy is not the plan’s own measure. An “about” target counts as met at 90 % of its figure or more.',
    );
    expect(byId('ic-growth').status_note_zh).toMatch(/。“左右”的目标按达到其90%以上计为达到。$/);
    // a figure at or over an "about" target's number needs no such word
    expect(byId('sei-gdp-share').status_note_en).not.toContain('“about”');
  });

  it('keeps conflicting figures side by side, never averaged', () => {
    const share = byId('sei-industrial-share').outturns;
    const a = share.find((o) => o.id === 'sei-ind-share-2024-fgw')!;
    const b = share.find((o) => o.id === 'sei-ind-share-2024-press')!;
    expect([a.value, b.value]).toEqual([43.6, 44]);
    expect(a.conflicts_with).toEqual(['sei-ind-share-2024-press']);
    expect(b.conflicts_with).toEqual(['sei-ind-share-2024-fgw']);
  });

  it('the statuses the reference supports', () => {
    expect(byId('sei-gdp-share')).toMatchObject({ status: 'met', status_outturn: 'sei-share-2023' });
    expect(byId('sei-value-added').status).toBe('met');
    expect(byId('high-tech-enterprises')).toMatchObject({
      status: 'not-verifiable',
      status_outturn: 'hte-2023',
      status_note_en: 'Not verifiable: no figure for 2025; the latest of the same measure, over 24,000 firms in 2023, is short of the target (over 26,000).',
      status_note_zh: '无法核实：没有2025年的数字；最近的同一指标数字为2023年的超过24000家，尚未达到目标（突破2.6万家）。',
    });
    expect(byId('digital-revenue')).toMatchObject({ status: 'met-proxy', status_outturn: 'software-revenue-2021' });
    expect(byId('ai-growth').status).toBe('not-comparable');
    // only a 2020 reference figure: nothing for 2021–2025
    expect(byId('materials-output')).toMatchObject({ status: 'no-data', status_outturn: null, status_note_en: 'No outturn for 2021–2025 was found.' });
  });
});
