import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { applyUrlState, currentUrlState, describeNotice, knownFrom, readUrl, startUrlSync } from '../../src/state/url/sync';
import { decodeUrl, formatUrlState } from '../../src/state/url/codec';
import { t } from '../../src/i18n';
import { realGeoFixture } from '../fakes/geo-disk';
import { fakeWindow } from '../fakes/fake-window';

const real = realGeoFixture();
const storeWithData = real.store;

describe('knownFrom', () => {
  it('knows the real sector nodes, parks, zones and district names once data is loaded', () => {
    const k = knownFrom(storeWithData());
    expect(k.sectors.has('ic')).toBe(true);
    expect(k.sectors.has('ai-chips')).toBe(true);
    expect(k.parks.size).toBe(42);
    expect(k.zones.size).toBe(31);
    expect(k.districts.has('浦东新区')).toBe(true);
  });

  it('knows nothing before data is loaded', () => {
    const k = knownFrom(createAppStore());
    expect([k.sectors.size, k.parks.size, k.zones.size, k.districts.size]).toEqual([0, 0, 0, 0]);
  });
});

describe('applyUrlState (real data)', () => {
  it('sets sectors, park and lang, and asks the map to go to the park', () => {
    const store = storeWithData();
    const notices = applyUrlState(store, decodeUrl('?sector=ic,ai-chips&park=the-bund&lang=en', ''));
    const s = store.getState();
    expect(notices).toEqual([]);
    expect(s.sectorFilter).toEqual(['ic', 'ai-chips']);
    expect(s.selectedParkId).toBe('the-bund');
    expect(s.selectedZoneId).toBeNull();
    expect(s.lang).toBe('en');
    expect(s.notices).toEqual([]);
    const at = s.derived!.parkCoords.get('the-bund')!;
    expect(s.cameraRequest).toMatchObject({ lng: at[0], lat: at[1], zoom: 12 });
  });

  it('does not move the camera to the park when the URL has a camera', () => {
    const store = storeWithData();
    applyUrlState(store, decodeUrl('?park=the-bund', '#10.00/31.2000/121.5000'));
    expect(store.getState().selectedParkId).toBe('the-bund');
    expect(store.getState().cameraRequest).toBeNull();
  });

  it('selects a zone', () => {
    const store = storeWithData();
    applyUrlState(store, decodeUrl('?zone=fintech-lujiazui', ''));
    expect(store.getState().selectedZoneId).toBe('fintech-lujiazui');
    expect(store.getState().selectedParkId).toBeNull();
  });

  it('keeps the known values, drops unknown ones and adds one notice naming them', () => {
    const store = storeWithData();
    const notices = applyUrlState(store, decodeUrl('?sector=ic,bogus&park=nowhere', ''));
    const s = store.getState();
    expect(s.sectorFilter).toEqual(['ic']);
    expect(s.selectedParkId).toBeNull();
    expect(notices.map((n) => [n.param, n.value])).toEqual([
      ['sector', 'bogus'],
      ['park', 'nowhere'],
    ]);
    expect(s.notices).toHaveLength(1);
    expect(s.notices[0]!.text).toBe(t('zh', 'urlIgnored'));
    expect(s.notices[0]!.details).toEqual(notices.map((n) => describeNotice(n, 'zh')));
    expect(s.notices[0]!.details).toEqual(['sector=bogus：未知的值', 'park=nowhere：未知的值']);
  });

  it('writes the notice in the language of the URL', () => {
    const store = storeWithData();
    applyUrlState(store, decodeUrl('?lang=en&foo=1', ''));
    expect(store.getState().notices[0]?.text).toBe(t('en', 'urlIgnored'));
    expect(store.getState().notices[0]?.details).toEqual(['foo=1: unknown parameter']);
  });

  it('gives each reason in Chinese in a Chinese page, and as written in an English one', () => {
    const url = decodeUrl(
      '?sheet=half&sector=ic&sector=biomed&v=9&q=' + 'x'.repeat(150) + '&tour=abc&pt=here&r=-3&area=%%&profile=nowhere&broad=2',
      '#12/abc/121',
    );
    const zh = storeWithData();
    applyUrlState(zh, url);
    expect(zh.getState().notices[0]!.details).toEqual([
      'sheet=half：未知参数',
      'sector=biomed：参数重复，采用第一个',
      'v=9：不支持的版本，按第 1 版读取',
      `q=${'x'.repeat(59)}…：搜索文字截为 100 个字符`,
      'tour=abc：不是整数',
      'pt=here：应为“经度,纬度”或“park:园区编号”',
      'r=-3：应为以公里计的半径，大于 0，不超过 200',
      'area=%%：百分号编码无效',
      'profile=nowhere：未知的区',
      'broad=2：应为 1',
      'camera=12/abc/121：不是数字（应为“缩放级别/纬度/经度”）',
    ]);
    const en = storeWithData();
    applyUrlState(en, decodeUrl('?lang=en&sheet=half&tour=abc', '#99/31/121'));
    expect(en.getState().notices[0]!.details).toEqual([
      'sheet=half: unknown parameter',
      'tour=abc: not a whole number',
      'camera=99/31/121: camera out of range',
    ]);
  });

  it('an empty URL resets to the defaults and adds no notice', () => {
    const store = storeWithData();
    store.getState().setSectors(['ic']);
    store.getState().setLang('en');
    applyUrlState(store, decodeUrl('', ''));
    expect(store.getState()).toMatchObject({ sectorFilter: [], lang: 'zh', selectedParkId: null, selectedZoneId: null, notices: [] });
  });
});

describe('readUrl', () => {
  it('reads a valid camera hash before any data has loaded, and ignores anything else', () => {
    expect(readUrl({ search: '', hash: '#10.50/31.2304/121.4737' }).camera).toEqual({ zoom: 10.5, lat: 31.2304, lng: 121.4737 });
    expect(readUrl({ search: '', hash: '' }).camera).toBeNull();
    expect(readUrl({ search: '', hash: '#nonsense' }).camera).toBeNull();
    expect(readUrl({ search: '', hash: '#10/95/121' }).camera).toBeNull();
  });

  it('keeps the query in URL order, for the data to check later', () => {
    const url = readUrl({ search: '?park=x&zzz=1&sector=ic', hash: '' });
    expect(url.entries.map((e) => (e.kind === 'param' ? `${e.param}=${e.value}` : `!${e.param}`))).toEqual(['park=x', '!zzz', 'sector=ic']);
  });
});

describe('currentUrlState', () => {
  it('mirrors the store', () => {
    const store = storeWithData();
    store.getState().setSectors(['biomed']);
    store.getState().selectPark('the-bund');
    store.getState().setCamera({ zoom: 9, lat: 31, lng: 121 });
    expect(currentUrlState(store)).toMatchObject({ sectors: ['biomed'], park: 'the-bund', zone: null, lang: 'zh', camera: { zoom: 9, lat: 31, lng: 121 } });
  });
});

describe('startUrlSync (fake window, fake timers)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes ?sector=ic after toggleSector, once the debounce has passed', () => {
    vi.useFakeTimers();
    const store = storeWithData();
    const win = fakeWindow('/');
    const stop = startUrlSync(store, win.asWindow(), 250);
    store.getState().toggleSector('ic');
    vi.advanceTimersByTime(200);
    expect(win.history.replaceState).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(win.history.replaceState).toHaveBeenCalledTimes(1);
    expect(win.history.replaceState).toHaveBeenLastCalledWith(null, '', '/?sector=ic');
    stop();
  });

  it('writes the camera hash after setCamera (rounded like MapLibre)', () => {
    vi.useFakeTimers();
    const store = storeWithData();
    const win = fakeWindow('/');
    const stop = startUrlSync(store, win.asWindow(), 250);
    store.getState().toggleSector('ic');
    vi.advanceTimersByTime(300);
    store.getState().setCamera({ zoom: 10.5, lat: 31.230412, lng: 121.473689 });
    vi.advanceTimersByTime(300);
    expect(win.written()).toEqual(['/?sector=ic', '/?sector=ic#10.50/31.2304/121.4737']);
    stop();
  });

  it('debounces a burst of changes into one write of the final state', () => {
    vi.useFakeTimers();
    const store = storeWithData();
    const win = fakeWindow('/');
    const stop = startUrlSync(store, win.asWindow(), 250);
    store.getState().toggleSector('ic');
    vi.advanceTimersByTime(100);
    store.getState().toggleSector('biomed');
    vi.advanceTimersByTime(100);
    store.getState().selectPark('the-bund');
    vi.advanceTimersByTime(100);
    store.getState().setLang('en');
    vi.advanceTimersByTime(1000);
    expect(win.written()).toEqual(['/?sector=ic,biomed&park=the-bund&lang=en']);
    stop();
  });

  it('keeps the pathname and clears the query when the state is back to default', () => {
    vi.useFakeTimers();
    const store = storeWithData();
    const win = fakeWindow('/sub/dir/?sector=ic');
    store.getState().setSectors(['ic']);
    const stop = startUrlSync(store, win.asWindow(), 250);
    store.getState().setSectors([]);
    vi.advanceTimersByTime(300);
    expect(win.written()).toEqual(['/sub/dir/']);
    stop();
  });

  it('does not write when the URL already says the same, or for state the URL does not hold', () => {
    vi.useFakeTimers();
    const store = storeWithData();
    store.getState().setSectors(['ic']);
    const win = fakeWindow('/?sector=ic');
    const stop = startUrlSync(store, win.asWindow(), 250);
    store.getState().setSectors(['ic']); // new array, same URL
    store.getState().addNotice('x');
    store.getState().setFindMode('pick');
    store.getState().setMapStatus('ready');
    vi.advanceTimersByTime(1000);
    expect(win.history.replaceState).not.toHaveBeenCalled();
    stop();
  });

  it('cleans the URL at once when it starts (rejected parameters do not linger)', () => {
    vi.useFakeTimers();
    const store = storeWithData();
    applyUrlState(store, decodeUrl('?sector=ic,bogus&zzz=1', ''));
    const win = fakeWindow('/?sector=ic,bogus&zzz=1');
    const stop = startUrlSync(store, win.asWindow(), 250);
    expect(win.written()).toEqual(['/?sector=ic']);
    stop();
  });

  it('stops writing (and drops a pending write) once stopped', () => {
    vi.useFakeTimers();
    const store = storeWithData();
    const win = fakeWindow('/');
    const stop = startUrlSync(store, win.asWindow(), 250);
    store.getState().toggleSector('ic');
    stop();
    vi.advanceTimersByTime(1000);
    store.getState().toggleSector('ai');
    vi.advanceTimersByTime(1000);
    expect(win.history.replaceState).not.toHaveBeenCalled();
  });

  it('a URL read by applyUrlState and written back by startUrlSync round-trips', () => {
    vi.useFakeTimers();
    const store = storeWithData();
    applyUrlState(store, decodeUrl('?sector=ai-chips,fintech&zone=fintech-riverside&lang=en', '#11.00/31.2400/121.4900'));
    const win = fakeWindow('/');
    store.getState().setCamera({ zoom: 11, lat: 31.24, lng: 121.49 });
    const stop = startUrlSync(store, win.asWindow(), 250);
    vi.advanceTimersByTime(300);
    expect(win.written()).toEqual(['/?sector=ai-chips,fintech&zone=fintech-riverside&lang=en#11.00/31.2400/121.4900']);
    stop();
  });
});

describe('a share link keeps the work (every field round-trips through the URL)', () => {
  const area = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [121.5, 31.15],
        [121.7, 31.15],
        [121.7, 31.3],
        [121.5, 31.3],
        [121.5, 31.15],
      ],
    ],
  };

  it('comparison, chosen place, radius, sort, drawn area and layer switches', async () => {
    vi.useFakeTimers();
    const a = storeWithData();
    const s = a.getState();
    s.setSectors(['biomed']);
    s.setFindFilters({ districts: ['浦东新区'], conf: ['estimate'] });
    s.setCompare(['shengming-lanwan', 'the-bund']);
    s.setChosenPoint({ lng: 0, lat: 0, ref: { kind: 'zone', id: 'lingang-pole' } });
    s.setRadiusKm(12.5);
    s.setSortBy('distance');
    s.setLayerVisible('basemap', false);
    s.setLayerVisible('hBelt', false);
    vi.useRealTimers();
    await s.setDrawnArea(area);
    const win = fakeWindow('/');
    vi.useFakeTimers();
    const stop = startUrlSync(a, win.asWindow(), 250);
    stop();
    const written = String(vi.mocked(win.history.replaceState).mock.calls.at(-1)![2]);
    expect(written).toContain('cmp=shengming-lanwan,the-bund');
    expect(written).toContain('pt=zone:lingang-pole');
    expect(written).toContain('r=12.5');
    expect(written).toContain('sort=distance');
    expect(written).toContain('off=basemap,hBelt');
    expect(written).toMatch(/area=[A-Za-z0-9_-]{10,80}(&|#|$)/);
    expect(written.length).toBeLessThan(400);

    // a second window opens the link
    const b = storeWithData();
    const [search, hash = ''] = written.replace(/^\//, '').split('#');
    expect(applyUrlState(b, decodeUrl(search!, hash ? `#${hash}` : ''))).toEqual([]);
    vi.useRealTimers();
    await new Promise((r) => setTimeout(r, 0));
    const t2 = b.getState();
    expect(t2.sectorFilter).toEqual(['biomed']);
    expect(t2.districtFilter).toEqual(['浦东新区']);
    expect(t2.confFilter).toEqual(['estimate']);
    expect(t2.compareParkIds).toEqual(['shengming-lanwan', 'the-bund']);
    expect(t2.chosenPoint?.ref).toEqual({ kind: 'zone', id: 'lingang-pole' });
    const label = t2.derived!.zoneLabels.features.find((f) => f.properties.id === 'lingang-pole')!.geometry.coordinates;
    expect([t2.chosenPoint!.lng, t2.chosenPoint!.lat]).toEqual(label);
    expect(t2.radiusKm).toBe(12.5);
    expect(t2.sortBy).toBe('distance');
    expect(t2.drawnArea?.coordinates[0]).toEqual(area.coordinates[0]);
    expect(t2.layerVisibility.basemap).toBe(false);
    expect(t2.layerVisibility.hBelt).toBe(false);
    expect(t2.layerVisibility.parks).toBe(true);
  });

  it('a point given by coordinates round-trips to 5 decimals', () => {
    const a = storeWithData();
    a.getState().setChosenPoint({ lng: 121.473712345, lat: 31.230412345, ref: null });
    const { search } = formatUrlState(currentUrlState(a));
    expect(search).toBe('?pt=121.47371,31.23041');
    const b = storeWithData();
    applyUrlState(b, decodeUrl(search, ''));
    expect(b.getState().chosenPoint).toEqual({ lng: 121.47371, lat: 31.23041, ref: null });
  });

  it('bad values are dropped with a notice each; the rest applies', () => {
    const b = storeWithData();
    const notices = applyUrlState(b, decodeUrl('?cmp=the-bund,nope&pt=999,1&r=-3&area=!!&off=basemap,roads&sort=size', ''));
    expect(notices.map((n) => `${n.param}=${n.value}`)).toEqual(['cmp=nope', 'pt=999,1', 'r=-3', 'area=!!', 'off=roads', 'sort=size']);
    expect(b.getState().compareParkIds).toEqual(['the-bund']);
    expect(b.getState().chosenPoint).toBeNull();
    expect(b.getState().layerVisibility.basemap).toBe(false);
  });
});
