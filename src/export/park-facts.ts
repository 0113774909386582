/**
 * A park's facts in the shape the card, the comparison and the exports show them: its verdict per
 * sector (the strongest link) and its size. Pure and light (no geometry library), so the first
 * view can carry it.
 */
import type { ParkProps } from '../loaders/schemas';
import type { Link } from '../geo/types';
import { TOP_SECTOR_IDS } from '../domain/ids';
import type { LinkStrength, TopSectorId } from '../domain/ids';
import { strengthRank } from '../geo/strength';

const NONE: ReadonlySet<TopSectorId> = new Set();
/** 0 for a sector that leads, 1 for the others (a sort key). */
export const lead = (sector: TopSectorId, first: ReadonlySet<TopSectorId>): number => (first.has(sector) ? 0 : 1);

/** A place's verdict for one sector: its strongest link to it (the first such link in data order). */
export interface SectorVerdict {
  sector: TopSectorId;
  strength: LinkStrength;
  link: Link;
}

/**
 * One verdict per linked sector, strongest first (named, listed, cluster, broad), then in the
 * plan's sector order: what the place is to each sector, in one line. `first`: sectors that lead
 * whatever their strength (the card puts the sectors the user filters by first).
 */
export function sectorVerdicts(links: readonly Link[], first: ReadonlySet<TopSectorId> = NONE): SectorVerdict[] {
  const best = new Map<TopSectorId, Link>();
  for (const l of links) {
    const had = best.get(l.sector);
    if (!had || strengthRank(l.strength) < strengthRank(had.strength)) best.set(l.sector, l);
  }
  const order = (s: TopSectorId) => TOP_SECTOR_IDS.indexOf(s);
  return [...best]
    .map(([sector, link]) => ({ sector, strength: link.strength, link }))
    .sort((a, b) => lead(a.sector, first) - lead(b.sector, first) || strengthRank(a.strength) - strengthRank(b.strength) || order(a.sector) - order(b.sector));
}

/** A place's size: the list's stated area (the one its footprint is drawn at), else the drawn footprint's, else none. */
export type AreaFact =
  { kind: 'stated'; km2: number; what_zh: string; what_en: string; source: string } | { kind: 'footprint'; km2: number } | { kind: 'none' };

export function areaFact(p: Pick<ParkProps, 'listing' | 'footprint_km2'>): AreaFact {
  const areas = p.listing?.areas ?? [];
  const a = areas.find((x) => x.footprint) ?? areas[0];
  if (a) return { kind: 'stated', km2: a.km2, what_zh: a.what_zh, what_en: a.what_en, source: a.source };
  if (p.footprint_km2 !== null) return { kind: 'footprint', km2: p.footprint_km2 };
  return { kind: 'none' };
}
