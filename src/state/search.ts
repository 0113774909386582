/**
 * Search over parks, zones, districts and the plan's sectors by Chinese name, English name,
 * pinyin (full and initials, from pinyin-pro) and, for sectors, everyday words ("AI", "chip",
 * "biomedicine"); typo-tolerant (fuse.js, plus an edit distance on name prefixes). Pure: build the
 * index once per data load, then query it.
 */
import Fuse from 'fuse.js';
import type { IFuseOptions } from 'fuse.js';
import { pinyin } from 'pinyin-pro';
import type { Derived } from './derive';
import { shortName } from './filter';
import { SECTOR_WORDS } from './search-words';

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
  /** first letters (`zjrgznd`) */
  initials: string;
  /** where choosing it flies to (null: a sector, which has no one place) */
  at: [number, number] | null;
  /** other words for it, lower case (sectors) */
  words: readonly string[];
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

const HAN = /\p{Script=Han}/u;

/** Pinyin forms of a Chinese name: only its Han characters count (letters and brackets dropped). */
export function pinyinForms(zh: string): { full: string; spaced: string; initials: string } {
  const han = [...zh].filter((c) => HAN.test(c)).join('');
  if (!han) return { full: '', spaced: '', initials: '' };
  const syll = pinyin(han, { toneType: 'none', type: 'array', v: true }) as string[];
  return { full: syll.join(''), spaced: syll.join(' '), initials: syll.map((s) => s[0] ?? '').join('') };
}

export function makeEntry(
  kind: SearchKind,
  id: string,
  name_zh: string,
  name_en: string,
  at: [number, number] | null,
  words: readonly string[] = [],
): SearchEntry {
  const p = pinyinForms(name_zh);
  return { kind, id, name_zh, name_en, pinyin: p.full, pinyinSpaced: p.spaced, initials: p.initials, at, words };
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
    out.push(makeEntry('zone', z.id, z.name_zh, z.name_en, f.geometry.coordinates as [number, number]));
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
    { name: 'initials', weight: 0.5 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.34,
  minMatchCharLength: 1,
};

export function buildSearchIndex(entries: SearchEntry[]): SearchIndex {
  return { entries, fuse: new Fuse(entries, FUSE_OPTIONS) };
}

const KIND_ORDER: Record<SearchKind, number> = { sector: 0, park: 1, district: 2, zone: 3 };

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

const compactLatin = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Typos allowed in a query of this many letters (none below 5: short words must be exact). */
const typoBudget = (n: number) => (n >= 9 ? 2 : n >= 5 ? 1 : 0);

/** Whether a Latin query is a mistyped start of the name or its pinyin (e.g. `zhangjaing` for zhangjiang…). */
function nearPrefix(e: SearchEntry, compact: string): boolean {
  const budget = typoBudget(compact.length);
  if (budget === 0) return false;
  for (const full of [e.pinyin, compactLatin(e.name_en)]) {
    if (!full) continue;
    for (let len = compact.length - budget; len <= compact.length + budget; len++) {
      if (len < 1 || len > full.length) continue;
      if (editDistance(compact, full.slice(0, len), budget) <= budget) return true;
    }
  }
  return false;
}

/** How directly the query names the entry: 0 exact, 1 prefix, 2 substring, 2.5 a near-miss of a prefix, 3 fuzzy only. */
export function matchTier(e: SearchEntry, q: string): number {
  const lq = q.toLowerCase();
  const compact = lq.replace(/\s+/g, '');
  const names = [e.name_zh, shortName(e.name_zh), e.name_en.toLowerCase(), shortName(e.name_en).toLowerCase(), ...e.words];
  const latin = [e.pinyin, e.initials];
  if (names.includes(q) || names.includes(lq) || latin.includes(compact)) return 0;
  if (names.some((n) => n.startsWith(lq)) || latin.some((n) => compact && n.startsWith(compact))) return 1;
  // a word of a name, from its start: "biomed" in "high-end biomedical manufacturing"
  if (/^[a-z0-9]/.test(lq) && names.some((n) => n.split(/[\s\-/]+/).some((w) => w.startsWith(lq)))) return 1.5;
  if (names.some((n) => n.includes(lq)) || latin.some((n) => compact && n.includes(compact))) return 2;
  if (/^[a-z\s]+$/.test(lq) && nearPrefix(e, compactLatin(lq))) return 2.5;
  return 3;
}

/**
 * Ranked hits: direct matches (exact, prefix, word start, substring, near-miss prefix; in names,
 * pinyin or a sector's words) before fuzzy ones, then Fuse's score, then sectors before parks
 * before districts before zones, then shorter names. Latin queries under 3 letters match directly
 * only ("AI" must not find 外滩 by a fuzzy letter).
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
  hits.sort(
    (a, b) => a.tier - b.tier || a.fuzzy - b.fuzzy || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.entry.name_zh.length - b.entry.name_zh.length,
  );
  return hits.slice(0, limit).map((h) => ({ entry: h.entry, score: h.tier + h.fuzzy }));
}
