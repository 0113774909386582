/**
 * Run by scripts/bench-stats.ts (npm run bench).
 *
 * The statistics view's figures: the sector × district matrix for the current data and for
 * 100,000 generated sites (one pass, src/state/stats/matrix.ts) beside the naive way of asking the
 * visibility rule once per cell, from the same run (ratios, medians of `runs`), with the check
 * that both give the same cells; recomputing after a filter change; and the zones' areas and
 * district shares (computed by the data build into public/geo/stats.json: opening the zones tab
 * parses and validates that file, timed beside the clipping it replaces); the district profile;
 * and the matrix of 100,000 imported sites beside the park matrix on as many rows.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ParkProps, SectorsFile } from '../src/loaders/schemas';
import { visibleParks } from '../src/state/filter';
import type { ParkFilters } from '../src/state/filter';
import { matrixRows, sectorDistrictMatrix } from '../src/state/stats/matrix';
import { zoneGeometryFigures, zoneRows } from '../src/state/stats/zones';
import { sitesDistrictMatrix } from '../src/state/stats/sites-matrix';
import { districtProfile } from '../src/state/stats/district';
import { StatsFileSchema, parseWith } from '../src/loaders/schemas';
import type { SiteCombo } from '../src/geo/sites';
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

/** `n` imported sites as one linked set: districts drawn from the list, link combinations from the real parks (seeded). */
function generatedSites(parks: readonly ParkProps[], n: number, districts: readonly string[]) {
  const rnd = mulberry32(20250102);
  const combos: SiteCombo[] = parks.map((p) => ({ zones: p.zones, sectors: p.sectors, links: p.links }) as SiteCombo);
  combos.push({ zones: [], sectors: [], links: [] });
  const district = new Int16Array(n);
  const combo = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    district[i] = rnd() < 0.02 ? -1 : Math.floor(rnd() * districts.length);
    combo[i] = Math.floor(rnd() * combos.length);
  }
  return { count: n, district, districtNames: [...districts], combo, combos };
}

export function benchStats(runs = 7): boolean {
  const parks: ParkProps[] = geo('parks.geojson').features.map((f: { properties: ParkProps }) => f.properties);
  const file: SectorsFile = geo('sectors.json');
  const districtFeatures = geo('districts.geojson').features;
  const districts: string[] = districtFeatures.map((f: { properties: { name_zh: string } }) => f.properties.name_zh);
  const rows = matrixRows(file);
  const f: ParkFilters = { sectors: [], strengths: STRONG_STRENGTHS, districts: [], zones: [], conf: [], withinRadius: null, inArea: null };
  let same = true;
  let bigParkMs = NaN;
  const line = (what: string, ms: number, base: number | null) =>
    console.log(`  ${what.padEnd(46)} ${ms.toFixed(3).padStart(10)} ms${base === null ? '' : `   ${(base / ms).toFixed(1)}× faster than naive`}`);

  console.log(`Statistics view: sector × district matrix (${rows.length} sector rows × ${districts.length} districts), median of ${runs} runs`);
  for (const [label, data] of [
    [`current data (${parks.length} parks)`, parks],
    ['100,000 generated sites', sites(parks, 100_000)],
  ] as const) {
    const big = data.length > 1000;
    const one = time(runs, () => sectorDistrictMatrix(data, f, file, rows, districts));
    if (big) bigParkMs = one.ms;
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

  // imported sites: 100,000 sites whose links are drawn from the real parks' (as the linker shares them, per combination)
  const siteSet = generatedSites(parks, 100_000, districts);
  const siteM = time(runs, () => sitesDistrictMatrix([siteSet], f.strengths, rows, districts));
  console.log(` 100,000 imported sites (${siteSet.combos.length} link combinations), the matrix's "imported sites" count:`);
  line('sites matrix (per combination, then per site)', siteM.ms, null);
  line('baseline: the park matrix on 100,000 park rows', bigParkMs, null);
  console.log(`   (${siteM.result.total} sites counted, largest cell ${siteM.result.max})`);

  const zones = geo('zones.geojson').features;
  const zoneProps = zones.map((z: { properties: never }) => z.properties);
  const ds = districtFeatures.map((d: { properties: { name_zh: string }; geometry: never }) => ({ name: d.properties.name_zh, geometry: d.geometry }));
  const zoneTime = time(Math.min(3, runs), () => zoneGeometryFigures(zones, ds));
  const statsText = readFileSync(new URL('../public/geo/stats.json', import.meta.url), 'utf8');
  const parksInZone = new Map<string, string[]>();
  for (const p of parks) for (const z of p.zones) parksInZone.set(z, [...(parksInZone.get(z) ?? []), p.id]);
  const visible = new Set(visibleParks(parks, f, file).map((p) => p.id));
  const open = time(runs, () => {
    const r = parseWith(StatsFileSchema, 'stats.json', JSON.parse(statsText));
    if (!r.ok) throw new Error('stats.json does not validate');
    return zoneRows(zoneProps, new Map(Object.entries(r.data.zones)), parksInZone, visible);
  });
  const statsFile = parseWith(StatsFileSchema, 'stats.json', JSON.parse(statsText));
  const figures = statsFile.ok ? statsFile.data : null;
  const visibleAgain = new Set(visibleParks(parks, { ...f, strengths: null }, file).map((p) => p.id));
  const recompute = time(runs, () => zoneRows(zoneProps, new Map(Object.entries(figures!.zones)), parksInZone, visibleAgain));
  console.log(` zones tab (${zones.length} zones: areas and district shares), main-thread JS:`);
  line('open: stats.json parsed, validated, rows built', open.ms, null);
  line('recompute after a filter change', recompute.ms, null);
  line('baseline: shares clipped in the browser (before)', zoneTime.ms, null);
  const sectorIds = file.sectors.map((x) => x.id);
  const profile = time(runs, () => districtProfile('浦东新区', visibleParks(parks, f, file), zoneProps, figures, sectorIds));
  console.log(' district profile (浦东新区), open or recompute:');
  line('profile: zones, sectors by strength, parks', profile.ms, null);
  return same;
}
