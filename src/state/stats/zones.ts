/**
 * The zones table of the statistics view (pure): per zone its kind, area and districts (computed
 * from the geometry in src/geo), the parks inside it that the filters let through and all of them,
 * and its sectors; sorted by a column.
 */
import type { Geometry } from 'geojson';
import type { ZoneProps } from '../../loaders/schemas';
import { zoneFigures } from '../../geo/zone-stats';
import type { DistrictShare } from '../../geo/zone-stats';

export interface ZoneRow {
  id: string;
  kind: ZoneProps['kind'];
  /** how strongly a place inside links to its sectors: a cluster of whole districts counts as a broad area (src/geo/strength.ts) */
  scope: ZoneProps['scope'];
  name_zh: string;
  name_en: string;
  schematic: boolean;
  km2: number | null;
  districts: DistrictShare[];
  /** parks inside that the filters let through */
  parksShown: number;
  /** every park inside */
  parksAll: number;
  sectors: string[];
}

export type ZoneSortKey = 'name' | 'kind' | 'km2' | 'districts' | 'parks';

/** Area and districts of every zone (the costly part: computed once per data). */
export function zoneGeometryFigures(
  zones: readonly { properties: { id: string }; geometry: Geometry }[],
  districts: readonly { name: string; geometry: Geometry }[],
) {
  return new Map(zones.map((z) => [z.properties.id, zoneFigures(z.geometry, districts)]));
}

export function zoneRows(
  zones: readonly ZoneProps[],
  figures: ReadonlyMap<string, ReturnType<typeof zoneFigures>>,
  parksInZone: ReadonlyMap<string, readonly string[]>,
  visible: ReadonlySet<string>,
): ZoneRow[] {
  return zones.map((z) => {
    const f = figures.get(z.id);
    const inside = parksInZone.get(z.id) ?? [];
    return {
      id: z.id,
      kind: z.kind,
      scope: z.scope,
      name_zh: z.name_zh,
      name_en: z.name_en,
      schematic: z.schematic,
      km2: f?.km2 ?? null,
      districts: f?.districts ?? [],
      parksShown: inside.filter((id) => visible.has(id)).length,
      parksAll: inside.length,
      sectors: z.sectors,
    };
  });
}

/** Rows sorted by `key` (a zone without area last whichever the direction), ties by name in the UI language. */
export function sortZoneRows(rows: readonly ZoneRow[], key: ZoneSortKey, dir: 'asc' | 'desc', lang: 'zh' | 'en'): ZoneRow[] {
  const coll = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
  const nm = (r: ZoneRow) => (lang === 'zh' ? r.name_zh : r.name_en);
  const sign = dir === 'asc' ? 1 : -1;
  const val = (r: ZoneRow): number | string | null =>
    key === 'name' ? nm(r) : key === 'kind' ? r.kind : key === 'km2' ? r.km2 : key === 'districts' ? r.districts.length : r.parksShown;
  return [...rows].sort((a, b) => {
    const x = val(a);
    const y = val(b);
    if (x === null || y === null) return x === y ? coll.compare(nm(a), nm(b)) : x === null ? 1 : -1;
    const c = typeof x === 'string' ? coll.compare(x, y as string) : x - (y as number);
    return sign * c || coll.compare(nm(a), nm(b));
  });
}
