/**
 * A briefing chapter on the map: its highlighted zones and parks (an overlay, added with the
 * first chapter that highlights something), and telling the store when a chapter's flight has
 * ended.
 */
import { CAMERA_TOLERANCE, currentChapter } from '../../state/slices/briefing';
import type { AppState, AppStore } from '../../state/store';
import type { MapPort } from '../map-port';
import { sameItems, subscriber } from './subscribe';

/** The map's features with these ids (zones, then parks): plain filtering, no geometry work. */
function highlightFeatures(s: AppState, ids: readonly string[]): GeoJSON.FeatureCollection {
  const geo = s.geo;
  const want = new Set(ids);
  const features: GeoJSON.Feature[] = [];
  for (const collection of [geo?.zones, geo?.parks])
    if (collection?.ok)
      for (const f of collection.data.features)
        if (want.has(f.properties.id)) features.push({ type: 'Feature', geometry: f.geometry, properties: { id: f.properties.id } });
  return { type: 'FeatureCollection', features };
}

export function syncBriefing(port: MapPort, store: AppStore): () => void {
  const unsubs: (() => void)[] = [];
  const on = subscriber(store, unsubs);
  on(
    (s) => [s.briefingHighlight, s.geo] as const,
    ([ids]) => port.setData('briefing-highlight', highlightFeatures(store.getState(), ids)),
    sameItems,
  );
  // the chapter's flight has ended once the map reports a camera after it (or at once if the map is already there)
  unsubs.push(
    store.subscribe(
      (s) => s.camera,
      () => store.getState().briefingCameraSettled(),
    ),
  );
  unsubs.push(
    store.subscribe(
      (s) => s.briefingSeq,
      () => {
        const ch = currentChapter(store.getState());
        if (!ch) return;
        const c = port.camera();
        const there =
          Math.abs(c.lng - ch.camera.lng) <= CAMERA_TOLERANCE.deg &&
          Math.abs(c.lat - ch.camera.lat) <= CAMERA_TOLERANCE.deg &&
          Math.abs(c.zoom - ch.camera.zoom) <= CAMERA_TOLERANCE.zoom;
        if (there) store.getState().briefingCameraSettled();
      },
    ),
  );
  return () => unsubs.forEach((u) => u());
}
