// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FindFilters, SearchBox } from '../../src/components/find/FindPanel';
import { CompareSheet } from '../../src/components/find/CompareSheet';
import { FindResults, FindRight } from '../../src/components/find/FindRight';
import { ParkList } from '../../src/components/ParkList';
import { StoreContext } from '../../src/state/store';
import type { AppStore } from '../../src/state/store';
import { realGeoFixture } from '../fakes/geo-disk';

const real = realGeoFixture();
const storeWithData = real.store;
afterEach(cleanup);
/** The left column's find tools: the search on top, the filters below. */
const FindPanel = () => (
  <>
    <SearchBox />
    <FindFilters />
  </>
);
const renderWith = (store: AppStore, ui: React.ReactNode) => render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
/** Opens the filters' district or zone list (as a click on its summary does) and waits for its options. */
async function openList(summary: string, option: string): Promise<HTMLDetailsElement> {
  const details = screen.getByText(summary).closest('details')!;
  details.open = true;
  await waitFor(() => expect(details.querySelector(option)).not.toBeNull());
  return details;
}

describe('search combobox', () => {
  it('is an ARIA combobox driven by ↑/↓/Enter/Esc; Enter selects, flies and sets the chosen point', async () => {
    const store = storeWithData();
    renderWith(store, <FindPanel />);
    const box = screen.getByRole('combobox', { name: '搜索园区、空间布局、区或产业' });
    expect(box.getAttribute('aria-expanded')).toBe('false');
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'caohejing' } });
    expect(box.getAttribute('aria-expanded')).toBe('true');
    const list = document.getElementById(box.getAttribute('aria-controls')!)!;
    expect(list.getAttribute('role')).toBe('listbox');
    // the search index loads on first use (pinyin-pro and fuse.js are split out of the first view)
    const options = await within(list).findAllByRole('option');
    expect(options[0]!.getAttribute('data-id')).toBe('caohejing');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowUp' }); // wraps to the last
    expect(box.getAttribute('aria-activedescendant')).toBe(within(list).getAllByRole('option').at(-1)!.id);
    fireEvent.keyDown(box, { key: 'ArrowDown' }); // back to the first
    fireEvent.keyDown(box, { key: 'Enter' });
    const s = store.getState();
    expect(s.selectedParkId).toBe('caohejing');
    const at = s.derived!.parkCoords.get('caohejing')!;
    expect(s.cameraRequest).toMatchObject({ lng: at[0], lat: at[1] });
    expect(s.chosenPoint).toEqual({ lng: at[0], lat: at[1], ref: { kind: 'park', id: 'caohejing' } });
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect((box as HTMLInputElement).value).toBe('徐汇漕河泾开发区');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(store.getState().searchText).toBe('');
  });

  it('focus alone does not open the list (focus given back when a card closes); typing, ↓ or a click does', async () => {
    const store = storeWithData();
    renderWith(store, <FindPanel />);
    const box = screen.getByRole('combobox', { name: '搜索园区、空间布局、区或产业' });
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'caohejing' } });
    await within(await screen.findByRole('listbox')).findAllByRole('option');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.getAttribute('aria-expanded')).toBe('false');
    fireEvent.blur(box);
    fireEvent.focus(box);
    expect(box.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(box);
    expect(box.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(box.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-expanded')).toBe('true');
  });

  it('choosing a district frames it whole without opening a card', async () => {
    const store = storeWithData();
    renderWith(store, <FindPanel />);
    const box = screen.getByRole('combobox', { name: '搜索园区、空间布局、区或产业' });
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: '嘉定区' } });
    fireEvent.click((await within(await screen.findByRole('listbox')).findAllByRole('option'))[0]!);
    const s = store.getState();
    expect([s.selectedParkId, s.selectedZoneId]).toEqual([null, null]);
    // 嘉定区's box (its coordinates lie within 121.0–121.45 E, 31.2–31.5 N), not a point and a zoom
    const framed = s.cameraRequest!.bounds!;
    expect(s.cameraRequest!.zoom).toBeNull();
    expect(framed[0][0]).toBeGreaterThan(121.0);
    expect(framed[1][0]).toBeLessThan(121.45);
    expect(framed[0][1]).toBeGreaterThan(31.2);
    expect(framed[1][1]).toBeLessThan(31.5);
    expect(framed[1][0] - framed[0][0]).toBeGreaterThan(0.2);
    expect(s.chosenPoint?.ref).toEqual({ kind: 'district', id: '嘉定区' });
  });

  it('a district chosen as the point narrows the list to its parks at a press, and back', () => {
    const store = storeWithData();
    store.getState().setChosenPoint({ lng: 121.25, lat: 31.35, ref: { kind: 'district', id: '嘉定区' } });
    renderWith(
      store,
      <>
        <FindRight results />
        <ParkList />
      </>,
    );
    const only = screen.getByTestId('origin-district-only');
    // one park lies in 嘉定区 (智能传感器产业园（嘉定）), of 42
    expect(only.textContent).toBe('只看嘉定区的园区（1 个）');
    expect(only.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(only);
    expect(store.getState().districtFilter).toEqual(['嘉定区']);
    expect(only.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(only);
    expect(store.getState().districtFilter).toEqual([]);
    // another district in the filter: the button narrows to this one alone
    store.getState().setFindFilters({ districts: ['宝山区', '嘉定区'] });
    act(() => undefined);
    expect(only.getAttribute('aria-pressed')).toBe('false');
    act(() => store.getState().setLang('en'));
    expect(screen.getByTestId('origin-district-only').textContent).toBe('Only the parks in Jiading (1)');
  });

  it('the parks within the radius are listed once: beside a park list sorted by name, and not again when the list is sorted by distance', () => {
    const store = storeWithData();
    store.getState().setChosenPoint({ lng: 121.4737, lat: 31.2304, ref: null });
    store.getState().setRadiusKm(10);
    renderWith(store, <FindRight results />);
    expect(screen.getByTestId('find-within-title').textContent).toMatch(/^10 公里内：\d+ 个园区$/);
    const n = Number(/：(\d+) 个/.exec(screen.getByTestId('find-within-title').textContent!)![1]);
    expect(n).toBeGreaterThan(1);
    expect(screen.getByTestId('find-within').querySelectorAll('li')).toHaveLength(n);
    act(() => store.getState().setSortBy('distance'));
    expect(screen.queryByTestId('find-within')).toBeNull();
    expect(screen.getByTestId('find-within-in-list').textContent).toBe('即下方按距离排序的园区列表');
    expect(screen.getByTestId('find-within-title').textContent).toBe(`10 公里内：${n} 个园区`);
    // under a park's card the list is not shown: there the parks within the radius are listed
    cleanup();
    renderWith(store, <FindResults />);
    expect(screen.getByTestId('find-within').querySelectorAll('li')).toHaveLength(n);
  });

  it('a district chosen as the point is named in the interface language', () => {
    const store = storeWithData();
    store.getState().setChosenPoint({ lng: 121.25, lat: 31.35, ref: { kind: 'district', id: '嘉定区' } });
    store.getState().setLang('en');
    renderWith(store, <FindRight results />);
    expect(screen.getByTestId('find-origin').querySelector('.origin-line')!.textContent).toBe('Chosen point: Jiading (121.2500, 31.3500)');
    act(() => store.getState().setLang('zh'));
    expect(screen.getByTestId('find-origin').querySelector('.origin-line')!.textContent).toBe('所选点：嘉定区（121.2500, 31.3500）');
  });

  it('in English a pinyin match shows the pinyin of the name as listed, or of the whole name when the match is in its bracket', async () => {
    const store = storeWithData();
    store.getState().setLang('en');
    renderWith(store, <FindPanel />);
    const box = screen.getByRole('combobox');
    const row = async (query: string, id: string) => {
      fireEvent.focus(box);
      fireEvent.change(box, { target: { value: query } });
      const list = document.getElementById(box.getAttribute('aria-controls')!)!;
      await waitFor(() => expect(list.querySelector(`[data-id="${id}"]`)).not.toBeNull());
      return list.querySelector(`[data-id="${id}"]`)!.textContent;
    };
    // 海洋创新园（临港新片区）: the pinyin of the name shown, not of its bracket too (it read "hai yang chuang xin yuan lin gang xin pian qu")
    expect(await row('haiyang', 'lingang-ocean-innovation-park')).toMatch(/· 海洋创新园 hai yang chuang xin yuan$/);
    expect(await row('dfmg', 'dongfang-meigu')).toMatch(/· 东方美谷 dong fang mei gu$/);
    // matched inside the bracket: the whole name, with its whole pinyin
    expect(await row('jinqiaokaifa', 'jinqiao')).toMatch(/· 金桥（金桥开发区） jin qiao jin qiao kai fa qu$/);
    // its bracket (张江高科技园区) left out of the pinyin too
    expect(await row('zhangjiangguojia', 'zhangjiang-ic-base')).toMatch(/· 张江国家集成电路产业基地 zhang jiang guo jia ji cheng dian lu chan ye ji di$/);
  });

  it('choosing a sector sets the sector filter, and moves nothing', async () => {
    const store = storeWithData();
    renderWith(store, <FindPanel />);
    const box = screen.getByRole('combobox', { name: '搜索园区、空间布局、区或产业' });
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'biomedicine' } });
    const first = (await within(await screen.findByRole('listbox')).findAllByRole('option'))[0]!;
    expect(first.getAttribute('data-kind')).toBe('sector');
    expect(first.textContent).toContain('产业（筛选）');
    fireEvent.click(first);
    const s = store.getState();
    expect(s.sectorFilter).toEqual(['biomed']);
    expect([s.selectedParkId, s.selectedZoneId, s.cameraRequest, s.chosenPoint]).toEqual([null, null, null, null]);
    expect(s.searchText).toBe('');
  });
});

describe('filters, list and comparison', () => {
  it('the district and zone lists hold no options until opened, then every one with its count; a chosen one stays when closed', async () => {
    const store = storeWithData();
    renderWith(store, <FindPanel />);
    const lists = [...document.querySelectorAll('.find-filters details')];
    expect(lists).toHaveLength(2);
    expect(document.querySelectorAll('.find-filters details li')).toHaveLength(0);
    const districts = await openList('所在区', 'input[data-district]');
    expect(districts.querySelectorAll('input[data-district]')).toHaveLength(16);
    // 浦东新区's count: the parks there (no other filter)
    const pudong = store.getState().derived!.parks.filter((p) => p.district === '浦东新区').length;
    expect(districts.querySelector('input[data-district="浦东新区"]')!.closest('label')!.querySelector('.count')!.textContent).toBe(String(pudong));
    // the zone list is still empty
    expect(lists[1]!.querySelectorAll('li')).toHaveLength(0);
    fireEvent.click(districts.querySelector('input[data-district="浦东新区"]')!);
    districts.open = false;
    // closed with a district chosen: its options stay (a link or the statistics can tick one), the summary says so
    await new Promise((r) => setTimeout(r, 20));
    expect((districts.querySelector('input[data-district="浦东新区"]') as HTMLInputElement).checked).toBe(true);
    expect(districts.querySelector('summary')!.textContent).toContain('已选 1');
    const zones = await openList('空间布局', 'input[data-zone-filter]');
    expect(zones.querySelectorAll('input[data-zone-filter]').length).toBe(store.getState().derived!.zones.filter((z) => z.kind !== 'axis').length);
  });

  it('the live count and the park list follow the combined filters; distance sort shows km', async () => {
    const store = storeWithData();
    renderWith(
      store,
      <>
        <FindPanel />
        <ParkList />
      </>,
    );
    expect(screen.getByTestId('find-count').textContent).toBe('42 / 42 个园区符合全部筛选');
    await openList('所在区', 'input[data-district]');
    fireEvent.click(document.querySelector('input[data-district="浦东新区"]')!);
    fireEvent.click(document.querySelector('input[data-conf="estimate"]')!);
    const n = store.getState().derived!.parks.filter((p) => p.district === '浦东新区' && p.confidence === 'estimate').length;
    expect(screen.getByTestId('find-count').textContent).toBe(`${n} / 42 个园区符合全部筛选`);
    expect(document.querySelectorAll('.park-list button[data-park]')).toHaveLength(n);
    const sort = screen.getByTestId('find-sort') as HTMLSelectElement;
    expect((sort.querySelector('option[value="distance"]') as HTMLOptionElement).disabled).toBe(true);
    store.getState().setChosenPoint({ lng: 121.4737, lat: 31.2304, ref: null });
    fireEvent.change(sort, { target: { value: 'distance' } });
    expect(document.querySelectorAll('.park-list .park-km')).toHaveLength(n);
    // every one of them is an estimate (±2 km or more): each km says its ±
    for (const el of document.querySelectorAll('.park-list .park-km')) expect(el.textContent).toMatch(/^\d+\.\d±\d+\.\d 公里 · $/);
  });

  it('with a sector chosen each row says how the park is linked to it (its strongest link), and no row does without one', () => {
    const store = storeWithData();
    renderWith(store, <ParkList />);
    expect(document.querySelectorAll('.park-list .list-strength')).toHaveLength(0);
    act(() => store.getState().setSectors(['ic']));
    // worked out here from the parks' links: the first of named, listed, cluster, broad among the links to ic
    const order = ['named', 'listed', 'cluster', 'broad'];
    const short: Record<string, string> = { named: '点名', listed: '名单', cluster: '集群', broad: '综合区域' };
    const rows = [...document.querySelectorAll<HTMLElement>('.park-list button[data-park]')];
    expect(rows.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const row of rows) {
      const park = store.getState().derived!.parks.find((p) => p.id === row.dataset.park)!;
      const best = park.links
        .filter((l) => l.sector === 'ic')
        .map((l) => l.strength)
        .sort((a, b) => order.indexOf(a) - order.indexOf(b))[0]!;
      const badge = row.querySelector('.list-strength')!;
      expect(badge.textContent, park.id).toBe(short[best]);
      expect(badge.classList.contains(`s-${best}`)).toBe(true);
      seen.add(best);
    }
    // the list shows more than one kind of link (named parks and cluster parks at least)
    expect(seen.size).toBeGreaterThan(1);
  });

  it('compare toggles in the list stop at four; the sheet lists district and distances', () => {
    const store = storeWithData();
    renderWith(
      store,
      <>
        <ParkList />
        <CompareSheet />
      </>,
    );
    const toggles = [...document.querySelectorAll<HTMLButtonElement>('button[data-compare]')];
    for (const b of toggles.slice(0, 4)) fireEvent.click(b);
    expect(store.getState().compareParkIds).toHaveLength(4);
    expect(toggles[4]!.disabled).toBe(true);
    const sheet = screen.getByTestId('compare');
    expect(sheet.querySelectorAll('thead th[data-park]')).toHaveLength(4);
    expect(sheet.querySelectorAll('tr[data-row^="km-"]')).toHaveLength(5);
    // each distance with the park's ±, and the note that says what it is
    const first = store.getState().compareParkIds[0]!;
    const pm = store.getState().derived!.parks.find((p) => p.id === first)!.position.radius_m / 1000;
    expect(sheet.querySelector('tr[data-row="km-peoples-square"] td')!.textContent).toMatch(new RegExp(`^\\d+\\.\\d±${pm.toFixed(1)} 公里$`));
    expect(sheet.querySelector('.km-note')!.textContent).toMatch(/^±：/);
  });

  it('the sheet compares area, confidence with radius, list membership and the strength per sector, under one header row', () => {
    const store = storeWithData();
    store.getState().setCompare(['dongfang-xingang', 'zhangjiang-ic-base']);
    renderWith(store, <CompareSheet />);
    const sheet = screen.getByTestId('compare');
    const cells = (row: string) => [...sheet.querySelectorAll(`tr[data-row="${row}"] td`)];
    expect([...sheet.querySelectorAll('thead th[data-park]')].map((th) => th.getAttribute('data-park'))).toEqual(['dongfang-xingang', 'zhangjiang-ic-base']);
    expect(cells('area')[0]).toHaveTextContent('5.45 km²');
    expect(cells('area')[1]).toHaveTextContent('无公布面积');
    expect(cells('position')[0]).toHaveTextContent('估计 · ±3 千米 · 本项目估计');
    expect(cells('position')[1]).toHaveTextContent('有出处 · ±500 米');
    expect(cells('list')[0]).toHaveTextContent('2020 年批次 · 集成电路类');
    expect(cells('list')[1]).toHaveTextContent('未列入');
    const strengths = (i: number) =>
      [...cells('strengths')[i]!.querySelectorAll<HTMLElement>('li[data-sector]')].map((li) => `${li.dataset.sector}=${li.dataset.strength}`);
    expect(strengths(0).slice(0, 2)).toEqual(['ic=named', 'biomed=cluster']);
    expect(strengths(1)[0]).toBe('ic=named');
    // every row's name is a row header, and every park column has a cell in it
    for (const tr of sheet.querySelectorAll('tbody tr')) {
      expect(tr.querySelector('th[scope="row"]')).not.toBeNull();
      expect(tr.querySelectorAll('td')).toHaveLength(2);
    }
    expect(screen.getByTestId('compare-csv')).toHaveTextContent('导出对比 CSV');
  });

  it('under an open phone sheet the comparison shows as folded, and follows the window across 900 px', () => {
    // a window whose width the test sets: matchMedia's list answers for it and tells its listeners
    let width = 1400;
    const listeners = new Set<() => void>();
    const mql = {
      get matches() {
        return width <= 900;
      },
      addEventListener: (_: string, fn: () => void) => listeners.add(fn),
      removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
    };
    vi.stubGlobal('matchMedia', (q: string) => {
      expect(q).toBe('(max-width: 900px)');
      return mql;
    });
    try {
      const store = storeWithData();
      store.getState().setCompare(['dongfang-xingang', 'zhangjiang-ic-base']);
      renderWith(store, <CompareSheet covered />);
      const toggle = screen.getByTestId('compare-toggle');
      expect(toggle).toHaveAttribute('aria-expanded', 'true');
      act(() => {
        width = 390;
        listeners.forEach((fn) => fn());
      });
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
      expect(toggle).toHaveAccessibleName('展开对比');
      act(() => {
        width = 1200;
        listeners.forEach((fn) => fn());
      });
      expect(toggle).toHaveAttribute('aria-expanded', 'true');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
