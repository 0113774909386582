/**
 * Bench-only build of bench/bare: a bare MapLibre page with the app's style, sources and font,
 * and nothing else (no React, no store, no validation), its MapLibre built as the app's is. Built
 * and previewed by scripts/bench-browser.ts; output in .bench/bare-dist (git-ignored).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { fontFacesPlugin } from '../build/font-faces-plugin.ts';
import { maplibreSourcePlugin } from '../build/maplibre-source-plugin.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./bare'),
  publicDir: here('../public'),
  // MapLibre built as the app builds it (its sources, one chunk shared with its worker)
  plugins: [fontFacesPlugin(), maplibreSourcePlugin()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { outDir: here('../.bench/bare-dist'), emptyOutDir: true, chunkSizeWarningLimit: 1600 },
});
