/**
 * npm run link -- --in FILE --out FILE [--skip-invalid] [--crs wgs84|gcj02]
 *
 * Links every point of a CSV or GeoJSON file to the plan (district, zones, sectors and the
 * reasons) with the same engine the app uses (src/geo/link.ts) and writes a GeoJSON
 * FeatureCollection of WGS-84 points. Reads public/geo/{districts,zones}.geojson, so run
 * `npm run build:data` first.
 *
 * The work is in `runLink(args, io)`, which never exits the process and never throws on bad
 * input: it returns the exit code (0 ok, 1 bad input / failed, 2 usage), so tests call it
 * directly with injected io.
 */
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import gcoord from 'gcoord';
import type { Feature, Point } from 'geojson';
import { createLinker } from '../src/geo/link';
import type { Linker } from '../src/geo/link';
import { parsePointsText } from '../src/geo/points-io';
import type { InputPoint, RowError } from '../src/geo/points-io';
import type { DistrictCollection, DistrictFeature, ZoneCollection, ZoneFeature } from '../src/geo/types';
import { DistrictsSchema, ZonesSchema, formatDataError, parseWith } from '../src/loaders/schemas';
import { serialiseCollection } from './lib/serialise';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const GEO_DIR = join(ROOT, 'public', 'geo');

export const USAGE = `Usage: npm run link -- --in FILE --out FILE [--skip-invalid] [--crs wgs84|gcj02]

Links each point to its Shanghai district, the plan's zones containing it and their sectors,
and writes a GeoJSON FeatureCollection of Point features (WGS-84).

  --in FILE        points: .csv with a header naming lon,lat (or lng/longitude/经度, latitude/纬度)
                   and optionally id, name/名称; or .geojson/.json with Point features
  --out FILE       the GeoJSON to write (written only when every row is good, or with --skip-invalid)
  --skip-invalid   write the good points and skip bad rows (they are still listed on stderr)
  --crs CRS        coordinate system of the input: wgs84 (default) or gcj02 (AMap, Tencent);
                   gcj02 input is converted to WGS-84 before linking
  -h, --help       this text

Bad rows are listed on stderr as FILE:LINE: reason (CSV) or FILE: feature N: reason (GeoJSON,
N counts from 0 as in features[N]). Exit codes: 0 written, 1 bad input (nothing written),
2 usage error. Needs public/geo from \`npm run build:data\`.`;

export type Crs = 'wgs84' | 'gcj02';

export interface LinkOptions {
  inFile: string;
  outFile: string;
  skipInvalid: boolean;
  crs: Crs;
}

export interface LinkIO {
  /** Reads a UTF-8 text file; throws (like fs) when it cannot. */
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  exists(path: string): boolean;
  /** One line (no trailing newline) to standard output / standard error. */
  stdout(line: string): void;
  stderr(line: string): void;
  /** Folder holding districts.geojson and zones.geojson (default: public/geo of this repo). */
  geoDir: string;
}

const defaultIO: LinkIO = {
  readFile: (p) => readFileSync(p, 'utf8'),
  writeFile: (p, t) => writeFileSync(p, t, 'utf8'),
  exists: (p) => existsSync(p),
  stdout: (l) => process.stdout.write(`${l}\n`),
  stderr: (l) => process.stderr.write(`${l}\n`),
  geoDir: GEO_DIR,
};

/** The properties each output feature gets from the linker (they replace input columns of the same name). */
const LINK_KEYS = ['district', 'zones', 'sectors', 'links'] as const;

// ---------------------------------------------------------------------------------- arguments

export function parseArgs(args: readonly string[]): { ok: true; options: LinkOptions } | { ok: false; help: boolean; message: string } {
  let inFile: string | null = null;
  let outFile: string | null = null;
  let crs: string | null = null;
  let skipInvalid = false;
  const fail = (message: string) => ({ ok: false as const, help: false, message });

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h' || arg === '--help') return { ok: false, help: true, message: '' };
    if (arg === '--skip-invalid') {
      skipInvalid = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (flag !== '--in' && flag !== '--out' && flag !== '--crs') {
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
    if (flag === '--in') {
      if (inFile !== null) return fail('--in given twice');
      inFile = value;
    } else if (flag === '--out') {
      if (outFile !== null) return fail('--out given twice');
      outFile = value;
    } else {
      if (crs !== null) return fail('--crs given twice');
      crs = value.toLowerCase();
    }
  }

  if (inFile === null && outFile === null) return fail('missing --in FILE and --out FILE');
  if (inFile === null) return fail('missing --in FILE');
  if (outFile === null) return fail('missing --out FILE');
  if (crs !== null && crs !== 'wgs84' && crs !== 'gcj02') return fail(`--crs must be wgs84 or gcj02 (got ${JSON.stringify(crs)})`);
  if (resolve(inFile) === resolve(outFile)) return fail('--out must not be the input file');
  return { ok: true, options: { inFile, outFile, skipInvalid, crs: (crs ?? 'wgs84') as Crs } };
}

// ---------------------------------------------------------------------------------- geo data

export interface GeoData {
  districts: DistrictFeature[];
  zones: ZoneFeature[];
}

/** Reads and validates districts.geojson and zones.geojson; returns an error message instead of throwing. */
export function loadGeo(io: Pick<LinkIO, 'readFile' | 'exists' | 'geoDir'> = defaultIO): GeoData | string {
  const read = (name: string, schema: typeof DistrictsSchema | typeof ZonesSchema): unknown => {
    const path = join(io.geoDir, name);
    if (!io.exists(path)) throw new GeoError(`${path} not found: run \`npm run build:data\` first`);
    let doc: unknown;
    try {
      doc = JSON.parse(io.readFile(path));
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

/** At least 2 decimals, at most 6 (as the point reader prints them). */
function fmtCoord(v: number): string {
  let s = v.toFixed(6);
  while (s.endsWith('0') && s.length - s.indexOf('.') > 3) s = s.slice(0, -1);
  return s;
}

function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  // 1e-7° ≈ 1 cm: the conversion itself is good to about a metre
  return [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7];
}

function whereOf(file: string, e: { line: number | null; index: number | null }): string {
  if (e.line !== null) return `${file}:${e.line}`;
  if (e.index !== null) return `${file}: feature ${e.index}`;
  return file;
}

function toFeature(p: InputPoint, lon: number, lat: number, linker: Linker): Feature<Point> {
  const { district, zones, sectors, links } = linker.link(lon, lat);
  // id and name first; the reader's (trimmed, string) id and name win over the raw input's
  const properties: Record<string, unknown> = { id: p.id, name: p.name, ...p.properties };
  properties.id = p.id;
  properties.name = p.name;
  properties.district = district;
  properties.zones = zones;
  properties.sectors = sectors;
  properties.links = links;
  const geometry: Point = { type: 'Point', coordinates: [lon, lat] };
  return p.id !== null ? { type: 'Feature', id: p.id, properties, geometry } : { type: 'Feature', properties, geometry };
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
  const { inFile, outFile, skipInvalid, crs } = parsed.options;

  const geo = loadGeo(io);
  if (typeof geo === 'string') {
    io.stderr(`link: ${geo}`);
    return 1;
  }

  let text: string;
  try {
    text = io.readFile(inFile);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(`${inFile}: cannot read: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    return 1;
  }

  // The reader rejects points far outside Shanghai (and spots swapped lon/lat); the linker then
  // decides district by district. The box is padded for the GCJ-02 offset (< 1 km).
  const box = bboxOf(geo.districts);
  const pad = 0.05;
  const result = parsePointsText(text, inFile, { bounds: [box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad] });
  if (result.fatal !== null) {
    io.stderr(`${inFile}: ${result.fatal}`);
    io.stderr('link: nothing written');
    return 1;
  }

  const linker = createLinker(geo.districts, geo.zones);
  const bad: RowError[] = [];
  for (const e of result.errors) {
    if (e.index === null) io.stderr(`${whereOf(inFile, e)}: note: ${e.reason}`);
    else bad.push({ ...e, reason: e.reason.replace(/^outside the area \(/, 'outside Shanghai (') });
  }
  const good: Feature<Point>[] = [];
  const replaced = new Set<string>();
  for (const p of result.points) {
    const [lon, lat] = toWgs84(p.lon, p.lat, crs);
    if (linker.districtOf(lon, lat) === null) {
      bad.push({ line: p.line, index: p.index, reason: `outside Shanghai (lon ${fmtCoord(p.lon)}, lat ${fmtCoord(p.lat)})` });
      continue;
    }
    for (const k of LINK_KEYS) if (k in p.properties) replaced.add(k);
    good.push(toFeature(p, lon, lat, linker));
  }

  bad.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  for (const e of bad) io.stderr(`${whereOf(inFile, e)}: ${e.reason}`);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const rowWord = result.format === 'csv' ? 'row' : 'feature';

  if (bad.length > 0 && !skipInvalid) {
    io.stderr(
      `link: ${plural(bad.length, `bad ${rowWord}`)} of ${result.total}; nothing written ` +
        `(fix them, or pass --skip-invalid to write the ${plural(good.length, 'good point')})`,
    );
    return 1;
  }
  if (replaced.size > 0) {
    io.stderr(`link: note: input column(s) ${[...replaced].join(', ')} are replaced by the linker's values`);
  }
  if (good.length === 0 && result.total > 0) io.stderr('link: warning: no valid points; writing an empty FeatureCollection');

  try {
    io.writeFile(outFile, serialiseCollection({ type: 'FeatureCollection', features: good }));
  } catch (e) {
    io.stderr(`${outFile}: cannot write: ${(e as Error).message}`);
    return 1;
  }
  const ms = performance.now() - t0;
  const skipped = bad.length > 0 ? `, ${plural(bad.length, `invalid ${rowWord}`)} skipped` : ', 0 skipped';
  io.stdout(`link: ${good.length} linked${skipped} in ${ms.toFixed(0)} ms (${crs === 'gcj02' ? 'GCJ-02 → WGS-84' : 'WGS-84'}) → ${outFile}`);
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
