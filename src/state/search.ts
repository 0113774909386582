/**
 * Search over parks, zones and districts by Chinese name, English name and pinyin (full and
 * initials, from pinyin-pro), typo-tolerant (fuse.js). Pure: build the index once per data load,
 * then query it.
 */
import Fuse from 'fuse.js';
import type { IFuseOptions } from 'fuse.js';
import { pinyin } from 'pinyin-pro';
import type { Derived } from './derive';
import { shortName } from './filter';

export type SearchKind = 'park' | 'zone' | 'district';

export interface SearchEntry {
  kind: SearchKind;
  /** park/zone id; for a district its Chinese name (the id the district filter uses) */
  id: string;
  name_zh: string;
  name_en: string;
  /** full pinyin without tones, syllables joined (`zhangjiangrengongzhinengdao`) */
  pinyin: string;
  /** the same with spaces between syllables */
  pinyinSpaced: string;
  /** first letters (`zjrgznd`) */
  initials: string;
  /** where choosing it flies to */
  at: [number, number];
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

export function makeEntry(kind: SearchKind, id: string, name_zh: string, name_en: string, at: [number, number]): SearchEntry {
  const p = pinyinForms(name_zh);
  return { kind, id, name_zh, name_en, pinyin: p.full, pinyinSpaced: p.spaced, initials: p.initials, at };
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

const KIND_ORDER: Record<SearchKind, number> = { park: 0, district: 1, zone: 2 };

/** How directly the query names the entry: 0 exact, 1 prefix, 2 substring, 3 fuzzy only. */
export function matchTier(e: SearchEntry, q: string): number {
  const lq = q.toLowerCase();
  const compact = lq.replace(/\s+/g, '');
  const names = [e.name_zh, shortName(e.name_zh), e.name_en.toLowerCase(), shortName(e.name_en).toLowerCase()];
  const latin = [e.pinyin, e.initials];
  if (names.includes(q) || names.includes(lq) || latin.includes(compact)) return 0;
  if (names.some((n) => n.startsWith(lq)) || latin.some((n) => compact && n.startsWith(compact))) return 1;
  if (names.some((n) => n.includes(lq)) || latin.some((n) => compact && n.includes(compact))) return 2;
  return 3;
}

/**
 * Ranked hits: direct matches (exact, prefix, substring, in names or pinyin) before fuzzy ones,
 * then Fuse's score, then parks before districts before zones, then shorter names.
 */
export function runSearch(index: SearchIndex, rawQuery: string, limit = 8): SearchHit[] {
  const q = rawQuery.trim();
  if (!q) return [];
  const hits = index.fuse.search(q).map((r) => ({ entry: r.item, fuzzy: r.score ?? 1, tier: matchTier(r.item, q) }));
  // Fuse misses some direct pinyin matches of long names (its pattern length is capped): add them
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
