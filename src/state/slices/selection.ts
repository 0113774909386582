/** The park or zone whose card is open (at most one of them). */
import type { Slice } from '../slice-type';

export interface SelectionSlice {
  selectedParkId: string | null;
  selectedZoneId: string | null;
  selectPark(id: string | null): void;
  selectZone(id: string | null): void;
  clearSelection(): void;
}

export const selectionSlice: Slice<SelectionSlice> = (set) => ({
  selectedParkId: null,
  selectedZoneId: null,
  selectPark: (id) => set({ selectedParkId: id, selectedZoneId: null }),
  selectZone: (id) => set({ selectedZoneId: id, selectedParkId: null }),
  clearSelection: () => set({ selectedParkId: null, selectedZoneId: null }),
});
