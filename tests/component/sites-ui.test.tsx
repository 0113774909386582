// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/app/App';
import { StoreContext, createAppStore } from '../../src/state/store';
import type { AppStore } from '../../src/state/store';
import { createLinkClient, importSiteFile } from '../../src/state/link-client';
import { exportResults, shareUrl } from '../../src/components/sites/SitesPanel';
import { BOM } from '../../src/export/csv-cell';
import iconv from 'iconv-lite';
import { diskFetcher, loadRealGeo, readGeoJson } from '../fakes/geo-disk';
import { districtBox } from '../helpers/district-box';
import { FakeMapController } from '../fakes/fake-map-controller';

/**
 * The element whose whole text matches `re` and none of whose children does (the import report
 * isolates the file's name in a <bdi>, so the text spans elements).
 */
const findStatus = (re: RegExp) =>
  screen.findByText(
    (_, el) => el !== null && re.test(el.textContent ?? '') && ![...el.children].some((c) => re.test(c.textContent ?? '')),
    {},
    { timeout: 20_000 },
  );
import { selectVisibleParks } from '../../src/state/selectors/parks';
import { columnValues, stringAt } from '../../src/lib/string-column';

vi.mock('../../src/map/map-controller', async () => (await import('../fakes/fake-map-controller')).fakeMapControllerModule());

const FIX = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/sites');
/** when the data build wrote the data the app loads here (public/geo/manifest.json, read apart from the app) */
const MANIFEST_BUILT_AT = (
  JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../public/geo/manifest.json'), 'utf8')) as { built_at: string }
).built_at;
const file = (name: string, type = 'text/csv') => new File([readFileSync(join(FIX, name))], name, { type });
const bytesFile = (bytes: Uint8Array, name: string) => new File([new Uint8Array(bytes)], name, { type: 'text/csv' });
const listedParkIds = () => Array.from(document.querySelectorAll('.park-list button[data-park]')).map((b) => b.getAttribute('data-park')!);

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
    const c = createLinkClient({ districts: geo.districts.data.features, zones: geo.zones.data.features });
    expect(c.mode).toBe('in-thread');
    const r = await c.link({ source: 'lon,lat\n121.5906,31.2036\n', fileName: 'x.csv', crs: 'wgs84', encoding: 'auto', setId: 'a' });
    expect(r.set.count).toBe(1);
    expect(r.set.combos[0]!.zones).toContain('zhangjiang-pole');
  });
});

describe('SitesPanel', () => {
  it('once the map is ready and the page idle, asks the map (through the store) to get ready for sites, once', async () => {
    const store = await renderApp();
    await waitFor(() => expect(FakeMapController.last).toBeDefined());
    // not before the map is ready
    await new Promise((r) => setTimeout(r, 400));
    expect(store.getState().sitesWanted).toBe(false);
    act(() => FakeMapController.last!.handlers!.onReady());
    expect(store.getState().mapStatus).toBe('ready');
    await waitFor(() => expect(store.getState().sitesWanted).toBe(true), { timeout: 10_000 });
    expect(FakeMapController.last!.calls('prepareSites')).toEqual([[]]);
  });

  for (const [sign, act_] of [
    ['the import button is pressed', () => fireEvent.pointerDown(screen.getByTestId('sites-file').closest('label')!)],
    ['the import button is tabbed to', () => fireEvent.focus(screen.getByTestId('sites-file'))],
    ['a file is dragged over the page', () => fireEvent.dragEnter(window, { dataTransfer: { types: ['Files'], files: [] } })],
  ] as const)
    it(`gets ready for sites at once when ${sign}: before the map is ready and the page idle, once`, async () => {
      const store = await renderApp();
      await waitFor(() => expect(FakeMapController.last).toBeDefined());
      expect(store.getState().mapStatus).not.toBe('ready');
      expect(store.getState().sitesWanted).toBe(false);
      act(() => act_());
      expect(store.getState().sitesWanted).toBe(true);
      expect(FakeMapController.last!.calls('prepareSites')).toEqual([[]]);
      // a second sign, and the page's idle once the map is ready, ask nothing more
      act(() => act_());
      act(() => FakeMapController.last!.handlers!.onReady());
      await new Promise((r) => setTimeout(r, 400));
      expect(FakeMapController.last!.calls('prepareSites')).toEqual([[]]);
    });

  it('a drag of something that is not a file (text, a link) does not', async () => {
    const store = await renderApp();
    await waitFor(() => expect(FakeMapController.last).toBeDefined());
    act(() => void fireEvent.dragEnter(window, { dataTransfer: { types: ['text/plain'], files: [] } }));
    expect(store.getState().sitesWanted).toBe(false);
  });

  it('shows WGS-84 as the default coordinate system', async () => {
    await renderApp();
    expect(screen.getByRole('radio', { name: /WGS-84（GPS，默认）/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /GCJ-02/ })).not.toBeChecked();
  });

  it('imports a good file: listed with district, drawn, counted for export', async () => {
    const store = await renderApp();
    pick(file('good.csv'));
    const done = await findStatus(/已导入 good\.csv：3 个地点/);
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
    await findStatus(/已导入 gcj02\.csv/);
    const set = store.getState().siteSets[0]!;
    expect(set.crs).toBe('gcj02');
    expect(set.coords[0]).toBeCloseTo(121.4737, 4);
  });

  it('asks before importing the valid rows of a file with bad rows, naming the lines; cancel leaves earlier imports', async () => {
    const store = await renderApp();
    pick(file('good.csv'));
    await findStatus(/已导入 good\.csv/);
    pick(file('mixed-bad-rows.csv'));
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(alert).toHaveTextContent('mixed-bad-rows.csv：3 行有效，2 行有误，其中 1 个在上海市域外。');
    const errors = within(alert).getByTestId('sites-errors');
    expect(errors).toHaveTextContent('第 3 行');
    expect(errors).toHaveTextContent('"abc" 不是数字');
    expect(errors).toHaveTextContent('第 6 行');
    expect(errors).toHaveTextContent('缺少 lat');
    // 北京 (line 5) is outside Shanghai: an answer, not a bad row
    expect(errors).not.toHaveTextContent('第 5 行');
    expect(store.getState().siteSets).toHaveLength(1);
    fireEvent.click(within(alert).getByRole('button', { name: '取消' }));
    expect(store.getState().siteSets).toHaveLength(1);

    pick(file('mixed-bad-rows.csv'));
    fireEvent.click(await screen.findByRole('button', { name: '导入 3 个有效行，跳过 2 行' }));
    await screen.findByText(/跳过 2 行/, {}, { timeout: 20_000 });
    expect(store.getState().siteSets.map((s) => s.count)).toEqual([3, 3]);
    // the site outside Shanghai is listed and says so
    const second = within(screen.getByTestId('sites-sets'))
      .getAllByRole('listitem')
      .find((li) => li.getAttribute('data-set') === store.getState().siteSets[1]!.id)!;
    expect(within(second).getByText('北京天安门').closest('button')).toHaveTextContent('上海市域外');
    // each set's mark is the map's dot in the set's colour (the legend's swatch), the two sets' colours apart
    const dots = [...screen.getByTestId('sites-sets').querySelectorAll('.set-head svg circle')].map((c) => c.getAttribute('fill'));
    expect(dots).toHaveLength(2);
    expect(dots[0]).toMatch(/^#[0-9a-f]{6}$/i);
    expect(dots[1]).not.toBe(dots[0]);
    // its card opens; the camera stays (the map cannot show Beijing)
    const before = store.getState().cameraRequest;
    fireEvent.click(within(second).getByText('北京天安门'));
    await screen.findByRole('article', { name: '北京天安门' }, { timeout: 20_000 });
    expect(store.getState().cameraRequest).toBe(before);
    // one outside Shanghai that the map can show (Suzhou, west of every district): framed with the city beside it
    pick(new File(['lon,lat,name\n120.585,31.299,苏州站\n'], 'suzhou.csv', { type: 'text/csv' }));
    await findStatus(/已导入 suzhou\.csv/);
    fireEvent.click(within(screen.getByTestId('sites-sets')).getByText('苏州站'));
    await screen.findByRole('article', { name: '苏州站' }, { timeout: 20_000 });
    const city = districtBox(readGeoJson<{ features: Parameters<typeof districtBox>[0] }>('districts.geojson').features);
    expect(store.getState().cameraRequest?.bounds).toEqual([
      [120.585, city[0][1]],
      [city[1][0], city[1][1]],
    ]);
  });

  it.each([
    ['bad-header.csv', /没有 lon 和 lat 列/],
    ['empty.csv', /文件是空的/],
    ['binary.png', /二进制/],
  ])('refuses %s with a message and imports nothing', async (name, message) => {
    const store = await renderApp();
    pick(file(name, name.endsWith('.png') ? 'image/png' : 'text/csv'));
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(alert).toHaveTextContent(`${name} 无法导入`);
    expect(alert).toHaveTextContent(message);
    expect(store.getState().siteSets).toHaveLength(0);
  });

  it('imports a file dropped on the map', async () => {
    const store = await renderApp();
    const dt = { files: [file('sites.geojson', 'application/geo+json')], types: ['Files'] };
    fireEvent.drop(screen.getByTestId('map'), { dataTransfer: dt });
    await findStatus(/已导入 sites\.geojson：2 个地点/);
    expect(store.getState().siteSets[0]!.format).toBe('geojson');
  });

  it('opens a site card from the list, in both languages', async () => {
    const store = await renderApp();
    pick(file('good.csv'));
    await findStatus(/已导入 good\.csv/);
    // on a phone the sites are listed in the filters sheet, opened full; the site's card shows at
    // the foot of the map, so choosing a site folds the sheet
    fireEvent.click(screen.getByTestId('filters-button'));
    const app = document.querySelector('.app')!;
    expect(app.getAttribute('data-sheet-size')).toBe('full');
    fireEvent.click(within(screen.getByTestId('sites-sets')).getByText('张江科学城'));
    const card = await screen.findByRole('article', { name: '张江科学城' }, { timeout: 20_000 });
    expect(app.getAttribute('data-sheet-size')).toBe('peek');
    expect(card).toHaveTextContent('导入的地点');
    expect(card).toHaveTextContent('张江科技创新极');
    expect(card).toHaveTextContent('good.csv · 第 3 行');
    // its nearest parks, of those shown: the five at Zhangjiang's point, 1.53 km away (worked out by hand from
    // the two points), each with its own position's ± (the IC base's 0.5 km; the others' 5.5 km, wider than the distance)
    const near = within(card).getByTestId('site-nearest');
    expect([...near.querySelectorAll('[data-result-park]')].map((b) => b.getAttribute('data-result-park'))).toEqual([
      'ic-design-park',
      'zhangjiang-ic-base',
      'zhangjiang-innovative-drug-base',
      'zhangjiang-online',
      'zhangjiang-shulian',
    ]);
    expect(near.querySelector('[data-result-park="zhangjiang-ic-base"]')!.textContent).toMatch(/1\.5±0\.5 公里/);
    expect(near.querySelector('[data-result-park="ic-design-park"]')!.textContent).toMatch(/0–7\.0 公里/);
    // only parks the filters show: with the district filter on Jiading, Jiading's parks
    act(() => store.getState().setFindFilters({ districts: ['嘉定区'] }));
    const ids = () => [...within(card).getByTestId('site-nearest').querySelectorAll('[data-result-park]')].map((b) => b.getAttribute('data-result-park'));
    expect(ids()).toEqual(['jiading-smart-sensor-park']);
    act(() => store.getState().setFindFilters({ districts: [] }));
    expect(store.getState().cameraRequest).toMatchObject({ zoom: 12 });
    store.getState().setLang('en');
    await waitFor(() => expect(card).toHaveTextContent('Imported site'), { timeout: 20_000 });
    expect(card).toHaveTextContent('good.csv · line 3');
    // the zones it lies in, as an English list
    const zones = within(card).getByText('Zones').nextElementSibling!;
    expect(zones.textContent).toContain('Zhangjiang Science and Technology Innovation Pole (Zhangjiang Science City), ');
    expect(zones.textContent).not.toContain('、');
  });
});

describe('files as people have them', () => {
  const CSV = 'id,名称,经度,纬度\nG1,人民广场,121.4737,31.2304\nG2,张江科学城,121.5906,31.2036\n';

  it('reads a GBK file (Excel on Chinese Windows) and says so', async () => {
    const store = await renderApp();
    pick(bytesFile(iconv.encode(CSV, 'gbk'), 'gbk.csv'));
    const done = await findStatus(/已导入 gbk\.csv：2 个地点/);
    expect(done.closest('[data-phase]')).toHaveTextContent('读取编码：GBK / GB18030（自动识别）');
    expect(columnValues(store.getState().siteSets[0]!.names)).toEqual(['人民广场', '张江科学城']);
    expect(within(screen.getByTestId('sites-sets')).getByText('张江科学城')).toBeInTheDocument();
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text", tab-separated) and says so', async () => {
    const store = await renderApp();
    pick(bytesFile(iconv.encode(CSV.replace(/,/g, '\t'), 'utf-16le', { addBOM: true }), 'unicode.txt'));
    const done = await findStatus(/已导入 unicode\.txt：2 个地点/);
    expect(done.closest('[data-phase]')).toHaveTextContent('读取编码：UTF-16 LE（按文件的 BOM）');
    expect(columnValues(store.getState().siteSets[0]!.names)).toEqual(['人民广场', '张江科学城']);
  });

  it('the encoding can be chosen before importing', async () => {
    const store = await renderApp();
    fireEvent.change(screen.getByTestId('sites-encoding'), { target: { value: 'gb18030' } });
    pick(bytesFile(iconv.encode(CSV, 'gbk'), 'chosen.csv'));
    const done = await findStatus(/已导入 chosen\.csv/);
    expect(done.closest('[data-phase]')).toHaveTextContent('GBK / GB18030（按所选）');
    expect(stringAt(store.getState().siteSets[0]!.names, 0)).toBe('人民广场');
  });

  it('rows with lon/lat swapped are swapped and imported in one step', async () => {
    const store = await renderApp();
    const text = 'id,name,lon,lat\nA,ok,121.4737,31.2304\nB,swapped,31.2036,121.5906\nC,bad,x,31.2\n';
    pick(bytesFile(new TextEncoder().encode(text), 'swapped.csv'));
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(alert).toHaveTextContent('swapped.csv：1 行有效，2 行有误。');
    expect(alert).toHaveTextContent('经纬度看似对调');
    fireEvent.click(within(alert).getByTestId('sites-swap'));
    await findStatus(/已导入 swapped\.csv：2 个地点/);
    const set = store.getState().siteSets[0]!;
    expect(columnValues(set.ids)).toEqual(['A', 'B']);
    expect(set.coords[2]).toBeCloseTo(121.5906, 6);
    expect(set.districtNames[set.district[1]!]).toBe('浦东新区');
  });

  it('the coordinate system can be changed after import: the set is linked again in its place', async () => {
    const store = await renderApp();
    pick(file('gcj02.csv'));
    await findStatus(/已导入 gcj02\.csv/);
    const before = store.getState().siteSets[0]!;
    expect(before.crs).toBe('wgs84');
    expect(Math.abs(before.coords[0]! - 121.4737)).toBeGreaterThan(0.004);
    fireEvent.change(screen.getByTestId('site-set-crs'), { target: { value: 'gcj02' } });
    await waitFor(() => expect(store.getState().siteSets[0]!.crs).toBe('gcj02'));
    const after = store.getState().siteSets[0]!;
    expect(store.getState().siteSets).toHaveLength(1);
    expect(after.id).not.toBe(before.id);
    expect(after.coords[0]).toBeCloseTo(121.4737, 4);
    expect(after.coords[1]).toBeCloseTo(31.2304, 4);
    expect(columnValues(after.names)).toEqual(columnValues(before.names));
  });

  it('importing the same file twice warns first', async () => {
    const store = await renderApp();
    pick(file('good.csv'));
    await findStatus(/已导入 good\.csv/);
    pick(new File([readFileSync(join(FIX, 'good.csv'))], 'renamed.csv', { type: 'text/csv' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(within(alert).getByTestId('sites-duplicate')).toHaveTextContent('此文件已导入过（与 good.csv 内容相同）。');
    expect(store.getState().siteSets).toHaveLength(1);
    fireEvent.click(within(alert).getByRole('button', { name: '仍然导入' }));
    await findStatus(/已导入 renamed\.csv/);
    expect(store.getState().siteSets).toHaveLength(2);
  });

  it('markup in a name stays text; control and direction characters are removed with a note', async () => {
    const store = await renderApp();
    const text = 'id,name,lon,lat\nX,<img src=x onerror=alert(1)><b>bold</b>,121.4737,31.2304\nY,abc\u202edef,121.5,31.2\n';
    pick(bytesFile(new TextEncoder().encode(text), 'markup.csv'));
    await findStatus(/已导入 markup\.csv/);
    const list = screen.getByTestId('sites-sets');
    expect(within(list).getByText('<img src=x onerror=alert(1)><b>bold</b>')).toBeInTheDocument();
    expect(list.querySelector('img, b')).toBeNull();
    expect(stringAt(store.getState().siteSets[0]!.names, 1)).toBe('abcdef');
    expect(screen.getByTestId('sites-notes')).toHaveTextContent('1 行的 id 或名称含控制字符或文字方向字符，已删除');
  });
});

describe('export and share', () => {
  it('exports exactly the parks the list shows under a district filter', async () => {
    const store = await renderApp();
    // the list follows the data and the filters a render later (a deferred value)
    const all = await waitFor(() => {
      const ids = listedParkIds();
      expect(ids.length).toBeGreaterThan(0);
      return ids;
    });
    // the district list renders its options once opened
    screen.getByText('所在区').closest('details')!.open = true;
    const pudong = await waitFor(() => {
      const el = document.querySelector('input[data-district="浦东新区"]');
      if (!el) throw new Error('the district list has no options yet');
      return el;
    });
    fireEvent.click(pudong);
    await waitFor(() => expect(listedParkIds().length).toBeLessThan(all.length));
    const listed = listedParkIds();
    expect(listed.length).toBeGreaterThan(0);
    expect(screen.getByText(`当前显示的园区（${listed.length}）`)).toBeInTheDocument();
    const { text } = await exportResults(store, 'csv', { parks: true, sites: false });
    const exported = text
      .slice(1)
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    // the same parks, in the list's order (by name)
    expect(exported).toEqual(listed);
    // and with a sector filter on top, the list sorted by strength for it
    store.getState().setSectors(['ic']);
    store.getState().setSortBy('strength');
    const geo = JSON.parse((await exportResults(store, 'geojson', { parks: true, sites: false })).text);
    const ids = geo.features.map((f: { id: string }) => f.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(listed.length);
    expect([...ids].sort()).not.toEqual(ids); // not by id: the strongest first
    await waitFor(() => expect(listedParkIds()).toEqual(ids));
  });

  it('opening the share link puts the focus on it (the button that opened it is gone), ready to copy', async () => {
    await renderApp();
    fireEvent.click(screen.getByTestId('share-open'));
    const input = screen.getByTestId('share-url') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, input.value.length]);
  });

  it('exports the parks the filter shows plus the imported sites', async () => {
    const store = await renderApp();
    await importSiteFile(store, file('good.csv'));
    store.getState().setSectors(['ic']);
    const shown = selectVisibleParks(store.getState());
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(store.getState().derived!.parks.length);
    const now = new Date(2026, 11, 6, 9, 30);
    const { text, fileName } = await exportResults(store, 'csv', { parks: true, sites: true }, now);
    // the day it was written, in the name
    expect(fileName).toBe('shanghai-sei-parks-sites-2026-12-06.csv');
    expect(text.startsWith(BOM)).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(1 + shown.length + 3);
    const geo = JSON.parse((await exportResults(store, 'geojson', { parks: false, sites: true })).text);
    expect(geo.features.map((f: { id: string }) => f.id)).toEqual(['S1', 'S2', 'S3']);
    // the GeoJSON says where it comes from: when, the view's link, its filters, the data build
    const both = await exportResults(store, 'geojson', { parks: true, sites: true }, now);
    expect(both.fileName).toBe('shanghai-sei-parks-sites-2026-12-06.geojson');
    const meta = JSON.parse(both.text).metadata;
    expect(meta).toMatchObject({
      plan: '沪府办发〔2021〕10号',
      crs: 'WGS-84 (EPSG:4326)',
      parks: shown.length,
      sites: 3,
      exported_at: now.toISOString(),
      data_built_at: MANIFEST_BUILT_AT,
    });
    expect(meta.filters).toEqual({ sectors: ['ic'], broad_areas: false, districts: [], zones: [], confidence: [], basis: [], radius: null, area: null });
    expect(new URL(meta.view).searchParams.get('sector')).toBe('ic');
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
    const qr = await screen.findByTestId('share-qr', {}, { timeout: 20_000 });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(qr).toHaveAttribute('data-url', input.value);
  });
});
