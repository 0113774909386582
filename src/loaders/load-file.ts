/**
 * Runtime loading of a file of public/geo that the first view does not need (stats.json,
 * targets.json, briefing.json): fetch → parse → validate with the build's own schema. A view asks
 * for its file when it opens.
 */
import { formatDataError, loadErrorMessages } from './schemas';
import type { Parsed } from './schemas';
import type { Loaded } from './load-geo';

export type Fetcher = (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/** `validate`: the file's schema check, run again with zod's English messages loaded when it fails (zod/mini carries none). */
export async function loadCheckedFile<T>(
  name: string,
  validate: (raw: unknown) => Parsed<T>,
  base = '/',
  fetcher: Fetcher = (u) => fetch(u),
): Promise<Loaded<T>> {
  let raw: unknown;
  try {
    const res = await fetcher(`${base}geo/${name}`);
    if (!res.ok) return { ok: false, error: `${name}: HTTP ${res.status}` };
    raw = JSON.parse(await res.text());
  } catch (e) {
    return { ok: false, error: `${name}: ${(e as Error).message}` };
  }
  let r = validate(raw);
  if (r.ok) return r;
  await loadErrorMessages();
  r = validate(raw);
  if (r.ok) return r;
  return { ok: false, error: `${r.errors.length} problem(s): ${r.errors.slice(0, 3).map(formatDataError).join('; ')}` };
}
