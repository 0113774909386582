/** The statistics view's part of the URL: `view=stats`, its tab and its district profile (see ../codec.ts). */
import type { UrlBinding } from './types';

export const statsBinding: UrlBinding = {
  apply: (state, store) => {
    const s = store.getState();
    s.setStatsTab(state.tab);
    s.setStatsDistrict(state.profile);
    if (state.view === 'stats') s.openStats();
  },
  read: (s) =>
    s.statsOpen
      ? { view: 'stats', tab: s.statsTab, profile: s.statsTab === 'district' ? s.statsDistrict : null }
      : { view: null, tab: 'matrix', profile: null },
};
