/** The briefing feature's part of the URL (see url-state.ts for the params and url-sync.ts for the use). */
import type { UrlBinding } from './types';

export const briefingBinding: UrlBinding = {
  apply: () => {},
  read: () => ({}),
};
