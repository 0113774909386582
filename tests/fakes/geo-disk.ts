/**
 * Test helpers that serve the real public/geo files from disk: a fetcher for loadGeoData,
 * a fetch stand-in (with per-file failures) and the loaded GeoData itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGeoData } from '../../src/loaders/load-geo';
import type { GeoData } from '../../src/loaders/load-geo';
import { beforeAll } from 'vitest';
import { createAppStore } from '../../src/state/store';
import type { AppStore } from '../../src/state/store';
import { deepFreeze } from '../helpers/deep-freeze';

// (path-based: under jsdom, `new URL(…, import.meta.url)` is not a file: URL)
export const GEO_DIR = `${resolve(dirname(fileURLToPath(import.meta.url)), '../../public/geo')}/`;

export interface FakeResponse {
  ok: boolean;
  status: number;
  text(): Promise<string>;
}

/** Reads one file of public/geo and parses it. */
export function readGeoJson<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(`${GEO_DIR}${name}`, 'utf8')) as T;
}

/**
 * A fetch stand-in: `<anything>/geo/<name>` → public/geo/<name>. `fail` maps a file name to
 * the HTTP status to answer with instead. Records every requested URL in `requested`.
 */
export function diskFetcher(fail: Record<string, number> = {}) {
  const requested: string[] = [];
  const fetcher = async (input: unknown): Promise<FakeResponse> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : String((input as { url?: string }).url ?? input);
    requested.push(url);
    const name = url.replace(/[?#].*$/, '').split('/geo/')[1] ?? '';
    const status = fail[name];
    if (status !== undefined) return { ok: false, status, text: async () => 'failed' };
    const path = `${GEO_DIR}${name}`;
    if (!name || name.includes('..') || !existsSync(path)) return { ok: false, status: 404, text: async () => 'not found' };
    const body = readFileSync(path, 'utf8');
    return { ok: true, status: 200, text: async () => body };
  };
  return Object.assign(fetcher, { requested });
}

let cached: Promise<GeoData> | null = null;

/**
 * The real data, loaded and validated the way the app does it. Loaded once per test file and
 * shared, so it is deep-frozen: code under test that writes to it throws instead of changing
 * what the next test sees.
 */
export function loadRealGeo(): Promise<GeoData> {
  cached ??= loadGeoData('/', diskFetcher()).then(deepFreeze);
  return cached;
}

/**
 * For a test file: loads the real data once (beforeAll) and makes fresh stores holding it.
 * `geo()` is the loaded, deep-frozen data (after beforeAll has run).
 */
export function realGeoFixture(): { geo(): GeoData; store(): AppStore } {
  let geo: GeoData | null = null;
  beforeAll(async () => {
    geo = await loadRealGeo();
  });
  const loaded = () => {
    if (!geo) throw new Error('realGeoFixture: the data is read in beforeAll; use it inside tests');
    return geo;
  };
  return {
    geo: loaded,
    store() {
      const store = createAppStore();
      store.getState().setGeo(loaded());
      return store;
    },
  };
}
