import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { createLinker } from '../../src/geo/link';
import type { Linker } from '../../src/geo/link';
import { siteAt } from '../../src/geo/sites';
import { toWgs84 } from '../../src/geo/crs';
import type { Crs } from '../../src/geo/crs';
import { importSites } from '../../src/io/link-sites';
import type { SiteImportResult } from '../../src/io/link-sites';
import { MAX_FILE_BYTES, fileSizeProblem } from '../../src/io/limits';
import { runLinkRequest, transferablesOf } from '../../src/workers/protocol';
import type { DistrictFeature, ParkFeature, ZoneFeature } from '../../src/geo/types';
import { readGeoJson } from '../fakes/geo-disk';
import { columnValues, stringAt } from '../../src/lib/string-column';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/sites');
const fixture = (name: string) => readFileSync(join(FIX, name), 'utf8');

let districts: DistrictFeature[];
let zones: ZoneFeature[];
let linker: Linker;
/** The browser's import path (read → convert → link) on a text. */
const linkSitesText = (text: string, fileName: string, crs: Crs = 'wgs84', maxRows = 200_000): Promise<SiteImportResult> =>
  importSites(text, fileName, linker, { crs, maxRows, setId: 't' });

beforeAll(() => {
  districts = readGeoJson<{ features: DistrictFeature[] }>('districts.geojson').features;
  zones = readGeoJson<{ features: ZoneFeature[] }>('zones.geojson').features;
  linker = createLinker(districts, zones);
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
  it('imports gcj02.csv at the WGS-84 places when told it is GCJ-02, and 400+ m off when not', async () => {
    const text = fixture('gcj02.csv');
    const asGcj = await linkSitesText(text, 'gcj02.csv', 'gcj02');
    const asWgs = await linkSitesText(text, 'gcj02.csv', 'wgs84');
    expect(asGcj.set.count).toBe(2);
    const s = siteAt(asGcj.set, 0);
    expect(s.lon).toBeCloseTo(121.4737, 4);
    expect(s.lat).toBeCloseTo(31.2304, 4);
    expect(asGcj.set.crs).toBe('gcj02');
    expect(Math.abs(siteAt(asWgs.set, 0).lon - 121.4737)).toBeGreaterThan(0.004);
  });
});

describe('linkSitesText', () => {
  it('links good.csv (BOM, Chinese names, a quoted comma) with district, zones, sectors and reasons', async () => {
    const r = await linkSitesText(fixture('good.csv'), 'good.csv');
    expect(r.fatal).toBeNull();
    expect(r.errorCount).toBe(0);
    expect(r.total).toBe(3);
    expect(r.set.count).toBe(3);
    expect(columnValues(r.set.ids)).toEqual(['S1', 'S2', 'S3']);
    expect(stringAt(r.set.names, 2)).toBe('临港新片区, 滴水湖');
    const zj = siteAt(r.set, 1);
    expect(zj.district).toBe('浦东新区');
    expect(zj.zones).toContain('zhangjiang-pole');
    expect(zj.sectors).toContain('ic');
    expect(zj.links.some((l) => l.via === 'zone' && l.zone === 'zhangjiang-pole' && l.sector === 'ic' && l.clause === '五（一）')).toBe(true);
    expect(zj.line).toBe(3);
    expect(siteAt(r.set, 0).district).toBe('黄浦区');
  });

  it('gives every site exactly what the engine gives the same point', async () => {
    const r = await linkSitesText(fixture('good.csv'), 'good.csv');
    for (let i = 0; i < r.set.count; i++) {
      const s = siteAt(r.set, i);
      expect({ district: s.district, zones: s.zones, sectors: s.sectors, links: s.links }).toEqual(linker.link(s.lon, s.lat));
    }
  });

  it('links the parks’ own coordinates to the parks’ district and zones', async () => {
    const parks = readGeoJson<{ features: ParkFeature[] }>('parks.geojson').features;
    const csv = 'id,lon,lat\n' + parks.map((p) => `${p.properties.id},${p.geometry.coordinates[0]},${p.geometry.coordinates[1]}`).join('\n');
    const r = await linkSitesText(csv, 'parks.csv');
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

  it('reports bad rows by line and keeps the good ones (non-number, missing lat); a point outside Shanghai is kept, marked', async () => {
    const r = await linkSitesText(fixture('mixed-bad-rows.csv'), 'mixed-bad-rows.csv');
    expect(r.fatal).toBeNull();
    expect(r.total).toBe(5);
    expect(r.set.count).toBe(3);
    expect(columnValues(r.set.ids)).toEqual(['M1', 'M3', 'M4']);
    expect(r.errorCount).toBe(2);
    expect(r.errors.map((e) => e.line)).toEqual([3, 6]);
    expect(r.errors[0]!.reason).toMatch(/"abc" is not a number/);
    expect(r.errors[1]!.reason).toMatch(/missing lat/);
    // 北京天安门 (line 5) is an answer, not an error: outside Shanghai, no district, no zones
    expect(r.set.outside).toBe(1);
    const beijing = siteAt(r.set, 2);
    expect(beijing).toMatchObject({ id: 'M4', line: 5, district: null, outside: true, zones: [], sectors: [], links: [] });
    expect(beijing.lon).toBe(116.3975);
    expect(siteAt(r.set, 0)).toMatchObject({ district: '黄浦区', outside: false });
  });

  it('keeps points across the border (昆山, 嘉善) and in the sea as outside Shanghai; rejects only what cannot be a point', async () => {
    const csv = [
      'id,name,lon,lat',
      'k,昆山,120.98,31.39', // line 2: Jiangsu, a few km across the border
      'j,嘉善,120.92,30.84', // line 3: Zhejiang
      's,东海,122.5,30.5', // line 4: the sea
      'w,swapped,31.2304,121.4737', // line 5: lon/lat swapped
      'r,range,200,31', // line 6: out of range
      'n,nan,NaN,31', // line 7
      'i,inf,1e400,31', // line 8
      'p,人民广场,121.4737,31.2304', // line 9
    ].join('\n');
    const r = await linkSitesText(csv, 'delta.csv');
    expect(columnValues(r.set.ids)).toEqual(['k', 'j', 's', 'p']);
    expect(r.set.outside).toBe(3);
    expect([0, 1, 2].map((i) => siteAt(r.set, i).district)).toEqual([null, null, null]);
    expect(siteAt(r.set, 3).district).toBe('黄浦区');
    expect(r.errors.map((e) => [e.line, e.reason])).toEqual([
      [5, 'lon/lat look swapped (lon 31.2304, lat 121.4737; lat must be in [-90, 90])'],
      [6, 'lon 200 is out of range [-180, 180]'],
      [7, 'lon "NaN" is not a number'],
      [8, 'lon "1e400" is not a finite number'],
    ]);
    expect(r.swappable).toBe(1);
    // read again with the swapped rows swapped back: the row is a site, marked
    const fixed = await importSites(csv, 'delta.csv', linker, { crs: 'wgs84', maxRows: 100, setId: 'f', fixSwapped: true });
    expect(columnValues(fixed.set.ids)).toEqual(['k', 'j', 's', 'w', 'p']);
    expect(siteAt(fixed.set, 3)).toMatchObject({ lon: 121.4737, lat: 31.2304, district: '黄浦区', swapped: true, line: 5 });
    expect(fixed.errorCount).toBe(3);
  });

  it('says why a whole file cannot be read: wrong header, empty, binary', async () => {
    const header = await linkSitesText(fixture('bad-header.csv'), 'bad-header.csv');
    expect(header.fatal).toMatch(/no lon and lat columns.*"x", "y"/);
    expect(header.set.count).toBe(0);
    expect((await linkSitesText(fixture('empty.csv'), 'empty.csv')).fatal).toBe('file is empty');
    const png = new Uint8Array(readFileSync(join(FIX, 'binary.png')));
    expect((await importSites(png, 'binary.png', linker, { crs: 'wgs84', maxRows: 10, setId: 'p' })).fatal).toMatch(/binary/);
  });

  it('reads GeoJSON points and names bad features by index', async () => {
    const r = await linkSitesText(fixture('sites.geojson'), 'sites.geojson');
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
    const rb = await linkSitesText(bad, 'x.geojson');
    expect(rb.set.count).toBe(2);
    expect(rb.errors).toEqual([]);
    expect(siteAt(rb.set, 1)).toMatchObject({ row: 1, line: null, district: null, outside: true });
  });

  it('shares one linked zone combination among sites in the same zones, and caps the reported errors', async () => {
    const rows = ['lon,lat'];
    for (let i = 0; i < 2000; i++) rows.push(`121.59${i % 10},31.20${i % 10}`);
    for (let i = 0; i < 700; i++) rows.push('x,31.2');
    const r = await linkSitesText(rows.join('\n'), 'many.csv');
    expect(r.set.count).toBe(2000);
    expect(r.set.combos.length).toBeLessThan(5);
    expect(r.errorCount).toBe(700);
    expect(r.errors.length).toBe(500);
    // every column moves: 7 per-site arrays, and the offsets and null flags of ids and names
    expect(transferablesOf(r)).toHaveLength(11);
    expect(new Set(transferablesOf(r)).size).toBe(11);
  });
});

describe('huge files', () => {
  it('refuses a file over the limit before reading it', async () => {
    expect(fileSizeProblem(MAX_FILE_BYTES + 1)).toMatch(/limit is 50 MB/);
    expect(fileSizeProblem(0)).toBe('file is empty');
    expect(fileSizeProblem(1000)).toBeNull();
    const huge = new Blob([new Uint8Array(MAX_FILE_BYTES + 10)]);
    const r = await runLinkRequest({ req: 1, source: huge, fileName: 'huge.csv', crs: 'wgs84', encoding: 'auto', setId: 'h' }, linker);
    expect(r.fatal).toMatch(/^file is 50\.0 MB; the limit is 50 MB/);
    expect(r.set.count).toBe(0);
  });
  it('refuses more rows than the import allows', async () => {
    const r = await linkSitesText('lon,lat\n' + '121.47,31.23\n'.repeat(30), 'x.csv', 'wgs84', 10);
    expect(r.fatal).toMatch(/10/);
  });
});
