import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { syncBase } from '../../src/map/sync/base';
import { mapZoneLabels, mapZones, metresToPxAtZoom0, parksSource, styleData } from '../../src/map/sync/source-data';
import { createMapSync } from '../../src/map/sync';
import { placesUnder } from '../../src/map/sync/clicks';
import type { MapClick, MapHit } from '../../src/map/map-port';
import { STYLE_SOURCES } from '../../src/map/layers';
import type { LayerId } from '../../src/map/layers';
import { createAppStore } from '../../src/state/store';
import type { AppStore } from '../../src/state/store';
import { zonesForSelection } from '../../src/state/filter';
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
/** the base sync, as MapView starts it (with its own parks cache) */
const syncMapWithStore = (port: FakeMapController, st: AppStore = store) => syncBase(port, st, parksSource());

const PARK_LAYERS = ['parks-halo', 'parks-basis', 'parks-circle', 'parks-label'] as const;
const ESTIMATED = ['!=', ['get', 'confidence'], 'sourced'];
const shownParks = () => fake.shownParks();
const shownZones = () => fake.emphasisedZones();
const ringed = () => fake.ringedPark();

describe('syncMapWithStore: data', () => {
  it('pushes nothing but the UI state before data arrives', () => {
    const stop = syncMapWithStore(fake);
    expect(fake.setData).not.toHaveBeenCalled();
    expect(fake.setFilter.mock.calls.map(([id]) => id)).toEqual(['parks-selected', 'parks-selected-label']);
    expect(fake.setPaint).not.toHaveBeenCalled();
    // the current UI state is pushed immediately
    expect(fake.setLang).toHaveBeenCalledWith('zh');
    expect(ringed()).toBeNull();
    expect(fake.setGroupVisibility).toHaveBeenCalledWith(store.getState().layerVisibility);
    expect(fake.setGroupVisibility).toHaveBeenCalledWith({ online: false });
    expect(fake.flyTo).not.toHaveBeenCalled();
    stop();
  });

  it('pushes data for every source once the store has data', () => {
    const stop = syncMapWithStore(fake);
    store.getState().setGeo(geo);
    const pushed = fake.calls('setData').map(([id]) => id);
    expect([...new Set(pushed)].sort()).toEqual([...STYLE_SOURCES].sort());
    expect(pushed).toHaveLength(STYLE_SOURCES.length); // each once
    const data = new Map(fake.calls('setData').map(([id, fc]) => [id, fc as FeatureCollection]));
    expect(data.get('parks')!.features).toHaveLength(42);
    // the zones as loaded (same geometry objects, same properties), plus the map's own marks
    const zonesIn = geo.zones.ok ? geo.zones.data.features : [];
    const zonesOut = data.get('zones')!.features;
    expect(zonesOut).toHaveLength(zonesIn.length);
    zonesIn.forEach((f, k) => {
      expect(zonesOut[k]!.geometry).toBe(f.geometry);
      expect(zonesOut[k]!.properties).toMatchObject(f.properties as object);
    });
    expect(data.get('districts')!.features).toHaveLength(16);
    expect(data.get('district-labels')!.features).toHaveLength(16);
    expect(data.get('district-labels')!.features.every((f) => f.geometry.type === 'Point')).toBe(true);
    expect(data.get('zone-labels')!.features.length).toBeGreaterThan(0);
    expect(data.get('footprints')!.features.length).toBeGreaterThan(0);
    // flat park properties (MapLibre stringifies nested ones)
    for (const f of data.get('parks')!.features) for (const v of Object.values(f.properties ?? {})) expect(typeof v === 'object' && v !== null).toBe(false);
    // no filter yet: every park, the halo only around estimated locations, zones in their default look
    expect(shownParks()).toBeNull();
    expect(fake.filterOf('parks-halo')).toEqual(ESTIMATED);
    // the basis ring around the parks the plan names only (alone or with the official list)
    expect(fake.filterOf('parks-basis')).toEqual(['!=', ['get', 'basis'], 'list']);
    const basis = new Map(data.get('parks')!.features.map((f) => [f.properties!.id as string, f.properties!.basis as string]));
    expect(basis.get('caohejing')).toBeDefined();
    expect([...basis.values()].sort().filter((b, i, a) => a.indexOf(b) === i)).toEqual(['both', 'list', 'plan']);
    expect(shownZones()).toBeNull();
    // the zones' default look needs no call: no emphasis state, their paint as the style has it
    expect(fake.calls('setFeatureState')).toEqual([]);
    expect(fake.calls('setPaint')).toEqual([]);
    stop();
  });

  it('pushes the data when subscribed after it has loaded (fires immediately)', () => {
    store.getState().setGeo(geo);
    const stop = syncMapWithStore(fake);
    expect(new Set(fake.calls('setData').map(([id]) => id))).toEqual(new Set(STYLE_SOURCES));
    stop();
  });

  it('styleData gives the map its start-up data: the very objects setData then sends (no second upload)', () => {
    const sync = createMapSync(store);
    expect(sync.styleData()).toBeNull();
    store.getState().setGeo(geo);
    const initial = sync.styleData()!;
    expect(Object.keys(initial).sort()).toEqual([...STYLE_SOURCES].sort());
    expect((initial.parks as FeatureCollection).features).toHaveLength(42);
    const stop = sync.start(fake);
    // MapController drops a setData whose collection is the one it already has (identity)
    const base = fake.calls('setData').filter(([id]) => (STYLE_SOURCES as string[]).includes(id));
    expect(base).toHaveLength(STYLE_SOURCES.length);
    for (const [id, fc] of base) expect(fc, id).toBe(initial[id as keyof typeof initial]);
    // a new selection recolours the parks by feature state: the collection stays the same object
    fake.clearLog();
    store.getState().toggleSector('ic');
    expect(fake.calls('setData').filter(([id]) => id === 'parks')).toEqual([]);
    expect(fake.calls('setFeatureState').some(([source]) => source === 'parks')).toBe(true);
    expect(sync.styleData()!.parks).toBe(initial.parks);
    stop();
  });

  it('each map sync keeps its own parks collection (no module-level cache)', () => {
    store.getState().setGeo(geo);
    const a = createMapSync(store).styleData()!.parks;
    const b = createMapSync(store).styleData()!.parks;
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
    const parks = parksSource();
    expect(styleData(store.getState(), parks)!.parks).toBe(styleData(store.getState(), parks)!.parks);
  });

  it('draws a source whose file failed as empty (so the map still gets ready), and still pushes the rest', () => {
    const broken: GeoData = { ...geo, zones: { ok: false, error: 'zones.geojson: HTTP 404' } };
    const stop = syncMapWithStore(fake);
    store.getState().setGeo(broken);
    const pushed = new Set(fake.calls('setData').map(([id]) => id));
    const zones = fake.calls('setData').find(([id]) => id === 'zones');
    expect((zones![1] as GeoJSON.FeatureCollection).features).toEqual([]);
    expect(pushed.has('parks')).toBe(true);
    expect(pushed.has('districts')).toBe(true);
    stop();
  });
});

describe('the map’s own marks on the data', () => {
  it('a layout that uses one outline twice draws it once (repeat); every other zone is drawn', () => {
    const zones = mapZones(geo.zones.ok ? geo.zones.data : { type: 'FeatureCollection', features: [] });
    const repeats = zones.features.filter((f) => f.properties?.repeat === true).map((f) => f.properties?.id);
    expect(repeats).toEqual(['digital-data-port']);
    expect(zones.features.find((f) => f.properties?.id === 'digital-manufacturing-lingang')?.properties?.repeat).toBe(false);
  });

  it('cluster labels sharing a point stack under it, one line each', () => {
    store.getState().setGeo(geo);
    const labels = mapZoneLabels(store.getState().derived!.zoneLabels);
    const at = (id: string) => labels.features.find((f) => f.properties?.id === id)!;
    expect(at('lingang-pole').properties?.stack).toBe(0);
    const lingang = labels.features.filter(
      (f) => JSON.stringify(f.geometry) === JSON.stringify(at('lingang-pole').geometry) && f.properties?.id !== 'lingang-pole',
    );
    expect(lingang.length).toBeGreaterThanOrEqual(6);
    expect(lingang.map((f) => f.properties?.stack)).toEqual(lingang.map((_, k) => k + 1));
    // a label of its own breaks after the colon, never inside the quoted term
    expect(at('fintech-lujiazui').properties).toMatchObject({ stack: 0, text_zh: '金融科技“两城”：\n陆家嘴金融城' });
    // in English with straight quotes: the labels' font sets curly ones full-width, as in Chinese
    expect(at('fintech-lujiazui').properties).toMatchObject({
      text_en: "Fintech 'two cities': Lujiazui Finance City",
      label_en: "Fintech 'two cities': Lujiazui Finance City",
    });
  });

  it('the halo radius: metres as px at zoom 0 (a 512-px world), doubling away from the equator at 60°', () => {
    // 1 km of a 40,030,174 m equator on 512 px
    expect(metresToPxAtZoom0(1000, 0)).toBeCloseTo(0.0127904, 6);
    expect(metresToPxAtZoom0(1000, 60)).toBeCloseTo(0.0255808, 6);
    expect(metresToPxAtZoom0(0, 31)).toBe(0);
  });
});

describe('syncMapWithStore: filter', () => {
  it('a filter change sends the filtered park ids and the designated zones', () => {
    store.getState().setGeo(geo);
    const stop = syncMapWithStore(fake);
    fake.clearLog();
    store.getState().toggleSector('ic');
    // by default the strong links count: named, listed, inside the sector's own cluster
    const parks = derivedParks()
      .filter((p) => p.links.some((l) => l.sector === 'ic' && l.strength !== 'broad'))
      .map((p) => p.id);
    const zones = zonesForSelection(derivedZones(), ['ic'], sectorsFile());
    expect(parks.length).toBeGreaterThan(0);
    expect(parks.length).toBeLessThan(42);
    // each park layer told once; each zone given its emphasis state once, no layer's paint changed
    expect(fake.calls('setFilter').map(([id]) => id)).toEqual([...PARK_LAYERS]);
    expect(fake.calls('setPaint')).toEqual([]);
    const zoneIds = geo.zones.ok ? geo.zones.data.features.map((f) => f.properties.id) : [];
    expect(
      fake
        .calls('setFeatureState')
        .filter(([source]) => source === 'zones')
        .map(([, id]) => id),
    ).toEqual(zoneIds);
    expect(shownParks()).toEqual(parks);
    expect(shownZones()).toEqual(zones);
    expect(zones).toEqual(expect.arrayContaining(['ic-body-zhangjiang', 'ic-wing-lingang', 'ic-wing-jiading']));
    // designated zones come forward (1), the others dim (0)
    const states = new Map(
      fake
        .calls('setFeatureState')
        .filter(([source]) => source === 'zones')
        .map(([, id, st]) => [id, st]),
    );
    expect(states.get('ic-body-zhangjiang')).toEqual({ emph: 1 });
    for (const id of zoneIds) expect(states.get(id), id).toEqual({ emph: zones!.includes(id) ? 1 : 0 });
    expect(zoneIds.filter((id) => !zones!.includes(id)).length).toBeGreaterThan(0);
    // parks are re-coloured for the selection, as feature state: every shown park in ic's colour
    // with its strength for ic; the others grey (no ic link) or no longer shown
    const looks = new Map(
      fake
        .calls('setFeatureState')
        .filter(([source]) => source === 'parks')
        .map(([, id, st]) => [id, st]),
    );
    for (const id of parks) expect(looks.get(id), id).toEqual({ color: SECTOR_COLORS.ic, strength: expect.stringMatching(/^(named|listed|cluster)$/) });
    for (const [id, st] of looks)
      if (st.color === SECTOR_COLORS.ic)
        expect(
          derivedParks()
            .find((p) => p.id === id)!
            .links.some((l) => l.sector === 'ic'),
          id,
        ).toBe(true);
    expect(fake.calls('setData').filter(([id]) => id === 'parks')).toEqual([]);
    // clearing the selection unsets every state it set
    fake.clearLog();
    store.getState().toggleSector('ic');
    const cleared = fake.calls('setFeatureState').filter(([source]) => source === 'parks');
    expect(cleared.map(([, id]) => id).sort()).toEqual([...looks.keys()].sort());
    for (const [, , st] of cleared) expect(st).toEqual({ color: null, strength: null });
    stop();
  });

  it('sends the fintech zones for fintech, and a park filter that only holds fintech parks', () => {
    store.getState().setGeo(geo);
    const stop = syncMapWithStore(fake);
    store.getState().setSectors(['fintech']);
    expect([...(shownZones() ?? [])].sort()).toEqual(['fintech-lingang', 'fintech-lujiazui', 'fintech-riverside', 'fintech-zhangjiang'].sort());
    const ids = shownParks()!;
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
    const stop = syncMapWithStore(fake);
    store.getState().toggleSector('biomed');
    expect(shownParks()).not.toBeNull();
    store.getState().toggleSector('biomed');
    expect(shownParks()).toBeNull();
    expect(shownZones()).toBeNull();
    stop();
  });

  it('unrelated changes do not re-send the filter or the data', () => {
    store.getState().setGeo(geo);
    const stop = syncMapWithStore(fake);
    fake.clearLog();
    store.getState().addNotice('hello');
    store.getState().setMapStatus('ready');
    store.getState().setCamera({ zoom: 10, lat: 31, lng: 121 });
    expect(fake.log).toEqual([]);
    stop();
  });
});

describe('syncMapWithStore: selection, layers, language, camera', () => {
  it('selecting a park rings it; clearing rings none', () => {
    store.getState().setGeo(geo);
    const stop = syncMapWithStore(fake);
    store.getState().selectPark('the-bund');
    expect(ringed()).toBe('the-bund');
    store.getState().selectZone('fintech-lujiazui');
    expect(ringed()).toBeNull();
    stop();
  });

  it('requestCamera → flyTo (zoom undefined when not given); repeated requests fly again', () => {
    const stop = syncMapWithStore(fake);
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

  it('a box request → fitBounds (the port pads it clear of the panels); a point request after it flies', () => {
    const stop = syncMapWithStore(fake);
    store.getState().requestBounds([
      [121.0, 31.2],
      [121.4, 31.5],
    ]);
    store.getState().requestCamera(121.4, 31.1);
    expect(fake.calls('fitBounds')).toEqual([
      [
        [
          [121.0, 31.2],
          [121.4, 31.5],
        ],
      ],
    ]);
    expect(fake.calls('flyTo')).toEqual([[121.4, 31.1, undefined]]);
    stop();
  });

  it('outlines the districts of the district filter, and the profiled one while the statistics view shows its profile', () => {
    store.getState().setGeo(geo);
    const sync = createMapSync(store);
    const port = new FakeMapController(undefined, undefined, undefined, sync.handlers);
    const stop = sync.start(port);
    const none = ['==', ['get', 'name_zh'], ''];
    expect(port.filterOf('districts-chosen')).toEqual(none);
    // in code-point order (嘉 U+5609 before 宝 U+5B9D), whatever order they were ticked in
    store.getState().setFindFilters({ districts: ['宝山区', '嘉定区'] });
    expect(port.filterOf('districts-chosen')).toEqual(['in', ['get', 'name_zh'], ['literal', ['嘉定区', '宝山区']]]);
    store.getState().setFindFilters({ districts: [] });
    store.getState().setStatsDistrict('奉贤区');
    // chosen for the profile, but the view is closed: nothing outlined
    expect(port.filterOf('districts-chosen')).toEqual(none);
    store.getState().openStats('district');
    expect(port.filterOf('districts-chosen')).toEqual(['in', ['get', 'name_zh'], ['literal', ['奉贤区']]]);
    store.getState().openStats('matrix');
    expect(port.filterOf('districts-chosen')).toEqual(none);
    stop();
  });

  it('lang → setLang', () => {
    const stop = syncMapWithStore(fake);
    store.getState().setLang('en');
    expect(fake.lastCall('setLang')).toEqual(['en']);
    store.getState().setLang('zh');
    expect(fake.calls('setLang')).toEqual([['zh'], ['en'], ['zh']]);
    stop();
  });

  it('layer switches → setGroupVisibility; online basemap → the online group', () => {
    const stop = syncMapWithStore(fake);
    store.getState().setLayerVisible('districts', false);
    expect(fake.lastCall('setGroupVisibility')![0]).toMatchObject({ districts: false, parks: true });
    store.getState().setOnlineBasemap(true);
    expect(fake.lastCall('setGroupVisibility')).toEqual([{ online: true }]);
    stop();
  });

  it('unsubscribe stops every call', () => {
    const sync = createMapSync(store);
    const stop = sync.start(fake);
    stop();
    fake.clearLog();
    store.getState().setGeo(geo);
    store.getState().toggleSector('ic');
    store.getState().selectPark('the-bund');
    store.getState().setLang('en');
    store.getState().requestCamera(121, 31, 10);
    store.getState().setLayerVisible('parks', false);
    store.getState().setOnlineBasemap(true);
    store.getState().setChosenPoint({ lng: 121.5, lat: 31.2, ref: null });
    store.getState().setFindMode('draw');
    expect(fake.log).toEqual([]);
  });
});

describe('map handlers', () => {
  const click = (layerId: LayerId | null, id?: string) => ({
    layerId,
    properties: id ? { id } : {},
    lngLat: { lng: 121.5, lat: 31.2 },
    featureLngLat: null,
  });

  it('a click on a park selects the park (and clears a zone)', () => {
    const h = createMapSync(store).handlers;
    store.getState().selectZone('ai-maqiao');
    h.onClick(click('parks-circle', 'the-bund'));
    expect(store.getState()).toMatchObject({ selectedParkId: 'the-bund', selectedZoneId: null });
  });

  it('a click on a zone selects the zone, whichever zone layer it hit', () => {
    const h = createMapSync(store).handlers;
    store.getState().selectPark('the-bund');
    h.onClick(click('ai-fill', 'ai-maqiao'));
    expect(store.getState()).toMatchObject({ selectedParkId: null, selectedZoneId: 'ai-maqiao' });
    h.onClick(click('poles-fill', 'zhangjiang-pole'));
    expect(store.getState()).toMatchObject({ selectedParkId: null, selectedZoneId: 'zhangjiang-pole' });
  });

  it('an empty click clears the selection', () => {
    const h = createMapSync(store).handlers;
    store.getState().selectPark('the-bund');
    h.onClick(click(null));
    expect(store.getState()).toMatchObject({ selectedParkId: null, selectedZoneId: null });
  });

  /** a click with every place under it, as the controller reports it (in click priority) */
  const stacked = (hits: MapHit[]): MapClick => ({ ...hits[0]!, lngLat: { lng: 121.8, lat: 30.95 }, hits, point: { x: 40, y: 50 } });
  const zoneHit = (layerId: LayerId, id: string, area_km2: number | null): MapHit => ({ layerId, properties: { id, area_km2 }, featureLngLat: null });
  const parkHit = (id: string, at: [number, number]): MapHit => ({ layerId: 'parks-circle', properties: { id }, featureLngLat: at });

  it('stacked zones: parks first (nearest first), then zones smallest to largest, equal areas in click priority, each once', () => {
    const click = stacked([
      parkHit('far', [121.83, 30.95]),
      parkHit('near', [121.801, 30.95]),
      zoneHit('ic-fill', 'ic-wing-lingang', 508),
      zoneHit('digital-fill', 'digital-key-areas', 3027.5),
      zoneHit('digital-fill', 'fintech-lingang', 508),
      zoneHit('digital-fill', 'fintech-lingang', 508),
      zoneHit('poles-fill', 'lingang-pole', 508),
      zoneHit('hBelt-fill', 'h-east-corridor', 1211.7),
      zoneHit('ai-fill', 'ai-small', 6.2),
    ]);
    expect(placesUnder(click)).toEqual({
      parks: [
        { kind: 'park', id: 'near' },
        { kind: 'park', id: 'far' },
      ],
      zones: ['ai-small', 'ic-wing-lingang', 'fintech-lingang', 'lingang-pole', 'h-east-corridor', 'digital-key-areas'].map((id) => ({ kind: 'zone', id })),
    });
  });

  it('several places open the chooser where the click was; one place opens directly; a choice selects it and closes the chooser', () => {
    const h = createMapSync(store).handlers;
    h.onClick(stacked([zoneHit('ic-fill', 'ic-wing-lingang', 508), zoneHit('poles-fill', 'lingang-pole', 508)]));
    expect(store.getState().chooser).toEqual({
      items: [
        { kind: 'zone', id: 'ic-wing-lingang' },
        { kind: 'zone', id: 'lingang-pole' },
      ],
      at: { x: 40, y: 50 },
    });
    expect(store.getState().selectedZoneId).toBeNull();
    store.getState().chooseItem({ kind: 'zone', id: 'lingang-pole' });
    expect(store.getState()).toMatchObject({ chooser: null, selectedZoneId: 'lingang-pole', selectedParkId: null });
    // one park over zones: the dot is the target
    h.onClick(stacked([parkHit('the-bund', [121.8, 30.95]), zoneHit('poles-fill', 'lingang-pole', 508)]));
    expect(store.getState()).toMatchObject({ chooser: null, selectedParkId: 'the-bund', selectedZoneId: null });
    // two parks at one point: the chooser, parks only
    h.onClick(stacked([parkHit('a', [121.8, 30.95]), parkHit('b', [121.8, 30.95]), zoneHit('poles-fill', 'lingang-pole', 508)]));
    expect(store.getState().chooser?.items.map((i) => i.kind)).toEqual(['park', 'park', 'zone']);
    // a click elsewhere closes it
    h.onClick(click(null));
    expect(store.getState()).toMatchObject({ chooser: null, selectedParkId: null });
  });

  it('the chosen zone is highlighted on the map, and the highlight goes with the selection', () => {
    store.getState().setGeo(geo);
    const sync = createMapSync(store);
    const port = new FakeMapController(undefined, undefined, undefined, sync.handlers);
    const stop = sync.start(port);
    store.getState().chooseItem({ kind: 'zone', id: 'lingang-pole' });
    expect(port.filterOf('zones-selected')).toEqual(['==', ['get', 'id'], 'lingang-pole']);
    expect(port.filterOf('zones-selected-casing')).toEqual(['==', ['get', 'id'], 'lingang-pole']);
    store.getState().clearSelection();
    expect(port.filterOf('zones-selected')).toEqual(['==', ['get', 'id'], '']);
    stop();
  });

  it("onReady sets mapStatus 'ready'", () => {
    const h = createMapSync(store).handlers;
    expect(store.getState().mapStatus).toBe('loading');
    h.onReady();
    expect(store.getState().mapStatus).toBe('ready');
  });

  it('onMoveEnd stores the camera', () => {
    createMapSync(store).handlers.onMoveEnd({ zoom: 11, lat: 31.2, lng: 121.5 });
    expect(store.getState().camera).toEqual({ zoom: 11, lat: 31.2, lng: 121.5 });
  });

  it('onError shows one notice, however many errors follow', () => {
    const h = createMapSync(store).handlers;
    h.onError('tile failed');
    h.onError('tile failed again');
    expect(store.getState().notices).toHaveLength(1);
    expect(store.getState().notices[0]!.details).toEqual(['tile failed']);
  });

  it('a click drives the map through the sync (round trip)', () => {
    store.getState().setGeo(geo);
    const sync = createMapSync(store);
    const port = new FakeMapController(undefined, undefined, undefined, sync.handlers);
    const stop = sync.start(port);
    port.click(click('parks-circle', 'dongfang-xingang'));
    expect(port.filterOf('parks-selected')).toEqual(['==', ['get', 'id'], 'dongfang-xingang']);
    // its name, over its neighbours' names
    expect(port.filterOf('parks-selected-label')).toEqual(['==', ['get', 'id'], 'dongfang-xingang']);
    stop();
  });
});

describe('syncMapWithStore: a filter change touches only what changed', () => {
  /** the layers and sources the calls since the last clearLog touched */
  const touched = () =>
    [...new Set(fake.log.filter((c) => ['setData', 'setFilter', 'setPaint'].includes(c.method)).map((c) => `${c.method} ${String(c.args[0])}`))].sort();

  it('a sector: the parks (data, filters) and the zone layers; again off: the same', () => {
    store.getState().setGeo(geo);
    const stop = syncMapWithStore(fake);
    fake.clearLog();
    store.getState().toggleSector('ic');
    const on = touched();
    expect(on.filter((t) => t.startsWith('setData'))).toEqual([]);
    expect(on.filter((t) => t.startsWith('setFilter'))).toEqual([
      'setFilter parks-basis',
      'setFilter parks-circle',
      'setFilter parks-halo',
      'setFilter parks-label',
    ]);
    // the zones' emphasis changes: each zone's state once, no layer's paint
    const zoneIds = geo.zones.ok ? geo.zones.data.features.map((f) => f.properties.id) : [];
    expect(on.filter((t) => t.startsWith('setPaint'))).toEqual([]);
    const parkStates = fake.calls('setFeatureState').filter(([source]) => source === 'parks').length;
    expect(fake.calls('setFeatureState').filter(([source]) => source === 'zones')).toHaveLength(zoneIds.length);
    // every park whose look changes (each that links to ic, and those grey with a selection)
    expect(parkStates).toBeGreaterThan(0);
    expect(parkStates).toBeLessThanOrEqual(42);
    expect(fake.log.length).toBe(4 + zoneIds.length + parkStates);
    stop();
  });

  it('a district: only the four park layers (the zones keep their emphasis, the parks their colours)', () => {
    store.getState().setGeo(geo);
    store.getState().toggleSector('ic');
    const stop = syncMapWithStore(fake);
    fake.clearLog();
    store.getState().toggleDistrict('浦东新区');
    expect(touched()).toEqual(['setFilter parks-basis', 'setFilter parks-circle', 'setFilter parks-halo', 'setFilter parks-label']);
    expect(fake.log.length).toBe(4);
    stop();
  });

  it('the strength (broad links) with a sector: only the four park layers', () => {
    store.getState().setGeo(geo);
    store.getState().toggleSector('ic');
    const stop = syncMapWithStore(fake);
    fake.clearLog();
    store.getState().setIncludeBroad(true);
    expect(touched()).toEqual(['setFilter parks-basis', 'setFilter parks-circle', 'setFilter parks-halo', 'setFilter parks-label']);
    stop();
  });
});
