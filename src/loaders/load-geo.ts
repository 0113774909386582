/**
 * Runtime loading of public/geo: fetch → parse → check. Returns a result per file; one failing
 * file never stops the others.
 *
 * `npm run build:data` validated the files with the schema (src/loaders/schemas.ts) before it
 * wrote them, and the build records each file's SHA-256 (virtual:geo-digests). When every fetched
 * file has the digest the build recorded, they are those very files, already valid, and are taken
 * as they are; otherwise (a file replaced or edited after the build, one that failed to fetch, a
 * page without WebCrypto) every file is validated with the same schema here
 * (src/loaders/validate-geo.ts, loaded only then).
 */
import { GEO_DIGESTS } from 'virtual:geo-digests';
import type { Manifest, SectorsFile } from './schemas';
import type { DistrictCollection, ParkCollection, ZoneCollection } from '../geo/types';
import { mark } from '../lib/perf';
import { GEO_FILES } from './geo-files';

export { GEO_FILES };

export type Loaded<T> = { ok: true; data: T } | { ok: false; error: string };

export interface GeoData {
  manifest: Loaded<Manifest>;
  sectors: Loaded<SectorsFile>;
  districts: Loaded<DistrictCollection>;
  zones: Loaded<ZoneCollection>;
  parks: Loaded<ParkCollection>;
  basemap: Loaded<GeoJSON.FeatureCollection>;
  footprints: Loaded<GeoJSON.FeatureCollection>;
}

type Fetcher = (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/** A fetched file, parsed, with the SHA-256 of its text as UTF-8 (null where the page has no WebCrypto). */
type Fetched = { ok: true; data: unknown; digest: string | null } | { ok: false; error: string };

/** SHA-256 of a text's UTF-8 bytes, lower-case hex; null without WebCrypto (a page served over plain http from another machine). */
export async function sha256Hex(text: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  try {
    const bytes = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}

async function fetchJson(fetcher: Fetcher, base: string, name: string): Promise<Fetched> {
  try {
    const res = await fetcher(`${base}geo/${name}`);
    if (!res.ok) return { ok: false, error: `${name}: HTTP ${res.status}` };
    const text = await res.text();
    // the digest is computed off the main thread while the text is parsed
    const digest = sha256Hex(text);
    try {
      const data: unknown = JSON.parse(text);
      return { ok: true, data, digest: await digest };
    } catch (e) {
      return { ok: false, error: `${name}: not valid JSON (${(e as Error).message})` };
    }
  } catch (e) {
    return { ok: false, error: `${name}: ${(e as Error).message}` };
  }
}

/** How the files were checked: 'as built' (every digest the build's), or 'schema' (validated here). */
export type GeoCheck = 'as built' | 'schema';

/** The start-up data and how it was checked. `digests`: the build's (tests pass their own). */
export async function loadGeo(
  base = '/',
  fetcher: Fetcher = (u) => fetch(u),
  digests: Record<string, string> = GEO_DIGESTS,
): Promise<{ geo: GeoData; check: GeoCheck }> {
  const keys = Object.keys(GEO_FILES) as (keyof typeof GEO_FILES)[];
  const raw = await Promise.all(keys.map((k) => fetchJson(fetcher, base, GEO_FILES[k])));
  mark('geo:fetched');
  const asBuilt = raw.every((r, i) => r.ok && r.digest !== null && r.digest === digests[GEO_FILES[keys[i]!]]);
  const geo = asBuilt
    ? (Object.fromEntries(keys.map((k, i) => [k, { ok: true, data: (raw[i] as { data: unknown }).data }])) as unknown as GeoData)
    : await import('./validate-geo').then((m) => m.validateGeo(raw));
  mark('geo:valid');
  return { geo, check: asBuilt ? 'as built' : 'schema' };
}

export async function loadGeoData(base = '/', fetcher: Fetcher = (u) => fetch(u)): Promise<GeoData> {
  return (await loadGeo(base, fetcher)).geo;
}
