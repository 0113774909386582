/**
 * Runtime loading of public/geo/stats.json (the statistics view's figures the build computes:
 * zones' district shares, the audit): fetch → parse → validate with the build's own schema. Not
 * part of the start-up preload: the statistics view asks for it when it opens.
 */
import { StatsFileSchema, formatDataError, loadErrorMessages, parseWith } from './schemas';
import type { StatsFile } from './schemas';
import type { Loaded } from './load-geo';

export const STATS_FILE = 'stats.json';

type Fetcher = (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export async function loadStatsFile(base = '/', fetcher: Fetcher = (u) => fetch(u)): Promise<Loaded<StatsFile>> {
  const name = STATS_FILE;
  let raw: unknown;
  try {
    const res = await fetcher(`${base}geo/${name}`);
    if (!res.ok) return { ok: false, error: `${name}: HTTP ${res.status}` };
    raw = JSON.parse(await res.text());
  } catch (e) {
    return { ok: false, error: `${name}: ${(e as Error).message}` };
  }
  let r = parseWith(StatsFileSchema, name, raw);
  if (r.ok) return r;
  await loadErrorMessages();
  r = parseWith(StatsFileSchema, name, raw);
  if (r.ok) return r;
  return { ok: false, error: `${r.errors.length} problem(s): ${r.errors.slice(0, 3).map(formatDataError).join('; ')}` };
}
