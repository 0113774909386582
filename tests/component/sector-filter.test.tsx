// @vitest-environment jsdom
/** The sector filter: strong links by default, the broad switch with what it adds, the leading industries' note, why nothing shows. */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { SectorFilter } from '../../src/components/SectorFilter';
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
const strongAi = PARKS.filter((p) => p.links.some((l) => l.sector === 'ai' && l.strength !== 'broad')).map((p) => p.id);
const anyAi = PARKS.filter((p) => p.links.some((l) => l.sector === 'ai')).map((p) => p.id);

const real = realGeoFixture();
afterEach(cleanup);
const renderWith = (store: AppStore) =>
  render(
    <StoreContext.Provider value={store}>
      <SectorFilter />
      <ParkList />
    </StoreContext.Provider>,
  );
const listed = () => [...document.querySelectorAll('.park-list button[data-park]')].map((b) => b.getAttribute('data-park'));

describe('sector filter strengths', () => {
  it('a broad-only link does not show until the broad areas are asked for; the switch says how many it adds', () => {
    const store = real.store();
    renderWith(store);
    fireEvent.click(document.querySelector('input[data-sector="ai"]')!);
    const broadOnly = anyAi.filter((id) => !strongAi.includes(id));
    expect(broadOnly.length).toBeGreaterThan(0);
    expect(listed().sort()).toEqual([...strongAi].sort());
    expect(screen.getByTestId('broad-adds').textContent).toBe(`+${broadOnly.length} 个园区`);
    expect(screen.getByTestId('strength-line').textContent).toMatch(new RegExp(`^${strongAi.length} 个园区，按与所选产业最强的关联：`));
    // in English, in running-text case, with a singular for one park
    act(() => store.getState().setLang('en'));
    expect(screen.getByTestId('strength-line').textContent).toMatch(
      new RegExp(`^${strongAi.length} parks, by their strongest link to the selection: \\d+ named for it by the plan`),
    );
    expect(screen.getByTestId('broad-adds').textContent).toBe(`+${broadOnly.length} park${broadOnly.length === 1 ? '' : 's'}`);
    act(() => store.getState().setLang('zh'));
    fireEvent.click(screen.getByTestId('include-broad'));
    expect(listed().sort()).toEqual([...anyAi].sort());
    expect(store.getState().includeBroad).toBe(true);
    expect(screen.queryByTestId('broad-adds')).toBeNull();
  });

  it('says where the leading industries are offered that the plan names no place for them, and why a choice leaves nothing', () => {
    const store = real.store();
    store.getState().setLang('en');
    renderWith(store);
    expect(screen.getByTestId('leading-unplaced').textContent).toContain('The plan names no place for the six leading industries');
    const photonics = document.querySelector('input[data-sector="photonics"]')!.closest('label')!;
    expect(photonics.querySelector('.count')!.textContent).toBe('—');
    fireEvent.click(document.querySelector('input[data-sector="photonics"]')!);
    expect(listed()).toEqual([]);
    expect(screen.getByTestId('why-empty').textContent).toMatch(/No park matches all the filters\. The plan names no place for Photonic/);
  });

  it('each option counts what ticking it shows under the other filters', () => {
    const store = real.store();
    store.getState().toggleDistrict('浦东新区');
    renderWith(store);
    const label = document.querySelector('input[data-sector="biomed"]')!.closest('label')!;
    const want = PARKS.filter((p) => p.district === '浦东新区' && p.links.some((l) => l.sector === 'biomed' && l.strength !== 'broad')).length;
    expect(label.querySelector('.count')!.textContent).toBe(String(want));
    fireEvent.click(document.querySelector('input[data-sector="biomed"]')!);
    expect(listed()).toHaveLength(want);
  });

  it('an option no park serves by a strong link shows the parks the broad areas would add beside its 0, with a key; not once they are included', () => {
    const store = real.store();
    renderWith(store);
    const count = (id: string) => document.querySelector(`input[data-sector="${id}"]`)!.closest('label')!.querySelector('.count')!.textContent;
    const onlyBroad = (id: string) =>
      PARKS.filter((p) => p.links.some((l) => l.sector === id) && !p.links.some((l) => l.sector === id && l.strength !== 'broad')).length;
    // new-energy vehicles: the plan names no park for it; its parks are places of the H-shaped belt
    expect(PARKS.some((p) => p.links.some((l) => l.sector === 'nev' && l.strength !== 'broad'))).toBe(false);
    expect(onlyBroad('nev')).toBeGreaterThan(0);
    expect(count('nev')).toBe(`0 +${onlyBroad('nev')}`);
    // an option with strong parks shows its count alone
    expect(count('ai')).toBe(String(strongAi.length));
    expect(screen.getByTestId('broad-extra-key').textContent).toBe('0 +N：没有园区以强关联对应；N 个园区只经由上面这些大范围布局与之关联，勾选即计入');
    // its +N drawn as the options draw theirs
    expect(screen.getByTestId('broad-extra-key').querySelector('.broad-extra')?.textContent).toBe('+N');
    fireEvent.click(screen.getByTestId('include-broad'));
    expect(count('nev')).toBe(String(onlyBroad('nev')));
    expect(screen.queryByTestId('broad-extra-key')).toBeNull();
  });
});
