/** The find feature's part of the URL (see ../codec.ts for the params and ../sync.ts for the use). */
import type { UrlBinding } from './types';
import { normalizeSearchText } from '../text';

export const findBinding: UrlBinding = {
  apply: (state, store) => {
    const s = store.getState();
    s.setQuery(state.q);
    s.setFindFilters({ districts: state.districts, zones: state.zones, conf: state.conf });
  },
  read: (s) => ({
    q: normalizeSearchText(s.query).text,
    districts: s.districtFilter,
    zones: s.zoneFilter,
    conf: s.confFilter,
  }),
};
