/** The find feature's part of the URL (see ../codec.ts for the params and ../sync.ts for the use). */
import type { UrlBinding } from './types';
import type { AppState } from '../../store';
import type { Origin } from '../../slices/find';
import type { UrlState } from '../types';
import { normalizeSearchText } from '../text';

/** Where a place named in the URL is: the same point search flies to (park, zone label, district label). */
function placeAt(s: AppState, ref: { kind: 'park' | 'zone' | 'district'; id: string }): [number, number] | null {
  const d = s.derived;
  if (!d) return null;
  if (ref.kind === 'park') return d.parkCoords.get(ref.id) ?? null;
  const labels =
    ref.kind === 'zone'
      ? d.zoneLabels.features.filter((f) => f.properties.id === ref.id)
      : d.districtLabels.features.filter((f) => f.properties.name_zh === ref.id);
  return (labels[0]?.geometry.coordinates as [number, number] | undefined) ?? null;
}

function originOf(s: AppState, point: UrlState['point']): Origin | null {
  if (!point) return null;
  if (!('ref' in point)) return { lng: point.lng, lat: point.lat, ref: null };
  const at = placeAt(s, point.ref);
  return at ? { lng: at[0], lat: at[1], ref: point.ref } : null;
}

export const findBinding: UrlBinding = {
  apply: (state, store) => {
    const s = store.getState();
    s.setSearchText(state.q);
    s.setFindFilters({ districts: state.districts, zones: state.zones, conf: state.conf, basis: state.basis });
    s.setCompare(state.compare);
    const origin = originOf(s, state.point);
    s.setChosenPoint(origin);
    if (origin) s.setRadiusKm(state.radiusKm);
    // distance needs the chosen point; strength needs a sector (kept: the list falls back to names)
    if (origin || state.sort !== 'distance') s.setSortBy(state.sort);
    void s.setDrawnArea(state.area);
  },
  read: (s) => ({
    q: normalizeSearchText(s.searchText).text,
    districts: s.districtFilter,
    zones: s.zoneFilter,
    conf: s.confFilter,
    basis: s.basisFilter,
    compare: s.compareParkIds,
    point: s.chosenPoint ? (s.chosenPoint.ref ? { ref: s.chosenPoint.ref } : { lng: s.chosenPoint.lng, lat: s.chosenPoint.lat }) : null,
    radiusKm: s.chosenPoint ? s.radiusKm : null,
    area: s.drawnArea,
    sort: s.sortBy === 'distance' && !s.chosenPoint ? 'name' : s.sortBy,
  }),
};
