/**
 * npm run profile -- import [N]    (a development aid, not part of the bench)
 * npm run profile -- filter [N]
 *
 * In an unminified build, with the main thread's CPU profile on: `import` picks a CSV of N random
 * sites (default 100,000) and waits until the map is idle; `filter` clicks the 集成电路 sector
 * filter N times (default 10), each until the map is idle. Prints the long tasks, the heaviest
 * functions by self time and by total time (function, file:line), and each busy stretch of 50 ms
 * or more with its heaviest functions and where it was entered. Use it to find what blocks the page.
 * AT_ONCE=1 picks the moment the map is ready, before the page's idle work.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { openSession } from './lib/browser';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.bench', 'profile-dist');
const MODE = process.argv[2] === 'filter' ? 'filter' : 'import';
const N = Number(process.argv[3] ?? (MODE === 'filter' ? 10 : 100_000));

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const { csvOfRandomPointsInShanghai } = await import('./bench-sites');
await build({ configFile: join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true, minify: false } });
const server = await preview({
  configFile: join(ROOT, 'vite.config.ts'),
  root: ROOT,
  logLevel: 'silent',
  build: { outDir: OUT },
  preview: { port: 0, host: '127.0.0.1' },
});
const base = server.resolvedUrls!.local[0]!;
const s = await openSession(base);
const tmp = mkdtempSync(join(tmpdir(), 'prof-'));
const file = join(tmp, 'sites.csv');
writeFileSync(file, csvOfRandomPointsInShanghai(N, 7));
await s.context.addInitScript(() => {
  const w = window as unknown as { __lt: [number, number][] };
  w.__lt = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__lt.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({
    type: 'longtask',
    buffered: true,
  });
});
const p = s.page;
await p.goto(base);
await p.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 60_000 });
// as in the bench, a pick comes after the page's idle work (the sites' warm-up); AT_ONCE=1: the
// moment the map is ready, as the bench's "at once" row
if (!process.env.AT_ONCE) {
  await p.locator('[data-testid="map"][data-sites-warm="done"]').waitFor({ timeout: 60_000 });
  await p.waitForTimeout(1000);
}
const cdp = await s.context.newCDPSession(p);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const t0 = await p.evaluate(() => {
  (window as unknown as { __lt: unknown[] }).__lt.length = 0;
  return performance.now();
});
type IdleMap = { once(e: string, f: () => void): void; triggerRepaint(): void };
await cdp.send('Profiler.start');
if (MODE === 'import') {
  await p.setInputFiles('[data-testid="sites-file"]', file);
  await p.locator('.sites-status[data-phase="done"]').waitFor({ timeout: 180_000 });
} else {
  for (let k = 0; k < N; k++)
    await p.evaluate(
      () =>
        new Promise<void>((r) => {
          document.querySelector<HTMLInputElement>('input[data-sector="ic"]')!.click();
          const m = (window as unknown as { __map: IdleMap }).__map;
          m.once('idle', () => r());
          m.triggerRepaint();
        }),
    );
}
const drawn = await p.evaluate(
  () =>
    new Promise<number>((r) => {
      const m = (window as unknown as { __map: { once(e: string, f: () => void): void; triggerRepaint(): void } }).__map;
      m.once('idle', () => r(performance.now()));
      m.triggerRepaint();
    }),
);
const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
const lt = await p.evaluate(() => (window as unknown as { __lt: [number, number][] }).__lt);
console.log(
  `${MODE === 'import' ? 'pick' : `${N} clicks`} → drawn ${Math.round(drawn - t0)} ms; long tasks (start after pick, ms): ${lt.map(([a, d]) => `${Math.round(a - t0)}+${d}`).join(' ')}`,
);
const self = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0));
const byKey = new Map<string, number>();
for (const n of profile.nodes) {
  const t = self.get(n.id) ?? 0;
  const f = n.callFrame;
  const key = `${f.functionName || '(anon)'}  ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  byKey.set(key, (byKey.get(key) ?? 0) + t);
}
const total = [...byKey.values()].reduce((a, b) => a + b, 0);
console.log(`profile total ${(total / 1000).toFixed(0)} ms; top self time:`);
for (const [k, t] of [...byKey].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40)))
  console.log(`  ${(t / 1000).toFixed(1).padStart(8)} ms  ${k}`);
{
  // total (inclusive) time per function: each sample counts once for every distinct function on its stack
  const up = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) up.set(c, n.id);
  const node = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  // FOCUS=<function name>: only the samples with that function on their stack
  const focus = process.env.FOCUS;
  for (let i = 0; i < profile.samples.length; i++) {
    if (focus) {
      let on = false;
      for (let x: number | undefined = profile.samples[i]; x !== undefined && !on; x = up.get(x)) on = node.get(x)!.callFrame.functionName === focus;
      if (!on) continue;
    }
    const seen = new Set<string>();
    for (let x: number | undefined = profile.samples[i]; x !== undefined; x = up.get(x)) {
      const f = node.get(x)!.callFrame;
      if (f.functionName === '(root)' || f.functionName === '(idle)' || f.functionName === '(program)') continue;
      seen.add(`${f.functionName || '(anon)'}  ${f.url.split('/').pop()}:${f.lineNumber + 1}`);
    }
    for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  console.log(`top total time${focus ? ` under ${focus}` : ''}:`);
  for (const [k, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40)))
    console.log(`  ${(t / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}
// busy runs (≈ tasks): consecutive non-idle samples; for each run of ≥ 50 ms, its heaviest frames (self time) and its entry points
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
const rootOf = (id: number) => {
  const chain: Node[] = [];
  for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) chain.push(byId.get(x)!);
  return chain.reverse().slice(1, 4).map(label).join(' > ');
};
let t = 0;
interface Run {
  start: number;
  ms: number;
  self: Map<string, number>;
  roots: Map<string, number>;
}
let run: Run | null = null;
const runs: Run[] = [];
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i]! / 1000;
  const n = byId.get(profile.samples[i]!)!;
  const idle = n.callFrame.functionName === '(idle)';
  if (idle) {
    if (run) runs.push(run);
    run = null;
    continue;
  }
  run ??= { start: t, ms: 0, self: new Map(), roots: new Map() };
  const d = profile.timeDeltas[i + 1] ?? 0;
  run.ms += d / 1000;
  run.self.set(label(n), (run.self.get(label(n)) ?? 0) + d / 1000);
  const r = rootOf(n.id);
  run.roots.set(r, (run.roots.get(r) ?? 0) + d / 1000);
}
if (run !== null) runs.push(run);
for (const r of runs.filter((x) => x.ms >= 50)) {
  console.log(`busy run at ${r.start.toFixed(0)} ms: ${r.ms.toFixed(0)} ms`);
  for (const [k, v] of [...r.self].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`    self ${v.toFixed(0).padStart(5)}  ${k}`);
  for (const [k, v] of [...r.roots].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`    from ${v.toFixed(0).padStart(5)}  ${k}`);
}
// the raw profile, for Chrome DevTools' Performance panel
const PROFILE_OUT = join(ROOT, '.bench', `${MODE}.cpuprofile`);
writeFileSync(PROFILE_OUT, JSON.stringify(profile));
console.log(`profile written to ${PROFILE_OUT}`);
await s.close();
await server.close();
