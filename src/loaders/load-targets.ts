/**
 * Runtime loading of public/geo/targets.json (the plan's scorecard): fetch → parse → validate with
 * the build's own schema. Not part of the start-up preload: call it when a view needs the figures.
 */
import { TargetsFileSchema, formatDataError, loadErrorMessages, parseWith } from './schemas';
import type { TargetsFile } from './schemas';
import type { Loaded } from './load-geo';

export const TARGETS_FILE = 'targets.json';

type Fetcher = (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export async function loadTargets(base = '/', fetcher: Fetcher = (u) => fetch(u)): Promise<Loaded<TargetsFile>> {
  const name = TARGETS_FILE;
  let raw: unknown;
  try {
    const res = await fetcher(`${base}geo/${name}`);
    if (!res.ok) return { ok: false, error: `${name}: HTTP ${res.status}` };
    raw = JSON.parse(await res.text());
  } catch (e) {
    return { ok: false, error: `${name}: ${(e as Error).message}` };
  }
  let r = parseWith(TargetsFileSchema, name, raw);
  if (r.ok) return r;
  // zod/mini carries no message texts: load the English ones and validate again for a readable notice
  await loadErrorMessages();
  r = parseWith(TargetsFileSchema, name, raw);
  if (r.ok) return r;
  return { ok: false, error: `${r.errors.length} problem(s): ${r.errors.slice(0, 3).map(formatDataError).join('; ')}` };
}
