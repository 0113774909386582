/** The loaded data, and what the UI and the map derive from it once per load. */
import type { Slice } from '../slice-type';
import type { GeoData } from '../../loaders/load-geo';
import { deriveData } from '../derive';
import type { Derived } from '../derive';

export interface DataSlice {
  geo: GeoData | null;
  derived: Derived | null;
  setGeo(geo: GeoData): void;
}

export const dataSlice: Slice<DataSlice> = (set) => ({
  geo: null,
  derived: null,
  setGeo: (geo) => set({ geo, derived: deriveData(geo) }),
});
