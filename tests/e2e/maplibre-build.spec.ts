/**
 * MapLibre as the production build ships it (build/maplibre-source-plugin.ts): built from its
 * sources, its worker a chunk of the app's bundle, the code the map and its worker share in one
 * chunk that a browser downloads once.
 * - from dist/: the page's import graph and the worker's meet in a chunk of MapLibre's shared
 *   code; the worker loads nothing of React or the app; no MapLibre class declares a field
 *   without an initialiser (MapLibre's own build treats those as types: compiled as fields, they
 *   would reset what a base class's constructor set); the rest of the first view's code is one
 *   chunk ('app'), not a dozen small ones;
 * - in Chromium with its HTTP cache on (no request routing, which turns the cache off): the page
 *   and the worker both request the shared chunk, and its body is sent once.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS, startServer } from '../../scripts/lib/browser';

const DIST = 'dist';
const READY = '[data-testid="map"][data-map-ready="true"]';

const read = (file: string) => readFileSync(join(DIST, 'assets', file), 'utf8');

/** Files a chunk imports statically (`import … from"./x.js"`, `import"./x.js"`), transitively. */
function graph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = read(file);
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) visit(m[1]!);
  };
  visit(entry);
  return seen;
}

describe('MapLibre in the production build', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  // index.html runs a start script that imports the app's entry (build/preload-entry-plugin.ts)
  const start = /<script type="module"[^>]*src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  assert.ok(start, 'index.html loads a module script');
  const pageEntry = /^import\("\.\/([^"]+\.js)"\);\n$/.exec(read(start))?.[1];
  assert.ok(pageEntry, `the start script imports the entry: ${read(start)}`);
  const page = graph(pageEntry);
  const workerEntry = [...page].map((f) => /new URL\(\s*[`'"](maplibre-worker-[^`'"]+\.js)[`'"]\s*,\s*import\.meta\.url\s*\)/.exec(read(f))?.[1]).find(Boolean);
  assert.ok(workerEntry, "the page's scripts hand MapLibre a worker chunk of the bundle");
  const worker = graph(workerEntry);
  const shared = [...worker].filter((f) => page.has(f));
  const size = (f: string) => read(f).length;

  test("the page's and the worker's imports meet in one chunk of MapLibre's shared code", () => {
    const big = shared.filter((f) => size(f) > 300_000);
    assert.equal(big.length, 1, `one large shared chunk: ${shared.map((f) => `${f} ${size(f)}`).join(', ')}`);
    // MapLibre's style-spec and tile parsing are in it (both threads use them)
    assert.match(read(big[0]!), /interpolate-hcl/);
    assert.ok(![...worker].some((f) => /^(react|index|app)-/.test(f)), `the worker loads no React or app chunk: ${[...worker].join(', ')}`);
    assert.deepEqual(
      readdirSync(join(DIST, 'assets')).filter((f) => f.startsWith('maplibre-gl')),
      [],
      "the package's prebuilt files are not shipped",
    );
  });

  test("the first view's own code is one chunk beside the entry, React's and MapLibre's (vite.config.ts)", () => {
    const files = [...page].map((f) => f.replace(/-[\w-]{8}\.js$/, ''));
    const others = files.filter((f) => !/^(index|app|react|rolldown-runtime|maplibre~.+)$/.test(f));
    assert.deepEqual(others, [], `the page's static imports: ${[...page].join(', ')}`);
    assert.ok(files.includes('app'), `an app chunk: ${[...page].join(', ')}`);
  });

  test('no MapLibre class declares a field without an initialiser', () => {
    const maplibre = [...new Set([...worker, ...page])].filter((f) => f.startsWith('maplibre'));
    assert.ok(maplibre.length >= 3);
    for (const f of maplibre) {
      const decl = /class [\w$]+(?: extends [\w$.]+)?\{[\w$]+;/.exec(read(f));
      assert.equal(decl, null, `${f}: ${decl?.[0]}`);
    }
  });

  describe('in Chromium with its HTTP cache on', () => {
    let server: PreviewServer;
    let base: string;
    before(async () => {
      ({ server, base } = await startServer());
    });
    after(async () => {
      await server?.close();
    });

    test('the page and the worker request the shared chunk; its body is sent once', async () => {
      assert.ok(CHROMIUM, 'Chromium not found');
      const profile = mkdtempSync(join(tmpdir(), 'e2e-chrome-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        serviceWorkers: 'block',
      });
      try {
        const offOrigin: string[] = [];
        const loads: Promise<number>[] = [];
        const big = shared.find((f) => size(f) > 300_000)!;
        context.on('request', (r) => {
          if (new URL(r.url()).hostname !== '127.0.0.1' && !/^(data|blob):/.test(r.url())) offOrigin.push(r.url());
          if (r.url().endsWith(`/assets/${big}`))
            loads.push(
              r
                .response()
                .then(() => r.sizes())
                .then((s) => s.responseBodySize),
            );
        });
        const tab = context.pages()[0] ?? (await context.newPage());
        await tab.goto(base);
        await tab.locator(READY).first().waitFor({ timeout: 60_000 });
        const bodies = await Promise.all(loads);
        assert.deepEqual(offOrigin, []);
        assert.equal(bodies.length, 2, `requests of ${big}: ${bodies.length}`);
        const sent = bodies.filter((b) => b > 0);
        assert.equal(sent.length, 1, `bodies sent: ${bodies.join(', ')}`);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    });
  });
});
