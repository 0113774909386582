/** The selected zone highlighted on the map (the selected park's ring is the base sync's), and the chosen districts outlined. */
import type { AppStore } from '../../state/store';
import { selectedZoneFilter } from '../layers';
import { chosenDistrictsFilter } from '../layers/base';
import { selectOutlinedDistricts } from '../../state/selectors/districts';
import type { MapPort } from '../map-port';
import { subscriber } from './subscribe';

export function syncSelection(port: MapPort, store: AppStore): () => void {
  const unsubs: (() => void)[] = [];
  const on = subscriber(store, unsubs);
  on(
    (s) => s.selectedZoneId,
    (id) => {
      const filter = selectedZoneFilter(id);
      port.setFilter('zones-selected-casing', filter);
      port.setFilter('zones-selected', filter);
    },
  );
  on(
    selectOutlinedDistricts,
    (names) => port.setFilter('districts-chosen', chosenDistrictsFilter(names)),
    (a, b) => a.join('\n') === b.join('\n'),
  );
  return () => unsubs.forEach((u) => u());
}
