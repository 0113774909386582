import type { AppStore } from '../../state/store';
import { prepareLinking } from '../../state/link-client';

/**
 * What a first import would otherwise wait for: the link worker with its linker built, the map's
 * sites layers warmed up (the store's `sitesWanted`: the map does it once it is ready and the
 * page idle) and the import report's code. Called once the page is idle after the first view,
 * and earlier when a person shows they are about to import: pressing the import button or
 * tabbing to it, dragging a file over the page. A file dialog then gives it time to finish, so a
 * file picked straight after the page opened is not linked and drawn beside the warm-up's work.
 * Each part is done once; calling it again does nothing.
 */
export function prepareImport(store: AppStore): void {
  prepareLinking(store);
  store.getState().wantSites();
  void import('./ImportViews');
}
