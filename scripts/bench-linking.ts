/**
 * The linking benchmark (part of `npm run bench`; alone: `npx tsx scripts/bench-linking.ts`,
 * with `--check-all` to compare every one of the 5,000,000 points with Turf, `--sizes=10000,100000`
 * for other sizes).
 *
 * Random points, uniform in the districts' bounding box (one seeded stream: the 10k, 100k and 1M
 * sets are the first points of the 5M set), linked in one Node process on one core by
 *   linkMany      the engine's columnar batch call (createLinker(...).linkMany)
 *   per point     the same engine through districtOf + zonesAt, one call each per point
 *   previous      the engine before the one-grid index (scripts/bench-linking-previous.ts)
 *   naive         Turf booleanPointInPolygon on every district and every areal zone: the baseline
 * Each figure is the median of several runs after a warm-up, with the spread (min–max), and
 * beside it the naive baseline from the same run and the target (≥ 3,000,000 points/s at 100k and
 * 1M). Answers (district and every areal zone) are compared with naive Turf on every point up to
 * 1M; the 5M run is compared with naive Turf on its first 1M points (the same points) and with
 * Turf itself, bbox-prefiltered through the geometries' `bbox` members, on every 10th of the rest
 * (every one with --check-all). Exit code 1 if any answer differs.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import { AreaIndex } from '../src/geo/area-index';
import { createLinker, isAreal } from '../src/geo/link';
import type { LinkedColumns } from '../src/geo/link';
import type { Areal } from '../src/geo/types';
import { mulberry32 } from '../src/lib/mulberry32';
import { createPreviousLinker } from './bench-linking-previous';
import { bboxOf, isMain, loadGeo } from './link';
import { median } from './lib/median';

export const TARGET_POINTS_PER_SEC = 3_000_000;

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
/** 12,345,678 → "12.3M", 476,000 → "476k" */
const fmtRate = (r: number) => (r >= 1e6 ? `${(r / 1e6).toFixed(r >= 1e7 ? 1 : 2)}M` : r >= 1e3 ? `${(r / 1e3).toFixed(0)}k` : r.toFixed(0));

// ---------------------------------------------------------------------------------- answers

/**
 * What every method answers per point, as columns: the district (index in data order of the
 * first district containing the point, -1 for none) and the set of areal zones (an id from
 * `ZoneKeys`, one per distinct list of zone ids).
 */
interface Answers {
  district: Int32Array;
  zones: Int32Array;
}

class ZoneKeys {
  private readonly ids = new Map<string, number>();
  readonly lists: string[] = [];
  of(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.lists.length;
      this.lists.push(key);
      this.ids.set(key, id);
    }
    return id;
  }
}

const newAnswers = (n: number): Answers => ({ district: new Int32Array(n), zones: new Int32Array(n) });

interface Timing {
  /** wall-clock ms per call */
  median: number;
  min: number;
  max: number;
  runs: number;
  /** CPU ms (user + system, this process) per call: what the process got of the core */
  cpuMedian: number;
}

/**
 * `warm` untimed calls, then `reps` timed runs (with a gc before each when available) of `passes`
 * calls each; returns ms per call. Several passes per run keep a run long enough (≥ ~1M points)
 * that a scheduler's time slice on a shared machine does not decide it.
 */
function timeRuns(run: () => void, reps: number, warm: number, gc: (() => void) | null, passes = 1): Timing {
  for (let w = 0; w < warm; w++) run();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < reps; r++) {
    gc?.();
    const c = process.cpuUsage();
    const t = performance.now();
    for (let p = 0; p < passes; p++) run();
    ms.push((performance.now() - t) / passes);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000 / passes);
  }
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), runs: reps, cpuMedian: median(cpu) };
}

// ---------------------------------------------------------------------------------- the suite

export interface CurveRow {
  points: number;
  /** ms per run: median, min, max; null where the method was not run at this size */
  linkMany: Timing;
  perPoint: Timing | null;
  previous: Timing | null;
  naive: Timing | null;
  /** naive ms per point × points (from the largest naive run) where naive was not timed here */
  naiveExtrapolatedMs: number | null;
  /** points compared with a Turf answer, and how many differed (linkMany, per point, previous) */
  checked: number;
  differ: number;
}

export interface BenchLinkingResult {
  seed: number;
  rows: CurveRow[];
  build: { coldMs: number; ms: Timing; heapBytes: number; arrayBufferBytes: number };
  identical: boolean;
}

export interface BenchLinkingOptions {
  sizes?: number[];
  seed?: number;
  reps?: number;
  /** compare every point of sizes above the naive run with bbox-prefiltered Turf (default: every 10th) */
  checkAll?: boolean;
  log?: (line: string) => void;
}

export async function benchLinking(opts: BenchLinkingOptions = {}): Promise<BenchLinkingResult> {
  const sizes = [...(opts.sizes ?? [10_000, 100_000, 1_000_000, 5_000_000])].sort((a, b) => a - b);
  const seed = opts.seed ?? 20210705;
  const reps = opts.reps ?? 5;
  const log = opts.log ?? ((l: string) => console.log(l));
  const gc = getGc();
  // naive Turf runs once on every point up to this size (its answers are the check)
  const naiveUpTo = [...sizes].reverse().find((n) => n <= 1_000_000) ?? sizes[0]!;
  // the per-point and previous engines keep a JS array per point: not beyond 1M
  const perPointUpTo = 1_000_000;

  const geo = loadGeo();
  if (typeof geo === 'string') throw new Error(geo);
  const { districts, zones } = geo;
  const areal = zones.filter(isAreal);
  const box = bboxOf(districts);
  const N = sizes[sizes.length - 1]!;
  const pts = randomPoints(N, box, seed);
  const geoms: Areal[] = [...districts.map((d) => d.geometry), ...areal.map((z) => z.geometry)];

  log(`Linking: random points uniform in the districts' bbox [${box.map((v) => v.toFixed(4)).join(', ')}], mulberry32 seed ${seed}`);
  const edges = geoms.reduce((sum, g) => sum + (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat().reduce((k, ring) => k + ring.length - 1, 0), 0);
  log(`  ${districts.length} districts + ${areal.length} areal zones (of ${zones.length}; axes are lines), ${fmtInt(edges)} edges`);
  log(`  one Node process, one core; each figure: median of ${reps} runs after a warm-up [slowest–fastest] (3 runs for per point and`);
  log(`  previous from 1M points up); a run of the engine is ≥ 1M points (10k: 100 passes, 100k: 10), of the previous engine ≥ 100k`);

  // ---- build: time and memory (the first build of each engine in this process runs cold code)
  const once = (make: () => unknown) => {
    const c = process.cpuUsage();
    const t = performance.now();
    make();
    const u = process.cpuUsage(c);
    return { ms: performance.now() - t, cpu: (u.user + u.system) / 1000 };
  };
  const cold = once(() => createLinker(districts, zones));
  const build = timeRuns(() => createLinker(districts, zones), reps, 0, gc);
  const memoryOf = (make: () => unknown) => {
    const copies = 10;
    gc?.();
    gc?.();
    const before = process.memoryUsage();
    const kept: unknown[] = [];
    for (let c = 0; c < copies; c++) kept.push(make());
    gc?.();
    gc?.();
    const after = process.memoryUsage();
    const res = { heap: (after.heapUsed - before.heapUsed) / copies, buffers: (after.arrayBuffers - before.arrayBuffers) / copies, kept: kept.length };
    kept.length = 0;
    return res;
  };
  const mem = memoryOf(() => createLinker(districts, zones));
  const prevCold = once(() => createPreviousLinker(districts, zones));
  const prevBuild = timeRuns(() => createPreviousLinker(districts, zones), reps, 0, gc);
  const stats = new AreaIndex(geoms).stats();
  const prevMem = memoryOf(() => createPreviousLinker(districts, zones));
  const cells = stats.nx * stats.ny;
  log('');
  log(`Index build (createLinker on the real districts and zones; memory: mean per linker of 10 kept alive${gc ? ', after gc' : ', no gc: noisy'}):`);
  const buildLine = (c: { ms: number; cpu: number }, b: Timing) =>
    `first ${fmtMs(c.ms)} ms (cold; CPU ${fmtMs(c.cpu)} ms), then ${fmtMs(b.median)} ms [${fmtMs(b.min)}–${fmtMs(b.max)}] (CPU ${fmtMs(b.cpuMedian)} ms)`;
  log(`  engine     ${buildLine(cold, build)}; heapUsed ${fmtMB(mem.heap)} + arrayBuffers ${fmtMB(mem.buffers)}`);
  log(
    `             grid ${stats.nx} × ${stats.ny}: ${fmtInt(stats.decidedCells)} cells store their answer (${((100 * stats.decidedCells) / cells).toFixed(1)}%), ` +
      `${fmtInt(stats.undecidedCells)} keep edges (mean ${stats.meanTestsPerUndecidedCell.toFixed(1)} edges + thresholds); typed arrays ${fmtMB(stats.typedBytes)}`,
  );
  log(`  previous   ${buildLine(prevCold, prevBuild)}; heapUsed ${fmtMB(prevMem.heap)} + arrayBuffers ${fmtMB(prevMem.buffers)}`);

  // ---- methods
  const linker = createLinker(districts, zones);
  const previous = createPreviousLinker(districts, zones);
  const keys = new ZoneKeys();
  const districtIdx = new Map(districts.map((d, i) => [d.properties.name_zh, i]));

  const columns: LinkedColumns = { district: new Int32Array(N), zoneSet: new Int32Array(N) };
  const runLinkMany = (n: number) => linker.linkMany(pts.subarray(0, 2 * n), columns);
  const linkManyAnswers = (n: number): Answers => {
    const zoneSetKey = linker.zoneSets.map((ids) => keys.of(ids.join(',')));
    const a = newAnswers(n);
    a.district.set(columns.district.subarray(0, n));
    for (let i = 0; i < n; i++) a.zones[i] = zoneSetKey[columns.zoneSet[i]!]!;
    return a;
  };

  /** districtOf + zonesAt per point, results kept as the API returns them (as the old bench did) */
  type PerPoint = { districtOf(x: number, y: number): string | null; zonesAt(x: number, y: number): string[] };
  const perPointStore = { district: [] as (string | null)[], zones: [] as string[][] };
  const runPerPoint = (l: PerPoint, n: number) => {
    const { district, zones: zs } = perPointStore;
    for (let i = 0; i < n; i++) {
      const x = pts[2 * i]!;
      const y = pts[2 * i + 1]!;
      zs[i] = l.zonesAt(x, y);
      district[i] = l.districtOf(x, y);
    }
  };
  const perPointAnswers = (n: number): Answers => {
    const a = newAnswers(n);
    for (let i = 0; i < n; i++) {
      const d = perPointStore.district[i]!;
      a.district[i] = d === null ? -1 : districtIdx.get(d)!;
      a.zones[i] = keys.of(perPointStore.zones[i]!.join(','));
    }
    return a;
  };

  const naiveAnswers = newAnswers(naiveUpTo);
  const zoneIds = areal.map((z) => z.properties.id);
  const runNaive = (from: number, to: number, out: Answers, geometries: readonly Areal[], offset = 0) => {
    const nd = districts.length;
    const hits: string[] = [];
    for (let i = from; i < to; i++) {
      const p: [number, number] = [pts[2 * i]!, pts[2 * i + 1]!];
      let district = -1;
      for (let k = 0; k < nd; k++) if (booleanPointInPolygon(p, geometries[k]!) && district < 0) district = k;
      hits.length = 0;
      for (let k = nd; k < geometries.length; k++) if (booleanPointInPolygon(p, geometries[k]!)) hits.push(zoneIds[k - nd]!);
      out.district[i - offset] = district;
      out.zones[i - offset] = keys.of(hits.join(','));
    }
  };

  // ---- the curve: every method at every size, answers kept for the check below
  const rows: CurveRow[] = [];
  const answersAt = new Map<number, Answers[]>();
  let naiveMsPerPoint = 0;
  for (const n of sizes) {
    // the per-point and previous engines take seconds per run from 1M points up: 3 runs there
    const r = n >= 1_000_000 ? Math.min(reps, 3) : reps;
    const passes = Math.max(1, Math.round(1_000_000 / n));
    gc?.();
    const lm = timeRuns(() => runLinkMany(n), reps, passes, gc, passes);
    const kept = [linkManyAnswers(n)];
    let pp: Timing | null = null;
    let pv: Timing | null = null;
    if (n <= perPointUpTo) {
      pp = timeRuns(() => runPerPoint(linker, n), r, passes, gc, passes);
      kept.push(perPointAnswers(n));
      pv = timeRuns(() => runPerPoint(previous, n), r, 1, gc, Math.max(1, Math.round(passes / 10)));
      kept.push(perPointAnswers(n));
      perPointStore.district.length = 0;
      perPointStore.zones.length = 0;
    }
    answersAt.set(n, kept);

    // naive: timed below naiveUpTo; at naiveUpTo one timed run over every point, whose answers
    // are the reference for every smaller size too (the same first points); above, extrapolated
    let nv: Timing | null = null;
    let naiveExtrapolatedMs: number | null = null;
    if (n < naiveUpTo) {
      const scratch = newAnswers(n);
      nv = n <= 10_000 ? timeRuns(() => runNaive(0, n, scratch, geoms), r, 1, gc) : timeRuns(() => runNaive(0, n, scratch, geoms), 3, 0, gc);
      naiveMsPerPoint = nv.median / n;
    } else if (n === naiveUpTo) {
      gc?.();
      const t = performance.now();
      runNaive(0, n, naiveAnswers, geoms);
      const ms = performance.now() - t;
      nv = { median: ms, min: ms, max: ms, runs: 1, cpuMedian: NaN };
      naiveMsPerPoint = ms / n;
    } else naiveExtrapolatedMs = naiveMsPerPoint * n;
    rows.push({ points: n, linkMany: lm, perPoint: pp, previous: pv, naive: nv, naiveExtrapolatedMs, checked: 0, differ: 0 });
  }

  // ---- identical answers
  const compare = (ref: Answers, got: Answers, from: number, to: number, step = 1): number => {
    let differ = 0;
    for (let i = from; i < to; i += step) if (ref.district[i] !== got.district[i] || ref.zones[i] !== got.zones[i]) differ++;
    return differ;
  };
  const notes: string[] = [];
  for (const row of rows) {
    const n = row.points;
    const kept = answersAt.get(n)!;
    if (n <= naiveUpTo) {
      row.checked = n;
      row.differ = kept.reduce((sum, a) => sum + compare(naiveAnswers, a, 0, n), 0);
      continue;
    }
    // beyond the naive run: its first naiveUpTo points are the same points; the rest against Turf
    // with bbox members (Turf then skips a geometry whose bbox excludes the point, where its ring
    // test says outside anyway)
    const step = opts.checkAll ? 1 : 10;
    const withBbox = geoms.map((g) => ({ ...g, bbox: turfBbox(g) }) as Areal);
    const ref = newAnswers(n);
    const t = performance.now();
    for (let i = naiveUpTo; i < n; i += step) runNaive(i, i + 1, ref, withBbox);
    const refMs = performance.now() - t;
    row.differ = kept.reduce((sum, a) => sum + compare(naiveAnswers, a, 0, naiveUpTo) + compare(ref, a, naiveUpTo, n, step), 0);
    row.checked = naiveUpTo + Math.ceil((n - naiveUpTo) / step);
    notes.push(
      `${fmtInt(n)}: the first ${fmtInt(naiveUpTo)} points against naive Turf, then ${step === 1 ? 'every point' : `every ${step}th point`} of the other ` +
        `${fmtInt(n - naiveUpTo)} against Turf with bbox members (${(refMs / 1000).toFixed(0)} s)${step === 1 ? '' : '; --check-all compares every point'}`,
    );
  }
  const identical = rows.every((row) => row.differ === 0);

  // ---- print
  const perSec = (n: number, ms: number) => (n / ms) * 1000;
  const cell = (n: number, t: Timing | null) => (t ? `${fmtRate(perSec(n, t.median))} [${fmtRate(perSec(n, t.max))}–${fmtRate(perSec(n, t.min))}]` : '—');
  log('');
  log(`Cost curve: points/s, median [slowest–fastest run]; baseline = naive Turf in this run; target ≥ ${fmtInt(TARGET_POINTS_PER_SEC)}/s at 100k and 1M:`);
  const head = [
    'points',
    'linkMany (columns)',
    'ms',
    'ns/point',
    'by CPU time',
    'per point',
    'previous engine',
    'naive Turf',
    'linkMany ÷ naive',
    '÷ previous',
    'target',
  ];
  const body = rows.map((row) => {
    const n = row.points;
    const naiveMs = row.naive?.median ?? row.naiveExtrapolatedMs!;
    const rate = perSec(n, row.linkMany.median);
    return [
      fmtInt(n),
      cell(n, row.linkMany),
      fmtMs(row.linkMany.median),
      ((row.linkMany.median * 1e6) / n).toFixed(0),
      fmtRate(perSec(n, row.linkMany.cpuMedian)),
      cell(n, row.perPoint),
      cell(n, row.previous),
      row.naive ? `${fmtRate(perSec(n, row.naive.median))}${row.naive.runs === 1 ? ' (1 run)' : ''}` : `${fmtRate(perSec(n, naiveMs))} *`,
      `${(naiveMs / row.linkMany.median).toFixed(0)}×${row.naive ? '' : ' *'}`,
      row.previous ? `${(row.previous.median / row.linkMany.median).toFixed(1)}×` : '—',
      rate >= TARGET_POINTS_PER_SEC ? 'met' : n === 100_000 || n === 1_000_000 ? 'NOT MET' : '(curve)',
    ];
  });
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i === 0 ? c.padStart(w[i]!) : c.padStart(w[i]!))).join('  ');
  log(line(head));
  log('  ' + w.map((x) => '-'.repeat(x)).join('  '));
  for (const b of body) log(line(b));
  log(`  by CPU time: points per second of this process's CPU time (median run), less swayed by other load on the machine`);
  log(`  per point: districtOf + zonesAt on each point, every answer kept in a JS array as callers do (allocation and GC included)`);
  log(`  * naive at this size extrapolated from its ${fmtInt(naiveUpTo)}-point run (its time per point is constant)`);
  const base = rows.find((r) => r.points === 100_000) ?? rows[0]!;
  const nsBase = base.linkMany.median / base.points;
  log(
    `  linear growth: time per point relative to ${fmtInt(base.points)} points: ` +
      rows.map((r) => `${fmtInt(r.points)} ${(r.linkMany.median / r.points / nsBase).toFixed(2)}×`).join(', '),
  );
  const verdict = rows
    .filter((row) => row.points === 100_000 || row.points === 1_000_000)
    .map((row) => {
      const rate = perSec(row.points, row.linkMany.median);
      return `${fmtInt(row.points)}: ${fmtInt(rate)}/s (${(rate / TARGET_POINTS_PER_SEC).toFixed(1)}× the target; by CPU time ${fmtInt(perSec(row.points, row.linkMany.cpuMedian))}/s)`;
    });
  if (verdict.length) log(`  target ≥ ${fmtInt(TARGET_POINTS_PER_SEC)} points/s on one core: ${verdict.join('; ')}`);
  log('');
  log('Identical answers (district and every areal zone; linkMany, per point and previous engine against Turf):');
  for (const row of rows)
    log(`  ${fmtInt(row.points).padStart(9)} points: ${row.differ === 0 ? 'identical' : `${fmtInt(row.differ)} DIFFER`} on ${fmtInt(row.checked)} compared`);
  for (const n of notes) log(`  ${n}`);

  return {
    seed,
    rows,
    build: { coldMs: cold.ms, ms: build, heapBytes: mem.heap, arrayBufferBytes: mem.buffers },
    identical,
  };
}

if (isMain(import.meta.url)) {
  const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
  const res = await benchLinking({
    checkAll: process.argv.includes('--check-all'),
    ...(sizesArg ? { sizes: sizesArg.slice('--sizes='.length).split(',').map(Number) } : {}),
  });
  process.exitCode = res.identical ? 0 : 1;
}
