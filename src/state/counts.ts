/**
 * Counts that follow every filter (pure): how many parks each sector option, district or zone
 * would show with the other filters as they are, how many of them hold by each link strength,
 * how many the broad areas would add, and why a choice leaves no park. All of it goes through
 * the one visibility rule (`visibleParks`), so a count is what ticking the option shows.
 */
import type { ParkProps, SectorsFile } from '../loaders/schemas';
import { STRONG_STRENGTHS } from '../domain/ids';
import type { LinkStrength } from '../domain/ids';
import { strengthRank } from '../geo/strength';
import { parkStrength, topSectors, visibleParks } from './filter';
import type { ParkFilters } from './filter';

export type StrengthCounts = Record<LinkStrength, number>;

export const zeroStrengths = (): StrengthCounts => ({ named: 0, listed: 0, cluster: 0, broad: 0 });

/** How many parks the filters show with `patch` applied (the other filters as they are). */
export function countWith(parks: readonly ParkProps[], f: ParkFilters, patch: Partial<ParkFilters>, sectors: SectorsFile | null): number {
  return visibleParks(parks, { ...f, ...patch }, sectors).length;
}

/**
 * For a sector selection: the parks the other filters let through, by their strength for the
 * selection (their strongest matching link, whatever strengths the filter allows), so the strong
 * ones and what the broad areas add can be told apart.
 */
export function strengthBreakdown(
  parks: readonly ParkProps[],
  f: ParkFilters,
  sectors: SectorsFile | null,
  selection: readonly string[] = f.sectors,
): StrengthCounts {
  const out = zeroStrengths();
  if (selection.length === 0) return out;
  for (const p of visibleParks(parks, { ...f, sectors: selection, strengths: null }, sectors)) {
    const s = parkStrength(p, selection, sectors);
    if (s) out[s]++;
  }
  return out;
}

/** One sector option's counts: the parks ticking it alone would show, and all of them by strength. */
export interface SectorOptionCount {
  shown: number;
  byStrength: StrengthCounts;
}

/**
 * For every sector option (each top-level sector and sub-sector of the file), what ticking it
 * alone would show with the other filters as they are: the same answer as
 * `countWith(parks, f, { sectors: [id] })` and `strengthBreakdown(parks, f, sectors, [id])` per
 * option, in one pass over the parks the other filters let through.
 */
export function sectorOptionCounts(parks: readonly ParkProps[], f: ParkFilters, sectors: SectorsFile | null): Map<string, SectorOptionCount> {
  const out = new Map<string, SectorOptionCount>();
  if (!sectors) return out;
  for (const s of sectors.sectors) for (const id of [s.id, ...s.children.map((c) => c.id)]) out.set(id, { shown: 0, byStrength: zeroStrengths() });
  const tops = topSectors(sectors);
  const allowed = f.strengths;
  // per park: the options its links match, each with its strongest matching link and whether a link of an allowed strength matches
  const best = new Map<string, LinkStrength | undefined>();
  const passes = new Set<string>();
  for (const p of visibleParks(parks, { ...f, sectors: [] }, sectors)) {
    best.clear();
    passes.clear();
    for (const l of p.links) {
      // a top-level option matches a link of its sector; a sub-sector option, a link to its node
      const ids = [tops.has(l.sector) ? l.sector : null, tops.has(l.node) ? null : l.node];
      for (const id of ids) {
        if (id === null || !out.has(id)) continue;
        if (!best.has(id) || strengthRank(l.strength) < strengthRank(best.get(id)!)) best.set(id, l.strength);
        if (!allowed || !l.strength || allowed.includes(l.strength)) passes.add(id);
      }
    }
    for (const [id, s] of best) {
      const c = out.get(id)!;
      if (passes.has(id)) c.shown++;
      if (s) c.byStrength[s]++;
    }
  }
  return out;
}

/** What the "include broad areas" switch adds to the current selection (0 without a sector). */
export function broadAdds(parks: readonly ParkProps[], f: ParkFilters, sectors: SectorsFile | null): number {
  if (f.sectors.length === 0) return 0;
  return countWith(parks, f, { strengths: null }, sectors) - countWith(parks, f, { strengths: STRONG_STRENGTHS }, sectors);
}

/** Sector nodes (top-level or sub-sector) no park and no zone of the data is linked to. */
export function unplacedSectors(parks: readonly ParkProps[], zoneLinks: readonly { sector: string; node: string }[], sectors: SectorsFile | null): Set<string> {
  const used = new Set<string>();
  for (const l of zoneLinks) used.add(l.sector).add(l.node);
  for (const p of parks) for (const l of p.links) used.add(l.sector).add(l.node);
  const out = new Set<string>();
  for (const s of sectors?.sectors ?? []) for (const id of [s.id, ...s.children.map((c) => c.id)]) if (!used.has(id)) out.add(id);
  return out;
}

/** One reason a choice leaves no park. */
export type EmptyReason =
  /** the plan names no place for these sectors: no park or zone is linked to them */
  | { kind: 'unplaced'; sectors: string[] }
  /** dropping this filter (the others kept) would show `n` parks */
  | { kind: 'without'; filter: 'sectors' | 'districts' | 'zones' | 'conf' | 'basis' | 'radius' | 'area'; n: number }
  /** including the broad areas would show `n` parks */
  | { kind: 'broad'; n: number };

type FilterKey = (EmptyReason & { kind: 'without' })['filter'];

const FILTER_PATCH: Record<FilterKey, Partial<ParkFilters>> = {
  sectors: { sectors: [] },
  districts: { districts: [] },
  zones: { zones: [] },
  conf: { conf: [] },
  basis: { basis: [] },
  radius: { withinRadius: null },
  area: { inArea: null },
};

const isOn = (f: ParkFilters, k: FilterKey): boolean => (k === 'radius' ? f.withinRadius !== null : k === 'area' ? f.inArea !== null : (f[k] ?? []).length > 0);

/**
 * Why the filters leave no park (empty when some park shows): sectors the plan names no place
 * for; otherwise which single filter, dropped, would show parks, and whether the broad areas would.
 */
export function emptyReasons(parks: readonly ParkProps[], f: ParkFilters, sectors: SectorsFile | null, unplaced: ReadonlySet<string>): EmptyReason[] {
  if (visibleParks(parks, f, sectors).length > 0) return [];
  const out: EmptyReason[] = [];
  const none = f.sectors.filter((s) => unplaced.has(s));
  if (none.length) out.push({ kind: 'unplaced', sectors: none });
  if (none.length === f.sectors.length && none.length > 0) return out;
  if (f.strengths && f.sectors.length) {
    const n = countWith(parks, f, { strengths: null }, sectors);
    if (n > 0) out.push({ kind: 'broad', n });
  }
  for (const k of Object.keys(FILTER_PATCH) as FilterKey[]) {
    if (!isOn(f, k)) continue;
    const n = countWith(parks, f, FILTER_PATCH[k], sectors);
    if (n > 0) out.push({ kind: 'without', filter: k, n });
  }
  return out;
}
