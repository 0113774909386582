/**
 * Search over parks, zones, districts and the plan's sectors by Chinese name, English name,
 * pinyin (full and initials, from pinyin-pro) and, for sectors, everyday words ("AI", "chip",
 * "biomedicine"); typo-tolerant (fuse.js, plus an edit distance on name prefixes). Pure: build the
 * index once per data load, then query it.
 */
import Fuse from 'fuse.js';
import type { IFuseOptions } from 'fuse.js';
import { customPinyin, pinyin } from 'pinyin-pro';
import type { Derived } from './derive';
import { compactLatin, shortName } from './filter';
import { SECTOR_WORDS } from './search-words';
import { customReadings } from './place-readings';
import type { ZoneProps } from '../loaders/schemas';

export type SearchKind = 'park' | 'zone' | 'district' | 'sector';

export interface SearchEntry {
  kind: SearchKind;
  /** park/zone/sector id; for a district its Chinese name (the id the district filter uses) */
  id: string;
  name_zh: string;
  name_en: string;
  /** full pinyin without tones, syllables joined (`zhangjiangrengongzhinengdao`) */
  pinyin: string;
  /** the same with spaces between syllables */
  pinyinSpaced: string;
  /** the spaced pinyin of the name as lists show it (shortName: a closing bracket dropped); pinyinSpaced when it has none */
  shortPinyinSpaced: string;
  /** first letters (`zjrgznd`) */
  initials: string;
  /** the pinyin of each stretch of Han characters, joined (pinyinForms' runs: `qingpu`, `jingan` for 青浦、静安) */
  pinyinRuns: readonly string[];
  /** where choosing it flies to (null: a sector, which has no one place) */
  at: [number, number] | null;
  /** other words for it, lower case (sectors) */
  words: readonly string[];
  /** how broad a place it is, for ranking equally direct matches: 0 a sector, 1 a pole, 2 a district, 3 a park, 4 a belt or axis, 5 a sector's cluster zone */
  breadth: number;
  /** where a typed word may start, compacted (wordStarts): made once, read by every query's typo check */
  starts: readonly string[];
}

export interface SearchHit {
  entry: SearchEntry;
  /** 0 = best */
  score: number;
}

export interface SearchIndex {
  entries: SearchEntry[];
  fuse: Fuse<SearchEntry>;
}

// names in the data the library reads wrong (place-readings.ts): 闵行 is Minhang, not min-xing
customPinyin(customReadings());

/**
 * Pinyin forms of a Chinese name: only its Han characters count (letters and brackets dropped).
 * `runs`: the syllables of each stretch of Han characters between the others, joined: the names
 * listed in a name (青浦、静安) are runs of their own, so a query is not found across two of them.
 */
export function pinyinForms(zh: string): { full: string; spaced: string; initials: string; runs: string[] } {
  // each run read on its own: a word-aware reading does not join the end of one listed name to the next
  const perRun = (zh.match(/\p{Script=Han}+/gu) ?? []).map((r) => pinyin(r, { toneType: 'none', type: 'array', v: true }) as string[]);
  const syll = perRun.flat();
  return { full: syll.join(''), spaced: syll.join(' '), initials: syll.map((s) => s[0] ?? '').join(''), runs: perRun.map((r) => r.join(' ')) };
}

const BREADTH: Record<SearchKind, number> = { sector: 0, district: 2, park: 3, zone: 5 };
const ZONE_BREADTH: Partial<Record<ZoneProps['kind'], number>> = { pole: 1, belt: 4, axis: 4 };

/** The name from each of its words on, the pinyin from each syllable on, and a sector's everyday words, compacted: where a typed word may start. */
function wordStarts(pinyinRuns: readonly string[], name_en: string, words: readonly string[]): string[] {
  const tails = (parts: string[]) => parts.map((_, i) => compactLatin(parts.slice(i).join('')));
  return [...pinyinRuns.flatMap((r) => tails(r.split(' '))), ...tails(name_en.split(/[\s\-/,:()‘’'“”]+/)), ...words.map(compactLatin)].filter(Boolean);
}

export function makeEntry(
  kind: SearchKind,
  id: string,
  name_zh: string,
  name_en: string,
  at: [number, number] | null,
  words: readonly string[] = [],
  breadth = BREADTH[kind],
): SearchEntry {
  const p = pinyinForms(name_zh);
  const short = shortName(name_zh);
  return {
    kind,
    id,
    name_zh,
    name_en,
    pinyin: p.full,
    pinyinSpaced: p.spaced,
    shortPinyinSpaced: short === name_zh ? p.spaced : pinyinForms(short).spaced,
    initials: p.initials,
    at,
    words,
    breadth,
    pinyinRuns: p.runs.map(compactLatin),
    starts: wordStarts(p.runs, name_en, words),
  };
}

/** Every searchable place of the loaded data. */
export function searchEntries(d: Derived): SearchEntry[] {
  const out: SearchEntry[] = [];
  for (const p of d.parks) {
    const at = d.parkCoords.get(p.id);
    if (at) out.push(makeEntry('park', p.id, p.name_zh, p.name_en, at));
  }
  for (const f of d.zoneLabels.features) {
    const z = f.properties;
    out.push(makeEntry('zone', z.id, z.name_zh, z.name_en, f.geometry.coordinates as [number, number], [], ZONE_BREADTH[z.kind]));
  }
  for (const f of d.districtLabels.features) {
    const p = f.properties;
    out.push(makeEntry('district', p.name_zh, p.name_zh, p.name_en, f.geometry.coordinates as [number, number]));
  }
  for (const n of d.sectorNodes.values()) out.push(makeEntry('sector', n.id, n.name_zh, n.name_en, null, SECTOR_WORDS[n.id] ?? []));
  return out;
}

const FUSE_OPTIONS: IFuseOptions<SearchEntry> = {
  keys: [
    { name: 'name_zh', weight: 1 },
    { name: 'name_en', weight: 1 },
    { name: 'pinyin', weight: 0.8 },
    { name: 'pinyinSpaced', weight: 0.8 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.34,
  minMatchCharLength: 1,
};

export function buildSearchIndex(entries: SearchEntry[]): SearchIndex {
  return { entries, fuse: new Fuse(entries, FUSE_OPTIONS) };
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), capped at max + 1. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Typos allowed in a query of this many letters (none below 5: short words must be exact). */
const typoBudget = (n: number) => (n >= 9 ? 2 : n >= 5 ? 1 : 0);

/** How many typos a Latin query is from the start of the name, of its pinyin or of a word in them (`zhangjaing` for zhangjiang…, `lingnag` for “IC ‘two wings’: Lingang”); over the query's budget: none near. */
function nearPrefix(e: SearchEntry, compact: string): number {
  const budget = typoBudget(compact.length);
  let best = budget + 1;
  if (budget === 0) return best;
  for (const full of e.starts) {
    for (let len = compact.length - budget; len <= compact.length + budget; len++) {
      if (len < 1 || len > full.length) continue;
      best = Math.min(best, editDistance(compact, full.slice(0, len), budget));
    }
  }
  return best;
}

/** How directly the query names the entry: 0 exact, 1 prefix, 1.2 each word typed starts a word of it, 1.5 a word's start, 2 substring, 2.6–2.7 a near-miss of a start (one or two typos), 3 fuzzy only. */
export function matchTier(e: SearchEntry, q: string): number {
  const lq = q.toLowerCase();
  const compact = lq.replace(/\s+/g, '');
  const own = [e.name_zh, shortName(e.name_zh), e.name_en.toLowerCase(), shortName(e.name_en).toLowerCase()];
  const latin = [e.pinyin, e.initials];
  if (own.includes(q) || own.includes(lq) || e.words.includes(lq) || latin.includes(compact)) return 0;
  // a sector's everyday words match whole, or from 3 letters on ("ai" is not the start of "aircraft")
  const names = lq.length >= 3 ? [...own, ...e.words] : own;
  if (names.some((n) => n.startsWith(lq)) || latin.some((n) => compact && n.startsWith(compact))) return 1;
  // every word typed starts a word of the name, in any order: "zhangjiang ic" for Zhangjiang National IC Industry Base
  const typed = lq.split(/\s+/).filter(Boolean);
  if (typed.length > 1 && /^[a-z0-9\s]+$/.test(lq)) {
    const words = [...own.flatMap((n) => n.split(/[\s\-/,:()‘’'“”]+/)), ...e.pinyinSpaced.split(' ')].filter(Boolean);
    // a word of one or two letters names a whole word ("ai" is not the start of "aircraft")
    if (typed.every((q) => words.some((w) => (q.length <= 2 ? w === q : w.startsWith(q))))) return 1.2;
  }
  // a word of a name, from its start: "biomed" in "high-end biomedical manufacturing"
  if (/^[a-z0-9]/.test(lq) && names.some((n) => n.split(/[\s\-/]+/).some((w) => w.startsWith(lq)))) return 1.5;
  // inside a word: Chinese, pinyin, or Latin of 4 letters or more ("ev" is not in "devices"; "medical" is in "biomedical")
  const insideOk = !/^[a-z0-9]/.test(lq) || lq.length >= 4;
  // pinyin inside one run of the name, not across two of the names it lists ("pujing" is not in 青浦、静安)
  if ((insideOk && names.some((n) => n.includes(lq))) || [...e.pinyinRuns, e.initials].some((n) => compact && n.includes(compact))) return 2;
  if (/^[a-z\s]+$/.test(lq)) {
    const compactQ = compactLatin(lq);
    const typos = nearPrefix(e, compactQ);
    // one typo ranks before two ("zhangjaing ai": Zhangjiang AI Island before Zhangjiang Online)
    if (typos <= typoBudget(compactQ.length)) return 2.5 + typos / 10;
  }
  return 3;
}

/** Beside a direct match, a fuzzy-only hit above this Fuse score (0 perfect, 1 none) is noise ("hongkou" found the aerospace sector by hangkong). */
const FUZZY_BESIDE_DIRECT = 0.5;
/** With no direct match, above this one ("airport" found the data port, "medical devices" technology intermediary services). */
const FUZZY_ALONE = 0.8;

/**
 * Ranked hits: direct matches (exact, prefix, word start, substring, near-miss prefix; in names,
 * pinyin or a sector's words) before fuzzy ones; among equally direct ones the broader place
 * first (a sector, a pole, a district, a park, a belt, a cluster zone: "lingang" puts the 临港
 * pole before the zones inside it), then Fuse's score, then shorter names. Fuzzy-only hits are
 * ranked by Fuse's score; only close ones stay (FUZZY_BESIDE_DIRECT beside a direct match, else FUZZY_ALONE).
 * Initials match directly only (fuzzily, "zzzzqq" was near the initials of a zone). Latin queries
 * under 3 letters match directly only ("AI" must not find 外滩 by a fuzzy letter).
 */
export function runSearch(index: SearchIndex, rawQuery: string, limit = 8): SearchHit[] {
  const q = rawQuery.trim();
  if (!q) return [];
  const fuzzyOk = !/^[a-z0-9.\s]{1,2}$/i.test(q);
  const hits = fuzzyOk ? index.fuse.search(q).map((r) => ({ entry: r.item, fuzzy: r.score ?? 1, tier: matchTier(r.item, q) })) : [];
  // Fuse misses some direct matches (its pattern length is capped; words and near-misses are ours): add them
  const seen = new Set(hits.map((h) => h.entry));
  for (const e of index.entries) {
    if (seen.has(e)) continue;
    const tier = matchTier(e, q);
    if (tier < 3) hits.push({ entry: e, fuzzy: 0.5, tier });
  }
  const direct = hits.some((h) => h.tier < 3);
  const kept = hits.filter((h) => h.tier < 3 || h.fuzzy <= (direct ? FUZZY_BESIDE_DIRECT : FUZZY_ALONE));
  kept.sort(
    (a, b) =>
      a.tier - b.tier ||
      (a.tier < 3 ? a.entry.breadth - b.entry.breadth : 0) ||
      a.fuzzy - b.fuzzy ||
      a.entry.breadth - b.entry.breadth ||
      a.entry.name_zh.length - b.entry.name_zh.length,
  );
  return kept.slice(0, limit).map((h) => ({ entry: h.entry, score: h.tier + h.fuzzy }));
}
