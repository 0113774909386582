/**
 * Where a map click goes. The controller reports the clickable feature hit first (registry
 * priority) or an empty click; this decides, in one place: the find tools take every click
 * while active, then the imported sites, then parks and zones; an empty click clears the selection.
 */
import type { AppStore } from '../../state/store';
import { layerEntry } from '../layers';
import type { MapClick, MapPort } from '../map-port';
import { pickPoint } from './find';
import { clickSites } from './sites';

export function routeClick(store: AppStore, port: MapPort | null, click: MapClick): void {
  const s = store.getState();
  if (s.findMode === 'pick') return pickPoint(store, click);
  // while drawing an area, clicks are the drawing tool's
  if (s.findMode !== 'none') return;
  if (clickSites(store, port, click)) return;
  const id = click.properties.id;
  if (click.layerId === 'parks-circle' && typeof id === 'string') s.selectPark(id);
  else if (click.layerId !== null && layerEntry(click.layerId).source === 'zones' && typeof id === 'string') s.selectZone(id);
  else s.clearSelection();
}
