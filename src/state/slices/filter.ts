/**
 * The sector filter (top-level sectors and sub-sectors; empty: no restriction), and whether it
 * counts links inside broad areas (poles, belts, axes, whole districts) or only the strong ones
 * (named by the plan, on the official list, inside the sector's own cluster layout).
 */
import type { Slice } from '../slice-type';

export interface FilterSlice {
  sectorFilter: string[];
  includeBroad: boolean;
  toggleSector(id: string): void;
  setSectors(ids: string[]): void;
  setIncludeBroad(on: boolean): void;
}

export const filterSlice: Slice<FilterSlice> = (set) => ({
  sectorFilter: [],
  includeBroad: false,
  toggleSector: (id) => set((s) => ({ sectorFilter: s.sectorFilter.includes(id) ? s.sectorFilter.filter((x) => x !== id) : [...s.sectorFilter, id] })),
  setSectors: (ids) => set({ sectorFilter: [...new Set(ids)] }),
  setIncludeBroad: (includeBroad) => set({ includeBroad }),
});
