/**
 * Reading users' point lists (CSV or GeoJSON) for the Shanghai map.
 *
 * Pure module: no DOM, no fs, no React. Runs in Node scripts (the `link` CLI),
 * in the browser (drag-and-drop import) and in a Web Worker.
 *
 * Contract: the parse functions never throw on bad input. Problems with the
 * whole file are reported in `fatal` (and `points` is then empty); problems
 * with single rows / features are reported in `errors` (the row is skipped,
 * all other rows are kept). Each skipped row produces exactly one RowError,
 * so for a non-fatal result `points.length + rowErrors === total`, where
 * rowErrors counts the errors whose `index` is not null (errors with
 * `index === null` are file-level notes, e.g. a duplicated header column).
 */

export interface InputPoint {
  /** 1-based line where the CSV record starts (header is line 1); null for GeoJSON. */
  line: number | null;
  /** 0-based index of the data row (CSV, blank lines not counted) or of the feature (GeoJSON). */
  index: number;
  id: string | null;
  name: string | null;
  lon: number;
  lat: number;
  /** CSV: the extra columns as strings; GeoJSON: a shallow copy of feature.properties. */
  properties: Record<string, unknown>;
}

export interface RowError {
  /** 1-based line number in a CSV (header is line 1); null for GeoJSON. */
  line: number | null;
  /** Same meaning as InputPoint.index; null for file-level notes. */
  index: number | null;
  reason: string;
}

export interface ParseResult {
  format: 'csv' | 'geojson';
  points: InputPoint[];
  errors: RowError[];
  /** Non-null when the file as a whole cannot be read; points/errors are then empty and total is 0. */
  fatal: string | null;
  /** Data rows (CSV records after the header, blank lines excluded) or features seen. */
  total: number;
}

export interface ParseOptions {
  /** Maximum size in UTF-8 bytes. Default 50 MiB. */
  maxBytes?: number;
  /** Maximum number of data rows / features. Default 1,000,000. */
  maxRows?: number;
  /** Optional [minLon, minLat, maxLon, maxLat] box (inclusive); points outside become RowErrors. */
  bounds?: [number, number, number, number];
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_ROWS = 1_000_000;

const BINARY_MESSAGE = 'not a text CSV/GeoJSON file (binary content)';
const SAMPLE_CHARS = 4096;

const LON_ALIASES = new Set(['lon', 'lng', 'long', 'longitude', '经度']);
const LAT_ALIASES = new Set(['lat', 'latitude', '纬度']);
const ID_ALIASES = new Set(['id']);
const NAME_ALIASES = new Set(['name', '名称']);

// ---------------------------------------------------------------------------
// Public entry points
// ---------------------------------------------------------------------------

/** Parse a CSV or GeoJSON text; the format is picked from the file extension, else sniffed. */
export function parsePointsText(text: string, fileName: string, opts?: ParseOptions): ParseResult {
  const format = detectFormat(text, fileName);
  return format === 'geojson' ? parseGeoJsonPoints(text, opts) : parseCsvPoints(text, opts);
}

/** True when the text looks like a decoded binary file (NUL chars, many U+FFFD or control chars). */
export function looksBinary(text: string): boolean {
  return binaryReason(text) !== null;
}

export function parseCsvPoints(text: string, opts?: ParseOptions): ParseResult {
  const pre = precheck(text, 'csv', opts);
  if ('fatal' in pre) return pre.fatal;
  const { body, maxRows, bounds } = pre;
  try {
    return parseCsvBody(body, maxRows, bounds);
  } catch (e) {
    // Defensive only: the parser is not expected to throw.
    return fatalResult('csv', `could not read the CSV: ${errorMessage(e)}`);
  }
}

export function parseGeoJsonPoints(text: string, opts?: ParseOptions): ParseResult {
  const pre = precheck(text, 'geojson', opts);
  if ('fatal' in pre) return pre.fatal;
  const { body, maxRows, bounds } = pre;
  try {
    return parseGeoJsonBody(body, maxRows, bounds);
  } catch (e) {
    return fatalResult('geojson', `could not read the GeoJSON: ${errorMessage(e)}`);
  }
}

// ---------------------------------------------------------------------------
// Shared checks
// ---------------------------------------------------------------------------

type Bounds = readonly [number, number, number, number];

type Precheck = { fatal: ParseResult } | { body: string; maxRows: number; bounds: Bounds | null };

function precheck(text: string, format: ParseResult['format'], opts: ParseOptions | undefined): Precheck {
  if (typeof text !== 'string') return { fatal: fatalResult(format, 'no text to read') };
  const maxBytes = positiveOr(opts?.maxBytes, DEFAULT_MAX_BYTES);
  const maxRows = positiveOr(opts?.maxRows, DEFAULT_MAX_ROWS);

  let bounds: Bounds | null = null;
  if (opts?.bounds !== undefined) {
    const b = opts.bounds;
    if (!Array.isArray(b) || b.length !== 4 || !b.every((v) => typeof v === 'number' && Number.isFinite(v)) || b[0] > b[2] || b[1] > b[3]) {
      return { fatal: fatalResult(format, 'invalid bounds option: expected [minLon, minLat, maxLon, maxLat]') };
    }
    bounds = b;
  }

  const size = utf8ByteLengthOver(text, maxBytes);
  if (size !== null) {
    return { fatal: fatalResult(format, sizeMessage(size, maxBytes)) };
  }

  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { fatal: fatalResult(format, 'file is empty') };

  const bin = binaryReason(body);
  if (bin !== null) {
    const hint = bin === 'replacement' ? '; if it is a text file, save it as UTF-8 (in Excel: "CSV UTF-8")' : '';
    return { fatal: fatalResult(format, BINARY_MESSAGE + hint) };
  }
  return { body, maxRows, bounds };
}

function fatalResult(format: ParseResult['format'], message: string): ParseResult {
  return { format, points: [], errors: [], fatal: message, total: 0 };
}

function positiveOr(v: number | undefined, dflt: number): number {
  return typeof v === 'number' && v >= 0 && !Number.isNaN(v) ? v : dflt;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function detectFormat(text: string, fileName: string): ParseResult['format'] {
  const name = typeof fileName === 'string' ? fileName.toLowerCase() : '';
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const ext = dot >= 0 ? base.slice(dot + 1) : '';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (typeof text !== 'string') return 'csv';
  // Sniff: first non-space char (after a BOM).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfeff || c === 32 || c === 9 || c === 10 || c === 13) continue;
    return c === 123 /* { */ || c === 91 /* [ */ ? 'geojson' : 'csv';
  }
  return 'csv';
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

function fmtMB(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 0.1) return String(Number(mb.toFixed(1)));
  if (mb === 0) return '0';
  return String(Number(mb.toPrecision(2)));
}

type BinaryReason = 'nul' | 'replacement' | 'control';

function binaryReason(text: string): BinaryReason | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  if (text.indexOf('\u0000') !== -1) return 'nul';
  const len = Math.min(text.length, SAMPLE_CHARS);
  let repl = 0;
  let ctrl = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) repl++;
    else if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) ctrl++;
  }
  if (repl > 0 && repl > len * 0.1) return 'replacement';
  if (ctrl >= 3 && ctrl > len * 0.05) return 'control';
  return null;
}

// ---------------------------------------------------------------------------
// Coordinate checks (shared by CSV and GeoJSON)
// ---------------------------------------------------------------------------

function inBox(lon: number, lat: number, b: Bounds): boolean {
  return lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
}

/** Returns a reason when the (finite) coordinates are unusable, else null. */
function coordProblem(lon: number, lat: number, bounds: Bounds | null): string | null {
  const lonOk = lon >= -180 && lon <= 180;
  const latOk = lat >= -90 && lat <= 90;
  const inRange = lonOk && latOk;
  if (inRange && (bounds === null || inBox(lon, lat, bounds))) return null;

  const swappedOk = lat >= -180 && lat <= 180 && lon >= -90 && lon <= 90 && (bounds === null || inBox(lat, lon, bounds));
  const where = `lon ${fmtCoord(lon)}, lat ${fmtCoord(lat)}`;
  if (swappedOk) {
    if (!inRange) return `lon/lat look swapped (${where}; lat must be in [-90, 90])`;
    return `lon/lat look swapped (${where} is outside the area; swapped it would be inside)`;
  }
  if (!lonOk) return `lon ${fmtNum(lon)} is out of range [-180, 180]`;
  if (!latOk) return `lat ${fmtNum(lat)} is out of range [-90, 90]`;
  return `outside the area (${where})`;
}

/** At least 2 decimals, at most 6 (e.g. 116.40, 121.473701). */
function fmtCoord(v: number): string {
  if (Math.abs(v) >= 1e6) return String(v);
  let s = v.toFixed(6);
  while (s.endsWith('0') && s.length - s.indexOf('.') > 3) s = s.slice(0, -1);
  return s;
}

function fmtNum(v: number): string {
  return String(v);
}

function quoteValue(s: string): string {
  const t = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  return JSON.stringify(t);
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

interface CsvRecord {
  fields: string[];
  /** Line where the record starts. */
  line: number;
  /** Line of an unclosed quote (the record was cut at the end of that line), else 0. */
  unclosedQuoteLine: number;
}

const CH_QUOTE = 34;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;

/**
 * Single-pass RFC 4180 reader. Accepts CRLF, LF or lone CR line ends; quoted
 * fields may contain delimiters, doubled quotes and newlines (line numbers keep
 * counting). Spaces before an opening quote are allowed; text after a closing
 * quote is kept (lenient). An unclosed quote cuts the record at the end of the
 * physical line where the quote started, so the following rows still parse.
 */
class CsvReader {
  pos: number;
  line: number;
  private readonly text: string;
  private readonly delim: number;

  constructor(text: string, start: number, startLine: number, delim: number) {
    this.text = text;
    this.pos = start;
    this.line = startLine;
    this.delim = delim;
  }

  next(): CsvRecord | null {
    const text = this.text;
    const n = text.length;
    const delim = this.delim;
    if (this.pos >= n) return null;
    const recLine = this.line;
    const fields: string[] = [];
    let pos = this.pos;
    for (;;) {
      let p = pos;
      while (p < n && text.charCodeAt(p) === CH_SPACE) p++;
      if (p < n && text.charCodeAt(p) === CH_QUOTE) {
        // Quoted field.
        let value = '';
        let q = p + 1;
        let segStart = q;
        let closed = false;
        for (;;) {
          const k = text.indexOf('"', q);
          if (k === -1) break;
          if (k + 1 < n && text.charCodeAt(k + 1) === CH_QUOTE) {
            value += text.slice(segStart, k + 1);
            q = k + 2;
            segStart = q;
            continue;
          }
          value += text.slice(segStart, k);
          q = k + 1;
          closed = true;
          break;
        }
        if (!closed) {
          // Cut the record at the end of the physical line of the opening quote.
          let e = p + 1;
          while (e < n) {
            const c = text.charCodeAt(e);
            if (c === CH_LF || c === CH_CR) break;
            e++;
          }
          fields.push(text.slice(p + 1, e));
          const quoteLine = this.line;
          this.pos = this.skipNewline(e);
          return { fields, line: recLine, unclosedQuoteLine: quoteLine };
        }
        // Count line breaks inside the quoted part.
        for (let j = p + 1; j < q; j++) {
          const c = text.charCodeAt(j);
          if (c === CH_LF) this.line++;
          else if (c === CH_CR && text.charCodeAt(j + 1) !== CH_LF) this.line++;
        }
        let e = q;
        while (e < n) {
          const c = text.charCodeAt(e);
          if (c === delim || c === CH_LF || c === CH_CR) break;
          e++;
        }
        if (e > q) value += text.slice(q, e);
        fields.push(value);
        pos = e;
      } else {
        let e = pos;
        while (e < n) {
          const c = text.charCodeAt(e);
          if (c === delim || c === CH_LF || c === CH_CR) break;
          e++;
        }
        fields.push(text.slice(pos, e));
        pos = e;
      }
      if (pos >= n) {
        this.pos = n;
        return { fields, line: recLine, unclosedQuoteLine: 0 };
      }
      if (text.charCodeAt(pos) === delim) {
        pos++;
        continue;
      }
      this.pos = this.skipNewline(pos);
      return { fields, line: recLine, unclosedQuoteLine: 0 };
    }
  }

  /** `pos` is at a line break or EOF; step over it and count the line. */
  private skipNewline(pos: number): number {
    const text = this.text;
    if (pos >= text.length) return text.length;
    this.line++;
    if (text.charCodeAt(pos) === CH_CR && text.charCodeAt(pos + 1) === CH_LF) return pos + 2;
    return pos + 1;
  }
}

function isBlankRecord(fields: string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

/** First physical line (without the line break). */
function firstLine(text: string, from: number): string {
  let e = from;
  while (e < text.length) {
    const c = text.charCodeAt(e);
    if (c === CH_LF || c === CH_CR) break;
    e++;
  }
  return text.slice(from, e);
}

/** ',' if the header has a comma (outside quotes), else ';' or tab, whichever occurs more. */
function pickDelimiter(headerLine: string): number {
  let commas = 0;
  let semis = 0;
  let tabs = 0;
  let inQuote = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === CH_QUOTE) inQuote = !inQuote;
    else if (inQuote) continue;
    else if (c === 44) commas++;
    else if (c === 59) semis++;
    else if (c === 9) tabs++;
  }
  if (commas > 0 || (semis === 0 && tabs === 0)) return 44;
  return tabs > semis ? 9 : 59;
}

const NUM_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA_RE = /^[+-]?\d+,\d+$/;

/** Returns the number, or a reason string. */
function parseCoord(label: 'lon' | 'lat', raw: string | undefined, fieldCount: number, headerCount: number): number | string {
  if (raw === undefined) {
    return `missing ${label} (row has ${fieldCount} field${fieldCount === 1 ? '' : 's'}, header has ${headerCount})`;
  }
  const s = raw.trim();
  if (s === '') return `missing ${label}`;
  if (!NUM_RE.test(s)) {
    const hint = DECIMAL_COMMA_RE.test(s) ? ' (use a decimal point, not a comma)' : '';
    return `${label} ${quoteValue(s)} is not a number${hint}`;
  }
  const v = Number(s);
  if (!Number.isFinite(v)) return `${label} ${quoteValue(s)} is not a finite number`;
  return v;
}

interface ColumnMap {
  lon: number;
  lat: number;
  id: number;
  name: number;
  /** Property key per column, or null for lon/lat/id/name columns. */
  keys: (string | null)[];
  notes: string[];
}

function mapColumns(header: string[]): ColumnMap {
  const map: ColumnMap = { lon: -1, lat: -1, id: -1, name: -1, keys: [], notes: [] };
  const usedKeys = new Set<string>();
  header.forEach((rawName, i) => {
    const name = rawName.trim();
    const lower = name.toLowerCase();
    let role: 'lon' | 'lat' | 'id' | 'name' | null = null;
    if (LON_ALIASES.has(lower)) role = 'lon';
    else if (LAT_ALIASES.has(lower)) role = 'lat';
    else if (ID_ALIASES.has(lower)) role = 'id';
    else if (NAME_ALIASES.has(lower)) role = 'name';
    if (role !== null) {
      if (map[role] === -1) {
        map[role] = i;
        map.keys.push(null);
        return;
      }
      map.notes.push(
        `column ${i + 1} "${name}" is another ${role} column; using column ${map[role] + 1} "${(header[map[role]] ?? '').trim()}" and keeping this one as a property`,
      );
    }
    let key = name;
    if (key === '' || key === '__proto__' || usedKeys.has(key)) key = `_col${i + 1}`;
    usedKeys.add(key);
    map.keys.push(key);
  });
  return map;
}

function parseCsvBody(text: string, maxRows: number, bounds: Bounds | null): ParseResult {
  let start = 0;
  let line = 1;
  let delim = -1;

  // Excel's "sep=;" hint line.
  const first = firstLine(text, 0);
  const sepMatch = /^sep=(.)\s*$/i.exec(first);
  if (sepMatch) {
    delim = (sepMatch[1] ?? ',').charCodeAt(0);
    start = first.length;
    if (text.charCodeAt(start) === CH_CR && text.charCodeAt(start + 1) === CH_LF) start += 2;
    else if (start < text.length) start += 1;
    line = 2;
  }

  // Skip blank lines before the header.
  for (;;) {
    const l = firstLine(text, start);
    if (l.trim() !== '' || start >= text.length) break;
    start += l.length;
    if (text.charCodeAt(start) === CH_CR && text.charCodeAt(start + 1) === CH_LF) start += 2;
    else start += 1;
    line++;
  }

  const headerText = firstLine(text, start);
  if (delim === -1) delim = pickDelimiter(headerText);
  const reader = new CsvReader(text, start, line, delim);
  const headerRec = reader.next();
  if (headerRec === null) return fatalResult('csv', 'file is empty');
  const headerLine = headerRec.line;
  if (headerRec.unclosedQuoteLine !== 0) {
    return fatalResult('csv', `the header (line ${headerLine}) has an unclosed quote`);
  }
  const header = headerRec.fields;
  const cols = mapColumns(header);

  if (cols.lon === -1 || cols.lat === -1) {
    return fatalResult('csv', missingColumnsMessage(header, cols, headerText, headerLine));
  }

  const points: InputPoint[] = [];
  const errors: RowError[] = cols.notes.map((reason) => ({ line: headerLine, index: null, reason }));
  const seenIds = new Map<string, number>();
  const headerCount = header.length;
  const { lon: lonCol, lat: latCol, id: idCol, name: nameCol, keys } = cols;
  let index = 0;

  for (let rec = reader.next(); rec !== null; rec = reader.next()) {
    const f = rec.fields;
    if (rec.unclosedQuoteLine === 0 && isBlankRecord(f)) continue;
    if (index >= maxRows) {
      return fatalResult('csv', `too many rows: the file has more than ${fmtInt(maxRows)} rows; the limit is ${fmtInt(maxRows)}`);
    }
    const rowIndex = index++;
    const rowLine = rec.line;

    if (rec.unclosedQuoteLine !== 0) {
      errors.push({
        line: rowLine,
        index: rowIndex,
        reason: `unclosed quote (a field starting with " on line ${rec.unclosedQuoteLine} has no closing ")`,
      });
      continue;
    }

    const lon = parseCoord('lon', f[lonCol], f.length, headerCount);
    const lat = parseCoord('lat', f[latCol], f.length, headerCount);
    if (typeof lon === 'string' || typeof lat === 'string') {
      const reasons: string[] = [];
      if (typeof lon === 'string') reasons.push(lon);
      if (typeof lat === 'string') reasons.push(lat);
      errors.push({ line: rowLine, index: rowIndex, reason: reasons.join('; ') });
      continue;
    }

    let id: string | null = null;
    if (idCol !== -1) {
      const raw = f[idCol];
      if (raw !== undefined) {
        const t = raw.trim();
        if (t !== '') id = t;
      }
    }
    let firstLineOfId: number | undefined;
    if (id !== null) {
      firstLineOfId = seenIds.get(id);
      if (firstLineOfId === undefined) seenIds.set(id, rowLine);
    }

    const problem = coordProblem(lon, lat, bounds);
    if (problem !== null) {
      errors.push({ line: rowLine, index: rowIndex, reason: problem });
      continue;
    }
    if (firstLineOfId !== undefined) {
      errors.push({ line: rowLine, index: rowIndex, reason: `duplicate id '${id ?? ''}' (first on line ${firstLineOfId})` });
      continue;
    }

    let name: string | null = null;
    if (nameCol !== -1) {
      const raw = f[nameCol];
      if (raw !== undefined) {
        const t = raw.trim();
        if (t !== '') name = t;
      }
    }

    const properties: Record<string, unknown> = {};
    const nf = f.length;
    for (let c = 0; c < nf; c++) {
      const key = c < keys.length ? keys[c] : `_col${c + 1}`;
      if (key === null || key === undefined) continue;
      properties[key] = (f[c] ?? '').trim();
    }

    points.push({ line: rowLine, index: rowIndex, id, name, lon, lat, properties });
  }

  return { format: 'csv', points, errors, fatal: null, total: index };
}

function missingColumnsMessage(header: string[], cols: ColumnMap, headerText: string, headerLine: number): string {
  const missing = [cols.lon === -1 ? 'lon' : null, cols.lat === -1 ? 'lat' : null].filter((x) => x !== null);
  const found = header.map((h) => h.trim()).filter((h) => h !== '');
  const foundText = found.length === 0 ? 'no named columns' : `columns found: ${found.map((h) => quoteValue(h)).join(', ')}`;
  let msg =
    `CSV header (line ${headerLine}) has no ${missing.join(' and ')} column${missing.length > 1 ? 's' : ''} (${foundText}); ` +
    'columns `lon` and `lat` are required (also accepted: lng/long/longitude/经度 and latitude/纬度; optional: id, name/名称)';
  const t = headerText.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    msg += '; the file looks like JSON: save it with a .geojson extension';
  } else if (found.length > 0 && found.every((h) => NUM_RE.test(h))) {
    msg += '; the first line looks like data: add a header line such as lon,lat,name';
  }
  return msg;
}

function fmtInt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// ---------------------------------------------------------------------------
// GeoJSON
// ---------------------------------------------------------------------------

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (isObject(v)) return typeof v.type === 'string' ? `type ${quoteValue(v.type)}` : 'an object without "type"';
  return `a ${typeof v}`;
}

function jsonErrorMessage(e: unknown, text: string): string {
  const msg = errorMessage(e);
  const m = /position (\d+)/.exec(msg);
  if (m && !/line \d+/.test(msg)) {
    const pos = Number(m[1]);
    let line = 1;
    let lastNl = -1;
    for (let i = 0; i < pos && i < text.length; i++) {
      if (text.charCodeAt(i) === CH_LF) {
        line++;
        lastNl = i;
      }
    }
    return `${msg} (line ${line}, column ${pos - lastNl})`;
  }
  return msg;
}

function idValue(v: unknown): string | null {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function parseGeoJsonBody(text: string, maxRows: number, bounds: Bounds | null): ParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return fatalResult('geojson', `invalid JSON: ${jsonErrorMessage(e, text)}`);
  }

  const expected = 'expected a FeatureCollection, a Feature or an array of Features';
  let items: unknown[];
  if (Array.isArray(doc)) {
    items = doc;
    if (items.length > 0 && !items.some((it) => isObject(it) && it.type === 'Feature')) {
      return fatalResult('geojson', `not GeoJSON features: ${expected} (got an array of ${describeValue(items[0])})`);
    }
  } else if (isObject(doc) && doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features)) {
      return fatalResult('geojson', 'not a valid FeatureCollection: "features" is not an array');
    }
    items = doc.features;
  } else if (isObject(doc) && doc.type === 'Feature') {
    items = [doc];
  } else {
    let hint = '';
    if (isObject(doc) && (doc.type === 'Point' || doc.type === 'MultiPoint' || doc.type === 'GeometryCollection')) {
      hint = '; a bare geometry must be wrapped in a Feature';
    }
    return fatalResult('geojson', `not GeoJSON features: ${expected} (got ${describeValue(doc)})${hint}`);
  }

  if (items.length > maxRows) {
    return fatalResult('geojson', `too many features: the file has ${fmtInt(items.length)}; the limit is ${fmtInt(maxRows)}`);
  }

  const points: InputPoint[] = [];
  const errors: RowError[] = [];
  const seenIds = new Map<string, number>();

  for (let i = 0; i < items.length; i++) {
    const reason = readFeature(items[i], i, bounds, seenIds, points);
    if (reason !== null) errors.push({ line: null, index: i, reason });
  }

  return { format: 'geojson', points, errors, fatal: null, total: items.length };
}

/** Pushes the point and returns null, or returns the reason the feature is skipped. */
function readFeature(item: unknown, index: number, bounds: Bounds | null, seenIds: Map<string, number>, points: InputPoint[]): string | null {
  if (!isObject(item) || item.type !== 'Feature') return `not a Feature (got ${describeValue(item)})`;
  const props = isObject(item.properties) ? item.properties : null;
  const id = idValue(item.id) ?? (props ? idValue(props.id) : null);
  let firstIndex: number | undefined;
  if (id !== null) {
    firstIndex = seenIds.get(id);
    if (firstIndex === undefined) seenIds.set(id, index);
  }

  const geom = item.geometry;
  if (geom === null || geom === undefined) return 'feature has no geometry (null)';
  if (!isObject(geom)) return `feature geometry is not an object (got ${describeValue(geom)})`;
  if (geom.type !== 'Point') {
    const t = typeof geom.type === 'string' ? geom.type : describeValue(geom.type);
    return `geometry type ${t} is not supported; points only`;
  }
  const coords = geom.coordinates;
  if (!Array.isArray(coords) || coords.length < 2) {
    return 'Point coordinates must be [lon, lat]';
  }
  const lon: unknown = coords[0];
  const lat: unknown = coords[1];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    let shown: string;
    try {
      shown = JSON.stringify(coords.slice(0, 2)) ?? '?';
    } catch {
      shown = '?';
    }
    if (shown.length > 60) shown = `${shown.slice(0, 60)}…`;
    return `coordinates must be finite numbers (got ${shown})`;
  }
  const problem = coordProblem(lon, lat, bounds);
  if (problem !== null) return problem;
  if (firstIndex !== undefined) return `duplicate id '${id ?? ''}' (first at feature ${firstIndex})`;

  let name: string | null = null;
  if (props) {
    const n = props.name ?? props['名称'];
    if (typeof n === 'string' && n.trim() !== '') name = n.trim();
    else if (typeof n === 'number' && Number.isFinite(n)) name = String(n);
  }

  points.push({ line: null, index, id, name, lon, lat, properties: props ? { ...props } : {} });
  return null;
}
