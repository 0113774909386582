import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLinker } from '../../src/geo/link';
import type { Linker } from '../../src/geo/link';
import type { SiteSet } from '../../src/geo/sites';
import { importSites } from '../../src/io/link-sites';
import { BOM } from '../../src/export/csv-cell';
import { EXPORT_COLUMNS, parkRows, reasonText, siteRows, toCsv, toGeoJson } from '../../src/export/results';
import type { ExportNames } from '../../src/export/results';
import type { DistrictFeature, ParkFeature, ZoneFeature } from '../../src/geo/types';
import type { SectorsFile } from '../../src/loaders/schemas';
import { readGeoJson } from '../fakes/geo-disk';
import { stringColumn } from '../../src/lib/string-column';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/sites');

let set: SiteSet;
let parks: ParkFeature[];
let names: (lang: 'zh' | 'en') => ExportNames;
let linker: Linker;

beforeAll(async () => {
  const districts = readGeoJson<{ features: DistrictFeature[] }>('districts.geojson').features;
  const zones = readGeoJson<{ features: ZoneFeature[] }>('zones.geojson').features;
  const sectors = readGeoJson<SectorsFile>('sectors.json');
  parks = readGeoJson<{ features: ParkFeature[] }>('parks.geojson').features;
  linker = createLinker(districts, zones);
  set = (await importSites(new Uint8Array(readFileSync(join(FIX, 'good.csv'))), 'good.csv', linker, { crs: 'wgs84', maxRows: 100, setId: 's' })).set;
  const zoneNames = new Map(zones.map((z) => [z.properties.id, { zh: z.properties.name_zh, en: z.properties.name_en }]));
  const nodeNames = new Map<string, { zh: string; en: string }>();
  for (const s of sectors.sectors) {
    nodeNames.set(s.id, { zh: s.name_zh, en: s.name_en });
    for (const c of s.children) nodeNames.set(c.id, { zh: c.name_zh, en: c.name_en });
  }
  names = (lang) => ({ lang, zone: (id) => zoneNames.get(id), sector: (id) => nodeNames.get(id) });
});

/** Minimal RFC 4180 reader for checking the output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  return rows;
}

describe('CSV export', () => {
  it('starts with a BOM, has the columns, CRLF line ends, and quotes a name with a comma', () => {
    const csv = toCsv(siteRows(set), names('zh'));
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1).split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','));
    expect(csv).toContain('"临港新片区, 滴水湖"');
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r).toHaveLength(EXPORT_COLUMNS.length);
    // the last column: what each row is
    expect(rows.map((r) => r[r.length - 1])).toEqual(['kind', 'site', 'site', 'site']);
  });

  it('writes zones, sectors and reasons as readable text in the chosen language', () => {
    const zh = parseCsv(toCsv(siteRows(set), names('zh')).slice(1));
    const col = (k: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(k);
    const zj = zh.find((r) => r[0] === 'S2')!;
    expect(zj[col('name_zh')]).toBe('张江科学城');
    expect(zj[col('name_en')]).toBe('');
    expect(zj[col('district')]).toBe('浦东新区');
    expect(zj[col('zones')]).toContain('张江科技创新极');
    expect(zj[col('sectors')]).toContain('集成电路');
    expect(zj[col('reasons')]).toContain('集成电路: 位于 张江科技创新极（张江科学城） (五（一）) “集成电路”');
    expect(zj[col('confidence')]).toBe('imported');
    expect(zj[col('source')]).toBe('good.csv line 3 (WGS-84)');
    const en = parseCsv(toCsv(siteRows(set), names('en')).slice(1)).find((r) => r[0] === 'S2')!;
    expect(en[col('sectors')]).toContain('Integrated circuits');
    expect(en[col('reasons')]).toMatch(/Integrated circuits: inside Zhangjiang/);
  });

  it('exports parks with their designations as reasons', () => {
    const coords = new Map(parks.map((p) => [p.properties.id, p.geometry.coordinates as [number, number]]));
    const rows = parkRows(
      parks.map((p) => p.properties),
      coords,
    );
    expect(rows).toHaveLength(parks.length);
    const withDesignation = parks.find((p) => p.properties.designations.length > 0)!;
    const csv = parseCsv(toCsv(rows, names('zh')).slice(1));
    const row = csv.find((r) => r[0] === withDesignation.properties.id)!;
    expect(row[EXPORT_COLUMNS.indexOf('reasons')]).toContain('规划点名');
    expect(row[EXPORT_COLUMNS.indexOf('confidence')]).toBe(withDesignation.properties.confidence);
  });
});

describe('GeoJSON export', () => {
  it('is a FeatureCollection of points with sectors, links and readable reasons', () => {
    const fc = JSON.parse(toGeoJson(siteRows(set), names('en')));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(3);
    const f = fc.features.find((x: { id: string }) => x.id === 'S2');
    expect(f.geometry.type).toBe('Point');
    expect(f.properties.kind).toBe('site');
    expect(f.properties.sectors).toContain('ic');
    expect(f.properties.links.some((l: { zone: string }) => l.zone === 'zhangjiang-pole')).toBe(true);
    expect(f.properties.reasons.length).toBe(f.properties.links.length);
  });

  it('names a site without id by file and row, and a Latin name goes to name_en', () => {
    const r = siteRows({ ...set, ids: stringColumn([null, null, null]), names: stringColumn(['Zhangjiang', null, null]) });
    expect(r[0]!.id).toBe('good.csv#1');
    expect(r[0]!.name_en).toBe('Zhangjiang');
    expect(r[0]!.name_zh).toBe('');
  });

  it('prints a designation reason', () => {
    expect(reasonText({ sector: 'ic', node: 'ic', clause: '五（一）', phrase: 'x', via: 'designation', zone: null, strength: 'named' }, names('en'))).toBe(
      'Integrated circuits: named by the plan (§5.1) “x”',
    );
  });

  it('a place named only as part of a broad area says so, in both languages', () => {
    const l = {
      sector: 'ic',
      node: 'ic',
      clause: '五（四）',
      phrase: '集成电路',
      named_as: '长兴岛',
      via: 'designation',
      zone: null,
      strength: 'broad',
    } as const;
    expect(reasonText(l, names('en'))).toBe('Integrated circuits: named by the plan as “长兴岛” (§5.4) “集成电路” [a place of a broad area]');
    expect(reasonText(l, names('zh'))).toBe('集成电路: 规划点名为“长兴岛” (五（四）) “集成电路” [大范围布局中的地点]');
  });
});

describe('sites outside Shanghai and hostile names in the export', () => {
  const csv = [
    'id,name,lon,lat',
    'k1,昆山,120.98,31.39',
    'f1,"=HYPERLINK(""http://example.invalid"",""click"")",121.4737,31.2304',
    'f2,@SUM(1+1),121.5,31.2',
    'f3,+1+2,121.51,31.21',
    'f4,-2+3,121.52,31.22',
    'f5,-3.5,121.53,31.23',
  ].join('\n');
  let sites: SiteSet;
  beforeAll(async () => {
    sites = (await importSites(csv, 'hostile.csv', linker, { crs: 'wgs84', maxRows: 100, setId: 'h' })).set;
  });
  const col = (k: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(k);

  it('says "outside Shanghai" / "上海市域外" in the district column, and outside: true in GeoJSON', () => {
    const zh = parseCsv(toCsv(siteRows(sites), names('zh')).slice(1));
    expect(zh.find((r) => r[0] === 'k1')![col('district')]).toBe('上海市域外');
    expect(zh.find((r) => r[0] === 'f1')![col('district')]).toBe('黄浦区');
    const en = parseCsv(toCsv(siteRows(sites), names('en')).slice(1));
    expect(en.find((r) => r[0] === 'k1')![col('district')]).toBe('outside Shanghai');
    const fc = JSON.parse(toGeoJson(siteRows(sites), names('en')));
    const k1 = fc.features.find((f: { id: string }) => f.id === 'k1');
    expect(k1.properties).toMatchObject({ district: null, outside: true, zones: [], sectors: [], links: [] });
    expect(fc.features.find((f: { id: string }) => f.id === 'f1').properties.outside).toBe(false);
  });

  it('writes no cell a spreadsheet would run as a formula; a negative number stays a number', () => {
    const text = toCsv(siteRows(sites), names('en'));
    const rows = parseCsv(text.slice(1));
    const nameOf = (id: string) => rows.find((r) => r[0] === id)![col('name_en')];
    expect(nameOf('f1')).toBe(`'=HYPERLINK("http://example.invalid","click")`);
    expect(nameOf('f2')).toBe("'@SUM(1+1)");
    expect(nameOf('f3')).toBe("'+1+2");
    expect(nameOf('f4')).toBe("'-2+3");
    expect(nameOf('f5')).toBe('-3.5');
    // the raw text: the neutralised cells are quoted, the number is bare
    expect(text).toContain(`,"'=HYPERLINK(""http://example.invalid"",""click"")",`);
    expect(text).toContain(',-3.5,');
    for (const r of rows.slice(1)) for (const cell of r) expect(/^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell))).toBe(false);
  });
});
