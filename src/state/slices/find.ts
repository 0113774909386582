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
  query: string;
  districtFilter: string[];
  zoneFilter: string[];
  confFilter: Confidence[];
  sortBy: SortMode;
  origin: Origin | null;
  radiusKm: number | null;
  area: Polygon | null;
  /** every park (by location) and zone inside the drawn area, whatever the filters; set with `area` */
  areaHits: { parks: string[]; zones: string[] } | null;
  compare: string[];
  findMode: FindMode;
  setQuery(q: string): void;
  toggleDistrict(name: string): void;
  toggleZoneFilter(id: string): void;
  toggleConf(c: Confidence): void;
  setFindFilters(f: { districts?: string[]; zones?: string[]; conf?: Confidence[] }): void;
  clearFindFilters(): void;
  setSortBy(m: SortMode): void;
  setOrigin(o: Origin | null): void;
  setRadiusKm(km: number | null): void;
  /** Resolves once the area is set (a usable polygon) or cleared; a later call wins. */
  setArea(p: Polygon | null): Promise<void>;
  toggleCompare(id: string): void;
  setCompare(ids: string[]): void;
  setFindMode(m: FindMode): void;
}

const toggle = <T>(xs: readonly T[], x: T): T[] => (xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x]);

export const findSlice: Slice<FindSlice> = (set, get) => {
  /** counts setArea calls of this store: only the latest one sets the area */
  let areaToken = 0;
  return {
    query: '',
    districtFilter: [],
    zoneFilter: [],
    confFilter: [],
    sortBy: 'name',
    origin: null,
    radiusKm: null,
    area: null,
    areaHits: null,
    compare: [],
    findMode: 'none',
    setQuery: (q) => set({ query: normalizeSearchText(q).text === q.trim() ? q : normalizeSearchText(q).text }),
    toggleDistrict: (name) => set((s) => ({ districtFilter: toggle(s.districtFilter, name) })),
    toggleZoneFilter: (id) => set((s) => ({ zoneFilter: toggle(s.zoneFilter, id) })),
    toggleConf: (c) => set((s) => ({ confFilter: toggle(s.confFilter, c) })),
    setFindFilters: (f) =>
      set((s) => ({
        districtFilter: f.districts ? [...new Set(f.districts)] : s.districtFilter,
        zoneFilter: f.zones ? [...new Set(f.zones)] : s.zoneFilter,
        confFilter: f.conf ? [...new Set(f.conf)] : s.confFilter,
      })),
    clearFindFilters: () => set({ districtFilter: [], zoneFilter: [], confFilter: [] }),
    setSortBy: (sortBy) => set({ sortBy }),
    setOrigin: (origin) => set((s) => ({ origin, sortBy: origin ? s.sortBy : 'name' })),
    setRadiusKm: (km) => set({ radiusKm: km !== null && Number.isFinite(km) && km > 0 ? Math.min(km, MAX_RADIUS_KM) : null }),
    setArea: async (p) => {
      const token = ++areaToken;
      if (!p) return set({ area: null, areaHits: null });
      let q: typeof AreaQuery;
      try {
        // the area query (Turf's intersection and validity tests) loads with the first drawn area
        q = await import('../../geo/area-query');
      } catch {
        // the module could not load (e.g. offline after a new release): no area
        if (token === areaToken) set({ area: null, areaHits: null });
        return;
      }
      if (token !== areaToken) return;
      if (!q.isUsablePolygon(p)) return set({ area: null, areaHits: null });
      const { derived, geo } = get();
      const located = [...(derived?.parkCoords ?? [])].map(([id, coord]) => ({ id, coord }));
      const parks = q.parksInPolygon(p, located);
      const zones = geo?.zones.ok ? q.featuresIntersecting(p, geo.zones.data.features) : [];
      set({ area: p, areaHits: { parks, zones } });
    },
    toggleCompare: (id) =>
      set((s) =>
        s.compare.includes(id) ? { compare: s.compare.filter((x) => x !== id) } : s.compare.length >= MAX_COMPARE ? {} : { compare: [...s.compare, id] },
      ),
    setCompare: (ids) => set({ compare: [...new Set(ids)].slice(0, MAX_COMPARE) }),
    setFindMode: (findMode) => set({ findMode }),
  };
};
