import { beforeAll, describe, expect, it } from 'vitest';
import { BOM } from '../../src/export/csv-cell';
import { COMPARE_COLUMNS, compareCsv } from '../../src/export/results';
import type { ExportNames } from '../../src/export/results';
import type { ParkProps, SectorsFile } from '../../src/loaders/schemas';
import type { ZoneFeature } from '../../src/geo/types';
import { readGeoJson } from '../fakes/geo-disk';

let parks: Map<string, ParkProps>;
let names: (lang: 'zh' | 'en') => ExportNames;

beforeAll(() => {
  parks = new Map(readGeoJson<{ features: { properties: ParkProps }[] }>('parks.geojson').features.map((f) => [f.properties.id, f.properties]));
  const zones = readGeoJson<{ features: ZoneFeature[] }>('zones.geojson').features;
  const sectors = readGeoJson<SectorsFile>('sectors.json');
  const zoneNames = new Map(zones.map((z) => [z.properties.id, { zh: z.properties.name_zh, en: z.properties.name_en }]));
  const nodeNames = new Map<string, { zh: string; en: string }>();
  for (const s of sectors.sectors) {
    nodeNames.set(s.id, { zh: s.name_zh, en: s.name_en });
    for (const c of s.children) nodeNames.set(c.id, { zh: c.name_zh, en: c.name_en });
  }
  names = (lang) => ({
    lang,
    zone: (id) => zoneNames.get(id),
    sector: (id) => nodeNames.get(id),
    district: (zh) => (zh === '浦东新区' ? { zh, en: 'Pudong' } : undefined),
  });
});

/** A minimal RFC 4180 reader (quoted cells, doubled quotes, CRLF). */
function rows(csv: string): string[][] {
  const text = csv.slice(1);
  const out: string[][] = [];
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
      out.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  return out;
}

describe('the comparison as CSV', () => {
  const km = new Map([
    [
      'dongfang-xingang',
      [
        { id: 'zj', km: 31.4159 },
        { id: 'pvg', km: 40 },
      ],
    ],
    [
      'zhangjiang-ic-base',
      [
        { id: 'zj', km: 0.5 },
        { id: 'pvg', km: 22.222 },
      ],
    ],
  ]);

  it('one row per compared park in the sheet order: area with its source, confidence with radius, list batch and category, strengths, km columns', () => {
    const csv = compareCsv([parks.get('dongfang-xingang')!, parks.get('zhangjiang-ic-base')!], km, names('en'));
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [head, a, b] = rows(csv);
    expect(head).toEqual([...COMPARE_COLUMNS, 'km_zj', 'km_pvg']);
    const col = (r: string[], c: string) => r[head!.indexOf(c)];
    expect(col(a!, 'id')).toBe('dongfang-xingang');
    expect(col(a!, 'district')).toBe('Pudong');
    expect(col(a!, 'area_km2')).toBe('5.45');
    expect(col(a!, 'area_source')).toBe('https://app.sheitc.sh.gov.cn/gg/693682.htm');
    expect(col(a!, 'confidence')).toBe('estimate');
    expect(col(a!, 'radius_m')).toBe('3000');
    expect(col(a!, 'position_method')).toBe('estimate');
    expect(col(a!, 'list_batch')).toBe('2020');
    expect(col(a!, 'list_category')).toBe('Integrated circuits');
    expect(col(a!, 'basis')).toBe('plan; list');
    expect(col(a!, 'strengths')!.startsWith('Integrated circuits=named; Biomedicine=cluster')).toBe(true);
    expect(col(a!, 'strengths')).toContain('New-energy vehicles=broad');
    expect(col(a!, 'km_zj')).toBe('31.42');
    expect(col(b!, 'id')).toBe('zhangjiang-ic-base');
    expect(col(b!, 'area_km2')).toBe('');
    expect(col(b!, 'list_batch')).toBe('');
    expect(col(b!, 'radius_m')).toBe('500');
    expect(col(b!, 'km_pvg')).toBe('22.22');
  });

  it('writes no cell a spreadsheet would run as a formula', () => {
    const evil: ParkProps = { ...parks.get('zhangjiang-ic-base')!, name_en: '=HYPERLINK("http://x","click")', source: '@SUM(1+1)' };
    const csv = compareCsv([evil], km, names('en'));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csv).toContain(`"'@SUM(1+1)"`);
  });
});
