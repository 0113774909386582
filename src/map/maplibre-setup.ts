/** One-time MapLibre globals. The only other module importing maplibre-gl is map-controller.ts. */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

maplibregl.setWorkerUrl(workerUrl);

/**
 * Starts MapLibre's workers now (fetching and compiling the worker script) instead of when the
 * map first needs them, after its style has loaded: called once at start-up, before React mounts.
 */
export function prewarmMap(): void {
  if (typeof Worker !== 'undefined') maplibregl.prewarm();
}

export { maplibregl };
