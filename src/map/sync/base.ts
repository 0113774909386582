/**
 * The plan's map from the store: the base sources' data, which parks show and which zones come
 * forward (every filter), the selected park, layer groups, the language and camera requests.
 */
import { anyFilter } from '../../state/filter';
import type { AppStore } from '../../state/store';
import { ZONE_FILL_DEFAULT, ZONE_LINE_DEFAULT, emphasis, parkFilters, selectedParkFilter } from '../layers';
import type { ZoneFillLayer, ZoneLineLayer } from '../layers';
import type { MapPort } from '../map-port';
import { baseSources } from './source-data';
import type { StyleData, parksSource } from './source-data';
import { sameItems, subscriber } from './subscribe';
import { selectEmphasisedZones, selectFilters, selectVisibleParks } from '../../state/selectors/parks';

const FILL_LAYERS = Object.keys(ZONE_FILL_DEFAULT) as ZoneFillLayer[];
const LINE_LAYERS = Object.keys(ZONE_LINE_DEFAULT) as ZoneLineLayer[];

export function syncBase(port: MapPort, store: AppStore, parks: ReturnType<typeof parksSource>): () => void {
  const unsubs: (() => void)[] = [];
  const on = subscriber(store, unsubs);
  // what was last sent per layer filter / paint property (as JSON): a filter change touches only
  // the layers whose value changed (a district leaves the zones' emphasis as it was)
  const sent = new Map<string, string>();
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
  // parks: colours follow the selection, so rebuild on either change
  on(
    (s) => [s.geo, s.sectorFilter] as const,
    ([geo, sectors]) => {
      if (geo) port.setData('parks', parks(geo, sectors));
    },
    sameItems,
  );
  // which parks show and which zones come forward: every filter (sector, district, zone, confidence)
  on(
    (s) => [s.derived, selectFilters(s)] as const,
    ([d, filters]) => {
      if (!d) return;
      const s = store.getState();
      const filter = parkFilters(anyFilter(filters) ? selectVisibleParks(s).map((p) => p.id) : null);
      for (const [layer, f] of Object.entries(filter) as [keyof typeof filter, (typeof filter)[keyof typeof filter]][]) {
        if (changed(`${layer} filter`, f)) port.setFilter(layer, f);
      }
      const zones = selectEmphasisedZones(s);
      for (const layer of FILL_LAYERS) {
        const v = emphasis(layer, zones);
        if (changed(`${layer} fill-opacity`, v)) port.setPaint(layer, 'fill-opacity', v);
      }
      for (const layer of LINE_LAYERS) {
        const v = emphasis(layer, zones);
        if (changed(`${layer} line-opacity`, v)) port.setPaint(layer, 'line-opacity', v);
      }
    },
    sameItems,
  );
  on(
    (s) => s.selectedParkId,
    (id) => port.setFilter('parks-selected', selectedParkFilter(id)),
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
      if (r) port.flyTo(r.lng, r.lat, r.zoom ?? undefined);
    },
  );
  return () => unsubs.forEach((u) => u());
}
