/**
 * The one linking path for users' point files: bytes → text (decode.ts, encoding detected or
 * chosen) → points (the CSV / GeoJSON readers) → WGS-84 (geo/crs.ts) → district, zones, sectors
 * and reasons (geo/sites.ts over geo/link.ts). The browser's link worker and `npm run link` both
 * run {@link createFileLinker}; they differ only in where the linked rows go (a SiteSet here, a
 * GeoJSON or CSV file there). It takes the file in chunks of any size.
 *
 * Pure: no DOM, no fs. Never throws on bad input.
 */
import { BatchLinker, OUTSIDE, SiteSetBuilder, emptySiteSet } from '../geo/sites';
import type { SiteCombo, SiteSet } from '../geo/sites';
import type { Linker } from '../geo/link';
import { toWgs84 } from '../geo/crs';
import type { Crs } from '../geo/crs';
import { createStreamDecoder } from './decode';
import type { EncodingChoice, EncodingReport } from './decode';
import { createFingerprinter } from './fingerprint';
import type { IdRegistry } from './ids';
import { createPointReader, formatFromName } from './read-points';
import type { InputPoint, PointFormat, RowError } from './points';
import { MAX_REPORTED_ERRORS, fileSizeProblem } from './limits';

export interface LinkFileOptions {
  fileName: string;
  /** the coordinate system of the file's numbers */
  crs: Crs;
  /** 'auto' (default) detects UTF-8 / UTF-16 / GB18030 */
  encoding?: EncodingChoice;
  /** most data rows (limits.ts) */
  maxRows: number;
  /** read rows whose lon/lat look swapped as points, swapped back */
  fixSwapped?: boolean;
  /** how the duplicate-id check remembers ids (default: every id, exactly) */
  ids?: IdRegistry;
  /** hash the bytes to notice a file imported twice (default true) */
  fingerprint?: boolean;
}

/**
 * Rows read and linked, in file order, handed over a batch at a time. The arrays are reused for
 * the next batch: a sink reads them during the call and keeps none of them.
 */
export interface LinkedBatch {
  n: number;
  /** the rows as read */
  points: readonly InputPoint[];
  /** lon, lat as read (in the file's crs; swapped back where the point says so), 2n */
  input: Float64Array;
  /** WGS-84 lon, lat, 2n */
  coords: Float64Array;
  /** index into `districtNames` of the end, or OUTSIDE (-1) */
  district: Int32Array;
  /** index into `combos` of the end */
  combo: Int32Array;
}

export interface LinkRowSink {
  rows(b: LinkedBatch): void;
  /** a bad row (index set) or a file-level note (index null), as soon as it is read */
  error(e: RowError): void;
}

export interface LinkFileEnd {
  format: PointFormat;
  /** how the bytes were read */
  encoding: EncodingReport;
  fingerprint: string;
  /** rows / features seen */
  total: number;
  /** non-null: the file as a whole cannot be read (drop whatever the sink got) */
  fatal: string | null;
  /** the zone combinations the batches' `combo` index */
  combos: SiteCombo[];
  /** the district names the batches' `district` index */
  districtNames: readonly string[];
  linked: number;
  /** linked rows outside every district of Shanghai */
  outside: number;
  /** bad rows (notes not counted) */
  bad: number;
  /** bad rows that are only swapped (fixSwapped would read them) */
  swappable: number;
}

export interface FileLinker {
  push(chunk: Uint8Array | string): void;
  end(): LinkFileEnd;
  /** the zone combinations the batches' `combo` index so far (a live list: it only grows) */
  readonly combos: readonly SiteCombo[];
  /** the district names the batches' `district` index */
  readonly districtNames: readonly string[];
}

const encoder = new TextEncoder();

/** Rows per batch: the engine links them in one call, and a batch's arrays stay small. */
const BATCH = 4096;

/**
 * Reads, converts and links a file fed in chunks: rows go to `sink` in file order, a batch at a
 * time (linked with the engine's batch call), and bad rows as soon as they are read.
 */
export function createFileLinker(linker: Linker, opts: LinkFileOptions, sink: LinkRowSink): FileLinker {
  const decoder = createStreamDecoder(opts.encoding ?? 'auto');
  const fingerprint = createFingerprinter();
  const batcher = new BatchLinker(linker);
  const crs = opts.crs;
  const points: InputPoint[] = [];
  const input = new Float64Array(2 * BATCH);
  const coords = new Float64Array(2 * BATCH);
  const district = new Int32Array(BATCH);
  const combo = new Int32Array(BATCH);
  let linked = 0;
  let outside = 0;
  let bad = 0;
  let swappable = 0;

  const flush = () => {
    const n = points.length;
    if (n === 0) return;
    const xy = coords.subarray(0, 2 * n);
    batcher.linkMany(xy, district, combo);
    for (let i = 0; i < n; i++) if (district[i] === OUTSIDE) outside++;
    linked += n;
    sink.rows({ n, points, input, coords, district, combo });
    points.length = 0;
  };

  const reader = createPointReader(
    opts.fileName,
    {
      point(p) {
        const k = points.length;
        input[2 * k] = p.lon;
        input[2 * k + 1] = p.lat;
        if (crs === 'wgs84') {
          coords[2 * k] = p.lon;
          coords[2 * k + 1] = p.lat;
        } else {
          const [lon, lat] = toWgs84(p.lon, p.lat, crs);
          coords[2 * k] = lon;
          coords[2 * k + 1] = lat;
        }
        points.push(p);
        if (points.length === BATCH) flush();
      },
      error(e) {
        if (e.index !== null) {
          bad++;
          if (e.swapped) swappable++;
        }
        sink.error(e);
      },
    },
    { maxRows: opts.maxRows, fixSwapped: opts.fixSwapped === true, ...(opts.ids ? { ids: opts.ids } : {}) },
  );
  const hashing = opts.fingerprint !== false;
  return {
    combos: batcher.combos,
    districtNames: batcher.districtNames,
    push(chunk) {
      const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      if (hashing) fingerprint.push(bytes);
      const text = decoder.push(bytes);
      if (text) reader.push(text);
    },
    end() {
      const rest = decoder.end();
      if (rest) reader.push(rest);
      const r = reader.end();
      flush();
      return {
        format: r.format,
        encoding: decoder.report ?? { encoding: 'utf-8', bom: false, how: 'ascii' },
        fingerprint: fingerprint.digest(),
        total: r.total,
        fatal: r.fatal,
        combos: batcher.combos,
        districtNames: batcher.districtNames,
        linked,
        outside,
        bad,
        swappable,
      };
    },
  };
}

// ---------------------------------------------------------------------------------- the browser's import

export interface SiteImportResult {
  fileName: string;
  format: PointFormat;
  crs: Crs;
  /** how the bytes were read (null: the file was refused before reading) */
  encoding: EncodingReport | null;
  /** rows / features seen in the file */
  total: number;
  /** the valid, linked sites (count may be 0), outside Shanghai included */
  set: SiteSet;
  /** bad rows (the first MAX_REPORTED_ERRORS), with line (CSV) or feature index (GeoJSON) */
  errors: RowError[];
  /** exact number of bad rows */
  errorCount: number;
  /** bad rows that are only lon/lat swapped: importing with fixSwapped reads them */
  swappable: number;
  /** the import swapped lon/lat where they looked swapped */
  fixSwapped: boolean;
  /** file-level notes (e.g. a duplicated column) */
  notes: string[];
  /** non-null: the file as a whole cannot be read, nothing to import */
  fatal: string | null;
  /** ms spent reading + linking */
  ms: number;
}

export interface ImportOptions extends Omit<LinkFileOptions, 'fileName'> {
  setId: string;
  now?: () => number;
}

/** The file's bytes, in chunks (a Blob is streamed where it can be; a string is one chunk). */
async function* chunksOf(source: Blob | Uint8Array | string): AsyncGenerator<Uint8Array | string> {
  if (typeof source === 'string' || source instanceof Uint8Array) {
    yield source;
    return;
  }
  if (typeof source.stream === 'function') {
    const reader = source.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  }
  yield new Uint8Array(await source.arrayBuffer());
}

function sizeOf(source: Blob | Uint8Array | string): number {
  if (typeof source === 'string') return source.length;
  if (source instanceof Uint8Array) return source.length;
  return source.size;
}

/**
 * Reads and links one file for the browser: a SiteSet of its valid rows (outside Shanghai
 * included, marked), its bad rows and notes. The size is checked before a byte is read.
 */
export async function importSites(source: Blob | Uint8Array | string, fileName: string, linker: Linker, opts: ImportOptions): Promise<SiteImportResult> {
  const now = opts.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const t0 = now();
  const meta = { id: opts.setId, fileName, crs: opts.crs, encoding: 'utf-8', fingerprint: '' };
  const base = {
    fileName,
    crs: opts.crs,
    swappable: 0,
    fixSwapped: opts.fixSwapped === true,
  };
  const problem = fileSizeProblem(sizeOf(source));
  if (problem !== null) {
    const format = formatFromName(fileName) ?? 'csv';
    return { ...base, format, encoding: null, total: 0, set: emptySiteSet({ ...meta, format }), errors: [], errorCount: 0, notes: [], fatal: problem, ms: 0 };
  }

  const b = new SiteSetBuilder(linker.districtNames);
  const errors: RowError[] = [];
  const notes: string[] = [];
  const lines = new Int32Array(BATCH);
  const rows = new Int32Array(BATCH);
  const swapped = new Uint8Array(BATCH);
  const run = createFileLinker(
    linker,
    { ...opts, fileName },
    {
      rows: (batch) => {
        const ps = batch.points;
        for (let i = 0; i < batch.n; i++) {
          const p = ps[i]!;
          lines[i] = p.line ?? -1;
          rows[i] = p.index;
          swapped[i] = p.swapped === true ? 1 : 0;
        }
        b.addBatch({
          n: batch.n,
          ids: ps.map((p) => p.id),
          names: ps.map((p) => p.name),
          lines,
          rows,
          input: batch.input,
          coords: batch.coords,
          swapped,
          district: batch.district,
          combo: batch.combo,
        });
      },
      error: (e) => {
        if (e.index === null) notes.push(e.reason);
        else if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
      },
    },
  );
  try {
    for await (const chunk of chunksOf(source)) run.push(chunk);
  } catch (e) {
    const format = formatFromName(fileName) ?? 'csv';
    const message = `could not read the file: ${e instanceof Error ? e.message : String(e)}`;
    return {
      ...base,
      format,
      encoding: null,
      total: 0,
      set: emptySiteSet({ ...meta, format }),
      errors: [],
      errorCount: 0,
      notes: [],
      fatal: message,
      ms: now() - t0,
    };
  }
  const end = run.end();
  const full = { ...meta, format: end.format, encoding: end.encoding.encoding, fingerprint: end.fingerprint };
  if (end.fatal !== null) {
    return {
      ...base,
      format: end.format,
      encoding: end.encoding,
      total: 0,
      set: emptySiteSet(full),
      errors: [],
      errorCount: 0,
      notes: [],
      fatal: end.fatal,
      ms: now() - t0,
    };
  }
  return {
    ...base,
    format: end.format,
    encoding: end.encoding,
    total: end.total,
    set: b.build(full, end.combos),
    errors,
    errorCount: end.bad,
    swappable: end.swappable,
    notes,
    fatal: null,
    ms: now() - t0,
  };
}
