/**
 * npx tsx scripts/bench-stats.ts [--runs 7]
 *
 * The statistics view's benchmark (bench/stats.ts: it times src/state, which scripts/ do not
 * import): the sector × district matrix for the current data and 100,000 generated sites beside
 * the naive per-cell count, and the zones' areas and district shares. Exit 1 if a cell differs.
 */
import { benchStats } from '../bench/stats';
import { isMain } from './link';

if (isMain(import.meta.url)) {
  const i = process.argv.indexOf('--runs');
  process.exitCode = benchStats(i > 0 ? Number(process.argv[i + 1]) : 7) ? 0 : 1;
}
