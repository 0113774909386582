import type { UrlBinding } from './types';
import { findBinding } from './find';
import { briefingBinding } from './briefing';
import { layersBinding } from './layers';
import { statsBinding } from './stats';

/** In order: the briefing comes last, as a chapter link overrides what the others wrote. */
export const FEATURE_URL_BINDINGS: UrlBinding[] = [findBinding, layersBinding, statsBinding, briefingBinding];
export type { UrlBinding };
