/**
 * Adds `<link rel="preload" as="fetch">` for every start-up data file (src/loaders/geo-files.ts)
 * to index.html, so the browser downloads them while it is still fetching and compiling the
 * JavaScript. The app's own fetch() (same URL, CORS mode, same-origin credentials) then takes
 * the preloaded response instead of starting a request of its own.
 */
import type { Plugin } from 'vite';
import { GEO_FILES } from '../src/loaders/geo-files.ts';

export function preloadGeoPlugin(): Plugin {
  let base = '/';
  return {
    name: 'preload-geo',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml() {
      return Object.values(GEO_FILES).map((name) => ({
        tag: 'link',
        attrs: { rel: 'preload', href: `${base}geo/${name}`, as: 'fetch', crossorigin: 'anonymous' },
        injectTo: 'head' as const,
      }));
    },
  };
}
