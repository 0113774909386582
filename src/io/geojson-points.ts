/**
 * The GeoJSON point reader: a FeatureCollection, a Feature or an array of Features; each Point
 * feature is a point, every other feature a RowError naming its index (`features[N]`). JSON has
 * to be whole to be parsed, so the chunks are joined at `end()` (the import's byte limit bounds
 * them). Contract: points.ts.
 */
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
import type { Bounds, InputPoint, PointReader, PointSink, ReadEnd, ReadOptions } from './points';

const LF = 10;

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
      if (text.charCodeAt(i) === LF) {
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

/** Own property only: a feature's `properties.constructor` is data, never Object's. */
function own(o: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

class Fatal extends Error {}

interface FeatureState {
  bounds: Bounds | null;
  fixSwapped: boolean;
  seenIds: IdRegistry;
  invisible: number;
}

/** Sends the feature to the sink as a point or as a RowError. */
function readFeature(item: unknown, index: number, st: FeatureState, sink: PointSink, line: number | null = null): void {
  const fail = (reason: string, swapped = false) => sink.error(swapped ? { line, index, reason, swapped: true } : { line, index, reason });
  if (!isObject(item) || item.type !== 'Feature') return fail(`not a Feature (got ${describeValue(item)})`);
  const rawProps = own(item, 'properties');
  const props = isObject(rawProps) ? rawProps : null;
  let id = idValue(own(item, 'id')) ?? (props ? idValue(own(props, 'id')) : null);
  let firstIndex: number | undefined;
  if (id !== null) {
    firstIndex = st.seenIds.firstSeen(id, line ?? index);
  }

  const geom = own(item, 'geometry');
  if (geom === null || geom === undefined) return fail('feature has no geometry (null)');
  if (!isObject(geom)) return fail(`feature geometry is not an object (got ${describeValue(geom)})`);
  if (geom.type !== 'Point') {
    const t = typeof geom.type === 'string' ? quoteValue(geom.type).slice(1, -1) : describeValue(geom.type);
    return fail(`geometry type ${t} is not supported; points only`);
  }
  const coords = own(geom, 'coordinates');
  if (!Array.isArray(coords) || coords.length < 2) return fail('Point coordinates must be [lon, lat]');
  const lon: unknown = coords[0];
  const lat: unknown = coords[1];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    let shown: string;
    try {
      shown = JSON.stringify(coords.slice(0, 2)) ?? '?';
    } catch {
      shown = '?'; // nested too deeply to print
    }
    if (shown.length > 60) shown = `${shown.slice(0, 60)}…`;
    return fail(`coordinates must be finite numbers (got ${shown})`);
  }
  const problem = coordProblem(lon, lat, st.bounds);
  if (problem !== null && !(problem.swapped && st.fixSwapped)) return fail(problem.reason, problem.swapped);
  if (firstIndex !== undefined) return fail(`duplicate id '${id ?? ''}' (first ${line === null ? 'at feature' : 'on line'} ${firstIndex})`);

  let name: string | null = null;
  if (props) {
    const n = own(props, 'name') ?? own(props, '名称');
    if (typeof n === 'string' && n.trim() !== '') name = n.trim();
    else if (typeof n === 'number' && Number.isFinite(n)) name = String(n);
  }
  if ((id !== null && hasInvisible(id)) || (name !== null && hasInvisible(name))) {
    st.invisible++;
    id = id === null ? null : visibleText(id) || null;
    name = name === null ? null : visibleText(name) || null;
  }
  // a spread defines own properties (an own "__proto__" key stays data; no prototype is set)
  const properties = props ? { ...props } : {};
  const p: InputPoint =
    problem !== null ? { line, index, id, name, lon: lat, lat: lon, properties, swapped: true } : { line, index, id, name, lon, lat, properties };
  sink.point(p);
}

/** Reads a whole GeoJSON text into the sink; returns the number of features, or throws Fatal. */
function readDocument(text: string, sink: PointSink, opts: ReadOptions): number {
  if (text.trim() === '') throw new Fatal('file is empty');
  const bin = binaryReason(text.length > BINARY_SAMPLE ? text.slice(0, BINARY_SAMPLE) : text, false);
  if (bin !== null || text.indexOf('\u0000') !== -1) throw new Fatal(binaryMessage(bin ?? 'nul'));
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Fatal(`invalid JSON: ${jsonErrorMessage(e, text)}`);
  }

  const expected = 'expected a FeatureCollection, a Feature or an array of Features';
  let items: unknown[];
  if (Array.isArray(doc)) {
    items = doc;
    if (items.length > 0 && !items.some((it) => isObject(it) && it.type === 'Feature')) {
      throw new Fatal(`not GeoJSON features: ${expected} (got an array of ${describeValue(items[0])})`);
    }
  } else if (isObject(doc) && doc.type === 'FeatureCollection') {
    const features = own(doc, 'features');
    if (!Array.isArray(features)) throw new Fatal('not a valid FeatureCollection: "features" is not an array');
    items = features;
  } else if (isObject(doc) && doc.type === 'Feature') {
    items = [doc];
  } else {
    let hint = '';
    if (isObject(doc) && (doc.type === 'Point' || doc.type === 'MultiPoint' || doc.type === 'GeometryCollection')) {
      hint = '; a bare geometry must be wrapped in a Feature';
    }
    throw new Fatal(`not GeoJSON features: ${expected} (got ${describeValue(doc)})${hint}`);
  }
  const maxRows = opts.maxRows ?? Infinity;
  if (items.length > maxRows) throw new Fatal(`too many features: the file has ${fmtInt(items.length)}; the limit is ${fmtInt(maxRows)}`);

  const st: FeatureState = { bounds: opts.bounds ?? null, fixSwapped: opts.fixSwapped === true, seenIds: opts.ids ?? exactIds(), invisible: 0 };
  for (let i = 0; i < items.length; i++) readFeature(items[i], i, st, sink);
  if (st.invisible > 0) sink.error({ line: null, index: null, reason: INVISIBLE_NOTE(st.invisible) });
  return items.length;
}

/** A GeoJSON point reader fed in chunks (joined and parsed at the end). */
export function createGeoJsonPointReader(sink: PointSink, opts: ReadOptions = {}): PointReader {
  const chunks: string[] = [];
  let first = true;
  return {
    push(text) {
      if (typeof text !== 'string' || text.length === 0) return;
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      chunks.push(text);
    },
    end() {
      const text = chunks.join('');
      chunks.length = 0;
      try {
        const total = readDocument(text, sink, opts);
        return { format: 'geojson', fatal: null, total } satisfies ReadEnd;
      } catch (e) {
        const fatal = e instanceof Fatal ? e.message : `could not read the GeoJSON: ${errorMessage(e)}`;
        return { format: 'geojson', fatal, total: 0 } satisfies ReadEnd;
      }
    },
  };
}

/**
 * A reader of newline-delimited GeoJSON (GeoJSONSeq, RFC 8142, or one Feature per line as
 * `ogr2ogr -f GeoJSONSeq` and most tools write it): streamed line by line, so a file of any size
 * passes in bounded memory. Each line is one Feature; a line that is not valid JSON is a bad row
 * (not fatal), named by its line like every other row error. Blank lines are skipped; the record
 * separator (U+001E) RFC 8142 puts before each text is allowed.
 */
export function createGeoJsonSeqPointReader(sink: PointSink, opts: ReadOptions = {}): PointReader {
  const st: FeatureState = { bounds: opts.bounds ?? null, fixSwapped: opts.fixSwapped === true, seenIds: opts.ids ?? exactIds(), invisible: 0 };
  const maxRows = opts.maxRows ?? Infinity;
  let rest = '';
  let line = 1;
  let index = 0;
  let first = true;
  let checked = false;
  let fatal: string | null = null;

  const readLine = (raw: string, at: number) => {
    let text = raw;
    if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
    if (text.charCodeAt(0) === 0x1e) text = text.slice(1);
    if (text.trim() === '') return;
    if (index >= maxRows) throw new Fatal(`too many features: the file has more than ${fmtInt(maxRows)}; the limit is ${fmtInt(maxRows)}`);
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch (e) {
      sink.error({ line: at, index: index++, reason: `invalid JSON: ${errorMessage(e)}` });
      return;
    }
    readFeature(item, index++, st, sink, at);
  };
  const guard = (work: () => void) => {
    if (fatal !== null) return;
    try {
      work();
    } catch (e) {
      fatal = e instanceof Fatal ? e.message : `could not read the GeoJSON: ${errorMessage(e)}`;
    }
  };
  /** reads the complete lines of `rest` (all of it when final); the binary check waits for a sample */
  const drain = (final: boolean) => {
    if (!checked) {
      if (rest.length < BINARY_SAMPLE && !final) return;
      checked = true;
      const bin = binaryReason(rest.slice(0, BINARY_SAMPLE), false);
      if (bin !== null) throw new Fatal(binaryMessage(bin));
    }
    const buf = rest;
    let p = 0;
    for (;;) {
      const e = buf.indexOf('\n', p);
      if (e < 0) break;
      readLine(buf.slice(p, e), line++);
      p = e + 1;
    }
    rest = buf.slice(p);
    if (final && rest !== '') readLine(rest, line);
  };

  return {
    push(text) {
      guard(() => {
        if (typeof text !== 'string' || text.length === 0) return;
        if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
        if (text.indexOf('\u0000') !== -1) throw new Fatal(binaryMessage('nul'));
        rest += text;
        drain(false);
      });
    },
    end() {
      guard(() => {
        drain(true);
        rest = '';
        if (index === 0) throw new Fatal('file is empty');
        if (st.invisible > 0) sink.error({ line: null, index: null, reason: INVISIBLE_NOTE(st.invisible) });
      });
      return { format: 'geojson', fatal, total: fatal === null ? index : 0 } satisfies ReadEnd;
    },
  };
}
