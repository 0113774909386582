/** The CSV reader fed in chunks: the same rows and lines at every cut, and bounded by its limits. */
import { describe, expect, it } from 'vitest';
import { createCsvPointReader } from '../../src/io/csv-points';
import { QUOTED_MAX, RECORD_MAX, tokenizeCsv } from '../../src/io/csv-tokenizer';
import { parseCsvPoints } from '../../src/io/read-points';
import type { InputPoint, RowError } from '../../src/io/points';

function chunked(text: string, cuts: number[]) {
  const points: InputPoint[] = [];
  const errors: RowError[] = [];
  const r = createCsvPointReader({ point: (p) => points.push(p), error: (e) => errors.push(e) });
  let at = 0;
  for (const c of cuts) {
    r.push(text.slice(at, c));
    at = c;
  }
  r.push(text.slice(at));
  const end = r.end();
  return { points, errors, ...end };
}

const TRICKY = [
  '\uFEFFsep=,', // 1
  '', // 2
  'id,name,lon,lat', // 3
  '1,"a, ""quoted""', // 4
  'name",121.1,31.1', // 5
  '2,plain,121.2,31.2\r', // 6 (CRLF)
  '3,"x\r\ny",121.3,31.3\r', // 7-8
  '4,bad,abc,31.4', // 9
  '', // 10
  '5,last,121.5,31.5', // 11, no final line end
].join('\n');

describe('streaming CSV', () => {
  it('every single cut gives the same rows, errors and lines as the whole text', () => {
    const whole = parseCsvPoints(TRICKY);
    expect(whole.points.map((p) => [p.id, p.line])).toEqual([
      ['1', 4],
      ['2', 6],
      ['3', 7],
      ['5', 11],
    ]);
    expect(whole.errors).toEqual([{ line: 9, index: 3, reason: 'lon "abc" is not a number' }]);
    for (let i = 0; i <= TRICKY.length; i++) {
      const r = chunked(TRICKY, [i]);
      expect({ points: r.points, errors: r.errors, total: r.total }, `cut at ${i}`).toEqual({ points: whole.points, errors: whole.errors, total: whole.total });
    }
  });

  it('one character at a time', () => {
    const whole = parseCsvPoints(TRICKY);
    const cuts = Array.from({ length: TRICKY.length }, (_, i) => i + 1);
    const r = chunked(TRICKY, cuts);
    expect(r.points).toEqual(whole.points);
    expect(r.errors).toEqual(whole.errors);
  });

  it('a trailing partial line is read at the end', () => {
    const done = chunked('lon,lat\n121.1,31.1\n121.2,31.2', [20, 25]);
    expect(done.points.map((p) => [p.line, p.lat])).toEqual([
      [2, 31.1],
      [3, 31.2],
    ]);
  });

  it('an unclosed quote does not hold the rest of the stream: it is cut at its line once Excel’s cell limit is passed', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `121.${i % 10},31.2,r${i}`).join('\n');
    const text = `lon,lat,name\n121.1,31.1,"broken\n${rows}\n`;
    expect(text.length).toBeGreaterThan(QUOTED_MAX);
    const cuts = Array.from({ length: Math.ceil(text.length / 4096) }, (_, i) => (i + 1) * 4096);
    const r = chunked(text, cuts);
    expect(r.errors).toEqual([{ line: 2, index: 0, reason: 'unclosed quote (a field starting with " on line 2 has no closing ")' }]);
    expect(r.points).toHaveLength(5000);
    expect(r.points[0]).toMatchObject({ line: 3, name: 'r0' });
    expect(r).toMatchObject({ fatal: null, total: 5001 });
    expect(parseCsvPoints(text).points).toEqual(r.points);
  });

  it('a quoted field up to the cell limit may span chunks and lines', () => {
    const note = `${'x'.repeat(20_000)}\n${'y'.repeat(10_000)}`;
    const text = `lon,lat,note\n121.1,31.1,"${note}"\n121.2,31.2,z\n`;
    const r = chunked(text, [100, 15_000, 25_000, 30_010]);
    expect(r.points.map((p) => [p.line, p.properties.note])).toEqual([
      [2, note],
      [4, 'z'],
    ]);
  });

  it(`a row longer than ${RECORD_MAX.toLocaleString('en-US')} characters ends the read with a message, not a crash`, () => {
    const big = 'x'.repeat(1024 * 1024);
    const points: InputPoint[] = [];
    const r = createCsvPointReader({ point: (p) => points.push(p), error: () => {} });
    r.push('lon,lat,name\n121.1,31.1,a\n121.2,31.2,');
    for (let i = 0; i < 17; i++) r.push(big);
    r.push('\n121.3,31.3,b\n');
    const end = r.end();
    expect(end.fatal).toMatch(/^line 3: a row longer than 16,777,216 characters/);
    expect(end.total).toBe(0);
  });

  it('the tokenizer alone: records and their lines', () => {
    expect(tokenizeCsv('a,b\r\n"1\n2",3\r4,5')).toEqual([
      { fields: ['a', 'b'], line: 1, unclosedQuoteLine: 0 },
      { fields: ['1\n2', '3'], line: 2, unclosedQuoteLine: 0 },
      { fields: ['4', '5'], line: 4, unclosedQuoteLine: 0 },
    ]);
  });
});
