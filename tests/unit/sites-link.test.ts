import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { createLinker } from '../../src/geo/link';
import type { Linker } from '../../src/geo/link';
import { districtBounds, fileSizeProblem, linkSitesText, runLinkRequest, siteAt, toWgs84, transferablesOf, MAX_IMPORT_BYTES } from '../../src/geo/sites';
import type { DistrictFeature, ParkFeature, ZoneFeature } from '../../src/geo/types';
import { readGeoJson } from '../fakes/geo-disk';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/sites');
const fixture = (name: string) => readFileSync(join(FIX, name), 'utf8');

let districts: DistrictFeature[];
let zones: ZoneFeature[];
let linker: Linker;
let bounds: [number, number, number, number];
const opts = (crs: 'wgs84' | 'gcj02' = 'wgs84') => ({ crs, bounds, setId: 't' });

beforeAll(() => {
  districts = readGeoJson<{ features: DistrictFeature[] }>('districts.geojson').features;
  zones = readGeoJson<{ features: ZoneFeature[] }>('zones.geojson').features;
  linker = createLinker(districts, zones);
  bounds = districtBounds(districts);
});

describe('GCJ-02 → WGS-84', () => {
  it('leaves WGS-84 alone', () => {
    expect(toWgs84(121.4737, 31.2304, 'wgs84')).toEqual([121.4737, 31.2304]);
  });
  it('undoes the GCJ-02 offset to within a metre (≈1e-5°) and moves the point by several hundred metres', () => {
    const wgs: [number, number] = [121.4737, 31.2304];
    const gcj = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const back = toWgs84(gcj[0], gcj[1], 'gcj02');
    expect(Math.abs(back[0] - wgs[0])).toBeLessThan(1e-5);
    expect(Math.abs(back[1] - wgs[1])).toBeLessThan(1e-5);
    // the raw offset in Shanghai is ≈ 0.0045° lon, −0.002° lat (≈ 500 m)
    expect(gcj[0] - wgs[0]).toBeGreaterThan(0.003);
  });
  it('imports gcj02.csv at the WGS-84 places when told it is GCJ-02, and 400+ m off when not', () => {
    const text = fixture('gcj02.csv');
    const asGcj = linkSitesText(text, 'gcj02.csv', linker, opts('gcj02'));
    const asWgs = linkSitesText(text, 'gcj02.csv', linker, opts('wgs84'));
    expect(asGcj.set.count).toBe(2);
    const s = siteAt(asGcj.set, 0);
    expect(s.lon).toBeCloseTo(121.4737, 4);
    expect(s.lat).toBeCloseTo(31.2304, 4);
    expect(asGcj.set.crs).toBe('gcj02');
    expect(Math.abs(siteAt(asWgs.set, 0).lon - 121.4737)).toBeGreaterThan(0.004);
  });
});

describe('linkSitesText', () => {
  it('links good.csv (BOM, Chinese names, a quoted comma) with district, zones, sectors and reasons', () => {
    const r = linkSitesText(fixture('good.csv'), 'good.csv', linker, opts());
    expect(r.fatal).toBeNull();
    expect(r.errorCount).toBe(0);
    expect(r.total).toBe(3);
    expect(r.set.count).toBe(3);
    expect(r.set.ids).toEqual(['S1', 'S2', 'S3']);
    expect(r.set.names[2]).toBe('临港新片区, 滴水湖');
    const zj = siteAt(r.set, 1);
    expect(zj.district).toBe('浦东新区');
    expect(zj.zones).toContain('zhangjiang-pole');
    expect(zj.sectors).toContain('ic');
    expect(zj.links.some((l) => l.via === 'zone' && l.zone === 'zhangjiang-pole' && l.sector === 'ic' && l.clause === '五（一）')).toBe(true);
    expect(zj.line).toBe(3);
    expect(siteAt(r.set, 0).district).toBe('黄浦区');
  });

  it('gives every site exactly what the engine gives the same point', () => {
    const r = linkSitesText(fixture('good.csv'), 'good.csv', linker, opts());
    for (let i = 0; i < r.set.count; i++) {
      const s = siteAt(r.set, i);
      expect({ district: s.district, zones: s.zones, sectors: s.sectors, links: s.links }).toEqual(linker.link(s.lon, s.lat));
    }
  });

  it('links the parks’ own coordinates to the parks’ district and zones', () => {
    const parks = readGeoJson<{ features: ParkFeature[] }>('parks.geojson').features;
    const csv = 'id,lon,lat\n' + parks.map((p) => `${p.properties.id},${p.geometry.coordinates[0]},${p.geometry.coordinates[1]}`).join('\n');
    const r = linkSitesText(csv, 'parks.csv', linker, opts());
    expect(r.set.count).toBe(parks.length);
    parks.forEach((p, i) => {
      const s = siteAt(r.set, i);
      expect(s.district).toBe(p.properties.district);
      // a site is a point: the zones a park's point lies in (a park's footprint may touch more)
      const byFootprint = new Set(p.properties.links.filter((l) => l.by === 'footprint').map((l) => l.zone));
      expect(s.zones).toEqual(p.properties.zones.filter((z) => !byFootprint.has(z)));
      // a park adds its designations to what its zones give
      for (const sec of s.sectors) expect(p.properties.sectors).toContain(sec);
    });
  });

  it('reports bad rows by line and keeps the good ones (non-number, outside Shanghai, missing lat)', () => {
    const r = linkSitesText(fixture('mixed-bad-rows.csv'), 'mixed-bad-rows.csv', linker, opts());
    expect(r.fatal).toBeNull();
    expect(r.total).toBe(5);
    expect(r.set.count).toBe(2);
    expect(r.set.ids).toEqual(['M1', 'M3']);
    expect(r.errorCount).toBe(3);
    expect(r.errors.map((e) => e.line)).toEqual([3, 5, 6]);
    expect(r.errors[0]!.reason).toMatch(/"abc" is not a number/);
    expect(r.errors[1]!.reason).toMatch(/^outside Shanghai/);
    expect(r.errors[2]!.reason).toMatch(/missing lat/);
  });

  it('says why a whole file cannot be read: wrong header, empty, binary', () => {
    const header = linkSitesText(fixture('bad-header.csv'), 'bad-header.csv', linker, opts());
    expect(header.fatal).toMatch(/no lon and lat columns.*"x", "y"/);
    expect(header.set.count).toBe(0);
    expect(linkSitesText(fixture('empty.csv'), 'empty.csv', linker, opts()).fatal).toBe('file is empty');
    const png = readFileSync(join(FIX, 'binary.png')).toString('utf8');
    expect(linkSitesText(png, 'binary.png', linker, opts()).fatal).toMatch(/binary/);
  });

  it('reads GeoJSON points and names bad features by index', () => {
    const r = linkSitesText(fixture('sites.geojson'), 'sites.geojson', linker, opts());
    expect(r.format).toBe('geojson');
    expect(r.set.count).toBe(2);
    expect(siteAt(r.set, 0).line).toBeNull();
    const bad = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [121.47, 31.23] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [116.4, 39.9] } },
      ],
    });
    const rb = linkSitesText(bad, 'x.geojson', linker, opts());
    expect(rb.set.count).toBe(1);
    expect(rb.errors).toEqual([expect.objectContaining({ line: null, index: 1 })]);
  });

  it('shares one linked zone combination among sites in the same zones, and caps the reported errors', () => {
    const rows = ['lon,lat'];
    for (let i = 0; i < 2000; i++) rows.push(`121.59${i % 10},31.20${i % 10}`);
    for (let i = 0; i < 700; i++) rows.push('x,31.2');
    const r = linkSitesText(rows.join('\n'), 'many.csv', linker, opts());
    expect(r.set.count).toBe(2000);
    expect(r.set.combos.length).toBeLessThan(5);
    expect(r.errorCount).toBe(700);
    expect(r.errors.length).toBe(500);
    expect(transferablesOf(r)).toHaveLength(5);
  });
});

describe('huge files', () => {
  it('refuses a file over the limit before reading it', async () => {
    expect(fileSizeProblem(MAX_IMPORT_BYTES + 1)).toMatch(/limit is 50 MB/);
    expect(fileSizeProblem(0)).toBe('file is empty');
    expect(fileSizeProblem(1000)).toBeNull();
    const huge = new Blob([new Uint8Array(MAX_IMPORT_BYTES + 10)]);
    const r = await runLinkRequest({ req: 1, source: huge, fileName: 'huge.csv', crs: 'wgs84', setId: 'h' }, linker, bounds);
    expect(r.fatal).toMatch(/^file is 50\.0 MB; the limit is 50 MB/);
    expect(r.set.count).toBe(0);
  });
  it('refuses more rows than the import allows', () => {
    const r = linkSitesText('lon,lat\n' + '121.47,31.23\n'.repeat(30), 'x.csv', linker, { ...opts(), maxRows: 10 });
    expect(r.fatal).toMatch(/10/);
  });
});
