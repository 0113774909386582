/**
 * Where a map click goes. The controller reports every clickable feature under the pointer (in
 * registry priority); this decides, in one place: the find tools take every click while
 * active, then the imported sites, then parks and zones; an empty click clears the selection.
 *
 * Parks and zones: one park under the pointer opens it (the dot is the target, whatever zones
 * lie beneath); several parks (sharing a point), or no park and several zones (stacked layouts),
 * open the chooser, which lists parks first (nearest first), then zones from the smallest to
 * the largest; a single zone opens directly.
 */
import type { ChooserItem } from '../../state/slices/chooser';
import type { AppStore } from '../../state/store';
import { INTERACTIVE_LAYERS, layerEntry } from '../layers';
import type { MapClick, MapHit, MapPort } from '../map-port';
import { pickPoint } from './find';
import { clickSites } from './sites';

const isZoneHit = (h: MapHit) => layerEntry(h.layerId).source === 'zones';
const idOf = (h: MapHit) => (typeof h.properties.id === 'string' ? h.properties.id : null);
const area = (h: MapHit) => (typeof h.properties.area_km2 === 'number' ? h.properties.area_km2 : Infinity);
const priority = (h: MapHit) => INTERACTIVE_LAYERS.indexOf(h.layerId);

/**
 * What lies under a click, as the chooser lists it: parks first, nearest the click first; then
 * zones from the smallest area to the largest (equal areas, a shared outline: in click priority,
 * so the cluster layouts come before the pole that owns the outline). Each place once.
 */
export function placesUnder(click: MapClick): { parks: ChooserItem[]; zones: ChooserItem[] } {
  const hits = click.hits ?? (click.layerId ? [{ layerId: click.layerId, properties: click.properties, featureLngLat: click.featureLngLat }] : []);
  const { lng, lat } = click.lngLat;
  const k = Math.cos((lat * Math.PI) / 180);
  const distance = (h: MapHit) => (h.featureLngLat ? Math.hypot((h.featureLngLat[0] - lng) * k, h.featureLngLat[1] - lat) : Infinity);
  const once = (items: MapHit[], kind: ChooserItem['kind']): ChooserItem[] => {
    const seen = new Set<string>();
    return items.flatMap((h) => {
      const id = idOf(h);
      if (id === null || seen.has(id)) return [];
      seen.add(id);
      return [{ kind, id }];
    });
  };
  const parks = hits.filter((h) => h.layerId === 'parks-circle').sort((a, b) => distance(a) - distance(b) || idOf(a)!.localeCompare(idOf(b)!));
  const zones = hits.filter(isZoneHit).sort((a, b) => area(a) - area(b) || priority(a) - priority(b) || idOf(a)!.localeCompare(idOf(b)!));
  return { parks: once(parks, 'park'), zones: once(zones, 'zone') };
}

export function routeClick(store: AppStore, port: MapPort | null, click: MapClick): void {
  const s = store.getState();
  s.closeChooser();
  if (s.findMode === 'pick') return pickPoint(store, click);
  // while drawing an area, clicks are the drawing tool's
  if (s.findMode !== 'none') return;
  if (clickSites(store, port, click)) return;
  const { parks, zones } = placesUnder(click);
  const one = parks.length === 1 ? parks[0]! : parks.length === 0 && zones.length === 1 ? zones[0]! : null;
  if (one) s.chooseItem(one);
  else if (parks.length + zones.length > 1) s.openChooser([...parks, ...zones], click.point ?? null);
  else s.clearSelection();
}
