/**
 * What the point readers (csv-points.ts, geojson-points.ts) produce, and the checks they share.
 *
 * Pure: no DOM, no fs. Runs in the link worker, in Node (`npm run link`) and in tests.
 *
 * Contract: the readers never throw on any input. A problem with the whole file is `fatal` (no
 * points then); a problem with one row / feature is a RowError naming its line (CSV) or feature
 * index (GeoJSON) and the reason, and that row is skipped; every other row is a point. So for a
 * non-fatal read, points + row errors = total. Errors with `index === null` are file-level notes.
 *
 * Only rows that cannot be a point are bad: a missing, unparseable or non-finite number, a
 * coordinate outside the WGS-84 range, or lon/lat clearly swapped (said so). A valid point far
 * from Shanghai is a point: whether it lies in Shanghai is the linker's answer ("outside"), not
 * the reader's.
 */
import type { IdRegistry } from './ids';

export interface InputPoint {
  /** 1-based line where the CSV record starts (the header is line 1 unless lines precede it); null for GeoJSON */
  line: number | null;
  /** 0-based index of the data row (CSV, blank lines not counted) or of the feature (GeoJSON) */
  index: number;
  id: string | null;
  name: string | null;
  lon: number;
  lat: number;
  /** CSV: the other columns as strings; GeoJSON: a shallow copy of feature.properties */
  properties: Record<string, unknown>;
  /** the file had lon and lat the other way round and the reader was asked to swap them */
  swapped?: true;
  /** CSV: lon and lat as written in the file (trimmed), so a writer may keep them as they were */
  lonText?: string;
  latText?: string;
}

export interface RowError {
  /** 1-based line in a CSV; null for GeoJSON */
  line: number | null;
  /** same meaning as InputPoint.index; null for file-level notes */
  index: number | null;
  reason: string;
  /** lon/lat look swapped: swapped, the row would be a valid point */
  swapped?: true;
}

export type PointFormat = 'csv' | 'geojson';

export interface ParseResult {
  format: PointFormat;
  points: InputPoint[];
  errors: RowError[];
  /** non-null when the file as a whole cannot be read; points/errors are then empty and total is 0 */
  fatal: string | null;
  /** data rows (CSV records after the header, blank lines excluded) or features seen */
  total: number;
}

export interface ReadOptions {
  /** most data rows / features (see limits.ts) */
  maxRows?: number;
  /** optional [minLon, minLat, maxLon, maxLat] box (inclusive): points outside become RowErrors */
  bounds?: readonly [number, number, number, number];
  /** read rows whose lon/lat look swapped as points, swapped back (marked `swapped`) */
  fixSwapped?: boolean;
  /** how the duplicate-id check remembers ids (default: exactly, in a Map; see ids.ts) */
  ids?: IdRegistry;
}

/** Where the rows of a streaming reader go, in file order. */
export interface PointSink {
  point(p: InputPoint): void;
  /** a bad row (index set) or a file-level note (index null) */
  error(e: RowError): void;
}

export interface ReadEnd {
  format: PointFormat;
  fatal: string | null;
  total: number;
}

/** A reader fed text in chunks (the decoder's output). */
export interface PointReader {
  push(text: string): void;
  end(): ReadEnd;
}

export type Bounds = readonly [number, number, number, number];

export function validBounds(b: unknown): b is Bounds {
  return Array.isArray(b) && b.length === 4 && b.every((v) => typeof v === 'number' && Number.isFinite(v)) && b[0] <= b[2] && b[1] <= b[3];
}

function inBox(lon: number, lat: number, b: Bounds): boolean {
  return lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
}

export interface CoordProblem {
  reason: string;
  /** lon/lat look swapped and, swapped, they pass every check */
  swapped: boolean;
}

/** Why (finite) coordinates cannot be a point, or null when they can. */
export function coordProblem(lon: number, lat: number, bounds: Bounds | null): CoordProblem | null {
  const lonOk = lon >= -180 && lon <= 180;
  const latOk = lat >= -90 && lat <= 90;
  const inRange = lonOk && latOk;
  if (inRange && (bounds === null || inBox(lon, lat, bounds))) return null;

  const swappedOk = lat >= -180 && lat <= 180 && lon >= -90 && lon <= 90 && (bounds === null || inBox(lat, lon, bounds));
  const where = `lon ${fmtCoord(lon)}, lat ${fmtCoord(lat)}`;
  if (swappedOk) {
    if (!inRange) return { reason: `lon/lat look swapped (${where}; lat must be in [-90, 90])`, swapped: true };
    return { reason: `lon/lat look swapped (${where} is outside the area; swapped it would be inside)`, swapped: true };
  }
  if (!lonOk) return { reason: `lon ${String(lon)} is out of range [-180, 180]`, swapped: false };
  if (!latOk) return { reason: `lat ${String(lat)} is out of range [-90, 90]`, swapped: false };
  return { reason: `outside the area (${where})`, swapped: false };
}

/** At least 2 decimals, at most 6 (e.g. 116.40, 121.473701). */
function fmtCoord(v: number): string {
  if (Math.abs(v) >= 1e6) return String(v);
  let s = v.toFixed(6);
  while (s.endsWith('0') && s.length - s.indexOf('.') > 3) s = s.slice(0, -1);
  return s;
}

/**
 * Characters JSON.stringify leaves as they are that would act on the message around them: C1
 * controls, the directional marks, embeddings, overrides and isolates (U+202E inside a quoted
 * value would show the rest of the message backwards), the line and paragraph separators.
 */
const UNQUOTABLE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A value quoted for a message, cut at 40 characters; controls and direction characters are shown as `\uXXXX`. */
export function quoteValue(s: string): string {
  const t = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  return JSON.stringify(t).replace(UNQUOTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function fmtInt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Characters that change how text around them is shown without being seen: C0/C1 controls other
 * than TAB, LF and CR, and the bidirectional overrides, embeddings and isolates (a name with
 * U+202E shows its end first). Names and ids lose them on reading (a note says how many rows).
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const INVISIBLE_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function hasInvisible(s: string): boolean {
  return INVISIBLE.test(s);
}

/** The text without invisible controls (see INVISIBLE). */
export function visibleText(s: string): string {
  return INVISIBLE.test(s) ? s.replace(INVISIBLE_ALL, '') : s;
}

export const INVISIBLE_NOTE = (n: number) =>
  `${fmtInt(n)} row${n === 1 ? '' : 's'} had control or text-direction characters in the id or name; they were removed`;

const BINARY_MESSAGE = 'not a text CSV/GeoJSON file (binary content)';
const SAMPLE_CHARS = 4096;

export type BinaryReason = 'nul' | 'replacement' | 'control';

/** Why the text looks like a decoded binary file (NUL, many U+FFFD or control chars in its start), or null. */
export function binaryReason(text: string, checkNulEverywhere = true): BinaryReason | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  if (checkNulEverywhere && text.indexOf('\u0000') !== -1) return 'nul';
  const len = Math.min(text.length, SAMPLE_CHARS);
  let repl = 0;
  let ctrl = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'nul';
    if (c === 0xfffd) repl++;
    else if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) ctrl++;
  }
  if (repl > 0 && repl > len * 0.1) return 'replacement';
  if (ctrl >= 3 && ctrl > len * 0.05) return 'control';
  return null;
}

/** True when the text looks like a decoded binary file. */
export function looksBinary(text: string): boolean {
  return binaryReason(text) !== null;
}

export function binaryMessage(reason: BinaryReason): string {
  const hint = reason === 'replacement' ? '; if it is a text file, choose its encoding (e.g. GBK) or save it as UTF-8 (in Excel: "CSV UTF-8")' : '';
  return BINARY_MESSAGE + hint;
}

/** Sample size for the binary check of a stream (the start of the text). */
export const BINARY_SAMPLE = SAMPLE_CHARS;

/** Megabytes for a message: one decimal from 0.1 MB, two significant digits below. */
export function fmtMB(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 0.1) return String(Number(mb.toFixed(1)));
  if (mb === 0) return '0';
  return String(Number(mb.toPrecision(2)));
}
