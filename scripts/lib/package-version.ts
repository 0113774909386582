import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The installed version of a package (for provenance in the manifest). */
export function packageVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new Error(`Cannot read the version of ${name}`);
  return pkg.version;
}
