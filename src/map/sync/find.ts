/**
 * The find tools on the map: the radius circle, the chosen point, the drawn area and rings on
 * the parks the tools found (radius/area hits, compared parks, numbered); picking a point with
 * a click; drawing an area. The store drives everything: drawing ends by putting the polygon
 * into the store, which this then draws itself.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { radiusCircle } from '../../geo/nearest';
import type { AppState, AppStore } from '../../state/store';
import type { MapClick, MapPort } from '../map-port';
import { sameItems, subscriber } from './subscribe';
import { selectAreaResult, selectWithinRadius } from '../../state/selectors/find';
import { selectFilters } from '../../state/selectors/parks';

const fc = (features: GeoJSON.Feature[] = []): FeatureCollection => ({ type: 'FeatureCollection', features });
const feature = (geometry: Geometry, properties: Record<string, unknown> = {}): GeoJSON.Feature => ({ type: 'Feature', properties, geometry });

/** What the find overlay draws for a state, per source. */
function findOverlayData(s: AppState): Record<'find-radius' | 'find-origin' | 'find-area' | 'find-hits', FeatureCollection> {
  const o = s.chosenPoint;
  const coords = s.derived?.parkCoords;
  const hits = new Set([...(selectWithinRadius(s) ?? []).map((r) => r.id), ...(selectAreaResult(s)?.parks ?? [])]);
  const points: GeoJSON.Feature[] = [];
  for (const id of hits) {
    const c = coords?.get(id);
    if (c) points.push(feature({ type: 'Point', coordinates: c }, { id, role: 'hit' }));
  }
  s.compareParkIds.forEach((id, i) => {
    const c = coords?.get(id);
    if (c) points.push(feature({ type: 'Point', coordinates: c }, { id, role: 'compare', n: String(i + 1) }));
  });
  return {
    'find-radius': fc(o && s.radiusKm ? [radiusCircle([o.lng, o.lat], s.radiusKm)] : []),
    'find-area': fc(s.drawnArea ? [feature(s.drawnArea)] : []),
    'find-hits': fc(points),
    'find-origin': fc(o ? [feature({ type: 'Point', coordinates: [o.lng, o.lat] })] : []),
  };
}

/** A map click while picking a point: it becomes the chosen point, and picking ends. */
export function pickPoint(store: AppStore, click: MapClick): void {
  const s = store.getState();
  s.setChosenPoint({ lng: click.lngLat.lng, lat: click.lngLat.lat, ref: null });
  s.setFindMode('none');
}

export function syncFind(port: MapPort, store: AppStore): () => void {
  const unsubs: (() => void)[] = [];
  const on = subscriber(store, unsubs);
  on(
    (s) => [s.chosenPoint, s.radiusKm, s.drawnArea, s.compareParkIds, selectFilters(s), s.derived] as const,
    () => {
      const data = findOverlayData(store.getState());
      for (const [source, collection] of Object.entries(data) as [keyof typeof data, FeatureCollection][]) port.setData(source, collection);
    },
    sameItems,
  );
  // the finished polygon goes to the store; draw mode ends after this click has been
  // dispatched, so the closing click selects nothing
  const finished = (polygon: GeoJSON.Polygon) => {
    void store.getState().setDrawnArea(polygon);
    setTimeout(() => store.getState().setFindMode('none'), 0);
  };
  let drawing = false;
  on(
    (s) => s.findMode,
    (mode) => {
      port.setCrosshair(mode !== 'none');
      if (mode === 'draw') port.startDraw(finished);
      else if (drawing) port.stopDraw();
      drawing = mode === 'draw';
    },
  );
  return () => {
    unsubs.forEach((u) => u());
    if (drawing) port.stopDraw();
  };
}
