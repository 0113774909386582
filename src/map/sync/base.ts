/**
 * The plan's map from the store: the base sources' data, which parks show and which zones come
 * forward (every filter), the selected park, layer groups, the language and camera requests.
 */
import { anyFilter } from '../../state/filter';
import { parkLook } from '../../state/derive';
import type { AppStore } from '../../state/store';
import { EMPH, emphasisStates, parkFilters, selectedParkFilter } from '../layers';
import type { MapPort } from '../map-port';
import { baseSources } from './source-data';
import type { StyleData, parksSource } from './source-data';
import { sameItems, subscriber } from './subscribe';
import { selectEmphasisedZones, selectFilters, selectVisibleParks } from '../../state/selectors/parks';

export function syncBase(port: MapPort, store: AppStore, parks: ReturnType<typeof parksSource>): () => void {
  const unsubs: (() => void)[] = [];
  const on = subscriber(store, unsubs);
  // what was last sent per layer filter (as JSON) and per zone's emphasis state: a filter change
  // touches only the layers and zones whose value changed (a district leaves the zones as they were)
  const sent = new Map<string, string>();
  const emphasised = new Map<string, 0 | 1 | null>();
  const changed = (key: string, value: unknown): boolean => {
    const json = JSON.stringify(value) ?? 'null';
    if (sent.get(key) === json) return false;
    sent.set(key, json);
    return true;
  };
  const setAll = (data: StyleData) => {
    for (const [id, fc] of Object.entries(data) as [keyof StyleData, GeoJSON.FeatureCollection][]) port.setData(id, fc);
  };

  on(
    (s) => s.derived,
    (d) => {
      const geo = store.getState().geo;
      if (d && geo) setAll(baseSources(d, geo));
    },
  );
  on(
    (s) => s.geo,
    (geo) => {
      if (geo) port.setData('parks', parks(geo));
    },
  );
  // each park's colour and strength for the sector selection: its feature state (unset with none),
  // sent only for the parks whose look changed; the source's data stays as it is
  const looks = new Map<string, string | null>();
  on(
    (s) => [s.geo, s.sectorFilter] as const,
    ([geo, sectors]) => {
      if (!geo?.parks.ok) return;
      const file = geo.sectors.ok ? geo.sectors.data : null;
      for (const f of geo.parks.data.features) {
        const look = sectors.length > 0 ? parkLook(f.properties, sectors, file) : null;
        const key = look ? `${look.color} ${look.strength}` : null;
        if ((looks.get(f.properties.id) ?? null) === key) continue;
        looks.set(f.properties.id, key);
        port.setFeatureState('parks', f.properties.id, look ?? { color: null, strength: null });
      }
    },
    sameItems,
  );
  // which parks show and which zones come forward: every filter (sector, district, zone, confidence);
  // the open park's name is drawn by its own layer, so parks-label leaves it out
  on(
    (s) => [s.derived, selectFilters(s), s.selectedParkId] as const,
    ([d, filters, selected]) => {
      if (!d) return;
      const s = store.getState();
      const filter = parkFilters(anyFilter(filters) ? selectVisibleParks(s).map((p) => p.id) : null, selected);
      for (const [layer, f] of Object.entries(filter) as [keyof typeof filter, (typeof filter)[keyof typeof filter]][]) {
        if (changed(`${layer} filter`, f)) port.setFilter(layer, f);
      }
      // the zones a sector brings forward: their feature state (the layers' paint stays as it is)
      const zoneIds = s.geo?.zones.ok ? s.geo.zones.data.features.map((f) => f.properties.id) : [];
      for (const [id, v] of emphasisStates(zoneIds, selectEmphasisedZones(s)))
        if ((emphasised.get(id) ?? null) !== v) {
          emphasised.set(id, v);
          port.setFeatureState('zones', id, { [EMPH]: v });
        }
    },
    sameItems,
  );
  on(
    (s) => s.selectedParkId,
    (id) => {
      port.setFilter('parks-selected', selectedParkFilter(id));
      port.setFilter('parks-selected-label', selectedParkFilter(id));
    },
  );
  on(
    (s) => s.layerVisibility,
    (layers) => port.setGroupVisibility(layers),
  );
  on(
    (s) => s.onlineBasemap,
    (on) => port.setGroupVisibility({ online: on }),
  );
  on(
    (s) => s.lang,
    (lang) => port.setLang(lang),
  );
  on(
    (s) => s.cameraRequest,
    (r) => {
      if (r?.bounds && r.unlessShown) port.fitBounds(r.bounds, undefined, { unlessShown: true });
      else if (r?.bounds) port.fitBounds(r.bounds);
      else if (r) port.flyTo(r.lng, r.lat, r.zoom ?? undefined);
    },
  );
  return () => unsubs.forEach((u) => u());
}
