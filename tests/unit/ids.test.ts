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
});
