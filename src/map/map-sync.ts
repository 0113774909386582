/**
 * Connects the store and the map controller outside React's render cycle: narrow subscriptions
 * call controller methods; map events become plain store actions.
 */
import type { AppStore } from '../state/store';
import { t } from '../i18n';
import { mapParks } from '../state/derive';
import { anyFilter } from '../state/filter';
import { selectEmphasisedZones, selectFilters, selectVisibleParks } from '../state/slices/find';
import type { MapController, MapHandlers } from './map-controller';

export function storeHandlers(store: AppStore): MapHandlers {
  const s = () => store.getState();
  let errorShown = false;
  return {
    onReady: () => s().setMapStatus('ready'),
    // while the find tools pick a point or draw an area, map clicks are theirs (src/map/extensions/find.ts)
    onParkClick: (id) => s().findMode === 'none' && s().selectPark(id),
    onZoneClick: (id) => s().findMode === 'none' && s().selectZone(id),
    onEmptyClick: () => s().findMode === 'none' && s().clearSelection(),
    onMoveEnd: (camera) => s().setCamera(camera),
    onError: (message) => {
      if (errorShown) return;
      errorShown = true;
      s().addNotice(t(s().lang, 'mapError'), [message]);
    },
  };
}

export function syncMapWithStore(map: MapController, store: AppStore): () => void {
  const unsubs: (() => void)[] = [];
  const on = <T>(select: (s: ReturnType<AppStore['getState']>) => T, apply: (v: T) => void, equality?: (a: T, b: T) => boolean) =>
    unsubs.push(store.subscribe(select, apply, { fireImmediately: true, ...(equality ? { equalityFn: equality } : {}) }));

  on(
    (s) => s.derived,
    (d) => {
      const geo = store.getState().geo;
      if (!d || !geo) return;
      // a file that failed to load is drawn empty (the UI names it), so the rest still shows and the map still gets ready
      const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });
      map.setData('provinces', d.provinces);
      map.setData('basemap-lines', d.basemapLines);
      map.setData('districts', geo.districts.ok ? geo.districts.data : empty());
      map.setData('district-labels', d.districtLabels);
      map.setData('zones', geo.zones.ok ? geo.zones.data : empty());
      map.setData('zone-labels', d.zoneLabels);
      map.setData('footprints', geo.footprints.ok ? geo.footprints.data : empty());
    },
  );
  // parks: colours follow the selection, so rebuild on either change
  on(
    (s) => [s.geo, s.sectors] as const,
    ([geo, sectors]) => {
      if (!geo) return;
      const sectorFile = geo.sectors.ok ? geo.sectors.data : null;
      map.setData('parks', mapParks(geo, sectors, sectorFile));
    },
    (a, b) => a[0] === b[0] && a[1] === b[1],
  );
  // which parks show and which zones come forward: every filter (sector, district, zone, confidence)
  on(
    (s) => [s.derived, selectFilters(s)] as const,
    ([d, filters]) => {
      if (!d) return;
      const s = store.getState();
      map.setParkFilter(anyFilter(filters) ? selectVisibleParks(s).map((p) => p.id) : null);
      map.setZoneEmphasis(selectEmphasisedZones(s));
    },
    (a, b) => a[0] === b[0] && a[1] === b[1],
  );
  on((s) => s.park, (id) => map.setSelectedPark(id));
  on((s) => s.layers, (layers) => map.setGroupVisibility(layers));
  on((s) => s.onlineBasemap, (v) => map.setOnlineBasemap(v));
  on((s) => s.lang, (lang) => map.setLang(lang));
  on(
    (s) => s.cameraRequest,
    (r) => {
      if (r) map.flyTo(r.lng, r.lat, r.zoom ?? undefined);
    },
  );
  return () => unsubs.forEach((u) => u());
}
