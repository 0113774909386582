import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { looksBinary } from '../../src/io/points';
import type { ParseResult } from '../../src/io/points';
import { parseCsvPoints, parseGeoJsonPoints, parsePointsText } from '../../src/io/read-points';
import type { ParseOptions } from '../../src/io/read-points';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/points/${name}`, import.meta.url), 'utf8');

/** Rough Shanghai box [minLon, minLat, maxLon, maxLat]. */
const SH: [number, number, number, number] = [120.85, 30.67, 122.2, 31.88];

function reasons(r: ParseResult): string[] {
  return r.errors.map((e) => e.reason);
}

function fc(features: unknown[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features });
}

function pt(lon: unknown, lat: unknown, properties: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] }, ...extra };
}

describe('format selection', () => {
  const csv = 'lon,lat\n121.47,31.23\n';
  const json = fc([pt(121.47, 31.23)]);

  it('uses the extension', () => {
    expect(parsePointsText(csv, 'a.csv').format).toBe('csv');
    expect(parsePointsText(csv, 'A.TXT').format).toBe('csv');
    expect(parsePointsText(json, 'x/y/a.geojson').format).toBe('geojson');
    expect(parsePointsText(json, 'C:\\data\\a.JSON').format).toBe('geojson');
  });

  it('sniffs when the extension is unknown', () => {
    const a = parsePointsText(`\uFEFF  \n${json}`, 'upload');
    expect(a.format).toBe('geojson');
    expect(a.points).toHaveLength(1);
    const b = parsePointsText(csv, 'points.dat');
    expect(b.format).toBe('csv');
    expect(b.points).toHaveLength(1);
  });

  it('the extension wins over content, with a hint for JSON in a .csv', () => {
    const r = parsePointsText(json, 'pts.csv');
    expect(r.format).toBe('csv');
    expect(r.fatal).toMatch(/looks like JSON/);
  });
});

describe('fatal errors', () => {
  it('empty, whitespace-only and BOM-only files', () => {
    for (const text of ['', '   \n\r\n\t', '\uFEFF', '\uFEFF\n\n']) {
      for (const name of ['a.csv', 'a.geojson']) {
        const r = parsePointsText(text, name);
        expect(r.fatal).toBe('file is empty');
        expect(r.points).toEqual([]);
        expect(r.total).toBe(0);
      }
    }
  });

  it('binary content', () => {
    const png = '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR';
    const r = parsePointsText(png, 'photo.csv');
    expect(r.fatal).toContain('not a text CSV/GeoJSON file (binary content)');
    expect(r.points).toEqual([]);
    expect(parsePointsText('PK\u0003\u0004\u0014\u0000', 'book.xlsx').fatal).toContain('binary content');
  });

  it('looksBinary: NUL, replacement chars, control chars', () => {
    expect(looksBinary('lon,lat\n121,31\n')).toBe(false);
    expect(looksBinary('id,名称\n1,人民广场\n')).toBe(false);
    expect(looksBinary('lon,lat\u0000\n')).toBe(true);
    // GBK text decoded as UTF-8: mostly U+FFFD
    expect(looksBinary('id,\uFFFD\uFFFD\uFFFD\uFFFD,lon,lat\n1,\uFFFD\uFFFD\uFFFD,1,2\n')).toBe(true);
    // a single stray replacement char is fine
    expect(looksBinary(`name,lon,lat\n${'a'.repeat(100)}\uFFFD,1,2\n`)).toBe(false);
    expect(looksBinary('\u0001\u0002\u0003\u0004\u0005\u0006abc')).toBe(true);
    // one stray control char (e.g. DOS EOF) is not binary
    expect(looksBinary(`lon,lat\n${'121.1,31.2\n'.repeat(20)}\u001a`)).toBe(false);
    expect(looksBinary('')).toBe(false);
  });

  it('replacement-char files get an encoding hint', () => {
    const r = parseCsvPoints('id,\uFFFD\uFFFD\uFFFD\uFFFD,lon,lat\n1,\uFFFD\uFFFD,1,2\n');
    expect(r.fatal).toContain('binary content');
    expect(r.fatal).toContain('UTF-8');
  });

  it('size over maxBytes (UTF-8 bytes)', () => {
    const text = `lon,lat,name\n${'121.47,31.23,人民广场\n'.repeat(1000)}`;
    const r = parseCsvPoints(text, { maxBytes: 10_000 });
    expect(r.fatal).toMatch(/^file is [\d.]+ MB; the limit is [\d.]+ MB$/);
    expect(r.points).toEqual([]);
    // 2 MiB ASCII vs 1 MiB limit
    const big = `lon,lat\n${'1'.repeat(2 * 1024 * 1024)}`;
    expect(parseCsvPoints(big, { maxBytes: 1024 * 1024 }).fatal).toBe('file is 2 MB; the limit is 1 MB');
    // Chinese chars are 3 bytes each: 400 chars = 1200 bytes > 1000
    expect(parseCsvPoints(`lon,lat,name\n1,2,${'中'.repeat(400)}`, { maxBytes: 1000 }).fatal).toMatch(/^file is/);
    expect(parseCsvPoints('lon,lat\n121.4,31.2\n', { maxBytes: 1000 }).fatal).toBeNull();
  });

  it('CSV header without lon/lat names the columns found and the required ones', () => {
    const r = parseCsvPoints('name,x,y\nA,121.4,31.2\n');
    expect(r.fatal).not.toBeNull();
    expect(r.fatal).toContain('"name", "x", "y"');
    expect(r.fatal).toContain('`lon` and `lat` are required');
    expect(r.points).toEqual([]);

    const onlyLon = parseCsvPoints('lng,foo\n1,2\n');
    expect(onlyLon.fatal).toContain('no lat column');

    const noHeader = parseCsvPoints('121.4,31.2\n121.5,31.3\n');
    expect(noHeader.fatal).toContain('looks like data');
  });

  it('accepts header aliases case-insensitively', () => {
    const cases = ['LON,LAT', 'Lng,Latitude', 'long,lat', 'Longitude,Latitude', '经度,纬度', ' lon , lat '];
    for (const h of cases) {
      const r = parseCsvPoints(`${h}\n121.47,31.23\n`);
      expect(r.fatal, h).toBeNull();
      expect(r.points[0]).toMatchObject({ lon: 121.47, lat: 31.23 });
    }
    const r = parseCsvPoints('ID,名称,纬度,经度\nA1,外滩,31.24,121.49\n');
    expect(r.points[0]).toMatchObject({ id: 'A1', name: '外滩', lon: 121.49, lat: 31.24, properties: {} });
  });

  it('invalid JSON reports the parser message', () => {
    const text = '{"type": "FeatureCollection", "features": [\n  {"type": }\n]}';
    let native = '';
    try {
      JSON.parse(text);
    } catch (e) {
      native = (e as Error).message;
    }
    const r = parseGeoJsonPoints(text);
    expect(r.fatal).toMatch(/^invalid JSON: /);
    expect(r.fatal).toContain(native);
    expect(r.points).toEqual([]);
    // engines that report only a position get a line/column added
    const pos = parseGeoJsonPoints('{\n"a": 1,\n}');
    expect(pos.fatal).toMatch(/^invalid JSON: /);
    if (/position \d+/.test(pos.fatal ?? '')) expect(pos.fatal).toMatch(/line 3/);
  });

  it('JSON that is not features', () => {
    expect(parseGeoJsonPoints('{"a": 1}').fatal).toMatch(/FeatureCollection, a Feature or an array of Features/);
    expect(parseGeoJsonPoints('42').fatal).toMatch(/not GeoJSON features/);
    expect(parseGeoJsonPoints('[1, 2, 3]').fatal).toMatch(/not GeoJSON features/);
    expect(parseGeoJsonPoints('{"type": "Point", "coordinates": [121, 31]}').fatal).toMatch(/wrapped in a Feature/);
    expect(parseGeoJsonPoints('{"type": "FeatureCollection", "features": {}}').fatal).toMatch(/"features" is not an array/);
  });

  it('row count over maxRows', () => {
    const csv = `lon,lat\n${'121.4,31.2\n'.repeat(11)}`;
    const r = parseCsvPoints(csv, { maxRows: 10 });
    expect(r.fatal).toMatch(/too many rows/);
    expect(r.points).toEqual([]);
    expect(parseCsvPoints(csv, { maxRows: 11 }).points).toHaveLength(11);
    const g = parseGeoJsonPoints(fc([pt(121, 31), pt(121, 31), pt(121, 31)]), { maxRows: 2 });
    expect(g.fatal).toMatch(/too many features/);
  });

  it('invalid bounds option is reported, not thrown', () => {
    const opts = { bounds: [122, 31, 121, 30] } as ParseOptions;
    expect(parseCsvPoints('lon,lat\n1,2\n', opts).fatal).toMatch(/invalid bounds/);
  });
});

describe('CSV parsing', () => {
  it('RFC 4180: quoted commas, doubled quotes, CRLF', () => {
    const r = parseCsvPoints('name,lon,lat,note\r\n"A, B",121.1,31.1,"say ""hi"""\r\n');
    expect(r.fatal).toBeNull();
    expect(r.points).toEqual([
      { line: 2, index: 0, id: null, name: 'A, B', lon: 121.1, lat: 31.1, properties: { note: 'say "hi"' }, lonText: '121.1', latText: '31.1' },
    ]);
  });

  it('quoted newlines keep line numbers right (LF, CRLF and CR)', () => {
    const text = [
      'id,name,lon,lat', // 1
      '1,"two', // 2
      'lines",121.1,31.1', // 3
      '2,"three', // 4
      '', // 5
      'lines",121.2,31.2', // 6
      '3,bad,x,31.3', // 7
      '4,ok,121.4,31.4', // 8
    ].join('\n');
    const r = parseCsvPoints(text);
    expect(r.points.map((p) => [p.id, p.line])).toEqual([
      ['1', 2],
      ['2', 4],
      ['4', 8],
    ]);
    expect(r.points[0]?.name).toBe('two\nlines');
    expect(r.errors).toEqual([{ line: 7, index: 2, reason: 'lon "x" is not a number' }]);

    const crlf = parseCsvPoints(text.replace(/\n/g, '\r\n'));
    expect(crlf.points.map((p) => p.line)).toEqual([2, 4, 8]);
    expect(crlf.errors[0]?.line).toBe(7);
    expect(crlf.points[0]?.name).toBe('two\r\nlines');

    const cr = parseCsvPoints(text.replace(/\n/g, '\r'));
    expect(cr.points.map((p) => p.line)).toEqual([2, 4, 8]);
  });

  it('strips the BOM and ignores trailing / blank lines', () => {
    const r = parseCsvPoints('\uFEFFlon,lat\n121.1,31.1\n\n121.2,31.2\n\n\n  \n');
    expect(r.fatal).toBeNull();
    expect(r.total).toBe(2);
    expect(r.points.map((p) => p.line)).toEqual([2, 4]);
    expect(r.errors).toEqual([]);
  });

  it('accepts ; and tab separated files', () => {
    const semi = parseCsvPoints('name;lon;lat\n"a;b";121.1;31.1\n');
    expect(semi.points[0]).toMatchObject({ name: 'a;b', lon: 121.1, lat: 31.1 });
    const tab = parseCsvPoints('name\tlon\tlat\nA, Inc\t121.1\t31.1\n');
    expect(tab.points[0]).toMatchObject({ name: 'A, Inc', lon: 121.1, lat: 31.1 });
    const excel = parseCsvPoints('sep=;\nlon;lat\n121.1;31.1\n');
    expect(excel.points[0]).toMatchObject({ line: 3, lon: 121.1 });
  });

  it('decimal commas are rejected with a hint', () => {
    const r = parseCsvPoints('lon;lat\n121,47;31,23\n');
    expect(reasons(r)).toEqual([
      'lon "121,47" is not a number (use a decimal point, not a comma); lat "31,23" is not a number (use a decimal point, not a comma)',
    ]);
  });

  it('extra columns go to properties as trimmed strings; id/name default to null', () => {
    const r = parseCsvPoints('lon,lat,District, Count \n 121.1 , 31.1 , 黄浦区 , 12 ,extra\n');
    expect(r.points[0]).toEqual({
      line: 2,
      index: 0,
      id: null,
      name: null,
      lon: 121.1,
      lat: 31.1,
      properties: { District: '黄浦区', Count: '12', _col5: 'extra' },
      lonText: '121.1',
      latText: '31.1',
    });
  });

  it('a header named __proto__ does not pollute', () => {
    const r = parseCsvPoints('lon,lat,__proto__\n121.1,31.1,x\n');
    expect(r.points[0]?.properties).toEqual({ _col3: 'x' });
    expect(Object.getPrototypeOf(r.points[0]?.properties)).toBe(Object.prototype);
  });

  it('duplicate lon columns: first is used, a file-level note is added', () => {
    const r = parseCsvPoints('lon,lat,longitude\n121.1,31.1,0\n');
    expect(r.points[0]).toMatchObject({ lon: 121.1, properties: { longitude: '0' } });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 1, index: null });
  });

  it('per-row errors: missing, non-numeric, out of range', () => {
    const text = [
      'id,lon,lat', // 1
      'a,121.1', // 2 short row: missing lat
      'b,,31.1', // 3 empty lon
      'c,12a,31.1', // 4
      'd,121.1,abc', // 5
      'e,200,31.1', // 6
      'f,121.1,-95', // 7
      'g,0x10,31', // 8
      'h,Infinity,31', // 9
      'i,121.1,31.1,too,many,fields', // 10 fine
      'j, 1e2 ,+31.1', // 11 fine
    ].join('\n');
    const r = parseCsvPoints(text);
    expect(r.errors).toEqual([
      { line: 2, index: 0, reason: 'missing lat (row has 2 fields, header has 3)' },
      { line: 3, index: 1, reason: 'missing lon' },
      { line: 4, index: 2, reason: 'lon "12a" is not a number' },
      { line: 5, index: 3, reason: 'lat "abc" is not a number' },
      { line: 6, index: 4, reason: 'lon 200 is out of range [-180, 180]' },
      { line: 7, index: 5, reason: 'lat -95 is out of range [-90, 90]' },
      { line: 8, index: 6, reason: 'lon "0x10" is not a number' },
      { line: 9, index: 7, reason: 'lon "Infinity" is not a number' },
    ]);
    expect(r.points.map((p) => [p.id, p.line, p.lon, p.lat])).toEqual([
      ['i', 10, 121.1, 31.1],
      ['j', 11, 100, 31.1],
    ]);
    expect(r.total).toBe(10);
    expect(r.points.length + r.errors.length).toBe(r.total);
  });

  it('bounds: outside the area and swapped lon/lat', () => {
    const text = 'name,lon,lat\nbeijing,116.4,39.9\nswapped,31.2304,121.4737\nok,121.4737,31.2304\n';
    const r = parseCsvPoints(text, { bounds: SH });
    expect(r.errors).toEqual([
      { line: 2, index: 0, reason: 'outside the area (lon 116.40, lat 39.90)' },
      { line: 3, index: 1, reason: expect.stringContaining('lon/lat look swapped') as unknown as string, swapped: true },
    ]);
    expect(r.points.map((p) => p.name)).toEqual(['ok']);
    // without bounds, Beijing is fine, the swapped row is still caught by the range check
    const nb = parseCsvPoints(text);
    expect(nb.points.map((p) => p.name)).toEqual(['beijing', 'ok']);
    expect(reasons(nb)).toEqual([expect.stringContaining('lon/lat look swapped')]);
    expect(reasons(nb)[0]).toContain('lat must be in [-90, 90]');
  });

  it('swapped detection also inside the valid range when bounds are given', () => {
    // lon 31, lat 80 is a valid coordinate but outside; swapped (80, 31) is not in SH either -> plain outside
    const r = parseCsvPoints('lon,lat\n31,80\n', { bounds: [70, 20, 90, 40] });
    expect(reasons(r)).toEqual([expect.stringContaining('lon/lat look swapped')]);
    const o = parseCsvPoints('lon,lat\n31,80\n', { bounds: SH });
    expect(reasons(o)).toEqual(['outside the area (lon 31.00, lat 80.00)']);
  });

  it('duplicate ids are an error on the later row', () => {
    const r = parseCsvPoints('id,lon,lat\nx,121.1,31.1\ny,121.2,31.2\nx,121.3,31.3\n');
    expect(r.points.map((p) => p.id)).toEqual(['x', 'y']);
    expect(r.errors).toEqual([{ line: 4, index: 2, reason: "duplicate id 'x' (first on line 2)" }]);
  });

  it('an unclosed quote is reported on its row and later rows still parse', () => {
    const r = parseCsvPoints('name,lon,lat\n"broken,121.1,31.1\nok,121.2,31.2\n');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 2, index: 0 });
    expect(r.errors[0]?.reason).toMatch(/unclosed quote/);
    expect(r.points).toMatchObject([{ name: 'ok', line: 3 }]);
  });

  it('a header-only file has no points and is not fatal', () => {
    const r = parseCsvPoints('lon,lat\n');
    expect(r).toEqual({ format: 'csv', points: [], errors: [], fatal: null, total: 0 });
  });

  it('never throws on odd input', () => {
    const inputs = ['"', '""', ',,,', '\n\n\n"', 'lon,lat\n"', 'lon,lat\n"""', 'lon,lat\n,\n,,\n', 'lon,"lat\n1,2'];
    for (const t of inputs) {
      expect(() => parseCsvPoints(t)).not.toThrow();
      expect(() => parsePointsText(t, 'x')).not.toThrow();
    }
  });
});

describe('GeoJSON parsing', () => {
  it('reads Point features from a FeatureCollection, a Feature or an array', () => {
    const f = pt(121.47, 31.23, { name: '人民广场', level: 2 }, { id: 7 });
    for (const text of [fc([f]), JSON.stringify(f), JSON.stringify([f])]) {
      const r = parseGeoJsonPoints(text);
      expect(r.fatal).toBeNull();
      expect(r.points).toEqual([{ line: null, index: 0, id: '7', name: '人民广场', lon: 121.47, lat: 31.23, properties: { name: '人民广场', level: 2 } }]);
    }
  });

  it('copies properties shallowly', () => {
    const r = parseGeoJsonPoints(fc([pt(121, 31, { nested: { a: 1 } })]));
    expect(r.points[0]?.properties).toEqual({ nested: { a: 1 } });
  });

  it('per-feature errors with the feature index', () => {
    const features = [
      pt(121.1, 31.1, { id: 'a' }), // 0 ok
      { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[121, 31]] } }, // 1
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'LineString',
          coordinates: [
            [121, 31],
            [122, 31],
          ],
        },
      }, // 2
      { type: 'Feature', properties: {}, geometry: null }, // 3
      pt('121.1', 31.1), // 4 string coordinate
      pt(121.1, null), // 5
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [121] } }, // 6
      pt(300, 31), // 7
      pt(121.2, 31.2, { id: 'a' }), // 8 duplicate
      { type: 'Polygon', coordinates: [] }, // 9 not a feature
      pt(121.3, 31.3, { name: 'last' }), // 10 ok
    ];
    const r = parseGeoJsonPoints(fc(features));
    expect(r.fatal).toBeNull();
    expect(r.total).toBe(11);
    expect(r.points.map((p) => p.index)).toEqual([0, 10]);
    expect(r.errors.map((e) => [e.index, e.line])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [4, null],
      [5, null],
      [6, null],
      [7, null],
      [8, null],
      [9, null],
    ]);
    expect(reasons(r)).toEqual([
      'geometry type MultiPoint is not supported; points only',
      'geometry type LineString is not supported; points only',
      'feature has no geometry (null)',
      'coordinates must be finite numbers (got ["121.1",31.1])',
      'coordinates must be finite numbers (got [121.1,null])',
      'Point coordinates must be [lon, lat]',
      'lon 300 is out of range [-180, 180]',
      "duplicate id 'a' (first at feature 0)",
      'not a Feature (got type "Polygon")',
    ]);
  });

  it('bounds and swapped coordinates', () => {
    const r = parseGeoJsonPoints(fc([pt(116.4, 39.9), pt(31.23, 121.47), pt(121.47, 31.23)]), { bounds: SH });
    expect(reasons(r)).toEqual(['outside the area (lon 116.40, lat 39.90)', expect.stringContaining('lon/lat look swapped')]);
    expect(r.points).toHaveLength(1);
  });

  it('BOM before JSON is accepted', () => {
    expect(parseGeoJsonPoints(`\uFEFF${fc([pt(121, 31)])}`).points).toHaveLength(1);
  });
});

describe('fixtures', () => {
  it('good.csv: BOM, Chinese headers and names, quoted fields, CRLF, multi-line name', () => {
    const r = parsePointsText(fixture('good.csv'), 'good.csv', { bounds: SH });
    expect(r.format).toBe('csv');
    expect(r.fatal).toBeNull();
    expect(r.errors).toEqual([]);
    expect(r.total).toBe(5);
    expect(r.points.map((p) => [p.id, p.name, p.line])).toEqual([
      ['P1', '人民广场', 2],
      ['P2', '陆家嘴, 东方明珠', 3],
      ['P3', '外滩 "万国建筑"', 4],
      ['P4', '虹桥\n枢纽', 5],
      ['P5', '徐家汇', 7],
    ]);
    expect(r.points[0]).toMatchObject({ lon: 121.4737, lat: 31.2304, properties: { district: '黄浦区' } });
  });

  it('sites.geojson: good points kept, bad features reported', () => {
    const r = parsePointsText(fixture('sites.geojson'), 'sites.geojson', { bounds: SH });
    expect(r.format).toBe('geojson');
    expect(r.fatal).toBeNull();
    expect(r.total).toBe(5);
    expect(r.points.map((p) => [p.id, p.name])).toEqual([
      ['G1', '张江科学城'],
      ['2', '临港新片区'],
    ]);
    expect(r.points[0]?.properties).toEqual({ name: '张江科学城', sector: '集成电路' });
    expect(r.errors).toEqual([
      { line: null, index: 2, reason: 'geometry type LineString is not supported; points only' },
      { line: null, index: 3, reason: 'feature has no geometry (null)' },
      { line: null, index: 4, reason: 'outside the area (lon 116.40, lat 39.90)' },
    ]);
  });
});

describe('large input', () => {
  it('parses a 100,000-row CSV and reports the bad row at line 50001', () => {
    const rows: string[] = ['id,name,lon,lat,category'];
    for (let i = 1; i <= 100_000; i++) {
      const line = i + 1; // header is line 1
      const lon = (121 + (i % 1000) / 1000).toFixed(6);
      const lat = (31 + (i % 700) / 1000).toFixed(6);
      if (line === 50001) rows.push(`r${i},"bad, row",12a,${lat},x`);
      else rows.push(`r${i},"site ${i}",${lon},${lat},cat${i % 7}`);
    }
    const text = `${rows.join('\r\n')}\r\n`;
    const r = parseCsvPoints(text, { bounds: SH });
    expect(r.fatal).toBeNull();
    expect(r.total).toBe(100_000);
    expect(r.points).toHaveLength(99_999);
    expect(r.errors).toEqual([{ line: 50001, index: 49_999, reason: 'lon "12a" is not a number' }]);
    expect(r.points[99_998]).toMatchObject({ id: 'r100000', line: 100_001 });
  });
});
