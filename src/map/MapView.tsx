import { useEffect, useRef } from 'react';
import { useAppStore, useStoreApi } from '../state/store';
import { t } from '../i18n';
import { DEFAULT_CAMERA, MapController, NoWebGLError } from './map-controller';
import { onlineBasemapFromEnv } from './style';
import { createMapSync } from './sync';
import { districtBounds } from './sync/source-data';
import { useMapPortRef } from './map-port-context';
import type { Camera } from '../domain/types';

/** Hosts the map: creates the one controller on mount, syncs it with the store, destroys it on unmount. */
export function MapView({ initialCamera }: { initialCamera: Camera | null }) {
  const store = useStoreApi();
  const portRef = useMapPortRef();
  const ref = useRef<HTMLDivElement>(null);
  const status = useAppStore((s) => s.mapStatus);
  const lang = useAppStore((s) => s.lang);
  const findMode = useAppStore((s) => s.findMode);
  const cameraRef = useRef(initialCamera);

  useEffect(() => {
    const el = ref.current!;
    const sync = createMapSync(store);
    let controller: MapController;
    try {
      controller = new MapController(
        el,
        { lang: store.getState().lang, online: onlineBasemapFromEnv(import.meta.env) },
        cameraRef.current ?? DEFAULT_CAMERA,
        sync.handlers,
        // the data, when it is in already (App sets it in a layout effect, before this runs)
        sync.styleData() ?? {},
        // no camera in the link: the first view fits Shanghai's districts, whatever the screen
        cameraRef.current ? null : districtBounds(store.getState().geo),
        // the app's panels over the map: fitted views keep clear of the legend and the find toolbar, a flight's target of those, a site's card
        // and the statistics view (fixed over the map's foot, outside the map's area in the document)
        () => [...el.ownerDocument.querySelectorAll('[data-map-cover]')],
      );
    } catch (e) {
      if (e instanceof NoWebGLError) {
        store.getState().setMapStatus('no-webgl', e.message);
        return;
      }
      throw e;
    }
    const stop = sync.start(controller);
    if (portRef) portRef.current = controller;
    return () => {
      if (portRef?.current === controller) portRef.current = null;
      stop();
      controller.destroy();
    };
  }, [store, portRef]);

  return (
    <div className="map-wrap">
      <div ref={ref} className="map" data-testid="map" data-find-mode={findMode} role="region" aria-label={t(lang, 'title')} />
      {/* the map draws nothing until it is complete (first-frame.ts): until then its area says why it is empty */}
      {status === 'loading' && (
        <p className="map-loading" role="status">
          {t(lang, 'mapLoading')}
        </p>
      )}
      {status === 'no-webgl' && (
        <div className="map-message" role="alert">
          {t(lang, 'noWebgl')}
        </div>
      )}
    </div>
  );
}
