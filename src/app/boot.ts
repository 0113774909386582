/**
 * The start-up steps both roots (the map app and the briefing views) share, once the data is in:
 * the store gets the data, the URL read at start-up is applied, a failed file is named, and the
 * store starts writing itself back to the URL.
 */
import { t } from '../i18n';
import { GEO_FILES } from '../loaders/load-geo';
import type { GeoData } from '../loaders/load-geo';
import type { AppStore } from '../state/store';
import { applyUrlState, startUrlSync } from '../state/url/sync';
import type { DecodedUrl } from '../state/url/codec';

/** The errors of the files that failed to load or validate. */
export function failedFiles(geo: GeoData): string[] {
  return (Object.keys(GEO_FILES) as (keyof GeoData)[]).flatMap((k) => {
    const r = geo[k];
    return r.ok ? [] : [r.error];
  });
}

/**
 * Puts the data and the URL into the store, once per data (React's StrictMode runs effects twice
 * in development; main.tsx seeds the store before the first render, and App's effect then finds
 * the data in). A failed file is named in a notice.
 */
export function seedStore(store: AppStore, data: GeoData, url: DecodedUrl): void {
  const s = store.getState();
  if (s.geo === data) return;
  s.setGeo(data);
  if (url.camera && !s.camera) s.setCamera(url.camera);
  applyUrlState(store, url);
  const failed = failedFiles(data);
  if (failed.length) s.addNotice(t(store.getState().lang, 'loadFailed'), failed);
}

/** seedStore, then the store starts writing itself back to the URL; returns the stop function. */
export function bootStore(store: AppStore, data: GeoData, url: DecodedUrl): () => void {
  seedStore(store, data, url);
  return startUrlSync(store);
}
