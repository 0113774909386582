/**
 * MapLibre built from its TypeScript sources (shipped in the npm package under src/) in the same
 * bundle as the app, its worker an emitted chunk of that bundle: the code the map and its worker
 * share (the style spec, expressions, geometry, tile parsing, …) is one chunk, sent once, where
 * the package's two prebuilt files (dist/maplibre-gl.mjs and dist/maplibre-gl-worker.mjs) each
 * carry a copy of it.
 *
 * - `maplibre-gl` resolves to `maplibre-gl/src/index.ts`;
 * - `maplibre-gl/dist/maplibre-gl-worker.mjs?url` (what src/map/maplibre-setup.ts hands to
 *   `setWorkerUrl`) becomes the URL of an emitted chunk built from `src/source/worker.ts`, started
 *   by MapLibre as a module worker that imports the shared chunk;
 * - MapLibre's sources compile as its own build compiles them: class fields without an initialiser
 *   are type declarations, not fields (`useDefineForClassFields: false`), so a subclass's
 *   declaration never resets what its base constructor set.
 *
 * Production builds only (`vite build`, the app and the bench's bare page alike). The dev server
 * and the single-file package keep the prebuilt files: the package inlines its workers into one
 * HTML file, where a worker cannot import a chunk.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { transformWithOxc, type Plugin } from 'vite';

const WORKER_URL_ID = 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
const VIRTUAL_WORKER_URL = '\0maplibre-worker-url';

function maplibreRoot(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('maplibre-gl/package.json'));
}

export function maplibreSourcePlugin(): Plugin {
  const root = maplibreRoot();
  const src = join(root, 'src');
  const entry = join(src, 'index.ts');
  const worker = join(src, 'source', 'worker.ts');
  return {
    name: 'maplibre-source',
    apply: 'build',
    enforce: 'pre',
    resolveId(id) {
      if (id === 'maplibre-gl') return entry;
      if (id === WORKER_URL_ID) return VIRTUAL_WORKER_URL;
      return null;
    },
    load(id) {
      if (id !== VIRTUAL_WORKER_URL) return null;
      const ref = this.emitFile({ type: 'chunk', id: worker, name: 'maplibre-worker' });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    async transform(code, id) {
      if (!id.startsWith(src) || !id.endsWith('.ts')) return null;
      const out = await transformWithOxc(code, id, {
        lang: 'ts',
        sourcemap: true,
        typescript: { removeClassFieldsWithoutInitializer: true },
        assumptions: { setPublicClassFields: true },
      });
      return { code: out.code, map: out.map };
    },
  };
}
