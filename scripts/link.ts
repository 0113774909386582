/**
 * npm run link -- --in FILE --out FILE [--skip-invalid] [--fix-swapped] [--crs wgs84|gcj02|bd09] [--encoding auto|utf-8|gbk|utf-16le|utf-16be]
 *
 * Links every point of a CSV or GeoJSON file to the plan (district, zones, sectors and the
 * reasons) through the same path the app's import uses (src/io/link-sites.ts: decode → read →
 * convert → link) and writes GeoJSON, or CSV when --out ends in .csv. Reads
 * public/geo/{districts,zones}.geojson, so run `npm run build:data` first.
 *
 * The work is in `runLink(args, io)`, which never exits the process and never throws on bad
 * input: it returns the exit code (0 ok, 1 bad input / failed, 2 usage), so tests call it
 * directly with injected io.
 */
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Feature, Point } from 'geojson';
import { createLinker } from '../src/geo/link';
import type { LinkAreas } from '../src/geo/sites';
import { CRS_LABEL, parseCrs } from '../src/geo/crs';
import type { Crs } from '../src/geo/crs';
import type { DistrictCollection, DistrictFeature, ZoneCollection } from '../src/geo/types';
import { ENCODING_LABEL, parseEncodingChoice } from '../src/io/decode';
import type { EncodingChoice } from '../src/io/decode';
import { createFileLinker } from '../src/io/link-sites';
import type { LinkedRow } from '../src/io/link-sites';
import { formatFromName, sniffFormat } from '../src/io/read-points';
import type { RowError } from '../src/io/points';
import { MAX_CLI_ROWS, MAX_FILE_BYTES, fileSizeProblem } from '../src/io/limits';
import { BOM } from '../src/export/csv-cell';
import { LINK_KEYS, linkedCsvHeader, linkedCsvLine, linkedFeature } from '../src/export/linked-points';
import { DistrictsSchema, ZonesSchema, formatDataError, parseWith } from '../src/loaders/schemas';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const GEO_DIR = join(ROOT, 'public', 'geo');

export const USAGE = `Usage: npm run link -- --in FILE --out FILE [--skip-invalid] [--fix-swapped] [--crs CRS] [--encoding ENC]

Links each point to its Shanghai district, the plan's zones containing it and their sectors.
Writes GeoJSON Point features (WGS-84), or CSV (UTF-8 with BOM, opens in Excel) when --out
ends in .csv. A point outside Shanghai is kept: no district, no zones, outside=true.

  --in FILE        points: .csv with a header naming lon,lat (or lng/longitude/经度, latitude/纬度)
                   and optionally id, name/名称 (delimiter , ; or TAB); or .geojson/.json with
                   Point features
  --out FILE       the file to write (written only when every row is good, or with --skip-invalid)
  --skip-invalid   write the good points and skip bad rows (they are still listed on stderr)
  --fix-swapped    read rows whose lon/lat are clearly swapped as points, swapped back
  --crs CRS        coordinate system of the input: wgs84 (default), gcj02 (AMap, Tencent) or
                   bd09 (Baidu); converted to WGS-84 before linking
  --encoding ENC   text encoding of the input: auto (default: a BOM, else UTF-8 if valid, else
                   GB18030), utf-8, gbk (= gb18030), utf-16le, utf-16be
  -h, --help       this text

Bad rows are listed on stderr as FILE:LINE: reason (CSV) or FILE: feature N: reason (GeoJSON,
N counts from 0 as in features[N]). At most ${MAX_CLI_ROWS.toLocaleString('en-US')} rows. Exit codes: 0 written,
1 bad input (nothing written), 2 usage error. Needs public/geo from \`npm run build:data\`.`;

export interface LinkOptions {
  inFile: string;
  outFile: string;
  skipInvalid: boolean;
  fixSwapped: boolean;
  crs: Crs;
  encoding: EncodingChoice;
}

export interface LinkIO {
  /** Reads a file's bytes; throws (like fs) when it cannot. */
  readFile(path: string): Uint8Array;
  writeFile(path: string, text: string): void;
  exists(path: string): boolean;
  /** One line (no trailing newline) to standard output / standard error. */
  stdout(line: string): void;
  stderr(line: string): void;
  /** Folder holding districts.geojson and zones.geojson (default: public/geo of this repo). */
  geoDir: string;
}

const defaultIO: LinkIO = {
  readFile: (p) => readFileSync(p),
  writeFile: (p, t) => writeFileSync(p, t, 'utf8'),
  exists: (p) => existsSync(p),
  stdout: (l) => process.stdout.write(`${l}\n`),
  stderr: (l) => process.stderr.write(`${l}\n`),
  geoDir: GEO_DIR,
};

/** Bytes handed to the linking path at a time (it takes any chunking; this keeps each step small). */
const CHUNK = 1024 * 1024;

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

/** Whether the input will be read as GeoJSON (whole, so the byte limit applies). */
function readsWhole(inFile: string, bytes: Uint8Array): boolean {
  const byName = formatFromName(inFile);
  if (byName) return byName === 'geojson';
  return sniffFormat(new TextDecoder().decode(bytes.subarray(0, 4096))) === 'geojson';
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
  const toCsv = /\.csv$/i.test(outFile);

  const geo = loadGeo(io);
  if (typeof geo === 'string') {
    io.stderr(`link: ${geo}`);
    return 1;
  }

  let bytes: Uint8Array;
  try {
    bytes = io.readFile(inFile);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(`${inFile}: cannot read: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    return 1;
  }
  const tooBig = readsWhole(inFile, bytes) ? fileSizeProblem(bytes.length, MAX_FILE_BYTES) : bytes.length === 0 ? 'file is empty' : null;
  if (tooBig !== null) {
    io.stderr(`${inFile}: ${tooBig}`);
    io.stderr('link: nothing written');
    return 1;
  }

  const linker = createLinker(geo.districts, geo.zones);
  const rows: LinkedRow[] = [];
  const bad: RowError[] = [];
  const run = createFileLinker(
    linker,
    { fileName: inFile, crs, encoding, maxRows: MAX_CLI_ROWS, fixSwapped },
    {
      row: (r) => rows.push(r),
      error: (e) => {
        if (e.index === null) io.stderr(`${whereOf(inFile, e)}: note: ${e.reason}`);
        else bad.push(e);
      },
    },
  );
  for (let i = 0; i < bytes.length; i += CHUNK) run.push(bytes.subarray(i, i + CHUNK));
  const end = run.end();
  if (end.fatal !== null) {
    io.stderr(`${inFile}: ${end.fatal}`);
    io.stderr('link: nothing written');
    return 1;
  }

  // the output, row by row (a row whose properties cannot be written is a bad row too)
  const extra: string[] = [];
  const out: string[] = [];
  if (toCsv) {
    const seen = new Set<string>();
    for (const r of rows)
      for (const k of Object.keys(r.point.properties))
        if (!seen.has(k) && !(LINK_KEYS as readonly string[]).includes(k) && !['id', 'name', 'lon', 'lat'].includes(k)) {
          seen.add(k);
          extra.push(k);
        }
  }
  const replaced = new Set<string>();
  let outside = 0;
  for (const r of rows) {
    const combo = end.combos[r.link.combo]!;
    if (toCsv) {
      out.push(linkedCsvLine(r, combo, extra));
    } else {
      try {
        out.push(JSON.stringify(linkedFeature(r, combo) satisfies Feature<Point>));
      } catch {
        bad.push({ line: r.point.line, index: r.point.index, reason: 'its properties are nested too deeply to write' });
        continue;
      }
      for (const k of LINK_KEYS) if (Object.prototype.hasOwnProperty.call(r.point.properties, k)) replaced.add(k);
    }
    if (r.link.district === null) outside++;
  }

  bad.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  for (const e of bad) io.stderr(`${whereOf(inFile, e)}: ${e.reason}`);
  const rowWord = end.format === 'csv' ? 'row' : 'feature';
  const good = out.length;
  const read = `read as ${ENCODING_LABEL[end.encoding.encoding]}`;

  if (bad.length > 0 && !skipInvalid) {
    const swapHint =
      end.swappable > 0 && !fixSwapped
        ? `; ${plural(end.swappable, rowWord)} look${end.swappable === 1 ? 's' : ''} lon/lat swapped: --fix-swapped reads them swapped back`
        : '';
    io.stderr(
      `link: ${plural(bad.length, `bad ${rowWord}`)} of ${end.total}; nothing written ` +
        `(fix them, or pass --skip-invalid to write the ${plural(good, 'good point')})${swapHint}`,
    );
    return 1;
  }
  if (replaced.size > 0) {
    io.stderr(`link: note: input column(s) ${[...replaced].join(', ')} are replaced by the linker's values`);
  }
  if (good === 0 && end.total > 0) io.stderr(`link: warning: no valid points; writing an empty ${toCsv ? 'CSV' : 'FeatureCollection'}`);

  const text = toCsv ? `${BOM}${[linkedCsvHeader(extra), ...out].join('\r\n')}\r\n` : `{"type":"FeatureCollection","features":[\n${out.join(',\n')}\n]}\n`;
  try {
    io.writeFile(outFile, text);
  } catch (e) {
    io.stderr(`${outFile}: cannot write: ${(e as Error).message}`);
    return 1;
  }
  const ms = performance.now() - t0;
  const where = outside > 0 ? ` (${outside} outside Shanghai)` : ' (none outside Shanghai)';
  const skipped = bad.length > 0 ? `, ${plural(bad.length, `invalid ${rowWord}`)} skipped` : ', 0 skipped';
  const crsText = crs === 'wgs84' ? 'WGS-84' : `${CRS_LABEL[crs]} → WGS-84`;
  io.stdout(`link: ${good} linked${where}${skipped} in ${ms.toFixed(0)} ms (${read}; ${crsText}) → ${outFile}`);
  return 0;
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
