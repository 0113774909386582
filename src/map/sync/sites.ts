/**
 * The user's imported sites on the map: one clustered overlay source (cluster circles with
 * counts, single sites coloured by their file), a ring on the picked site, and their clicks
 * (a site opens its card, a cluster zooms in). Added on the first import, so the first view is
 * unchanged. The sites go to the map in chunks (MapPort.addFeatures): 100,000 at once would
 * block the page while MapLibre clones them to its worker.
 */
import type { SiteSet } from '../../geo/sites';
import type { AppStore } from '../../state/store';
import { selectedSiteFilter, setColorExpression } from '../layers';
import type { MapClick, MapPort } from '../map-port';
import { subscriber } from './subscribe';

const SOURCE = 'user-sites';
/** Features per chunk: each is cloned to MapLibre's worker in its own short task. */
export const CHUNK = 10_000;
const MAX_CLUSTER_ZOOM = 16;

/** Sites i0…i1-1 of a set as Point features; ids are unique across sets (ordinal × 10⁶ + i). */
function siteFeatures(set: SiteSet, ordinal: number, i0: number, i1: number): GeoJSON.Feature<GeoJSON.Point>[] {
  const out: GeoJSON.Feature<GeoJSON.Point>[] = [];
  const c = set.coords;
  for (let i = i0; i < Math.min(i1, set.count); i++)
    out.push({
      type: 'Feature',
      id: ordinal * 1_000_000 + i,
      geometry: { type: 'Point', coordinates: [c[2 * i]!, c[2 * i + 1]!] },
      properties: { set: set.id, i },
    });
  return out;
}

function* chunksOf(set: SiteSet, ordinal: number): Generator<GeoJSON.Feature[]> {
  for (let i0 = 0; i0 < set.count; i0 += CHUNK) yield siteFeatures(set, ordinal, i0, i0 + CHUNK);
}

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
    if (port && center && typeof p.cluster_id === 'number')
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
  // per map: which sets it has, and each set's ordinal (for feature ids)
  const ordinals = new Map<string, number>();
  let shown: SiteSet[] = [];
  on(
    (s) => s.siteSets,
    (sets) => {
      if (sets.length === 0 && shown.length === 0) return;
      port.setPaint('user-sites-point', 'circle-color', setColorExpression(sets.map((x) => x.id)));
      const removed = shown.some((x) => !sets.includes(x));
      const fresh = removed ? sets : sets.filter((x) => !shown.includes(x));
      if (removed) port.setData(SOURCE, { type: 'FeatureCollection', features: [] });
      shown = sets;
      for (const set of fresh) {
        if (!ordinals.has(set.id)) ordinals.set(set.id, ordinals.size);
        port.addFeatures(SOURCE, chunksOf(set, ordinals.get(set.id)!));
      }
    },
  );
  on(
    (s) => s.selectedSite,
    (sel) => port.setFilter('user-sites-selected', selectedSiteFilter(sel)),
  );
  return () => unsubs.forEach((u) => u());
}
