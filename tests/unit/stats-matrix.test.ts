/**
 * The sector × district matrix: every cell, row total and column total compared with a count made
 * here, independently, from the built parks.geojson and sectors.json (never with src/state/stats).
 */
import { describe, expect, it } from 'vitest';
import { realGeoFixture, readGeoJson } from '../fakes/geo-disk';
import { selectSectorDistrictMatrix } from '../../src/state/selectors/stats';
import { selectVisibleParks } from '../../src/state/selectors/parks';
import { matrixCsv } from '../../src/state/stats/csv';

interface Link {
  sector: string;
  node: string;
  strength: string;
}
interface Park {
  id: string;
  district: string | null;
  confidence: string;
  zones: string[];
  links: Link[];
}
const PARKS: Park[] = readGeoJson<{ features: { properties: Park }[] }>('parks.geojson').features.map((f) => f.properties);
const DISTRICTS: string[] = readGeoJson<{ features: { properties: { name_zh: string } }[] }>('districts.geojson').features.map((f) => f.properties.name_zh);
const SECTORS = readGeoJson<{ sectors: { id: string; kind: string; children: { id: string }[] }[] }>('sectors.json').sectors;
const TOPS = new Set(SECTORS.map((s) => s.id));
const ROWS = SECTORS.filter((s) => s.kind === 'strategic').flatMap((s) => [s.id, ...s.children.map((c) => c.id)]);
const STRONG = new Set(['named', 'listed', 'cluster']);

/** the oracle: does park p serve row id (a top id: any link of the sector; a sub-sector: links to it) */
const serves = (p: Park, id: string, broad: boolean) =>
  p.links.some((l) => (TOPS.has(id) ? l.sector === id : l.node === id) && (broad || STRONG.has(l.strength)));

const real = realGeoFixture();

function expectMatrix(store: ReturnType<typeof real.store>, pass: (p: Park) => boolean, broad: boolean) {
  const m = selectSectorDistrictMatrix(store.getState());
  expect(m.rows.map((r) => r.id)).toEqual(ROWS);
  expect(m.districts).toEqual(DISTRICTS);
  let nonZero = 0;
  ROWS.forEach((id, i) => {
    DISTRICTS.forEach((d, j) => {
      const want = PARKS.filter((p) => pass(p) && p.district === d && serves(p, id, broad)).length;
      expect(m.counts[i]![j], `${id} × ${d}`).toBe(want);
      if (want) nonZero++;
    });
    expect(m.rowTotals[i], `${id} total`).toBe(PARKS.filter((p) => pass(p) && serves(p, id, broad)).length);
  });
  DISTRICTS.forEach((d, j) => expect(m.colTotals[j], `${d} total`).toBe(PARKS.filter((p) => pass(p) && p.district === d).length));
  expect(m.total).toBe(PARKS.filter(pass).length);
  return { m, nonZero };
}

describe('sector × district matrix', () => {
  it('every cell and total matches an independent count (strong links by default)', () => {
    const { m, nonZero } = expectMatrix(real.store(), () => true, false);
    expect(nonZero).toBeGreaterThan(10);
    expect(m.max).toBe(Math.max(...m.counts.flat()));
  });

  it('with the broad areas included, every cell counts broad links too', () => {
    const store = real.store();
    store.getState().setIncludeBroad(true);
    const { m } = expectMatrix(store, () => true, true);
    const strong = selectSectorDistrictMatrix(real.store().getState());
    expect(m.rowTotals.reduce((a, b) => a + b)).toBeGreaterThan(strong.rowTotals.reduce((a, b) => a + b));
  });

  it('follows the other filters (confidence, zone) but not the sector and district filters it chooses', () => {
    const store = real.store();
    store.getState().toggleConf('estimate');
    store.getState().toggleZoneFilter('h-east-corridor');
    store.getState().setSectors(['ic']);
    store.getState().toggleDistrict('浦东新区');
    expectMatrix(store, (p) => p.confidence === 'estimate' && p.zones.includes('h-east-corridor'), false);
  });

  it('a cell is what choosing it shows: its sector and district as filters give that many parks', () => {
    const store = real.store();
    const m = selectSectorDistrictMatrix(store.getState());
    for (const [i, row] of m.rows.entries())
      for (const [j, d] of m.districts.entries()) {
        if (m.counts[i]![j] === 0) continue;
        store.getState().setSectors([row.id]);
        store.getState().setFindFilters({ districts: [d] });
        expect(selectVisibleParks(store.getState()), `${row.id} × ${d}`).toHaveLength(m.counts[i]![j]!);
      }
  });

  it('a filter that leaves nothing gives an empty matrix', () => {
    // a zone with parks, none of them at one confidence (from the data)
    const zones = [...new Set(PARKS.flatMap((p) => p.zones))];
    const pair = zones
      .flatMap((z) => ['sourced', 'estimate', 'schematic'].map((c) => [z, c] as const))
      .find(([z, c]) => !PARKS.some((p) => p.zones.includes(z) && p.confidence === c));
    expect(pair).toBeDefined();
    const store = real.store();
    store.getState().setFindFilters({ zones: [pair![0]], conf: [pair![1] as 'sourced'] });
    const m = selectSectorDistrictMatrix(store.getState());
    expect(m.total).toBe(0);
    expect([...m.counts.flat(), ...m.rowTotals, ...m.colTotals, m.max].every((n) => n === 0)).toBe(true);
  });

  it('exports as spreadsheet-safe CSV: header of districts, a row per sector with its total, a totals row and the source', () => {
    const m = selectSectorDistrictMatrix(real.store().getState());
    const csv = matrixCsv(m, { sector: (id) => (id === 'ic' ? '=集成电路' : id), district: (d) => d }, 'zh', 'Source: test');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(['产业', '产业编号', ...DISTRICTS, '合计'].join(','));
    // a name starting like a formula is neutralised
    expect(lines[1]).toBe([`"'=集成电路"`, 'ic', ...m.counts[0]!, m.rowTotals[0]].join(','));
    expect(lines[ROWS.length + 1]).toBe(['全部园区', '', ...DISTRICTS.map((d) => PARKS.filter((p) => p.district === d).length), PARKS.length].join(','));
    expect(lines.at(-1)).toBe('Source: test');
  });
});
