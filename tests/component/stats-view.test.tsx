// @vitest-environment jsdom
/** The statistics view: opened from its launcher (loaded on first use), the matrix as a table whose cells set the filters. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { StatsHost, StatsLauncher } from '../../src/components/stats/StatsHost';
import { ParkList } from '../../src/components/ParkList';
import { StoreContext } from '../../src/state/store';
import type { AppStore } from '../../src/state/store';
import { diskFetcher, realGeoFixture, readGeoJson } from '../fakes/geo-disk';
import type { TargetsFile } from '../../src/loaders/schemas';

interface Park {
  id: string;
  district: string;
  links: { sector: string; node: string; strength: string }[];
}
const PARKS: Park[] = readGeoJson<{ features: { properties: Park }[] }>('parks.geojson').features.map((f) => f.properties);
const strong = (p: Park, sector: string) => p.links.some((l) => l.sector === sector && l.strength !== 'broad');

const real = realGeoFixture();
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
    // a measure with figures: a chart whose SVG is labelled and described
    const share = document.querySelector('article.score[data-target="sei-gdp-share"]')!;
    const fig = share.querySelector('figure.score-chart')!;
    expect(fig.querySelector('figcaption')!.textContent).toBe('share of the strategic emerging industries in the city’s GDP');
    expect(fig.querySelector('.chart-unit')!.textContent).toBe('Unit: %');
    expect(fig.querySelector('.chart-source')!.textContent).toContain('沪府办发〔2021〕10号');
    const svg = fig.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).toBe('share of the strategic emerging industries in the city’s GDP');
    expect(svg.getAttribute('aria-description') ?? svg.querySelector('desc')?.textContent).toContain('23.8 % in 2022');
    expect(svg.querySelectorAll('circle')).toHaveLength(2);
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
    expect(none.querySelector('[data-testid="no-data"]')!.textContent).toContain('No data');
    expect(none.querySelector('.status')!.textContent).toBe('No data');
    // figures that disagree, side by side
    const group = document.querySelector('article.score[data-target="sei-industrial-share"] .side-by-side')!;
    const disagree = file.targets
      .find((t) => t.id === 'sei-industrial-share')!
      .outturns.filter((o) => o.conflicts_with.length > 0)
      .map((o) => `${o.value_text} ${o.unit}`);
    expect(disagree).toHaveLength(2);
    expect([...group.querySelectorAll('li strong')].map((x) => x.textContent!.trim()).sort()).toEqual(disagree.sort());
  });

  it('the zones table: sortable headers with aria-sort, schematic areas marked, choosing a zone selects it', async () => {
    const store = real.store();
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
    expect(row.textContent).toContain('示意');
    const axis = zones.find((z) => z.properties.kind === 'axis')!;
    expect(table.querySelector(`tr[data-zone="${axis.properties.id}"]`)!.textContent).toContain('线，无面积');
    fireEvent.click(within(row as HTMLElement).getByRole('button'));
    expect(store.getState().selectedZoneId).toBe('zhangjiang-pole');
  });
});
