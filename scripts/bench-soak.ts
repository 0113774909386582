/**
 * npx tsx scripts/bench-soak.ts   (also run by `npm run bench`, last)
 *
 * A long session in the real app (production build, Debian's Chromium, SwiftShader, offline
 * guard), to find leaks rather than speed:
 *   map page   200 sector/district filter changes, then 5 × (import 100,000 sites, remove them);
 *   tour page  100 chapter steps (→ and ←) in the audience view, back to chapter 1.
 * Before and after each, it forces a garbage collection (DevTools HeapProfiler.collectGarbage)
 * and prints the JS heap in use (Runtime.getHeapUsage) and MapLibre's counts of sources, layers
 * and event listeners (window.__map). The goals: the heap ends within 20 MB of where it started,
 * and the counts return to their start values (imports add a source and layers while they are on
 * the map; removing them must take them away).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { Page } from 'playwright-core';
import { mulberry32 } from '../src/lib/mulberry32';
import { CHROMIUM, openSession } from './lib/browser';
import { isMain } from './link';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.bench', 'soak-dist');
const HEAP_GOAL_MB = 20;
const FILTER_CHANGES = 200;
const CHAPTER_STEPS = 100;
const IMPORTS = 5;
const SITES = 100_000;

interface Counts {
  sources: number;
  layers: number;
  listeners: number;
}
interface Snapshot extends Counts {
  heapMB: number;
}

interface MapHook {
  __map?: {
    getStyle(): { sources: Record<string, unknown>; layers: unknown[] };
    _listeners?: Record<string, unknown[]>;
    _oneTimeListeners?: Record<string, unknown[]>;
    once(t: 'idle', fn: () => void): void;
    triggerRepaint(): void;
  };
}

async function snapshot(page: Page): Promise<Snapshot> {
  const cdp = await page.context().newCDPSession(page);
  // twice: objects freed by finalisers of the first pass go in the second
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  const counts = await page.evaluate((): Counts => {
    const m = (window as unknown as MapHook).__map;
    if (!m) return { sources: -1, layers: -1, listeners: -1 };
    const style = m.getStyle();
    const n = (o: Record<string, unknown[]> | undefined) => Object.values(o ?? {}).reduce((k, xs) => k + xs.length, 0);
    return { sources: Object.keys(style.sources).length, layers: style.layers.length, listeners: n(m._listeners) + n(m._oneTimeListeners) };
  });
  return { heapMB: heap.usedSize / 1024 / 1024, ...counts };
}

const mapIdle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) => {
        const m = (window as unknown as MapHook).__map!;
        m.once('idle', () => done());
        m.triggerRepaint();
      }),
  );

const frames = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

async function ready(page: Page, url: string, sitesPanel = true): Promise<void> {
  await page.goto(url);
  await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 120_000 });
  // the page's idle work (the sites' warm-up adds a source, layers and a listener for a moment) is
  // done; a tour's audience view has no sites panel and does no warm-up
  if (sitesPanel) await page.locator('[data-testid="map"][data-sites-warm="done"]').waitFor({ timeout: 120_000 });
}

function sitesFile(dir: string, k: number): string {
  const rnd = mulberry32(1000 + k);
  const rows = ['id,lon,lat'];
  for (let i = 0; i < SITES; i++) rows.push(`S${k}-${i},${(121.2 + rnd() * 0.6).toFixed(5)},${(30.95 + rnd() * 0.4).toFixed(5)}`);
  const file = join(dir, `soak-${k + 1}.csv`);
  writeFileSync(file, rows.join('\n'));
  return file;
}

const fmt = (s: Snapshot) => [s.heapMB.toFixed(1), String(s.sources), String(s.layers), String(s.listeners)];

function report(name: string, start: Snapshot, end: Snapshot, during?: Snapshot): boolean {
  const rows: [string, Snapshot][] = [['start', start], ...(during ? ([['with sites', during]] as [string, Snapshot][]) : []), ['end', end]];
  const head = ['', 'heap MB', 'sources', 'layers', 'listeners'];
  const cells = rows.map(([label, s]) => [label, ...fmt(s)]);
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  console.log(`  ${name}`);
  console.log('    ' + head.map((h, i) => (i ? h.padStart(w[i]!) : h.padEnd(w[i]!))).join('  '));
  for (const c of cells) console.log('    ' + c.map((x, i) => (i ? x.padStart(w[i]!) : x.padEnd(w[i]!))).join('  '));
  const heapOk = end.heapMB - start.heapMB <= HEAP_GOAL_MB;
  const countsOk = end.sources === start.sources && end.layers === start.layers && end.listeners === start.listeners;
  console.log(
    `    heap ${end.heapMB - start.heapMB >= 0 ? '+' : ''}${(end.heapMB - start.heapMB).toFixed(1)} MB (goal ≤ +${HEAP_GOAL_MB} MB) ${heapOk ? 'ok' : 'ABOVE GOAL'}; counts ${countsOk ? 'back to their start values' : 'DIFFER from the start'}`,
  );
  return heapOk && countsOk;
}

export async function benchSoak(): Promise<boolean> {
  if (!CHROMIUM) {
    console.log('soak: Chromium not found (apt-get install chromium); skipped');
    return true;
  }
  console.log('');
  console.log('Soak (scripts/bench-soak.ts): a long session, heap after GC and MapLibre counts at start and end');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
  const server = await preview({ root: ROOT, logLevel: 'silent', build: { outDir: OUT }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('vite preview did not report a URL');
  const tmp = mkdtempSync(join(tmpdir(), 'soak-'));
  const s = await openSession(base, { viewport: { width: 1280, height: 800 } });
  let ok = true;
  try {
    const page = s.page;
    // ---- the map page: filters, then imports
    await ready(page, base);
    await mapIdle(page);
    const start = await snapshot(page);
    const sectors = ['ic', 'biomed', 'ai', 'digital'];
    const t0 = Date.now();
    // the district list renders its options once opened, as a person opens it to tick one
    await page.locator('.find-filters details summary').first().click();
    for (let i = 0; i < FILTER_CHANGES; i++) {
      if (i % 5 === 4)
        await page
          .locator('input[data-district]')
          .nth(i % 16)
          .click({ force: true });
      else await page.locator(`input[data-sector="${sectors[i % sectors.length]}"]`).click();
      await frames(page);
    }
    await mapIdle(page);
    const afterFilters = await snapshot(page);
    console.log(`  ${FILTER_CHANGES} filter changes in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const files = Array.from({ length: IMPORTS }, (_, k) => sitesFile(tmp, k));
    let during: Snapshot | undefined;
    const t1 = Date.now();
    for (const [k, file] of files.entries()) {
      await page.setInputFiles('[data-testid="sites-file"]', file);
      await page.locator('.sites-status[data-phase="done"]').waitFor({ timeout: 180_000 });
      await page.locator('[data-testid="sites-sets"] > li').first().waitFor();
      await mapIdle(page);
      if (k === 0) during = await snapshot(page);
      await page.locator('[data-testid="sites-sets"] > li [data-testid="site-set-remove"]').first().click();
      await page.locator('[data-testid="sites-sets"]').waitFor({ state: 'detached' });
      await mapIdle(page);
    }
    console.log(`  ${IMPORTS} × import ${SITES.toLocaleString('en-US')} sites and remove them in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    const end = await snapshot(page);
    ok = report('map page: after filters', start, afterFilters) && ok;
    ok = report(`map page: after ${IMPORTS} imports removed`, start, end, during) && ok;

    // ---- the tour
    await ready(page, `${base}?tour=1`, false);
    await mapIdle(page);
    const tourStart = await snapshot(page);
    const t2 = Date.now();
    for (let i = 0; i < CHAPTER_STEPS; i++) {
      await page.keyboard.press(i % 20 < 10 ? 'ArrowRight' : 'ArrowLeft');
      await frames(page);
    }
    await page.keyboard.press('Home');
    await mapIdle(page);
    const tourEnd = await snapshot(page);
    console.log(`  ${CHAPTER_STEPS} chapter steps in ${((Date.now() - t2) / 1000).toFixed(1)} s`);
    ok = report('tour (audience view)', tourStart, tourEnd) && ok;
    if (s.offOrigin.length) console.log(`  off-origin requests aborted: ${s.offOrigin.length}`);
    if (s.errors.length) console.log(`  page errors: ${s.errors.slice(0, 5).join(' | ')}`);
  } finally {
    await s.close();
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
    if (!process.env.BENCH_KEEP) rmSync(OUT, { recursive: true, force: true });
  }
  return ok;
}

if (isMain(import.meta.url)) {
  const ok = await benchSoak();
  process.exitCode = ok ? 0 : 1;
}
