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

export interface Linker {
  districtOf(lon: number, lat: number): string | null;
  /** ids of the areal zones containing the point (corridors stand for their axes), in data order */
  zonesAt(lon: number, lat: number): string[];
  link(lon: number, lat: number, designations?: readonly Designation[]): PointLinks;
}

const SECTOR_ORDER = new Map<string, number>(TOP_SECTOR_IDS.map((id, i) => [id, i]));

export function isAreal(f: ZoneFeature): f is ZoneFeature & { geometry: Areal } {
  return f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';
}

export function createLinker(districts: readonly DistrictFeature[], zones: readonly ZoneFeature[], opts: AreaIndexOptions = {}): Linker {
  const districtIndex = new AreaIndex(
    districts.map((d) => d.geometry),
    opts,
  );
  const areal = zones.filter(isAreal);
  const zoneIndex = new AreaIndex(
    areal.map((z) => z.geometry),
    opts,
  );

  const districtOf = (lon: number, lat: number) => {
    const i = districtIndex.first(lon, lat);
    return i < 0 ? null : districts[i]!.properties.name_zh;
  };
  const zonesAt = (lon: number, lat: number) => zoneIndex.query(lon, lat).map((i) => areal[i]!.properties.id);

  return {
    districtOf,
    zonesAt,
    link(lon, lat, designations = []) {
      const hits = zoneIndex.query(lon, lat).map((i) => areal[i]!);
      const links: Link[] = [];
      const seen = new Set<string>();
      const push = (l: Link) => {
        const key = `${l.via}|${l.zone}|${l.node}|${l.clause}|${l.phrase}`;
        if (seen.has(key)) return;
        seen.add(key);
        links.push(l);
      };
      for (const d of designations) push({ ...d, via: 'designation', zone: null });
      for (const z of hits) for (const d of z.properties.links) push({ ...d, via: 'zone', zone: z.properties.id });
      return {
        district: districtOf(lon, lat),
        zones: hits.map((z) => z.properties.id),
        sectors: sortSectors(links.map((l) => l.sector)),
        links,
      };
    },
  };
}

export function sortSectors(ids: Iterable<TopSectorId>): TopSectorId[] {
  return [...new Set(ids)].sort((a, b) => SECTOR_ORDER.get(a)! - SECTOR_ORDER.get(b)!);
}
