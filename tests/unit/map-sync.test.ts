import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { sourceData, storeHandlers, syncMapWithStore } from '../../src/map/map-sync';
import { SOURCES } from '../../src/map/layers';
import { createAppStore } from '../../src/state/store';
import type { AppStore } from '../../src/state/store';
import { parksForSelection, zonesForSelection } from '../../src/state/filter';
import { SECTOR_COLORS } from '../../src/theme/sectors';
import type { GeoData } from '../../src/loaders/load-geo';
import { loadRealGeo } from '../fakes/geo-disk';
import { FakeMapController } from '../fakes/fake-map-controller';

let geo: GeoData;
let fake: FakeMapController;
let store: AppStore;

beforeAll(async () => {
  geo = await loadRealGeo();
});
beforeEach(() => {
  FakeMapController.reset();
  fake = new FakeMapController();
  store = createAppStore();
});

const sectorsFile = () => (geo.sectors.ok ? geo.sectors.data : null);
const derivedParks = () => store.getState().derived!.parks;
const derivedZones = () => store.getState().derived!.zones;

describe('syncMapWithStore: data', () => {
  it('pushes nothing but the UI state before data arrives', () => {
    const stop = syncMapWithStore(fake.asController(), store);
    expect(fake.setData).not.toHaveBeenCalled();
    expect(fake.setParkFilter).not.toHaveBeenCalled();
    // the current UI state is pushed immediately
    expect(fake.setLang).toHaveBeenCalledWith('zh');
    expect(fake.setSelectedPark).toHaveBeenCalledWith(null);
    expect(fake.setGroupVisibility).toHaveBeenCalledWith(store.getState().layers);
    expect(fake.setOnlineBasemap).toHaveBeenCalledWith(false);
    expect(fake.flyTo).not.toHaveBeenCalled();
    stop();
  });

  it('pushes data for every source once the store has data', () => {
    const stop = syncMapWithStore(fake.asController(), store);
    store.getState().setGeo(geo);
    const pushed = fake.calls('setData').map(([id]) => id);
    expect([...new Set(pushed)].sort()).toEqual([...SOURCES].sort());
    expect(pushed).toHaveLength(SOURCES.length); // each once
    const data = new Map(fake.calls('setData').map(([id, fc]) => [id, fc as FeatureCollection]));
    expect(data.get('parks')!.features).toHaveLength(42);
    expect(data.get('zones')).toBe(geo.zones.ok ? geo.zones.data : undefined);
    expect(data.get('districts')!.features).toHaveLength(16);
    expect(data.get('district-labels')!.features).toHaveLength(16);
    expect(data.get('district-labels')!.features.every((f) => f.geometry.type === 'Point')).toBe(true);
    expect(data.get('zone-labels')!.features.length).toBeGreaterThan(0);
    expect(data.get('footprints')!.features.length).toBeGreaterThan(0);
    // flat park properties (MapLibre stringifies nested ones)
    for (const f of data.get('parks')!.features) for (const v of Object.values(f.properties ?? {})) expect(typeof v === 'object' && v !== null).toBe(false);
    // no filter yet
    expect(fake.lastCall('setParkFilter')).toEqual([null]);
    expect(fake.lastCall('setZoneEmphasis')).toEqual([null]);
    stop();
  });

  it('pushes the data when subscribed after it has loaded (fires immediately)', () => {
    store.getState().setGeo(geo);
    const stop = syncMapWithStore(fake.asController(), store);
    expect(new Set(fake.calls('setData').map(([id]) => id))).toEqual(new Set(SOURCES));
    stop();
  });

  it('sourceData gives the map its start-up data: the very objects setData then sends (no second upload)', () => {
    expect(sourceData(store.getState())).toBeNull();
    store.getState().setGeo(geo);
    const initial = sourceData(store.getState())!;
    expect(Object.keys(initial).sort()).toEqual([...SOURCES].sort());
    expect((initial.parks as FeatureCollection).features).toHaveLength(42);
    const stop = syncMapWithStore(fake.asController(), store);
    // MapController drops a setData whose collection is the one it already has (identity)
    for (const [id, fc] of fake.calls('setData')) expect(fc, id).toBe(initial[id]);
    // a new selection recolours the parks: a new collection, and the same one for both paths
    store.getState().toggleSector('ic');
    const [, recoloured] = fake.lastCall('setData')!;
    expect(recoloured).not.toBe(initial.parks);
    expect(sourceData(store.getState())!.parks).toBe(recoloured);
    stop();
  });

  it('draws a source whose file failed as empty (so the map still gets ready), and still pushes the rest', () => {
    const broken: GeoData = { ...geo, zones: { ok: false, error: 'zones.geojson: HTTP 404' } };
    const stop = syncMapWithStore(fake.asController(), store);
    store.getState().setGeo(broken);
    const pushed = new Set(fake.calls('setData').map(([id]) => id));
    const zones = fake.calls('setData').find(([id]) => id === 'zones');
    expect((zones![1] as GeoJSON.FeatureCollection).features).toEqual([]);
    expect(pushed.has('parks')).toBe(true);
    expect(pushed.has('districts')).toBe(true);
    stop();
  });
});

describe('syncMapWithStore: filter', () => {
  it('a filter change sends the filtered park ids and the designated zones', () => {
    store.getState().setGeo(geo);
    const stop = syncMapWithStore(fake.asController(), store);
    fake.clearLog();
    store.getState().toggleSector('ic');
    const parks = parksForSelection(derivedParks(), ['ic'], sectorsFile());
    const zones = zonesForSelection(derivedZones(), ['ic'], sectorsFile());
    expect(parks.length).toBeGreaterThan(0);
    expect(parks.length).toBeLessThan(42);
    expect(fake.calls('setParkFilter')).toEqual([[parks]]);
    expect(fake.calls('setZoneEmphasis')).toEqual([[zones]]);
    expect(zones).toEqual(expect.arrayContaining(['ic-body-zhangjiang', 'ic-wing-lingang', 'ic-wing-jiading']));
    // parks are re-coloured for the selection: every park drawn in ic's colour links to ic
    const fc = fake.lastCall('setData');
    expect(fc?.[0]).toBe('parks');
    for (const f of (fc![1] as FeatureCollection).features) if (parks.includes(String(f.properties?.id))) expect(f.properties?.color).toBe(SECTOR_COLORS.ic);
    stop();
  });

  it('sends the fintech zones for fintech, and a park filter that only holds fintech parks', () => {
    store.getState().setGeo(geo);
    const stop = syncMapWithStore(fake.asController(), store);
    store.getState().setSectors(['fintech']);
    expect([...(fake.lastCall('setZoneEmphasis')![0] ?? [])].sort()).toEqual(
      ['fintech-lingang', 'fintech-lujiazui', 'fintech-riverside', 'fintech-zhangjiang'].sort(),
    );
    const ids = fake.lastCall('setParkFilter')![0]!;
    for (const id of ids)
      expect(
        derivedParks()
          .find((p) => p.id === id)!
          .links.some((l) => l.node === 'fintech'),
      ).toBe(true);
    stop();
  });

  it('clearing the filter sends null to both', () => {
    store.getState().setGeo(geo);
    const stop = syncMapWithStore(fake.asController(), store);
    store.getState().toggleSector('biomed');
    expect(fake.lastCall('setParkFilter')![0]).not.toBeNull();
    store.getState().toggleSector('biomed');
    expect(fake.lastCall('setParkFilter')).toEqual([null]);
    expect(fake.lastCall('setZoneEmphasis')).toEqual([null]);
    stop();
  });

  it('unrelated changes do not re-send the filter or the data', () => {
    store.getState().setGeo(geo);
    const stop = syncMapWithStore(fake.asController(), store);
    fake.clearLog();
    store.getState().addNotice('hello');
    store.getState().setMapStatus('ready');
    store.getState().setCamera({ zoom: 10, lat: 31, lng: 121 });
    expect(fake.log).toEqual([]);
    stop();
  });
});

describe('syncMapWithStore: selection, layers, language, camera', () => {
  it('selecting a park calls setSelectedPark; clearing sends null', () => {
    store.getState().setGeo(geo);
    const stop = syncMapWithStore(fake.asController(), store);
    store.getState().selectPark('the-bund');
    expect(fake.lastCall('setSelectedPark')).toEqual(['the-bund']);
    store.getState().selectZone('fintech-lujiazui');
    expect(fake.lastCall('setSelectedPark')).toEqual([null]);
    stop();
  });

  it('requestCamera → flyTo (zoom undefined when not given); repeated requests fly again', () => {
    const stop = syncMapWithStore(fake.asController(), store);
    store.getState().requestCamera(121.5, 31.2, 12);
    store.getState().requestCamera(121.5, 31.2, 12);
    store.getState().requestCamera(121.4, 31.1);
    expect(fake.calls('flyTo')).toEqual([
      [121.5, 31.2, 12],
      [121.5, 31.2, 12],
      [121.4, 31.1, undefined],
    ]);
    stop();
  });

  it('lang → setLang', () => {
    const stop = syncMapWithStore(fake.asController(), store);
    store.getState().setLang('en');
    expect(fake.lastCall('setLang')).toEqual(['en']);
    store.getState().setLang('zh');
    expect(fake.calls('setLang')).toEqual([['zh'], ['en'], ['zh']]);
    stop();
  });

  it('layer switches → setGroupVisibility; online basemap → setOnlineBasemap', () => {
    const stop = syncMapWithStore(fake.asController(), store);
    store.getState().setLayerVisible('districts', false);
    expect(fake.lastCall('setGroupVisibility')![0]).toMatchObject({ districts: false, parks: true });
    store.getState().setOnlineBasemap(true);
    expect(fake.lastCall('setOnlineBasemap')).toEqual([true]);
    stop();
  });

  it('unsubscribe stops every call', () => {
    const stop = syncMapWithStore(fake.asController(), store);
    stop();
    fake.clearLog();
    store.getState().setGeo(geo);
    store.getState().toggleSector('ic');
    store.getState().selectPark('the-bund');
    store.getState().setLang('en');
    store.getState().requestCamera(121, 31, 10);
    store.getState().setLayerVisible('parks', false);
    store.getState().setOnlineBasemap(true);
    expect(fake.log).toEqual([]);
  });
});

describe('storeHandlers', () => {
  it('onParkClick selects the park (and clears a zone)', () => {
    const h = storeHandlers(store);
    store.getState().selectZone('ai-maqiao');
    h.onParkClick('the-bund');
    expect(store.getState()).toMatchObject({ park: 'the-bund', zone: null });
  });

  it('onZoneClick selects the zone', () => {
    const h = storeHandlers(store);
    store.getState().selectPark('the-bund');
    h.onZoneClick('ai-maqiao');
    expect(store.getState()).toMatchObject({ park: null, zone: 'ai-maqiao' });
  });

  it('onEmptyClick clears the selection', () => {
    const h = storeHandlers(store);
    store.getState().selectPark('the-bund');
    h.onEmptyClick();
    expect(store.getState()).toMatchObject({ park: null, zone: null });
  });

  it("onReady sets mapStatus 'ready'", () => {
    const h = storeHandlers(store);
    expect(store.getState().mapStatus).toBe('loading');
    h.onReady();
    expect(store.getState().mapStatus).toBe('ready');
  });

  it('onMoveEnd stores the camera', () => {
    storeHandlers(store).onMoveEnd({ zoom: 11, lat: 31.2, lng: 121.5 });
    expect(store.getState().camera).toEqual({ zoom: 11, lat: 31.2, lng: 121.5 });
  });

  it('onError shows one notice, however many errors follow', () => {
    const h = storeHandlers(store);
    h.onError('tile failed');
    h.onError('tile failed again');
    expect(store.getState().notices).toHaveLength(1);
    expect(store.getState().notices[0]!.details).toEqual(['tile failed']);
  });

  it('a click handler drives the map through syncMapWithStore (round trip)', () => {
    store.getState().setGeo(geo);
    const stop = syncMapWithStore(fake.asController(), store);
    storeHandlers(store).onParkClick('dongfang-xingang');
    expect(fake.lastCall('setSelectedPark')).toEqual(['dongfang-xingang']);
    stop();
  });
});
