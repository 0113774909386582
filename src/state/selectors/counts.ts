/**
 * Counts of the filter panels, memoised per store: each follows every other filter through the
 * one visibility rule (src/state/counts.ts), so a number beside an option is what ticking it shows.
 */
import { broadAdds, countWith, emptyReasons, sectorOptionCounts, strengthBreakdown, unplacedSectors } from '../counts';
import type { SectorOptionCount } from '../counts';
import { memo } from './memo';
import { BASES } from '../../domain/ids';
import type { Basis } from '../../domain/ids';
import { sectorsFileOf, selectFilters } from './parks';

/** Sector nodes the plan names no place for (no park and no zone is linked to them). */
export const selectUnplacedSectors = memo(
  (s) => [s.derived, sectorsFileOf(s)] as const,
  ([d, file]) =>
    d
      ? unplacedSectors(
          d.parks,
          d.zones.flatMap((z) => z.links),
          file,
        )
      : new Set<string>(),
);

/** Per sector option: the parks it shows with the other filters, and all of them by strength. */
export const selectSectorOptionCounts = memo(
  (s) => [s.derived, selectFilters(s), sectorsFileOf(s)] as const,
  ([d, f, file]) => (d && file ? sectorOptionCounts(d.parks, f, file) : new Map<string, SectorOptionCount>()),
);

/** The current sector selection by strength, and what including the broad areas adds. */
export const selectSelectionStrengths = memo(
  (s) => [s.derived, selectFilters(s), sectorsFileOf(s)] as const,
  ([d, f, file]) => ({
    byStrength: d ? strengthBreakdown(d.parks, f, file) : null,
    broadAdds: d ? broadAdds(d.parks, f, file) : 0,
  }),
);

/** Per district (name_zh): the parks ticking it would add, with every other filter applied. */
export const selectDistrictCounts = memo(
  (s) => [s.derived, selectFilters(s), sectorsFileOf(s), s.geo] as const,
  ([d, f, file, geo]) => {
    const m = new Map<string, number>();
    if (!d || !geo?.districts.ok) return m;
    for (const x of geo.districts.data.features) m.set(x.properties.name_zh, countWith(d.parks, f, { districts: [x.properties.name_zh] }, file));
    return m;
  },
);

/** Per zone id: the parks ticking it would add, with every other filter applied. */
export const selectZoneCounts = memo(
  (s) => [s.derived, selectFilters(s), sectorsFileOf(s)] as const,
  ([d, f, file]) => {
    const m = new Map<string, number>();
    for (const z of d?.zones ?? []) m.set(z.id, countWith(d!.parks, f, { zones: [z.id] }, file));
    return m;
  },
);

/** Per basis (plan / list): the parks ticking it would add, with every other filter applied. */
export const selectBasisCounts = memo(
  (s) => [s.derived, selectFilters(s), sectorsFileOf(s)] as const,
  ([d, f, file]) => {
    const m = new Map<Basis, number>();
    for (const b of BASES) m.set(b, d ? countWith(d.parks, f, { basis: [b] }, file) : 0);
    return m;
  },
);

/** Why the filters leave no park (empty while some park shows). */
export const selectEmptyReasons = memo(
  (s) => [s.derived, selectFilters(s), sectorsFileOf(s), selectUnplacedSectors(s)] as const,
  ([d, f, file, unplaced]) => (d ? emptyReasons(d.parks, f, file, unplaced) : []),
);
