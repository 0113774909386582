/**
 * The statistics view's district profile (pure): for one district, the zones that cover part of it
 * with the share of the district's area each covers (areas from the data build, stats.json), the
 * sectors present with the number of parks per link strength, and its parks; and the ranking of
 * every district by parks of one sector (a row of the sector × district matrix, sorted).
 */
import type { LinkStrength } from '../../domain/ids';
import { LINK_STRENGTHS } from '../../domain/ids';
import type { ParkProps, StatsFile, ZoneProps } from '../../loaders/schemas';
import { strengthRank } from '../../geo/strength';
import type { SectorDistrictMatrix } from './matrix';

export interface ProfileZone {
  id: string;
  kind: ZoneProps['kind'];
  name_zh: string;
  name_en: string;
  schematic: boolean;
  /** km² of the zone inside the district */
  km2: number;
  /** share of the district's area the zone covers, 0–1 */
  shareOfDistrict: number;
}

export interface ProfileSector {
  /** top-level sector id */
  sector: string;
  /** parks of the district linked to the sector, each counted once at its strongest link */
  byStrength: Record<LinkStrength, number>;
  total: number;
}

export interface DistrictProfile {
  district: string;
  /** the district's area in km² (null when the build's figures have none) */
  km2: number | null;
  zones: ProfileZone[];
  /** zones left out of `zones`: under EDGE_SHARE of their own area lies in the district, and they cover under EDGE_SHARE of it (the edge of a drawn outline over its boundary) */
  edges: number;
  sectors: ProfileSector[];
  /** ids of the district's parks (those the given list holds), in its order */
  parks: string[];
}

/**
 * A zone with less than this share of its own area in a district, covering less than this share of
 * the district, only touches it: its drawn outline crosses the boundary.
 */
export const EDGE_SHARE = 0.01;

/**
 * The profile of `district` from `parks` (already filtered as the caller wants) and the build's
 * figures. Zones: those with a share in the district, largest area first, but for those that only
 * touch it (EDGE_SHARE; counted in `edges`). Sectors: those with at
 * least one park, most parks first (ties in `sectorOrder`).
 */
export function districtProfile(
  district: string,
  parks: readonly ParkProps[],
  zones: readonly ZoneProps[],
  figures: StatsFile | null,
  sectorOrder: readonly string[],
): DistrictProfile {
  const km2 = figures?.districts[district]?.km2 ?? null;
  const out: ProfileZone[] = [];
  let edges = 0;
  for (const z of zones) {
    const part = figures?.zones[z.id]?.districts.find((d) => d.district === district);
    if (!part || km2 === null) continue;
    if (part.share < EDGE_SHARE && part.km2 / km2 < EDGE_SHARE) {
      edges++;
      continue;
    }
    out.push({ id: z.id, kind: z.kind, name_zh: z.name_zh, name_en: z.name_en, schematic: z.schematic, km2: part.km2, shareOfDistrict: part.km2 / km2 });
  }
  out.sort((a, b) => b.km2 - a.km2 || a.id.localeCompare(b.id));

  const here = parks.filter((p) => p.district === district);
  const best = new Map<string, Map<string, LinkStrength>>();
  for (const p of here) {
    const mine = new Map<string, LinkStrength>();
    for (const l of p.links) {
      const now = mine.get(l.sector);
      if (now === undefined || strengthRank(l.strength) < strengthRank(now)) mine.set(l.sector, l.strength);
    }
    best.set(p.id, mine);
  }
  const bySector = new Map<string, ProfileSector>();
  for (const mine of best.values())
    for (const [sector, strength] of mine) {
      let row = bySector.get(sector);
      if (!row) {
        row = { sector, byStrength: Object.fromEntries(LINK_STRENGTHS.map((s) => [s, 0])) as Record<LinkStrength, number>, total: 0 };
        bySector.set(sector, row);
      }
      row.byStrength[strength]++;
      row.total++;
    }
  const order = (id: string) => {
    const i = sectorOrder.indexOf(id);
    return i < 0 ? sectorOrder.length : i;
  };
  const sectors = [...bySector.values()].sort((a, b) => b.total - a.total || order(a.sector) - order(b.sector));
  return { district, km2, zones: out, edges, sectors, parks: here.map((p) => p.id) };
}

export interface RankedDistrict {
  district: string;
  parks: number;
  /** 1 for the most parks; equal counts share a rank */
  rank: number;
}

/**
 * Every district ranked by parks of the matrix row `sector` (null: all parks, the matrix's column
 * totals), most first, ties in the matrix's district order.
 */
export function districtRanking(m: SectorDistrictMatrix, sector: string | null): RankedDistrict[] {
  const i = sector === null ? -1 : m.rows.findIndex((r) => r.id === sector);
  const counts = i < 0 ? (sector === null ? m.colTotals : m.districts.map(() => 0)) : m.counts[i]!;
  const rows = m.districts.map((district, j) => ({ district, parks: counts[j]!, j }));
  rows.sort((a, b) => b.parks - a.parks || a.j - b.j);
  let rank = 0;
  return rows.map((r, k) => {
    if (k === 0 || rows[k - 1]!.parks !== r.parks) rank = k + 1;
    return { district: r.district, parks: r.parks, rank };
  });
}
