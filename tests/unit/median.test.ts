/** The benches' median (scripts/lib/median.ts). */
import { describe, expect, it } from 'vitest';
import { median } from '../../scripts/lib/median.ts';

describe('median', () => {
  it('is the middle value of an odd count, the mean of the two middle ones of an even count, NaN of none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([10, 1, 4, 2])).toBe(3);
    expect(median([])).toBeNaN();
  });

  it('sorts numerically, takes typed arrays, and leaves its input as it was', () => {
    const xs = [100, 9, 20];
    expect(median(xs)).toBe(20);
    expect(xs).toEqual([100, 9, 20]);
    const typed = Float64Array.from([2.5, 0.5, 1.5, 10]);
    expect(median(typed)).toBe(2);
    expect([...typed]).toEqual([2.5, 0.5, 1.5, 10]);
  });
});
