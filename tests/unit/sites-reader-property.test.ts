/**
 * The point readers against any input (fast-check) and against hostile values: they never throw,
 * never touch Object.prototype, give the same rows whatever the chunking, and every row ends as
 * a point or as an error naming its line (CSV) or feature index (GeoJSON).
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCsvPointReader } from '../../src/io/csv-points';
import { createGeoJsonPointReader } from '../../src/io/geojson-points';
import { parseCsvPoints, parseGeoJsonPoints } from '../../src/io/read-points';
import type { InputPoint, ParseResult, PointReader, PointSink, RowError } from '../../src/io/points';

/** Reads `text` fed in pieces cut at `cuts` (positions). */
function readInPieces(make: (sink: PointSink) => PointReader, text: string, cuts: number[]): ParseResult {
  const points: InputPoint[] = [];
  const errors: RowError[] = [];
  const r = make({ point: (p) => points.push(p), error: (e) => errors.push(e) });
  let at = 0;
  for (const c of [...new Set(cuts)].sort((a, b) => a - b)) {
    r.push(text.slice(at, c));
    at = c;
  }
  r.push(text.slice(at));
  const end = r.end();
  return end.fatal !== null
    ? { format: end.format, points: [], errors: [], fatal: end.fatal, total: 0 }
    : { format: end.format, points, errors, fatal: null, total: end.total };
}

/** Every row accounted for once: a point or an error, each with a line (CSV) / index. */
function accountsForEveryRow(r: ParseResult, format: 'csv' | 'geojson'): void {
  if (r.fatal !== null) {
    expect(typeof r.fatal).toBe('string');
    expect(r.fatal.length).toBeGreaterThan(0);
    expect(r.points).toEqual([]);
    return;
  }
  const rowErrors = r.errors.filter((e) => e.index !== null);
  expect(r.points.length + rowErrors.length).toBe(r.total);
  const seen = new Set<number>();
  for (const p of r.points) {
    expect(Number.isInteger(p.index)).toBe(true);
    seen.add(p.index);
    expect(Number.isFinite(p.lon) && p.lon >= -180 && p.lon <= 180).toBe(true);
    expect(Number.isFinite(p.lat) && p.lat >= -90 && p.lat <= 90).toBe(true);
    expect(Object.getPrototypeOf(p.properties)).toBe(Object.prototype);
    if (format === 'csv') expect(Number.isInteger(p.line) && p.line! >= 1).toBe(true);
    else expect(p.line).toBeNull();
  }
  for (const e of rowErrors) {
    seen.add(e.index!);
    expect(e.reason.length).toBeGreaterThan(0);
    if (format === 'csv') expect(Number.isInteger(e.line) && e.line! >= 1).toBe(true);
  }
  expect(seen.size).toBe(r.total);
  for (let i = 0; i < r.total; i++) expect(seen.has(i)).toBe(true);
}

const polluted = () => ({}) as Record<string, unknown>;
afterEach(() => {
  const o = polluted();
  expect(o.polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
});

// ---------------------------------------------------------------------------------- CSV

/** Characters that matter to a CSV reader, and some that matter to people. */
const CSV_CHARS = [
  ',',
  ';',
  '\t',
  '"',
  '\r',
  '\n',
  ' ',
  '.',
  '-',
  '+',
  'e',
  'E',
  '0',
  '1',
  '2',
  '3',
  '9',
  'a',
  'x',
  '人',
  '😀',
  '\u202e',
  '\uFEFF',
  '\u0000',
  '=',
  '@',
];
const csvText = fc.array(fc.constantFrom(...CSV_CHARS), { maxLength: 200 }).map((cs) => cs.join(''));
const headers = fc.constantFrom(
  'lon,lat\n',
  'id,name,lon,lat\n',
  'name;lon;lat\r\n',
  'lon\tlat\tname\n',
  'sep=;\nlon;lat\n',
  '经度,纬度,名称\n',
  '__proto__,lon,lat,constructor\n',
  '',
);
const numberish = fc.oneof(
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom('121.47', '31.23', '-0', '1e400', 'NaN', 'Infinity', '0x10', '121,47', '', ' 31.2 ', '"121.5"'),
);
/** Rows that look like rows: enough to reach every path of the row checks. */
const csvRows = fc
  .array(fc.tuple(fc.string({ maxLength: 8 }), numberish, numberish), { maxLength: 30 })
  .map((rows) => rows.map(([name, lon, lat]) => `${JSON.stringify(name)},${lon},${lat}`).join('\n'));

describe('CSV reader, any input', () => {
  it('never throws, and accounts for every row with its line', () => {
    fc.assert(
      fc.property(headers, fc.oneof(csvText, csvRows), (h, body) => {
        const r = parseCsvPoints(h + body);
        accountsForEveryRow(r, 'csv');
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same points, errors and lines whatever the chunking', () => {
    fc.assert(
      fc.property(headers, fc.oneof(csvText, csvRows), fc.array(fc.nat(), { maxLength: 12 }), (h, body, rawCuts) => {
        const text = h + body;
        const whole = parseCsvPoints(text);
        const cuts = rawCuts.map((c) => (text.length === 0 ? 0 : c % (text.length + 1)));
        expect(readInPieces((s) => createCsvPointReader(s), text, cuts)).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });
});

// ---------------------------------------------------------------------------------- GeoJSON

const coord = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(121.47, 31.23, 1e308, -1e308, 0), fc.string({ maxLength: 3 }), fc.constant(null));
const pointish = fc.record({
  type: fc.constantFrom('Feature', 'feature', 'Point'),
  id: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constantFrom('__proto__', 'constructor', 'prototype')),
  properties: fc.oneof(
    fc.constant(null),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'name')), fc.jsonValue({ maxDepth: 2 }), {
      maxKeys: 6,
    }),
  ),
  geometry: fc.oneof(
    fc.record({
      type: fc.constantFrom('Point', 'LineString', 'MultiPoint', 'GeometryCollection'),
      coordinates: fc.oneof(fc.tuple(coord, coord), fc.array(coord, { maxLength: 3 })),
    }),
    fc.constant(null),
    fc.jsonValue({ maxDepth: 2 }),
  ),
});
const feature = fc.oneof({ weight: 3, arbitrary: pointish }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });

describe('GeoJSON reader, any input', () => {
  it('never throws on any text, and accounts for every feature by its index', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.json({ maxDepth: 3 })), (text) => {
        accountsForEveryRow(parseGeoJsonPoints(text), 'geojson');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any features, and accounts for every one (a FeatureCollection, an array, chunked)', () => {
    fc.assert(
      fc.property(fc.array(feature, { maxLength: 25 }), fc.array(fc.nat(), { maxLength: 6 }), (features, rawCuts) => {
        const text = JSON.stringify({ type: 'FeatureCollection', features });
        const r = parseGeoJsonPoints(text);
        accountsForEveryRow(r, 'geojson');
        expect(r.fatal).toBeNull();
        expect(r.total).toBe(features.length);
        const cuts = rawCuts.map((c) => c % (text.length + 1));
        expect(readInPieces((s) => createGeoJsonPointReader(s), text, cuts)).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------- hostile values

describe('hostile values', () => {
  const pt = (properties: unknown, extra: Record<string, unknown> = {}, coordinates: unknown = [121.47, 31.23]) => ({
    type: 'Feature',
    properties,
    geometry: { type: 'Point', coordinates },
    ...extra,
  });

  it('__proto__ / constructor / prototype as ids, names and keys stay data', () => {
    const text = `{"type":"FeatureCollection","features":[
      {"type":"Feature","id":"__proto__","properties":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"prototype":"p","name":"constructor"},"geometry":{"type":"Point","coordinates":[121.47,31.23]}},
      {"type":"Feature","id":"constructor","properties":null,"geometry":{"type":"Point","coordinates":[121.48,31.24]}},
      {"type":"Feature","id":"prototype","properties":{},"geometry":{"type":"Point","coordinates":[121.49,31.25]}}]}`;
    const r = parseGeoJsonPoints(text);
    expect(r.errors).toEqual([]);
    expect(r.points.map((p) => [p.id, p.name])).toEqual([
      ['__proto__', 'constructor'],
      ['constructor', null],
      ['prototype', null],
    ]);
    const props = r.points[0]!.properties;
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(props, '__proto__')).toBe(true);
    expect(JSON.stringify(props)).toContain('"__proto__":{"polluted":1}');

    const csv = parseCsvPoints('id,name,lon,lat,__proto__,constructor,prototype\n__proto__,constructor,121.47,31.23,{"polluted":1},x,y\n');
    expect(csv.points[0]).toMatchObject({ id: '__proto__', name: 'constructor' });
    expect(csv.points[0]!.properties).toEqual({ _col5: '{"polluted":1}', constructor: 'x', prototype: 'y' });
  });

  it('a 10,000-character name, emoji and markup are kept as text', () => {
    const long = '长'.repeat(10_000);
    const r = parseCsvPoints(`name,lon,lat\n${long},121.47,31.23\n"<script>alert(1)</script> 😀🇨🇳",121.48,31.24\n`);
    expect(r.points.map((p) => p.name)).toEqual([long, '<script>alert(1)</script> 😀🇨🇳']);
  });

  it('control and text-direction characters are removed from ids and names, with a note', () => {
    const r = parseCsvPoints('id,name,lon,lat\na\u0007b,left\u202eright\u2066x\u2069,121.47,31.23\nplain,ok,121.48,31.24\n');
    expect(r.points.map((p) => [p.id, p.name])).toEqual([
      ['ab', 'leftrightx'],
      ['plain', 'ok'],
    ]);
    expect(r.errors).toEqual([{ line: null, index: null, reason: '1 row had control or text-direction characters in the id or name; they were removed' }]);
  });

  it('1,000 properties on a feature', () => {
    const properties = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]));
    const r = parseGeoJsonPoints(JSON.stringify({ type: 'FeatureCollection', features: [pt(properties)] }));
    expect(Object.keys(r.points[0]!.properties)).toHaveLength(1000);
    const header = ['lon', 'lat', ...Array.from({ length: 1000 }, (_, i) => `c${i}`)].join(',');
    const row = ['121.47', '31.23', ...Array.from({ length: 1000 }, (_, i) => String(i))].join(',');
    expect(Object.keys(parseCsvPoints(`${header}\n${row}\n`).points[0]!.properties)).toHaveLength(1000);
  });

  it('deeply nested and mixed-geometry GeoJSON', () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const features = [
      pt({ nested: JSON.parse(deep) as unknown }),
      { type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [121, 31] }] } },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: JSON.parse(deep) as unknown } },
      pt({}, {}, [121.47, 31.23, 5]),
    ];
    // JSON.stringify cannot write 50,000 levels: build the text by hand
    const text = `{"type":"FeatureCollection","features":[${[
      `{"type":"Feature","properties":{"nested":${deep}},"geometry":{"type":"Point","coordinates":[121.47,31.23]}}`,
      JSON.stringify(features[1]),
      `{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":${deep}}}`,
      JSON.stringify(features[3]),
    ].join(',')}]}`;
    const r = parseGeoJsonPoints(text);
    expect(r.fatal).toBeNull();
    expect(r.points.map((p) => p.index)).toEqual([0, 3]);
    expect(r.errors.map((e) => [e.index, e.reason])).toEqual([
      [1, 'geometry type GeometryCollection is not supported; points only'],
      [2, 'Point coordinates must be [lon, lat]'],
    ]);
    const deepFirst = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[${deep},1]}}]}`;
    expect(parseGeoJsonPoints(deepFirst).errors[0]!.reason).toMatch(/^coordinates must be finite numbers/);
  });

  it('huge, NaN and infinite coordinates are bad rows with their line', () => {
    const r = parseCsvPoints('lon,lat\n1e308,31\nNaN,31\n121,-Infinity\n1e400,31\n121.47,31.23\n');
    expect(r.errors.map((e) => [e.line, e.reason])).toEqual([
      [2, 'lon 1e+308 is out of range [-180, 180]'],
      [3, 'lon "NaN" is not a number'],
      [4, 'lat "-Infinity" is not a number'],
      [5, 'lon "1e400" is not a finite number'],
    ]);
    expect(r.points).toHaveLength(1);
    const g = parseGeoJsonPoints(JSON.stringify({ type: 'FeatureCollection', features: [pt({}, {}, [1e308, 31]), pt({}, {}, [121, 1e-320])] }));
    expect(g.errors.map((e) => e.reason)).toEqual(['lon 1e+308 is out of range [-180, 180]']);
    expect(parseGeoJsonPoints('{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e999,31]}}').errors[0]!.reason).toBe(
      'coordinates must be finite numbers (got [null,31])',
    );
  });
});
