import type { Map as MlMap, MapLibreEvent } from 'maplibre-gl';

/** The longest the map stays undrawn after its creation, ms: past it, it draws as its data arrive. */
export const FIRST_FRAME_HOLD_MS = 2500;

type Painter = { render: (...args: unknown[]) => void };

/**
 * Holds a new map's drawing until its first frame is complete: until every source has its data
 * and every tile in view is loaded (`isStyleLoaded`), MapLibre runs each frame as usual (it asks
 * for tiles, places labels) but draws nothing, and the map's area shows its container's
 * background. Without the hold, each source and tile that arrives draws the whole map again, and
 * the page's window is composited again; with a software GPU (SwiftShader, 2 cores here) that is
 * 100–200 ms of CPU a frame, taken from the workers that are tiling the data: 5–7 partial frames
 * before the map is complete.
 *
 * The hold ends at the first complete frame, at a camera move that is not the first view's fit
 * (a drag, a flight: those need their frames), or `maxMs` after it began, whichever comes first;
 * then MapLibre draws as it always does. Returns a function that ends it (before the map's removal).
 *
 * It wraps the map's painter, which MapLibre does not document; where there is none (a fake map
 * in a test, another MapLibre), nothing is held.
 */
export function holdFirstFrame(map: MlMap, maxMs = FIRST_FRAME_HOLD_MS): () => void {
  const painter = (map as unknown as { painter?: Partial<Painter> }).painter;
  const draw = painter?.render;
  if (!painter || typeof draw !== 'function') return () => {};
  let held = true;
  /** `redraw`: draw what was held back (not when the frame that ends the hold draws anyway) */
  const end = (redraw = true) => {
    if (!held) return;
    held = false;
    clearTimeout(timer);
    map.off('movestart', onMove);
    painter.render = draw;
    if (redraw) map.triggerRepaint();
  };
  const onMove = (e: MapLibreEvent & { firstView?: boolean }) => {
    if (!e.firstView) end();
  };
  function hold(this: unknown, ...args: unknown[]): void {
    if (!map.isStyleLoaded()) return;
    end(false);
    draw!.apply(this, args);
  }
  const timer = setTimeout(end, maxMs);
  map.on('movestart', onMove);
  painter.render = hold;
  return () => end(false);
}
