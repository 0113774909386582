/**
 * The overlays' store→port sync (find tools, imported sites, briefing highlights) and the one
 * click route, against the recording fake of the map port and the real data.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Polygon } from 'geojson';
import { createMapSync } from '../../src/map/sync';
import type { MapSync } from '../../src/map/sync';
import { FRAME_PADDING } from '../../src/map/sync/briefing';
import type { LayerId } from '../../src/map/layers';
import type { MapClick } from '../../src/map/map-port';
import type { SiteSet } from '../../src/geo/sites';
import type { AppStore } from '../../src/state/store';
import { loadBriefing } from '../../src/loaders/load-briefing';
import { FakeMapController } from '../fakes/fake-map-controller';
import { diskFetcher, realGeoFixture } from '../fakes/geo-disk';
import { stringColumn } from '../../src/lib/string-column';

const fixture = realGeoFixture();
let store: AppStore;
let sync: MapSync;
let port: FakeMapController;
let stop: () => void;

beforeEach(() => {
  store = fixture.store();
  sync = createMapSync(store);
  port = new FakeMapController(undefined, undefined, undefined, sync.handlers);
  stop = sync.start(port);
});
afterEach(() => stop());

const PEOPLES_SQUARE: [number, number] = [121.4737, 31.2304];
/** great-circle distance in km (mean Earth radius 6371.0088 km), written out here */
function km([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}
const click = (
  layerId: LayerId | null,
  properties: Record<string, unknown> = {},
  more: Partial<MapClick> = {},
): Partial<MapClick> & Pick<MapClick, 'layerId'> => ({
  layerId,
  properties,
  ...more,
});
const overlayCalls = (source: string) => port.calls('setData').filter(([id]) => id === source);

describe('find overlay', () => {
  it('adds no overlay while there is nothing to draw (only empty collections are sent)', () => {
    expect(port.addedOverlays()).toEqual([]);
    for (const source of ['find-radius', 'find-area', 'find-hits', 'find-origin'] as const) {
      expect(overlayCalls(source).length, source).toBeGreaterThan(0);
      for (const [, fc] of overlayCalls(source)) expect(fc.features, source).toEqual([]);
    }
    // unrelated changes add nothing either
    store.getState().toggleSector('ic');
    store.getState().selectPark('the-bund');
    expect(port.addedOverlays()).toEqual([]);
  });

  it('a radius around a chosen point → the circle, the point and rings on exactly the parks inside', () => {
    const coords = store.getState().derived!.parkCoords;
    // a radius with no park within 300 m of the edge, so the rounding of either side cannot matter
    const radius = [5, 6, 7, 8, 9, 10, 12].find((r) => [...coords.values()].every((c) => Math.abs(km(PEOPLES_SQUARE, c) - r) > 0.3))!;
    const inside = [...coords].filter(([, c]) => km(PEOPLES_SQUARE, c) < radius).map(([id]) => id);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(coords.size);

    store.getState().setChosenPoint({ lng: PEOPLES_SQUARE[0], lat: PEOPLES_SQUARE[1], ref: null });
    store.getState().setRadiusKm(radius);

    expect(port.addedOverlays().sort()).toEqual(['find-hits', 'find-origin', 'find-radius']);
    const circle = port.dataOf('find-radius')!.features;
    expect(circle).toHaveLength(1);
    expect(circle[0]!.geometry.type).toBe('Polygon');
    const ring = (circle[0]!.geometry as Polygon).coordinates[0]!;
    expect(ring.length).toBeGreaterThan(16);
    for (const p of ring) expect(km(PEOPLES_SQUARE, p as [number, number]) / radius).toBeCloseTo(1, 2);
    expect(port.dataOf('find-origin')!.features.map((f) => f.geometry)).toEqual([{ type: 'Point', coordinates: PEOPLES_SQUARE }]);
    const hits = port.dataOf('find-hits')!.features;
    expect(hits.every((f) => f.properties?.role === 'hit')).toBe(true);
    expect(hits.map((f) => f.properties?.id).sort()).toEqual(inside.sort());
    for (const f of hits) expect((f.geometry as GeoJSON.Point).coordinates).toEqual(coords.get(f.properties!.id as string));
    // clearing the point empties the overlay (the source stays)
    store.getState().setChosenPoint(null);
    expect(port.dataOf('find-radius')!.features).toEqual([]);
    expect(port.dataOf('find-origin')!.features).toEqual([]);
  });

  it('compared parks are drawn numbered in the order they were added', () => {
    store.getState().toggleCompare('caohejing');
    store.getState().toggleCompare('the-bund');
    const compared = port.dataOf('find-hits')!.features.filter((f) => f.properties?.role === 'compare');
    expect(compared.map((f) => [f.properties?.id, f.properties?.n])).toEqual([
      ['caohejing', '1'],
      ['the-bund', '2'],
    ]);
    expect(port.addedOverlays()).toEqual(['find-hits']);
  });

  it('picking a point: a crosshair, then the click becomes the point and picking ends (nothing is selected)', () => {
    store.getState().selectPark('the-bund');
    store.getState().setFindMode('pick');
    expect(port.lastCall('setCrosshair')).toEqual([true]);
    port.click(click('parks-circle', { id: 'caohejing' }, { lngLat: { lng: 121.41, lat: 31.17 } }));
    expect(store.getState().chosenPoint).toEqual({ lng: 121.41, lat: 31.17, ref: null });
    expect(store.getState().findMode).toBe('none');
    expect(store.getState().selectedParkId).toBe('the-bund');
    expect(port.lastCall('setCrosshair')).toEqual([false]);
  });

  it('drawing an area: the port draws; the closed polygon goes to the store; draw mode then ends', async () => {
    store.getState().setFindMode('draw');
    expect(port.calls('startDraw')).toHaveLength(1);
    // clicks while drawing are the drawing tool's
    port.click(click('parks-circle', { id: 'caohejing' }));
    port.click(click(null));
    expect(store.getState().selectedParkId).toBeNull();
    const polygon: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121.3, 31.1],
          [121.6, 31.1],
          [121.6, 31.3],
          [121.3, 31.3],
          [121.3, 31.1],
        ],
      ],
    };
    port.finishDraw(polygon);
    // after this click has been dispatched, not during it
    expect(store.getState().findMode).toBe('draw');
    await vi.waitFor(() => expect(store.getState().findMode).toBe('none'));
    await vi.waitFor(() => expect(store.getState().drawnArea).toEqual(polygon));
    expect(port.calls('stopDraw')).toHaveLength(1);
    expect(port.dataOf('find-area')!.features.map((f) => f.geometry)).toEqual([polygon]);
  });

  it('leaving draw mode stops the drawing tool; stopping the sync while drawing stops it too', () => {
    store.getState().setFindMode('draw');
    store.getState().setFindMode('none');
    expect(port.calls('stopDraw')).toHaveLength(1);
    store.getState().setFindMode('draw');
    stop();
    expect(port.calls('stopDraw')).toHaveLength(2);
    stop = () => {};
  });
});

/** A hand-made linked set of sites at these positions. */
function siteSet(id: string, coords: [number, number][]): SiteSet {
  const n = coords.length;
  return {
    id,
    fileName: `${id}.csv`,
    format: 'csv',
    crs: 'wgs84',
    encoding: 'utf-8',
    fingerprint: id,
    count: n,
    ids: stringColumn(Array<string | null>(n).fill(null)),
    names: stringColumn(Array<string | null>(n).fill(null)),
    lines: new Int32Array(n),
    rows: new Int32Array(n),
    coords: Float64Array.from(coords.flat()),
    input: Float64Array.from(coords.flat()),
    swapped: new Uint8Array(n),
    outside: 0,
    district: new Int16Array(n),
    districtNames: ['黄浦区'],
    combo: new Int32Array(n),
    combos: [{ zones: [], sectors: [], links: [] }],
  };
}
/** each setPointSets call: its source and its sets as [key, count, idBase, first lon, first lat] */
const pointSets = () =>
  port.calls('setPointSets').map(([source, sets]) => [source, sets.map((x) => [x.key, x.count, x.idBase, x.color, x.coords[0], x.coords[1]])] as const);

describe('imported sites', () => {
  const a = siteSet('a', [
    [121.47, 31.23],
    [121.59, 31.2],
  ]);
  const b = siteSet('b', [[121.8, 31.1]]);

  it('prepares the map for sites once a page that imports them wants them, once; a map started after is prepared at once', () => {
    expect(port.calls('prepareSites')).toEqual([]);
    store.getState().wantSites();
    store.getState().wantSites();
    expect(port.calls('prepareSites')).toEqual([[]]);
    const later = new FakeMapController(undefined, undefined, undefined, sync.handlers);
    const stopLater = sync.start(later);
    try {
      expect(later.calls('prepareSites')).toEqual([[]]);
    } finally {
      stopLater();
    }
  });

  it('sends nothing to the map before the first import', () => {
    expect(port.calls('prepareSites')).toEqual([]);
    expect(port.calls('setPointSets')).toEqual([]);
    expect(overlayCalls('user-sites')).toEqual([]);
    expect(port.calls('setPaint').filter(([id]) => id.startsWith('user-sites'))).toEqual([]);
    expect(port.addedOverlays()).toEqual([]);
  });

  it('an import shows its sites as a point set (ids unique across files), each file with its colour slot; no paint changes', () => {
    store.setState({ siteSets: [a] });
    expect(pointSets()).toEqual([['user-sites', [['a', 2, 0, 0, 121.47, 31.23]]]]);
    // the set's own coordinates go to the map, not a copy
    expect(port.calls('setPointSets')[0]![1][0]!.coords).toBe(a.coords);
    expect(port.addedOverlays()).toEqual(['user-sites']);

    // a second file: both sets, the second under ordinal 1, in the second colour
    store.setState({ siteSets: [a, b] });
    expect(pointSets()[1]).toEqual([
      'user-sites',
      [
        ['a', 2, 0, 0, 121.47, 31.23],
        ['b', 1, 1_000_000, 1, 121.8, 31.1],
      ],
    ]);
    expect(overlayCalls('user-sites')).toEqual([]);
    // the colour travels with the sites: the style is never changed for an import
    expect(port.calls('setPaint').filter(([id]) => id.startsWith('user-sites'))).toEqual([]);
  });

  it('removing a file keeps the other files’ ids and colours the rest by their place; removing the last takes the sites off the map', () => {
    store.setState({ siteSets: [a, b] });
    port.clearLog();
    store.setState({ siteSets: [b] });
    expect(port.log.map((c) => c.method)).toEqual(['setPointSets']);
    expect(pointSets()).toEqual([['user-sites', [['b', 1, 1_000_000, 0, 121.8, 31.1]]]]);
    store.setState({ siteSets: [] });
    expect(pointSets().at(-1)).toEqual(['user-sites', []]);
    expect(port.addedOverlays()).toEqual([]);
  });

  it('the picked site is ringed; a click on a site picks it, not the zone under it', () => {
    store.setState({ siteSets: [a] });
    port.click(click('user-sites-point', { set: 'a', i: 1 }));
    expect(store.getState().selectedSite).toEqual({ set: 'a', index: 1 });
    expect(store.getState().selectedZoneId).toBeNull();
    expect(port.filterOf('user-sites-selected')).toEqual(['all', ['==', ['get', 'set'], 'a'], ['==', ['get', 'i'], 1]]);
    // a click on a park lets go of the site and selects the park
    port.click(click('parks-circle', { id: 'the-bund' }));
    expect(store.getState().selectedSite).toBeNull();
    expect(store.getState().selectedParkId).toBe('the-bund');
    expect(port.filterOf('user-sites-selected')).toEqual(['==', ['get', 'i'], -1]);
  });

  it('a click on a cluster asks its expansion zoom and flies to its centre (at most zoom 16)', async () => {
    store.setState({ siteSets: [a] });
    port.click(click('user-sites-cluster', { cluster_id: 7, point_count: 2 }, { featureLngLat: [121.5, 31.21] }));
    expect(port.calls('clusterExpansionZoom')).toEqual([['user-sites', 7]]);
    await vi.waitFor(() => expect(port.calls('flyTo')).toEqual([[121.5, 31.21, 12]]));
    port.clusterZoom = 18;
    port.click(click('user-sites-cluster', { cluster_id: 8, point_count: 2 }, { featureLngLat: [121.6, 31.3] }));
    await vi.waitFor(() => expect(port.lastCall('flyTo')).toEqual([121.6, 31.3, 16]));
    expect(store.getState().selectedSite).toBeNull();
  });

  it('a click on a tile’s cluster flies to the zoom it names, asking the source nothing', async () => {
    store.setState({ siteSets: [a] });
    port.click(click('user-sites-cluster', { cluster: true, point_count: 40, expand: 11 }, { featureLngLat: [121.48, 31.22] }));
    await vi.waitFor(() => expect(port.calls('flyTo')).toEqual([[121.48, 31.22, 11]]));
    expect(port.calls('clusterExpansionZoom')).toEqual([]);
  });
});

describe('briefing highlight', () => {
  it('adds no overlay without a highlight; a chapter highlight draws exactly its zones and parks', async () => {
    expect(overlayCalls('briefing-highlight').every(([, fc]) => fc.features.length === 0)).toBe(true);
    expect(port.addedOverlays()).toEqual([]);
    store.setState({ briefingHighlight: ['zhangjiang-pole', 'the-bund', 'no-such-id'] });
    const drawn = port.dataOf('briefing-highlight')!.features;
    expect(drawn.map((f) => [f.properties?.id, f.geometry.type])).toEqual([
      ['zhangjiang-pole', expect.stringMatching(/Polygon$/)],
      ['the-bund', 'Point'],
    ]);
    expect(port.addedOverlays()).toEqual(['briefing-highlight']);
  });

  it('frames each chapter bounds for the map: the first view jumps, a new chapter flies; settled when the map reports its camera', async () => {
    const script = await loadBriefing('/', diskFetcher());
    if (!script.ok) throw new Error(script.error);
    store.getState().setBriefing(script.data);
    const [ch1, ch2] = [script.data.chapters[1]!, script.data.chapters[2]!];
    // the first view: the map asks itself for the camera of the chapter's bounds, with room around, and jumps there
    store.getState().startBriefing('audience', 1);
    expect(port.lastCall('cameraForBounds')).toEqual([ch1.bounds, FRAME_PADDING]);
    const framed1 = { lng: (ch1.bounds[0][0] + ch1.bounds[1][0]) / 2, lat: (ch1.bounds[0][1] + ch1.bounds[1][1]) / 2, zoom: 10 };
    expect(port.lastCall('jumpTo')).toEqual([framed1]);
    expect(store.getState().briefingChapterCamera).toEqual(framed1);
    // a jump has arrived when it returns
    expect(store.getState().briefingCameraPending).toBe(false);
    // the next chapter flies to its own bounds (a flight that takes time, as MapLibre's)
    port.animatedFlights = true;
    store.getState().nextChapter();
    expect(store.getState().briefingCameraPending).toBe(true);
    expect(port.lastCall('flyTo')).toEqual([(ch2.bounds[0][0] + ch2.bounds[1][0]) / 2, (ch2.bounds[0][1] + ch2.bounds[1][1]) / 2, 10]);
    // turned again before it lands: the flight stops on the way and the map reports that camera
    // (MapLibre ends a flight inside the next flyTo), which is not the new chapter's arrival
    const ch3 = script.data.chapters[3]!;
    const fly = port.flyTo.getMockImplementation()!;
    port.flyTo.mockImplementationOnce((lng, lat, zoom) => {
      port.handlers!.onMoveEnd({ lng: 121, lat: 31, zoom: 8 });
      fly(lng, lat, zoom);
    });
    store.getState().nextChapter();
    expect(store.getState().camera).toEqual({ lng: 121, lat: 31, zoom: 8 });
    expect(store.getState().briefingCameraPending).toBe(true);
    expect(store.getState().briefingChapterCamera).toEqual({
      lng: (ch3.bounds[0][0] + ch3.bounds[1][0]) / 2,
      lat: (ch3.bounds[0][1] + ch3.bounds[1][1]) / 2,
      zoom: 10,
    });
    port.land();
    expect(store.getState().briefingCameraPending).toBe(false);
    // re-applying the chapter where the map already is: settled without a move
    store.getState().resumeChapter();
    expect(store.getState().briefingCameraPending).toBe(false);
  });
});
