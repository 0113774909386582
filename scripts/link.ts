/**
 * npm run link -- --in FILE --out FILE [--skip-invalid] [--fix-swapped] [--crs wgs84|gcj02|bd09] [--encoding auto|utf-8|gbk|utf-16le|utf-16be]
 *
 * Links every point of a CSV, GeoJSON or newline-delimited GeoJSON file to the plan (district,
 * zones, sectors and the reasons) through the same path the app's import uses
 * (src/io/link-sites.ts: decode → read → convert → link) and writes GeoJSON, newline-delimited
 * GeoJSON when --out ends in .ndjson/.geojsonl/.geojsons/.jsonl, or CSV when it ends in .csv.
 * Reads public/geo/{districts,zones}.geojson, so run `npm run build:data` first.
 *
 * CSV in and CSV out take the byte path (src/export/csv-link-bytes.ts): plain rows are read and
 * written on the file's bytes, every other record the way above; the output is the same, byte for
 * byte (LinkIO.bytePath: false runs the general path, for the tests that compare them).
 *
 * Streaming: the input is read and the output written a chunk at a time (the writing on a thread of
 * its own, scripts/lib/threaded-writer.ts, while this one links the next rows), so memory does not grow
 * with the file (CSV and newline-delimited GeoJSON; a GeoJSON FeatureCollection is parsed whole and
 * limited to MAX_FILE_BYTES). The output goes to a temporary file beside --out, renamed over it at
 * the end only when every row was good (or with --skip-invalid): a failed run writes nothing.
 * The duplicate-id check keeps fingerprints, not ids (src/io/ids.ts).
 *
 * The work is in `runLink(args, io)`, which never exits the process and never throws on bad
 * input: it returns the exit code (0 ok, 1 bad input / failed, 2 usage), so tests call it
 * directly with injected io.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLinker } from '../src/geo/link';
import { OUTSIDE } from '../src/geo/sites';
import type { LinkAreas, SiteCombo } from '../src/geo/sites';
import { CRS_LABEL, parseCrs } from '../src/geo/crs';
import type { Crs } from '../src/geo/crs';
import type { DistrictCollection, DistrictFeature, ZoneCollection } from '../src/geo/types';
import { ENCODING_LABEL, bomOf, parseEncodingChoice } from '../src/io/decode';
import type { EncodingChoice, EncodingReport } from '../src/io/decode';
import { fingerprintIds } from '../src/io/ids';
import { createFileLinker } from '../src/io/link-sites';
import type { LinkedBatch } from '../src/io/link-sites';
import { formatFromName, isGeoJsonSeqName, sniffFormat } from '../src/io/read-points';
import { createCsvCsvLinker } from '../src/export/csv-link-bytes';
import type { RowError } from '../src/io/points';
import { MAX_FILE_BYTES, fileSizeProblem } from '../src/io/limits';
import { BOM } from '../src/export/csv-cell';
import { LINK_KEYS, OWN_CSV_COLUMNS, linkedCsvHeader, linkedCsvWriter, linkedFeatureWriter } from '../src/export/linked-points';
import type { LinkedRow, RowOut, RowWriter } from '../src/export/linked-points';
import { openThreadedWriter } from './lib/threaded-writer';
import { DistrictsSchema, ZonesSchema, formatDataError, parseWith } from '../src/loaders/schemas';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const GEO_DIR = join(ROOT, 'public', 'geo');

export const USAGE = `Usage: npm run link -- --in FILE --out FILE [--skip-invalid] [--fix-swapped] [--crs CRS] [--encoding ENC]

Links each point to its Shanghai district, the plan's zones containing it and their sectors.
Writes GeoJSON Point features (WGS-84): a FeatureCollection, or one Feature per line when --out
ends in .ndjson, .geojsonl, .geojsons or .jsonl; or CSV (UTF-8 with BOM, opens in Excel) when
--out ends in .csv. A point outside Shanghai is kept: no district, no zones, outside=true.

  --in FILE        points: .csv with a header naming lon,lat (or lng/longitude/经度, latitude/纬度)
                   and optionally id, name/名称 (delimiter , ; or TAB); .geojson/.json with Point
                   features; or newline-delimited GeoJSON (.ndjson/.geojsonl/.geojsons/.jsonl)
  --out FILE       the file to write (written only when every row is good, or with --skip-invalid)
  --skip-invalid   write the good points and skip bad rows (they are still listed on stderr)
  --fix-swapped    read rows whose lon/lat are clearly swapped as points, swapped back
  --crs CRS        coordinate system of the input: wgs84 (default), gcj02 (AMap, Tencent) or
                   bd09 (Baidu); converted to WGS-84 before linking
  --encoding ENC   text encoding of the input: auto (default: a BOM, else UTF-8 if valid, else
                   GB18030), utf-8, gbk (= gb18030), utf-16le, utf-16be
  -h, --help       this text

CSV and newline-delimited GeoJSON are streamed: any number of rows, in bounded memory (a
GeoJSON FeatureCollection is read whole: at most ${MAX_FILE_BYTES / 1024 / 1024} MB). Bad rows are listed on stderr as
they are met, as FILE:LINE: reason (CSV, newline-delimited GeoJSON) or FILE: feature N: reason
(GeoJSON, N counts from 0 as in features[N]). A CSV output's extra columns are the input's
columns met in its first ${'4,096'} rows. On a terminal a progress line shows rows and rows/s.
Exit codes: 0 written, 1 bad input (nothing written), 2 usage error. Needs public/geo from
\`npm run build:data\`.`;

export interface LinkOptions {
  inFile: string;
  outFile: string;
  skipInvalid: boolean;
  fixSwapped: boolean;
  crs: Crs;
  encoding: EncodingChoice;
}

/** A file read a chunk at a time. */
export interface ReadHandle {
  /** bytes in the file (for the progress line; 0 when unknown) */
  size: number;
  /** fills `into` from the current position; 0 at the end */
  read(into: Uint8Array): number;
  close(): void;
}

/** A file written a piece at a time. */
export interface WriteHandle {
  /** writes the bytes before it returns (the caller reuses the buffer) */
  write(bytes: Uint8Array): void;
  close(): void;
}

export interface LinkIO {
  /** Opens a file to read; throws (like fs) when it cannot. */
  openRead(path: string): ReadHandle;
  /** Creates (or empties) a file to write; throws when it cannot. */
  openWrite(path: string): WriteHandle;
  rename(from: string, to: string): void;
  remove(path: string): void;
  /** Reads a whole (small) file: the districts and zones. */
  readFile(path: string): Uint8Array;
  exists(path: string): boolean;
  /** One line (no trailing newline) to standard output / standard error. */
  stdout(line: string): void;
  stderr(line: string): void;
  /** A progress line, redrawn in place ('' clears it); null: no progress (not a terminal). */
  progress: ((line: string) => void) | null;
  /** Folder holding districts.geojson and zones.geojson (default: public/geo of this repo). */
  geoDir: string;
  /** Bytes read at a time (default 1 MiB: less garbage per chunk than 4 MiB, 16 MB less peak memory at 1M rows). */
  chunkBytes: number;
  /** CSV → CSV through the byte-level path (default true; false: the general path, for comparison) */
  bytePath: boolean;
}

/** A file to write (created, or emptied), on this thread: throws like fs when it cannot be opened, and when a write fails. */
export function openFileWriter(path: string): WriteHandle {
  const fd = openSync(path, 'w');
  return {
    write: (bytes) => {
      let at = 0;
      while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    },
    close: () => closeSync(fd),
  };
}

const defaultIO: LinkIO = {
  openRead(path) {
    const fd = openSync(path, 'r');
    return {
      size: fstatSync(fd).size,
      read: (into) => readSync(fd, into, 0, into.length, null),
      close: () => closeSync(fd),
    };
  },
  // written on a thread of its own, while this one links the next rows
  openWrite: (path) => openThreadedWriter(path),
  rename: (from, to) => renameSync(from, to),
  remove: (p) => rmSync(p, { force: true }),
  readFile: (p) => readFileSync(p),
  exists: (p) => existsSync(p),
  stdout: (l) => process.stdout.write(`${l}\n`),
  stderr: (l) => process.stderr.write(`${l}\n`),
  progress: process.stderr.isTTY ? (l) => process.stderr.write(`\r\u001b[K${l}`) : null,
  geoDir: GEO_DIR,
  chunkBytes: 1024 * 1024,
  bytePath: true,
};

/** How often the progress line is redrawn, ms. */
const PROGRESS_MS = 250;

// ---------------------------------------------------------------------------------- arguments

const FLAGS_WITH_VALUE = new Set(['--in', '--out', '--crs', '--encoding']);

export function parseArgs(args: readonly string[]): { ok: true; options: LinkOptions } | { ok: false; help: boolean; message: string } {
  const values = new Map<string, string>();
  let skipInvalid = false;
  let fixSwapped = false;
  const fail = (message: string) => ({ ok: false as const, help: false, message });

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h' || arg === '--help') return { ok: false, help: true, message: '' };
    if (arg === '--skip-invalid') {
      skipInvalid = true;
      continue;
    }
    if (arg === '--fix-swapped') {
      fixSwapped = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!FLAGS_WITH_VALUE.has(flag)) {
      return fail(arg.startsWith('-') ? `unknown option ${arg}` : `unexpected argument ${JSON.stringify(arg)}`);
    }
    let value: string | undefined;
    if (flag !== arg) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      if (value !== undefined && value.startsWith('--')) value = undefined;
      else i++;
    }
    if (value === undefined || value === '') return fail(`${flag} needs a value`);
    if (values.has(flag)) return fail(`${flag} given twice`);
    values.set(flag, value);
  }

  const inFile = values.get('--in') ?? null;
  const outFile = values.get('--out') ?? null;
  if (inFile === null && outFile === null) return fail('missing --in FILE and --out FILE');
  if (inFile === null) return fail('missing --in FILE');
  if (outFile === null) return fail('missing --out FILE');
  const crsArg = values.get('--crs');
  const crs = crsArg === undefined ? 'wgs84' : parseCrs(crsArg);
  if (crs === null) return fail(`--crs must be wgs84, gcj02 or bd09 (got ${JSON.stringify(crsArg)})`);
  const encArg = values.get('--encoding');
  const encoding = encArg === undefined ? 'auto' : parseEncodingChoice(encArg);
  if (encoding === null) return fail(`--encoding must be auto, utf-8, gbk, gb18030, utf-16le or utf-16be (got ${JSON.stringify(encArg)})`);
  if (resolve(inFile) === resolve(outFile)) return fail('--out must not be the input file');
  return { ok: true, options: { inFile, outFile, skipInvalid, fixSwapped, crs, encoding } };
}

// ---------------------------------------------------------------------------------- geo data

/** Reads and validates districts.geojson and zones.geojson; returns an error message instead of throwing. */
export function loadGeo(io: Pick<LinkIO, 'readFile' | 'exists' | 'geoDir'> = defaultIO): LinkAreas | string {
  const read = (name: string, schema: typeof DistrictsSchema | typeof ZonesSchema): unknown => {
    const path = join(io.geoDir, name);
    if (!io.exists(path)) throw new GeoError(`${path} not found: run \`npm run build:data\` first`);
    let doc: unknown;
    try {
      doc = JSON.parse(new TextDecoder().decode(io.readFile(path)));
    } catch (e) {
      throw new GeoError(`${path}: cannot read (${(e as Error).message}); run \`npm run build:data\` again`);
    }
    const r = parseWith(schema, name, doc);
    if (!r.ok) {
      const first = r.errors.slice(0, 3).map(formatDataError).join('; ');
      throw new GeoError(`${path} is not valid (${first}); run \`npm run build:data\` again`);
    }
    return r.data;
  };
  try {
    const districts = read('districts.geojson', DistrictsSchema) as DistrictCollection;
    const zones = read('zones.geojson', ZonesSchema) as ZoneCollection;
    return { districts: districts.features, zones: zones.features };
  } catch (e) {
    if (e instanceof GeoError) return e.message;
    throw e;
  }
}

class GeoError extends Error {}

/** [minLon, minLat, maxLon, maxLat] of the features' coordinates. */
export function bboxOf(features: readonly DistrictFeature[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polys)
      for (const ring of rings)
        for (const [x, y] of ring as [number, number][]) {
          if (x < b[0]) b[0] = x;
          if (y < b[1]) b[1] = y;
          if (x > b[2]) b[2] = x;
          if (y > b[3]) b[3] = y;
        }
  }
  return b;
}

// ---------------------------------------------------------------------------------- linking

function whereOf(file: string, e: { line: number | null; index: number | null }): string {
  if (e.line !== null) return `${file}:${e.line}`;
  if (e.index !== null) return `${file}: feature ${e.index}`;
  return file;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');

type OutFormat = 'csv' | 'geojson' | 'seq';

function outFormatOf(outFile: string): OutFormat {
  if (/\.csv$/i.test(outFile)) return 'csv';
  return isGeoJsonSeqName(outFile) ? 'seq' : 'geojson';
}

/** Whether the input will be read as one GeoJSON document (whole, so the byte limit applies). */
function readsWhole(inFile: string, start: Uint8Array): boolean {
  if (isGeoJsonSeqName(inFile)) return false;
  const byName = formatFromName(inFile);
  if (byName) return byName === 'geojson';
  return sniffFormat(new TextDecoder().decode(start.subarray(0, 4096))) === 'geojson';
}

/** About how many rows a file of `size` bytes has, from the line ends in its first bytes (a little over, so that the id table need not grow). */
function expectedRows(start: Uint8Array, size: number): number {
  let lines = 0;
  for (let i = 0; i < start.length; i++) if (start[i] === 10) lines++;
  if (lines === 0 || start.length === 0) return 0;
  return Math.ceil(((size * lines) / start.length) * 1.05);
}

/** The temporary file the output is written to, beside it (renamed over it at the end). */
function partialPath(outFile: string): string {
  return join(dirname(outFile), `.${basename(outFile)}.${process.pid}.part`);
}

/** Bytes collected in one buffer and handed to a WriteHandle when it is full (UTF-8 text via Buffer.write: no string is built per batch). */
class ByteOut implements RowOut {
  private readonly buf = Buffer.allocUnsafe(4 * 1024 * 1024);
  private pos = 0;

  constructor(private readonly sink: WriteHandle) {}

  text(s: string): void {
    // at most 3 bytes per UTF-16 unit
    if (this.pos + 3 * s.length > this.buf.length) {
      this.flush();
      if (3 * s.length > this.buf.length) return this.sink.write(Buffer.from(s, 'utf8'));
    }
    this.pos += this.buf.write(s, this.pos);
  }

  bytes(b: Uint8Array): void {
    if (this.pos + b.length > this.buf.length) {
      this.flush();
      if (b.length > this.buf.length) return this.sink.write(b);
    }
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  flush(): void {
    if (this.pos === 0) return;
    this.sink.write(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }
}

/**
 * Formats linked batches for one output format. CSV: the extra columns are the input's columns
 * met in the first batch (a CSV's header); later keys are counted, not written.
 */
class OutputWriter {
  private csvExtra: ReadonlySet<string> | null = null;
  private row: RowWriter | null = null;
  private readonly out: ByteOut;
  private wroteAny = false;
  /** input columns a CSV cannot carry (met after the first batch) */
  readonly droppedColumns = new Set<string>();
  /** linker keys that replaced input columns (GeoJSON) */
  readonly replaced = new Set<string>();
  good = 0;
  outside = 0;

  constructor(
    private readonly format: OutFormat,
    sink: WriteHandle,
    /** the live lists the batches index (they only grow) */
    private readonly combos: readonly SiteCombo[],
    private readonly districtNames: readonly string[],
    private readonly bad: (e: RowError) => void,
  ) {
    this.out = new ByteOut(sink);
  }

  private start(batch: LinkedBatch | null): RowWriter {
    if (this.format === 'csv') {
      const extra: string[] = [];
      const seen = new Set<string>();
      for (let i = 0; i < (batch?.n ?? 0); i++)
        for (const k of Object.keys(batch!.points[i]!.properties))
          if (!seen.has(k)) {
            seen.add(k);
            if (!OWN_CSV_COLUMNS.has(k)) extra.push(k);
          }
      this.csvExtra = new Set(extra);
      this.out.text(`${BOM}${linkedCsvHeader(extra)}\r\n`);
      return (this.row = linkedCsvWriter(extra));
    }
    if (this.format === 'geojson') {
      this.out.text('{"type":"FeatureCollection","features":[\n');
      return (this.row = linkedFeatureWriter(''));
    }
    return (this.row = linkedFeatureWriter('\n'));
  }

  rows(batch: LinkedBatch): void {
    const write = this.row ?? this.start(batch);
    const row: LinkedRow = { point: batch.points[0]!, lon: 0, lat: 0, district: null, districtIndex: -1 };
    const extra = this.csvExtra;
    const out = this.out;
    const collection = this.format === 'geojson';
    for (let i = 0; i < batch.n; i++) {
      const p = batch.points[i]!;
      const d = batch.district[i]!;
      const c = batch.combo[i]!;
      row.point = p;
      row.lon = batch.coords[2 * i]!;
      row.lat = batch.coords[2 * i + 1]!;
      row.district = d === OUTSIDE ? null : this.districtNames[d]!;
      row.districtIndex = d;
      const combo = this.combos[c]!;
      if (extra !== null) {
        write(row, combo, c, out);
        for (const k in p.properties) if (!OWN_CSV_COLUMNS.has(k) && !extra.has(k)) this.droppedColumns.add(k);
      } else {
        try {
          write(row, combo, c, out, collection && this.wroteAny ? ',\n' : '');
        } catch (e) {
          // the row's writer throws before writing (JSON.stringify's depth); a refused write is the output's
          if (e instanceof WriteFailed) throw e;
          this.bad({ line: p.line, index: p.index, reason: 'its properties are nested too deeply to write' });
          continue;
        }
        this.wroteAny = true;
        for (const k of LINK_KEYS) if (Object.prototype.hasOwnProperty.call(p.properties, k)) this.replaced.add(k);
      }
      this.good++;
      if (d === OUTSIDE) this.outside++;
    }
  }

  /** Writes the header an empty output still needs, and the end, and hands over the last bytes. */
  finish(): void {
    if (this.row === null) this.start(null);
    if (this.format === 'geojson') this.out.text('\n]}\n');
    this.out.flush();
  }
}

/** What a linking path gives the command at the end of the input. */
interface LinkingEnd {
  format: 'csv' | 'geojson';
  encoding: EncodingReport;
  fatal: string | null;
  total: number;
  linked: number;
  swappable: number;
  /** writes the end of the output (call only when it is kept) */
  finish(): { good: number; outside: number; replaced: string[]; dropped: string[] };
}

/** One way of reading, linking and writing the input (the general path, or CSV → CSV on bytes). */
interface Linking {
  push(bytes: Uint8Array): void;
  end(): LinkingEnd;
  /** the byte path only: set when the file is one for the general path (every byte pushed so far) */
  readonly declined?: Uint8Array | null;
}

/** Runs the command; returns the exit code. Never calls process.exit. */
export async function runLink(args: readonly string[], ioOverrides: Partial<LinkIO> = {}): Promise<number> {
  const io: LinkIO = { ...defaultIO, ...ioOverrides };
  const t0 = performance.now();

  const parsed = parseArgs(args);
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout(USAGE);
      return 0;
    }
    io.stderr(`link: ${parsed.message}\n`);
    io.stderr(USAGE);
    return 2;
  }
  const { inFile, outFile, skipInvalid, fixSwapped, crs, encoding } = parsed.options;
  const outFormat = outFormatOf(outFile);

  const geo = loadGeo(io);
  if (typeof geo === 'string') {
    io.stderr(`link: ${geo}`);
    return 1;
  }

  let src: ReadHandle;
  try {
    src = io.openRead(inFile);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(`${inFile}: cannot read: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    return 1;
  }
  const partial = partialPath(outFile);
  let out: WriteHandle | null = null;
  /** the output's first refused write (the readers take an error thrown into them for one of the input's) */
  let writeFailure: WriteFailed | null = null;
  try {
    const chunk = new Uint8Array(Math.max(1, io.chunkBytes));
    let got = src.read(chunk);
    const tooBig = got === 0 ? 'file is empty' : readsWhole(inFile, chunk.subarray(0, got)) ? fileSizeProblem(src.size, MAX_FILE_BYTES) : null;
    if (tooBig !== null) {
      io.stderr(`${inFile}: ${tooBig}`);
      io.stderr('link: nothing written');
      return 1;
    }

    try {
      out = failsAsWrite(io.openWrite(partial), (e) => (writeFailure ??= e));
    } catch (e) {
      io.stderr(`${outFile}: cannot write: ${(e as Error).message}`);
      return 1;
    }
    const linker = createLinker(geo.districts, geo.zones);
    let badRows = 0;
    /** false once a bad row means nothing will be written: the rest is only read for its errors */
    let writing = true;
    const bad = (e: RowError) => {
      badRows++;
      if (!skipInvalid) writing = false;
      io.stderr(`${whereOf(inFile, e)}: ${e.reason}`);
    };
    const error = (e: RowError) => {
      if (e.index === null) io.stderr(`${whereOf(inFile, e)}: note: ${e.reason}`);
      else bad(e);
    };
    // the first batch draws the line at once, then at most every PROGRESS_MS
    let lastProgress = -Infinity;
    let bytesRead = 0;
    const progress = io.progress;
    const showProgress = (read: number) => {
      if (progress === null) return;
      const now = performance.now();
      if (now - lastProgress < PROGRESS_MS) return;
      lastProgress = now;
      const pct = src.size > 0 ? ` (${Math.min(100, (100 * bytesRead) / src.size).toFixed(0)}%)` : '';
      progress(`link: ${fmtInt(read)} rows${pct}, ${fmtInt((read / (now - t0)) * 1000)} rows/s`);
    };
    const ids = fingerprintIds(expectedRows(chunk.subarray(0, got), src.size));

    /** The general path: decode → read → link in batches → the format's writer. */
    const general = (): Linking => {
      let writer: OutputWriter | null = null;
      let read = 0;
      const run = createFileLinker(
        linker,
        { fileName: inFile, crs, encoding, maxRows: Infinity, fixSwapped, ids, fingerprint: false },
        {
          rows: (b) => {
            read += b.n;
            if (writing) {
              writer ??= new OutputWriter(outFormat, out!, run.combos, run.districtNames, bad);
              writer.rows(b);
            }
            showProgress(read);
          },
          error,
        },
      );
      return {
        push: (bytes) => run.push(bytes),
        end: () => {
          const end = run.end();
          return {
            ...end,
            finish: () => {
              writer ??= new OutputWriter(outFormat, out!, run.combos, run.districtNames, bad);
              writer.finish();
              return { good: writer.good, outside: writer.outside, replaced: [...writer.replaced], dropped: [...writer.droppedColumns] };
            },
          };
        },
      };
    };

    /** CSV in, CSV out: the byte-level path (the same output), unless the file's start sends it to the general path. */
    const bytePath = (): Linking | null => {
      if (!io.bytePath || outFormat !== 'csv' || encoding === 'utf-16le' || encoding === 'utf-16be') return null;
      const start = chunk.subarray(0, got);
      const byName = formatFromName(inFile);
      if (byName !== 'csv' && (byName !== null || sniffFormat(new TextDecoder().decode(start.subarray(0, 4096))) !== 'csv')) return null;
      const bom = bomOf(start);
      if (bom !== null && bom.encoding !== 'utf-8') return null;
      const fast = createCsvCsvLinker(
        linker,
        { crs, encoding, fixSwapped, ids, maxRows: Infinity, skipInvalid },
        { write: (b) => out!.write(b), error, progress: showProgress },
      );
      return {
        push: (bytes) => fast.push(bytes),
        get declined() {
          return fast.declined;
        },
        end: () => {
          const end = fast.end();
          return {
            format: 'csv',
            ...end,
            finish: () => ({ good: end.linked, outside: end.outside, replaced: [], dropped: end.droppedColumns }),
          };
        },
      };
    };

    let linking = bytePath() ?? general();
    while (got > 0 && writeFailure === null) {
      bytesRead += got;
      linking.push(chunk.subarray(0, got));
      const declined = linking.declined;
      if (declined) {
        linking = general();
        linking.push(declined);
      }
      got = src.read(chunk);
    }
    let end = linking.end();
    const declined = linking.declined;
    if (declined) {
      linking = general();
      linking.push(declined);
      end = linking.end();
    }
    if (progress !== null) progress('');
    if (writeFailure !== null) throw writeFailure;
    if (end.fatal !== null) {
      io.stderr(`${inFile}: ${end.fatal}`);
      io.stderr('link: nothing written');
      return 1;
    }

    const rowWord = end.format === 'csv' ? 'row' : 'feature';
    const readAs = `read as ${ENCODING_LABEL[end.encoding.encoding]}`;
    if (badRows > 0 && !skipInvalid) {
      const swapHint =
        end.swappable > 0 && !fixSwapped
          ? `; ${plural(end.swappable, rowWord)} look${end.swappable === 1 ? 's' : ''} lon/lat swapped: --fix-swapped reads them swapped back`
          : '';
      const good = end.linked;
      io.stderr(
        `link: ${plural(badRows, `bad ${rowWord}`)} of ${end.total}; nothing written ` +
          `(fix them, or pass --skip-invalid to write the ${plural(good, 'good point')})${swapHint}`,
      );
      return 1;
    }
    const done = end.finish();
    out.close();
    out = null;
    if (done.replaced.length > 0) io.stderr(`link: note: input column(s) ${done.replaced.join(', ')} are replaced by the linker's values`);
    if (done.dropped.length > 0) io.stderr(`link: note: column(s) ${done.dropped.join(', ')} first met after the first rows are not in the CSV`);
    const good = done.good;
    if (good === 0 && end.total > 0)
      io.stderr(`link: warning: no valid points; writing an empty ${outFormat === 'csv' ? 'CSV' : outFormat === 'seq' ? 'file' : 'FeatureCollection'}`);
    try {
      io.rename(partial, outFile);
    } catch (e) {
      io.stderr(`${outFile}: cannot write: ${(e as Error).message}`);
      return 1;
    }
    const where = done.outside > 0 ? ` (${done.outside} outside Shanghai)` : ' (none outside Shanghai)';
    const ms = performance.now() - t0;
    const skipped = badRows > 0 ? `, ${plural(badRows, `invalid ${rowWord}`)} skipped` : ', 0 skipped';
    const crsText = crs === 'wgs84' ? 'WGS-84' : `${CRS_LABEL[crs]} → WGS-84`;
    const rate = ms > 0 ? ` (${fmtInt((end.total / ms) * 1000)} rows/s)` : '';
    io.stdout(`link: ${good} linked${where}${skipped} in ${ms.toFixed(0)} ms (${readAs}; ${crsText}) → ${outFile}${rate}`);
    return 0;
  } catch (e) {
    // the output refused a write (a full disk): the file's problem, said as such; the partial file goes
    if (!(e instanceof WriteFailed)) throw e;
    io.stderr(`${outFile}: cannot write: ${e.message}`);
    io.stderr('link: nothing written');
    return 1;
  } finally {
    src.close();
    if (out !== null) {
      try {
        out.close();
      } catch {
        // already failing: the partial file is removed either way
      }
      io.remove(partial);
    }
  }
}

/** An error of the output file (thrown by its WriteHandle), not of the command. */
class WriteFailed extends Error {}

/** The handle, its errors thrown as WriteFailed and told to `failed`. */
function failsAsWrite(h: WriteHandle, failed: (e: WriteFailed) => void): WriteHandle {
  const as = (e: unknown) => {
    const w = new WriteFailed(e instanceof Error ? e.message : String(e));
    failed(w);
    return w;
  };
  return {
    write(bytes) {
      try {
        h.write(bytes);
      } catch (e) {
        throw as(e);
      }
    },
    close() {
      try {
        h.close();
      } catch (e) {
        throw as(e);
      }
    },
  };
}

// ---------------------------------------------------------------------------------- main

/** True when this module is the script node/tsx was asked to run (not when imported). */
export function isMain(metaUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return metaUrl === pathToFileURL(realpathSync(entry)).href || metaUrl === pathToFileURL(entry).href;
  } catch {
    return false;
  }
}

if (isMain(import.meta.url)) {
  process.exitCode = await runLink(process.argv.slice(2));
}
