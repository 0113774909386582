/**
 * Run by scripts/bench-stats.ts (npm run bench).
 *
 * The statistics view's figures: the sector × district matrix for the current data and for
 * 100,000 generated sites (one pass, src/state/stats/matrix.ts) beside the naive way of asking the
 * visibility rule once per cell, from the same run (ratios, medians of `runs`), with the check
 * that both give the same cells; recomputing after a filter change; and the zones' areas and
 * district shares (computed once per loaded data, on first opening of the zones tab).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ParkProps, SectorsFile } from '../src/loaders/schemas';
import { visibleParks } from '../src/state/filter';
import type { ParkFilters } from '../src/state/filter';
import { matrixRows, sectorDistrictMatrix } from '../src/state/stats/matrix';
import { zoneGeometryFigures } from '../src/state/stats/zones';
import { STRONG_STRENGTHS } from '../src/domain/ids';
import { mulberry32 } from '../src/lib/mulberry32';

const geo = (f: string) => JSON.parse(readFileSync(new URL(`../public/geo/${f}`, import.meta.url), 'utf8'));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function time<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let result = fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    t.push(performance.now() - t0);
  }
  return { ms: median(t), result };
}

/** The naive matrix: the visibility rule asked once per cell and per total. */
function naive(parks: readonly ParkProps[], f: ParkFilters, file: SectorsFile, rows: ReturnType<typeof matrixRows>, districts: string[]) {
  return rows.map((r) => districts.map((d) => visibleParks(parks, { ...f, sectors: [r.id], districts: [d] }, file).length));
}

/** `n` sites drawn from the real parks' districts and links (seeded), each a park-shaped row. */
function sites(parks: readonly ParkProps[], n: number): ParkProps[] {
  const rnd = mulberry32(20250101);
  const out: ParkProps[] = [];
  for (let i = 0; i < n; i++) {
    const a = parks[Math.floor(rnd() * parks.length)]!;
    const b = parks[Math.floor(rnd() * parks.length)]!;
    out.push({ ...a, id: `site-${i}`, district: b.district, links: rnd() < 0.5 ? a.links : b.links });
  }
  return out;
}

export function benchStats(runs = 7): boolean {
  const parks: ParkProps[] = geo('parks.geojson').features.map((f: { properties: ParkProps }) => f.properties);
  const file: SectorsFile = geo('sectors.json');
  const districtFeatures = geo('districts.geojson').features;
  const districts: string[] = districtFeatures.map((f: { properties: { name_zh: string } }) => f.properties.name_zh);
  const rows = matrixRows(file);
  const f: ParkFilters = { sectors: [], strengths: STRONG_STRENGTHS, districts: [], zones: [], conf: [], withinRadius: null, inArea: null };
  let same = true;
  const line = (what: string, ms: number, base: number | null) =>
    console.log(`  ${what.padEnd(46)} ${ms.toFixed(3).padStart(10)} ms${base === null ? '' : `   ${(base / ms).toFixed(1)}× faster than naive`}`);

  console.log(`Statistics view: sector × district matrix (${rows.length} sector rows × ${districts.length} districts), median of ${runs} runs`);
  for (const [label, data] of [
    [`current data (${parks.length} parks)`, parks],
    ['100,000 generated sites', sites(parks, 100_000)],
  ] as const) {
    const big = data.length > 1000;
    const one = time(runs, () => sectorDistrictMatrix(data, f, file, rows, districts));
    // on 100,000 sites the naive way takes minutes: it is timed on 3 rows (48 cells) and scaled to the matrix
    const some = big ? rows.filter((r) => ['ic', 'ai', 'ai-chips'].includes(r.id)) : rows;
    const nv = time(big ? 1 : runs, () => naive(data, f, file, some, districts));
    const nvMs = (nv.ms * rows.length) / some.length;
    const want = JSON.stringify(nv.result);
    const got = JSON.stringify(rows.flatMap((r, i) => (some.includes(r) ? [one.result.counts[i]] : [])));
    const ok = got === want;
    same &&= ok;
    console.log(
      ` ${label}: ${ok ? 'every cell' : 'CELLS DIFFER:'} ${big ? `of ${some.length} rows ` : ''}${ok ? 'equals the naive count' : 'not the naive count'}`,
    );
    line('one pass (the view)', one.ms, nvMs);
    line(big ? `naive, once per cell (${some.length} rows timed, ×${(rows.length / some.length).toFixed(1)})` : 'naive, once per cell', nvMs, null);
  }

  // opening the view and a filter change, current data: the matrix with another filter
  const changed = time(runs, () => sectorDistrictMatrix(parks, { ...f, strengths: null, conf: ['estimate'] }, file, rows, districts));
  console.log(' current data, after a filter change (broad areas on, one confidence):');
  line('matrix recomputed', changed.ms, null);

  const zones = geo('zones.geojson').features;
  const ds = districtFeatures.map((d: { properties: { name_zh: string }; geometry: never }) => ({ name: d.properties.name_zh, geometry: d.geometry }));
  const zoneTime = time(Math.min(3, runs), () => zoneGeometryFigures(zones, ds));
  console.log(` zones tab, once per loaded data (${zones.length} zones: areas and district shares):`);
  line('zone areas and district shares', zoneTime.ms, null);
  return same;
}
