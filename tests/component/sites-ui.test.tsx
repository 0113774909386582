// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/app/App';
import { StoreContext, createAppStore } from '../../src/state/store';
import type { AppStore } from '../../src/state/store';
import { createLinkClient, importSiteFile } from '../../src/state/link-client';
import { exportResults, shareUrl, visibleParks } from '../../src/components/sites/SitesPanel';
import { BOM } from '../../src/geo/export';
import { diskFetcher, loadRealGeo } from '../fakes/geo-disk';
import { FakeMapController } from '../fakes/fake-map-controller';

vi.mock('../../src/map/map-controller', async () => (await import('../fakes/fake-map-controller')).fakeMapControllerModule());

const FIX = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/sites');
const file = (name: string, type = 'text/csv') => new File([readFileSync(join(FIX, name))], name, { type });

beforeEach(() => {
  FakeMapController.reset();
  window.history.replaceState(null, '', '/');
  vi.stubGlobal('fetch', diskFetcher());
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

async function renderApp(): Promise<AppStore> {
  const store = createAppStore();
  render(
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>,
  );
  await screen.findByTestId('sites-panel');
  return store;
}

const pick = (f: File) => fireEvent.change(screen.getByTestId('sites-file'), { target: { files: [f] } });

describe('link client without Worker (jsdom)', () => {
  it('falls back to linking in-thread', async () => {
    expect(typeof Worker).toBe('undefined');
    const geo = await loadRealGeo();
    if (!geo.districts.ok || !geo.zones.ok) throw new Error('data');
    const c = createLinkClient(geo.districts.data.features, geo.zones.data.features);
    expect(c.mode).toBe('in-thread');
    const r = await c.link('lon,lat\n121.5906,31.2036\n', 'x.csv', 'wgs84', 'a');
    expect(r.set.count).toBe(1);
    expect(r.set.combos[0]!.zones).toContain('zhangjiang-pole');
  });
});

describe('SitesPanel', () => {
  it('shows WGS-84 as the default coordinate system', async () => {
    await renderApp();
    expect(screen.getByRole('radio', { name: /WGS-84（GPS，默认）/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /GCJ-02/ })).not.toBeChecked();
  });

  it('imports a good file: listed with district, drawn, counted for export', async () => {
    const store = await renderApp();
    pick(file('good.csv'));
    const done = await screen.findByText(/已导入 good\.csv：3 个地点/);
    expect(done.closest('[data-phase]')).toHaveAttribute('data-phase', 'done');
    const list = screen.getByTestId('sites-sets');
    expect(within(list).getByText('人民广场')).toBeInTheDocument();
    expect(within(list).getAllByText('浦东新区').length).toBeGreaterThan(0);
    expect(store.getState().siteSets).toHaveLength(1);
    expect(screen.getByText('导入的地点（3）')).toBeInTheDocument();
  });

  it('uses the chosen coordinate system', async () => {
    const store = await renderApp();
    fireEvent.click(screen.getByRole('radio', { name: /GCJ-02/ }));
    pick(file('gcj02.csv'));
    await screen.findByText(/已导入 gcj02\.csv/);
    const set = store.getState().siteSets[0]!;
    expect(set.crs).toBe('gcj02');
    expect(set.coords[0]).toBeCloseTo(121.4737, 4);
  });

  it('asks before importing the valid rows of a file with bad rows, naming the lines; cancel leaves earlier imports', async () => {
    const store = await renderApp();
    pick(file('good.csv'));
    await screen.findByText(/已导入 good\.csv/);
    pick(file('mixed-bad-rows.csv'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('mixed-bad-rows.csv：2 行有效，3 行有误。');
    const errors = within(alert).getByTestId('sites-errors');
    expect(errors).toHaveTextContent('第 3 行');
    expect(errors).toHaveTextContent('"abc" is not a number');
    expect(errors).toHaveTextContent('第 5 行');
    expect(errors).toHaveTextContent('outside Shanghai');
    expect(store.getState().siteSets).toHaveLength(1);
    fireEvent.click(within(alert).getByRole('button', { name: '取消' }));
    expect(store.getState().siteSets).toHaveLength(1);

    pick(file('mixed-bad-rows.csv'));
    fireEvent.click(await screen.findByRole('button', { name: '导入 2 个有效行，跳过 3 行' }));
    await screen.findByText(/跳过 3 行/);
    expect(store.getState().siteSets.map((s) => s.count)).toEqual([3, 2]);
  });

  it.each([
    ['bad-header.csv', /no lon and lat columns/],
    ['empty.csv', /file is empty/],
    ['binary.png', /binary/],
  ])('refuses %s with a message and imports nothing', async (name, message) => {
    const store = await renderApp();
    pick(file(name, name.endsWith('.png') ? 'image/png' : 'text/csv'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`${name} 无法导入`);
    expect(alert).toHaveTextContent(message);
    expect(store.getState().siteSets).toHaveLength(0);
  });

  it('imports a file dropped on the map', async () => {
    const store = await renderApp();
    const dt = { files: [file('sites.geojson', 'application/geo+json')], types: ['Files'] };
    fireEvent.drop(screen.getByTestId('map'), { dataTransfer: dt });
    await screen.findByText(/已导入 sites\.geojson：2 个地点/);
    expect(store.getState().siteSets[0]!.format).toBe('geojson');
  });

  it('opens a site card from the list, in both languages', async () => {
    const store = await renderApp();
    pick(file('good.csv'));
    await screen.findByText(/已导入 good\.csv/);
    fireEvent.click(within(screen.getByTestId('sites-sets')).getByText('张江科学城'));
    const card = await screen.findByRole('article', { name: '张江科学城' });
    expect(card).toHaveTextContent('导入的地点');
    expect(card).toHaveTextContent('张江科技创新极');
    expect(card).toHaveTextContent('good.csv · 第 3 行');
    expect(store.getState().cameraRequest).toMatchObject({ zoom: 12 });
    store.getState().setLang('en');
    await waitFor(() => expect(card).toHaveTextContent('Imported site'));
    expect(card).toHaveTextContent('good.csv · line 3');
  });
});

describe('export and share', () => {
  it('exports the parks the filter shows plus the imported sites', async () => {
    const store = await renderApp();
    await importSiteFile(store, file('good.csv'));
    store.getState().setSectors(['ic']);
    const shown = visibleParks(store.getState());
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(store.getState().derived!.parks.length);
    const { text, fileName } = await exportResults(store, 'csv', { parks: true, sites: true });
    expect(fileName).toBe('shanghai-sei-parks-sites.csv');
    expect(text.startsWith(BOM)).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(1 + shown.length + 3);
    const geo = JSON.parse((await exportResults(store, 'geojson', { parks: false, sites: true })).text);
    expect(geo.features.map((f: { id: string }) => f.id)).toEqual(['S1', 'S2', 'S3']);
  });

  it('builds the share link from the state (imports excluded) and renders its QR code locally', async () => {
    const store = await renderApp();
    await importSiteFile(store, file('good.csv'));
    const park = store.getState().derived!.parks[0]!.id;
    store.getState().setSectors(['ic']);
    store.getState().selectPark(park);
    const url = shareUrl(store.getState(), { origin: 'http://x', pathname: '/' });
    expect(url).toContain('sector=ic');
    expect(url).toContain(`park=${park}`);
    expect(url).not.toMatch(/good|site/i);
    fireEvent.click(screen.getByTestId('share-open'));
    const input = screen.getByTestId('share-url') as HTMLInputElement;
    expect(input.value).toBe(`${window.location.origin}${url.slice('http://x'.length)}`);
    const qr = await screen.findByTestId('share-qr');
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(qr).toHaveAttribute('data-url', input.value);
  });
});
