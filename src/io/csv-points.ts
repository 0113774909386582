/**
 * The CSV point reader: a header naming lon and lat (aliases below; optional id and name), then
 * one point per row. Streaming: `push(text)` any number of times, then `end()`; rows go to the
 * sink as soon as they are complete, with the line each starts on, whatever the chunking.
 *
 * Delimiter `,` `;` or TAB, detected from the header (or Excel's `sep=;` first line). Quoting,
 * line ends and the line numbers are the tokenizer's (csv-tokenizer.ts). Contract: points.ts.
 */
import { CsvTokenizer, RECORD_MAX, RecordTooLong } from './csv-tokenizer';
import type { CsvRecord } from './csv-tokenizer';
import {
  BINARY_SAMPLE,
  INVISIBLE_NOTE,
  binaryMessage,
  binaryReason,
  coordProblem,
  errorMessage,
  fmtInt,
  hasInvisible,
  quoteValue,
  visibleText,
} from './points';
import { exactIds } from './ids';
import type { IdRegistry } from './ids';
import type { Bounds, PointReader, PointSink, ReadEnd, ReadOptions } from './points';

const LON_ALIASES = new Set(['lon', 'lng', 'long', 'longitude', '经度']);
const LAT_ALIASES = new Set(['lat', 'latitude', '纬度']);
const ID_ALIASES = new Set(['id']);
const NAME_ALIASES = new Set(['name', '名称']);

const LF = 10;
const CR = 13;
const QUOTE = 34;

const NUM_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA_RE = /^[+-]?\d+,\d+$/;

/** ',' if the header has a comma (outside quotes), else ';' or TAB, whichever occurs more. */
function pickDelimiter(headerLine: string): string {
  let commas = 0;
  let semis = 0;
  let tabs = 0;
  let inQuote = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === QUOTE) inQuote = !inQuote;
    else if (inQuote) continue;
    else if (c === 44) commas++;
    else if (c === 59) semis++;
    else if (c === 9) tabs++;
  }
  if (commas > 0 || (semis === 0 && tabs === 0)) return ',';
  return tabs > semis ? '\t' : ';';
}

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
  /** property key per column, or null for the lon/lat/id/name columns */
  keys: (string | null)[];
  notes: string[];
}

/** Keys that would reach an object's prototype when assigned: such columns are renamed `_colN`. */
const UNSAFE_KEYS = new Set(['__proto__']);

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
        `column ${i + 1} ${quoteValue(name)} is another ${role} column; using column ${map[role] + 1} ${quoteValue((header[map[role]] ?? '').trim())} and keeping this one as a property`,
      );
    }
    let key = name;
    if (key === '' || UNSAFE_KEYS.has(key) || usedKeys.has(key)) key = `_col${i + 1}`;
    usedKeys.add(key);
    map.keys.push(key);
  });
  return map;
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

/** End of the physical line starting at `from` (index of its CR/LF, or the length). */
function lineEnd(text: string, from: number): number {
  let e = from;
  while (e < text.length) {
    const c = text.charCodeAt(e);
    if (c === LF || c === CR) break;
    e++;
  }
  return e;
}

function afterLineEnd(text: string, e: number): number {
  if (e >= text.length) return e;
  return text.charCodeAt(e) === CR && text.charCodeAt(e + 1) === LF ? e + 2 : e + 1;
}

function isBlankRecord(fields: string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

/** The file as a whole cannot be read (its message is the reader's `fatal`). */
export class CsvFatal extends Error {}

/**
 * The row logic of the CSV reader, apart from the tokenizer: the header's columns, then each
 * record → a point or a row error (with the checks and the duplicate-id registry). The streaming
 * reader below feeds it; so does the byte-level CSV → CSV linker of `npm run link`
 * (export/csv-link-bytes.ts), which reads plain rows itself and hands it every other record.
 */
export class CsvRows {
  cols: ColumnMap | null = null;
  headerCount = 0;
  /** data rows met (blank records not counted) */
  index = 0;
  /** rows whose id or name lost invisible characters */
  invisible = 0;
  readonly seenIds: IdRegistry;
  readonly maxRows: number;
  private readonly bounds: Bounds | null;
  private readonly fixSwapped: boolean;

  constructor(
    private readonly sink: PointSink,
    opts: ReadOptions = {},
  ) {
    this.maxRows = opts.maxRows ?? Infinity;
    this.bounds = opts.bounds ?? null;
    this.fixSwapped = opts.fixSwapped === true;
    this.seenIds = opts.ids ?? exactIds();
  }

  /** The header record (throws CsvFatal when it has no lon/lat or an unclosed quote). */
  header(rec: CsvRecord, headerText: string): void {
    if (rec.unclosedQuoteLine !== 0) throw new CsvFatal(`the header (line ${rec.line}) has an unclosed quote`);
    const c = mapColumns(rec.fields);
    if (c.lon === -1 || c.lat === -1) throw new CsvFatal(missingColumnsMessage(rec.fields, c, headerText, rec.line));
    this.cols = c;
    this.headerCount = rec.fields.length;
    for (const reason of c.notes) this.sink.error({ line: rec.line, index: null, reason });
  }

  /** Throws CsvFatal past maxRows. */
  tooMany(): void {
    const m = this.maxRows;
    throw new CsvFatal(`too many rows: the file has more than ${fmtInt(m)} rows; the limit is ${fmtInt(m)}`);
  }

  /** One data record: a point, a row error, or nothing (a blank record). */
  row(rec: CsvRecord): void {
    const c = this.cols!;
    const sink = this.sink;
    const f = rec.fields;
    if (rec.unclosedQuoteLine === 0 && isBlankRecord(f)) return;
    if (this.index >= this.maxRows) this.tooMany();
    const rowIndex = this.index++;
    const line = rec.line;
    if (rec.unclosedQuoteLine !== 0) {
      sink.error({ line, index: rowIndex, reason: `unclosed quote (a field starting with " on line ${rec.unclosedQuoteLine} has no closing ")` });
      return;
    }
    const headerCount = this.headerCount;
    const lon = parseCoord('lon', f[c.lon], f.length, headerCount);
    const lat = parseCoord('lat', f[c.lat], f.length, headerCount);
    if (typeof lon === 'string' || typeof lat === 'string') {
      const reasons: string[] = [];
      if (typeof lon === 'string') reasons.push(lon);
      if (typeof lat === 'string') reasons.push(lat);
      sink.error({ line, index: rowIndex, reason: reasons.join('; ') });
      return;
    }

    let id: string | null = null;
    if (c.id !== -1) {
      const t = (f[c.id] ?? '').trim();
      if (t !== '') id = t;
    }
    let firstLineOfId: number | undefined;
    if (id !== null) {
      firstLineOfId = this.seenIds.firstSeen(id, line);
    }

    const problem = coordProblem(lon, lat, this.bounds);
    let swapped = false;
    if (problem !== null) {
      if (!(problem.swapped && this.fixSwapped)) {
        sink.error(problem.swapped ? { line, index: rowIndex, reason: problem.reason, swapped: true } : { line, index: rowIndex, reason: problem.reason });
        return;
      }
      swapped = true;
    }
    if (firstLineOfId !== undefined) {
      sink.error({ line, index: rowIndex, reason: duplicateIdReason(id ?? '', firstLineOfId) });
      return;
    }

    let name: string | null = null;
    if (c.name !== -1) {
      const t = (f[c.name] ?? '').trim();
      if (t !== '') name = t;
    }
    if ((id !== null && hasInvisible(id)) || (name !== null && hasInvisible(name))) {
      this.invisible++;
      id = id === null ? null : visibleText(id) || null;
      name = name === null ? null : visibleText(name) || null;
    }

    const properties: Record<string, unknown> = {};
    const keys = c.keys;
    for (let k = 0; k < f.length; k++) {
      const key = k < keys.length ? keys[k] : `_col${k + 1}`;
      if (key === null || key === undefined) continue;
      properties[key] = (f[k] ?? '').trim();
    }
    const lonText = f[c.lon]!.trim();
    const latText = f[c.lat]!.trim();
    const point = swapped
      ? { line, index: rowIndex, id, name, lon: lat, lat: lon, properties, swapped: true as const, lonText: latText, latText: lonText }
      : { line, index: rowIndex, id, name, lon, lat, properties, lonText, latText };
    sink.point(point);
  }

  /** The end of the file: fatal when there was no header; the note on invisible characters. */
  end(): void {
    if (this.cols === null) throw new CsvFatal('file is empty');
    if (this.invisible > 0) this.sink.error({ line: null, index: null, reason: INVISIBLE_NOTE(this.invisible) });
  }
}

export function duplicateIdReason(id: string, firstLine: number): string {
  return `duplicate id '${id}' (first on line ${firstLine})`;
}

/** Where the header is: its line, its text, where it starts in the text, and the delimiter. */
export interface CsvHeaderPlace {
  line: number;
  /** index in the text of the header line's first character */
  pos: number;
  text: string;
  delimiter: string;
}

/**
 * Finds the header in the start of a file's text (BOM already removed): after an optional
 * `sep=` line and blank lines. Null while more text is needed (`final`: there is none); throws
 * CsvFatal when the text looks binary (checked on its first {@link BINARY_SAMPLE} characters).
 */
export function locateCsvHeader(pre: string, final: boolean): CsvHeaderPlace | null {
  if (pre.length < BINARY_SAMPLE && !final) return null;
  const bin = binaryReason(pre);
  if (bin !== null && pre.trim() !== '') throw new CsvFatal(binaryMessage(bin));
  let pos = 0;
  let line = 1;
  let delim: string | null = null;
  let e = lineEnd(pre, 0);
  if (e >= pre.length && !final) return null;
  const sep = /^sep=(.)\s*$/i.exec(pre.slice(0, e));
  if (sep) {
    delim = sep[1] ?? ',';
    pos = afterLineEnd(pre, e);
    line = 2;
  }
  for (;;) {
    e = lineEnd(pre, pos);
    if (e >= pre.length && !final) return null;
    if (pre.slice(pos, e).trim() !== '' || e >= pre.length) break;
    pos = afterLineEnd(pre, e);
    line++;
  }
  if (pos >= pre.length) return null; // only blank lines (so far)
  // a CR that may be the first half of a CRLF: wait for the next chunk
  if (!final && pre.charCodeAt(e) === CR && e + 1 >= pre.length) return null;
  const text = pre.slice(pos, e);
  return { line, pos, text, delimiter: delim ?? pickDelimiter(text) };
}

/** A streaming CSV point reader writing to `sink` (see points.ts for the contract). */
export function createCsvPointReader(sink: PointSink, opts: ReadOptions = {}): PointReader {
  let fatal: string | null = null;
  /** text before the tokenizer starts (the header is found in it) */
  let pre = '';
  let sawText = false;
  let tokenizer: CsvTokenizer | null = null;
  let headerText = '';
  const rows = new CsvRows(sink, opts);

  const onRecord = (rec: CsvRecord): void => {
    if (rows.cols === null) return rows.header(rec, headerText);
    rows.row(rec);
  };

  /** Finds the header in `pre` and starts the tokenizer. */
  const start = (final: boolean): void => {
    const place = locateCsvHeader(pre, final);
    if (place === null) return;
    headerText = place.text;
    tokenizer = new CsvTokenizer(place.delimiter, place.line);
    const rest = pre.slice(place.pos);
    pre = '';
    tokenizer.push(rest, onRecord);
  };

  const guard = (work: () => void): void => {
    if (fatal !== null) return;
    try {
      work();
    } catch (e) {
      fatal = e instanceof CsvFatal || e instanceof RecordTooLong ? e.message : `could not read the CSV: ${errorMessage(e)}`;
    }
  };

  return {
    push(text) {
      guard(() => {
        if (typeof text !== 'string' || text.length === 0) return;
        if (text.indexOf('\u0000') !== -1) throw new CsvFatal(binaryMessage('nul'));
        if (tokenizer) {
          tokenizer.push(text, onRecord);
          return;
        }
        if (!sawText) {
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          sawText = true;
        }
        pre += text;
        if (pre.length > RECORD_MAX) throw new RecordTooLong(1);
        start(false);
      });
    },
    end() {
      guard(() => {
        if (!tokenizer) {
          if (pre.trim() === '') throw new CsvFatal('file is empty');
          start(true);
        }
        if (!tokenizer) throw new CsvFatal('file is empty');
        tokenizer.end(onRecord);
        rows.end();
      });
      return { format: 'csv', fatal, total: fatal === null ? rows.index : 0 } satisfies ReadEnd;
    },
  };
}
