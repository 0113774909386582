/**
 * Map extension of the find feature: the radius circle, the chosen point, the drawn area and
 * highlights of the parks the tools found (radius/area hits, compared parks, numbered); the
 * terra-draw polygon tool; and map clicks in "pick a point" mode. The store drives everything:
 * drawing ends by putting the polygon into the store, which this then draws itself.
 * Called once by MapView after the controller exists; returns a function that undoes it.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, MapMouseEvent } from 'maplibre-gl';
import type { TerraDraw } from 'terra-draw';
import type { MapController } from '../map-controller';
import type { AppState, AppStore } from '../../state/store';
import { radiusCircle } from '../../geo/nearest';
import { selectAreaResult, selectWithinRadius } from '../../state/selectors/find';
import { selectFilters } from '../../state/selectors/parks';

const SRC = { radius: 'find-radius', origin: 'find-origin', area: 'find-area', hits: 'find-hits' } as const;
export const FIND_LAYERS = [
  'find-radius-fill',
  'find-radius-line',
  'find-area-fill',
  'find-area-line',
  'find-hits',
  'find-compare',
  'find-compare-label',
  'find-origin',
] as const;
const ACCENT = '#6a3fb5';
/** layer-id prefixes of the other overlays (src/map/extensions/sites.ts, briefing.ts) and terra-draw's */
const AFTER_FIND = ['user-sites-', 'briefing-', 'find-draw'];

const fc = (features: GeoJSON.Feature[] = []): FeatureCollection => ({ type: 'FeatureCollection', features });
const feature = (geometry: Geometry, properties: Record<string, unknown> = {}): GeoJSON.Feature => ({ type: 'Feature', properties, geometry });

/** What the extension draws for a state (pure; exported for tests). */
export function findOverlayData(s: AppState): Record<keyof typeof SRC, FeatureCollection> {
  const o = s.origin;
  const coords = s.derived?.parkCoords;
  const hits = new Set([...(selectWithinRadius(s) ?? []).map((r) => r.id), ...(selectAreaResult(s)?.parks ?? [])]);
  const points: GeoJSON.Feature[] = [];
  for (const id of hits) {
    const c = coords?.get(id);
    if (c) points.push(feature({ type: 'Point', coordinates: c }, { id, role: 'hit' }));
  }
  s.compare.forEach((id, i) => {
    const c = coords?.get(id);
    if (c) points.push(feature({ type: 'Point', coordinates: c }, { id, role: 'compare', n: String(i + 1) }));
  });
  return {
    origin: fc(o ? [feature({ type: 'Point', coordinates: [o.lng, o.lat] })] : []),
    radius: fc(o && s.radiusKm ? [radiusCircle([o.lng, o.lat], s.radiusKm)] : []),
    area: fc(s.area ? [feature(s.area)] : []),
    hits: fc(points),
  };
}

export function install(controller: MapController, store: AppStore): () => void {
  const map = controller.map;
  // the component tests' stand-in controller (tests/fakes) has no real map: nothing to draw on
  if (typeof controller.whenStyle !== 'function' || typeof (map as { on?: unknown }).on !== 'function') return () => {};
  const unsubs: (() => void)[] = [];
  let draw: TerraDraw | null = null;
  let styled = false;

  // sources and layers are added with the first thing to draw: until then MapLibre's worker
  // has four fewer sources to tile while the map loads
  let added = false;
  const addLayers = (data: ReturnType<typeof findOverlayData>) => {
    for (const k of Object.keys(SRC) as (keyof typeof SRC)[]) map.addSource(SRC[k], { type: 'geojson', data: data[k] });
    // below anything added since the style loaded (imported sites, briefing highlights, the
    // drawing tool), where they were when these layers were added with the style
    const before = map.getStyle().layers.find((l) => AFTER_FIND.some((prefix) => l.id.startsWith(prefix)))?.id;
    const addLayer = (layer: Parameters<typeof map.addLayer>[0]) => map.addLayer(layer, before);
    addLayer({ id: 'find-radius-fill', type: 'fill', source: SRC.radius, paint: { 'fill-color': ACCENT, 'fill-opacity': 0.08 } });
    addLayer({ id: 'find-radius-line', type: 'line', source: SRC.radius, paint: { 'line-color': ACCENT, 'line-width': 2, 'line-dasharray': [3, 2] } });
    addLayer({ id: 'find-area-fill', type: 'fill', source: SRC.area, paint: { 'fill-color': '#e07a1f', 'fill-opacity': 0.12 } });
    addLayer({ id: 'find-area-line', type: 'line', source: SRC.area, paint: { 'line-color': '#c0620c', 'line-width': 2 } });
    addLayer({
      id: 'find-hits',
      type: 'circle',
      source: SRC.hits,
      filter: ['==', ['get', 'role'], 'hit'],
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 8, 13, 12],
        'circle-stroke-color': ACCENT,
        'circle-stroke-width': 2,
      },
    });
    addLayer({
      id: 'find-compare',
      type: 'circle',
      source: SRC.hits,
      filter: ['==', ['get', 'role'], 'compare'],
      paint: { 'circle-color': '#1f2328', 'circle-radius': 8, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2, 'circle-translate': [0, -16] },
    });
    addLayer({
      id: 'find-compare-label',
      type: 'symbol',
      source: SRC.hits,
      filter: ['==', ['get', 'role'], 'compare'],
      layout: { 'text-field': ['get', 'n'], 'text-font': ['Noto Sans SC'], 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#ffffff', 'text-translate': [0, -16] },
    });
    addLayer({
      id: 'find-origin',
      type: 'circle',
      source: SRC.origin,
      paint: { 'circle-color': '#d7263d', 'circle-radius': 6, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    });
    added = true;
  };

  const render = () => {
    if (!styled) return;
    const data = findOverlayData(store.getState());
    if (!added) {
      if (Object.values(data).some((c) => c.features.length > 0)) addLayers(data);
      return;
    }
    for (const k of Object.keys(SRC) as (keyof typeof SRC)[]) (map.getSource(SRC[k]) as GeoJSONSource | undefined)?.setData(data[k]);
  };

  controller.whenStyle(() => {
    styled = true;
    render();
    applyMode(store.getState().findMode);
  });

  unsubs.push(
    store.subscribe((s) => [s.origin, s.radiusKm, s.area, s.compare, selectFilters(s), s.derived] as const, render, {
      equalityFn: (a, b) => a.every((v, i) => v === b[i]),
    }),
  );

  // ---- pick a point: the controller's own click handling stands aside while findMode ≠ 'none' (map-sync)
  const onClick = (e: MapMouseEvent) => {
    const s = store.getState();
    if (s.findMode !== 'pick') return;
    s.setOrigin({ lng: e.lngLat.lng, lat: e.lngLat.lat, ref: null });
    s.setFindMode('none');
  };
  map.on('click', onClick);

  // ---- draw an area with terra-draw (polygon mode); the finished polygon goes to the store.
  // terra-draw loads on the first use of the tool, so it stays out of the first view.
  let loading: Promise<TerraDraw> | null = null;
  const ensureDraw = (): Promise<TerraDraw> => {
    if (draw) return Promise.resolve(draw);
    return (loading ??= Promise.all([import('terra-draw'), import('terra-draw-maplibre-gl-adapter')]).then(([td, adapter]) => {
      draw = new td.TerraDraw({
        adapter: new adapter.TerraDrawMapLibreGLAdapter({ map, prefixId: 'find-draw' }),
        modes: [new td.TerraDrawPolygonMode()],
      });
      wireDraw(draw);
      return draw;
    }));
  };
  const wireDraw = (d: TerraDraw) => {
    d.on('finish', (id) => {
      const f = draw?.getSnapshotFeature(id);
      const s = store.getState();
      if (f && f.geometry.type === 'Polygon') s.setArea(f.geometry);
      draw?.clear();
      // leave draw mode after this click has been dispatched, so the closing click selects nothing
      setTimeout(() => store.getState().setFindMode('none'), 0);
    });
  };
  const applyMode = (mode: AppState['findMode']) => {
    if (!styled) return;
    map.getCanvas().style.cursor = mode === 'none' ? '' : 'crosshair';
    map.getContainer().dataset.findMode = mode;
    if (mode === 'draw') {
      void ensureDraw().then((d) => {
        // the mode may have changed while terra-draw loaded
        if (store.getState().findMode !== 'draw') return;
        if (!d.enabled) d.start();
        d.setMode('polygon');
      });
    } else if (draw?.enabled) {
      draw.clear();
      draw.stop();
    }
  };
  unsubs.push(store.subscribe((s) => s.findMode, applyMode));

  return () => {
    unsubs.forEach((u) => u());
    map.off('click', onClick);
    if (draw?.enabled) draw.stop();
  };
}
