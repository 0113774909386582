/** The selected zone highlighted on the map (the selected park's ring is the base sync's). */
import type { AppStore } from '../../state/store';
import { selectedZoneFilter } from '../layers';
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
  return () => unsubs.forEach((u) => u());
}
