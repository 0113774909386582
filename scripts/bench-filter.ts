/**
 * npm run bench:filter   (after `vite build`; the filter part of the browser benchmark alone)
 *
 * What one filter change costs the page, in the production build in Debian's Chromium
 * (SwiftShader): for a sector, a district and the strength (include broad links) filter, each
 * toggled N times, the synchronous part of the click (store → selectors → map sync → MapLibre
 * calls, timed in-page around `input.click()`) and which map layers and sources the change
 * touched (every MapLibre setFilter / setPaintProperty / setLayoutProperty / source setData call
 * reaching the map, counted in-page, and feature-state calls, counted once per source). Beside it, in the same page, the baseline: one bare
 * `map.setFilter` on the parks layer with an id list of the same kind.
 *
 * Timings are wall-clock medians with min and max; the machine may be shared, so compare runs.
 * BENCH_FILTER_TOGGLES sets N (default 15).
 */
import type { Page } from 'playwright-core';
import { CHROMIUM, openSession, startServer } from './lib/browser';
import { median } from './lib/median';

const READY = '[data-testid="map"][data-map-ready="true"]';
const TOGGLES = Number(process.env.BENCH_FILTER_TOGGLES ?? 15);

/**
 * `open`: the summary of the list that holds the input, opened (clicked) first as a person does:
 * the district and zone lists render their options only while open or one is chosen. The sector
 * change runs with every list closed, the district and strength changes with the district list
 * open (its counts follow each change).
 */
const CHANGES: readonly { name: string; selector: string; open?: string }[] = [
  { name: 'sector (ic)', selector: 'input[data-sector="ic"]' },
  { name: 'district (浦东新区)', selector: 'input[data-district="浦东新区"]', open: '.find-filters details summary >> nth=0' },
  { name: 'strength (include broad)', selector: 'input[data-testid="include-broad"]' },
];

const fmt = (ms: number) => ms.toFixed(2);

interface Probe {
  touched: Set<string>;
  /** ms spent inside those MapLibre calls */
  inMap: number;
}
/** The parts of MapLibre's Map used here (scripts do not import MapLibre). */
interface MlMap {
  setFilter(layer: string, filter: unknown): void;
  once(event: 'idle', fn: () => void): void;
  triggerRepaint(): void;
  getStyle(): { sources: Record<string, unknown> };
  getSource(id: string): unknown;
  querySourceFeatures(source: string): { properties?: Record<string, unknown> | null }[];
}
type ProbeWindow = Window & { __map: MlMap; __probe?: Probe; __tasks?: { start: number; duration: number }[] };

/** Wraps the map's mutating calls once, so each records the layer or source it touches. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    const map = w.__map;
    w.__tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__tasks!.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask' });
    const probe: Probe = { touched: new Set(), inMap: 0 };
    w.__probe = probe;
    const wrap = (target: object, name: string, label: (args: unknown[]) => string) => {
      const o = target as Record<string, (...a: unknown[]) => unknown>;
      const orig = o[name]!;
      o[name] = function (this: unknown, ...args: unknown[]) {
        probe.touched.add(label(args));
        const t0 = performance.now();
        try {
          return orig.apply(this, args);
        } finally {
          probe.inMap += performance.now() - t0;
        }
      };
    };
    wrap(map, 'setFilter', (a) => `layer ${String(a[0])}`);
    wrap(map, 'setPaintProperty', (a) => `layer ${String(a[0])}`);
    wrap(map, 'setLayoutProperty', (a) => `layer ${String(a[0])}`);
    // a feature's state (the zones' emphasis): counted once per source, whatever the features
    wrap(map, 'setFeatureState', (a) => `state ${String((a[0] as { source: string }).source)}`);
    wrap(map, 'removeFeatureState', (a) => `state ${String((a[0] as { source: string }).source)}`);
    for (const id of Object.keys(map.getStyle().sources)) {
      const src = map.getSource(id) as unknown as { setData?: unknown } | undefined;
      if (src && typeof src.setData === 'function') wrap(src, 'setData', () => `source ${id}`);
    }
  });
}

interface Toggle {
  sync: number;
  inMap: number;
  touched: string[];
  /** the longest main-thread task from the click until the map's idle (0: none of 50 ms or more) */
  longest: number;
  /** the click until the list shows the change (React's deferred render of the list) */
  listed: number;
}

/** Clicks the input; returns the synchronous time and what was touched, after the map's next idle. */
async function toggle(page: Page, selector: string): Promise<Toggle> {
  return page.evaluate(
    (selector) =>
      new Promise<Toggle>((resolve, reject) => {
        const w = window as unknown as ProbeWindow;
        const input = document.querySelector<HTMLInputElement>(selector);
        if (!input) return reject(new Error(`${selector} missing`));
        w.__probe!.touched.clear();
        w.__probe!.inMap = 0;
        const t0 = performance.now();
        input.click();
        const sync = performance.now() - t0;
        const touched = [...w.__probe!.touched].sort();
        const inMap = w.__probe!.inMap;
        // the list's heading count changes in the deferred render (or not at all, when the count stays)
        const list = document.querySelector('.park-list') ?? document.body;
        const before = list.textContent;
        let listed = NaN;
        const seen = new MutationObserver(() => {
          if (Number.isNaN(listed) && list.textContent !== before) listed = performance.now() - t0;
        });
        seen.observe(list, { subtree: true, childList: true, characterData: true });
        const timer = setTimeout(() => reject(new Error(`no idle after ${selector}`)), 60_000);
        w.__map.once('idle', () => {
          clearTimeout(timer);
          // long tasks are reported after they end: give the observer a moment
          setTimeout(() => {
            seen.disconnect();
            const longest = Math.max(0, ...w.__tasks!.filter((x) => x.start >= t0 - 1).map((x) => x.duration));
            w.__tasks!.length = 0;
            resolve({ sync, inMap, touched, longest, listed });
          }, 100);
        });
        w.__map.triggerRepaint();
      }),
    selector,
  );
}

/** The baseline: a bare setFilter on the parks layer (an id list, then none), timed the same way. */
async function bareSetFilter(page: Page): Promise<number> {
  return page.evaluate(
    (n) =>
      new Promise<number>((resolve) => {
        const map = (window as unknown as ProbeWindow).__map;
        const ids = map.querySourceFeatures('parks').map((f) => String(f.properties?.id));
        const only = n % 2 === 0 ? ['in', ['get', 'id'], ['literal', ids.slice(0, Math.ceil(ids.length / 3))]] : null;
        const t0 = performance.now();
        map.setFilter('parks-circle', only);
        const ms = performance.now() - t0;
        map.once('idle', () => resolve(ms));
        map.triggerRepaint();
      }),
    Math.floor(Math.random() * 2),
  );
}

async function main(): Promise<void> {
  if (!CHROMIUM) {
    console.log('SKIPPED: Chromium not found');
    return;
  }
  const { server, base } = await startServer();
  const s = await openSession(base, { serviceWorkers: 'block' });
  try {
    const p = s.page;
    await p.goto(base);
    await p.locator(READY).waitFor({ timeout: 120_000 });
    await p.evaluate(
      () =>
        new Promise<void>((r) => {
          const map = (window as unknown as ProbeWindow).__map;
          map.once('idle', () => setTimeout(r, 300));
          map.triggerRepaint();
        }),
    );
    await installProbe(p);
    console.log(`Filter change, synchronous part (click → handler returns) and map calls; ${TOGGLES} toggles each, alternating on/off`);
    const rows: string[][] = [];
    for (const c of CHANGES) {
      if (c.open) {
        await p.locator(c.open).click();
        await p.locator(c.selector).waitFor({ state: 'attached' });
      }
      // warm up once each way
      await toggle(p, c.selector);
      await toggle(p, c.selector);
      const runs: Toggle[] = [];
      for (let i = 0; i < TOGGLES; i++) runs.push(await toggle(p, c.selector));
      if (runs.length % 2) await toggle(p, c.selector); // leave it off
      const sync = runs.map((r) => r.sync);
      const counts = runs.map((r) => r.touched.length);
      rows.push([
        c.name,
        fmt(median(sync)),
        fmt(Math.min(...sync)),
        fmt(Math.max(...sync)),
        fmt(median(runs.map((r) => r.inMap))),
        String(median(counts)),
        `${Math.min(...counts)}–${Math.max(...counts)}`,
        fmt(median(runs.map((r) => r.listed).filter((x) => !Number.isNaN(x)))),
        fmt(median(runs.map((r) => r.longest))),
        fmt(Math.max(...runs.map((r) => r.longest))),
      ]);
      const union = [...new Set(runs.flatMap((r) => r.touched))];
      console.log(`  ${c.name}: touched ${union.join(', ') || 'nothing'}`);
    }
    const bare: number[] = [];
    for (let i = 0; i < TOGGLES; i++) bare.push(await bareSetFilter(p));
    rows.push([
      'baseline: bare map.setFilter(parks-circle)',
      fmt(median(bare)),
      fmt(Math.min(...bare)),
      fmt(Math.max(...bare)),
      fmt(median(bare)),
      '1',
      '1–1',
      '-',
      '-',
      '-',
    ]);
    const head = [
      'change',
      'sync median ms',
      'min',
      'max',
      'in MapLibre calls (median)',
      'layers+sources touched (median)',
      'range',
      'list updated ms (median)',
      'longest task ms (median)',
      '(max)',
    ];
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => '  ' + cells.map((x, i) => (i === 0 ? x.padEnd(w[i]!) : x.padStart(w[i]!))).join('  ');
    console.log(line(head));
    for (const r of rows) console.log(line(r));
    console.log(
      `  target: sync ≤ 8 ms median. The list follows in React's deferred render (an interruptible render after the click); "longest task" is the longest main-thread task (≥ 50 ms, PerformanceObserver) from the click until the map is idle, 0 when none`,
    );
    const errors = s.errors.filter((e) => !e.includes('Failed to load resource'));
    if (errors.length) console.log(`  page errors: ${errors.join(' | ')}`);
  } finally {
    await s.close();
    await server.close();
  }
}

await main();
