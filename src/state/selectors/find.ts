/**
 * The find feature's memoised selectors: distances from the chosen point, the radius and the
 * drawn area (both over the visible parks), and the comparison's reference distances. Spatial
 * work is done by src/geo; components do none.
 */
import { centroidOf, distancesToRefs, nearest, rankByDistance, withinRadius } from '../../geo/nearest';
import type { LngLat, Located, Ranked } from '../../geo/nearest';
import { linkStrength } from '../../geo/strength';
import { strengthCounts } from '../filter';
import type { Origin } from '../slices/find';
import { memo } from './memo';
import { selectFilters, selectParksIgnoringRadius, selectVisibleParks } from './parks';

export const NEAREST_COUNT = 5;

const located = (ids: readonly { id: string }[], coords: ReadonlyMap<string, [number, number]>) =>
  ids.flatMap((p) => {
    const c = coords.get(p.id);
    return c ? [{ id: p.id, coord: c }] : [];
  });

/**
 * km each park's position may be off by (its `position.radius_m`: ±0.5 km where a coordinate was
 * published, ±2–10 km where it is an estimate or a schematic point), so a distance says how sure it is.
 */
const selectParkPm = memo(
  (s) => [s.derived] as const,
  ([d]) => new Map((d?.parks ?? []).map((p) => [p.id, p.position.radius_m / 1000])),
);

/** The origin's own uncertainty in km: a park's radius when the point is a park, else 0 (a point picked on the map is where it was picked). */
const originPm = (o: Origin, pm: ReadonlyMap<string, number>) => (o.ref?.kind === 'park' ? (pm.get(o.ref.id) ?? 0) : 0);

/**
 * Parks as `rank` orders them from the origin (nearest first), the origin park itself left out,
 * at most `most` of them, each with the ± of both ends (pm).
 */
function rankFrom(
  o: Origin,
  parks: readonly { id: string }[],
  coords: ReadonlyMap<string, [number, number]>,
  pm: ReadonlyMap<string, number>,
  rank: (at: LngLat, items: Located[]) => Ranked[],
  most = Infinity,
): Ranked[] {
  const self = o.ref?.kind === 'park' ? o.ref.id : null;
  const from = originPm(o, pm);
  return rank([o.lng, o.lat], located(parks, coords))
    .filter((r) => r.id !== self)
    .slice(0, most)
    .map((r) => ({ ...r, pm: from + (pm.get(r.id) ?? 0) }));
}

/** Visible parks ranked by distance from the origin (the origin park itself left out), each with its ± (pm), or null. */
export const selectRankedFromOrigin = memo(
  (s) => [s.derived, selectVisibleParks(s), s.chosenPoint, selectParkPm(s)] as const,
  ([d, parks, o, pm]): Ranked[] | null => (d && o ? rankFrom(o, parks, d.parkCoords, pm, rankByDistance) : null),
);

/** km per park id from the origin, for sorting and labels. */
export const selectDistanceMap = memo(
  (s) => [selectRankedFromOrigin(s)] as const,
  ([ranked]) => (ranked ? new Map(ranked.map((r) => [r.id, r.km])) : null),
);

/** The ± in km of each of those distances (selectRankedFromOrigin's pm). */
export const selectDistancePm = memo(
  (s) => [selectRankedFromOrigin(s)] as const,
  ([ranked]) => (ranked ? new Map(ranked.map((r) => [r.id, r.pm ?? 0])) : null),
);

/**
 * The open imported site's nearest parks of those shown (every filter applied), nearest first,
 * each with the ± of the park's position (a site is where its file puts it), or null: no site open.
 */
export const selectSiteNearest = memo(
  (s) => [s.derived, selectVisibleParks(s), s.selectedSite, s.siteSets, selectParkPm(s)] as const,
  ([d, parks, ref, sets, pm]): Ranked[] | null => {
    const set = ref ? sets.find((x) => x.id === ref.set) : undefined;
    if (!d || !ref || !set || ref.index >= set.count) return null;
    const at: LngLat = [set.coords[2 * ref.index]!, set.coords[2 * ref.index + 1]!];
    return nearest(at, located(parks, d.parkCoords), NEAREST_COUNT).map((r) => ({ ...r, pm: pm.get(r.id) ?? 0 }));
  },
);

export const selectNearest = memo(
  (s) => [selectRankedFromOrigin(s)] as const,
  ([ranked]) => (ranked ? ranked.slice(0, NEAREST_COUNT) : null),
);

/**
 * When the radius lets no park through: the nearest parks beyond it that every other filter lets
 * through, so the chosen point is never answered with an empty list (null: a radius with parks
 * inside it, or no radius).
 */
export const selectNearestBeyondRadius = memo(
  (s) => [s.derived, selectParksIgnoringRadius(s), s.chosenPoint, s.radiusKm, selectParkPm(s), selectRankedFromOrigin(s)] as const,
  ([d, parks, o, km, pm, inside]): Ranked[] | null =>
    !d || !o || km === null || !inside || inside.length > 0 ? null : rankFrom(o, parks, d.parkCoords, pm, rankByDistance, NEAREST_COUNT),
);

/** Visible parks within the radius of the origin (the origin park left out), nearest first (null: no radius query). */
export const selectWithinRadius = memo(
  (s) => [s.derived, selectVisibleParks(s), s.chosenPoint, s.radiusKm, selectParkPm(s)] as const,
  ([d, parks, o, km, pm]): Ranked[] | null =>
    !d || !o || km === null ? null : rankFrom(o, parks, d.parkCoords, pm, (at, items) => withinRadius(at, items, km)),
);

export interface AreaResult {
  parks: string[];
  zones: string[];
  /** sector id → number of parks inside linked to it, plus whether a zone inside designates it */
  sectors: { id: string; parks: number; zones: number }[];
}

/**
 * What the drawn area holds: visible parks inside, zones it touches, and their sectors, counted by
 * the sector filter's rule: without "include broad areas", a park's links and the zones of the
 * broad areas (poles, belts, axes, whole districts) do not count, as in the filter's own counts.
 */
export const selectAreaResult = memo(
  (s) => [s.derived, selectVisibleParks(s), s.drawnAreaHits, selectFilters(s).strengths] as const,
  ([d, parks, hits, allowed]): AreaResult | null => {
    if (!d || !hits) return null;
    const inside = new Set(hits.parks);
    const parkIds = parks.filter((p) => inside.has(p.id)).map((p) => p.id);
    const zoneIds = hits.zones;
    const count = new Map<string, { id: string; parks: number; zones: number }>();
    const bump = (id: string, k: 'parks' | 'zones') => {
      const e = count.get(id) ?? { id, parks: 0, zones: 0 };
      e[k]++;
      count.set(id, e);
    };
    for (const id of parkIds) {
      const links = d.parks.find((p) => p.id === id)?.links ?? [];
      for (const sec of new Set(links.filter((l) => strengthCounts(allowed, l.strength)).map((l) => l.sector))) bump(sec, 'parks');
    }
    for (const id of zoneIds) {
      const z = d.zones.find((x) => x.id === id);
      // a zone's sectors hold as its parks' links through it do (a designated cluster, or a broad area)
      if (z && strengthCounts(allowed, linkStrength('zone', { scope: z.scope }))) for (const sec of z.sectors) bump(sec, 'zones');
    }
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

/** For each compared park: km to each reference point, ± the park's own uncertainty (the reference points are taken as exact). */
export const selectCompareDistances = memo(
  (s) => [s.derived, s.compareParkIds, selectReferencePoints(s), selectParkPm(s)] as const,
  ([d, ids, refs, pm]): Map<string, Ranked[]> => {
    const m = new Map<string, Ranked[]>();
    for (const id of ids) {
      const c = d?.parkCoords.get(id);
      if (c)
        m.set(
          id,
          distancesToRefs(c, refs).map((r) => ({ ...r, pm: pm.get(id) ?? 0 })),
        );
    }
    return m;
  },
);
