/** Runtime loading of public/geo/briefing.json, validated with the build's schema. */
import { BriefingSchema, briefingZodErrors } from './briefing-schema';
import type { Briefing } from './briefing-schema';
import type { Loaded } from './load-geo';
import { loadCheckedFile } from './load-file';
import type { Fetcher } from './load-file';

export const BRIEFING_URL_FILE = 'briefing.json';

export const loadBriefing = (base = '/', fetcher?: Fetcher): Promise<Loaded<Briefing>> =>
  loadCheckedFile(
    BRIEFING_URL_FILE,
    (raw) => {
      const r = BriefingSchema.safeParse(raw);
      return r.success ? { ok: true, data: r.data } : { ok: false, errors: briefingZodErrors(BRIEFING_URL_FILE, r.error, raw) };
    },
    base,
    fetcher,
  );
