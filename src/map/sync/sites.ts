/**
 * The user's imported sites on the map: one clustered overlay source (cluster circles with
 * counts, single sites coloured by their file), a ring on the picked site, and their clicks
 * (a site opens its card, a cluster zooms in). Not in the first view: the map puts the source
 * there empty once the page is idle (MapPort.prepareSites), or with the first import. The sites
 * go to the map as point sets (MapPort.setPointSets): their coordinates, which MapLibre's worker
 * cuts into tiles itself, so 100,000 sites do not block the page; each set's colour slot goes
 * with them, so an import never changes the style.
 */
import type { SiteSet } from '../../geo/sites';
import type { AppStore } from '../../state/store';
import { siteColorSlot } from '../../theme/sites';
import { selectedSiteFilter } from '../layers';
import type { MapClick, MapPort } from '../map-port';
import { subscriber } from './subscribe';

const SOURCE = 'user-sites';
const MAX_CLUSTER_ZOOM = 16;
/** Feature ids are unique across sets: the set's ordinal × 10⁶ + the site's index. */
const ID_STRIDE = 1_000_000;

/**
 * A click for the sites: a site opens its card, a cluster zooms in until it breaks up (true:
 * the click was theirs). Any other click lets go of the picked site.
 */
export function clickSites(store: AppStore, port: MapPort | null, click: MapClick): boolean {
  const { layerId, properties: p } = click;
  if (layerId === 'user-sites-point') {
    if (typeof p.set === 'string' && typeof p.i === 'number') store.getState().selectSite({ set: p.set, index: p.i });
    return true;
  }
  if (layerId === 'user-sites-cluster') {
    const center = click.featureLngLat;
    // a tile's cluster names the zoom it splits at (site-tiles.ts); a GeoJSON source's cluster is asked
    if (center && typeof p.expand === 'number') store.getState().requestCamera(center[0], center[1], Math.min(p.expand, MAX_CLUSTER_ZOOM));
    else if (port && center && typeof p.cluster_id === 'number')
      void port.clusterExpansionZoom(SOURCE, p.cluster_id).then((zoom) => {
        if (zoom !== null) store.getState().requestCamera(center[0], center[1], Math.min(zoom, MAX_CLUSTER_ZOOM));
      });
    return true;
  }
  if (store.getState().selectedSite) store.getState().selectSite(null);
  return false;
}

export function syncSites(port: MapPort, store: AppStore): () => void {
  const unsubs: (() => void)[] = [];
  const on = subscriber(store, unsubs);
  // per map: each set's ordinal (for feature ids), kept while the map lives
  const ordinals = new Map<string, number>();
  let shown: readonly SiteSet[] = [];
  on(
    (s) => s.siteSets,
    (sets) => {
      if (sets.length === 0 && shown.length === 0) return;
      shown = sets;
      for (const set of sets) if (!ordinals.has(set.id)) ordinals.set(set.id, ordinals.size);
      // each set's colour (by its place in the list) travels with its sites: the layer's paint never changes
      port.setPointSets(
        SOURCE,
        sets.map((set, k) => ({ key: set.id, coords: set.coords, count: set.count, idBase: ordinals.get(set.id)! * ID_STRIDE, color: siteColorSlot(k) })),
      );
    },
  );
  on(
    (s) => s.selectedSite,
    (sel) => port.setFilter('user-sites-selected', selectedSiteFilter(sel)),
  );
  on(
    (s) => s.sitesWanted,
    (wanted) => wanted && port.prepareSites(),
  );
  return () => unsubs.forEach((u) => u());
}
