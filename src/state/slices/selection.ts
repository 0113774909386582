/** The park or zone whose card is open (at most one of them). */
import type { Slice } from '../slice-type';

export interface SelectionSlice {
  park: string | null;
  zone: string | null;
  selectPark(id: string | null): void;
  selectZone(id: string | null): void;
  clearSelection(): void;
}

export const selectionSlice: Slice<SelectionSlice> = (set) => ({
  park: null,
  zone: null,
  selectPark: (id) => set({ park: id, zone: null }),
  selectZone: (id) => set({ zone: id, park: null }),
  clearSelection: () => set({ park: null, zone: null }),
});
