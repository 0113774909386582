/**
 * `npm run link` for a CSV in and a CSV out, on bytes: the same output, byte for byte, as the
 * general path (io/link-sites.ts: decode → read → link, then the CLI's CSV writer), several times
 * faster, because a plain row is never made into JavaScript strings.
 *
 * How: the input's bytes are cut into lines and fields where they are (`,` `;` TAB `"` CR LF are
 * single bytes in UTF-8 and GB18030, never part of a multi-byte character). For a plain row (no
 * quote, UTF-8, numbers written plainly, an ASCII id, nothing in id or name that the reader would
 * change) the numbers are parsed from the bytes, the id is checked for duplicates from its bytes,
 * the rows are linked in columns (Linker.linkMany), and the output row is copied together from
 * the input's bytes and the linker's cells (encoded once per district and zone combination).
 * Every other record is decoded and goes through the reader's own row logic (io/csv-points.ts
 * CsvRows; quoted records through the tokenizer) and the CLI's row writer
 * (export/linked-points.ts), as do cells a spreadsheet could read as a formula or that need
 * quoting. The file's start (BOM, encoding, `sep=` line, header) is read as text by the reader's
 * own functions.
 *
 * Files it does not take (a header with quotes or with column names the general path would order
 * differently, a delimiter that is not one ASCII byte, GB18030 chosen for a file with a UTF-8
 * BOM) are declined before anything is read from their rows: `declined` then holds the bytes
 * pushed so far, for the general path. UTF-16 files are never given to it.
 *
 * Pure: no fs. Never throws on bad input.
 */
import type { Linker } from '../geo/link';
import { BatchLinker, OUTSIDE } from '../geo/sites';
import { toWgs84 } from '../geo/crs';
import type { Crs } from '../geo/crs';
import { CsvFatal, CsvRows, duplicateIdReason, locateCsvHeader } from '../io/csv-points';
import { CsvTokenizer, RECORD_MAX, RecordTooLong } from '../io/csv-tokenizer';
import { SNIFF_BYTES, bomOf, sniffEncoding } from '../io/decode';
import type { EncodingReport } from '../io/decode';
import type { IdRegistry } from '../io/ids';
import { binaryMessage, coordProblem, errorMessage } from '../io/points';
import type { InputPoint, RowError } from '../io/points';
import { BOM, csvCell } from './csv-cell';
import { OWN_CSV_COLUMNS, linkedCsvHeader, linkedCsvTail, linkedCsvWriter } from './linked-points';
import type { LinkedRow, RowOut, RowWriter } from './linked-points';

export interface CsvLinkOptions {
  crs: Crs;
  /** what the user chose (UTF-16 is the general path's) */
  encoding: 'auto' | 'utf-8' | 'gb18030';
  fixSwapped: boolean;
  ids: IdRegistry;
  maxRows: number;
  /** false: the output stops at the first bad row (nothing will be kept) */
  skipInvalid: boolean;
}

export interface CsvLinkSink {
  /** the output's bytes, in order; written before it returns (the buffer is reused) */
  write(bytes: Uint8Array): void;
  /** a bad row (index set) or a file-level note (index null), as soon as it is read */
  error(e: RowError): void;
  /** points linked so far, after each batch of them */
  progress(points: number): void;
}

export interface CsvLinkEnd {
  /** non-null: the file as a whole cannot be read (drop what was written) */
  fatal: string | null;
  encoding: EncodingReport;
  /** data rows seen */
  total: number;
  /** good rows (points), linked */
  linked: number;
  /** of them outside every district of Shanghai (counted while writing) */
  outside: number;
  bad: number;
  swappable: number;
  /** input columns a CSV cannot carry (met after the first batch) */
  droppedColumns: string[];
}

export interface CsvCsvLinker {
  push(chunk: Uint8Array): void;
  /** reads the rest; writes the end of the output when it is being written */
  end(): CsvLinkEnd;
  /** non-null once the file turned out to be one for the general path: every byte pushed so far */
  readonly declined: Uint8Array | null;
}

/** Most fields a row read the plain way may have (a longer one goes the general way). */
const MAX_PLAIN_FIELDS = 1024;
/** Points per batch, as the general path: the first batch's columns are the output's. */
const BATCH = 4096;
const LF = 10;
const CR = 13;
/** Pending.kind of a row leaving as a duplicate */
const DUPLICATE = 2;
const QUOTE = 34;
/** a key per (combination, district) */
const DISTRICT_KEYS = 1024;
/** header names the general path would not keep in column order (array indexes), or that collide with made-up names */
const REORDERED_KEY = /^(?:0|[1-9]\d*)$|^_col\d+$/;

const utf8 = new TextEncoder();
/** The array twice as long, its values kept. */
function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** A code point of U+0080 and up that String.prototype.trim removes (and `\s` matches). */
function isWideSpace(c: number): boolean {
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** ASCII white space String.prototype.trim removes (CR and LF never occur inside a field here). */
function isAsciiSpace(b: number): boolean {
  return b === 32 || (b >= 9 && b <= 12);
}

/** Length of the valid UTF-8 sequence starting at `i` (its first byte ≥ 0x80), or 0 when it is not one. */
function utf8Length(b: Uint8Array, i: number, end: number): number {
  const c = b[i]!;
  if (c >= 0xc2 && c <= 0xdf) return i + 1 < end && (b[i + 1]! & 0xc0) === 0x80 ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (i + 2 >= end) return 0;
    const c1 = b[i + 1]!;
    if ((c1 & 0xc0) !== 0x80 || (b[i + 2]! & 0xc0) !== 0x80) return 0;
    if (c === 0xe0 && c1 < 0xa0) return 0; // overlong
    if (c === 0xed && c1 >= 0xa0) return 0; // surrogate
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (i + 3 >= end) return 0;
    const c1 = b[i + 1]!;
    if ((c1 & 0xc0) !== 0x80 || (b[i + 2]! & 0xc0) !== 0x80 || (b[i + 3]! & 0xc0) !== 0x80) return 0;
    if (c === 0xf0 && c1 < 0x90) return 0; // overlong
    if (c === 0xf4 && c1 >= 0x90) return 0; // past U+10FFFF
    return 4;
  }
  return 0;
}

/** The code point of the valid UTF-8 sequence at `i`. */
function codePointAt(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return c;
  if (c < 0xe0) return ((c & 0x1f) << 6) | (b[i + 1]! & 0x3f);
  if (c < 0xf0) return ((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f);
  return 0x10000; // four bytes: past the BMP (neither space nor below U+0100)
}

/** Start of the (valid UTF-8) character that ends just before `e`. */
function lastCharStart(b: Uint8Array, s: number, e: number): number {
  let i = e - 1;
  while (i > s && (b[i]! & 0xc0) === 0x80) i--;
  return i;
}

/** csvCell's plainEnd on a code point: an ASCII letter or digit, or from U+0100 on and not a space. */
function plainEndCode(c: number): boolean {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return c >= 0x100 && !isWideSpace(c);
}

/**
 * The number the reader reads from `b[s..e)` (trimmed of ASCII space), when it is a plain decimal
 * (`[+-]?digits[.digits]`, at most 15 digits, at most 22 after the point) whose value is exact by
 * one division of two exact doubles (so correctly rounded, as Number() gives it); else NaN (the
 * row then goes the general way, which says what is wrong with it).
 */
function plainNumber(b: Uint8Array, s: number, e: number): number {
  let i = s;
  let neg = false;
  if (i < e && (b[i] === 45 || b[i] === 43)) {
    neg = b[i] === 45;
    i++;
  }
  let mant = 0;
  let digits = 0;
  let frac = -1;
  for (; i < e; i++) {
    const c = b[i]!;
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || frac > 22) return NaN;
  const v = frac > 0 ? mant / POW10[frac]! : mant;
  return neg ? -v : v;
}

/** isNumberText (linked-points.ts) on ASCII bytes: JavaScript writes the number as exactly this text. */
function isNumberBytes(b: Uint8Array, s: number, e: number): boolean {
  const n = e - s;
  if (n === 0 || n > 17) return false;
  let i = s;
  if (b[i] === 45) i++;
  if (i >= e) return false;
  const intStart = i;
  while (i < e && b[i]! >= 48 && b[i]! <= 57) i++;
  const intDigits = i - intStart;
  if (intDigits === 0) return false;
  const zeroInt = intDigits === 1 && b[intStart] === 48;
  if (intDigits > 1 && b[intStart] === 48) return false;
  let sig = zeroInt ? 0 : intDigits;
  if (i === e) return !(zeroInt && intStart === s + 1) && sig <= 15;
  if (b[i] !== 46) return false;
  i++;
  const fracStart = i;
  let leadingZeros = 0;
  let nonZeroSeen = !zeroInt;
  while (i < e) {
    const c = b[i]!;
    if (c < 48 || c > 57) return false;
    if (nonZeroSeen) sig++;
    else if (c === 48) leadingZeros++;
    else {
      nonZeroSeen = true;
      sig++;
    }
    i++;
  }
  if (i === fracStart || b[e - 1] === 48) return false;
  if (zeroInt && leadingZeros > 5) return false;
  return sig <= 15;
}

/**
 * Where the text of a number ends as JavaScript writes it (String(Number(text))): the text
 * without the zeros ending its fraction (and without the point when nothing is left after it),
 * when what remains is written so (isNumberBytes); -1: it must be formatted.
 */
function writtenEnd(b: Uint8Array, s: number, e: number): number {
  let dot = -1;
  for (let i = s; i < e; i++)
    if (b[i] === 46) {
      dot = i;
      break;
    }
  let end = e;
  if (dot >= 0) {
    while (end > dot + 1 && b[end - 1] === 48) end--;
    if (end === dot + 1) end = dot;
  }
  return isNumberBytes(b, s, end) ? end : -1;
}

/** The output, collected in one buffer and handed on when full; also the RowOut of the general row writer. */
class Out implements RowOut {
  buf = new Uint8Array(4 * 1024 * 1024);
  pos = 0;

  constructor(private readonly sink: (b: Uint8Array) => void) {}

  /** Room for `n` more bytes (flushes first when needed; grows for a very long row). */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = new Uint8Array(n);
  }

  text(s: string): void {
    this.room(3 * s.length);
    this.pos += utf8.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  flush(): void {
    if (this.pos === 0) return;
    this.sink(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }
}

/** Growable typed columns of the rows read and not yet written. */
class Pending {
  cap = 0;
  n = 0;
  /** 0: a plain row (its bytes are in the buffer); 1: a point read the general way (in `points`); DUPLICATE: a plain row whose id was seen before, about to leave */
  kind = new Uint8Array(0);
  points: (InputPoint | null)[] = [];
  /** where the row's fields start in `starts` */
  fieldAt = new Int32Array(0);
  nf = new Int32Array(0);
  /** per field: its start in the buffer; one more per row: its end + 1 */
  starts = new Int32Array(0);
  nStarts = 0;
  /** trimmed id, name, lon, lat (start, end) in the buffer: 8 per row (id -1: none) */
  cells = new Int32Array(0);
  /** lon and lat text may be written as read (bit 1: lon, bit 2: lat) */
  asRead = new Uint8Array(0);
  input = new Float64Array(0);
  coords = new Float64Array(0);
  district = new Int32Array(0);
  combo = new Int32Array(0);

  grow(): void {
    const cap = Math.max(1024, this.cap * 2);
    const g = <T extends Uint8Array | Int32Array | Float64Array>(a: T, n: number, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a as never);
      return b;
    };
    this.kind = g(this.kind, cap, (n) => new Uint8Array(n));
    this.fieldAt = g(this.fieldAt, cap, (n) => new Int32Array(n));
    this.nf = g(this.nf, cap, (n) => new Int32Array(n));
    this.cells = g(this.cells, 8 * cap, (n) => new Int32Array(n));
    this.asRead = g(this.asRead, cap, (n) => new Uint8Array(n));
    this.input = g(this.input, 2 * cap, (n) => new Float64Array(n));
    this.coords = g(this.coords, 2 * cap, (n) => new Float64Array(n));
    this.district = new Int32Array(cap);
    this.combo = new Int32Array(cap);
    this.cap = cap;
  }

  needStarts(k: number): void {
    if (this.nStarts + k <= this.starts.length) return;
    const b = new Int32Array(Math.max(8192, 2 * (this.nStarts + k)));
    b.set(this.starts.subarray(0, this.nStarts));
    this.starts = b;
  }

  /** Takes the rows of this kind out; the others keep their order (their fields stay where they are in `starts`). */
  drop(kind: number): void {
    let o = 0;
    for (let i = 0; i < this.n; i++) {
      if (this.kind[i] === kind) continue;
      if (o !== i) {
        this.kind[o] = this.kind[i]!;
        this.points[o] = this.points[i]!;
        this.fieldAt[o] = this.fieldAt[i]!;
        this.nf[o] = this.nf[i]!;
        this.cells.copyWithin(8 * o, 8 * i, 8 * i + 8);
        this.asRead[o] = this.asRead[i]!;
        this.input.copyWithin(2 * o, 2 * i, 2 * i + 2);
        this.coords.copyWithin(2 * o, 2 * i, 2 * i + 2);
      }
      o++;
    }
    this.n = o;
    this.points.length = o;
  }

  clear(): void {
    this.n = 0;
    this.nStarts = 0;
    this.points.length = 0;
  }

  /** Buffer positions moved down by `by` (the buffer was compacted). */
  shift(by: number): void {
    for (let i = 0; i < this.nStarts; i++) this.starts[i]! -= by;
    for (let i = 0; i < 8 * this.n; i++) if (this.cells[i]! >= 0) this.cells[i]! -= by;
  }
}

/** A byte-level CSV → CSV linker; see the module comment. */
export function createCsvCsvLinker(linker: Linker, opts: CsvLinkOptions, sink: CsvLinkSink): CsvCsvLinker {
  const batcher = new BatchLinker(linker);
  const crs = opts.crs;
  const out = new Out((b) => sink.write(b));

  // -- the input
  /** bytes held: the file's start (before the header is read), then the rows not yet read or written */
  let buf = new Uint8Array(1 << 20);
  let len = 0;
  /** where reading goes on in `buf` */
  let pos = 0;
  let phase: 'start' | 'rows' | 'done' = 'start';
  let declined: Uint8Array | null = null;
  let fatal: string | null = null;
  /** bytes of a BOM at the start */
  let bomLength = 0;
  let report: EncodingReport | null = null;
  let decoder: TextDecoder | null = null;
  let delim = 44;
  let delimText = ',';
  let line = 1;

  // -- the rows
  let linked = 0;
  let outside = 0;
  let bad = 0;
  let swappable = 0;
  let writing = true;
  const rows = new CsvRows(
    {
      point: (p) => keepPoint(p),
      error: (e) => onError(e),
    },
    { maxRows: opts.maxRows, fixSwapped: opts.fixSwapped, ids: opts.ids },
  );
  const ids = opts.ids;
  const pend = new Pending();
  pend.grow();
  /**
   * The plain rows' ids, looked up together (where the registry can) when the rows read are
   * linked, and before any row goes the general way or an error is said, so that every id is
   * looked up in the file's order: per queued id, its row in `pend` and its row index.
   */
  const idQueue = ids.asciiQueue?.() ?? null;
  let queuedRow = new Int32Array(1024);
  let queuedIndex = new Int32Array(1024);
  let queuedLine = new Int32Array(1024);
  let tokenizer: CsvTokenizer | null = null;

  // -- the output
  let started = false;
  let extra: string[] = [];
  let extraSet: ReadonlySet<string> = new Set();
  /** per output extra column: the input field it comes from */
  let extraField = new Int32Array(0);
  let rowWriter: RowWriter | null = null;
  const tails = new Map<number, Uint8Array>();
  const dropped = new Set<string>();
  /** fields of plain rows up to this many were checked for columns the output cannot carry */
  let droppedChecked = 0;
  let written = 0;
  const lrow: LinkedRow = { point: null as unknown as InputPoint, lon: 0, lat: 0, district: null, districtIndex: -1 };

  function onError(e: RowError): void {
    if (e.index !== null) {
      bad++;
      if (e.swapped) swappable++;
      if (!opts.skipInvalid) writing = false;
    }
    sink.error(e);
  }

  /** the header's keys per field index (null: the lon/lat/id/name columns) */
  const keyOf = (k: number): string | null => {
    const keys = rows.cols!.keys;
    return k < keys.length ? keys[k]! : `_col${k + 1}`;
  };

  const ascii = new TextDecoder('utf-8');
  /** Bytes of whole characters as text (in the file's encoding; ASCII while it is not known). */
  function decode(s: number, e: number): string {
    return (decoder ?? ascii).decode(buf.subarray(s, e));
  }

  // ------------------------------------------------------------------ the file's start

  function decideFrom(i: number, final: boolean): boolean {
    if (len - i < SNIFF_BYTES && !final) return false;
    const s = sniffEncoding(buf.subarray(i, Math.min(len, i + SNIFF_BYTES)));
    setEncoding({ encoding: s.encoding, bom: false, how: s.how });
    return true;
  }

  function setEncoding(r: EncodingReport): void {
    report = r;
    decoder = new TextDecoder(r.encoding);
  }

  function firstNonAscii(from: number): number {
    for (let i = from; i < len; i++) if (buf[i]! >= 0x80) return i;
    return -1;
  }

  /** Reads the start of the file: false while more bytes are needed. */
  function start(final: boolean): boolean {
    if (len < 3 && !final) return false;
    if (report === null && bomLength === 0) {
      const bom = bomOf(buf.subarray(0, len));
      if (bom !== null && bom.encoding !== 'utf-8') return decline();
      if (opts.encoding === 'gb18030') {
        if (bom !== null) return decline();
        setEncoding({ encoding: 'gb18030', bom: false, how: 'chosen' });
      } else if (opts.encoding === 'utf-8') {
        setEncoding({ encoding: 'utf-8', bom: bom !== null, how: 'chosen' });
        bomLength = bom !== null ? 3 : 0;
      } else if (bom !== null) {
        setEncoding({ encoding: 'utf-8', bom: true, how: 'bom' });
        bomLength = 3;
      }
    }
    if (report === null) {
      const i = firstNonAscii(bomLength);
      if (i >= 0 && !decideFrom(i, final)) return false;
    }
    // a decoder of its own: `stream` keeps a character cut at the end out of the text
    let pre = new TextDecoder(report?.encoding ?? 'utf-8').decode(buf.subarray(bomLength, len), { stream: true });
    if (pre.charCodeAt(0) === 0xfeff) pre = pre.slice(1);
    if (pre.length > RECORD_MAX) throw new RecordTooLong(1);
    const place = locateCsvHeader(pre, final);
    if (place === null) {
      if (final) throw new CsvFatal('file is empty');
      return false;
    }
    const d = place.delimiter.charCodeAt(0);
    if (place.text.includes('"') || place.delimiter.length !== 1 || d >= 0x80 || d === QUOTE || d === CR || d === LF) return decline();
    const fields = place.text.split(place.delimiter);
    if (fields.some((f) => REORDERED_KEY.test(f.trim()))) return decline();
    // past the header: after as many line ends as its line number
    let p = bomLength;
    for (let k = 0; k < place.line && p < len; k++) {
      while (p < len && buf[p] !== LF && buf[p] !== CR) p++;
      if (p >= len) break;
      if (buf[p] === CR && p + 1 >= len && !final) return false;
      p += buf[p] === CR && buf[p + 1] === LF ? 2 : 1;
    }
    rows.header({ fields, line: place.line, unclosedQuoteLine: 0 }, place.text);
    delim = d;
    delimText = place.delimiter;
    tokenizer = new CsvTokenizer(delimText);
    line = place.line + 1;
    pos = p;
    phase = 'rows';
    return true;
  }

  function decline(): boolean {
    declined = buf.slice(0, len);
    phase = 'done';
    return false;
  }

  // ------------------------------------------------------------------ rows

  function keepPoint(p: InputPoint): void {
    if (pend.n === pend.cap) pend.grow();
    const i = pend.n++;
    pend.kind[i] = 1;
    pend.points[i] = p;
    pend.input[2 * i] = p.lon;
    pend.input[2 * i + 1] = p.lat;
    setCoords(i, p.lon, p.lat);
    linked++;
  }

  function setCoords(i: number, lon: number, lat: number): void {
    if (crs === 'wgs84') {
      pend.coords[2 * i] = lon;
      pend.coords[2 * i + 1] = lat;
    } else {
      const [x, y] = toWgs84(lon, lat, crs);
      pend.coords[2 * i] = x;
      pend.coords[2 * i + 1] = y;
    }
  }

  /** A record without quotes, the general way: decoded, split, read by the reader's row logic. */
  function slowLine(s: number, e: number, recLine: number): void {
    lookUpIds();
    rows.row({ fields: decode(s, e).split(delimText), line: recLine, unclosedQuoteLine: 0 });
  }

  /**
   * A record with a quote, by the tokenizer, on a window of decoded lines that grows until the
   * record is whole. Returns the bytes it takes from `s`, or -1 when more input is needed.
   */
  function quotedRecord(s: number, final: boolean): number {
    lookUpIds();
    let want = 2;
    for (;;) {
      let we = s;
      for (let k = 0; k < want && we < len; k++) {
        while (we < len && buf[we] !== LF && buf[we] !== CR) we++;
        if (we >= len) break;
        we += buf[we] === CR && we + 1 < len && buf[we + 1] === LF ? 2 : 1;
      }
      const atEnd = we >= len;
      const text = decode(s, we);
      const r = tokenizer!.first(text, line, final && atEnd);
      if (r === null) {
        if (atEnd) return -1;
        want *= 2;
        continue;
      }
      // the record's characters end after a line end (or at the end of the file): as many in the bytes
      let units = 0;
      for (let j = 0; j < r.length; j++) {
        const c = text.charCodeAt(j);
        if (c === LF) units++;
        else if (c === CR) {
          units++;
          if (text.charCodeAt(j + 1) === LF) j++;
        }
      }
      const endsLine = r.length > 0 && (text.charCodeAt(r.length - 1) === LF || text.charCodeAt(r.length - 1) === CR);
      let p = s;
      for (let k = 0; k < units; k++) {
        while (buf[p] !== LF && buf[p] !== CR) p++;
        p += buf[p] === CR && p + 1 < len && buf[p + 1] === LF ? 2 : 1;
      }
      if (!endsLine) p = we;
      line += units;
      rows.row(r.record);
      return p - s;
    }
  }

  /** Reads the whole records in buf[pos..len); stops before one that is not whole yet. */
  function readRows(final: boolean): void {
    const cols = rows.cols!;
    const cLon = cols.lon;
    const cLat = cols.lat;
    const cId = cols.id;
    const cName = cols.name;
    const needFields = Math.max(cLon, cLat) + 1;
    const isUtf8 = report === null || report.encoding === 'utf-8';
    const b = buf;
    const n = len;
    const d = delim;
    let p = pos;
    let starts = pend.starts;
    let ns = pend.nStarts;
    while (p < n) {
      // the line: its end, its fields, and whether it can go the plain way
      if (ns + MAX_PLAIN_FIELDS + 2 > starts.length) {
        pend.nStarts = ns;
        pend.needStarts(MAX_PLAIN_FIELDS + 2);
        starts = pend.starts;
      }
      const ls = p;
      const fieldBase = ns;
      starts[ns++] = ls;
      let nf = 1;
      let quoted = false;
      let plain = true;
      let content = false;
      let e = ls;
      for (; e < n; e++) {
        const c = b[e]!;
        // letters and most punctuation: nothing to do (every byte that matters is below 0x40 or from 0x80)
        if (c > 0x3b && c < 0x80) {
          content = true;
          continue;
        }
        if (c === d) {
          if (nf < MAX_PLAIN_FIELDS) {
            starts[ns++] = e + 1;
            nf++;
          } else plain = false;
          continue;
        }
        if (c < 0x80) {
          if (c === LF || c === CR) break;
          if (c === QUOTE) {
            quoted = true;
            break;
          }
          if (!content && !isAsciiSpace(c)) content = true;
          continue;
        }
        content = true;
        if (!isUtf8) {
          plain = false;
          continue;
        }
        const k = utf8Length(b, e, n);
        if (k === 0) plain = false;
        else e += k - 1;
      }
      if (quoted) {
        ns = fieldBase;
        pend.nStarts = ns;
        const took = quotedRecord(ls, final);
        if (took < 0) break;
        p = ls + took;
        continue;
      }
      if ((e >= n || (b[e] === CR && e + 1 >= n)) && !final) {
        // not whole yet (or a CR that may be half of a CRLF)
        ns = fieldBase;
        break;
      }
      if (e - ls > RECORD_MAX && decode(ls, e).length > RECORD_MAX) {
        lookUpIds();
        throw new RecordTooLong(line);
      }
      const recLine = line++;
      p = e >= n ? n : b[e] === CR && e + 1 < n && b[e + 1] === LF ? e + 2 : e + 1;
      starts[ns++] = e + 1;
      pend.nStarts = ns;
      if (!content) {
        // blank: every field empty or space
        ns = fieldBase;
        continue;
      }
      if (!plain || nf < needFields || !plainRow(fieldBase, nf, recLine, cLon, cLat, cId, cName)) {
        ns = fieldBase;
        pend.nStarts = ns;
        slowLine(ls, e, recLine);
      }
    }
    pend.nStarts = ns;
    pos = p;
  }

  /** field k of the row whose fields start at `fieldBase`: [start, end) untrimmed */
  const fStart = (fieldBase: number, k: number) => pend.starts[fieldBase + k]!;
  const fEnd = (fieldBase: number, k: number) => pend.starts[fieldBase + k + 1]! - 1;

  /** Trims ASCII space from [s, e): the result in ts, te. */
  let ts = 0;
  let te = 0;
  function trim(s: number, e: number): void {
    while (s < e && isAsciiSpace(buf[s]!)) s++;
    while (e > s && isAsciiSpace(buf[e - 1]!)) e--;
    ts = s;
    te = e;
  }

  /** An id or name the reader keeps as it is: no control, direction or wide-space character at stake. */
  function cleanText(s: number, e: number, asciiOnly: boolean): boolean {
    for (let i = s; i < e; i++) {
      const c = buf[i]!;
      if (c < 0x20 ? c !== 9 : c === 0x7f) return false;
      if (c >= 0x80 && (asciiOnly || c === 0xc2 || c === 0xe2)) return false;
    }
    if (e > s && buf[s]! >= 0x80 && isWideSpace(codePointAt(buf, s))) return false;
    if (e > s && buf[e - 1]! >= 0x80 && isWideSpace(codePointAt(buf, lastCharStart(buf, s, e)))) return false;
    return true;
  }

  /**
   * Looks up the queued ids: a row whose id was seen before leaves the pending rows and is a bad
   * row, said in the file's order.
   */
  function lookUpIds(): void {
    if (idQueue === null || idQueue.size === 0) return;
    let dropped = 0;
    idQueue.run((k, first) => {
      const i = queuedRow[k]!;
      const c = pend.cells;
      pend.kind[i] = DUPLICATE;
      dropped++;
      linked--;
      onError({ line: queuedLine[k]!, index: queuedIndex[k]!, reason: duplicateIdReason(decode(c[8 * i]!, c[8 * i + 1]!), first) });
    });
    if (dropped > 0) pend.drop(DUPLICATE);
  }

  /** A plain row, read from its bytes; false: it must go the general way (nothing was done). */
  function plainRow(fieldBase: number, nf: number, recLine: number, cLon: number, cLat: number, cId: number, cName: number): boolean {
    trim(fStart(fieldBase, cLon), fEnd(fieldBase, cLon));
    const lonS = ts;
    const lonE = te;
    trim(fStart(fieldBase, cLat), fEnd(fieldBase, cLat));
    const latS = ts;
    const latE = te;
    const lon = plainNumber(buf, lonS, lonE);
    const lat = plainNumber(buf, latS, latE);
    if (lon !== lon || lat !== lat) return false; // NaN
    if (coordProblem(lon, lat, null) !== null) return false;
    let idS = -1;
    let idE = -1;
    if (cId !== -1 && cId < nf) {
      trim(fStart(fieldBase, cId), fEnd(fieldBase, cId));
      if (!cleanText(ts, te, true)) return false;
      idS = ts;
      idE = te;
    }
    let nameS = -1;
    let nameE = -1;
    if (cName !== -1 && cName < nf) {
      trim(fStart(fieldBase, cName), fEnd(fieldBase, cName));
      if (!cleanText(ts, te, false)) return false;
      nameS = ts;
      nameE = te;
    }
    if (rows.index >= rows.maxRows) {
      lookUpIds();
      rows.tooMany();
    }
    const rowIndex = rows.index++;
    const queued = idQueue !== null && idS >= 0 && idE > idS;
    if (!queued && idS >= 0 && idE > idS) {
      const first = ids.firstSeenAscii ? ids.firstSeenAscii(buf, idS, idE, recLine) : ids.firstSeen(decode(idS, idE), recLine);
      if (first !== undefined) {
        onError({ line: recLine, index: rowIndex, reason: duplicateIdReason(decode(idS, idE), first) });
        return true;
      }
    }
    if (pend.n === pend.cap) pend.grow();
    const i = pend.n++;
    if (queued) {
      const k = idQueue.size;
      if (k === queuedRow.length) {
        queuedRow = grown(queuedRow);
        queuedIndex = grown(queuedIndex);
        queuedLine = grown(queuedLine);
      }
      queuedRow[k] = i;
      queuedIndex[k] = rowIndex;
      queuedLine[k] = recLine;
      idQueue.add(buf, idS, idE, recLine);
    }
    pend.kind[i] = 0;
    pend.points[i] = null;
    pend.fieldAt[i] = fieldBase;
    pend.nf[i] = nf;
    const c = pend.cells;
    c[8 * i] = idS;
    c[8 * i + 1] = idE;
    c[8 * i + 2] = nameS;
    c[8 * i + 3] = nameE;
    c[8 * i + 4] = lonS;
    c[8 * i + 5] = lonE;
    c[8 * i + 6] = latS;
    c[8 * i + 7] = latE;
    const lonW = writtenEnd(buf, lonS, lonE);
    const latW = writtenEnd(buf, latS, latE);
    c[8 * i + 5] = lonW;
    c[8 * i + 7] = latW;
    pend.asRead[i] = (lonW >= 0 ? 1 : 0) | (latW >= 0 ? 2 : 0);
    pend.input[2 * i] = lon;
    pend.input[2 * i + 1] = lat;
    setCoords(i, lon, lat);
    linked++;
    return true;
  }

  // ------------------------------------------------------------------ output

  function startOutput(firstBatch: number): void {
    started = true;
    const seen = new Set<string>();
    extra = [];
    const add = (k: string) => {
      if (seen.has(k)) return;
      seen.add(k);
      if (!OWN_CSV_COLUMNS.has(k)) extra.push(k);
    };
    for (let i = 0; i < firstBatch; i++) {
      if (pend.kind[i] === 1) for (const k of Object.keys(pend.points[i]!.properties)) add(k);
      else
        for (let k = 0; k < pend.nf[i]!; k++) {
          const key = keyOf(k);
          if (key !== null) add(key);
        }
    }
    extraSet = new Set(extra);
    const fieldOfKey = new Map<string, number>();
    const most = Math.max(rows.cols!.keys.length, ...extra.map((k) => (k.startsWith('_col') ? Number(k.slice(4)) : 0)));
    for (let k = 0; k < most; k++) {
      const key = keyOf(k);
      if (key !== null && !fieldOfKey.has(key)) fieldOfKey.set(key, k);
    }
    extraField = Int32Array.from(extra, (k) => fieldOfKey.get(k)!);
    rowWriter = linkedCsvWriter(extra);
    out.text(`${BOM}${linkedCsvHeader(extra)}\r\n`);
  }

  function tailOf(c: number, d: number): Uint8Array {
    const key = c * DISTRICT_KEYS + (d + 1);
    let tail = tails.get(key);
    if (tail === undefined) {
      tail = utf8.encode(`,${linkedCsvTail(d === OUTSIDE ? null : batcher.districtNames[d]!, batcher.combos[c]!)}`);
      tails.set(key, tail);
    }
    return tail;
  }

  /**
   * A cell of a plain row: copied when csvCell would write it as it is, else through csvCell.
   * The caller made room for the cell's bytes (csvCell's way makes its own).
   */
  function cell(s: number, e: number): void {
    if (s >= e) return;
    const b = buf;
    const first = b[s]!;
    const last = b[e - 1]!;
    let plain =
      (first < 0x80 ? (first >= 48 && first <= 57) || ((first | 32) >= 97 && (first | 32) <= 122) : plainEndCode(codePointAt(b, s))) &&
      (last < 0x80 ? (last >= 48 && last <= 57) || ((last | 32) >= 97 && (last | 32) <= 122) : plainEndCode(codePointAt(b, lastCharStart(b, s, e))));
    if (plain && delim !== 44) for (let i = s; i < e; i++) if (b[i] === 44) plain = false;
    if (!plain) {
      out.text(csvCell(decode(s, e).trim()));
      return;
    }
    copy(s, e);
  }

  /** Copies buf[s..e) to the output (room made by the caller). */
  function copy(s: number, e: number): void {
    const o = out.buf;
    let q = out.pos;
    if (e - s > 32) {
      o.set(buf.subarray(s, e), q);
      q += e - s;
    } else for (let i = s; i < e; i++) o[q++] = buf[i]!;
    out.pos = q;
  }

  function number(i: number, k: 0 | 1): void {
    const v = pend.coords[2 * i + k]!;
    if (v === pend.input[2 * i + k] && (pend.asRead[i]! & (k + 1)) !== 0) copy(pend.cells[8 * i + 4 + 2 * k]!, pend.cells[8 * i + 5 + 2 * k]!);
    else out.ascii(String(v));
  }

  function byte(c: number): void {
    out.buf[out.pos++] = c;
  }

  /** Links and writes the pending rows (or drops them when nothing will be written). */
  function flush(final: boolean): void {
    lookUpIds();
    const n = pend.n;
    if (!writing) {
      pend.clear();
      sink.progress(linked);
      return;
    }
    if (!started && n < BATCH && !final) return;
    for (let b0 = 0; b0 < n; b0 += BATCH) {
      const b1 = Math.min(n, b0 + BATCH);
      if (!started) startOutput(b1);
      batcher.linkMany(pend.coords.subarray(2 * b0, 2 * b1), pend.district.subarray(b0), pend.combo.subarray(b0));
      for (let i = b0; i < b1; i++) writeRow(i);
      written += b1 - b0;
      sink.progress(written);
    }
    pend.clear();
  }

  function writeRow(i: number): void {
    const d = pend.district[i]!;
    const c = pend.combo[i]!;
    if (d === OUTSIDE) outside++;
    if (pend.kind[i] === 1) {
      const p = pend.points[i]!;
      lrow.point = p;
      lrow.lon = pend.coords[2 * i]!;
      lrow.lat = pend.coords[2 * i + 1]!;
      lrow.district = d === OUTSIDE ? null : batcher.districtNames[d]!;
      lrow.districtIndex = d;
      rowWriter!(lrow, batcher.combos[c]!, c, out);
      for (const k in p.properties) if (!OWN_CSV_COLUMNS.has(k) && !extraSet.has(k)) dropped.add(k);
      return;
    }
    const cells = pend.cells;
    const fb = pend.fieldAt[i]!;
    const nf = pend.nf[i]!;
    const tail = tailOf(c, d);
    // room for the row: at most the line's bytes, the linker's cells, two formatted numbers, the commas
    // and what csvCell adds to a cell (a quote at each end and one before a formula)
    const lineBytes = pend.starts[fb + nf]! - pend.starts[fb]!;
    out.room(lineBytes + tail.length + 4 * extraField.length + 80);
    cell(cells[8 * i]!, cells[8 * i + 1]!);
    byte(44);
    cell(cells[8 * i + 2]!, cells[8 * i + 3]!);
    byte(44);
    number(i, 0);
    byte(44);
    number(i, 1);
    out.buf.set(tail, out.pos);
    out.pos += tail.length;
    for (let x = 0; x < extraField.length; x++) {
      byte(44);
      const k = extraField[x]!;
      if (k < nf) {
        trim(fStart(fb, k), fEnd(fb, k));
        cell(ts, te);
      }
    }
    byte(CR);
    byte(LF);
    if (nf > droppedChecked) {
      for (let k = droppedChecked; k < nf; k++) {
        const key = keyOf(k);
        if (key !== null && !OWN_CSV_COLUMNS.has(key) && !extraSet.has(key)) dropped.add(key);
      }
      droppedChecked = nf;
    }
  }

  // ------------------------------------------------------------------ driving

  /** Adds a chunk to the buffer, first dropping the bytes no pending row needs. */
  function append(chunk: Uint8Array): void {
    let from = phase === 'start' ? 0 : pos;
    for (let i = 0; i < pend.n; i++)
      if (pend.kind[i] === 0) {
        from = Math.min(from, pend.starts[pend.fieldAt[i]!]!);
        break;
      }
    const need = len - from + chunk.length;
    if (need > buf.length) {
      const grown = new Uint8Array(Math.max(need, 2 * buf.length));
      grown.set(buf.subarray(from, len));
      buf = grown;
    } else if (from > 0) buf.copyWithin(0, from, len);
    if (from > 0) {
      len -= from;
      pos -= from;
      pend.shift(from);
    }
    buf.set(chunk, len);
    len += chunk.length;
  }

  function step(final: boolean): void {
    if (phase === 'start' && !start(final)) return;
    if (phase !== 'rows') return;
    if (report === null) {
      const i = firstNonAscii(pos);
      // the rows wait until the encoding is known (within SNIFF_BYTES of the first non-ASCII byte)
      if (i >= 0 && !decideFrom(i, final)) return;
    }
    readRows(final);
    flush(final);
  }

  const guard = (work: () => void): void => {
    if (fatal !== null || phase === 'done') return;
    try {
      work();
    } catch (e) {
      fatal = e instanceof CsvFatal || e instanceof RecordTooLong ? e.message : `could not read the CSV: ${errorMessage(e)}`;
    }
  };

  return {
    get declined() {
      return declined;
    },
    push(chunk) {
      guard(() => {
        if (chunk.length === 0) return;
        if (chunk.indexOf(0) !== -1) throw new CsvFatal(binaryMessage('nul'));
        append(chunk);
        step(false);
      });
    },
    end() {
      guard(() => {
        step(true);
        if (phase === 'done') return;
        if (phase === 'start') throw new CsvFatal('file is empty');
        flush(true);
        rows.end();
        if (writing) {
          if (!started) startOutput(0);
          out.flush();
        }
      });
      return {
        fatal,
        encoding: report ?? { encoding: 'utf-8', bom: false, how: 'ascii' },
        total: fatal === null ? rows.index : 0,
        linked,
        outside,
        bad,
        swappable,
        droppedColumns: [...dropped],
      };
    },
  };
}
