import { describe, expect, it } from 'vitest';
import { parseUnicodeRange, rangeCovers } from '../../src/lib/unicode-range';

describe('unicode-range', () => {
  it('reads single code points and spans, with or without spaces and in either case', () => {
    expect(parseUnicodeRange([' U+2018-2019', 'u+201C', 'U+4e00-9FFF'])).toEqual([
      [0x2018, 0x2019],
      [0x201c, 0x201c],
      [0x4e00, 0x9fff],
    ]);
  });
  it('says whether a list covers a code point, ends included', () => {
    const list = ['U+2018-2019', 'U+201C-201D'];
    expect(rangeCovers(list, 0x2018)).toBe(true);
    expect(rangeCovers(list, 0x201d)).toBe(true);
    expect(rangeCovers(list, 0x201a)).toBe(false);
    expect(rangeCovers([], 0x41)).toBe(false);
  });
});
