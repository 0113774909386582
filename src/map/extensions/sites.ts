/**
 * Map extension of the sites feature: the user's imported sites as one clustered GeoJSON source
 * (cluster circles with counts, single sites coloured by their file), a ring on the picked site,
 * clicks (a site opens its card, a cluster zooms in). Added on the first import, so the first
 * view is unchanged. Called once by MapView after the controller exists; returns its undo.
 */
import type { ExpressionSpecification, GeoJSONSource, MapMouseEvent } from 'maplibre-gl';
import type { MapController } from '../map-controller';
import type { AppStore } from '../../state/store';
import type { SiteSet } from '../../geo/sites';
import { SITE_COLORS } from '../../theme/sites';

export const SITES_SOURCE = 'user-sites';
export const SITE_LAYERS = {
  cluster: 'user-sites-cluster',
  count: 'user-sites-count',
  point: 'user-sites-point',
  selected: 'user-sites-selected',
} as const;

/** One colour per imported file, in import order (repeating): the sites' own, apart from every sector's. */
export const SET_COLORS: readonly string[] = SITE_COLORS;

/** Features per update: each chunk is cloned to MapLibre's worker in its own short task. */
export const CHUNK = 10_000;

/** Sites i0…i1-1 of a set as Point features; ids are unique across sets (ordinal × 10⁶ + i). */
export function siteFeatures(set: SiteSet, ordinal: number, i0: number, i1: number): GeoJSON.Feature<GeoJSON.Point>[] {
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

/** circle-color by the feature's set id, in import order. */
export function setColorExpression(sets: readonly SiteSet[]): ExpressionSpecification {
  if (sets.length === 0) return ['literal', SET_COLORS[0]!] as unknown as ExpressionSpecification;
  const pairs = sets.flatMap((set, k) => [set.id, SET_COLORS[k % SET_COLORS.length]!]);
  return ['match', ['get', 'set'], ...pairs, SET_COLORS[0]!] as unknown as ExpressionSpecification;
}

export function install(controller: MapController, store: AppStore): () => void {
  // the component tests' fake controller has no map to draw on
  if (typeof controller.whenStyle !== 'function') return () => {};
  const map = controller.map;
  let added = false;
  let live = true;

  const ensure = () => {
    if (added) return;
    added = true;
    map.addSource(SITES_SOURCE, {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
      cluster: true,
      clusterRadius: 40,
      clusterMaxZoom: 14,
    });
    map.addLayer({
      id: SITE_LAYERS.cluster,
      type: 'circle',
      source: SITES_SOURCE,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': ['step', ['get', 'point_count'], '#5eead4', 100, '#2dd4bf', 1000, '#0d9488', 10000, '#115e59'],
        'circle-radius': ['step', ['get', 'point_count'], 12, 100, 16, 1000, 20, 10000, 25],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
        'circle-opacity': 0.9,
      },
    });
    map.addLayer({
      id: SITE_LAYERS.count,
      type: 'symbol',
      source: SITES_SOURCE,
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': ['Noto Sans SC'],
        'text-size': 11,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': ['step', ['get', 'point_count'], '#0b3b36', 1000, '#ffffff'] },
    });
    map.addLayer({
      id: SITE_LAYERS.point,
      type: 'circle',
      source: SITES_SOURCE,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': SET_COLORS[0]!,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4, 14, 7],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    });
    map.addLayer({
      id: SITE_LAYERS.selected,
      type: 'circle',
      source: SITES_SOURCE,
      filter: ['==', ['get', 'i'], -1],
      paint: { 'circle-radius': 11, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#111111', 'circle-stroke-width': 2.5 },
    });
    for (const id of [SITE_LAYERS.cluster, SITE_LAYERS.point]) {
      map.on('mouseenter', id, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', id, () => (map.getCanvas().style.cursor = ''));
    }
  };

  /** Takes clicks on sites and clusters (so a site inside a zone does not open the zone's card). */
  const onClick = (e: MapMouseEvent): boolean => {
    if (!added) return false;
    const hits = map.queryRenderedFeatures(e.point, { layers: [SITE_LAYERS.point, SITE_LAYERS.cluster] });
    const site = hits.find((f) => f.layer.id === SITE_LAYERS.point);
    if (site) {
      const { set, i } = site.properties as { set?: unknown; i?: unknown };
      if (typeof set === 'string' && typeof i === 'number') store.getState().selectSite({ set, index: i });
      return true;
    }
    const cluster = hits.find((f) => f.layer.id === SITE_LAYERS.cluster);
    if (cluster && cluster.geometry.type === 'Point') {
      const center = cluster.geometry.coordinates as [number, number];
      const id = cluster.properties?.cluster_id as number;
      void (map.getSource(SITES_SOURCE) as GeoJSONSource)
        .getClusterExpansionZoom(id)
        .then((zoom) => {
          if (live) map.easeTo({ center, zoom: Math.min(zoom, 16) });
        })
        .catch(() => {});
      return true;
    }
    if (store.getState().selectedSite) store.getState().selectSite(null);
    return false;
  };
  const unclaim = controller.claimClick(onClick);

  // Sending 100,000 features to MapLibre's worker in one setData clones them all in one long
  // main-thread task (and MapLibre sends URL-loaded data back, the same cost). So the sites go
  // in chunks through updateData, one chunk per task; the clustering runs in MapLibre's worker.
  const ordinals = new Map<string, number>();
  let nextOrdinal = 0;
  let shown: SiteSet[] = [];
  let queue: (() => void)[] = [];
  let pumping = false;
  const pump = () => {
    if (!live || queue.length === 0) {
      pumping = false;
      return;
    }
    queue.shift()!();
    setTimeout(pump, 0);
  };
  const draw = (sets: SiteSet[]) =>
    controller.whenStyle(() => {
      if (!live || (sets.length === 0 && !added)) return;
      ensure();
      map.setPaintProperty(SITE_LAYERS.point, 'circle-color', setColorExpression(sets));
      const source = map.getSource(SITES_SOURCE) as GeoJSONSource;
      const removed = shown.some((x) => !sets.includes(x));
      const fresh = removed ? sets : sets.filter((x) => !shown.includes(x));
      if (removed) {
        queue = [];
        void source.setData({ type: 'FeatureCollection', features: [] });
      }
      shown = sets;
      for (const set of fresh) {
        if (!ordinals.has(set.id)) ordinals.set(set.id, nextOrdinal++);
        const ord = ordinals.get(set.id)!;
        for (let i0 = 0; i0 < set.count; i0 += CHUNK) queue.push(() => void source.updateData({ add: siteFeatures(set, ord, i0, i0 + CHUNK) }));
      }
      if (!pumping) {
        pumping = true;
        pump();
      }
    });
  const ring = (sel: { set: string; index: number } | null) =>
    controller.whenStyle(() => {
      if (!live || !added) return;
      map.setFilter(SITE_LAYERS.selected, sel ? ['all', ['==', ['get', 'set'], sel.set], ['==', ['get', 'i'], sel.index]] : ['==', ['get', 'i'], -1]);
    });

  const unsubs = [store.subscribe((s) => s.siteSets, draw, { fireImmediately: true }), store.subscribe((s) => s.selectedSite, ring, { fireImmediately: true })];
  return () => {
    live = false;
    unsubs.forEach((u) => u());
    unclaim();
  };
}
