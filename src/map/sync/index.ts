/**
 * Connects the store and a map port outside React's render cycle: narrow subscriptions call
 * port methods (sync/*.ts, one per feature); map events become plain store actions.
 *
 *   const sync = createMapSync(store);
 *   const port = new MapController(el, style, camera, sync.handlers, sync.styleData() ?? {});
 *   const stop = sync.start(port);
 */
import { t } from '../../i18n';
import type { AppStore } from '../../state/store';
import type { MapHandlers, MapPort } from '../map-port';
import { syncBase } from './base';
import { syncBriefing } from './briefing';
import { routeClick } from './clicks';
import { syncFind } from './find';
import { syncSelection } from './selection';
import { syncSites } from './sites';
import { parksSource, styleData } from './source-data';
import type { StyleData } from './source-data';

export interface MapSync {
  /** what the map tells the store */
  handlers: MapHandlers;
  /** the base sources' data now (null before the data is in), to build the map's style with */
  styleData(): StyleData | null;
  /** drives the port from the store until the returned function is called */
  start(port: MapPort): () => void;
}

export function createMapSync(store: AppStore): MapSync {
  const s = () => store.getState();
  // per map: the same parks collection for the style and the first setData (no second upload)
  const parks = parksSource();
  let port: MapPort | null = null;
  let errorShown = false;
  return {
    handlers: {
      onReady: () => s().setMapStatus('ready'),
      onClick: (click) => routeClick(store, port, click),
      onMoveEnd: (camera) => s().setCamera(camera),
      onError: (message) => {
        if (errorShown) return;
        errorShown = true;
        s().addNotice(t(s().lang, 'mapError'), [message]);
      },
    },
    styleData: () => styleData(s(), parks),
    start(p) {
      port = p;
      const stops = [syncBase(p, store, parks), syncFind(p, store), syncSites(p, store), syncBriefing(p, store), syncSelection(p, store)];
      return () => {
        stops.forEach((stop) => stop());
        if (port === p) port = null;
      };
    },
  };
}
