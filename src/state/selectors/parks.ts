/**
 * The one park-visibility rule: the parks every filter lets through. The park list, the map, the
 * counts, the exports and the find tools all read it from here, so what is seen is what is got.
 */
import type { AppState } from '../store';
import { emphasisedZones, visibleParks } from '../filter';
import type { ParkFilters } from '../filter';
import { memo } from './memo';
import { withinRadius } from '../../geo/nearest';
import { STRONG_STRENGTHS } from '../../domain/ids';
import type { TopSectorId } from '../../domain/ids';

/** Parks within the radius of the chosen point (great-circle km), whatever the other filters; null: no radius. */
export const selectRadiusParks = memo(
  (s) => [s.derived, s.chosenPoint, s.radiusKm] as const,
  ([d, point, km]): ReadonlySet<string> | null => {
    if (!d || !point || km === null) return null;
    const located = [...d.parkCoords].map(([id, coord]) => ({ id, coord }));
    return new Set(withinRadius([point.lng, point.lat], located, km).map((r) => r.id));
  },
);

const areaParks = memo(
  (s) => [s.drawnAreaHits] as const,
  ([hits]): ReadonlySet<string> | null => (hits ? new Set(hits.parks) : null),
);

export const selectFilters = memo(
  (s) => [s.sectorFilter, s.includeBroad, s.districtFilter, s.zoneFilter, s.confFilter, s.basisFilter, selectRadiusParks(s), areaParks(s)] as const,
  ([sectors, includeBroad, districts, zones, conf, basis, withinRadius, inArea]): ParkFilters => ({
    sectors,
    strengths: includeBroad ? null : STRONG_STRENGTHS,
    districts,
    zones,
    conf,
    basis,
    withinRadius,
    inArea,
  }),
);

export const sectorsFileOf = (s: AppState) => (s.geo?.sectors.ok ? s.geo.sectors.data : null);

/** The parks every filter but the radius lets through, in data order: where the nearest parks beyond the radius are found. */
export const selectParksIgnoringRadius = memo(
  (s) => [s.derived, selectFilters(s), sectorsFileOf(s)] as const,
  ([d, f, file]) => (d ? visibleParks(d.parks, { ...f, withinRadius: null }, file) : []),
);

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

/** The top-level sectors the sector filter chooses (a chosen sub-sector counts for its sector): the ones a card leads with. */
export const selectFilteredTopSectors = memo(
  (s) => [s.derived, s.sectorFilter] as const,
  ([d, sectors]): ReadonlySet<TopSectorId> => {
    const tops = new Set<TopSectorId>();
    for (const id of sectors) {
      const top = d?.sectorNodes.get(id)?.top;
      if (top) tops.add(top);
    }
    return tops;
  },
);

/** The sectors whose colour a park's dot can show: with a sector filter on, the top sectors of those chosen (a dot takes the colour of its strongest chosen link); null without one. */
export const selectDotColours = memo(
  (s) => [s.sectorFilter, s.derived] as const,
  ([chosen, d]): ReadonlySet<string> | null => (chosen.length ? new Set(chosen.map((id) => d?.sectorNodes.get(id)?.top ?? id)) : null),
);
