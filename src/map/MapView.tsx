import { useEffect, useRef } from 'react';
import fontFaces from 'virtual:font-faces';
import { useAppStore, useStoreApi } from '../state/store';
import { t } from '../i18n';
import { DEFAULT_CAMERA, MapController, NoWebGLError } from './map-controller';
import { onlineBasemapFromEnv } from './style';
import { sourceData, storeHandlers, syncMapWithStore } from './map-sync';
import { installExtensions } from './extensions';
import type { Camera } from '../domain/types';

/** Hosts the map: creates the one controller on mount and destroys it on unmount. */
export function MapView({ initialCamera }: { initialCamera: Camera | null }) {
  const store = useStoreApi();
  const ref = useRef<HTMLDivElement>(null);
  const status = useAppStore((s) => s.mapStatus);
  const lang = useAppStore((s) => s.lang);
  const cameraRef = useRef(initialCamera);

  useEffect(() => {
    const el = ref.current!;
    let controller: MapController;
    try {
      controller = new MapController(
        el,
        { lang: store.getState().lang, fontFaces, online: onlineBasemapFromEnv(import.meta.env) },
        cameraRef.current ?? DEFAULT_CAMERA,
        storeHandlers(store),
        // the data, when it is in already (App sets it in a layout effect, before this runs)
        sourceData(store.getState()) ?? {},
      );
    } catch (e) {
      if (e instanceof NoWebGLError) {
        store.getState().setMapStatus('no-webgl', e.message);
        return;
      }
      throw e;
    }
    const stopSync = syncMapWithStore(controller, store);
    const stopExtensions = installExtensions(controller, store);
    const stop = () => {
      stopExtensions();
      stopSync();
    };
    (window as unknown as { __map?: unknown }).__map = controller.map;
    return () => {
      stop();
      controller.destroy();
    };
  }, [store]);

  return (
    <div className="map-wrap">
      <div ref={ref} className="map" data-testid="map" role="region" aria-label={t(lang, 'title')} />
      {status === 'no-webgl' && (
        <div className="map-message" role="alert">
          {t(lang, 'noWebgl')}
        </div>
      )}
    </div>
  );
}
