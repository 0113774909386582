/**
 * Runtime loading of public/geo/stats.json (the statistics view's figures the build computes:
 * zones' district shares, the audit), validated with the build's own schema. Not part of the
 * start-up preload: the statistics view asks for it when it opens.
 */
import { StatsFileSchema, parseWith } from './schemas';
import type { StatsFile } from './schemas';
import type { Loaded } from './load-geo';
import { loadCheckedFile } from './load-file';
import type { Fetcher } from './load-file';

export const STATS_FILE = 'stats.json';

export const loadStatsFile = (base = '/', fetcher?: Fetcher): Promise<Loaded<StatsFile>> =>
  loadCheckedFile(STATS_FILE, (raw) => parseWith(StatsFileSchema, STATS_FILE, raw), base, fetcher);
