/**
 * npx tsx scripts/bench-browser.ts   (also run by `npm run bench`, after the linking bench)
 *
 * Browser figures for the real app, in one run, through the e2e harness (Debian's Chromium,
 * SwiftShader WebGL, offline guard):
 *   1. navigation → map ready, median of N fresh pages: the app (its production build) against a
 *      bare MapLibre page with the same style, sources and data (bench/bare), app/bare ratio; and,
 *      to split the gap, the app's build with nothing but its map painted (its panels rendered
 *      and laid out, but hidden: `unpaintedPanels`), so what drawing the panels costs shows
 *      apart, and the bare page holding its first frame as the app does (?hold=1,
 *      src/map/first-frame.ts), so what that hold gains shows apart from what the app costs; then, from 3 traced loads of the app and the bare page, the main thread's own time
 *      per kind (script, style and layout, GC, …, idle) until the map is created
 *      (scripts/lib/trace-breakdown.ts), the window's frames, and the WebGL calls until ready
 *      that waited for the GPU process (scripts/lib/gl-waits.ts);
 *   2. sector filter click → next `idle` of the map, median of N toggles;
 *   3. bytes of the first view (every response until ready), gzip computed here, fonts apart.
 * Both builds are made here with Vite's build() into .bench/ (git-ignored, removed afterwards
 * unless BENCH_KEEP=1) and served with Vite's preview on free loopback ports (the app's twice: the
 * diagnostic page is its second server). Service workers are blocked: every load of each page
 * comes from the server with the HTTP cache off (before
 * 2026-12-03 the app's loads after the first were served by its own service worker, the bare
 * page's by the server).
 *
 * Ready = data-map-ready="true" on [data-testid="map"] (the first `idle` after the data is set),
 * timed in-page: an init script's MutationObserver stores performance.now() when the attribute
 * flips, so the figure is ms since the navigation's time origin.
 */
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { CHROMIUM, openSession } from './lib/browser';
import { KINDS, displayFrames, mainThreadBreakdown } from './lib/trace-breakdown';
import type { FrameSpan } from './lib/trace-breakdown';
import { browserCpu, cpuDelta } from './lib/proc-cpu';
import { GL_LINK_CALL, GL_WAIT_CALLS, summariseGlWaits } from './lib/gl-waits';
import type { GlCall, GlWaits } from './lib/gl-waits';
import { ratioInterval } from './lib/ratio-interval';
import type { RatioInterval } from './lib/ratio-interval';
import type { Kind, TraceEvent } from './lib/trace-breakdown';
import { isMain } from './link';
import { LABEL_PACK_EXT } from '../build/font-faces-plugin';
import { median } from './lib/median';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.bench');
const APP_OUT = join(OUT, 'app-dist');
const BARE_CONFIG = join(ROOT, 'bench', 'vite.bare.config.ts');
const BARE_OUT = join(OUT, 'bare-dist');

/** Start-up targets: ready ≤ 1.05× the bare MapLibre page (median of 11, interleaved); first view ≤ 600 KB gzip without fonts. */
const TARGET_RATIO = 1.05;
const TARGET_FIRST_VIEW_KB = 600;
const READY_TIMEOUT_MS = 60_000;
const IDLE_TIMEOUT_MS = 15_000;

// ---------------------------------------------------------------------------------- helpers

const fmtMs = (ms: number) => (Number.isNaN(ms) ? '-' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const fmtKB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export interface Stats {
  median: number;
  min: number;
  max: number;
  values: number[];
}
const stats = (values: number[]): Stats => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), values });

function table(head: string[], rows: string[][], leftCols = 1): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i < leftCols ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  return [line(head), '  ' + w.map((x) => '-'.repeat(x)).join('  '), ...rows.map(line)].join('\n');
}

async function startPreview(configFile: string | false, outDir: string): Promise<{ server: PreviewServer; base: string }> {
  const server = await preview({
    configFile,
    root: ROOT,
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error(`vite preview of ${outDir} did not report a URL`);
  return { server, base };
}

// ---------------------------------------------------------------------------------- in-page probes

interface ProbeWindow {
  __ready?: Promise<number>;
  __readyAt?: number;
  __glCalls?: GlCall[];
  __map?: {
    once(type: 'idle', fn: () => void): unknown;
    loaded(): boolean;
    getCanvas(): HTMLCanvasElement;
  };
}

/**
 * Runs before any page script: a MutationObserver that stamps performance.now() the moment
 * data-map-ready becomes "true", and a promise the bench awaits.
 */
function readyProbe(): void {
  const w = window as unknown as ProbeWindow;
  w.__ready = new Promise<number>((resolveReady) => {
    new MutationObserver((records, observer) => {
      for (const r of records) {
        const el = r.target as Element;
        if (el.getAttribute('data-testid') === 'map' && el.getAttribute('data-map-ready') === 'true') {
          w.__readyAt = performance.now();
          observer.disconnect();
          resolveReady(w.__readyAt);
          return;
        }
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-ready'] });
  });
}

/**
 * The traced loads' init script: until the map is ready (readyProbe's stamp), times the WebGL
 * calls named in `calls` (those that wait for the GPU process's answer, scripts/lib/gl-waits.ts)
 * and notes each program linked (`link`).
 */
function glWaitProbe({ calls, link }: { calls: readonly string[]; link: string }): void {
  const w = window as unknown as ProbeWindow;
  const seen: GlCall[] = (w.__glCalls = []);
  if (typeof WebGL2RenderingContext !== 'function') return;
  const proto = WebGL2RenderingContext.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of [...calls, link]) {
    const call = proto[name];
    if (typeof call !== 'function') continue;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      const t = performance.now();
      try {
        return call.apply(this, args);
      } finally {
        if (w.__readyAt === undefined) seen.push({ name, ms: performance.now() - t });
      }
    };
  }
}

/**
 * The diagnostic page's init script: on the port that serves it (a second server of the app's
 * build), an adopted style sheet hides everything in #root but the map before any page script
 * runs. React renders and the browser lays out as in the app; only the panels' drawing (their
 * raster, and their share of every frame the window composites) is left out.
 */
function unpaintedPanels(port: string): void {
  if (location.port !== port) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('#root * { visibility: hidden } #root [data-testid="map"], #root [data-testid="map"] * { visibility: visible }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

interface LoadResult {
  ready: number;
  /** domContentLoadedEventEnd, ms since the time origin */
  dcl: number;
  /** the last /geo/ response end, ms since the time origin */
  geo: number;
  mapSize: { width: number; height: number };
  /** the map's camera once ready (the bare page is given the app's, so both draw the same view) */
  camera: { lng: number; lat: number; zoom: number };
  timeOrigin: number;
  /** user-timing marks of start-up phases (src/lib/perf.ts), ms since the time origin */
  marks: Record<string, number>;
  /** CPU ms of the browser's processes by kind, from before navigation to ready (freshLoad; null without /proc) */
  cpu?: Map<string, number> | null;
}

/** Start-up phases both pages mark, in order (geo:valid: the app's data checked, by their digests or, when one differs, the schema; the bare page has none). */
const PHASES = ['geo:fetched', 'geo:valid', 'map:create', 'map:style', 'map:data', 'map:ready'] as const;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
    }),
  ]);
}

/** Navigates `page` and waits for ready; all figures are read in-page. */
async function loadOnce(page: Page, url: string): Promise<LoadResult> {
  await page.goto(url, { waitUntil: 'commit' });
  return withTimeout(
    page.evaluate(async () => {
      const w = window as unknown as ProbeWindow;
      if (!w.__ready) throw new Error('ready probe missing (init script did not run)');
      const ready = await w.__ready;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const geo = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => new URL(e.name).pathname.includes('/geo/'))
        .reduce((m, e) => Math.max(m, e.responseEnd), 0);
      const box = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
      const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
      const map = (window as unknown as { __map: { getCenter(): { lng: number; lat: number }; getZoom(): number } }).__map;
      const c = map.getCenter();
      return {
        ready,
        marks,
        camera: { lng: c.lng, lat: c.lat, zoom: map.getZoom() },
        dcl: nav?.domContentLoadedEventEnd ?? NaN,
        geo,
        mapSize: { width: Math.round(box.width), height: Math.round(box.height) },
        timeOrigin: performance.timeOrigin,
      };
    }),
    READY_TIMEOUT_MS,
    `${url} ready`,
  );
}

async function freshLoad(context: BrowserContext, url: string): Promise<LoadResult> {
  const page = await context.newPage();
  try {
    const before = browserCpu();
    const result = await loadOnce(page, url);
    const after = browserCpu();
    return { ...result, cpu: before && after ? cpuDelta(before, after) : null };
  } finally {
    await page.close();
  }
}

/** The DevTools timeline's categories, the user-timing marks, and the display compositor's (its frames). */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'viz'];
/** Traced loads per page for the main-thread breakdown. */
const TRACE_RUNS = 3;

type Traced = Record<Kind, number> & { create: number; frames: { untilData: FrameSpan; toReady: FrameSpan } | null; gl: GlWaits };

/**
 * One fresh load, traced: the main thread's own time per kind from navigation to `map:create`
 * (null without the mark), the window's frames until `dataMark` (the data in the map) and
 * from then to ready, and the WebGL calls before ready that waited for the GPU process.
 */
async function tracedLoad(context: BrowserContext, url: string, dataMark: string): Promise<Traced | null> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await page.addInitScript(glWaitProbe, { calls: GL_WAIT_CALLS, link: GL_LINK_CALL });
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
    const result = await loadOnce(page, url);
    await cdp.send('Tracing.end');
    await complete;
    const gl = summariseGlWaits(await page.evaluate(() => (window as unknown as ProbeWindow).__glCalls ?? []));
    const at = result.marks['map:create'];
    const split = at === undefined ? null : mainThreadBreakdown(events, 'map:create', at);
    return split && { ...split, create: at!, frames: displayFrames(events, dataMark, 'map:ready'), gl };
  } finally {
    await page.close();
  }
}

interface ToggleResult {
  /** click → next idle, ms */
  ms: number;
  /** the synchronous part: click() dispatch incl. React, store and map calls, ms */
  sync: number;
  checked: boolean;
}

/** Clicks the sector checkbox and times, in-page, until the map's next `idle`. */
function toggleOnce(page: Page, sector: string): Promise<ToggleResult> {
  return page.evaluate(
    ({ sector, timeout }) =>
      new Promise<ToggleResult>((resolveToggle, reject) => {
        const map = (window as unknown as ProbeWindow).__map;
        const input = document.querySelector<HTMLInputElement>(`input[data-sector="${sector}"]`);
        if (!map || !input) return reject(new Error(`window.__map or input[data-sector="${sector}"] missing`));
        const before = input.checked;
        const t0 = performance.now();
        input.click();
        const sync = performance.now() - t0;
        // the click's store update reaches the map synchronously (setData, setFilter…), so the
        // next idle is the one after those changes are drawn
        const timer = setTimeout(() => reject(new Error(`no idle within ${timeout} ms after clicking ${sector}`)), timeout);
        map.once('idle', () => {
          clearTimeout(timer);
          const ms = performance.now() - t0;
          if (input.checked === before) reject(new Error(`input[data-sector="${sector}"] did not toggle`));
          else resolveToggle({ ms, sync, checked: input.checked });
        });
      }),
    { sector, timeout: IDLE_TIMEOUT_MS },
  );
}

// ---------------------------------------------------------------------------------- bytes

const TEXT_TYPES = new Set(['js', 'mjs', 'css', 'json', 'geojson', 'html']);
/** font files, and the map labels' cuts in one file (build/font-faces-plugin.ts) */
const FONT_TYPES = new Set(['woff2', 'woff', LABEL_PACK_EXT]);

export interface ByteRow {
  url: string;
  file: string;
  type: string;
  /** Playwright's resourceType: 'font' = a CSS @font-face load (page text and map labels alike), 'fetch', 'script'… */
  via: string;
  /** decoded body length */
  raw: number;
  /** encoded body size as sent (Playwright's responseBodySize; the page's Resource Timing encodedBodySize where that is 0) */
  encoded: number;
  /** zlib.gzipSync (level 6) for text types; raw for everything else */
  gzip: number;
  afterReady: boolean;
}

function typeOf(r: Response): string {
  const path = new URL(r.url()).pathname;
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext) return ext;
  const ct = r.headers()['content-type'] ?? '';
  return ct.includes('html') ? 'html' : ct.split(';')[0]!.trim() || 'other';
}

/** Collects every response of `page` (call before navigating); `finish` reads bodies and sizes. */
function collectResponses(page: Page): { finish(cutoffEpochMs: number): Promise<ByteRow[]> } {
  const pending: Promise<(Omit<ByteRow, 'afterReady'> & { start: number }) | null>[] = [];
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    pending.push(
      (async () => {
        const [body, sizes] = await Promise.all([
          r.body().catch(() => null),
          r
            .request()
            .sizes()
            .catch(() => null),
        ]);
        if (!body) return null;
        const type = typeOf(r);
        const raw = body.length;
        return {
          url: r.url(),
          file: url.pathname === '/' ? '/ (index.html)' : url.pathname.replace(/^\/assets\//, ''),
          type,
          via: r.request().resourceType(),
          raw,
          encoded: sizes?.responseBodySize ?? 0,
          gzip: TEXT_TYPES.has(type) ? gzipSync(body).length : raw,
          // epoch ms, same clock as performance.timeOrigin in the page
          start: r.request().timing().startTime,
        };
      })(),
    );
  });
  return {
    async finish(cutoffEpochMs) {
      const all = (await Promise.all(pending)).filter((x) => x !== null);
      // Playwright has no size for some requests (the worker script): ask the page's Resource Timing
      const timing = new Map(
        await page.evaluate(() =>
          (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => [e.name, e.encodedBodySize] as [string, number]),
        ),
      );
      return all.map(({ start, ...r }) => ({
        ...r,
        encoded: r.encoded > 0 || r.raw === 0 ? r.encoded : (timing.get(r.url) ?? 0),
        afterReady: Number.isFinite(start) && start > cutoffEpochMs,
      }));
    },
  };
}

// ---------------------------------------------------------------------------------- the suite

export interface BenchBrowserOptions {
  /** measured page loads per target (after one discarded warm-up each) */
  runs?: number;
  /** measured sector-filter toggles */
  toggles?: number;
  sector?: string;
  log?: (line: string) => void;
}

export interface BenchBrowserResult {
  app: Stats;
  bare: Stats;
  /** the app with nothing but its map painted (diagnostic) */
  unpainted: Stats;
  /** the bare page holding its first frame as the app does (diagnostic) */
  held: Stats;
  ratio: number;
  /** the bootstrap interval of `ratio` over the run's rounds */
  ratioInterval: RatioInterval;
  filterIdle: Stats;
  bytes: ByteRow[];
  firstViewGzip: number;
  fonts: { count: number; bytes: number };
  offOrigin: string[];
  errors: string[];
}

/** Returns null (after saying why) when Chromium is not installed. */
export async function benchBrowser(opts: BenchBrowserOptions = {}): Promise<BenchBrowserResult | null> {
  const runs = opts.runs ?? 11;
  const toggles = opts.toggles ?? 7;
  const sector = opts.sector ?? 'ic';
  const log = opts.log ?? ((l: string) => console.log(l));
  log('');
  log('Browser benchmark (scripts/bench-browser.ts)');
  if (!CHROMIUM) {
    log('  SKIPPED: Chromium not found at /usr/lib/chromium/chromium or /usr/bin/chromium (apt-get install chromium).');
    return null;
  }

  const t0 = performance.now();
  const servers: PreviewServer[] = [];
  let session: Awaited<ReturnType<typeof openSession>> | null = null;
  try {
    // ---- builds (programmatic `vite build`: the app with its own config, the bare page with bench's)
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn', build: { outDir: APP_OUT, emptyOutDir: true } });
    await build({ configFile: BARE_CONFIG, logLevel: 'warn' });
    const tBuild = performance.now() - t0;
    const app = await startPreview(join(ROOT, 'vite.config.ts'), APP_OUT);
    servers.push(app.server);
    const bare = await startPreview(BARE_CONFIG, BARE_OUT);
    servers.push(bare.server);
    const unpainted = await startPreview(join(ROOT, 'vite.config.ts'), APP_OUT);
    servers.push(unpainted.server);

    // no service worker: the app comes from the server on every load, as the bare page does
    session = await openSession(app.base, { serviceWorkers: 'block' });
    const { context } = session;
    await context.addInitScript(readyProbe);
    await context.addInitScript(unpaintedPanels, new URL(unpainted.base).port);
    const ua = await session.page.evaluate(() => navigator.userAgent);
    log(`  ${/(?:Headless)?Chrome\/[\d.]+/.exec(ua)?.[0] ?? ua}, SwiftShader WebGL, viewport 1280×800 @1x; builds ${(tBuild / 1000).toFixed(1)} s`);
    log(`  app  ${app.base}  (vite build → ${APP_OUT.slice(ROOT.length + 1)})`);

    // ---- 1. navigation → ready. The warm-up app load also gives the app's map size for the bare page.
    const warm = await freshLoad(context, app.base);
    const cam = warm.camera;
    const bareUrl = `${bare.base}?w=${warm.mapSize.width}&h=${warm.mapSize.height}&lng=${cam.lng.toFixed(5)}&lat=${cam.lat.toFixed(5)}&z=${cam.zoom.toFixed(3)}`;
    log(`  bare ${bareUrl}  (bench/bare, map sized and placed like the app's first view)`);
    await freshLoad(context, bareUrl);
    await freshLoad(context, unpainted.base);
    // the bare page with the app's hold on the first frame (src/map/first-frame.ts): what the app costs beyond the way it draws
    const heldUrl = `${bareUrl}&hold=1`;
    await freshLoad(context, heldUrl);
    const appRuns: LoadResult[] = [];
    const bareRuns: LoadResult[] = [];
    const unpaintedRuns: LoadResult[] = [];
    const heldRuns: LoadResult[] = [];
    const pages = [
      { url: app.base, runs: appRuns },
      { url: bareUrl, runs: bareRuns },
      { url: unpainted.base, runs: unpaintedRuns },
      { url: heldUrl, runs: heldRuns },
    ];
    for (let i = 0; i < runs; i++) {
      // rotate the order so no page always runs first or last
      for (let k = 0; k < pages.length; k++) {
        const p = pages[(i + k) % pages.length]!;
        p.runs.push(await freshLoad(context, p.url));
      }
    }
    const appStats = stats(appRuns.map((r) => r.ready));
    const bareStats = stats(bareRuns.map((r) => r.ready));
    const unpaintedStats = stats(unpaintedRuns.map((r) => r.ready));
    const heldStats = stats(heldRuns.map((r) => r.ready));
    const ratio = appStats.median / bareStats.median;
    const interval = ratioInterval(
      appRuns.map((r) => r.ready),
      bareRuns.map((r) => r.ready),
    );

    log('');
    log(
      `1. Navigation → map ready (data-map-ready="true"), ms since navigation start; ${runs} fresh pages each, 1 warm-up discarded, runs interleaved, HTTP cache off (routing), no service worker (every page comes from the server each time)`,
    );
    const row = (name: string, rs: LoadResult[], s: Stats) => [
      name,
      fmtMs(s.median),
      fmtMs(s.min),
      fmtMs(s.max),
      fmtMs(median(rs.map((r) => r.dcl))),
      fmtMs(median(rs.map((r) => r.geo))),
      `${rs[0]!.mapSize.width}×${rs[0]!.mapSize.height}`,
    ];
    log(
      table(
        ['page', 'median', 'min', 'max', 'DCL (median)', 'last /geo/ (median)', 'map px'],
        [
          row('app (vite build)', appRuns, appStats),
          row('bare MapLibre (bench/bare)', bareRuns, bareStats),
          row('app, only its map painted (diagnostic)', unpaintedRuns, unpaintedStats),
          row('bare, first frame held (diagnostic)', heldRuns, heldStats),
        ],
      ),
    );
    log(`  runs app      : ${appStats.values.map(fmtMs).join(', ')}`);
    log(`  runs bare     : ${bareStats.values.map(fmtMs).join(', ')}`);
    log(`  runs unpainted: ${unpaintedStats.values.map(fmtMs).join(', ')}`);
    log(`  runs held bare: ${heldStats.values.map(fmtMs).join(', ')}`);
    log(`  ratio app/bare (medians): ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}) ${ratio <= TARGET_RATIO ? 'OK' : 'ABOVE TARGET'}`);
    const beside =
      interval.lo > TARGET_RATIO ? 'all of it above the target' : interval.hi <= TARGET_RATIO ? 'all of it within the target' : 'the target inside it';
    log(
      `  how sure that ratio is: ${interval.lo.toFixed(2)}–${interval.hi.toFixed(2)}, the middle ${interval.level * 100}% of the ratio over ${fmtInt(interval.resamples)} resamples of this run's ${runs} rounds (bootstrap; a round = one load of each page, kept together); ${beside}`,
    );
    log(
      `  the ratio, split by the diagnostic pages: held bare/bare ${(heldStats.median / bareStats.median).toFixed(2)} (the app's hold on the first frame, src/map/first-frame.ts: the bare page with it, drawing no frame until its map is complete); unpainted/held bare ${(unpaintedStats.median / heldStats.median).toFixed(2)} (scripts, React, layout, the map made after the data; the same build as the app, its panels laid out but hidden); app/unpainted ${(appStats.median / unpaintedStats.median).toFixed(2)} (drawing the panels: their raster, and their part of every frame the window composites, on the CPU under SwiftShader)`,
    );
    log('  start-up phases, median ms since navigation start (user-timing marks, src/lib/perf.ts):');
    const phase = (rs: LoadResult[], p: string) => fmtMs(median(rs.map((r) => r.marks[p]).filter((v): v is number => v !== undefined)));
    log(
      table(
        ['phase', 'app', 'bare', 'unpainted', 'held bare'],
        PHASES.map((p) => [p, phase(appRuns, p), phase(bareRuns, p), phase(unpaintedRuns, p), phase(heldRuns, p)]),
      ).replace(/^/gm, '  '),
    );

    // ---- 1a. the CPU the whole load costs, every process of the browser
    const cpuRows = (rs: LoadResult[]) => rs.map((r) => r.cpu).filter((c): c is Map<string, number> => !!c);
    const appCpu = cpuRows(appRuns);
    const bareCpu = cpuRows(bareRuns);
    const unpaintedCpu = cpuRows(unpaintedRuns);
    const heldCpu = cpuRows(heldRuns);
    if (appCpu.length && bareCpu.length) {
      const total = (c: Map<string, number>) => [...c.values()].reduce((a, b) => a + b, 0);
      const of = (cs: Map<string, number>[], k: string) => median(cs.map((c) => c.get(k) ?? 0));
      const kinds = [...new Set([...appCpu, ...bareCpu].flatMap((c) => [...c.keys()]))]
        .map((k) => ({ k, app: of(appCpu, k), bare: of(bareCpu, k), unpainted: of(unpaintedCpu, k), held: of(heldCpu, k) }))
        .filter((r) => r.app >= 5 || r.bare >= 5)
        .sort((a, b) => b.app + b.bare - (a.app + a.bare));
      const appTotal = stats(appCpu.map(total));
      const bareTotal = stats(bareCpu.map(total));
      const unpaintedTotal = stats(unpaintedCpu.map(total));
      const heldTotal = stats(heldCpu.map(total));
      log(
        `  CPU time of the browser's processes from navigation to ready, ms per load (Linux /proc: user + system, every thread, the GPU process's SwiftShader threads too; median of ${appCpu.length} / ${bareCpu.length} loads). With ${cpus().length} cores, ready follows the sum:`,
      );
      log(
        table(
          ['process', 'app', 'bare', 'app − bare', 'unpainted', 'app − unpainted', 'held bare', 'app − held bare'],
          [
            ...kinds.map((r) => [
              r.k,
              fmtMs(r.app),
              fmtMs(r.bare),
              fmtMs(r.app - r.bare),
              fmtMs(r.unpainted),
              fmtMs(r.app - r.unpainted),
              fmtMs(r.held),
              fmtMs(r.app - r.held),
            ]),
            [
              'total (median of the sums)',
              `${fmtMs(appTotal.median)} [${fmtMs(appTotal.min)}–${fmtMs(appTotal.max)}]`,
              `${fmtMs(bareTotal.median)} [${fmtMs(bareTotal.min)}–${fmtMs(bareTotal.max)}]`,
              fmtMs(appTotal.median - bareTotal.median),
              `${fmtMs(unpaintedTotal.median)} [${fmtMs(unpaintedTotal.min)}–${fmtMs(unpaintedTotal.max)}]`,
              fmtMs(appTotal.median - unpaintedTotal.median),
              `${fmtMs(heldTotal.median)} [${fmtMs(heldTotal.min)}–${fmtMs(heldTotal.max)}]`,
              fmtMs(appTotal.median - heldTotal.median),
            ],
          ],
        ).replace(/^/gm, '  '),
      );
      log(`  CPU ratio app/bare (medians of the sums): ${(appTotal.median / bareTotal.median).toFixed(2)}; ready ratio above: ${ratio.toFixed(2)}`);
    }

    // ---- 1b. the main thread until the map is created, traced
    const appTraced: Traced[] = [];
    const bareTraced: Traced[] = [];
    for (let i = 0; i < TRACE_RUNS; i++) {
      // the data are in the app's map when it is created (they are in its style); the bare page sets them later
      const a = await tracedLoad(context, app.base, 'map:create');
      const b = await tracedLoad(context, bareUrl, 'map:data');
      if (a) appTraced.push(a);
      if (b) bareTraced.push(b);
    }
    log(
      `  main thread from navigation to map:create, ms of its own time per kind (Chrome trace, DevTools timeline events; median of ${TRACE_RUNS} traced loads each; the totals come out near the untraced runs above, but compare the split; idle = no event: waiting for the network, a worker or the GPU process):`,
    );
    const med = (rs: Traced[], k: Kind | 'create') => (rs.length ? fmtMs(median(rs.map((r) => r[k]))) : '-');
    log(
      table(
        ['kind', 'app', 'bare'],
        [...KINDS.map((k) => [k, med(appTraced, k), med(bareTraced, k)]), ['map:create (total)', med(appTraced, 'create'), med(bareTraced, 'create')]],
      ).replace(/^/gm, '  '),
    );
    // the window's frames: under SwiftShader each one draws the whole window on the GPU process's
    // CPU, which the map's own drawing (its WebGL calls, its shaders' compiles) waits behind
    const frames = (rs: Traced[], span: 'untilData' | 'toReady') => {
      const fs = rs.flatMap((r) => (r.frames ? [r.frames[span]] : []));
      return fs.length ? `${median(fs.map((f) => f.frames))} frames, ${fmtMs(median(fs.map((f) => f.ms)))} ms` : '-';
    };
    log(
      `  the window's frames (the GPU process's SwapBuffers: each draws the whole window, here on the CPU), and the GPU process's ms in them; median of the same ${TRACE_RUNS} traced loads:`,
    );
    log(
      table(
        ['span', 'app', 'bare'],
        [
          ['navigation → data in the map', frames(appTraced, 'untilData'), frames(bareTraced, 'untilData')],
          ['data in the map → ready', frames(appTraced, 'toReady'), frames(bareTraced, 'toReady')],
        ],
      ).replace(/^/gm, '  '),
    );
    // a new program's link status waits for the GPU process to draw what came before it: the
    // frame that links it holds the main thread that long (and its worker's messages with it)
    log(
      `  WebGL calls until ready that wait for the GPU process's answer (link status, uniform locations…: it answers after all it was sent before, such as the last frame with its new shaders), timed in-page; median of the same ${TRACE_RUNS} traced loads:`,
    );
    const gl = (rs: Traced[], k: keyof GlWaits) => (rs.length ? (k === 'programs' ? fmtInt : fmtMs)(median(rs.map((r) => r.gl[k]))) : '-');
    log(
      table(
        ['', 'app', 'bare'],
        [
          ['programs linked', gl(appTraced, 'programs'), gl(bareTraced, 'programs')],
          ['main thread waiting in those calls, ms', gl(appTraced, 'ms'), gl(bareTraced, 'ms')],
          ['the longest single wait, ms', gl(appTraced, 'longest'), gl(bareTraced, 'longest')],
        ],
      ).replace(/^/gm, '  '),
    );

    // ---- 3 (bytes) and 2 (filter) on one more, instrumented app load
    const page = await context.newPage();
    const collector = collectResponses(page);
    const inst = await loadOnce(page, app.base);
    const rows = await collector.finish(inst.timeOrigin + inst.ready);

    // settle: let late work (e.g. a font slice arriving after ready) finish before timing clicks
    await page.evaluate(
      () =>
        new Promise<void>((r) => {
          const map = (window as unknown as ProbeWindow).__map!;
          const done = () => setTimeout(r, 300);
          if (map.loaded()) done();
          else map.once('idle', done);
        }),
    );
    const toggleRuns: ToggleResult[] = [];
    for (let i = 0; i < toggles; i++) toggleRuns.push(await toggleOnce(page, sector));
    await page.close();
    const filterStats = stats(toggleRuns.map((r) => r.ms));

    log('');
    log(`2. Sector filter: click input[data-sector="${sector}"] → next map idle, ms; ${toggles} toggles alternating on/off, timed in-page`);
    log(
      table(
        ['toggle', 'click → idle', 'of which sync (click handler)'],
        toggleRuns.map((t, i) => [`${i + 1} (${t.checked ? 'on' : 'off'})`, fmtMs(t.ms), fmtMs(t.sync)]),
      ),
    );
    log(
      `  median ${fmtMs(filterStats.median)} ms (min ${fmtMs(filterStats.min)}, max ${fmtMs(filterStats.max)}); sync part median ${fmtMs(median(toggleRuns.map((t) => t.sync)))} ms`,
    );

    const first = rows.filter((r) => !r.afterReady);
    const late = rows.filter((r) => r.afterReady);
    // A script or data URL requested twice in one load is counted once: MapLibre's worker imports
    // the chunk of code it shares with the page, and a browser answers that second request from its
    // HTTP cache (the server says no-cache: a revalidation, headers and no body). Only the bench's
    // routing, which turns the cache off, sends the body again. (Fonts are listed with their loads.)
    const repeats = new Map<string, number>();
    const nonFont = first
      .filter((r) => {
        if (FONT_TYPES.has(r.type)) return false;
        const seen = repeats.get(r.url);
        repeats.set(r.url, (seen ?? 0) + 1);
        return seen === undefined;
      })
      .sort((a, b) => a.type.localeCompare(b.type) || b.raw - a.raw);
    const repeated = [...repeats].filter(([, n]) => n > 1);
    const fontRows = first.filter((r) => FONT_TYPES.has(r.type)).sort((a, b) => b.raw - a.raw);
    const sum = (rs: ByteRow[], k: 'raw' | 'gzip' | 'encoded') => rs.reduce((s, r) => s + r[k], 0);
    const firstViewGzip = sum(nonFont, 'gzip');
    const fonts = { count: fontRows.length, bytes: sum(fontRows, 'raw') };
    const distinctFonts = [...new Map(fontRows.map((r) => [r.file, r])).values()];

    log('');
    log(
      `3. Bytes of the first view: every response of one app load until ready (${first.length} responses); gzip = zlib.gzipSync level 6 on text types, others counted raw`,
    );
    log(
      table(
        ['file', 'type', 'raw bytes', 'sent bytes', 'gzip bytes'],
        [
          ...nonFont.map((r) => [r.file, r.type, fmtInt(r.raw), fmtInt(r.encoded), TEXT_TYPES.has(r.type) ? fmtInt(r.gzip) : `(${fmtInt(r.gzip)})`]),
          ['total (without fonts)', '', fmtInt(sum(nonFont, 'raw')), fmtInt(sum(nonFont, 'encoded')), fmtInt(firstViewGzip)],
        ],
        2,
      ),
    );
    const byType = new Map<string, ByteRow[]>();
    for (const r of [...nonFont, ...fontRows]) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
    log('');
    log('  per type:');
    log(
      table(
        ['type', 'files', 'raw bytes', 'sent bytes', 'gzip bytes'],
        [...byType]
          .sort((a, b) => sum(b[1], 'raw') - sum(a[1], 'raw'))
          .map(([type, rs]) => [type, String(rs.length), fmtInt(sum(rs, 'raw')), fmtInt(sum(rs, 'encoded')), fmtInt(sum(rs, 'gzip'))]),
      ),
    );
    log('');
    log(
      `  fonts (already compressed, not gzipped): ${fonts.count} responses, ${fmtInt(fonts.bytes)} bytes; ${distinctFonts.length} distinct files, ${fmtInt(sum(distinctFonts, 'raw'))} bytes`,
    );
    log(
      `  (the .${LABEL_PACK_EXT} file is the map labels' cuts in one file, fetched; files named …-labels-… are single cuts, the others whole slices: CSS @font-face loads)`,
    );
    const fontTable = distinctFonts.map((f) => {
      const same = fontRows.filter((r) => r.file === f.file);
      return [f.file, fmtInt(f.raw), String(same.length), [...new Set(same.map((r) => r.via))].join('+')];
    });
    log(table(['font file', 'bytes', 'loads', 'via'], fontTable).replace(/^/gm, '  '));
    if (repeated.length)
      log(
        `  requested again in the same load, counted once (a browser's HTTP cache answers the repeat; the bench's routing turns that cache off): ${repeated.map(([u, n]) => `${new URL(u).pathname.replace(/^\/assets\//, '')} ×${n}`).join(', ')}`,
      );
    if (late.length) log(`  after ready (not counted): ${late.length} responses, ${fmtInt(sum(late, 'raw'))} bytes: ${late.map((r) => r.file).join(', ')}`);
    log('');
    log(
      `  first view without fonts: ${fmtKB(firstViewGzip)} gzip (target ≤ ${TARGET_FIRST_VIEW_KB} KB) ${firstViewGzip <= TARGET_FIRST_VIEW_KB * 1024 ? 'OK' : 'ABOVE TARGET'}   [KB = 1024 bytes]`,
    );
    log(
      `  fonts: ${fonts.count} files, ${fmtKB(fonts.bytes)} (${distinctFonts.length} distinct, ${fmtKB(sum(distinctFonts, 'raw'))}${fonts.count > distinctFonts.length ? `; ${fonts.count - distinctFonts.length} repeat loads of the same files, see "via"` : ''})`,
    );

    // ---- offline guard and page errors over every load above
    log('');
    log(
      `Offline guard: ${session.offOrigin.length} off-origin request(s) aborted over ${3 * (runs + 1) + 2 * TRACE_RUNS + 1} page loads${session.offOrigin.length ? ': ' + session.offOrigin.slice(0, 5).join(', ') : ''}`,
    );
    log(`Page errors: ${session.errors.length}${session.errors.length ? ': ' + session.errors.slice(0, 5).join(' | ') : ''}`);
    log(`Browser benchmark done in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    if (session.offOrigin.length) throw new Error(`offline guard: ${session.offOrigin.length} request(s) tried to leave 127.0.0.1`);

    return {
      app: appStats,
      bare: bareStats,
      unpainted: unpaintedStats,
      held: heldStats,
      ratio,
      ratioInterval: interval,
      filterIdle: filterStats,
      bytes: rows,
      firstViewGzip,
      fonts,
      offOrigin: [...session.offOrigin],
      errors: [...session.errors],
    };
  } finally {
    await session?.close();
    await Promise.all(servers.map((s) => s.close()));
    if (!process.env.BENCH_KEEP) {
      rmSync(APP_OUT, { recursive: true, force: true });
      rmSync(BARE_OUT, { recursive: true, force: true });
    }
  }
}

if (isMain(import.meta.url)) {
  await benchBrowser();
}
