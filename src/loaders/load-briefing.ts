/** Runtime loading of public/geo/briefing.json: fetch → parse → validate with the build's schema. */
import { BriefingSchema, briefingZodErrors } from './briefing-schema';
import type { Briefing } from './briefing-schema';
import { formatDataError, loadErrorMessages } from './schemas';
import type { Loaded } from './load-geo';

export const BRIEFING_URL_FILE = 'briefing.json';

type Fetcher = (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export async function loadBriefing(base = '/', fetcher: Fetcher = (u) => fetch(u)): Promise<Loaded<Briefing>> {
  const name = BRIEFING_URL_FILE;
  let raw: unknown;
  try {
    const res = await fetcher(`${base}geo/${name}`);
    if (!res.ok) return { ok: false, error: `${name}: HTTP ${res.status}` };
    raw = JSON.parse(await res.text());
  } catch (e) {
    return { ok: false, error: `${name}: ${(e as Error).message}` };
  }
  let r = BriefingSchema.safeParse(raw);
  if (r.success) return { ok: true, data: r.data };
  await loadErrorMessages();
  r = BriefingSchema.safeParse(raw);
  if (r.success) return { ok: true, data: r.data };
  const errors = briefingZodErrors(name, r.error, raw);
  return { ok: false, error: `${errors.length} problem(s): ${errors.slice(0, 3).map(formatDataError).join('; ')}` };
}
