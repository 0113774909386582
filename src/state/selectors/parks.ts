/**
 * The one park-visibility rule: the parks every filter lets through. The park list, the map, the
 * counts, the exports and the find tools all read it from here, so what is seen is what is got.
 */
import type { AppState } from '../store';
import { emphasisedZones, visibleParks } from '../filter';
import type { ParkFilters } from '../filter';
import { memo } from './memo';

export const selectFilters = memo(
  (s) => [s.sectorFilter, s.districtFilter, s.zoneFilter, s.confFilter] as const,
  ([sectors, districts, zones, conf]): ParkFilters => ({ sectors, districts, zones, conf }),
);

export const sectorsFileOf = (s: AppState) => (s.geo?.sectors.ok ? s.geo.sectors.data : null);

/** The parks every filter lets through, in data order. */
export const selectVisibleParks = memo(
  (s) => [s.derived, selectFilters(s), sectorsFileOf(s)] as const,
  ([d, f, file]) => (d ? visibleParks(d.parks, f, file) : []),
);

/** Zones the map brings forward: the chosen zones, else those designated for the chosen sectors (null: default look). */
export const selectEmphasisedZones = memo(
  (s) => [s.derived, selectFilters(s), sectorsFileOf(s)] as const,
  ([d, f, file]) => (d ? emphasisedZones(d.zones, f, file) : null),
);
