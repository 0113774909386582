import type { UrlBinding } from './types';
import { findBinding } from './find';
import { briefingBinding } from './briefing';

export const FEATURE_URL_BINDINGS: UrlBinding[] = [findBinding, briefingBinding];
export type { UrlBinding };
