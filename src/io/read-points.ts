/**
 * Choosing the reader for a file (by its extension, else by its first character) and reading a
 * whole text at once (tests, small inputs). Streaming callers use {@link createPointReader}.
 */
import { createCsvPointReader } from './csv-points';
import { createGeoJsonPointReader, createGeoJsonSeqPointReader } from './geojson-points';
import { fmtMB, validBounds } from './points';
import type { InputPoint, ParseResult, PointFormat, PointReader, PointSink, ReadEnd, ReadOptions, RowError } from './points';

function extensionOf(fileName: string): string {
  const name = typeof fileName === 'string' ? fileName.toLowerCase() : '';
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot >= 0 ? base.slice(dot + 1) : '';
}

/** Extensions of newline-delimited GeoJSON (one Feature per line). */
const SEQ_EXTENSIONS = new Set(['ndjson', 'geojsonl', 'geojsons', 'geojsonseq', 'jsonl', 'jsonseq']);

/** True when the name says newline-delimited GeoJSON (.ndjson, .geojsonl, .geojsons, .jsonl…). */
export function isGeoJsonSeqName(fileName: string): boolean {
  return SEQ_EXTENSIONS.has(extensionOf(fileName));
}

/** The format an extension says, or null (unknown: look at the content). Newline-delimited GeoJSON is GeoJSON. */
export function formatFromName(fileName: string): PointFormat | null {
  const ext = extensionOf(fileName);
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'geojson' || ext === 'json' || SEQ_EXTENSIONS.has(ext)) return 'geojson';
  return null;
}

/** GeoJSON when the first non-space character (after a BOM) is `{` or `[`, CSV otherwise; null while there is only space. */
export function sniffFormat(text: string): PointFormat | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfeff || c === 32 || c === 9 || c === 10 || c === 13) continue;
    return c === 123 /* { */ || c === 91 /* [ */ ? 'geojson' : 'csv';
  }
  return null;
}

/** The extension's format, else the content's (CSV when there is none). */
function detectFormat(text: string, fileName: string): PointFormat {
  return formatFromName(fileName) ?? (typeof text === 'string' ? sniffFormat(text) : null) ?? 'csv';
}

interface SniffingReader extends PointReader {
  /** null until the format is known */
  readonly format: PointFormat | null;
}

/** A streaming reader for `fileName`: by its extension, or by the first character of the text. */
export function createPointReader(fileName: string, sink: PointSink, opts: ReadOptions = {}): SniffingReader {
  let format = formatFromName(fileName);
  let reader: PointReader | null = null;
  let held = '';
  const make = (f: PointFormat) => {
    format = f;
    reader =
      f === 'csv'
        ? createCsvPointReader(sink, opts)
        : isGeoJsonSeqName(fileName)
          ? createGeoJsonSeqPointReader(sink, opts)
          : createGeoJsonPointReader(sink, opts);
    if (held) reader.push(held);
    held = '';
  };
  if (format) make(format);
  return {
    get format() {
      return format;
    },
    push(text) {
      if (reader) return reader.push(text);
      held += text;
      const f = sniffFormat(held);
      if (f) make(f);
    },
    end(): ReadEnd {
      if (!reader) make('csv');
      return reader!.end();
    },
  };
}

export interface ParseOptions extends ReadOptions {
  /** largest text, in UTF-8 bytes */
  maxBytes?: number;
}

/** Returns the UTF-8 size if it is larger than `limit`, else null (cheap when clearly under). */
function utf8ByteLengthOver(text: string, limit: number): number | null {
  const n = text.length;
  if (n * 3 <= limit) return null; // every UTF-16 unit is at most 3 UTF-8 bytes
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes > limit ? bytes : null;
}

function sizeMessage(size: number, limit: number): string {
  const a = fmtMB(size);
  const b = fmtMB(limit);
  if (a === b) return `file is ${a} MB (${size} bytes); the limit is ${b} MB (${limit} bytes)`;
  return `file is ${a} MB; the limit is ${b} MB`;
}

function fatalResult(format: PointFormat, message: string): ParseResult {
  return { format, points: [], errors: [], fatal: message, total: 0 };
}

function parseWith(format: PointFormat, text: string, opts: ParseOptions = {}): ParseResult {
  if (typeof text !== 'string') return fatalResult(format, 'no text to read');
  if (opts.bounds !== undefined && !validBounds(opts.bounds)) {
    return fatalResult(format, 'invalid bounds option: expected [minLon, minLat, maxLon, maxLat]');
  }
  if (opts.maxBytes !== undefined) {
    const size = utf8ByteLengthOver(text, opts.maxBytes);
    if (size !== null) return fatalResult(format, sizeMessage(size, opts.maxBytes));
  }
  const points: InputPoint[] = [];
  const errors: RowError[] = [];
  const sink: PointSink = { point: (p) => points.push(p), error: (e) => errors.push(e) };
  const reader = format === 'geojson' ? createGeoJsonPointReader(sink, opts) : createCsvPointReader(sink, opts);
  reader.push(text);
  const end = reader.end();
  if (end.fatal !== null) return fatalResult(format, end.fatal);
  return { format, points, errors, fatal: null, total: end.total };
}

/** Reads a whole CSV or GeoJSON text; the format is picked from the file name, else sniffed. Never throws. */
export function parsePointsText(text: string, fileName: string, opts?: ParseOptions): ParseResult {
  return parseWith(detectFormat(text, fileName), text, opts);
}

export function parseCsvPoints(text: string, opts?: ParseOptions): ParseResult {
  return parseWith('csv', text, opts);
}

export function parseGeoJsonPoints(text: string, opts?: ParseOptions): ParseResult {
  return parseWith('geojson', text, opts);
}
