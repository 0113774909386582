/**
 * Which parks and zones the filters show: the one visibility rule (selectors/parks.ts feeds it to
 * the list, the map, the counts and the exports). Pure; no Turf needed (links are precomputed, and
 * the radius and drawn area arrive as sets of park ids).
 * A selected top-level id matches every link of that sector; a selected sub-sector matches only
 * links to that node; and only links of the allowed strengths count.
 */
import type { ParkProps, SectorsFile, ZoneProps } from '../loaders/schemas';
import { zhSortName } from './place-readings';
import { strengthRank } from '../geo/strength';
import type { LinkStrength } from '../domain/ids';

const topsOf = new WeakMap<SectorsFile, ReadonlySet<string>>();
const NO_TOPS: ReadonlySet<string> = new Set();

/** The top-level sector ids of a sectors file (built once per file). */
export function topSectors(sectors: SectorsFile | null): ReadonlySet<string> {
  if (!sectors) return NO_TOPS;
  let tops = topsOf.get(sectors);
  if (!tops) topsOf.set(sectors, (tops = new Set(sectors.sectors.map((s) => s.id))));
  return tops;
}

/** Whether a link of this strength counts where the sector filter allows these strengths (null: all; a link without a strength always counts). */
export function strengthCounts(strengths: readonly LinkStrength[] | null, strength: LinkStrength | null | undefined): boolean {
  return !strengths || !strength || strengths.includes(strength);
}

export function nodeMatcher(selected: readonly string[], sectors: SectorsFile | null, strengths: readonly LinkStrength[] | null = null) {
  const tops = topSectors(sectors);
  const wantTop = new Set(selected.filter((s) => tops.has(s)));
  const wantNode = new Set(selected.filter((s) => !tops.has(s)));
  return (l: { sector: string; node: string; strength?: LinkStrength }) =>
    (wantTop.has(l.sector) || wantNode.has(l.node)) && strengthCounts(strengths, l.strength);
}

export function parksForSelection(
  parks: readonly ParkProps[],
  selected: readonly string[],
  sectors: SectorsFile | null,
  strengths: readonly LinkStrength[] | null = null,
): string[] {
  if (selected.length === 0) return parks.map((p) => p.id);
  const match = nodeMatcher(selected, sectors, strengths);
  return parks.filter((p) => p.links.some(match)).map((p) => p.id);
}

/** A park's strength for the selected sectors: its strongest matching link (null: none matches). */
export function parkStrength(p: ParkProps, selected: readonly string[], sectors: SectorsFile | null): LinkStrength | null {
  if (selected.length === 0) return null;
  const match = nodeMatcher(selected, sectors);
  let best: LinkStrength | null = null;
  for (const l of p.links) if (match(l) && (best === null || strengthRank(l.strength) < strengthRank(best))) best = l.strength;
  return best;
}

export function zonesForSelection(zones: readonly ZoneProps[], selected: readonly string[], sectors: SectorsFile | null): string[] {
  if (selected.length === 0) return [];
  const match = nodeMatcher(selected, sectors);
  return zones.filter((z) => z.links.some(match)).map((z) => z.id);
}

/** The sector a park is drawn in: its strongest link to the selection, else its first designation, else its first linked sector. */
export function primarySector(p: ParkProps, selected: readonly string[] = [], sectors: SectorsFile | null = null): string | null {
  if (selected.length) {
    const match = nodeMatcher(selected, sectors);
    let hit: ParkProps['links'][number] | null = null;
    for (const l of p.links) if (match(l) && (!hit || strengthRank(l.strength) < strengthRank(hit.strength))) hit = l;
    if (hit) return hit.sector;
  }
  return p.designations[0]?.sector ?? p.sectors[0] ?? null;
}

/** Latin letters and digits only, lower case: how typed Latin is compared with names and pinyin (search, its result rows). */
export const compactLatin = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Display label: the name without its parenthetical alias. */
export function shortName(name: string): string {
  return name.replace(/\s*[（(][^（()）]*[)）]\s*$/, '').trim() || name;
}

/** Every filter of the park list and the map. Empty lists and nulls mean "no restriction". */
export interface ParkFilters {
  sectors: readonly string[];
  /** the link strengths the sector filter counts (null: every strength) */
  strengths: readonly LinkStrength[] | null;
  districts: readonly string[];
  zones: readonly string[];
  conf: readonly string[];
  /** why a place is on the map: named by the plan ('plan'), on the city's list ('list'); a park passes with either chosen (absent: no restriction) */
  basis?: readonly string[];
  /** parks within the radius of the chosen point (null: no radius) */
  withinRadius: ReadonlySet<string> | null;
  /** parks inside the drawn area (null: no area) */
  inArea: ReadonlySet<string> | null;
}

export function anyFilter(f: ParkFilters): boolean {
  return f.sectors.length + f.districts.length + f.zones.length + f.conf.length + (f.basis?.length ?? 0) > 0 || f.withinRadius !== null || f.inArea !== null;
}

/** How many filters are on, one per chip the filter bar shows (each sector, district, zone, confidence and basis, the broad areas with a sector, the radius, the area). */
export function filterCount(f: ParkFilters): number {
  const broad = f.sectors.length > 0 && f.strengths === null ? 1 : 0;
  return (
    f.sectors.length + broad + f.districts.length + f.zones.length + f.conf.length + (f.basis?.length ?? 0) + (f.withinRadius ? 1 : 0) + (f.inArea ? 1 : 0)
  );
}

/**
 * The parks every filter lets through (AND across filters, OR within one): sector (top-level or
 * sub-sector link of an allowed strength), district, zone (inside any chosen zone), location
 * confidence, basis (plan / list), radius, drawn area. Input order kept.
 */
export function visibleParks(parks: readonly ParkProps[], f: ParkFilters, sectors: SectorsFile | null): ParkProps[] {
  const bySector = f.sectors.length ? new Set(parksForSelection(parks, f.sectors, sectors, f.strengths)) : null;
  return parks.filter(
    (p) =>
      (!bySector || bySector.has(p.id)) &&
      (!f.districts.length || (p.district !== null && f.districts.includes(p.district))) &&
      (!f.zones.length || p.zones.some((z) => f.zones.includes(z))) &&
      (!f.conf.length || f.conf.includes(p.confidence)) &&
      (!f.basis?.length || p.basis.some((b) => f.basis!.includes(b))) &&
      (!f.withinRadius || f.withinRadius.has(p.id)) &&
      (!f.inArea || f.inArea.has(p.id)),
  );
}

/** Zones to bring forward on the map: the chosen zones, else those designated for the sectors. */
export function emphasisedZones(zones: readonly ZoneProps[], f: ParkFilters, sectors: SectorsFile | null): string[] | null {
  if (f.zones.length) return [...f.zones];
  return f.sectors.length ? zonesForSelection(zones, f.sectors, sectors) : null;
}

/** How the list is sorted: by name, by distance to the chosen point, or by strength for the selected sectors. */
export type SortMode = 'name' | 'distance' | 'strength';

// one collator per language: String.prototype.localeCompare with a locale builds one per call
const collators = new Map<string, Intl.Collator>();
function collatorFor(lang: 'zh' | 'en'): Intl.Collator {
  let c = collators.get(lang);
  if (!c) collators.set(lang, (c = new Intl.Collator(lang === 'zh' ? 'zh-Hans-CN' : 'en')));
  return c;
}

/**
 * Makes the language's collator now, for the list's first sort by name: ICU builds zh's (pinyin)
 * order in about 15 ms here, which main.tsx spends while the map labels' font is still coming.
 */
export function prepareNameOrder(lang: 'zh' | 'en'): void {
  collatorFor(lang);
}

/**
 * Parks sorted by name in the UI language; by distance (km per id; parks without one last, then
 * by name); or by strength for the selected sectors (`selection`: named first, then listed,
 * cluster, broad; parks without a matching link last; ties by name).
 */
export function sortParks(
  parks: readonly ParkProps[],
  mode: SortMode,
  lang: 'zh' | 'en',
  km: ReadonlyMap<string, number> | null,
  selection: { sectors: readonly string[]; file: SectorsFile | null } | null = null,
): ParkProps[] {
  const collator = collatorFor(lang);
  const name = lang === 'zh' ? (p: ParkProps) => zhSortName(p.name_zh) : (p: ParkProps) => p.name_en;
  const byName = (a: ParkProps, b: ParkProps) => collator.compare(name(a), name(b));
  if (mode === 'distance' && km) return [...parks].sort((a, b) => (km.get(a.id) ?? Infinity) - (km.get(b.id) ?? Infinity) || byName(a, b));
  if (mode === 'strength' && selection && selection.sectors.length) {
    const rank = new Map(parks.map((p) => [p.id, parkStrength(p, selection.sectors, selection.file)]));
    const r = (p: ParkProps) => {
      const s = rank.get(p.id);
      return s ? strengthRank(s) : Infinity;
    };
    return [...parks].sort((a, b) => r(a) - r(b) || byName(a, b));
  }
  return [...parks].sort(byName);
}
