/**
 * npx tsx scripts/bench-cli.ts [--rows 1000000,5000000] [--runs 3]   (also run by `npm run bench`)
 *
 * `npm run link` at scale: a generated CSV (id, name, lon, lat, category; random points over
 * Shanghai's bounding box, so about half fall outside and are kept and counted) is linked to a CSV,
 * each run in a fresh Node process, and beside it, in the same run, the floor of any streaming
 * line tool in Node: a process that reads the same file in the same 1 MiB chunks, decodes it,
 * cuts it into lines and writes every line back (no parsing, no linking). Printed per size:
 *   rows/s       end to end, start of the process to its exit (median of the runs, min–max);
 *   rows/CPU-s   rows per second of the process's user + system CPU time (less hit by a busy machine);
 *   peak RSS     the process's maxRSS (process.resourceUsage at exit), the largest of the runs;
 *   × floor      our rows/s over the floor's, from the same run;
 * with the targets: peak RSS < 400 MB and ≥ 500,000 rows/s for 5,000,000 rows. Every output is
 * checked (its row count and its first row).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/lib/mulberry32';
import { isMain } from './link';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Reports the child's CPU time and peak memory on exit, on stderr (the bench reads it). */
const PROBE = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\n@probe '+JSON.stringify({cpu:(u.userCPUTime+u.systemCPUTime)/1e6,maxRss:u.maxRSS*1024})+'\\n')})`;

/** The floor: read in 1 MiB chunks, decode, cut into lines, write each line back. */
const FLOOR = `
const fs = require('node:fs');
const [inFile, outFile] = process.argv.slice(1);
const src = fs.openSync(inFile, 'r'), dst = fs.openSync(outFile, 'w');
const buf = new Uint8Array(1 << 20), dec = new TextDecoder(), enc = new TextEncoder();
let out = new Uint8Array(16 << 20), rest = '', rows = 0, n;
const flush = (lines) => { const s = lines.join('\\r\\n') + '\\r\\n'; if (out.length < 3 * s.length) out = new Uint8Array(3 * s.length); const w = enc.encodeInto(s, out).written; fs.writeSync(dst, out, 0, w); };
while ((n = fs.readSync(src, buf, 0, buf.length, null)) > 0) {
  const lines = (rest + dec.decode(buf.subarray(0, n), { stream: true })).split('\\r\\n');
  rest = lines.pop(); rows += lines.length; flush(lines);
}
if (rest) { rows++; flush([rest]); }
fs.closeSync(src); fs.closeSync(dst);
`;

/** Random points over Shanghai's bounding box (and a little beyond), written a block at a time. */
export function writeRegisterCsv(file: string, rows: number, seed = 1): void {
  const rnd = mulberry32(seed);
  const fd = openSync(file, 'w');
  writeSync(fd, 'id,name,lon,lat,category\r\n');
  let part: string[] = [];
  for (let i = 1; i <= rows; i++) {
    part.push(`F${i},企业${i},${(120.8 + rnd() * 1.2).toFixed(6)},${(30.6 + rnd() * 1.3).toFixed(6)},C${i % 20}\r\n`);
    if (part.length === 50_000) {
      writeSync(fd, part.join(''));
      part = [];
    }
  }
  writeSync(fd, part.join(''));
  closeSync(fd);
}

interface Run {
  wallS: number;
  cpuS: number;
  maxRss: number;
}

function spawnMeasured(args: string[]): Run {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', PROBE, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallS = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr.slice(-2000)}`);
  const m = /@probe (\{.*\})/.exec(r.stderr);
  if (!m) throw new Error(`no probe line from ${args.join(' ')}`);
  const p = JSON.parse(m[1]!) as { cpu: number; maxRss: number };
  return { wallS, cpuS: p.cpu, maxRss: p.maxRss };
}

/** Counts the rows of a CSV we wrote (CRLF line ends, no quoted line breaks in these files) and returns its first data row. */
function checkOutput(file: string): { rows: number; first: string } {
  const fd = openSync(file, 'r');
  const buf = new Uint8Array(4 << 20);
  let lines = 0;
  let head = '';
  let n: number;
  while ((n = readSync(fd, buf, 0, buf.length, null)) > 0) {
    if (head.length < 4096) head += new TextDecoder().decode(buf.subarray(0, Math.min(n, 4096)));
    for (let i = 0; i < n; i++) if (buf[i] === 10) lines++;
  }
  closeSync(fd);
  return { rows: lines - 1, first: head.split('\r\n')[1] ?? '' };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const MB = (b: number) => (b / 1024 / 1024).toFixed(0);

export interface CliBenchRow {
  rows: number;
  rowsPerS: number[];
  rowsPerCpuS: number[];
  peakRssMB: number;
  floorRowsPerS: number[];
}

export function benchCli(sizes: readonly number[], runs: number): CliBenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  const out: CliBenchRow[] = [];
  try {
    console.log('npm run link, CSV in → CSV out, each run a fresh process (floor: read, decode, cut into lines, write back)');
    console.log(
      `  ${'rows'.padStart(10)}  ${'MB in'.padStart(6)}  ${'rows/s (median, min–max)'.padEnd(30)}  ${'rows/CPU-s'.padStart(10)}  ${'peak RSS'.padStart(9)}  ${'floor rows/s'.padStart(12)}  × floor`,
    );
    for (const n of sizes) {
      const inFile = join(dir, `register-${n}.csv`);
      writeRegisterCsv(inFile, n);
      const outFile = join(dir, `linked-${n}.csv`);
      const floorOut = join(dir, `floor-${n}.csv`);
      const ours: Run[] = [];
      const floor: Run[] = [];
      // interleaved, so that a busy spell of the machine hits both
      for (let r = 0; r < runs; r++) {
        floor.push(spawnMeasured(['-e', FLOOR, inFile, floorOut]));
        ours.push(spawnMeasured(['--import', 'tsx', join(ROOT, 'scripts', 'link.ts'), '--in', inFile, '--out', outFile]));
        const check = checkOutput(outFile);
        if (check.rows !== n || !/^F1,企业1,[\d.]+,[\d.]+,/.test(check.first)) throw new Error(`output of ${n} rows: ${check.rows} rows, first ${check.first}`);
      }
      const rate = ours.map((x) => n / x.wallS);
      const cpuRate = ours.map((x) => n / x.cpuS);
      const floorRate = floor.map((x) => n / x.wallS);
      const peak = Math.max(...ours.map((x) => x.maxRss));
      out.push({ rows: n, rowsPerS: rate, rowsPerCpuS: cpuRate, peakRssMB: peak / 1024 / 1024, floorRowsPerS: floorRate });
      console.log(
        `  ${fmt(n).padStart(10)}  ${MB(statSync(inFile).size).padStart(6)}  ${`${fmt(median(rate))} (${fmt(Math.min(...rate))}–${fmt(Math.max(...rate))})`.padEnd(30)}  ${fmt(median(cpuRate)).padStart(10)}  ${`${MB(peak)} MB`.padStart(9)}  ${fmt(median(floorRate)).padStart(12)}  ${(median(rate) / median(floorRate)).toFixed(2)}`,
      );
      rmSync(inFile);
      rmSync(outFile, { force: true });
      rmSync(floorOut, { force: true });
    }
    const big = out.at(-1)!;
    console.log(
      `  target (${fmt(big.rows)} rows): peak RSS < 400 MB: ${big.peakRssMB < 400 ? 'met' : 'not met'} (${big.peakRssMB.toFixed(0)} MB); ≥ 500,000 rows/s: ${median(big.rowsPerS) >= 500_000 ? 'met' : 'not met'} (${fmt(median(big.rowsPerS))}; the floor on this machine now: ${fmt(median(big.floorRowsPerS))})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (isMain(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const sizes = (arg('--rows') ?? '1000000,5000000').split(',').map(Number);
  const runs = Number(arg('--runs') ?? 3);
  benchCli(sizes, runs);
}
