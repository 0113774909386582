// @vitest-environment jsdom
/** The statistics view: opened from its launcher (loaded on first use), the matrix as a table whose cells set the filters. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { StatsHost, StatsLauncher } from '../../src/components/stats/StatsHost';
import { ParkList } from '../../src/components/ParkList';
import { StoreContext } from '../../src/state/store';
import type { AppStore } from '../../src/state/store';
import { diskFetcher, realGeoFixture, readGeoJson } from '../fakes/geo-disk';
import type { TargetsFile } from '../../src/loaders/schemas';
import { districtBox } from '../helpers/district-box';

interface Park {
  id: string;
  district: string;
  links: { sector: string; node: string; strength: string }[];
}
const PARKS: Park[] = readGeoJson<{ features: { properties: Park }[] }>('parks.geojson').features.map((f) => f.properties);
const strong = (p: Park, sector: string) => p.links.some((l) => l.sector === sector && l.strength !== 'broad');

const real = realGeoFixture();
type District = { properties: { name_zh: string }; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] } };
const DISTRICTS = readGeoJson<{ features: District[] }>('districts.geojson').features;
const boxOf = (name: string) => districtBox(DISTRICTS, name);
afterEach(cleanup);
const renderWith = (store: AppStore) =>
  render(
    <StoreContext.Provider value={store}>
      <StatsLauncher />
      <StatsHost />
      <ParkList />
    </StoreContext.Provider>,
  );
const listed = () => [...document.querySelectorAll('.park-list button[data-park]')].map((b) => b.getAttribute('data-park'));

/** The chart's SVG inside `el`, once Observable Plot (loaded on demand) has drawn it. */
const drawnChart = (el: Element) =>
  waitFor(
    () => {
      const svg = el.querySelector('svg');
      if (!svg) throw new Error('no chart yet');
      return svg;
    },
    { timeout: 15_000 },
  );

describe('statistics view', () => {
  it('opens from the launcher; the matrix has column and row headers with scope, and a cell sets the sector and district filters', async () => {
    const store = real.store();
    renderWith(store);
    const toggle = screen.getByTestId('stats-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(store.getState().statsOpen).toBe(true);
    const table = await screen.findByRole('table', { name: '各产业在各区的园区数' });
    expect(table.querySelectorAll('thead th[scope="col"]')).toHaveLength(1 + 16 + 1);
    expect(within(table).getByRole('rowheader', { name: /人工智能$/ })).toBeTruthy();

    const want = PARKS.filter((p) => p.district === '徐汇区' && strong(p, 'ai'));
    const cell = within(table).getByRole('button', { name: `人工智能，徐汇区：${want.length} 个园区` });
    fireEvent.click(cell);
    expect(store.getState().sectorFilter).toEqual(['ai']);
    expect(store.getState().districtFilter).toEqual(['徐汇区']);
    expect(listed().sort()).toEqual(want.map((p) => p.id).sort());
    expect(cell.getAttribute('aria-pressed')).toBe('true');
    expect(within(table).getByRole('rowheader', { name: /人工智能（当前筛选）$/ })).toBeTruthy();

    // the row total keeps the sector and drops the district
    fireEvent.click(table.querySelector('button[data-row-total="ai"]')!);
    expect(store.getState().districtFilter).toEqual([]);
    expect(listed()).toHaveLength(PARKS.filter((p) => strong(p, 'ai')).length);
  });

  it('opened from the keyboard, the focus moves into it; Esc closes it and gives the focus back to the launcher', async () => {
    const store = real.store();
    renderWith(store);
    const toggle = screen.getByTestId('stats-toggle');
    toggle.focus();
    fireEvent.click(toggle);
    const heading = await screen.findByRole('heading', { name: '统计与规划目标' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    // Esc is taken by the view, before anything else on the page hears it
    let heard = false;
    const later = (e: KeyboardEvent) => (heard = !e.defaultPrevented);
    window.addEventListener('keydown', later);
    fireEvent.keyDown(heading, { key: 'Escape' });
    window.removeEventListener('keydown', later);
    expect(heard).toBe(false);
    expect(store.getState().statsOpen).toBe(false);
    await waitFor(() => expect(screen.queryByTestId('stats-view')).toBeNull());
    expect(document.activeElement).toBe(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('sub-sector rows open under their sector', async () => {
    const store = real.store();
    store.getState().openStats();
    renderWith(store);
    const table = await screen.findByRole('table');
    expect(table.querySelector('tr[data-row="ai-chips"]')).toBeNull();
    fireEvent.click(within(table).getByRole('button', { name: '显示人工智能的子产业' }));
    expect(table.querySelector('tr[data-row="ai-chips"]')).not.toBeNull();
  });

  it('the scorecard: every target with its status, a chart with title, unit, source and text alternative, "no data" without a chart, figures that disagree side by side, sources as links', async () => {
    const file = readGeoJson<TargetsFile>('targets.json');
    const store = real.store();
    store.getState().setLang('en');
    const fetcher = diskFetcher();
    await store.getState().loadScorecard('/', fetcher);
    expect(fetcher.requested).toEqual(['/geo/targets.json']);
    store.getState().openStats('scorecard');
    renderWith(store);
    await screen.findAllByTestId('score-chart', {}, { timeout: 15_000 });
    const cards = [...document.querySelectorAll('article.score')];
    expect(cards.map((c) => c.getAttribute('data-target'))).toEqual(file.targets.map((t) => t.id));
    for (const t of file.targets) {
      const card = document.querySelector(`article.score[data-target="${t.id}"]`)!;
      expect(card.getAttribute('data-status')).toBe(t.status);
      const links = [...card.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
      for (const o of t.outturns) expect(links, `${t.id} ${o.id}`).toContain(o.source);
    }
    // a figure without a value reads in English, in the reported figures too (翻番, 万亿级 were shown as published)
    const equipment = document.querySelector('article.score[data-target="equipment-output"]')!;
    expect(equipment.textContent).toContain('a trillion-yuan cluster (qualitative)');
    expect(equipment.textContent).not.toContain('万亿级');
    expect(document.querySelector('article.score[data-target="ic-doubling"]')!.textContent).not.toContain('翻番');
    // a measure with figures: a chart whose SVG is labelled and described
    const share = document.querySelector('article.score[data-target="sei-gdp-share"]')!;
    const fig = share.querySelector('figure.score-chart')!;
    expect(fig.querySelector('figcaption')!.textContent).toBe('share of the strategic emerging industries in the city’s GDP');
    expect(fig.querySelector('.chart-unit')!.textContent).toBe('Unit: %');
    expect(fig.querySelector('.chart-source')!.textContent).toContain('沪府办发〔2021〕10号');
    // the figure is there before its chart: Observable Plot is loaded on demand
    const svg = await drawnChart(fig);
    expect(svg.getAttribute('aria-label')).toBe('share of the strategic emerging industries in the city’s GDP');
    expect(svg.getAttribute('aria-description') ?? svg.querySelector('desc')?.textContent).toContain('23.8 % in 2022');
    expect(svg.querySelectorAll('circle')).toHaveLength(2);
    // a point's label: ≈ for "about", and the note above the charts says so
    const industry = await drawnChart(document.querySelector('article.score[data-target="sei-industrial-share"]')!);
    expect([...industry.querySelectorAll('text')].map((x) => x.textContent)).toContain('≈44');
    expect(screen.getByText(/≈ before a figure: about; >: over\./)).toBeInTheDocument();
    // "Export SVG" saves the chart with its title, unit and source line in the image
    const saved: Blob[] = [];
    const created = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => (saved.push(b), 'blob:test');
    try {
      fireEvent.click(fig.querySelector('button[data-export="svg"]')!);
    } finally {
      URL.createObjectURL = created;
    }
    expect(saved).toHaveLength(1);
    const image = await saved[0]!.text();
    expect(image).toContain('>share of the strategic emerging industries in the city’s GDP</text>');
    expect(image).toContain('>Unit: %</text>');
    expect(image).toContain('沪府办发〔2021〕10号');
    expect(image.match(/<circle/g)).toHaveLength(2);
    // no reported figure: no chart, "no data", and no 0 anywhere as its figure
    const none = document.querySelector('article.score[data-target="ic-two-firms"]')!;
    expect(none.querySelector('figure')).toBeNull();
    expect(none.querySelector('[data-testid="no-data"]')!.textContent).toBe('Nothing drawn: no reported figure is in the target’s unit (it is not 0).');
    expect(none.querySelector('.status')!.textContent).toBe('No data');
    // a target whose figures are all in other units: its badge says "not comparable", and the empty chart does not say "no data"
    const other = document.querySelector('article.score[data-target="ai-growth"]')!;
    expect(other.querySelector('.status')!.textContent).toBe('Not comparable');
    expect(other.textContent).not.toContain('No data');
    // figures of the plan's measure, none for 2025: "not verifiable", never "no data", and drawn
    const htes = document.querySelector('article.score[data-target="high-tech-enterprises"]')!;
    expect(htes.querySelector('.status')!.textContent).toBe('Not verifiable');
    expect(htes.querySelector('[data-testid="no-data"]')).toBeNull();
    const htesChart = await drawnChart(htes.querySelector('figure.score-chart')!);
    expect(htesChart.querySelectorAll('circle').length).toBeGreaterThan(0);
    // the first year's label starts at its dot and the last year's ends at its dot (neither runs into the axis's figures); the others are centred
    const anchorOf = (label: string) => {
      const el = [...htesChart.querySelectorAll('text')].find((x) => x.textContent === label)!;
      return el.closest('[text-anchor]')?.getAttribute('text-anchor') ?? 'middle';
    };
    expect(['>17,000', '>22,000', '>26,000'].map(anchorOf)).toEqual(['start', 'middle', 'end']);
    // no baseline in the plan: it says so, then the base-year figures the data holds, each with its caveat and source
    const baseRow = (id: string) => {
      const dts = [...document.querySelectorAll(`article.score[data-target="${id}"] dt`)];
      return dts.find((d) => d.textContent === 'Baseline')!.nextElementSibling!;
    };
    expect(baseRow('materials-output').textContent).toBe('none in the plan. For reference: 2020 CNY 266.3 billion (context only) source');
    expect(baseRow('ic-growth').textContent).toBe(
      'none in the plan. For reference: 2020 CNY 207 billion (context only) source; 2020 CNY 200 billion (context only) source',
    );
    expect(baseRow('ic-doubling').textContent).toBe('none in the plan');
    // a baseline the plan states: as before, no reference added
    expect(baseRow('high-tech-enterprises').textContent).toBe('2020 over 17,000 (plan §1.1.5)');
    // figures that disagree, side by side
    const group = document.querySelector('article.score[data-target="sei-industrial-share"] .side-by-side')!;
    const disagree = file.targets
      .find((t) => t.id === 'sei-industrial-share')!
      .outturns.filter((o) => o.conflicts_with.length > 0)
      .map((o) => [o.value, o.qualifier]);
    expect(disagree.sort()).toEqual([
      [43.6, null],
      [44, 'approx'],
    ]);
    // in English, from the value and its qualifier (the published 44（左右） is Chinese)
    expect([...group.querySelectorAll('li strong')].map((x) => x.textContent!.trim()).sort()).toEqual(['43.6 %', 'about 44 %']);
  });

  it('the zones table: sortable headers with aria-sort, schematic areas marked, choosing a zone selects it', async () => {
    const store = real.store();
    await store.getState().loadStatsFigures('/', diskFetcher());
    store.getState().openStats('zones');
    renderWith(store);
    const table = await screen.findByTestId('zones', {}, { timeout: 15_000 });
    const zones = readGeoJson<{ features: { properties: { id: string; schematic: boolean; kind: string } }[] }>('zones.geojson').features;
    expect(table.querySelectorAll('tbody tr')).toHaveLength(zones.length);
    expect(table.querySelector('th[aria-sort="descending"] button[data-sort="km2"]')).not.toBeNull();
    fireEvent.click(table.querySelector('button[data-sort="name"]')!);
    expect(table.querySelector('th[aria-sort="ascending"] button[data-sort="name"]')).not.toBeNull();
    const pole = zones.find((z) => z.properties.id === 'zhangjiang-pole')!;
    const row = table.querySelector('tr[data-zone="zhangjiang-pole"]')!;
    expect(pole.properties.schematic).toBe(true);
    // the note in full-width brackets inside Chinese: ≈1235（示意）
    expect(row.textContent).toMatch(/≈[\d,.]+（示意）/);
    const axis = zones.find((z) => z.properties.kind === 'axis')!;
    expect(table.querySelector(`tr[data-zone="${axis.properties.id}"]`)!.textContent).toContain('线，无面积');
    // a cluster drawn as whole districts says it counts as a broad area (as the links and the district profile count it)
    const kind = (id: string) => table.querySelector(`tr[data-zone="${id}"] td`)!.textContent;
    expect(kind('biomed-x-districts')).toBe('产业集群（整区，按大范围布局计）');
    expect(kind('ic-wing-jiading')).toBe('产业集群（整区，按大范围布局计）');
    expect(kind('ai-maqiao')).toBe('产业集群');
    fireEvent.click(within(row as HTMLElement).getByRole('button'));
    expect(store.getState().selectedZoneId).toBe('zhangjiang-pole');
  });

  it('the district profile: from a matrix column header; its zones, sectors by strength, parks; the ranking follows the sector and its bars are focusable and choose a district', async () => {
    const store = real.store();
    const fetcher = diskFetcher();
    await store.getState().loadStatsFigures('/', fetcher);
    expect(fetcher.requested).toEqual(['/geo/stats.json']);
    store.getState().openStats();
    renderWith(store);
    const table = await screen.findByRole('table', { name: '各产业在各区的园区数' });
    fireEvent.click(table.querySelector('button[data-profile="徐汇区"]')!);
    expect(store.getState().statsTab).toBe('district');
    const profile = await screen.findByTestId('district-profile');
    expect(profile.getAttribute('data-district')).toBe('徐汇区');
    expect((screen.getByTestId('profile-district') as HTMLSelectElement).value).toBe('徐汇区');
    // the district chosen is framed on the map: the box of 徐汇区's coordinates (a plain min/max here)
    expect(store.getState().cameraRequest?.bounds).toEqual(boxOf('徐汇区'));
    // and chosen from the list: framed too
    fireEvent.change(screen.getByTestId('profile-district'), { target: { value: '奉贤区' } });
    expect(store.getState().cameraRequest?.bounds).toEqual(boxOf('奉贤区'));
    fireEvent.change(screen.getByTestId('profile-district'), { target: { value: '徐汇区' } });
    // the parks of the district, each a button that selects it
    const here = PARKS.filter((p) => p.district === '徐汇区');
    const parks = [...screen.getByTestId('profile-parks').querySelectorAll('button[data-park]')];
    expect(parks.map((b) => b.getAttribute('data-park')).sort()).toEqual(here.map((p) => p.id).sort());
    fireEvent.click(parks[0]!);
    expect(store.getState().selectedParkId).toBe(parks[0]!.getAttribute('data-park'));
    // a zone covering the district, with its share of the district's area
    const zones = screen.getByTestId('profile-zones');
    expect(zones.querySelectorAll('tbody tr').length).toBeGreaterThan(0);
    expect(zones.querySelector('tbody tr td.num:last-child')!.textContent).toMatch(/%$/);
    // the sectors: a park serving AI strongly counts under one of the strong strengths
    const ai = screen.getByTestId('profile-sectors').querySelector('tr[data-sector="ai"]')!;
    const strongAi = here.filter((p) => strong(p, 'ai')).length;
    const cells = ['named', 'listed', 'cluster'].map((k) => Number(ai.querySelector(`td[data-strength="${k}"]`)!.textContent));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(strongAi);
    // the ranking: by the sector chosen (which sets the sector filter); a table alternative
    fireEvent.change(screen.getByTestId('rank-sector'), { target: { value: 'ai' } });
    expect(store.getState().sectorFilter).toEqual(['ai']);
    const rows = [...screen.getByTestId('rank-table').querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(16);
    const xuhui = rows.find((r) => r.getAttribute('data-district') === '徐汇区')!;
    expect(Number(xuhui.querySelector('td:last-child')!.textContent)).toBe(PARKS.filter((p) => p.district === '徐汇区' && strong(p, 'ai')).length);
    const chart = await screen.findByTestId('rank-chart', {}, { timeout: 15_000 });
    expect(chart.querySelector('figcaption')!.textContent).toBe('各区园区数：人工智能');
    expect(chart.querySelector('.chart-unit')!.textContent).toContain('园区数');
    expect(chart.querySelector('.chart-source')!.textContent).toContain('沪府办发〔2021〕10号');
    // the chart is drawn by an effect after the lazy chunk renders
    await waitFor(() => expect(chart.querySelectorAll('svg [role="button"][data-district]')).toHaveLength(16));
    const bars = [...chart.querySelectorAll('svg [role="button"][data-district]')];
    expect(bars.every((b) => b.getAttribute('tabindex') === '0')).toBe(true);
    const jiading = bars.find((b) => b.getAttribute('data-district') === '嘉定区')!;
    expect(jiading.getAttribute('aria-label')).toMatch(/嘉定区：\d+ 个园区$/);
    fireEvent.keyDown(jiading, { key: 'Enter' });
    expect(store.getState().statsDistrict).toBe('嘉定区');
  });

  it('the audit: the build’s lists, each item selects its place on the map and moves the map there', async () => {
    const audit = readGeoJson<{ audit: { unsupported: { park: string }[]; parksOutsideZones: string[]; zonesWithoutParks: string[] } }>('stats.json').audit;
    const store = real.store();
    store.getState().setLang('en');
    await store.getState().loadStatsFigures('/', diskFetcher());
    store.getState().openStats('audit');
    renderWith(store);
    const list = await screen.findByTestId('audit');
    expect(within(list).getByRole('heading', { name: `Designations no containing zone supports (${audit.unsupported.length})` })).toBeTruthy();
    expect(within(list).getByRole('heading', { name: `Parks outside every zone (${audit.parksOutsideZones.length})` })).toBeTruthy();
    expect(within(list).getByRole('heading', { name: `Zones with no park (${audit.zonesWithoutParks.length})` })).toBeTruthy();
    const items = [...list.querySelectorAll('[data-audit="unsupported"] button[data-park]')];
    expect(items.map((b) => b.getAttribute('data-park'))).toEqual(audit.unsupported.map((u) => u.park));
    expect(items.length).toBeGreaterThan(0);
    fireEvent.click(items[0]!);
    const id = audit.unsupported[0]!.park;
    expect(store.getState().selectedParkId).toBe(id);
    const at = store.getState().derived!.parkCoords.get(id)!;
    expect(store.getState().cameraRequest).toMatchObject({ lng: at[0], lat: at[1] });
    expect(items[0]!.getAttribute('aria-pressed')).toBe('true');
  });

  it('with sites imported, the matrix counts them per sector and district on request (counts only)', async () => {
    const store = real.store();
    const link = (sector: string, node: string, strength: string) => ({ sector, node, strength, via: 'zone', zone: 'z', by: 'point', clause: '三（一）' });
    const set = {
      id: 's1',
      fileName: 'sites.csv',
      format: 'csv',
      crs: 'wgs84',
      encoding: 'utf-8',
      fingerprint: 'f',
      count: 3,
      ids: [null, null, null],
      names: ['a', 'b', 'c'],
      lines: new Int32Array(3),
      rows: new Int32Array(3),
      input: new Float64Array(6),
      coords: new Float64Array(6),
      swapped: new Uint8Array(3),
      district: Int16Array.from([0, 0, 1]),
      districtNames: ['徐汇区', '浦东新区'],
      combo: Int32Array.from([0, 0, 1]),
      combos: [
        { zones: [], sectors: ['ai'], links: [link('ai', 'ai', 'cluster')] },
        { zones: [], sectors: ['biomed'], links: [link('biomed', 'biomed', 'named')] },
      ],
      outside: 0,
    };
    store.getState().finishSiteImport({ fileName: 'sites.csv', set, errorCount: 0, fatal: null } as never, { confirm: true });
    store.getState().openStats();
    renderWith(store);
    const table = await screen.findByRole('table', { name: '各产业在各区的园区数' });
    expect(table.getAttribute('data-count')).toBe('parks');
    fireEvent.click(screen.getByTestId('matrix-count').querySelector('input[data-count="sites"]')!);
    const sites = screen.getByRole('table', { name: '导入的地点：各产业在各区的地点数' });
    expect(sites.getAttribute('data-count')).toBe('sites');
    expect(sites.querySelector('[data-site-cell="ai|徐汇区"]')!.textContent).toBe('2');
    expect(sites.querySelector('[data-site-cell="biomed|浦东新区"]')!.textContent).toBe('1');
    expect(sites.querySelector('[data-site-cell="ai|浦东新区"]')).toBeNull();
    expect(screen.getByTestId('matrix-total').textContent).toBe('3');
    // counts only: a site cell is not a button that sets the park filters
    expect(sites.querySelector('button[data-cell]')).toBeNull();
  });
});
