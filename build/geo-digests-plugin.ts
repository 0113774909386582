/**
 * `virtual:geo-digests`: the SHA-256 of each start-up data file (src/loaders/geo-files.ts) as the
 * build found it in public/geo, which `npm run build:data` wrote after validating it with the
 * schema the app loads it with (src/loaders/schemas.ts). The app (src/loaders/load-geo.ts) takes
 * a fetched file whose bytes have that digest as the data the build validated, and validates any
 * other file with the schema. A file missing here has no digest: it is always validated.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { GEO_FILES } from '../src/loaders/geo-files.ts';

const ID = 'virtual:geo-digests';
const GEO_DIR = 'public/geo';

/** name → SHA-256 (lower-case hex) of public/geo/<name>, for each start-up file that exists. */
export function geoDigests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.values(GEO_FILES)) {
    const path = join(dir, name);
    if (existsSync(path)) out[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

export function geoDigestsPlugin(root = process.cwd()): Plugin {
  return {
    name: 'geo-digests',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null;
      const dir = join(root, GEO_DIR);
      for (const name of Object.values(GEO_FILES)) this.addWatchFile(join(dir, name));
      return `export const GEO_DIGESTS = ${JSON.stringify(geoDigests(dir))};`;
    },
  };
}
