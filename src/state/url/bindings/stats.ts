/** The statistics view's part of the URL: `view=stats`, and its tab (see ../codec.ts). */
import type { UrlBinding } from './types';

export const statsBinding: UrlBinding = {
  apply: (state, store) => {
    const s = store.getState();
    s.setStatsTab(state.tab);
    if (state.view === 'stats') s.openStats();
  },
  read: (s) => (s.statsOpen ? { view: 'stats', tab: s.statsTab } : { view: null, tab: 'matrix' }),
};
