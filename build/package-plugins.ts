/**
 * The single-file package (`vite build --mode package`, scripts/package.ts): what a page opened
 * from file:// cannot fetch is built into it.
 * - `virtual:packaged-files`: the data files of public/geo as text (null in a normal build, where
 *   they are fetched); src/app/packaged-files.ts answers the app's fetches of them from it.
 * - Workers started as `new Worker(new URL('…', import.meta.url))` become Vite's inline workers
 *   (a blob made from code in the page), since a file:// page may not start a worker from a file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const PACKAGE_MODE = 'package';
const ID = 'virtual:packaged-files';
const GEO_DIR = 'public/geo';

export function packagedDataPlugin(pack: boolean, root = process.cwd()): Plugin {
  return {
    name: 'packaged-files',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null;
      if (!pack) return 'export default null;';
      const dir = join(root, GEO_DIR);
      const files: Record<string, string> = {};
      for (const name of readdirSync(dir).sort()) {
        if (!/\.(json|geojson)$/.test(name)) continue;
        files[`geo/${name}`] = readFileSync(join(dir, name), 'utf8');
        this.addWatchFile(join(dir, name));
      }
      if (!files['geo/manifest.json']) throw new Error(`${GEO_DIR} is empty: run npm run build:data first`);
      return `export default ${JSON.stringify(files)};`;
    },
  };
}

const WORKER_BY_URL = /new Worker\(\s*new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)\s*(?:,\s*(\{[^}]*\})\s*)?\)/g;

/** Rewrites `new Worker(new URL(path, import.meta.url), opts)` to an inline worker import. */
export function inlineWorkerSource(code: string): string | null {
  const imports: string[] = [];
  const out = code.replace(WORKER_BY_URL, (_m, _q: string, path: string) => {
    const name = `__inlineWorker${imports.length}`;
    imports.push(`import ${name} from ${JSON.stringify(`${path}?worker&inline`)};`);
    return `new ${name}()`;
  });
  return imports.length ? `${imports.join('\n')}\n${out}` : null;
}

export function inlineWorkersPlugin(): Plugin {
  return {
    name: 'inline-workers',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('node_modules') || !/\.[cm]?[jt]sx?$/.test(id) || !code.includes('new Worker(')) return null;
      const out = inlineWorkerSource(code);
      return out === null ? null : { code: out, map: null };
    },
  };
}
