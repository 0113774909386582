/**
 * The packed string column of an import's ids and names (src/lib/string-column.ts): every row
 * comes back as it went in — null apart from the empty string, CJK and astral characters, past
 * the builder's first growth — and survives a structured clone with its arrays moved.
 */
import { describe, expect, it } from 'vitest';
import { StringColumnBuilder, columnLength, columnValues, stringAt, stringColumn } from '../../src/lib/string-column';

describe('string column', () => {
  it('keeps null, the empty string, CJK, astral characters and commas apart, in order', () => {
    const values = ['S1', null, '', '人民广场', '𠀋 (astral)', 'a,"b"', null];
    const c = stringColumn(values);
    expect(columnLength(c)).toBe(7);
    expect(columnValues(c)).toEqual(values);
    expect(c.text).toBe('S1人民广场𠀋 (astral)a,"b"');
    expect(stringAt(c, 1)).toBeNull();
    expect(stringAt(c, 2)).toBe('');
    expect([stringAt(c, -1), stringAt(c, 7), stringAt(c, 1.5)]).toEqual([null, null, null]);
  });

  it('grows past its first 1,024 rows; rows of another column are appended by range', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? null : `P${i}`));
    const c = stringColumn(values);
    expect(columnValues(c)).toEqual(values);
    const b = new StringColumnBuilder();
    b.push('first');
    b.pushFrom(c, 4996, 4998);
    b.pushFrom(c, 0, 1);
    expect(b.count).toBe(4);
    expect(columnValues(b.build())).toEqual(['first', 'P4996', 'P4997', null]);
  });

  it('crosses threads as one string and two arrays whose buffers can be moved', () => {
    const c = stringColumn(['园区 A', null, 'B']);
    const copy = structuredClone(c, { transfer: [c.offsets.buffer, c.nulls.buffer] });
    expect(columnValues(copy)).toEqual(['园区 A', null, 'B']);
    expect(c.offsets.byteLength).toBe(0); // moved, not copied
  });

  it('an empty column', () => {
    const c = stringColumn([]);
    expect([columnLength(c), c.text, [...c.offsets]]).toEqual([0, '', [0]]);
  });
});
