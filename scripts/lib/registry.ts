/**
 * The city's official specialty-park list (data/registry.json) → per place: its listing (the
 * facts, each with its source) and its list link (the category's sector, citing the list).
 */
import type { DataError, Link, Listing, RefContext } from '../../src/loaders/schemas';
import { RegistryEntrySchema, RegistryInputSchema } from './authoring';
import type { RegistryEntry, RegistryInput } from './authoring';

export const REGISTRY_FILE = 'data/registry.json';

export interface RegistryResult {
  /** place id → its listing and list links */
  byPlace: Map<string, { listing: Listing; links: Link[] }>;
  leftOut: RegistryInput['left_out'];
  errors: DataError[];
}

/** Reads the registry; every problem names the file, the entry (its place id, or #n) and the reason. */
export function readRegistry(input: unknown, ctx: RefContext): RegistryResult {
  const errors: DataError[] = [];
  const byPlace = new Map<string, { listing: Listing; links: Link[] }>();
  const top = RegistryInputSchema.safeParse(input);
  if (!top.success) {
    for (const iss of top.error.issues) errors.push({ file: REGISTRY_FILE, feature: null, reason: `${iss.path.join('.')}: ${iss.message}` });
    return { byPlace, leftOut: [], errors };
  }
  const reg = top.data;
  const docs = new Map(reg.documents.map((d) => [d.url, d]));
  const categories = new Map(reg.categories.map((c) => [c.zh, c]));
  const batches = new Map(reg.batches.map((b) => [b.year, b]));
  const catalogue = reg.documents[0];

  for (const c of reg.categories) {
    const top = ctx.nodes.get(c.node);
    if (top === undefined) errors.push({ file: REGISTRY_FILE, feature: `category ${c.zh}`, reason: `unknown sector node '${c.node}'` });
    else if (top !== c.sector)
      errors.push({ file: REGISTRY_FILE, feature: `category ${c.zh}`, reason: `node '${c.node}' belongs to '${top}', not '${c.sector}'` });
  }

  reg.entries.forEach((raw, i) => {
    const id = typeof raw === 'object' && raw !== null && typeof (raw as { place?: unknown }).place === 'string' ? (raw as { place: string }).place : `#${i}`;
    const bad = (reason: string) => errors.push({ file: REGISTRY_FILE, feature: id, reason });
    const r = RegistryEntrySchema.safeParse(raw);
    if (!r.success) {
      for (const iss of r.error.issues) bad(`${iss.path.join('.') || '(entry)'}: ${iss.message}`);
      return;
    }
    const e: RegistryEntry = r.data;
    if (byPlace.has(e.place)) bad(`a second entry for place '${e.place}'`);
    // every source is a document of the registry, so each can be shown with its title and date
    const sources = [
      e.listed.source,
      e.category?.source,
      e.batch?.source,
      e.district?.source,
      ...e.areas.map((a) => a.source),
      ...e.blocks.map((b) => b.source),
    ];
    for (const s of sources) if (s !== undefined && !docs.has(s)) bad(`source ${s} is not among the registry's documents`);
    if (e.seq !== null && catalogue && e.listed.source !== catalogue.url) bad(`a catalogue row (seq ${e.seq}) must cite the catalogue (${catalogue.url})`);
    if (e.areas.some((a) => a.kind === 'catalogue') && e.seq === null) bad('a catalogue area on an entry whose catalogue row was not read (seq null)');
    if (e.areas.length > 0 && e.areas.filter((a) => a.footprint).length !== 1) bad('mark exactly one stated area for the footprint');

    const mapped = e.category ? categories.get(e.category.zh) : undefined;
    if (e.category && !mapped)
      bad(
        `unknown category '${e.category.zh}' (known: ${[...categories.keys()].join('、')}); map it to a sector in the registry's categories and document the choice`,
      );
    if (e.batch && !batches.has(e.batch.year as 2020)) bad(`unknown batch year ${e.batch.year} (batches: ${[...batches.keys()].join(', ')})`);
    if (errors.some((x) => x.feature === id)) return;

    const batch = e.batch ? batches.get(e.batch.year as 2020)! : null;
    const listing: Listing = {
      name_zh: e.name_zh,
      listed: e.listed,
      seq: e.seq,
      category: e.category && mapped ? { ...e.category, zh: mapped.zh, en: mapped.en, sector: mapped.sector, node: mapped.node } : null,
      batch: e.batch && batch ? { ...e.batch, year: batch.year, date: batch.date } : null,
      areas: e.areas,
      district: e.district,
      blocks: e.blocks,
    };
    const links: Link[] = [];
    if (e.category && mapped) {
      const doc = docs.get(e.category.source)!;
      links.push({
        sector: mapped.sector,
        node: mapped.node,
        clause: null,
        phrase: mapped.zh,
        ...(mapped.note_zh && mapped.note_en ? { note_zh: mapped.note_zh, note_en: mapped.note_en } : {}),
        via: 'list',
        zone: null,
        strength: 'listed',
        list: {
          category_zh: mapped.zh,
          category_en: mapped.en,
          document_zh: doc.title_zh,
          document_en: doc.title_en,
          date: doc.date && /^\d{4}-\d{2}/.test(doc.date) ? doc.date : null,
          url: doc.url,
          seq: e.seq,
        },
      });
    }
    byPlace.set(e.place, { listing, links });
  });
  return { byPlace, leftOut: reg.left_out, errors };
}
