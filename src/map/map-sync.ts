/**
 * Connects the store and the map controller outside React's render cycle: narrow subscriptions
 * call controller methods; map events become plain store actions.
 */
import type { AppStore } from '../state/store';
import { t } from '../i18n';
import { mapParks } from '../state/derive';
import { anyFilter } from '../state/filter';
import type { MapController, MapHandlers } from './map-controller';
import type { SourceId } from './layers';
import type { Derived } from '../state/derive';
import type { GeoData } from '../loaders/load-geo';
import { selectEmphasisedZones, selectFilters, selectVisibleParks } from '../state/selectors/parks';

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

type State = ReturnType<AppStore['getState']>;
type SourceData = Partial<Record<SourceId, GeoJSON.FeatureCollection>>;

// a file that failed to load is drawn empty (the UI names it), so the rest still shows and the map still gets ready
const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The sources that follow the loaded data (all but the parks). */
function baseSources(d: Derived, geo: GeoData): SourceData {
  return {
    provinces: d.provinces,
    'basemap-lines': d.basemapLines,
    districts: geo.districts.ok ? geo.districts.data : EMPTY,
    'district-labels': d.districtLabels,
    zones: geo.zones.ok ? geo.zones.data : EMPTY,
    'zone-labels': d.zoneLabels,
    footprints: geo.footprints.ok ? geo.footprints.data : EMPTY,
  };
}

/** The parks, coloured by the selection: one collection per (data, selection), so a repeat is a no-op. */
let lastParks: { geo: GeoData; sectors: readonly string[]; fc: GeoJSON.FeatureCollection } | null = null;
function parksSource(geo: GeoData, sectors: readonly string[]): GeoJSON.FeatureCollection {
  if (lastParks?.geo !== geo || lastParks.sectors !== sectors)
    lastParks = { geo, sectors, fc: mapParks(geo, sectors, geo.sectors.ok ? geo.sectors.data : null) };
  return lastParks.fc;
}

/**
 * Every source's data for a state that has loaded (null before): MapView builds the map's style
 * with it, so MapLibre's workers tile the real data at once instead of an empty placeholder first.
 */
export function sourceData(s: State): SourceData | null {
  if (!s.geo || !s.derived) return null;
  return { ...baseSources(s.derived, s.geo), parks: parksSource(s.geo, s.sectors) };
}

export function syncMapWithStore(map: MapController, store: AppStore): () => void {
  const unsubs: (() => void)[] = [];
  const on = <T>(select: (s: State) => T, apply: (v: T) => void, equality?: (a: T, b: T) => boolean) =>
    unsubs.push(store.subscribe(select, apply, { fireImmediately: true, ...(equality ? { equalityFn: equality } : {}) }));
  const setAll = (data: SourceData) => {
    for (const [id, fc] of Object.entries(data) as [SourceId, GeoJSON.FeatureCollection][]) map.setData(id, fc);
  };

  on(
    (s) => s.derived,
    (d) => {
      const geo = store.getState().geo;
      if (d && geo) setAll(baseSources(d, geo));
    },
  );
  // parks: colours follow the selection, so rebuild on either change
  on(
    (s) => [s.geo, s.sectors] as const,
    ([geo, sectors]) => {
      if (geo) map.setData('parks', parksSource(geo, sectors));
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
  on(
    (s) => s.park,
    (id) => map.setSelectedPark(id),
  );
  on(
    (s) => s.layers,
    (layers) => map.setGroupVisibility(layers),
  );
  on(
    (s) => s.onlineBasemap,
    (v) => map.setOnlineBasemap(v),
  );
  on(
    (s) => s.lang,
    (lang) => map.setLang(lang),
  );
  on(
    (s) => s.cameraRequest,
    (r) => {
      if (r) map.flyTo(r.lng, r.lat, r.zoom ?? undefined);
    },
  );
  return () => unsubs.forEach((u) => u());
}
