/**
 * npm run package: the whole app as ONE self-contained HTML file, package/shanghai-sei-map.html,
 * that opens by double-click (file://) with no server and no network: scripts and styles inlined,
 * the data and the map's fonts embedded, workers made from code in the page
 * (vite.config.ts, mode "package"; build/package-plugins.ts). Prints the file's size.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { finishPackage } from './lib/package-html';

const root = process.cwd();
const tmp = join(root, '.package-build');
const outDir = join(root, 'package');
const PACKAGE_FILE = 'shanghai-sei-map.html';

await build({ mode: 'package', logLevel: 'warn' });
const html = finishPackage(readFileSync(join(tmp, 'index.html'), 'utf8'), (rel) => readFileSync(join(root, 'public', rel)));
mkdirSync(outDir, { recursive: true });
const out = join(outDir, PACKAGE_FILE);
writeFileSync(out, html);
rmSync(tmp, { recursive: true, force: true });
const bytes = Buffer.byteLength(html);
console.log(`package/${PACKAGE_FILE}: ${(bytes / 1024 / 1024).toFixed(1)} MB (${bytes.toLocaleString('en')} bytes), one file, no requests`);
