/**
 * The start-up data taken "as built": when every fetched file has the SHA-256 the build recorded
 * (build/geo-digests-plugin.ts), the loader takes the parsed files without zod; any other file
 * set is validated with the schema. Taking them as built must give exactly what validating gives.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GEO_DIGESTS } from 'virtual:geo-digests';
import { geoDigests } from '../../build/geo-digests-plugin';
import { GEO_FILES, loadGeo, sha256Hex } from '../../src/loaders/load-geo';
import { validateGeo } from '../../src/loaders/validate-geo';
import { GEO_DIR, diskFetcher } from '../fakes/geo-disk';

/** FIPS 180-2's first example: SHA-256("abc") */
const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const NAMES = Object.values(GEO_FILES);

/** diskFetcher, with one file's text replaced */
function withText(name: string, text: string) {
  const disk = diskFetcher();
  return async (url: string) => (url.endsWith(`/geo/${name}`) ? { ok: true, status: 200, text: async () => text } : disk(url));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('digests', () => {
  it('the page computes SHA-256 of the UTF-8 bytes (the standard test vector; a CJK text equals node:crypto of its bytes)', async () => {
    expect(await sha256Hex('abc')).toBe(ABC_SHA256);
    // 上海 as UTF-8 bytes, hashed by node:crypto
    expect(await sha256Hex('上海')).toBe(
      createHash('sha256')
        .update(Buffer.from([0xe4, 0xb8, 0x8a, 0xe6, 0xb5, 0xb7]))
        .digest('hex'),
    );
  });

  it('the build records one digest per start-up file from the files on disk, and none for a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-digests-'));
    writeFileSync(join(dir, 'parks.geojson'), 'abc');
    expect(geoDigests(dir)).toEqual({ 'parks.geojson': ABC_SHA256 });
    // the app's build module holds a digest for every start-up file of public/geo
    expect(Object.keys(GEO_DIGESTS).sort()).toEqual([...NAMES].sort());
    expect(GEO_DIGESTS).toEqual(geoDigests(GEO_DIR));
  });
});

describe('loadGeo', () => {
  it("takes the build's own files as built, and they equal the schema-validated files", async () => {
    const { geo, check } = await loadGeo('/', diskFetcher());
    expect(check).toBe('as built');
    // the files as parsed from disk
    for (const [key, name] of Object.entries(GEO_FILES)) {
      const got = geo[key as keyof typeof GEO_FILES];
      expect(got.ok, name).toBe(true);
      expect(got.ok && got.data, name).toEqual(JSON.parse(readFileSync(join(GEO_DIR, name), 'utf8')));
    }
    // what validating the same files with the schema returns: the same data, to the last key
    const raw = NAMES.map((name) => ({ ok: true as const, data: JSON.parse(readFileSync(join(GEO_DIR, name), 'utf8')) as unknown }));
    expect(await validateGeo(raw)).toEqual(geo);
  });

  it('validates every file with the schema when one differs from the build by a byte, and accepts it when valid', async () => {
    const parks = readFileSync(join(GEO_DIR, 'parks.geojson'), 'utf8');
    const { geo, check } = await loadGeo('/', withText('parks.geojson', `${parks}\n`));
    expect(check).toBe('schema');
    expect(Object.values(geo).every((f) => f.ok)).toBe(true);
  });

  it('names the file, the feature and the reason when an edited file is invalid', async () => {
    const zones = JSON.parse(readFileSync(join(GEO_DIR, 'zones.geojson'), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    const id = String(zones.features[2]!.properties.id);
    zones.features[2]!.properties.name_en = 42;
    const { geo, check } = await loadGeo('/', withText('zones.geojson', JSON.stringify(zones)));
    expect(check).toBe('schema');
    expect(geo.parks.ok).toBe(true);
    expect(geo.zones.ok ? '' : geo.zones.error).toContain(
      `zones.geojson [${id}]: features.2.properties.name_en: Invalid input: expected string, received number`,
    );
  });

  it('validates with the schema when a file failed to fetch, and keeps it failed', async () => {
    const { geo, check } = await loadGeo('/', diskFetcher({ 'basemap.geojson': 503 }));
    expect(check).toBe('schema');
    expect(geo.basemap.ok ? '' : geo.basemap.error).toBe('basemap.geojson: HTTP 503');
    expect(geo.parks.ok && geo.zones.ok).toBe(true);
  });

  it('validates with the schema where the page has no WebCrypto (plain http from another machine)', async () => {
    vi.stubGlobal('crypto', undefined);
    expect(await sha256Hex('abc')).toBeNull();
    const { geo, check } = await loadGeo('/', diskFetcher());
    expect(check).toBe('schema');
    expect(Object.values(geo).every((f) => f.ok)).toBe(true);
  });

  it('validates with the schema when the build recorded other digests (files rebuilt after the app was built)', async () => {
    const stale = Object.fromEntries(NAMES.map((n) => [n, ABC_SHA256]));
    const { check } = await loadGeo('/', diskFetcher(), stale);
    expect(check).toBe('schema');
  });
});
