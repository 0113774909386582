// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { FilterChips } from '../../src/components/find/FilterChips';
import { ParkList } from '../../src/components/ParkList';
import { StoreContext } from '../../src/state/store';
import type { AppStore } from '../../src/state/store';
import { realGeoFixture } from '../fakes/geo-disk';

const real = realGeoFixture();
afterEach(cleanup);
const renderWith = (store: AppStore, ui: React.ReactNode) => render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
const rows = () => document.querySelectorAll('.park-list [role="row"]').length;

describe('filter chips and the empty list', () => {
  it('an empty list says why beside it, and its button clears every filter', () => {
    const store = real.store();
    store.getState().setLang('en');
    store.getState().setSectors(['biomed']);
    store.getState().setFindFilters({ districts: ['嘉定区'] });
    renderWith(store, <ParkList />);
    expect(rows()).toBe(0);
    expect(screen.getByTestId('list-why-empty').textContent).toBe(
      'No park matches all the filters. 1 with the broad areas included; 1 without the sector filter; 16 without the district filter.',
    );
    act(() => store.getState().setLang('zh'));
    expect(screen.getByTestId('list-why-empty').textContent).toBe(
      '没有园区符合全部筛选。包括大范围布局则有 1 个；不按产业筛选则有 1 个；去掉区的筛选则有 16 个。',
    );
    fireEvent.click(screen.getByRole('button', { name: '清除全部筛选' }));
    expect(store.getState().sectorFilter).toEqual([]);
    expect(store.getState().districtFilter).toEqual([]);
    expect(rows()).toBe(42);
    expect(screen.queryByTestId('list-why-empty')).toBeNull();
  });

  it('a list with parks has no such line', () => {
    const store = real.store();
    store.getState().setSectors(['biomed']);
    renderWith(store, <ParkList />);
    expect(rows()).toBeGreaterThan(0);
    expect(screen.queryByTestId('list-why-empty')).toBeNull();
  });

  it('what puts a park on the map (plan or list) shows as a chip that drops it', () => {
    const store = real.store();
    store.getState().setLang('en');
    store.getState().toggleBasis('plan');
    renderWith(store, <FilterChips />);
    const chip = document.querySelector('[data-chip="basis:plan"]')!;
    expect(chip.textContent).toContain('Named by the plan');
    fireEvent.click(within(chip as HTMLElement).getByRole('button', { name: /Named by the plan/ }));
    expect(store.getState().basisFilter).toEqual([]);
  });

  it('the broad-areas chip uses the filter’s own Chinese term', () => {
    const store = real.store();
    store.getState().setSectors(['ic']);
    store.getState().setIncludeBroad(true);
    renderWith(store, <FilterChips />);
    expect(document.querySelector('[data-chip="broad"]')!.textContent).toContain('含大范围布局');
  });
});
