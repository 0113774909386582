/** The sector filter (top-level sectors and sub-sectors; empty: no restriction). */
import type { Slice } from '../slice-type';

export interface FilterSlice {
  sectorFilter: string[];
  toggleSector(id: string): void;
  setSectors(ids: string[]): void;
}

export const filterSlice: Slice<FilterSlice> = (set) => ({
  sectorFilter: [],
  toggleSector: (id) => set((s) => ({ sectorFilter: s.sectorFilter.includes(id) ? s.sectorFilter.filter((x) => x !== id) : [...s.sectorFilter, id] })),
  setSectors: (ids) => set({ sectorFilter: [...new Set(ids)] }),
});
