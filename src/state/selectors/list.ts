/**
 * The park list's rows, in the list's order: the visible parks (the one visibility rule) sorted by
 * name, by distance to the chosen point, or by strength for the chosen sectors. The list shows
 * them and the export writes them in this order, so the file reads as the list does.
 */
import type { AppState } from '../store';
import { parkStrength, sortParks } from '../filter';
import type { LinkStrength } from '../../domain/ids';
import type { SortMode } from '../filter';
import { memo } from './memo';
import { selectDistanceMap } from './find';
import { selectVisibleParks } from './parks';

/** The km of every visible park from the chosen point (a park chosen as the point is 0 km from it); null without a point. */
export const selectListKm = memo(
  (s) => [selectDistanceMap(s), s.chosenPoint] as const,
  ([km, origin]): ReadonlyMap<string, number> | null => {
    if (!km) return null;
    const self = origin?.ref?.kind === 'park' ? origin.ref.id : null;
    return self && !km.has(self) ? new Map([...km, [self, 0]]) : km;
  },
);

/** How the list is sorted: the choice, where it can apply (distance needs a point, strength a sector), else by name. */
export function selectListMode(s: AppState): SortMode {
  if (s.sortBy === 'distance' && selectListKm(s) !== null) return 'distance';
  if (s.sortBy === 'strength' && s.sectorFilter.length > 0) return 'strength';
  return 'name';
}

export const selectListedParks = memo(
  (s) => [selectVisibleParks(s), selectListMode(s), s.lang, selectListKm(s), s.sectorFilter, s.geo] as const,
  ([visible, mode, lang, km, sectors, geo]) => sortParks(visible, mode, lang, km, { sectors, file: geo?.sectors.ok ? geo.sectors.data : null }),
);

/**
 * Each visible park's strength for the chosen sectors (its strongest link to them, as the strength
 * sort ranks it), which the list shows beside its name; null while no sector is chosen.
 */
export const selectListStrength = memo(
  (s) => [selectVisibleParks(s), s.sectorFilter, s.geo] as const,
  ([visible, sectors, geo]): ReadonlyMap<string, LinkStrength> | null => {
    if (sectors.length === 0) return null;
    const file = geo?.sectors.ok ? geo.sectors.data : null;
    const out = new Map<string, LinkStrength>();
    for (const p of visible) {
      const st = parkStrength(p, sectors, file);
      if (st) out.set(p.id, st);
    }
    return out;
  },
);
