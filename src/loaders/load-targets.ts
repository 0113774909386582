/**
 * Runtime loading of public/geo/targets.json (the plan's scorecard), validated with the build's
 * own schema. Not part of the start-up preload: call it when a view needs the figures.
 */
import { TargetsFileSchema, parseWith } from './schemas';
import type { TargetsFile } from './schemas';
import type { Loaded } from './load-geo';
import { loadCheckedFile } from './load-file';
import type { Fetcher } from './load-file';

export const TARGETS_FILE = 'targets.json';

export const loadTargets = (base = '/', fetcher?: Fetcher): Promise<Loaded<TargetsFile>> =>
  loadCheckedFile(TARGETS_FILE, (raw) => parseWith(TargetsFileSchema, TARGETS_FILE, raw), base, fetcher);
