/**
 * npm run bench
 *
 * Point-in-area linking, side by side on the same random points:
 *   engine        createLinker (Flatbush + per-polygon cell grid + Turf on edge cells)
 *   engine, grid 0 createLinker({ gridSize: 0 }) (Flatbush bbox prefilter, then Turf)
 *   naive         Turf booleanPointInPolygon against every district and every areal zone
 * Prints figures only; the one check is that all methods give the same district and zones for
 * every point (exit 1 otherwise).
 *
 * `benchLinking()` is the Node part; further suites (e.g. browser runs through playwright-core)
 * can sit beside it and be called from `main`.
 */
import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { booleanPointInPolygon } from '@turf/turf';
import { createLinker, isAreal } from '../src/geo/link';
import type { Linker } from '../src/geo/link';
import type { Areal, DistrictFeature, ZoneFeature } from '../src/geo/types';
import { bboxOf, isMain, loadGeo } from './link';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/lib/mulberry32';

// ---------------------------------------------------------------------------------- helpers

export { mulberry32 };

/** Interleaved lon, lat. */
export function randomPoints(n: number, box: readonly [number, number, number, number], seed: number): Float64Array {
  const rnd = mulberry32(seed);
  const out = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[2 * i] = box[0] + rnd() * (box[2] - box[0]);
    out[2 * i + 1] = box[1] + rnd() * (box[3] - box[1]);
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** A gc() when the runtime lets us have one (tsx cannot pass --expose-gc through npm scripts). */
function getGc(): (() => void) | null {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const fmtMB = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;

// ---------------------------------------------------------------------------------- methods

/** What every method answers per point: the district (first containing, in data order) and the areal zones. */
interface Answers {
  district: (string | null)[];
  zones: string[][];
}

type Method = (pts: Float64Array, n: number, out: Answers) => void;

function engineMethod(linker: Linker): Method {
  return (pts, n, out) => {
    for (let i = 0; i < n; i++) {
      const lon = pts[2 * i]!;
      const lat = pts[2 * i + 1]!;
      out.zones[i] = linker.zonesAt(lon, lat);
      out.district[i] = linker.districtOf(lon, lat);
    }
  };
}

function naiveMethod(districts: readonly DistrictFeature[], zones: readonly ZoneFeature[]): Method {
  const dGeoms: Areal[] = districts.map((d) => d.geometry);
  const dNames = districts.map((d) => d.properties.name_zh);
  const areal = zones.filter(isAreal);
  const zGeoms: Areal[] = areal.map((z) => z.geometry);
  const zIds = areal.map((z) => z.properties.id);
  return (pts, n, out) => {
    for (let i = 0; i < n; i++) {
      const p: [number, number] = [pts[2 * i]!, pts[2 * i + 1]!];
      let district: string | null = null;
      for (let k = 0; k < dGeoms.length; k++) if (booleanPointInPolygon(p, dGeoms[k]!) && district === null) district = dNames[k]!;
      const hits: string[] = [];
      for (let k = 0; k < zGeoms.length; k++) if (booleanPointInPolygon(p, zGeoms[k]!)) hits.push(zIds[k]!);
      out.district[i] = district;
      out.zones[i] = hits;
    }
  };
}

const newAnswers = (n: number): Answers => ({ district: new Array<string | null>(n).fill(null), zones: new Array<string[]>(n).fill([]) });

/** Warm-up once, then `reps` timed runs; returns the median ms. The answers are those of the last run. */
function time(method: Method, pts: Float64Array, n: number, out: Answers, reps: number): number {
  method(pts, n, out);
  const ms: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    method(pts, n, out);
    ms.push(performance.now() - t);
  }
  return median(ms);
}

interface Mismatch {
  point: number;
  lon: number;
  lat: number;
  method: string;
  expected: string;
  got: string;
}

/** Counts the points where `other` differs from `ref`; keeps the first few as examples. */
function compare(pts: Float64Array, n: number, ref: Answers, refName: string, other: Answers, name: string, out: Mismatch[]): number {
  let count = 0;
  for (let i = 0; i < n; i++) {
    const a = `${ref.district[i] ?? '-'} | ${ref.zones[i]!.join(',')}`;
    const b = `${other.district[i] ?? '-'} | ${other.zones[i]!.join(',')}`;
    if (a === b) continue;
    count++;
    if (out.length < 10) out.push({ point: i, lon: pts[2 * i]!, lat: pts[2 * i + 1]!, method: `${name} vs ${refName}`, expected: a, got: b });
  }
  return count;
}

// ---------------------------------------------------------------------------------- the suite

export interface BenchRow {
  method: string;
  medianMs: number;
  pointsPerSec: number;
  /** naive ms / this method's ms (how many times faster than naive) */
  speedup: number;
  note: string;
}

export interface BenchLinkingResult {
  seed: number;
  tables: { points: number; rows: BenchRow[] }[];
  identical: boolean;
  mismatches: Mismatch[];
}

export interface BenchLinkingOptions {
  points?: number;
  small?: number;
  seed?: number;
  reps?: number;
  /** run naive on everything if the estimate for warm-up + reps is below this (ms) */
  naiveBudgetMs?: number;
  log?: (line: string) => void;
}

export async function benchLinking(opts: BenchLinkingOptions = {}): Promise<BenchLinkingResult> {
  const N = opts.points ?? 100_000;
  const SMALL = Math.min(opts.small ?? 10_000, N);
  const seed = opts.seed ?? 20210705;
  const reps = opts.reps ?? 5;
  const budget = opts.naiveBudgetMs ?? 60_000;
  const log = opts.log ?? ((l: string) => console.log(l));

  const geo = loadGeo();
  if (typeof geo === 'string') throw new Error(geo);
  const { districts, zones } = geo;
  const arealCount = zones.filter(isAreal).length;
  const box = bboxOf(districts);
  const pts = randomPoints(N, box, seed);

  log(`Linking benchmark: ${fmtInt(N)} random points, uniform in the districts' bbox`);
  log(`  bbox [${box.map((v) => v.toFixed(4)).join(', ')}], PRNG mulberry32, seed ${seed}`);
  log(`  ${districts.length} districts, ${arealCount} areal zones (of ${zones.length}; axes are lines and not tested)`);
  log(`  timing: warm-up once, then median of ${reps} runs (performance.now); engine = zonesAt + districtOf per point`);

  // ---- index build: time and heap
  const gc = getGc();
  const build = (gridSize?: number) => {
    const times: number[] = [];
    let linker: Linker | null = null;
    for (let r = 0; r < reps; r++) {
      const t = performance.now();
      linker = createLinker(districts, zones, gridSize === undefined ? {} : { gridSize });
      times.push(performance.now() - t);
    }
    // heap: several copies kept alive at once, so the per-index figure rises above gc noise
    linker = null;
    const copies = 10;
    gc?.();
    gc?.();
    const before = process.memoryUsage();
    const kept: Linker[] = [];
    for (let c = 0; c < copies; c++) kept.push(createLinker(districts, zones, gridSize === undefined ? {} : { gridSize }));
    gc?.();
    gc?.();
    const after = process.memoryUsage();
    const heap = (after.heapUsed - before.heapUsed) / copies;
    // the grids and Flatbush's arrays are ArrayBuffers, which live outside the JS heap
    const buffers = (after.arrayBuffers - before.arrayBuffers) / copies;
    linker = kept[0]!;
    return { linker: linker as Linker, ms: median(times), heap, buffers };
  };
  const grid = build();
  const flat = build(0);
  log('');
  log(`Index build (one-off, median of ${reps}; memory = delta per index, mean of 10 kept alive${gc ? ', after gc' : ', no gc available: noisy'}):`);
  log(`  engine (grid 64)  ${fmtMs(grid.ms).padStart(8)} ms   heapUsed ${fmtMB(grid.heap)} + arrayBuffers ${fmtMB(grid.buffers)}`);
  log(`  engine (grid 0)   ${fmtMs(flat.ms).padStart(8)} ms   heapUsed ${fmtMB(flat.heap)} + arrayBuffers ${fmtMB(flat.buffers)}`);

  const methods: { name: string; run: Method }[] = [
    { name: 'engine (Flatbush + grid)', run: engineMethod(grid.linker) },
    { name: 'engine, gridSize 0 (Flatbush only)', run: engineMethod(flat.linker) },
    { name: 'naive (Turf on every polygon)', run: naiveMethod(districts, zones) },
  ];

  const tables: BenchLinkingResult['tables'] = [];
  const mismatches: Mismatch[] = [];

  for (const n of [N, SMALL].filter((v, i, a) => a.indexOf(v) === i)) {
    const answers = methods.map(() => newAnswers(n));
    const ms: number[] = [];
    const notes: string[] = [];
    for (let m = 0; m < methods.length; m++) {
      const { name, run } = methods[m]!;
      if (name.startsWith('naive') && n > SMALL) {
        // estimate from one run on the small subset; fall back to the subset if the full run would be too slow
        const t = performance.now();
        run(pts, SMALL, answers[m]!);
        const estimate = (performance.now() - t) * (n / SMALL) * (reps + 1);
        if (estimate > budget) {
          const sub = time(run, pts, SMALL, answers[m]!, reps);
          ms.push(sub * (n / SMALL));
          notes.push(`extrapolated ×${n / SMALL} from ${fmtInt(SMALL)} points (full run est. ${(estimate / 1000).toFixed(0)} s)`);
          continue;
        }
      }
      ms.push(time(run, pts, n, answers[m]!, reps));
      notes.push('');
    }
    // correctness: every method against the naive answers (only over points the naive run covered)
    const naiveIdx = methods.length - 1;
    const covered = notes[naiveIdx] ? SMALL : n;
    const diffs: string[] = [];
    const check = (count: number, what: string, of: number) => {
      if (count) diffs.push(`${what}: ${fmtInt(count)} of ${fmtInt(of)} points differ`);
    };
    for (let m = 0; m < naiveIdx; m++)
      check(compare(pts, covered, answers[naiveIdx]!, 'naive', answers[m]!, methods[m]!.name, mismatches), `${methods[m]!.name} vs naive`, covered);
    if (covered < n) check(compare(pts, n, answers[0]!, methods[0]!.name, answers[1]!, methods[1]!.name, mismatches), 'engine vs engine gridSize 0', n);

    const naiveMs = ms[naiveIdx]!;
    const rows: BenchRow[] = methods.map((m, i) => ({
      method: m.name,
      medianMs: ms[i]!,
      pointsPerSec: (n / ms[i]!) * 1000,
      speedup: naiveMs / ms[i]!,
      note: notes[i]!,
    }));
    tables.push({ points: n, rows });

    const inside = answers[0]!.district.filter((d) => d !== null).length;
    const withZone = answers[0]!.zones.filter((z) => z.length > 0).length;
    log('');
    log(`${fmtInt(n)} points (${((100 * inside) / n).toFixed(1)}% in a district, ${((100 * withZone) / n).toFixed(1)}% in a zone):`);
    log(formatTable(rows, n));
    if (diffs.length === 0) log(`  identical: yes (${fmtInt(n)} points${covered < n ? `; naive compared on ${fmtInt(covered)}` : ''})`);
    else log(`  identical: NO (${diffs.join('; ')})`);
  }

  if (mismatches.length) {
    log('');
    log('MISMATCHES (first 10):');
    for (const m of mismatches) log(`  point ${m.point} (${m.lon.toFixed(6)}, ${m.lat.toFixed(6)}) ${m.method}: expected [${m.expected}] got [${m.got}]`);
  }
  return { seed, tables, identical: mismatches.length === 0, mismatches };
}

function formatTable(rows: BenchRow[], n: number): string {
  const head = ['method', `median ms (${fmtInt(n)})`, 'points/s', 'vs naive'];
  const body = rows.map((r) => [
    r.method + (r.note ? ' *' : ''),
    fmtMs(r.medianMs),
    fmtInt(r.pointsPerSec),
    `${r.speedup.toFixed(1)}× faster`.replace(/^1\.0× faster$/, '1.0×'),
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  const out = [line(head), '  ' + w.map((x) => '-'.repeat(x)).join('  '), ...body.map(line)];
  for (const r of rows) if (r.note) out.push(`  * ${r.note}`);
  return out.join('\n');
}

// ---------------------------------------------------------------------------------- main

async function main(): Promise<number> {
  const cpuList = cpus();
  console.log(
    `Node ${process.version} on ${process.platform}/${process.arch}; ${availableParallelism()} CPUs (${cpuList[0]?.model.trim() ?? 'unknown model'})`,
  );
  console.log('');
  const t = performance.now();
  const node = await benchLinking();
  // the browser and sites benchmarks each run in a fresh Node process: the linking bench's heap
  // (and the garbage collection it leaves) must not slow the preview servers they start, and no
  // builds, servers or browsers of one benchmark are left to skew the next
  const child = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url))], { stdio: 'inherit' });
  const browser = child('./bench-browser.ts');
  if (browser.status !== 0) console.log(`browser benchmark exited with ${browser.status}`);
  const sites = child('./bench-sites.ts');
  if (sites.status !== 0) console.log(`sites benchmark exited with ${sites.status}`);
  console.log('');
  console.log(`Done in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
  return node.identical ? 0 : 1;
}

if (isMain(import.meta.url)) {
  process.exitCode = await main();
}
