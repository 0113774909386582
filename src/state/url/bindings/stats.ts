/** The statistics view's part of the URL: `view=stats`, its tab and its district profile (see ../codec.ts). */
import type { UrlBinding } from './types';

export const statsBinding: UrlBinding = {
  apply: (state, store) => {
    const s = store.getState();
    s.setStatsTab(state.tab);
    s.setStatsDistrict(state.profile);
    if (state.view === 'stats') s.openStats();
    // a link to the view frames what it shows in the map above it: the profile's district, else
    // the city; not when it places the camera itself or opens a park's or a zone's card
    if (state.view === 'stats' && !state.camera && !state.park && !state.zone)
      if (!(state.tab === 'district' && state.profile && s.requestDistrict(state.profile))) s.requestCity();
  },
  read: (s) =>
    s.statsOpen
      ? { view: 'stats', tab: s.statsTab, profile: s.statsTab === 'district' ? s.statsDistrict : null }
      : { view: null, tab: 'matrix', profile: null },
};
