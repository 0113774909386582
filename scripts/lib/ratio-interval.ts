/**
 * How sure one run of the browser bench is of its start-up ratio (the median of the app's loads
 * over the median of the bare page's): a percentile bootstrap over the run's rounds. The bench
 * loads each page once per round, one after the other, so a round is the unit that is resampled:
 * a resample draws as many rounds as the run had, with replacement, and keeps each round's app
 * and bare loads together, so what the machine was doing during a round weighs on both pages.
 * The interval is the middle `level` of the resamples' ratios. Seeded: one run's loads always give
 * the same interval. Read in scripts/bench-browser.ts.
 */
import { mulberry32 } from '../../src/lib/mulberry32';
import { median } from './median';

export interface RatioInterval {
  lo: number;
  hi: number;
  /** the share of the resamples' ratios the interval holds, e.g. 0.95 */
  level: number;
  resamples: number;
}

/** `app[i]` and `bare[i]`: the two pages' times in round i. */
export function ratioInterval(
  app: readonly number[],
  bare: readonly number[],
  opts: { resamples?: number; level?: number; seed?: number } = {},
): RatioInterval {
  const n = app.length;
  if (n === 0 || bare.length !== n) throw new Error(`ratioInterval: ${n} app and ${bare.length} bare loads; one of each per round, at least one round`);
  const resamples = opts.resamples ?? 2000;
  const level = opts.level ?? 0.95;
  const rnd = mulberry32(opts.seed ?? 1);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const ratios = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    for (let k = 0; k < n; k++) {
      const i = Math.floor(rnd() * n);
      a[k] = app[i]!;
      b[k] = bare[i]!;
    }
    ratios[r] = median(a) / median(b);
  }
  ratios.sort();
  const tail = (1 - level) / 2;
  return { lo: ratios[Math.floor(tail * (resamples - 1))]!, hi: ratios[Math.ceil((1 - tail) * (resamples - 1))]!, level, resamples };
}
