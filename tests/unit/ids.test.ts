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

  it('fingerprints: ids queued and looked up together get the answers of one at a time, in order, across runs and growth', () => {
    const ids = fingerprintIds(0);
    const q = ids.asciiQueue!();
    const text = 'A1,B2,A1,C3,B2,A1';
    const bytes = new TextEncoder().encode(text);
    const add = (id: string, line: number) => {
      const i = text.indexOf(id);
      q.add(bytes, i, i + id.length, line);
    };
    const run = () => {
      const got: [number, number][] = [];
      q.run((k, first) => got.push([k, first]));
      return got;
    };
    // A1 at line 2, B2 at 3, A1 again at 4 (first on 2), C3 at 5, B2 again at 6 (first on 3), A1 at 7
    add('A1', 2);
    add('B2', 3);
    add('A1', 4);
    add('C3', 5);
    expect(q.size).toBe(4);
    expect(run()).toEqual([[2, 2]]);
    expect(q.size).toBe(0);
    // a second run remembers the first; one at a time agrees with it
    add('B2', 6);
    add('A1', 7);
    expect(run()).toEqual([
      [0, 3],
      [1, 2],
    ]);
    expect(ids.firstSeen('C3', 8)).toBe(5);
    expect(ids.firstSeen('D4', 9)).toBeUndefined();
    // 200,000 ids through a table made for none (it grows on the way), every tenth a repeat of an earlier one
    const many = new TextEncoder().encode(Array.from({ length: 200_000 }, (_, i) => (i % 10 === 9 ? `R${i - 5}` : `R${i}`)).join(','));
    let s = 0;
    for (let i = 0; i < 200_000; i++) {
      let e = s;
      while (e < many.length && many[e] !== 44) e++;
      q.add(many, s, e, 100 + i);
      s = e + 1;
    }
    const repeats = run();
    expect(repeats.length).toBe(20_000);
    // the repeat at place 9 names R4, first on line 104
    expect(repeats[0]).toEqual([9, 104]);
    expect(repeats.at(-1)).toEqual([199_999, 100 + 199_994]);
    expect(ids.firstSeen('R4', 1)).toBe(104);
  });
});
