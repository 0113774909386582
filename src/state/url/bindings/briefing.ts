/** The briefing feature's part of the URL (see ../codec.ts for the params and ../sync.ts for the use). */
import { t } from '../../../i18n';
import type { Lang } from '../../../domain/types';
import type { BriefingRole } from '../../slices/briefing';
import { DEFAULT_URL_STATE } from '../types';
import { formatUrlState } from '../codec';
import type { UrlBinding } from './types';

/** A chapter's deep link (path-relative query): `?tour=N` plus the language, view and embed flags. */
export function chapterLink(n: number, lang: Lang, opts: { view?: 'presenter'; embed?: boolean } = {}): string {
  return formatUrlState({ ...DEFAULT_URL_STATE, tour: n, lang, view: opts.view ?? null, embed: opts.embed ?? false }).search;
}

export const briefingBinding: UrlBinding = {
  apply: (state, store) => {
    const s = store.getState();
    if (!s.briefing) return; // the normal app never loads the script
    const role: BriefingRole = state.embed ? 'embed' : state.view === 'presenter' ? 'presenter' : 'audience';
    const total = s.briefing.chapters.length;
    let index = 0;
    if (state.tour !== null) {
      if (state.tour <= total) index = state.tour - 1;
      else s.addNotice(t(state.lang, 'briefingUnknownTour', { n: state.tour }));
    }
    s.startBriefing(role, index);
  },
  read: (s) => {
    if (!s.briefingActive) return {};
    // a chapter link says everything: its filter, layers and camera come from the script
    return {
      tour: s.briefingIndex + 1,
      view: s.briefingRole === 'presenter' ? 'presenter' : null,
      embed: s.briefingRole === 'embed',
      sectors: [],
      broad: false,
      park: null,
      zone: null,
      camera: null,
      off: [],
    };
  },
};
