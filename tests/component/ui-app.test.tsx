// @vitest-environment jsdom
import { StrictMode } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/app/App';
import { StoreContext, createAppStore } from '../../src/state/store';
import { t } from '../../src/i18n';
import type { ParkProps } from '../../src/loaders/schemas';
import { diskFetcher, readGeoJson } from '../fakes/geo-disk';
import { loadGeoData } from '../../src/loaders/load-geo';
import { STYLE_SOURCES } from '../../src/map/layers';
import { FAKE_DEFAULT_CAMERA, FakeMapController } from '../fakes/fake-map-controller';

// the real controller imports maplibre-gl (WebGL, CSS, a worker): replace it with the recording fake
vi.mock('../../src/map/map-controller', async () => (await import('../fakes/fake-map-controller')).fakeMapControllerModule());

let parks: ParkProps[];

beforeAll(() => {
  parks = readGeoJson<{ features: { properties: ParkProps }[] }>('parks.geojson').features.map((f) => f.properties);
});

beforeEach(() => {
  FakeMapController.reset();
  window.history.replaceState(null, '', '/');
  vi.stubGlobal('fetch', diskFetcher());
});

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

function renderApp(props: Parameters<typeof App>[0] = {}) {
  const store = createAppStore();
  const utils = render(
    <StoreContext.Provider value={store}>
      <App {...props} />
    </StoreContext.Provider>,
  );
  return { store, ...utils };
}

const parkList = (name = '园区') => screen.getByRole('grid', { name });
const parkItems = (name = '园区') => within(parkList(name)).getAllByRole('row');
async function waitForParks(n = 42, name = '园区') {
  await waitFor(() => expect(parkItems(name)).toHaveLength(n));
}
const fake = () => {
  const f = FakeMapController.last;
  if (!f) throw new Error('no map controller was constructed');
  return f;
};
const sectorBox = (container: HTMLElement, id: string) => {
  const box = container.querySelector<HTMLInputElement>(`input[type="checkbox"][data-sector="${id}"]`);
  if (!box) throw new Error(`no checkbox for sector ${id}`);
  return box;
};

/** parks with a strong link (named, listed, inside the sector's cluster) to a top-level sector: the default filter */
const strongFor = (sector: string) => parks.filter((p) => p.links.some((l) => l.sector === sector && l.strength !== 'broad')).length;

describe('App (fake map, real data from disk)', () => {
  it('loads the data and fills the park list with 42 parks', async () => {
    renderApp();
    expect(screen.getByText(t('zh', 'loading'))).toBeInTheDocument();
    await waitForParks();
    expect(screen.getByText(t('zh', 'parksShown', { n: 42, total: 42 }))).toBeInTheDocument();
    expect(screen.queryByText(t('zh', 'loading'))).toBeNull();
    // every park of the file is listed, by its Chinese name
    const names = parkItems().map((li) => li.querySelector('.park-name')?.textContent);
    expect(names.sort()).toEqual(parks.map((p) => p.name_zh).sort());
  });

  it('creates one map controller on the map element, with the language and default camera', async () => {
    renderApp();
    await waitForParks();
    expect(FakeMapController.instances).toHaveLength(1);
    const f = fake();
    expect(f.container).toBe(screen.getByTestId('map'));
    expect(f.style?.lang).toBe('zh');
    expect(f.style?.online ?? null).toBeNull();
    expect(f.initialCamera).toEqual(FAKE_DEFAULT_CAMERA);
    // data reached the map
    expect(new Set(f.calls('setData').map(([id]) => id))).toContain('parks');
    // the map's ready handler drives the store
    expect(typeof f.handlers?.onReady).toBe('function');
  });

  it('with the data already loaded, creates the map with every source filled; while loading, with none', async () => {
    const geo = await loadGeoData('/', diskFetcher());
    renderApp({ geo });
    // no waiting: the store had the data before the map was created
    expect(FakeMapController.instances).toHaveLength(1);
    const initial = fake().initialData;
    expect(Object.keys(initial).sort()).toEqual([...STYLE_SOURCES].sort());
    // the zones as loaded (the map adds its own marks to their properties)
    const zonesIn = geo.zones.ok ? geo.zones.data.features : [];
    expect(initial.zones?.features).toHaveLength(zonesIn.length);
    initial.zones?.features.forEach((f, k) => expect(f.geometry).toBe(zonesIn[k]!.geometry));
    expect(initial.parks?.features).toHaveLength(42);
    expect(parkItems()).toHaveLength(42);

    FakeMapController.reset();
    renderApp();
    expect(fake().initialData).toEqual({});
    await waitFor(() =>
      expect(
        fake()
          .calls('setData')
          .map(([id]) => id),
      ).toContain('parks'),
    );
  });

  it('starts the map at the camera in the URL hash', async () => {
    window.history.replaceState(null, '', '/#10.00/31.2000/121.5000');
    renderApp();
    await waitForParks();
    expect(fake().initialCamera).toEqual({ zoom: 10, lat: 31.2, lng: 121.5 });
  });

  it('clicking a sector checkbox reduces the list and filters the map', async () => {
    const { container } = renderApp();
    await waitForParks();
    // by default the strong links count: named, listed, inside the sector's own cluster
    const expected = parks.filter((p) => p.links.some((l) => l.sector === 'ic' && l.strength !== 'broad')).map((p) => p.id);
    expect(expected.length).toBeLessThan(42);
    fake().clearLog();
    fireEvent.click(sectorBox(container, 'ic'));
    expect(sectorBox(container, 'ic').checked).toBe(true);
    await waitForParks(expected.length);
    const listed = parkItems().map((li) => li.querySelector('button')!.getAttribute('data-park'));
    expect(listed.sort()).toEqual([...expected].sort());
    expect(fake().shownParks()).toEqual(expected);
    expect(fake().emphasisedZones()).toEqual(expect.arrayContaining(['ic-body-zhangjiang']));
    // the count next to the checkbox agrees with the list
    expect(sectorBox(container, 'ic').closest('label')!.querySelector('.count')!.textContent).toBe(String(expected.length));
    // and the selection reaches the URL (debounced)
    await waitFor(() => expect(window.location.search).toBe('?sector=ic'));
  });

  it('clearing the filter restores the full list and sends null to the map', async () => {
    const { container } = renderApp();
    await waitForParks();
    fireEvent.click(sectorBox(container, 'fintech'));
    await waitForParks(parks.filter((p) => p.links.some((l) => l.node === 'fintech' && l.strength !== 'broad')).length);
    fireEvent.click(screen.getByRole('button', { name: t('zh', 'clearFilter') }));
    await waitForParks(42);
    expect(fake().shownParks()).toBeNull();
    expect(fake().emphasisedZones()).toBeNull();
  });

  it('clicking a park opens its card, with the reasons quoting a clause, and moves the map', async () => {
    const { container } = renderApp();
    await waitForParks();
    const bund = parks.find((p) => p.id === 'the-bund')!;
    fireEvent.click(container.querySelector('button[data-park="the-bund"]')!);
    const heading = await screen.findByRole('heading', { level: 2, name: bund.name_zh });
    const card = heading.closest('article')!;
    expect(card).toHaveAttribute('data-park', 'the-bund');
    const reasons = card.querySelector('ul.reasons') as HTMLElement;
    expect(reasons).not.toBeNull();
    const firstLink = bund.links[0]!;
    expect(reasons.textContent).toContain(firstLink.clause);
    expect(reasons.textContent).toContain(firstLink.phrase);
    // the list gives way to the card
    expect(screen.queryByRole('list', { name: '园区' })).toBeNull();
    expect(fake().ringedPark()).toBe('the-bund');
    expect(fake().flyTo).toHaveBeenCalled();
    const [lng, lat] = fake().lastCall('flyTo')!;
    expect(lng).toBeGreaterThan(121);
    expect(lat).toBeGreaterThan(30.5);
    // closing returns to the list
    fireEvent.click(within(card).getByRole('button', { name: t('zh', 'close') }));
    await waitForParks();
    expect(fake().ringedPark()).toBeNull();
  });

  it('the language button switches the UI to English and tells the map', async () => {
    renderApp();
    await waitForParks();
    fireEvent.click(screen.getByRole('button', { name: t('zh', 'languageLabel') }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(t('en', 'title'));
    await waitForParks(42, 'Parks');
    expect(screen.queryByRole('list', { name: '园区' })).toBeNull();
    expect(screen.getByText(t('en', 'filterSectors'))).toBeInTheDocument();
    const names = parkItems('Parks').map((li) => li.querySelector('.park-name')?.textContent);
    expect(names.sort()).toEqual(parks.map((p) => p.name_en).sort());
    expect(fake().setLang).toHaveBeenLastCalledWith('en');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe(t('en', 'title'));
    // and back
    fireEvent.click(screen.getByRole('button', { name: t('en', 'languageLabel') }));
    expect(fake().setLang).toHaveBeenLastCalledWith('zh');
    await waitForParks(42, '园区');
  });

  it('leaves the page’s lang attribute alone when it already says the language (writing it, even unchanged, restyles the whole page)', async () => {
    document.documentElement.lang = 'zh-CN';
    const writes: string[] = [];
    const watch = new MutationObserver((records) => records.forEach((r) => writes.push(String(r.attributeName))));
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    renderApp();
    await waitForParks();
    await new Promise((r) => setTimeout(r, 0));
    expect(writes).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: t('zh', 'languageLabel') }));
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    await new Promise((r) => setTimeout(r, 0));
    expect(writes).toEqual(['lang']);
    watch.disconnect();
  });

  it('applies the URL once the data has loaded', async () => {
    window.history.replaceState(null, '', '/?sector=ic&lang=en');
    const { store } = renderApp();
    await waitForParks(strongFor('ic'), 'Parks');
    expect(store.getState().sectorFilter).toEqual(['ic']);
    expect(fake().setLang).toHaveBeenLastCalledWith('en');
  });

  it('shows the WebGL message when the map cannot start, and the list still works', async () => {
    FakeMapController.failNext = 'no-webgl';
    const { store, container } = renderApp();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(t('zh', 'noWebgl'));
    expect(store.getState().mapStatus).toBe('no-webgl');
    expect(FakeMapController.instances).toHaveLength(0);
    await waitForParks();
    fireEvent.click(sectorBox(container, 'biomed'));
    await waitForParks(strongFor('biomed'));
    fireEvent.click(container.querySelector('button[data-park="dongfang-meigu"]')!);
    expect(await screen.findByRole('heading', { level: 2, name: parks.find((p) => p.id === 'dongfang-meigu')!.name_zh })).toBeInTheDocument();
  });

  it('names a file that failed to load in a notice, and the list still shows', async () => {
    vi.stubGlobal('fetch', diskFetcher({ 'zones.geojson': 404 }));
    renderApp();
    await waitForParks();
    expect(await screen.findByText(t('zh', 'loadFailed'))).toBeInTheDocument();
    expect(screen.getByText(/zones\.geojson/)).toHaveTextContent('zones.geojson: HTTP 404');
    // the zones reach the map empty, the parks in full
    const pushed = new Set(
      fake()
        .calls('setData')
        .map(([id]) => id),
    );
    const zones = fake()
      .calls('setData')
      .find(([id]) => id === 'zones');
    expect((zones![1] as GeoJSON.FeatureCollection).features).toEqual([]);
    expect(pushed.has('parks')).toBe(true);
    // the notice can be dismissed
    fireEvent.click(screen.getByRole('button', { name: t('zh', 'dismiss') }));
    expect(screen.queryByText(/zones\.geojson/)).toBeNull();
  });

  it('with loaded data under StrictMode (effects run twice), names a failed file once and keeps the URL in sync', async () => {
    const geo = await loadGeoData('/', diskFetcher({ 'footprints.geojson': 404 }));
    window.history.replaceState(null, '', '/?sector=ic');
    const store = createAppStore();
    render(
      <StrictMode>
        <StoreContext.Provider value={store}>
          <App geo={geo} />
        </StoreContext.Provider>
      </StrictMode>,
    );
    expect(screen.getAllByText(t('zh', 'loadFailed'))).toHaveLength(1);
    expect(store.getState().notices).toHaveLength(1);
    expect(store.getState().sectorFilter).toEqual(['ic']);
    // the URL sync the second run restarted still writes changes
    fireEvent.click(sectorBox(document.body, 'biomed'));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('sector')).toBe('ic,biomed'));
  });

  it('tells the store when the map is ready, and destroys the map on unmount', async () => {
    const { store, unmount } = renderApp();
    await waitForParks();
    // until then the map's area says it is being drawn (it draws nothing until complete)
    expect(screen.getByText(t('zh', 'mapLoading'))).toHaveAttribute('role', 'status');
    act(() => fake().handlers!.onReady());
    expect(store.getState().mapStatus).toBe('ready');
    expect(screen.queryByText(t('zh', 'mapLoading'))).toBeNull();
    const f = fake();
    unmount();
    expect(f.destroy).toHaveBeenCalledTimes(1);
    // no calls after unmount
    f.clearLog();
    act(() => store.getState().setLang('en'));
    expect(f.log).toEqual([]);
  });
});
