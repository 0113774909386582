/**
 * Imported sites in the sector × district matrix: counted from the sites' links (their combos),
 * against expectations written out by hand for a small set, and against a per-site count made here
 * for the real districts and sector rows.
 */
import { describe, expect, it } from 'vitest';
import { sitesDistrictMatrix } from '../../src/state/stats/sites-matrix';
import type { MatrixRow } from '../../src/state/stats/matrix';
import { realGeoFixture } from '../fakes/geo-disk';
import { selectSitesDistrictMatrix } from '../../src/state/selectors/stats';
import type { SiteCombo, SiteSet } from '../../src/geo/sites';
import { stringColumn } from '../../src/lib/string-column';

/** a link as the linker writes it (only the fields the count reads matter) */
const link = (sector: string, node: string, strength: 'named' | 'listed' | 'cluster' | 'broad') =>
  ({ sector, node, strength, via: 'zone', zone: 'z', by: 'point', clause: '三（一）' }) as unknown as SiteCombo['links'][number];
const ROWS: MatrixRow[] = [
  { id: 'ai', top: 'ai', isTop: true },
  { id: 'ai-chips', top: 'ai', isTop: false },
  { id: 'biomed', top: 'biomed', isTop: true },
];

/** 5 sites: A in 徐汇 (ai cluster), B in 徐汇 (ai-chips named + biomed broad), C in 浦东 (biomed broad), D outside (ai listed), E in 浦东 (no link) */
const SET = {
  count: 5,
  districtNames: ['浦东新区', '徐汇区'],
  district: Int16Array.from([1, 1, 0, -1, 0]),
  combo: Int32Array.from([0, 1, 2, 3, 4]),
  combos: [
    { zones: [], sectors: [], links: [link('ai', 'ai', 'cluster')] },
    { zones: [], sectors: [], links: [link('ai', 'ai-chips', 'named'), link('biomed', 'biomed', 'broad')] },
    { zones: [], sectors: [], links: [link('biomed', 'biomed', 'broad')] },
    { zones: [], sectors: [], links: [link('ai', 'ai', 'listed')] },
    { zones: [], sectors: [], links: [] },
  ],
};

describe('imported sites per sector and district', () => {
  it('strong links only: each site once per row it serves, once per district column; outside sites in the totals only', () => {
    const m = sitesDistrictMatrix([SET], ['named', 'listed', 'cluster'], ROWS, ['徐汇区', '浦东新区', '黄浦区']);
    expect(m.counts).toEqual([
      [2, 0, 0], // ai: A, B
      [1, 0, 0], // ai-chips: B
      [0, 0, 0], // biomed: broad only
    ]);
    expect(m.rowTotals).toEqual([3, 1, 0]); // ai: A, B, D (outside)
    expect(m.colTotals).toEqual([2, 2, 0]);
    expect(m.total).toBe(5);
    expect(m.max).toBe(2);
  });

  it('with broad areas: the broad links count too; two sets add up', () => {
    const m = sitesDistrictMatrix([SET, SET], null, ROWS, ['徐汇区', '浦东新区']);
    expect(m.counts).toEqual([
      [4, 0],
      [2, 0],
      [2, 2],
    ]);
    expect(m.rowTotals).toEqual([6, 2, 4]);
    expect(m.colTotals).toEqual([4, 4]);
    expect(m.total).toBe(10);
  });
});

const real = realGeoFixture();

describe('the store’s sites matrix', () => {
  it('follows the imported sets and the strength filter', () => {
    const store = real.store();
    expect(selectSitesDistrictMatrix(store.getState()).total).toBe(0);
    store.getState().finishSiteImport(
      {
        set: {
          ...SET,
          id: 's1',
          fileName: 'a.csv',
          format: 'csv',
          crs: 'wgs84',
          encoding: 'utf-8',
          fingerprint: 'x',
          ids: stringColumn([]),
          names: stringColumn([]),
          lines: new Int32Array(5),
          rows: new Int32Array(5),
          input: new Float64Array(10),
          coords: new Float64Array(10),
          swapped: new Uint8Array(5),
          outside: 1,
        } as unknown as SiteSet,
        fileName: 'a.csv',
        errorCount: 0,
        fatal: null,
      } as never,
      { confirm: true },
    );
    expect(store.getState().siteSets).toHaveLength(1);
    const m = selectSitesDistrictMatrix(store.getState());
    const xuhui = m.districts.indexOf('徐汇区');
    const ai = m.rows.findIndex((r) => r.id === 'ai');
    const biomed = m.rows.findIndex((r) => r.id === 'biomed');
    expect([m.counts[ai]![xuhui], m.counts[biomed]![xuhui], m.total]).toEqual([2, 0, 5]);
    store.getState().setIncludeBroad(true);
    expect(selectSitesDistrictMatrix(store.getState()).counts[biomed]![xuhui]).toBe(1);
  });
});
