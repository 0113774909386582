/**
 * Links a point (a park, or a user's site) to the plan: its district, the zones containing it,
 * and every sector with the reason, either an explicit designation or a containing zone.
 */
import type { Designation, Link } from '../loaders/schemas';
import { AreaIndex } from './area-index';
import type { AreaIndexOptions } from './area-index';
import type { Areal, DistrictFeature, PointLinks, ZoneFeature } from './types';
import { TOP_SECTOR_IDS } from '../domain/ids';
import type { TopSectorId } from '../domain/ids';
import { linkStrength } from './strength';

export interface Linker {
  districtOf(lon: number, lat: number): string | null;
  /** ids of the areal zones containing the point (corridors stand for their axes), in data order */
  zonesAt(lon: number, lat: number): string[];
  link(lon: number, lat: number, designations?: readonly Designation[]): PointLinks;
  /**
   * District and zones of many points at once, as columns: the same answers as districtOf and
   * zonesAt on each point, without an allocation per point.
   */
  linkMany(coords: Float64Array, out?: LinkedColumns): LinkedColumns;
  /** district names (name_zh) in data order: `LinkedColumns.district` indexes this list */
  readonly districtNames: readonly string[];
  /** the distinct zone sets met so far (ids in data order); `LinkedColumns.zoneSet` indexes this list, which only grows */
  readonly zoneSets: readonly (readonly string[])[];
}

/** What {@link Linker.linkMany} answers for n points (coords holds lon, lat interleaved). */
export interface LinkedColumns {
  /** per point: index into `districtNames`, or -1 outside every district */
  district: Int32Array;
  /** per point: index into `zoneSets` (0 is the empty set) */
  zoneSet: Int32Array;
}

/** points per pass of linkMany */
const CHUNK = 1 << 16;

const SECTOR_ORDER = new Map<string, number>(TOP_SECTOR_IDS.map((id, i) => [id, i]));

export function isAreal(f: ZoneFeature): f is ZoneFeature & { geometry: Areal } {
  return f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';
}

/**
 * One {@link AreaIndex} over the districts and the areal zones together, so that a point costs
 * one lookup for both. An answer of the index (a set of geometries) splits into the district
 * (the first district in it) and the set of zones, both cached per answer.
 */
export function createLinker(districts: readonly DistrictFeature[], zones: readonly ZoneFeature[], opts: AreaIndexOptions = {}): Linker {
  const areal = zones.filter(isAreal);
  const nd = districts.length;
  const index = new AreaIndex([...districts.map((d) => d.geometry), ...areal.map((z) => z.geometry)], opts);
  const districtNames = districts.map((d) => d.properties.name_zh);
  const zoneIds = areal.map((z) => z.properties.id);

  const zoneSets: string[][] = [[]];
  const zoneSetKeys = new Map<string, number>([['', 0]]);
  // per answer of the index: its district and zone set (-2: not worked out yet)
  let comboDistrict = new Int32Array(64).fill(-2);
  let comboZoneSet = new Int32Array(64);
  const settle = (c: number) => {
    if (c >= comboDistrict.length) {
      const grown = new Int32Array(Math.max(2 * comboDistrict.length, c + 1)).fill(-2);
      grown.set(comboDistrict);
      comboDistrict = grown;
      const zs = new Int32Array(grown.length);
      zs.set(comboZoneSet);
      comboZoneSet = zs;
    }
    const owners = index.combo(c);
    comboDistrict[c] = owners.length && owners[0]! < nd ? owners[0]! : -1;
    const ids = owners.filter((o) => o >= nd).map((o) => zoneIds[o - nd]!);
    const key = ids.join('\u0000');
    let z = zoneSetKeys.get(key);
    if (z === undefined) {
      z = zoneSets.length;
      zoneSets.push(ids);
      zoneSetKeys.set(key, z);
    }
    comboZoneSet[c] = z;
  };
  const districtIndex = (c: number) => {
    if (c >= comboDistrict.length || comboDistrict[c] === -2) settle(c);
    return comboDistrict[c]!;
  };
  const zoneSetIndex = (c: number) => {
    if (c >= comboDistrict.length || comboDistrict[c] === -2) settle(c);
    return comboZoneSet[c]!;
  };

  const districtOf = (lon: number, lat: number) => {
    const d = districtIndex(index.comboAt(lon, lat));
    return d < 0 ? null : districtNames[d]!;
  };
  const zonesAt = (lon: number, lat: number) => [...zoneSets[zoneSetIndex(index.comboAt(lon, lat))]!];

  const scratch = new Int32Array(CHUNK);
  let settled = 0; // answers below this have their district and zone set worked out
  return {
    districtOf,
    zonesAt,
    districtNames,
    zoneSets,
    link(lon, lat, designations = []) {
      const c = index.comboAt(lon, lat);
      const d = districtIndex(c);
      const hits = index
        .combo(c)
        .filter((o) => o >= nd)
        .map((o) => areal[o - nd]!);
      const links: Link[] = [];
      const seen = new Set<string>();
      const push = (l: Link) => {
        const key = `${l.via}|${l.zone}|${l.node}|${l.clause}|${l.phrase}`;
        if (seen.has(key)) return;
        seen.add(key);
        links.push(l);
      };
      // a place the plan names only as part of a broad area (a core of the service belt, a place on an
      // H-belt axis: `named_as`) takes the area's sectors as a broad area's, not as named for each
      for (const des of designations) push({ ...des, via: 'designation', zone: null, strength: des.named_as ? 'broad' : 'named' });
      for (const z of hits)
        for (const des of z.properties.links)
          push({ ...des, via: 'zone', zone: z.properties.id, strength: linkStrength('zone', { scope: z.properties.scope }) });
      return {
        district: d < 0 ? null : districtNames[d]!,
        zones: hits.map((z) => z.properties.id),
        sectors: sortSectors(links.map((l) => l.sector)),
        links,
      };
    },
    linkMany(coords, out) {
      const n = coords.length >> 1;
      const res = out ?? { district: new Int32Array(n), zoneSet: new Int32Array(n) };
      if (res.district.length < n || res.zoneSet.length < n) throw new RangeError(`out holds fewer than the ${n} points given`);
      const { district, zoneSet } = res;
      // in chunks, so that the index's answers need only a small scratch array
      for (let i0 = 0; i0 < n; i0 += CHUNK) {
        const i1 = Math.min(n, i0 + CHUNK);
        const combos = index.comboMany(coords.subarray(2 * i0, 2 * i1), scratch);
        for (let c = settled; c < index.comboCount; c++) settle(c);
        settled = index.comboCount;
        const cd = comboDistrict;
        const cz = comboZoneSet;
        for (let i = i0; i < i1; i++) {
          const c = combos[i - i0]!;
          district[i] = cd[c]!;
          zoneSet[i] = cz[c]!;
        }
      }
      return res;
    },
  };
}

export function sortSectors(ids: Iterable<TopSectorId>): TopSectorId[] {
  return [...new Set(ids)].sort((a, b) => SECTOR_ORDER.get(a)! - SECTOR_ORDER.get(b)!);
}
