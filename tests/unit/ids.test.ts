import { describe, expect, it } from 'vitest';
import { exactIds, fingerprintIds } from '../../src/io/ids';

describe('the duplicate-id check', () => {
  it.each([
    ['exact', () => exactIds()],
    ['fingerprints, table too small (grows several times)', () => fingerprintIds(0)],
    ['fingerprints, sized for the ids', () => fingerprintIds(300_000)],
  ])('%s: each id is new once, then names the line it was first on', (_, make) => {
    const ids = make();
    const n = 300_000;
    for (let i = 0; i < n; i++) expect(ids.firstSeen(`F${i}`, i + 2)).toBeUndefined();
    // ids that differ in one character, in length, or only in case are different ids
    expect(ids.firstSeen('f1', 1)).toBeUndefined();
    expect(ids.firstSeen('F1 ', 1)).toBeUndefined();
    expect(ids.firstSeen('', 1)).toBeUndefined();
    for (let i = 0; i < n; i += 997) expect(ids.firstSeen(`F${i}`, 10 ** 7)).toBe(i + 2);
    expect(ids.firstSeen('', 5)).toBe(1);
    expect(ids.firstSeen('张江', 7)).toBeUndefined();
    expect(ids.firstSeen('张江', 8)).toBe(7);
  });

  it('fingerprints: an id given as ASCII bytes is the same id as its string', () => {
    const ids = fingerprintIds(0);
    const bytes = new TextEncoder().encode('xx,F17,G-2,,F17 ,');
    const at = (s: string) => {
      const i = new TextDecoder().decode(bytes).indexOf(s);
      return [i, i + s.length] as const;
    };
    const [a0, a1] = at('F17');
    const [b0, b1] = at('G-2');
    expect(ids.firstSeenAscii!(bytes, a0, a1, 3)).toBeUndefined();
    expect(ids.firstSeen('F17', 4)).toBe(3);
    expect(ids.firstSeen('G-2', 5)).toBeUndefined();
    expect(ids.firstSeenAscii!(bytes, b0, b1, 6)).toBe(5);
    // a different length is a different id
    expect(ids.firstSeenAscii!(bytes, a0, a1 + 1, 7)).toBeUndefined();
    expect(ids.firstSeen('F17,', 8)).toBe(7);
    expect(ids.firstSeenAscii!(bytes, 3, 3, 9)).toBeUndefined();
    expect(ids.firstSeen('', 10)).toBe(9);
  });
});
