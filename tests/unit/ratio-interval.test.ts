import { describe, expect, it } from 'vitest';
import { ratioInterval } from '../../scripts/lib/ratio-interval';

describe('the bootstrap interval of the start-up ratio', () => {
  it('is one point when every round has the same ratio, however the rounds vary', () => {
    // the app took twice the bare page's time in every round: every resample's medians keep it
    const bare = [2100, 2400, 2250, 3000, 2700, 2200, 2900, 2350, 2500, 2600, 2800];
    const app = bare.map((x) => 2 * x);
    expect(ratioInterval(app, bare)).toEqual({ lo: 2, hi: 2, level: 0.95, resamples: 2000 });
  });

  it('spans the two ratios a run of two unlike rounds can give', () => {
    // round 1: 100 against 100; round 2: 200 against 100. A resample of two rounds has the app's
    // median 100, 150 or 200 over the bare page's 100; both extremes come a quarter of the time.
    const r = ratioInterval([100, 200], [100, 100]);
    expect(r.lo).toBe(1);
    expect(r.hi).toBe(2);
  });

  it('keeps a round together: a slow round slows both pages in every resample that draws it', () => {
    // each round's app load is 10% over its bare load; resampled apart, the ratio would wander
    // between 1100/3000 and 3300/1000
    const r = ratioInterval([1100, 2200, 3300], [1000, 2000, 3000]);
    expect(r.lo).toBeCloseTo(1.1, 12);
    expect(r.hi).toBeCloseTo(1.1, 12);
  });

  it('narrows to the middle of the resamples at a lower level, and repeats itself for a seed', () => {
    const app = [2776, 3140, 2178, 2950, 2600, 2890, 3010, 2450, 2700, 2820, 3100];
    const bare = [2274, 2690, 2122, 2300, 2200, 2500, 2400, 2150, 2350, 2250, 2600];
    const wide = ratioInterval(app, bare, { seed: 7 });
    const narrow = ratioInterval(app, bare, { seed: 7, level: 0.5 });
    expect(narrow.lo).toBeGreaterThanOrEqual(wide.lo);
    expect(narrow.hi).toBeLessThanOrEqual(wide.hi);
    expect(narrow.hi - narrow.lo).toBeLessThan(wide.hi - wide.lo);
    expect(ratioInterval(app, bare, { seed: 7 })).toEqual(wide);
    // the two medians' ratio, 2820/2300, lies inside
    expect(wide.lo).toBeLessThan(2820 / 2300);
    expect(wide.hi).toBeGreaterThan(2820 / 2300);
  });

  it('refuses loads that do not pair up into rounds', () => {
    expect(() => ratioInterval([1, 2, 3], [1, 2])).toThrow(/3 app and 2 bare/);
    expect(() => ratioInterval([], [])).toThrow(/at least one round/);
  });
});
