/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { fontFacesPlugin } from './build/font-faces-plugin.ts';
import { preloadGeoPlugin } from './build/preload-geo-plugin.ts';
import { preloadEntryPlugin } from './build/preload-entry-plugin.ts';
import { geoDigestsPlugin } from './build/geo-digests-plugin.ts';
import { cspPlugin } from './build/csp-plugin.ts';
import { maplibreCssPlugin } from './build/maplibre-css-plugin.ts';
import { maplibreSourcePlugin } from './build/maplibre-source-plugin.ts';
import { PWA_MANIFEST, PWA_WORKBOX } from './build/pwa.ts';
import { PACKAGE_MODE, packagedDataPlugin, inlineWorkersPlugin } from './build/package-plugins.ts';

// `vite build` (dist/): relative URLs, so the app works from any path of any static host, and a
// service worker that keeps it working offline after one visit.
// `vite build --mode package` (npm run package): one self-contained HTML file that opens from
// file:// (scripts inlined, data and fonts embedded, no service worker).
const APP_SRC = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig(({ mode }) => {
  const pack = mode === PACKAGE_MODE;
  return {
    base: './',
    plugins: [
      react(),
      fontFacesPlugin(),
      geoDigestsPlugin(),
      maplibreCssPlugin(),
      packagedDataPlugin(pack),
      // the single file inlines its scripts, so it carries no CSP (a file:// page has no origin to confine it to)
      ...(pack
        ? [inlineWorkersPlugin(), viteSingleFile({ removeViteModuleLoader: true })]
        : [maplibreSourcePlugin(), preloadGeoPlugin(), preloadEntryPlugin(), cspPlugin()]),
      VitePWA({
        // the package has no service worker (file:// cannot register one); its register module is a no-op
        disable: pack,
        registerType: 'prompt',
        injectRegister: false,
        manifest: PWA_MANIFEST,
        workbox: PWA_WORKBOX,
      }),
    ],
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
    build: pack
      ? {
          outDir: '.package-build',
          emptyOutDir: true,
          copyPublicDir: false,
          assetsInlineLimit: () => true,
          chunkSizeWarningLimit: 20000,
          reportCompressedSize: false,
        }
      : {
          chunkSizeWarningLimit: 1600,
          rollupOptions: {
            output: {
              // MapLibre's and React's scripts in chunks of their own: fetched and compiled beside the app's
              // code at start-up, and kept in a browser's cache when only the app changes. MapLibre's
              // by who uses its modules (entriesAware): the page only, its worker only, or both (one
              // chunk, sent once; build/maplibre-source-plugin.ts). The rest of the first view's code is
              // one chunk ('app': every module of src/ the entry imports statically, with what they
              // import): without it, the modules the first view shares with the views loaded later came
              // as 13 small chunks, 18 preloads in all where there are now 6.
              codeSplitting: {
                groups: [
                  { name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@maplibre|@mapbox)[\\/].*\.[cm]?[jt]s$/, entriesAware: true },
                  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
                  { name: 'app', tags: ['$initial'], test: (id: string) => id.startsWith(APP_SRC) },
                ],
              },
            },
          },
        },
    test: {
      testTimeout: 30000,
      // Two environments, two projects: pure logic in Node, React components in jsdom.
      // Browser specs (tests/e2e/*.spec.ts) run under node:test, never here.
      projects: [
        { extends: true, test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.{ts,tsx}'] } },
        {
          extends: true,
          test: { name: 'component', environment: 'jsdom', include: ['tests/component/**/*.test.{ts,tsx}'], setupFiles: ['./tests/setup-component.ts'] },
        },
      ],
    },
  };
});
