import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBriefing, geometryExtents, quotedRun } from '../../scripts/lib/briefing';
import type { BriefingContext } from '../../scripts/lib/briefing';
import { parsePlanClauses, normaliseText } from '../../src/loaders/plan-clauses';
import { BriefingSchema } from '../../src/loaders/briefing-schema';
import { formatDataError } from '../../src/loaders/schemas';
import type { SectorsFile } from '../../src/loaders/schemas';
import { LAYER_GROUP_IDS } from '../../src/domain/ids';

const read = (p: string) => JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8')) as unknown;
const planText = readFileSync(new URL('../../data/plan/plan-2021-10.txt', import.meta.url), 'utf8');
const sectors = read('../../public/geo/sectors.json') as SectorsFile;
const collection = (name: string) => read(`../../public/geo/${name}`) as GeoJSON.FeatureCollection;
const ids = (name: string) => new Set(collection(name).features.map((f) => String(f.properties!.id)));
const ctx: BriefingContext = {
  clauses: parsePlanClauses(planText),
  planText,
  sectors,
  zoneIds: ids('zones.geojson'),
  parkIds: ids('parks.geojson'),
  extents: geometryExtents([collection('zones.geojson'), collection('parks.geojson')]),
};
const fixture = (name: string) => read(`../fixtures/briefing/${name}.json`);

describe('briefing build', () => {
  it('builds the fixture and takes target figures from sectors.json', () => {
    const r = buildBriefing(fixture('good'), ctx);
    expect(r.errors.map(formatDataError)).toEqual([]);
    const two = r.briefing!.chapters[1]!;
    expect(two.figures.map((f) => [f.sector, f.value, f.unit, f.approx])).toEqual([
      ['ic', 20, '%/yr', true],
      ['nev', 3500, '亿元', true],
    ]);
    expect(r.briefing!.chapters[0]!.figures).toEqual([]);
    expect('targets' in two).toBe(false);
  });

  const cases: [string, string | null, RegExp][] = [
    ['broken-missing-caption', 'two', /^caption_en: /],
    ['broken-unknown-layer', 'one', /^layers\.3: unknown layer group 'satellite'$/],
    ['broken-unknown-sector', 'one', /^sectors\.1: unknown sector node 'quantum'$/],
    ['broken-unknown-highlight', 'two', /^highlight\.1: 'atlantis' is neither a zone nor a park$/],
    ['broken-unknown-clause', 'one', /^clauses\.1: clause 五（九） does not exist in the plan$/],
    ['broken-quotes-plan', 'one', /^caption_zh: quotes the plan/],
    ['broken-target-missing', 'two', /^targets\.2: sector 'photonics' has no 2025 target/],
    ['broken-duplicate-id', 'one', /^id: duplicate chapter id 'one'$/],
    ['broken-bounds-outside', 'one', /^bounds\.0\.0: must be inside the map/],
    [
      'broken-highlight-outside-bounds',
      'one',
      /^highlight\.0: 'zhangjiang-pole' \(\[\[121\.5\d*, 31\.1\d*\], .*\) is not inside the chapter's bounds \[\[121\.3, 31\.3\], \[121\.5, 31\.4\]\]$/,
    ],
    ['broken-no-chapters', null, /^chapters: at least one chapter$/],
  ];
  it.each(cases)('%s fails naming the file, the chapter and the field', (name, chapter, reason) => {
    const r = buildBriefing(fixture(name), ctx);
    expect(r.briefing).toBeNull();
    const hit = r.errors.find((e) => e.file === 'data/briefing.json' && e.feature === chapter && reason.test(e.reason));
    expect(hit, r.errors.map(formatDataError).join('\n')).toBeDefined();
  });

  it('a caption may name things in quotes, but not copy the plan outside them', () => {
    const plan = normaliseText(planText);
    expect(quotedRun('我们的话：“加快推进建设具有全球影响力的张江综合性国家科学中心”。', plan)).toBeNull();
    expect(quotedRun('我们的话：加快推进建设具有全球影响力的张江综合性国家科学中心。', plan)).not.toBeNull();
  });
});

describe('data/briefing.json (the real script)', () => {
  const r = buildBriefing(read('../../data/briefing.json'), ctx);
  it('builds without errors and matches public/geo/briefing.json', () => {
    expect(r.errors.map(formatDataError)).toEqual([]);
    expect(read('../../public/geo/briefing.json')).toEqual(r.briefing);
    expect(BriefingSchema.safeParse(read('../../public/geo/briefing.json')).success).toBe(true);
  });
  it('follows the plan: the chapters the issue asks for, in order', () => {
    expect(r.briefing!.chapters.map((c) => c.id)).toEqual([
      'overview',
      'zhangjiang',
      'lingang',
      'service-belt',
      'h-belt',
      'ic',
      'biomed',
      'ai',
      'digital',
      'leading',
      'targets',
    ]);
  });
  it('every chapter shows the basemap, a real layer list and at least one clause; the targets chapter carries every strategic target', () => {
    for (const c of r.briefing!.chapters) {
      expect(c.layers).toContain('basemap');
      expect(c.layers.every((l) => (LAYER_GROUP_IDS as readonly string[]).includes(l))).toBe(true);
      expect(c.clauses.length).toBeGreaterThan(0);
    }
    const targets = r.briefing!.chapters.find((c) => c.id === 'targets')!;
    const expected = sectors.sectors.filter((s) => s.target).map((s) => [s.id, s.target!.value]);
    expect(targets.figures.map((f) => [f.sector, f.value])).toEqual(expected);
  });
});
