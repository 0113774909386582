/**
 * Store slice of the find feature: search text, the district/zone/confidence filters, list sort,
 * the origin point (picked on the map or chosen in search), the radius, the drawn area (with what
 * lies inside it), the comparison (≤ 4 parks) and the map interaction mode. Its memoised
 * selectors are in ../selectors/find.ts.
 */
import type { Polygon } from 'geojson';
import type { Slice } from '../slice-type';
import { normalizeSearchText } from '../url/text';
import type { SortMode } from '../filter';
import type { Confidence } from '../../domain/ids';
import type { Basis } from '../../domain/ids';
import type * as AreaQuery from '../../geo/area-query';

export const MAX_COMPARE = 4;
export const MAX_RADIUS_KM = 200;

export interface Origin {
  lng: number;
  lat: number;
  /** what it is, when chosen in search (a park/zone id or a district name) */
  ref: { kind: 'park' | 'zone' | 'district'; id: string } | null;
}

export type FindMode = 'none' | 'pick' | 'draw';

export interface FindSlice {
  searchText: string;
  districtFilter: string[];
  zoneFilter: string[];
  confFilter: Confidence[];
  /** why a place is on the map: named by the plan, on the city's list */
  basisFilter: Basis[];
  sortBy: SortMode;
  chosenPoint: Origin | null;
  radiusKm: number | null;
  drawnArea: Polygon | null;
  /** every park (by location) and zone inside the drawn area, whatever the filters; set with `area` */
  drawnAreaHits: { parks: string[]; zones: string[] } | null;
  compareParkIds: string[];
  findMode: FindMode;
  setSearchText(q: string): void;
  toggleDistrict(name: string): void;
  toggleZoneFilter(id: string): void;
  toggleConf(c: Confidence): void;
  toggleBasis(b: Basis): void;
  setFindFilters(f: { districts?: string[]; zones?: string[]; conf?: Confidence[]; basis?: Basis[] }): void;
  clearFindFilters(): void;
  setSortBy(m: SortMode): void;
  setChosenPoint(o: Origin | null): void;
  setRadiusKm(km: number | null): void;
  /** Resolves once the area is set (a usable polygon) or cleared; a later call wins. */
  setDrawnArea(p: Polygon | null): Promise<void>;
  toggleCompare(id: string): void;
  setCompare(ids: string[]): void;
  setFindMode(m: FindMode): void;
}

const toggle = <T>(xs: readonly T[], x: T): T[] => (xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x]);

export const findSlice: Slice<FindSlice> = (set, get) => {
  /** counts setArea calls of this store: only the latest one sets the area */
  let areaToken = 0;
  return {
    searchText: '',
    districtFilter: [],
    zoneFilter: [],
    confFilter: [],
    basisFilter: [],
    sortBy: 'name',
    chosenPoint: null,
    radiusKm: null,
    drawnArea: null,
    drawnAreaHits: null,
    compareParkIds: [],
    findMode: 'none',
    setSearchText: (q) => set({ searchText: normalizeSearchText(q).text === q.trim() ? q : normalizeSearchText(q).text }),
    toggleDistrict: (name) => set((s) => ({ districtFilter: toggle(s.districtFilter, name) })),
    toggleZoneFilter: (id) => set((s) => ({ zoneFilter: toggle(s.zoneFilter, id) })),
    toggleConf: (c) => set((s) => ({ confFilter: toggle(s.confFilter, c) })),
    toggleBasis: (b) => set((s) => ({ basisFilter: toggle(s.basisFilter, b) })),
    setFindFilters: (f) =>
      set((s) => ({
        districtFilter: f.districts ? [...new Set(f.districts)] : s.districtFilter,
        zoneFilter: f.zones ? [...new Set(f.zones)] : s.zoneFilter,
        confFilter: f.conf ? [...new Set(f.conf)] : s.confFilter,
        basisFilter: f.basis ? [...new Set(f.basis)] : s.basisFilter,
      })),
    clearFindFilters: () => set({ districtFilter: [], zoneFilter: [], confFilter: [], basisFilter: [] }),
    setSortBy: (sortBy) => set({ sortBy }),
    setChosenPoint: (origin) => set((s) => ({ chosenPoint: origin, sortBy: origin || s.sortBy !== 'distance' ? s.sortBy : 'name' })),
    setRadiusKm: (km) => set({ radiusKm: km !== null && Number.isFinite(km) && km > 0 ? Math.min(km, MAX_RADIUS_KM) : null }),
    setDrawnArea: async (p) => {
      const token = ++areaToken;
      if (!p) return set({ drawnArea: null, drawnAreaHits: null });
      let q: typeof AreaQuery;
      try {
        // the area query (Turf's intersection and validity tests) loads with the first drawn area
        q = await import('../../geo/area-query');
      } catch {
        // the module could not load (e.g. offline after a new release): no area
        if (token === areaToken) set({ drawnArea: null, drawnAreaHits: null });
        return;
      }
      if (token !== areaToken) return;
      if (!q.isUsablePolygon(p)) return set({ drawnArea: null, drawnAreaHits: null });
      const { derived, geo } = get();
      const located = [...(derived?.parkCoords ?? [])].map(([id, coord]) => ({ id, coord }));
      const parks = q.parksInPolygon(p, located);
      const zones = geo?.zones.ok ? q.featuresIntersecting(p, geo.zones.data.features) : [];
      set({ drawnArea: p, drawnAreaHits: { parks, zones } });
    },
    toggleCompare: (id) =>
      set((s) =>
        s.compareParkIds.includes(id)
          ? { compareParkIds: s.compareParkIds.filter((x) => x !== id) }
          : s.compareParkIds.length >= MAX_COMPARE
            ? {}
            : { compareParkIds: [...s.compareParkIds, id] },
      ),
    setCompare: (ids) => set({ compareParkIds: [...new Set(ids)].slice(0, MAX_COMPARE) }),
    setFindMode: (findMode) => set({ findMode }),
  };
};
