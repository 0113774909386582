/**
 * Store slice of the find feature: search text, the district/zone/confidence filters, list sort,
 * the origin point (picked on the map or chosen in search), the radius, the drawn area, the
 * comparison (≤ 4 parks) and the map interaction mode. Also the feature's memoised selectors,
 * which call src/geo for the spatial work (components do none).
 */
import type { Polygon } from 'geojson';
import type { Slice } from '../slice-type';
import type { AppState } from '../store';
import { normalizeSearchText } from '../url-state';
import { emphasisedZones, visibleParks } from '../filter';
import type { ParkFilters, SortMode } from '../filter';
import { centroidOf, distancesToRefs, rankByDistance, withinRadius } from '../../geo/nearest';
import type { LngLat, Ranked } from '../../geo/nearest';
import type * as AreaQuery from '../../geo/area-query';
import type { Confidence } from '../../domain/ids';
/** The area query (Turf's intersection and validity tests) loads with the first drawn area. */
let areaQuery: typeof AreaQuery | null = null;

export const MAX_COMPARE = 4;
export const MAX_RADIUS_KM = 200;
export const NEAREST_COUNT = 5;

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

export const findSlice: Slice<FindSlice> = (set) => {
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
      if (!p) return set({ area: null });
      try {
        areaQuery ??= await import('../../geo/area-query');
      } catch {
        // the module could not load (e.g. offline after a new release): no area
        if (token === areaToken) set({ area: null });
        return;
      }
      if (token === areaToken) set({ area: areaQuery.isUsablePolygon(p) ? p : null });
    },
    toggleCompare: (id) =>
      set((s) =>
        s.compare.includes(id) ? { compare: s.compare.filter((x) => x !== id) } : s.compare.length >= MAX_COMPARE ? {} : { compare: [...s.compare, id] },
      ),
    setCompare: (ids) => set({ compare: [...new Set(ids)].slice(0, MAX_COMPARE) }),
    setFindMode: (findMode) => set({ findMode }),
  };
};

// ---------------------------------------------------------------- selectors

/** Memoises a selector on the identity of its inputs (stable results for useAppStore). */
function memo<I extends readonly unknown[], R>(inputs: (s: AppState) => I, compute: (args: I) => R): (s: AppState) => R {
  let last: I | null = null;
  let result: R;
  return (s) => {
    const next = inputs(s);
    if (!last || next.length !== last.length || next.some((v, i) => v !== last![i])) {
      last = next;
      result = compute(next);
    }
    return result;
  };
}

export const selectFilters = memo(
  (s) => [s.sectors, s.districtFilter, s.zoneFilter, s.confFilter] as const,
  ([sectors, districts, zones, conf]): ParkFilters => ({ sectors, districts, zones, conf }),
);

const sectorsFileOf = (s: AppState) => (s.geo?.sectors.ok ? s.geo.sectors.data : null);

/** The parks every filter lets through (list, map and the find tools all use this). */
export const selectVisibleParks = memo(
  (s) => [s.derived, selectFilters(s), sectorsFileOf(s)] as const,
  ([d, f, file]) => (d ? visibleParks(d.parks, f, file) : []),
);

export const selectEmphasisedZones = memo(
  (s) => [s.derived, selectFilters(s), sectorsFileOf(s)] as const,
  ([d, f, file]) => (d ? emphasisedZones(d.zones, f, file) : null),
);

const located = (ids: readonly { id: string }[], coords: ReadonlyMap<string, [number, number]>) =>
  ids.flatMap((p) => {
    const c = coords.get(p.id);
    return c ? [{ id: p.id, coord: c }] : [];
  });

/** Visible parks ranked by distance from the origin (the origin park itself left out), or null. */
export const selectRankedFromOrigin = memo(
  (s) => [s.derived, selectVisibleParks(s), s.origin] as const,
  ([d, parks, o]): Ranked[] | null => {
    if (!d || !o) return null;
    const self = o.ref?.kind === 'park' ? o.ref.id : null;
    return rankByDistance([o.lng, o.lat], located(parks, d.parkCoords)).filter((r) => r.id !== self);
  },
);

/** km per park id from the origin, for sorting and labels. */
export const selectDistanceMap = memo(
  (s) => [selectRankedFromOrigin(s)] as const,
  ([ranked]) => (ranked ? new Map(ranked.map((r) => [r.id, r.km])) : null),
);

export const selectNearest = memo(
  (s) => [selectRankedFromOrigin(s)] as const,
  ([ranked]) => (ranked ? ranked.slice(0, NEAREST_COUNT) : null),
);

/** Visible parks within the radius of the origin (the origin park left out), nearest first (null: no radius query). */
export const selectWithinRadius = memo(
  (s) => [s.derived, selectVisibleParks(s), s.origin, s.radiusKm] as const,
  ([d, parks, o, km]): Ranked[] | null => {
    if (!d || !o || km === null) return null;
    const self = o.ref?.kind === 'park' ? o.ref.id : null;
    return withinRadius([o.lng, o.lat], located(parks, d.parkCoords), km).filter((r) => r.id !== self);
  },
);

export interface AreaResult {
  parks: string[];
  zones: string[];
  /** sector id → number of parks inside linked to it, plus whether a zone inside designates it */
  sectors: { id: string; parks: number; zones: number }[];
}

/** What the drawn area holds: visible parks inside, zones it touches, and their sectors. */
export const selectAreaResult = memo(
  (s) => [s.derived, s.geo, selectVisibleParks(s), s.area] as const,
  ([d, geo, parks, area]): AreaResult | null => {
    // (an area is only ever set after areaQuery has loaded)
    if (!d || !geo || !area || !areaQuery) return null;
    const parkIds = areaQuery.parksInPolygon(area, located(parks, d.parkCoords));
    const zoneIds = geo.zones.ok ? areaQuery.featuresIntersecting(area, geo.zones.data.features) : [];
    const count = new Map<string, { id: string; parks: number; zones: number }>();
    const bump = (id: string, k: 'parks' | 'zones') => {
      const e = count.get(id) ?? { id, parks: 0, zones: 0 };
      e[k]++;
      count.set(id, e);
    };
    for (const id of parkIds) for (const sec of d.parks.find((p) => p.id === id)?.sectors ?? []) bump(sec, 'parks');
    for (const id of zoneIds) for (const sec of d.zones.find((z) => z.id === id)?.sectors ?? []) bump(sec, 'zones');
    const order = [...d.sectorNodes.values()].filter((n) => n.isTop).map((n) => n.id);
    const sectors = [...count.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    return { parks: parkIds, zones: zoneIds, sectors };
  },
);

export const PEOPLES_SQUARE: LngLat = [121.4737, 31.2304];
export const REFERENCE_IDS = ['zhangjiang-pole', 'lingang-pole', 'peoples-square', 'pvg', 'sha'] as const;
export type ReferenceId = (typeof REFERENCE_IDS)[number];

/** The comparison's reference points: the two poles' zone centroids, People's Square, both airports. */
export const selectReferencePoints = memo(
  (s) => [s.geo] as const,
  ([geo]): { id: ReferenceId; coord: LngLat }[] => {
    if (!geo) return [];
    const out: { id: ReferenceId; coord: LngLat }[] = [];
    for (const id of ['zhangjiang-pole', 'lingang-pole'] as const) {
      const z = geo.zones.ok ? geo.zones.data.features.find((f) => f.properties.id === id) : undefined;
      if (z) out.push({ id, coord: centroidOf(z.geometry) });
    }
    out.push({ id: 'peoples-square', coord: PEOPLES_SQUARE });
    for (const id of ['pvg', 'sha'] as const) {
      const a = geo.basemap.ok ? geo.basemap.data.features.find((f) => f.properties?.id === id && f.geometry.type === 'Point') : undefined;
      if (a && a.geometry.type === 'Point') out.push({ id, coord: a.geometry.coordinates as LngLat });
    }
    return out;
  },
);

/** For each compared park: km to each reference point. */
export const selectCompareDistances = memo(
  (s) => [s.derived, s.compare, selectReferencePoints(s)] as const,
  ([d, ids, refs]): Map<string, Ranked[]> => {
    const m = new Map<string, Ranked[]>();
    for (const id of ids) {
      const c = d?.parkCoords.get(id);
      if (c) m.set(id, distancesToRefs(c, refs));
    }
    return m;
  },
);
