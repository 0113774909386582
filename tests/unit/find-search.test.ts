import { beforeAll, describe, expect, it } from 'vitest';
import { deriveData } from '../../src/state/derive';
import { buildSearchIndex, editDistance, matchTier, pinyinForms, runSearch, searchEntries } from '../../src/state/search';
import type { SearchIndex } from '../../src/state/search';
import { loadRealGeo } from '../fakes/geo-disk';

let index: SearchIndex;
beforeAll(async () => {
  index = buildSearchIndex(searchEntries(deriveData(await loadRealGeo())));
});
const top = (q: string, n = 1) =>
  runSearch(index, q, 8)
    .slice(0, n)
    .map((h) => `${h.entry.kind}:${h.entry.id}`);

describe('pinyin (pinyin-pro)', () => {
  it('gives full pinyin, spaced syllables and initials of the Han characters only', () => {
    expect(pinyinForms('张江人工智能岛')).toEqual({
      full: 'zhangjiangrengongzhinengdao',
      spaced: 'zhang jiang ren gong zhi neng dao',
      initials: 'zjrgznd',
      runs: ['zhang jiang ren gong zhi neng dao'],
    });
    // 长宁 is chang-ning (a word-aware library, not a per-character table), brackets and letters dropped
    expect(pinyinForms('长宁虹桥智谷（A区）').full).toBe('changninghongqiaozhiguqu');
    expect(pinyinForms('Lingang')).toEqual({ full: '', spaced: '', initials: '', runs: [] });
    // place names read as Shanghai reads them
    expect(pinyinForms('闵行紫竹高新区').full).toBe('minhangzizhugaoxinqu');
    expect(pinyinForms('西部长三角沿线高端制造业协同发展轴').spaced.startsWith('xi bu chang san jiao')).toBe(true);
    expect(pinyinForms('银行').full).toBe('yinhang');
    // the names a name lists are runs of their own
    expect(pinyinForms('新兴数字产业：中心城区及浦东、闵行、青浦、静安').runs).toEqual([
      'xin xing shu zi chan ye',
      'zhong xin cheng qu ji pu dong',
      'min hang',
      'qing pu',
      'jing an',
    ]);
  });
});

describe('search over the real data', () => {
  it('covers parks, zones, districts and sectors', () => {
    const kinds = new Set(index.entries.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['district', 'park', 'sector', 'zone']);
    expect(index.entries.filter((e) => e.kind === 'park')).toHaveLength(42);
    expect(index.entries.filter((e) => e.kind === 'district')).toHaveLength(16);
  });

  it('finds by Chinese, English, pinyin and initials', () => {
    expect(top('张江人工智能岛')).toEqual(['park:zhangjiang-ai-island']);
    expect(top('Zhangjiang AI Island')).toEqual(['park:zhangjiang-ai-island']);
    expect(top('zhangjiangrengongzhinengdao')).toEqual(['park:zhangjiang-ai-island']);
    expect(top('zjrgznd')).toEqual(['park:zhangjiang-ai-island']);
    expect(top('caohejing')).toEqual(['park:caohejing']);
  });

  it('tolerates typos', () => {
    expect(top('zhangjaing rengongzhineng')).toEqual(['park:zhangjiang-ai-island']);
    expect(top('Caohejng')).toEqual(['park:caohejing']);
    expect(top('Songjaing', 3)).toContain('district:松江区');
  });

  it('ranks exact and prefix matches before fuzzy ones', () => {
    expect(top('松江区')).toEqual(['district:松江区']);
    expect(top('Songjiang')[0]).toBe('district:松江区');
    const lingang = top('临港', 8);
    expect(lingang).toContain('zone:lingang-pole');
    // the parks among them are those whose own names hold 临港 (none by a fuzzy match)
    expect(lingang.filter((x) => x.startsWith('park:')).sort()).toEqual(['park:lingang-big-aircraft-park', 'park:lingang-ocean-innovation-park']);
    expect(runSearch(index, '   ')).toEqual([]);
  });

  it('match tiers', () => {
    const e = index.entries.find((x) => x.id === 'caohejing')!;
    expect(matchTier(e, '徐汇漕河泾开发区')).toBe(0);
    expect(matchTier(e, 'caohe')).toBe(1);
    expect(matchTier(e, '漕河泾')).toBe(2);
    expect(matchTier(e, 'xyz')).toBe(3);
  });
});

describe('ranking cases people hit', () => {
  it('a mistyped pinyin start ranks the places it names before fuzzy district hits', () => {
    const hits = top('zhangjaing', 3);
    expect(hits[0]).toMatch(/zhangjiang/);
    expect(hits).not.toContain('district:长宁区');
  });

  it('exact and prefix matches of names come before fuzzy district hits', () => {
    expect(top('caohejing')).toEqual(['park:caohejing']);
    // every top hit names 临港 (in English or pinyin): no fuzzy district first
    for (const h of runSearch(index, 'Lingang', 3)) expect(`${h.entry.name_en} ${h.entry.pinyin}`.toLowerCase()).toContain('lingang');
    const songjiang = runSearch(index, 'songj', 8).map((h) => h.entry);
    expect(songjiang[0]!.kind === 'district' || songjiang[0]!.name_zh.startsWith('松江')).toBe(true);
  });

  it('sectors and sub-sectors are searchable by name, in both languages', () => {
    expect(top('人工智能')).toEqual(['sector:ai']);
    expect(top('biomedicine')).toEqual(['sector:biomed']);
    expect(top('Integrated circuits')).toEqual(['sector:ic']);
    expect(top('Smart sensors')).toEqual(['sector:smart-sensors']);
    expect(top('区块链')).toEqual(['sector:blockchain']);
  });

  it('understands everyday English sector words', () => {
    expect(top('AI')).toEqual(['sector:ai']);
    expect(top('chip')).toEqual(['sector:ic']);
    expect(top('chips')).toEqual(['sector:ic']);
    expect(top('semiconductor')).toEqual(['sector:ic']);
    expect(top('pharma')).toEqual(['sector:biomed']);
    expect(top('robots')).toEqual(['sector:robots']);
  });

  it('a two-letter Latin query matches directly only: "AI" does not find 外滩', () => {
    const ids = runSearch(index, 'AI', 8).map((h) => h.entry.id);
    expect(ids).not.toContain('the-bund');
    const qz = runSearch(index, 'qz', 8);
    expect(qz.length).toBeGreaterThan(0);
    for (const h of qz) expect([h.entry.initials, h.entry.pinyin, h.entry.name_en.toLowerCase()].some((n) => n.includes('qz'))).toBe(true);
  });

  it('a place name puts the broader place first: the pole before the parks and zones inside it', () => {
    expect(top('lingang')).toEqual(['zone:lingang-pole']);
    expect(top('临港')).toEqual(['zone:lingang-pole']);
    expect(top('zhangjiang')).toEqual(['zone:zhangjiang-pole']);
    // parks before the sectors' cluster zones of the same name
    const lingang = top('lingang', 8);
    expect(lingang.indexOf('park:lingang-big-aircraft-park')).toBeLessThan(lingang.indexOf('zone:digital-data-port'));
    // a district before the parks that bear its name
    expect(top('songj', 2)).toEqual(['district:松江区', 'park:songjiang-industrial-zone']);
  });

  it('gibberish finds nothing, and short Latin queries do not match inside words', () => {
    expect(runSearch(index, 'zzzzqq')).toEqual([]);
    expect(runSearch(index, 'qwerty')).toEqual([]);
    // "ev" is a word for new-energy vehicles, not the inside of "devices" or "development"
    expect(top('ev', 8)).toEqual(['sector:nev']);
    // "ai" is not the start of the aerospace word "aircraft"
    expect(top('AI', 8)).not.toContain('sector:aerospace');
    // four letters and more may: "medical" inside "biomedical"
    expect(top('medical', 8)).toContain('park:north-shanghai-biomed-park');
  });

  it('beside a direct match, far fuzzy hits go: "hongkou" is not the aerospace sector (hangkong)', () => {
    expect(top('hongkou', 8)).toEqual(['district:虹口区', 'park:north-bund']);
  });

  it('each word typed counts: "Zhangjiang IC" is the IC base, "lingang ai" the AI zone, not the aircraft park', () => {
    expect(top('Zhangjiang IC')).toEqual(['park:zhangjiang-ic-base']);
    expect(top('ic zhangjiang')).toEqual(['park:zhangjiang-ic-base']);
    expect(top('lingang ai')).toEqual(['zone:ai-lingang']);
  });

  it('a far fuzzy hit is no answer: "airport" finds no data port, a typo of a sector word finds the sector', () => {
    expect(runSearch(index, 'airport')).toEqual([]);
    expect(runSearch(index, 'medical devices')).toEqual([]);
    expect(top('semicondutor')).toEqual(['sector:ic']);
  });

  it('one typo ranks before two', () => {
    expect(top('zhangjaing ai')).toEqual(['park:zhangjiang-ai-island']);
  });

  it('a mistyped word later in a name is still found', () => {
    expect(top('lingnag', 8)).toContain('zone:ic-wing-lingang');
    expect(top('pujaing', 2).sort()).toEqual(['park:pujiang-chuangxin-city', 'park:pujiang-zhigu']);
  });

  it('pinyin is found inside one of the names a name lists, not across two of them', () => {
    // 青浦、静安: "pujing" runs from the end of qingpu into jingan; a fuzzy hit at most, after the Pujiang parks
    const zone = index.entries.find((e) => e.id === 'digital-key-areas')!;
    expect(matchTier(zone, 'pujing')).toBe(3);
    expect(top('pujing', 2).sort()).toEqual(['pujiang-chuangxin-city', 'pujiang-zhigu'].map((id) => `park:${id}`));
    expect(zone.pinyinRuns).toContain('minhang');
    // each name on its own still finds the zone that lists it
    expect(runSearch(index, 'jingan', 8).map((h) => h.entry.id)).toContain('digital-key-areas');
    expect(runSearch(index, 'qingpu', 8).map((h) => h.entry.id)).toContain('digital-key-areas');
  });

  it('ships are found by everyday words', () => {
    expect(top('shipbuilding')).toEqual(['sector:ships-offshore']);
    expect(top('造船')).toEqual(['sector:ships-offshore']);
  });

  it('edit distance counts an adjacent swap as one edit', () => {
    expect(editDistance('zhangjaing', 'zhangjiang', 2)).toBe(1);
    expect(editDistance('abc', 'abc', 1)).toBe(0);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
