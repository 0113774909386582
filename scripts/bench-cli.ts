/**
 * npx tsx scripts/bench-cli.ts [--rows 1000000,5000000] [--runs 3]   (also run by `npm run bench`)
 *
 * `npm run link` at scale: a generated CSV (id, name, lon, lat, category; random points over
 * Shanghai's bounding box, so about half fall outside and are kept and counted) is linked to a CSV,
 * each run in a fresh Node process (`node --import tsx scripts/link.ts`, so the TypeScript loader's
 * start is counted), and beside it, in the same run, two floors of any streaming line tool in Node
 * reading the same file in the same 1 MiB chunks and writing every line back (no parsing, no
 * linking): "text" decodes the bytes and cuts the text into lines (what a tool that handles rows
 * as strings cannot go below; it writes 6 times less than we do), "bytes" finds the line ends in
 * the bytes and writes each line with a fixed tail as long as our linked columns (what the byte
 * path of `npm run link` cannot go below: it writes as much as we do).
 * Printed per size:
 *   rows/s       end to end, start of the process to its exit (median of the runs, min–max);
 *   rows/CPU-s   rows per second of the process's user + system CPU time (median, min–max: less hit
 *                by a busy machine than rows/s);
 *   peak RSS     the process's maxRSS (process.resourceUsage at exit), the largest of the runs;
 *   floors       the floors' rows/s (median), and our rows/s over each, from the same runs;
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
import { median } from './lib/median';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Reports the child's CPU time and peak memory on exit, on stderr (the bench reads it). */
const PROBE = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\n@probe '+JSON.stringify({cpu:(u.userCPUTime+u.systemCPUTime)/1e6,maxRss:u.maxRSS*1024})+'\\n')})`;

/** The text floor: read in 1 MiB chunks, decode, cut into lines, write each line back. */
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

/**
 * The bytes floor: read in 1 MiB chunks, find the line ends in the bytes, and write each line back
 * with a fixed tail of TAIL_BYTES bytes (about what the linked columns add to a row of this data,
 * so that it writes about as much as `npm run link` does): the byte path without parsing or linking.
 */
const TAIL_BYTES = 226;
const BYTES_FLOOR = `
const fs = require('node:fs');
const [inFile, outFile] = process.argv.slice(1);
const src = fs.openSync(inFile, 'r'), dst = fs.openSync(outFile, 'w');
const tail = new Uint8Array(${TAIL_BYTES}).fill(120);
let buf = new Uint8Array(2 << 20), len = 0, rows = 0, n, out = new Uint8Array(8 << 20), o = 0;
const line = (s, e) => {
  if (o + e - s + tail.length + 2 > out.length) { fs.writeSync(dst, out, 0, o); o = 0; }
  for (let i = s; i < e; i++) out[o++] = buf[i];
  out.set(tail, o); o += tail.length; out[o++] = 13; out[o++] = 10; rows++;
};
while ((n = fs.readSync(src, buf, len, 1 << 20, null)) > 0) {
  len += n;
  let s = 0;
  for (let i = 0; i < len; i++) if (buf[i] === 10) { line(s, i > s && buf[i - 1] === 13 ? i - 1 : i); s = i + 1; }
  buf.copyWithin(0, s, len); len -= s;
}
if (len > 0) line(0, len);
fs.writeSync(dst, out, 0, o);
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

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const MB = (b: number) => (b / 1024 / 1024).toFixed(0);

export interface CliBenchRow {
  rows: number;
  rowsPerS: number[];
  rowsPerCpuS: number[];
  peakRssMB: number;
  floorRowsPerS: number[];
  bytesFloorRowsPerS: number[];
}

const span = (xs: number[]) => `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`;

export function benchCli(sizes: readonly number[], runs: number): CliBenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  const out: CliBenchRow[] = [];
  try {
    console.log('npm run link, CSV in → CSV out, each run a fresh process; floors: read, (decode,) cut into lines, write back');
    console.log(
      `  ${'rows'.padStart(10)}  ${'MB in'.padStart(5)}  ${'rows/s (median, min–max)'.padEnd(28)}  ${'rows/CPU-s (median, min–max)'.padEnd(30)}  ${'peak RSS'.padStart(8)}  ${'floor: text'.padStart(11)}  ${'× text'.padStart(6)}  ${'bytes'.padStart(9)}  × bytes`,
    );
    for (const n of sizes) {
      const inFile = join(dir, `register-${n}.csv`);
      writeRegisterCsv(inFile, n);
      const outFile = join(dir, `linked-${n}.csv`);
      const floorOut = join(dir, `floor-${n}.csv`);
      const ours: Run[] = [];
      const floor: Run[] = [];
      const bytesFloor: Run[] = [];
      // interleaved, so that a busy spell of the machine hits all three
      for (let r = 0; r < runs; r++) {
        floor.push(spawnMeasured(['-e', FLOOR, inFile, floorOut]));
        bytesFloor.push(spawnMeasured(['-e', BYTES_FLOOR, inFile, floorOut]));
        ours.push(spawnMeasured(['--import', 'tsx', join(ROOT, 'scripts', 'link.ts'), '--in', inFile, '--out', outFile]));
        const check = checkOutput(outFile);
        if (check.rows !== n || !/^F1,企业1,[\d.]+,[\d.]+,/.test(check.first)) throw new Error(`output of ${n} rows: ${check.rows} rows, first ${check.first}`);
      }
      const rate = ours.map((x) => n / x.wallS);
      const cpuRate = ours.map((x) => n / x.cpuS);
      const floorRate = floor.map((x) => n / x.wallS);
      const bytesRate = bytesFloor.map((x) => n / x.wallS);
      const peak = Math.max(...ours.map((x) => x.maxRss));
      out.push({ rows: n, rowsPerS: rate, rowsPerCpuS: cpuRate, peakRssMB: peak / 1024 / 1024, floorRowsPerS: floorRate, bytesFloorRowsPerS: bytesRate });
      console.log(
        `  ${fmt(n).padStart(10)}  ${MB(statSync(inFile).size).padStart(5)}  ${span(rate).padEnd(28)}  ${span(cpuRate).padEnd(30)}  ${`${MB(peak)} MB`.padStart(8)}  ${fmt(median(floorRate)).padStart(11)}  ${(median(rate) / median(floorRate)).toFixed(2).padStart(6)}  ${fmt(median(bytesRate)).padStart(9)}  ${(median(rate) / median(bytesRate)).toFixed(2)}`,
      );
      rmSync(inFile);
      rmSync(outFile, { force: true });
      rmSync(floorOut, { force: true });
    }
    const big = out.at(-1)!;
    const r = median(big.rowsPerS);
    console.log(
      `  target (${fmt(big.rows)} rows): peak RSS < 400 MB: ${big.peakRssMB < 400 ? 'met' : 'not met'} (${big.peakRssMB.toFixed(0)} MB); ` +
        `≥ 500,000 rows/s: ${r >= 500_000 ? 'met' : 'not met'} (median ${fmt(r)}, best ${fmt(Math.max(...big.rowsPerS))}; ` +
        `per CPU second ${fmt(median(big.rowsPerCpuS))}; the floors on this machine now: text ${fmt(median(big.floorRowsPerS))}, bytes ${fmt(median(big.bytesFloorRowsPerS))})`,
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
