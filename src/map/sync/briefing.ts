/**
 * A briefing chapter on the map: its highlighted zones and parks (an overlay, added with the
 * first chapter that highlights something); framing the chapter's bounds for this map's size
 * (a flight to a new chapter, a jump on the first view and when the window's size changes);
 * telling the store when the chapter's camera is reached; and the presenter's pointer and
 * spotlight (an overlay placed by map coordinate, fed by this map's mouse while a mode is on).
 */
import { currentChapter, sameCamera } from '../../state/slices/briefing';
import type { BriefingPointer, PointerMode } from '../../state/slices/briefing';
import type { AppState, AppStore } from '../../state/store';
import type { MapPort } from '../map-port';
import { sameItems, subscriber } from './subscribe';

/** Room left around a chapter's bounds, in CSS pixels (the zoom buttons, the badges). */
export const FRAME_PADDING = 40;
/** The spotlight's radius, as a share of the smaller side of the map that points. */
const SPOT_SHARE = 0.16;
/** Earth's circumference at the equator (MapLibre's), metres. */
const EARTH = 40075016.686;
/** Ground metres per CSS pixel at a latitude and zoom (Web Mercator, 512-px tiles). */
const metresPerPixel = (lat: number, zoom: number) => (EARTH * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);

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

/** The pointer as the overlay draws it; `k` is the spotlight's radius in pixels at zoom 0 (the layer scales it by 2^zoom). */
export function pointerFeatures(p: BriefingPointer | null, mode: PointerMode): GeoJSON.FeatureCollection {
  if (!p || mode === 'off') return { type: 'FeatureCollection', features: [] };
  const k = p.radiusM / ((EARTH * Math.cos((p.lat * Math.PI) / 180)) / 512);
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lng, p.lat] }, properties: { mode, k } }],
  };
}

export function syncBriefing(port: MapPort, store: AppStore): () => void {
  const unsubs: (() => void)[] = [];
  const on = subscriber(store, unsubs);
  on(
    (s) => [s.briefingHighlight, s.geo] as const,
    ([ids]) => port.setData('briefing-highlight', highlightFeatures(store.getState(), ids)),
    sameItems,
  );

  // frame the chapter: a new chapter flies there; the first view and a new window size jump
  let framedSeq: number | null = null;
  on(
    (s) => s.briefingFrameSeq,
    () => {
      const s = store.getState();
      const ch = currentChapter(s);
      if (!ch) return;
      port.resize();
      const target = port.cameraForBounds(ch.bounds, FRAME_PADDING);
      s.setBriefingChapterCamera(target);
      const jump = framedSeq === null || framedSeq === s.briefingSeq;
      framedSeq = s.briefingSeq;
      // a flight still going (chapters turned quickly) ends inside this call, reporting a camera
      // on the way: that is not this chapter's arrival
      framing = true;
      try {
        if (sameCamera(port.camera(), target)) {
          // there already
        } else if (jump) port.jumpTo(target);
        else port.flyTo(target.lng, target.lat, target.zoom);
      } finally {
        framing = false;
      }
      if (sameCamera(port.camera(), target)) store.getState().briefingCameraSettled();
    },
  );
  // the chapter's flight has ended once the map reports a camera after it
  let framing = false;
  unsubs.push(
    store.subscribe(
      (s) => s.camera,
      () => {
        if (!framing) store.getState().briefingCameraSettled();
      },
    ),
  );

  // the pointer and the spotlight, wherever they come from
  on(
    (s) => [s.briefingPointer, s.briefingPointerMode] as const,
    ([p, mode]) => port.setData('briefing-pointer', pointerFeatures(p, mode)),
    sameItems,
  );
  // this map's mouse moves the pointer while a mode is on (one update per frame at most)
  let stopTracking: (() => void) | null = null;
  on(
    (s) => s.briefingPointerMode !== 'off' && s.briefingRole !== 'embed',
    (tracking) => {
      stopTracking?.();
      stopTracking = null;
      if (!tracking) return;
      let latest: { lng: number; lat: number } | null = null;
      let scheduled = false;
      const flush = () => {
        scheduled = false;
        if (!latest) return store.getState().setBriefingPointer(null);
        const c = port.camera();
        const snap = { ...latest };
        // the spotlight covers SPOT_SHARE of this map's smaller side, on the ground (so other windows agree)
        const side = Math.min(window.innerWidth, window.innerHeight);
        store.getState().setBriefingPointer({ ...snap, radiusM: SPOT_SHARE * side * metresPerPixel(snap.lat, c.zoom) });
      };
      const stop = port.trackPointer((ll) => {
        latest = ll;
        if (scheduled) return;
        scheduled = true;
        if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
        else flush();
      });
      stopTracking = () => {
        stop();
        store.getState().setBriefingPointer(null);
      };
    },
  );
  return () => {
    stopTracking?.();
    unsubs.forEach((u) => u());
  };
}
