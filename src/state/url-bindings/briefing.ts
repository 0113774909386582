/** The briefing feature's part of the URL (see url-state.ts for the params and url-sync.ts for the use). */
import { t } from '../../i18n';
import type { BriefingRole } from '../slices/briefing';
import type { UrlBinding } from './types';

export type Layout = 'app' | BriefingRole;

/**
 * Which layout a URL asks for, from the raw query (before any data has loaded): `embed=1` →
 * embed, `view=presenter` → presenter view, `view=audience` or any `tour` → audience; else the app.
 */
export function layoutFromSearch(search: string): Layout {
  const q = new URLSearchParams(search);
  if (q.get('embed') === '1') return 'embed';
  if (q.get('view') === 'presenter') return 'presenter';
  if (q.get('view') === 'audience' || q.has('tour')) return 'audience';
  return 'app';
}

/** A chapter's deep link (path-relative query): `?tour=N` plus the language, view and embed flags. */
export function chapterLink(n: number, lang: 'zh' | 'en', opts: { view?: 'presenter'; embed?: boolean } = {}): string {
  const parts = [`tour=${n}`];
  if (opts.view) parts.push(`view=${opts.view}`);
  if (opts.embed) parts.push('embed=1');
  if (lang !== 'zh') parts.push(`lang=${lang}`);
  return `?${parts.join('&')}`;
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
      park: null,
      zone: null,
      camera: null,
    };
  },
};
