import { beforeAll, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { LAYER_GROUP_IDS } from '../../src/domain/ids';
import type { GeoData } from '../../src/loaders/load-geo';
import { loadRealGeo, realGeoFixture } from '../fakes/geo-disk';
import { selectVisibleParks } from '../../src/state/selectors/parks';

const real = realGeoFixture();

let geo: GeoData;
beforeAll(async () => {
  geo = await loadRealGeo();
});

describe('createAppStore', () => {
  it('starts empty with every layer group on, Chinese, map loading', () => {
    const s = createAppStore().getState();
    expect(s.geo).toBeNull();
    expect(s.derived).toBeNull();
    expect(s.sectorFilter).toEqual([]);
    expect(s.selectedParkId).toBeNull();
    expect(s.selectedZoneId).toBeNull();
    expect(s.lang).toBe('zh');
    expect(s.mapStatus).toBe('loading');
    expect(s.onlineBasemap).toBe(false);
    expect(s.notices).toEqual([]);
    expect(Object.keys(s.layerVisibility).sort()).toEqual([...LAYER_GROUP_IDS].sort());
    expect(Object.values(s.layerVisibility).every((v) => v === true)).toBe(true);
  });

  it('makes independent stores', () => {
    const a = createAppStore();
    const b = createAppStore();
    a.getState().toggleSector('ic');
    a.getState().setLang('en');
    expect(b.getState().sectorFilter).toEqual([]);
    expect(b.getState().lang).toBe('zh');
  });
});

describe('filter slice', () => {
  it('toggleSector adds, then removes, keeping order', () => {
    const store = createAppStore();
    const { toggleSector } = store.getState();
    toggleSector('ic');
    toggleSector('ai-chips');
    toggleSector('biomed');
    expect(store.getState().sectorFilter).toEqual(['ic', 'ai-chips', 'biomed']);
    toggleSector('ai-chips');
    expect(store.getState().sectorFilter).toEqual(['ic', 'biomed']);
    toggleSector('ic');
    toggleSector('biomed');
    expect(store.getState().sectorFilter).toEqual([]);
  });

  it('setSectors replaces the selection and drops duplicates', () => {
    const store = createAppStore();
    store.getState().toggleSector('nev');
    store.getState().setSectors(['ic', 'ai', 'ic']);
    expect(store.getState().sectorFilter).toEqual(['ic', 'ai']);
    store.getState().setSectors([]);
    expect(store.getState().sectorFilter).toEqual([]);
  });
});

describe('selection slice', () => {
  it('selectPark clears the zone, selectZone clears the park', () => {
    const store = createAppStore();
    store.getState().selectZone('fintech-lujiazui');
    expect(store.getState().selectedZoneId).toBe('fintech-lujiazui');
    store.getState().selectPark('the-bund');
    expect(store.getState().selectedParkId).toBe('the-bund');
    expect(store.getState().selectedZoneId).toBeNull();
    store.getState().selectZone('ai-maqiao');
    expect(store.getState().selectedZoneId).toBe('ai-maqiao');
    expect(store.getState().selectedParkId).toBeNull();
  });

  it('clearSelection clears both', () => {
    const store = createAppStore();
    store.getState().selectPark('the-bund');
    store.getState().clearSelection();
    expect(store.getState().selectedParkId).toBeNull();
    expect(store.getState().selectedZoneId).toBeNull();
  });
});

describe('ui slice', () => {
  it('adds notices with distinct ids and dismisses only the one asked for', () => {
    const store = createAppStore();
    store.getState().addNotice('first');
    store.getState().addNotice('second', ['a', 'b']);
    const [a, b] = store.getState().notices;
    expect(a).toMatchObject({ text: 'first', details: [] });
    expect(b).toMatchObject({ text: 'second', details: ['a', 'b'] });
    expect(a!.id).not.toBe(b!.id);
    store.getState().dismissNotice(a!.id);
    expect(store.getState().notices).toEqual([b]);
    store.getState().dismissNotice(12345678);
    expect(store.getState().notices).toEqual([b]);
    store.getState().dismissNotice(b!.id);
    expect(store.getState().notices).toEqual([]);
  });

  it('notice ids are unique within a store, and each store counts its own (no module-level state)', () => {
    const s1 = createAppStore();
    const s2 = createAppStore();
    s1.getState().addNotice('x');
    s1.getState().addNotice('x');
    s2.getState().addNotice('y');
    const [a, b] = s1.getState().notices;
    expect(a!.id).not.toBe(b!.id);
    expect(s2.getState().notices[0]!.id).toBe(a!.id);
  });

  it('setLayerVisible switches one group only', () => {
    const store = createAppStore();
    store.getState().setLayerVisible('districts', false);
    const { layerVisibility: layers } = store.getState();
    expect(layers.districts).toBe(false);
    for (const id of LAYER_GROUP_IDS) if (id !== 'districts') expect(layers[id]).toBe(true);
    store.getState().setLayerVisible('districts', true);
    expect(store.getState().layerVisibility.districts).toBe(true);
  });

  it('setMapStatus sets the message, defaulting it to null', () => {
    const store = createAppStore();
    store.getState().setMapStatus('no-webgl', 'WebGL2 missing');
    expect(store.getState()).toMatchObject({ mapStatus: 'no-webgl', mapMessage: 'WebGL2 missing' });
    store.getState().setMapStatus('ready');
    expect(store.getState()).toMatchObject({ mapStatus: 'ready', mapMessage: null });
  });

  it('setLang and setOnlineBasemap', () => {
    const store = createAppStore();
    store.getState().setLang('en');
    store.getState().setOnlineBasemap(true);
    expect(store.getState()).toMatchObject({ lang: 'en', onlineBasemap: true });
  });
});

describe('view slice', () => {
  it('requestCamera makes a new request each time, even for the same place', () => {
    const store = createAppStore();
    store.getState().requestCamera(121.5, 31.2, 12);
    const first = store.getState().cameraRequest;
    expect(first).toMatchObject({ lng: 121.5, lat: 31.2, zoom: 12 });
    store.getState().requestCamera(121.5, 31.2, 12);
    const second = store.getState().cameraRequest;
    expect(second).not.toBe(first);
    expect(second!.seq).not.toBe(first!.seq);
    store.getState().requestCamera(121, 31);
    expect(store.getState().cameraRequest?.zoom).toBeNull();
  });

  it('requestDistrict frames a district by its box; a name the districts do not know asks for nothing', () => {
    const store = createAppStore();
    expect(store.getState().requestDistrict('嘉定区')).toBe(false);
    store.getState().setGeo(geo);
    expect(store.getState().requestDistrict('火星区')).toBe(false);
    expect(store.getState().cameraRequest).toBeNull();
    expect(store.getState().requestDistrict('崇明区')).toBe(true);
    // 崇明区: the islands of Chongming, Changxing and Hengsha, about 121.1–122.0 E, 31.3–31.9 N
    const r = store.getState().cameraRequest!;
    const [[w, south], [e, n]] = r.bounds!;
    expect([w > 121.0 && w < 121.3, e > 121.8 && e < 122.1, south > 31.2 && south < 31.45, n > 31.75 && n < 31.95]).toEqual([true, true, true, true]);
    // the centre of the box, for the sync's choice of fit over flight
    expect([r.lng, r.lat, r.zoom]).toEqual([(w + e) / 2, (south + n) / 2, null]);
  });

  it('requestBesideCity frames a point outside Shanghai with the city; before the districts are in, a flight at a regional zoom', () => {
    const store = createAppStore();
    store.getState().requestBesideCity(120.155, 30.274);
    expect(store.getState().cameraRequest).toMatchObject({ lng: 120.155, lat: 30.274, zoom: 7, bounds: null });
    store.getState().setGeo(geo);
    store.getState().requestBesideCity(120.155, 30.274); // Hangzhou: south-west of every district
    const [[w, south], [e, n]] = store.getState().cameraRequest!.bounds!;
    // Shanghai reaches about 122.0 E (east) and 31.9 N (north of Chongming); Hangzhou sets the west and the south
    expect([w, south]).toEqual([120.155, 30.274]);
    expect([e > 121.85 && e < 122.1, n > 31.75 && n < 31.95]).toEqual([true, true]);
  });

  it('setCamera stores the camera', () => {
    const store = createAppStore();
    store.getState().setCamera({ zoom: 10, lat: 31.2, lng: 121.4 });
    expect(store.getState().camera).toEqual({ zoom: 10, lat: 31.2, lng: 121.4 });
  });
});

describe('data slice (real data)', () => {
  it('setGeo derives parks, zones, the sector nodes and parks-in-zone', () => {
    const store = createAppStore();
    store.getState().setGeo(geo);
    const d = store.getState().derived!;
    expect(store.getState().geo).toBe(geo);
    expect(d.parks).toHaveLength(42);
    expect(d.zones).toHaveLength(31);
    expect(d.parkCoords.get('the-bund')).toHaveLength(2);
    expect(d.sectorNodes.get('ai-chips')).toMatchObject({ top: 'ai', isTop: false });
    expect(d.sectorNodes.get('ic')).toMatchObject({ top: 'ic', isTop: true });
    // parksInZone is the inverse of park.zones
    for (const p of d.parks) for (const z of p.zones) expect(d.parksInZone.get(z)).toContain(p.id);
    expect(d.parksInZone.get('fintech-riverside')?.sort()).toEqual(
      d.parks
        .filter((p) => p.zones.includes('fintech-riverside'))
        .map((p) => p.id)
        .sort(),
    );
    expect(d.districtLabels.features).toHaveLength(16);
    expect(d.provinces.features.every((f) => f.properties?.kind === 'province')).toBe(true);
    expect(d.basemapLines.features.some((f) => f.properties?.kind === 'province')).toBe(false);
  });
});

describe('memoised selectors', () => {
  it('cache per store: two stores with different filters never see each other’s result', () => {
    const a = real.store();
    const b = real.store();
    a.getState().setSectors(['ic']);
    b.getState().setFindFilters({ districts: ['黄浦区'] });
    const inA = selectVisibleParks(a.getState());
    const inB = selectVisibleParks(b.getState());
    // read again, interleaved: each store keeps its own result object
    expect(selectVisibleParks(a.getState())).toBe(inA);
    expect(selectVisibleParks(b.getState())).toBe(inB);
    expect(inA.every((p) => p.sectors.includes('ic'))).toBe(true);
    expect(inB.map((p) => p.district)).toEqual(inB.map(() => '黄浦区'));
    expect(inA).not.toEqual(inB);
  });

  it('recompute when an input changes, and only then', () => {
    const store = real.store();
    const first = selectVisibleParks(store.getState());
    store.getState().setLang('en');
    expect(selectVisibleParks(store.getState())).toBe(first);
    store.getState().toggleConf('sourced');
    const next = selectVisibleParks(store.getState());
    expect(next).not.toBe(first);
    expect(next.map((p) => p.confidence)).toEqual(next.map(() => 'sourced'));
  });
});
