/** The sector filter (top-level sectors and sub-sectors; empty: no restriction). */
import type { Slice } from '../slice-type';

export interface FilterSlice {
  sectors: string[];
  toggleSector(id: string): void;
  setSectors(ids: string[]): void;
}

export const filterSlice: Slice<FilterSlice> = (set) => ({
  sectors: [],
  toggleSector: (id) => set((s) => ({ sectors: s.sectors.includes(id) ? s.sectors.filter((x) => x !== id) : [...s.sectors, id] })),
  setSectors: (ids) => set({ sectors: [...new Set(ids)] }),
});
