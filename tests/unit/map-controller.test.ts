// @vitest-environment jsdom
/**
 * MapController against a small fake of maplibregl.Map (no WebGL): overlays added lazily at
 * their registry place, state kept for layers not added yet, one click dispatch by priority,
 * the hover cursor, chunked feeding, the test hook. What MapLibre draws is tested in the browser.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MapController } from '../../src/map/map-controller';
import type { MapClick, MapHandlers, PointSet } from '../../src/map/map-port';
import { FakeMlMap } from '../fakes/fake-maplibre';
import type { FakeHit } from '../fakes/fake-maplibre';

vi.mock('../../src/map/maplibre-setup', async () => (await import('../fakes/fake-maplibre')).fakeMaplibreSetup());

const fc = (features: GeoJSON.Feature[] = []): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features });
const point = (lng: number, lat: number, properties: Record<string, unknown> = {}): GeoJSON.Feature => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates: [lng, lat] },
});
/** a point set of the sites' kind: lon, lat interleaved */
const pointSet = (key: string, coords: number[], idBase = 0, color = 0): PointSet => ({
  key,
  coords: Float64Array.from(coords),
  count: coords.length / 2,
  idBase,
  color,
});
const hit = (layer: string, properties: Record<string, unknown>, geometry: GeoJSON.Geometry = { type: 'Point', coordinates: [121.5, 31.2] }): FakeHit => ({
  layer: { id: layer },
  properties,
  geometry,
});

let clicks: MapClick[];
let handlers: MapHandlers;
let controller: MapController;
let map: FakeMlMap;

function create(): void {
  controller = new MapController(document.createElement('div'), { lang: 'zh' }, { lng: 121.47, lat: 31.13, zoom: 8.7 }, handlers);
  map = FakeMlMap.last!;
}

beforeEach(() => {
  clicks = [];
  handlers = { onReady: vi.fn(), onClick: (c) => clicks.push(c), onMoveEnd: vi.fn(), onError: vi.fn() };
  create();
});
afterEach(() => {
  vi.useRealTimers();
  if (!map.removed) controller.destroy();
});

const order = () => map.getLayersOrder();
const overlayOrder = () => order().filter((id) => /^(find-|user-sites-|briefing-|draw-)/.test(id));

describe('overlays', () => {
  it('starts with no overlay; an overlay source is added with its first non-empty data, not before', () => {
    map.fire('style.load');
    expect([...map.sources.keys()].filter((s) => /^(find|user-sites|briefing)/.test(s))).toEqual([]);
    controller.setData('find-radius', fc());
    expect(map.getSource('find-radius')).toBeUndefined();
    const circle = fc([
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [121, 31],
              [121.1, 31],
              [121, 31.1],
              [121, 31],
            ],
          ],
        },
      },
    ]);
    controller.setData('find-radius', circle);
    expect(map.getSource('find-radius')!.spec).toEqual({ type: 'geojson', data: circle });
    expect(overlayOrder()).toEqual(['find-radius-fill', 'find-radius-line']);
    // later data goes to the source
    const smaller = fc([circle.features[0]!]);
    controller.setData('find-radius', smaller);
    expect(map.getSource('find-radius')!.calls).toEqual([['setData', smaller]]);
    // empty data takes the source and its layers off the map; the next data brings them back in place
    controller.setData('find-radius', fc());
    expect(map.getSource('find-radius')).toBeUndefined();
    expect(overlayOrder()).toEqual([]);
    controller.setData('find-radius', circle);
    expect(overlayOrder()).toEqual(['find-radius-fill', 'find-radius-line']);
  });

  it('waits for the style: data set before it loads is applied when it has', () => {
    controller.setData('find-origin', fc([point(121.4, 31.2)]));
    expect(map.getSource('find-origin')).toBeUndefined();
    map.fire('style.load');
    expect(overlayOrder()).toEqual(['find-origin']);
  });

  it('places each overlay layer by the registry, whatever the order of arrival, and below the drawing tool', () => {
    map.fire('style.load');
    controller.setData('briefing-highlight', fc([point(121.5, 31.2, { id: 'the-bund' })]));
    // terra-draw adds its own layers on top when it starts
    map.addLayer({ id: 'draw-polygon', type: 'fill', source: 'briefing-highlight' });
    controller.setPointSets('user-sites', [pointSet('a', [121.6, 31.2])]);
    controller.setData('find-origin', fc([point(121.4, 31.2)]));
    controller.setData('find-radius', fc([point(121.4, 31.2)]));
    expect(overlayOrder()).toEqual([
      'briefing-hl-fill',
      'briefing-hl-casing',
      'briefing-hl-line',
      'briefing-hl-park-casing',
      'briefing-hl-park',
      'find-radius-fill',
      'find-radius-line',
      'find-origin',
      'user-sites-cluster',
      'user-sites-count',
      'user-sites-point',
      'user-sites-selected',
      'draw-polygon',
    ]);
    // the find tools and sites above the plan's layers
    expect(order().indexOf('find-radius-fill')).toBe(order().indexOf('parks-selected-label') + 1);
    // a chapter's rings just under the first label layer
    expect(order().indexOf('briefing-hl-park')).toBe(order().indexOf('basemap-labels') - 1);
    expect(map.getSource('user-sites')!.spec).toMatchObject({ type: 'geojson', cluster: true, clusterRadius: 40, clusterMaxZoom: 14 });
  });

  it('keeps filter, paint and group visibility set for a layer not added yet, and draws it so when it is added', () => {
    map.fire('style.load');
    controller.setFilter('user-sites-selected', ['==', ['get', 'i'], 3]);
    controller.setPaint('user-sites-point', 'circle-color', ['match', ['get', 'set'], 'a', '#0f766e', '#0f766e']);
    controller.setGroupVisibility({ sites: false });
    controller.setPointSets('user-sites', [pointSet('a', [121.6, 31.2])]);
    const selected = map.getLayer('user-sites-selected') as { filter?: unknown; layout?: Record<string, unknown> };
    expect(selected.filter).toEqual(['==', ['get', 'i'], 3]);
    expect(selected.layout?.visibility).toBe('none');
    expect((map.getLayer('user-sites-point') as { paint: Record<string, unknown> }).paint['circle-color']).toEqual([
      'match',
      ['get', 'set'],
      'a',
      '#0f766e',
      '#0f766e',
    ]);
    // once added, changes go straight to the layer
    controller.setFilter('user-sites-selected', null);
    expect(map.calls.at(-1)).toEqual(['setFilter', 'user-sites-selected', null]);
  });
});

describe('requests', () => {
  type Transform = (url: string, type?: string) => { url: string };
  const transform = () => map.options.transformRequest as Transform;

  it('a tile of a point-set source asks for the sets it shows (none here: empty tiles); anything else as it is', () => {
    expect(transform()('sitepoints://tiles/9/428/208?source=user-sites', 'Tile')).toEqual({ url: 'sitepoints://tiles/9/428/208?s=%5B%5D' });
    // only tiles are rewritten
    expect(transform()('sitepoints://tiles/9/428/208?source=user-sites', 'Source')).toEqual({ url: 'sitepoints://tiles/9/428/208?source=user-sites' });
    expect(transform()('/geo/parks.json', 'Source')).toEqual({ url: '/geo/parks.json' });
  });
});

describe('data and style by registry id', () => {
  it('skips a setData with the collection the source already has', () => {
    map.fire('style.load');
    const parks = fc([point(121.5, 31.2, { id: 'p' })]);
    controller.setData('parks', parks);
    controller.setData('parks', parks);
    expect(map.getSource('parks')!.calls).toEqual([['setData', parks]]);
  });

  it('sets and unsets keys of a feature state, after the style has loaded; not on a source the map lacks', () => {
    controller.setFeatureState('zones', 'zhangjiang-pole', { emph: 1 });
    expect(map.getFeatureState({ source: 'zones', id: 'zhangjiang-pole' })).toEqual({});
    map.fire('style.load');
    expect(map.getFeatureState({ source: 'zones', id: 'zhangjiang-pole' })).toEqual({ emph: 1 });
    controller.setFeatureState('zones', 'zhangjiang-pole', { emph: 0 });
    expect(map.getFeatureState({ source: 'zones', id: 'zhangjiang-pole' })).toEqual({ emph: 0 });
    controller.setFeatureState('zones', 'zhangjiang-pole', { emph: null });
    expect(map.getFeatureState({ source: 'zones', id: 'zhangjiang-pole' })).toEqual({});
    expect(map.calls.filter((c) => String(c[0]).includes('FeatureState'))).toEqual([
      ['setFeatureState', 'zones', 'zhangjiang-pole', { emph: 1 }],
      ['setFeatureState', 'zones', 'zhangjiang-pole', { emph: 0 }],
      ['removeFeatureState', 'zones', 'zhangjiang-pole', 'emph'],
    ]);
    // an overlay source not on the map yet: nothing
    controller.setFeatureState('find-hits', 'x', { emph: 1 });
    expect(map.calls.filter((c) => c[0] === 'setFeatureState')).toHaveLength(2);
  });

  it('switches a group by its layers, touching only layers that change', () => {
    map.fire('style.load');
    controller.setGroupVisibility({ parks: false, districts: true });
    const set = map.calls.filter((c) => c[0] === 'setLayoutProperty').map((c) => [c[1], c[3]]);
    expect(set).toEqual([
      ['footprints-fill', 'none'],
      ['footprints-line', 'none'],
      ['parks-halo', 'none'],
      ['parks-basis', 'none'],
      ['parks-circle', 'none'],
      ['parks-selected', 'none'],
      ['parks-label', 'none'],
      ['parks-selected-label', 'none'],
    ]);
  });

  it('the online basemap is a group too (its layer exists only when configured)', () => {
    map.fire('style.load');
    controller.setGroupVisibility({ online: true });
    expect(map.calls.filter((c) => c[0] === 'setLayoutProperty')).toEqual([]);
  });

  it('switches labels to a language in place, only the label layers', () => {
    map.fire('style.load');
    controller.setLang('en');
    const touched = new Set(map.calls.filter((c) => c[0] === 'setLayoutProperty').map((c) => c[1]));
    expect([...touched].sort()).toEqual([
      'ai-label',
      'airports-label',
      'basemap-labels',
      'biomed-label',
      'digital-label',
      'districts-label',
      'hBelt-label',
      'ic-label',
      'parks-label',
      'parks-selected-label',
      'zones-label',
    ]);
    expect(JSON.stringify(map.getLayoutProperty('parks-label', 'text-field'))).toContain('label_en');
    const before = map.calls.length;
    controller.setLang('en');
    expect(map.calls).toHaveLength(before);
  });

  it('writes the credits line in the UI language and replaces it on a language switch', () => {
    const credits = () => map.controls.map((c) => (c as { options: { customAttribution?: string } }).options.customAttribution).filter((x) => x !== undefined);
    controller.setLang('zh');
    expect(credits()).toEqual([expect.stringContaining('区界与省界：ECharts 4.9.0 地图数据')]);
    controller.setLang('en');
    expect(credits()).toEqual([expect.stringContaining('Boundaries: ECharts 4.9.0 map data')]);
    // the scale bar and the credits are replaced, not added again
    expect(map.controls).toHaveLength(3);
  });
});

describe('clicks and hover', () => {
  const at = { point: { x: 10, y: 20 }, lngLat: { lng: 121.41, lat: 31.17 } };

  it('reports the clickable feature first in priority, with its properties and point', () => {
    map.fire('style.load');
    map.hits = [
      hit('ic-fill', { id: 'ic-body-zhangjiang' }, { type: 'Polygon', coordinates: [] }),
      hit('parks-circle', { id: 'the-bund' }, { type: 'Point', coordinates: [121.49, 31.24] }),
    ];
    map.fire('click', at);
    expect(clicks).toEqual([
      {
        layerId: 'parks-circle',
        properties: { id: 'the-bund' },
        lngLat: { lng: 121.41, lat: 31.17 },
        featureLngLat: [121.49, 31.24],
        point: { x: 10, y: 20 },
        // everything under the pointer, in click priority
        hits: [
          { layerId: 'parks-circle', properties: { id: 'the-bund' }, featureLngLat: [121.49, 31.24] },
          { layerId: 'ic-fill', properties: { id: 'ic-body-zhangjiang' }, featureLngLat: null },
        ],
      },
    ]);
  });

  it('an imported site comes before the park and the zone under it; a polygon has no feature point', () => {
    map.fire('style.load');
    controller.setPointSets('user-sites', [pointSet('a', [121.6, 31.2])]);
    map.hits = [hit('parks-circle', { id: 'the-bund' }), hit('user-sites-point', { set: 'a', i: 0 })];
    map.fire('click', at);
    expect(clicks.at(-1)!.layerId).toBe('user-sites-point');
    map.hits = [hit('poles-fill', { id: 'zhangjiang-pole' }, { type: 'Polygon', coordinates: [] })];
    map.fire('click', at);
    expect(clicks.at(-1)).toMatchObject({ layerId: 'poles-fill', featureLngLat: null });
  });

  it('a hidden layer is not clickable; nothing hit is an empty click', () => {
    map.fire('style.load');
    controller.setGroupVisibility({ parks: false });
    map.hits = [hit('parks-circle', { id: 'the-bund' })];
    map.fire('click', at);
    expect(clicks).toEqual([{ layerId: null, properties: {}, lngLat: { lng: 121.41, lat: 31.17 }, featureLngLat: null, hits: [], point: { x: 10, y: 20 } }]);
  });

  it('a pointer over anything clickable; a crosshair while picking, whatever is under it', () => {
    map.fire('style.load');
    map.hits = [hit('parks-circle', { id: 'the-bund' })];
    map.fire('mousemove', at);
    expect(map.canvas.style.cursor).toBe('pointer');
    map.hits = [];
    map.fire('mousemove', at);
    expect(map.canvas.style.cursor).toBe('');
    controller.setCrosshair(true);
    map.hits = [hit('parks-circle', { id: 'the-bund' })];
    map.fire('mousemove', at);
    map.fire('mouseout');
    expect(map.canvas.style.cursor).toBe('crosshair');
    controller.setCrosshair(false);
    expect(map.canvas.style.cursor).toBe('');
  });
});

describe('chunks, clusters, camera, readiness, snapshot', () => {
  it('without MapLibre workers, sends a point set as features, 10,000 per task; a setData of the source drops the rest', () => {
    vi.useFakeTimers();
    map.fire('style.load');
    const n = 25_000;
    const set = pointSet(
      'a',
      Array.from({ length: 2 * n }, (_, k) => (k % 2 ? 31 : 121 + k / 1e6)),
      2_000_000,
      4,
    );
    controller.setPointSets('user-sites', [set]);
    const source = map.getSource('user-sites')!;
    const sent = () => source.calls.filter(([m]) => m === 'updateData').map(([, d]) => (d as { add: GeoJSON.Feature[] }).add);
    expect(sent().map((a) => a.length)).toEqual([10_000]);
    expect(sent()[0]![1]).toEqual({
      type: 'Feature',
      id: 2_000_001,
      geometry: { type: 'Point', coordinates: [121.000002, 31] },
      properties: { set: 'a', i: 1, c: 4 },
    });
    vi.advanceTimersToNextTimer();
    expect(sent().map((a) => a.length)).toEqual([10_000, 10_000]);
    controller.setData('user-sites', fc());
    vi.runAllTimers();
    expect(sent()).toHaveLength(2);
    // emptied: the source is off the map with its layers
    expect(map.getSource('user-sites')).toBeUndefined();
    expect(overlayOrder().filter((id) => id.startsWith('user-sites'))).toEqual([]);
  });

  it('without MapLibre workers, a second set sends only its own points; removing one sends the rest again; none takes the source off', () => {
    vi.useFakeTimers();
    map.fire('style.load');
    const a = pointSet('a', [121.1, 31.1, 121.2, 31.2]);
    const b = pointSet('b', [121.3, 31.3], 1_000_000);
    controller.setPointSets('user-sites', [a]);
    controller.setPointSets('user-sites', [a, b]);
    vi.runAllTimers();
    const source = () => map.getSource('user-sites')!;
    const ids = () =>
      source()
        .calls.filter(([m]) => m === 'updateData')
        .map(([, d]) => (d as { add: GeoJSON.Feature[] }).add.map((f) => f.id));
    expect(ids()).toEqual([[0, 1], [1_000_000]]);
    controller.setPointSets('user-sites', [b]);
    vi.runAllTimers();
    expect(
      source()
        .calls.filter(([m]) => m === 'setData')
        .at(-1)![1],
    ).toEqual(fc());
    expect(ids().at(-1)).toEqual([1_000_000]);
    controller.setPointSets('user-sites', []);
    expect(map.getSource('user-sites')).toBeUndefined();
  });

  it('asks a clustered source for a cluster’s expansion zoom (null before the source exists)', async () => {
    map.fire('style.load');
    expect(await controller.clusterExpansionZoom('user-sites', 3)).toBeNull();
    controller.setPointSets('user-sites', [pointSet('a', [121.6, 31.2])]);
    expect(await controller.clusterExpansionZoom('user-sites', 3)).toBe(13);
  });

  it('flies to at least zoom 11.5 unless told; jumps; fits bounds', () => {
    controller.flyTo(121.5, 31.2);
    controller.flyTo(121.5, 31.2, 14);
    controller.jumpTo({ lng: 121.4, lat: 31.1, zoom: 10 });
    controller.fitBounds([
      [121, 31],
      [122, 32],
    ]);
    expect(map.calls).toEqual([
      ['flyTo', { center: [121.5, 31.2], zoom: 11.5, duration: 900 }],
      ['flyTo', { center: [121.5, 31.2], zoom: 14, duration: 900 }],
      ['jumpTo', { center: [121.4, 31.1], zoom: 10 }],
      [
        'fitBounds',
        [
          [121, 31],
          [122, 32],
        ],
        { padding: { top: 40, right: 40, bottom: 40, left: 40 }, duration: 900 },
      ],
    ]);
  });

  it('is ready at the first idle after districts, zones and parks have data', () => {
    map.fire('style.load');
    controller.setData('districts', fc());
    controller.setData('zones', fc());
    map.fire('idle');
    expect(handlers.onReady).not.toHaveBeenCalled();
    controller.setData('parks', fc());
    map.fire('idle');
    expect(handlers.onReady).toHaveBeenCalledTimes(1);
    map.fire('idle');
    expect(handlers.onReady).toHaveBeenCalledTimes(1);
  });

  it('snapshot: the canvas at idle with camera and ground resolution; null when the map has no size', async () => {
    const shot = controller.snapshot();
    map.fire('idle');
    const snap = await shot;
    expect(snap).toMatchObject({ width: 640, height: 400, camera: { lng: 121.47, lat: 31.13, zoom: 8.7 } });
    expect(snap!.canvas).toBe(map.canvas);
    expect(snap!.metresPerPixel).toBeCloseTo((40075016.686 * Math.cos((31.13 * Math.PI) / 180)) / (512 * 2 ** 8.7), 6);
    map.canvas.clientWidth = 0;
    const none = controller.snapshot();
    map.fire('idle');
    expect(await none).toBeNull();
  });

  it('publishes the map on window.__map for browser tests, and withdraws it when destroyed', () => {
    expect((window as unknown as { __map?: unknown }).__map).toBe(map);
    controller.destroy();
    expect(map.removed).toBe(true);
    expect((window as unknown as { __map?: unknown }).__map).toBeUndefined();
  });
});
