// @vitest-environment jsdom
/** The statistics view: opened from its launcher (loaded on first use), the matrix as a table whose cells set the filters. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { StatsHost } from '../../src/components/stats/StatsHost';
import { ParkList } from '../../src/components/ParkList';
import { StoreContext } from '../../src/state/store';
import type { AppStore } from '../../src/state/store';
import { realGeoFixture, readGeoJson } from '../fakes/geo-disk';

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
});
