/**
 * Exports of the current result set (the parks shown and/or the imported sites) as CSV and
 * GeoJSON. Pure: strings in, strings out; the UI turns them into downloads.
 *
 * CSV: UTF-8 with a BOM (so Excel opens Chinese correctly), CRLF line ends, every cell through
 * csvCell (RFC 4180 quoting, formulas neutralised), columns EXPORT_COLUMNS; zones, sectors,
 * districts and reasons as readable text in the chosen language (each reason through a zone ends
 * with its strength); a site outside Shanghai says so in `district`. A park also carries why it is
 * on the map (basis), its strength per sector, its area with the area's source, its list batch
 * and category, and how its point was found with the radius the data states.
 * GeoJSON: WGS-84 Point features with the same fields plus the ids, `outside` and the full `links`,
 * and a `metadata` member: when, from which view and filters, and from which data build.
 * The comparison exports as CSV too (compareCsv).
 */
import type { ParkProps } from '../loaders/schemas';
import { areaFact, sectorVerdicts } from './park-facts';
import { siteAt } from '../geo/sites';
import type { SiteSet } from '../geo/sites';
import { CRS_LABEL } from '../geo/crs';
import type { Link } from '../geo/types';
import { BOM, csvLine } from './csv-cell';
import { clauseLabel } from '../i18n';

export const EXPORT_COLUMNS = [
  'id',
  'name_zh',
  'name_en',
  'lon',
  'lat',
  'district',
  'zones',
  'sectors',
  'reasons',
  'confidence',
  'source',
  'basis',
  'strengths',
  'area_km2',
  'area_source',
  'list_batch',
  'list_category',
  'position_method',
  'radius_m',
  'kind',
] as const;

/** What the district column says for a site outside every district of Shanghai. */
const OUTSIDE_TEXT = { zh: '上海市域外', en: 'outside Shanghai' } as const;

export type ExportLang = 'zh' | 'en';

/** Names for ids (from the loaded data); unknown ids print as themselves. */
export interface ExportNames {
  lang: ExportLang;
  zone(id: string): { zh: string; en: string } | undefined;
  /** a sector or sub-sector node */
  sector(id: string): { zh: string; en: string } | undefined;
  /** a district by its Chinese name (the data's key); without it districts print as the data has them */
  district?(nameZh: string): { zh: string; en: string } | undefined;
}

/** One exported row: a park or a site. */
export interface ExportRow {
  kind: 'park' | 'site';
  id: string;
  name_zh: string;
  name_en: string;
  lon: number;
  lat: number;
  /** null: outside Shanghai (sites only) or not known */
  district: string | null;
  outside: boolean;
  zones: string[];
  sectors: string[];
  links: Link[];
  confidence: string;
  source: string;
  /** why a park is on the map ('plan', 'list'); none for a site */
  basis: string[];
  /** the park's size: the list's stated area, else its drawn footprint's (source '' : computed) */
  area: { km2: number; source: string } | null;
  /** the official list's batch year and category (zh, en), where the park is on it */
  list: { batch: number | null; category: { zh: string; en: string } | null } | null;
  /** how the point was found and how far off it may be (metres); none for a site */
  position: { method: string; radius_m: number } | null;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export function parkRows(parks: readonly ParkProps[], coords: ReadonlyMap<string, [number, number]>): ExportRow[] {
  return parks.flatMap((p) => {
    const at = coords.get(p.id);
    if (!at) return [];
    return [
      {
        kind: 'park' as const,
        id: p.id,
        name_zh: p.name_zh,
        name_en: p.name_en,
        lon: at[0],
        lat: at[1],
        district: p.district,
        outside: false,
        zones: p.zones,
        sectors: p.sectors,
        links: p.links,
        confidence: p.confidence,
        source: p.source,
        ...parkFacts(p),
      },
    ];
  });
}

/** The facts of a park beyond its links: basis, area, list membership, position method and radius. */
function parkFacts(p: ParkProps): Pick<ExportRow, 'basis' | 'area' | 'list' | 'position'> {
  const a = areaFact(p);
  return {
    basis: p.basis,
    area: a.kind === 'stated' ? { km2: a.km2, source: a.source } : a.kind === 'footprint' ? { km2: a.km2, source: '' } : null,
    list: p.listing
      ? { batch: p.listing.batch?.year ?? null, category: p.listing.category ? { zh: p.listing.category.zh, en: p.listing.category.en } : null }
      : null,
    position: { method: p.position.method, radius_m: p.position.radius_m },
  };
}

/**
 * The sites of a set as rows. A site has one name: it goes to name_zh when it contains Chinese
 * characters, else to name_en. Its id is the file's id, or `<file>#<row>` when it had none.
 */
export function siteRows(set: SiteSet): ExportRow[] {
  const out: ExportRow[] = new Array<ExportRow>(set.count);
  const crs = set.crs === 'wgs84' ? 'WGS-84' : `${CRS_LABEL[set.crs]} → WGS-84`;
  for (let i = 0; i < set.count; i++) {
    const s = siteAt(set, i);
    const name = s.name ?? '';
    const where = s.line !== null ? `line ${s.line}` : `feature ${s.row}`;
    out[i] = {
      kind: 'site',
      id: s.id ?? `${set.fileName}#${s.row + 1}`,
      name_zh: HAN.test(name) ? name : '',
      name_en: HAN.test(name) ? '' : name,
      lon: s.lon,
      lat: s.lat,
      district: s.district,
      outside: s.outside,
      zones: s.zones,
      sectors: s.sectors,
      links: s.links,
      confidence: 'imported',
      source: `${set.fileName} ${where} (${crs})`,
      basis: [],
      area: null,
      list: null,
      position: null,
    };
  }
  return out;
}

function nameOf(n: { zh: string; en: string } | undefined, id: string, lang: ExportLang): string {
  return n ? n[lang] : id;
}

/** How a link through a zone holds, in words (a link by designation or list says so itself). */
const ZONE_STRENGTH_TEXT = {
  cluster: { zh: '位于该产业集群布局内', en: 'inside a cluster of the plan' },
  broad: { zh: '仅位于大范围布局内', en: 'inside a broad area only' },
} as const;

/** A place the plan names only as part of a broad area (a core of a belt, a place on an axis). */
const BROAD_NAMED_TEXT = { zh: '大范围布局中的地点', en: 'a place of a broad area' } as const;

/**
 * One reason as a line of text, e.g. `集成电路: 位于 张江科学城 (五（一）1) “…” [仅位于大范围布局内]`.
 * A reason through a zone ends with its strength; the others name theirs (named by the plan, on
 * the list).
 */
export function reasonText(l: Link, names: ExportNames): string {
  const { lang } = names;
  const node = nameOf(names.sector(l.node), l.node, lang);
  if (l.via === 'list' && l.list) {
    const how = lang === 'zh' ? '列入市特色产业园区名单' : "on the city's specialty-park list";
    const doc = lang === 'zh' ? l.list.document_zh : l.list.document_en;
    return `${node}: ${how} (${doc}${l.list.date ? `, ${l.list.date}` : ''}) “${l.phrase}”`;
  }
  const quote = l.phrase ? ` “${l.phrase}”` : '';
  if (l.via === 'designation') {
    const how = lang === 'zh' ? '规划点名' : 'named by the plan';
    // named only as a place of a broad area (its strength is the area's)
    if (l.named_as) {
      const as = lang === 'zh' ? `为“${l.named_as}”` : ` as “${l.named_as}”`;
      return `${node}: ${how}${as} (${clauseLabel(l.clause ?? '', lang)})${quote} [${BROAD_NAMED_TEXT[lang]}]`;
    }
    return `${node}: ${how} (${clauseLabel(l.clause ?? '', lang)})${quote}`;
  }
  const zone = l.zone ? nameOf(names.zone(l.zone), l.zone, lang) : '';
  const how = lang === 'zh' ? '位于' : 'inside';
  const strength = l.strength === 'cluster' || l.strength === 'broad' ? ` [${ZONE_STRENGTH_TEXT[l.strength][lang]}]` : '';
  return `${node}: ${how} ${zone} (${clauseLabel(l.clause ?? '', lang)})${quote}${strength}`;
}

/** The district column: the English name in an English export where the names are known. */
function districtText(r: Pick<ExportRow, 'district' | 'outside'>, names: ExportNames): string {
  if (r.outside) return OUTSIDE_TEXT[names.lang];
  if (r.district === null) return '';
  return names.lang === 'en' ? (names.district?.(r.district)?.en ?? r.district) : r.district;
}

/** `sector=strength` per linked sector, strongest first (strength ids: named, listed, cluster, broad). */
function strengthsText(links: readonly Link[], names: ExportNames): string {
  return sectorVerdicts(links)
    .map((v) => `${nameOf(names.sector(v.sector), v.sector, names.lang)}=${v.strength}`)
    .join('; ');
}

const coord = (v: number) => String(Math.round(v * 1e7) / 1e7);

/** The CSV text (starting with the BOM). */
export function toCsv(rows: readonly ExportRow[], names: ExportNames): string {
  const { lang } = names;
  const lines: string[] = [EXPORT_COLUMNS.join(',')];
  for (const r of rows) {
    const cells = [
      r.id,
      r.name_zh,
      r.name_en,
      coord(r.lon),
      coord(r.lat),
      districtText(r, names),
      r.zones.map((z) => nameOf(names.zone(z), z, lang)).join('; '),
      r.sectors.map((s) => nameOf(names.sector(s), s, lang)).join('; '),
      r.links.map((l) => reasonText(l, names)).join(' | '),
      r.confidence,
      r.source,
      r.basis.join('; '),
      strengthsText(r.links, names),
      r.area?.km2 ?? null,
      r.area?.source ?? null,
      r.list?.batch ?? null,
      r.list?.category?.[lang] ?? null,
      r.position?.method ?? null,
      r.position?.radius_m ?? null,
      r.kind,
    ];
    lines.push(csvLine(cells));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

/**
 * Where an export comes from, written into the GeoJSON as a `metadata` member of the
 * FeatureCollection (a foreign member: readers that do not know it ignore it; a CSV stays one
 * plain table, and its file name carries the date).
 */
export interface ExportAbout {
  /** when the file was written, ISO 8601 */
  exported_at: string;
  /** the link that restores the view the parks come from (filters, language; imported sites are never in it) */
  view: string;
  /** the filters the parks passed: the same rule as the map and the list */
  filters: {
    sectors: readonly string[];
    broad_areas: boolean;
    districts: readonly string[];
    zones: readonly string[];
    confidence: readonly string[];
    basis: readonly string[];
    /** the chosen point and the radius around it, when a radius is set */
    radius: { lng: number; lat: number; km: number } | null;
    /** a drawn area, when one is */
    area: GeoJSON.Polygon | null;
  };
  /** when the data build wrote the map's data (public/geo/manifest.json) */
  data_built_at: string | null;
}

/** The GeoJSON text: a FeatureCollection of Points with ids, names and the full links, and where it comes from (`about`). */
export function toGeoJson(rows: readonly ExportRow[], names: ExportNames, about?: ExportAbout): string {
  const features = rows.map((r) => ({
    type: 'Feature' as const,
    id: r.id,
    geometry: { type: 'Point' as const, coordinates: [Math.round(r.lon * 1e7) / 1e7, Math.round(r.lat * 1e7) / 1e7] },
    properties: {
      kind: r.kind,
      id: r.id,
      name_zh: r.name_zh,
      name_en: r.name_en,
      district: r.district,
      district_name: r.outside || r.district === null ? null : districtText(r, names),
      outside: r.outside,
      zones: r.zones,
      sectors: r.sectors,
      reasons: r.links.map((l) => reasonText(l, names)),
      links: r.links,
      strengths: Object.fromEntries(sectorVerdicts(r.links).map((v) => [v.sector, v.strength])),
      confidence: r.confidence,
      source: r.source,
      basis: r.basis,
      area: r.area,
      list: r.list,
      position: r.position,
    },
  }));
  const metadata = about && {
    title: { zh: '上海市战略性新兴产业集群地图', en: 'Shanghai strategic emerging industries cluster map' },
    plan: '沪府办发〔2021〕10号',
    crs: 'WGS-84 (EPSG:4326)',
    parks: rows.filter((r) => r.kind === 'park').length,
    sites: rows.filter((r) => r.kind === 'site').length,
    ...about,
  };
  return JSON.stringify({ type: 'FeatureCollection', ...(metadata ? { metadata } : {}), features });
}

/** The comparison's columns: the park, its facts, then the km to each reference point (one column each). */
export const COMPARE_COLUMNS = [
  'id',
  'name_zh',
  'name_en',
  'district',
  'basis',
  'area_km2',
  'area_source',
  'confidence',
  'radius_m',
  'position_method',
  'source',
  'list_batch',
  'list_category',
  'strengths',
  'zones',
  'reasons',
] as const;

/**
 * The comparison as CSV (BOM, CRLF, every cell through csvCell): one row per compared park, in
 * the sheet's order, with the km (great circle, 2 decimals) to each reference point as
 * `km_<reference id>` columns.
 */
export function compareCsv(parks: readonly ParkProps[], km: ReadonlyMap<string, readonly { id: string; km: number }[]>, names: ExportNames): string {
  const { lang } = names;
  const refs = km.get(parks[0]?.id ?? '')?.map((r) => r.id) ?? [];
  const lines: string[] = [[...COMPARE_COLUMNS, ...refs.map((r) => `km_${r}`)].join(',')];
  for (const p of parks) {
    const r = parkFacts(p);
    const dist = new Map((km.get(p.id) ?? []).map((d) => [d.id, d.km]));
    lines.push(
      csvLine([
        p.id,
        p.name_zh,
        p.name_en,
        districtText({ district: p.district, outside: false }, names),
        r.basis.join('; '),
        r.area?.km2 ?? null,
        r.area?.source ?? null,
        p.confidence,
        p.position.radius_m,
        p.position.method,
        p.source,
        r.list?.batch ?? null,
        r.list?.category?.[lang] ?? null,
        strengthsText(p.links, names),
        p.zones.map((z) => nameOf(names.zone(z), z, lang)).join('; '),
        p.links.map((l) => reasonText(l, names)).join(' | '),
        ...refs.map((ref) => (dist.has(ref) ? dist.get(ref)!.toFixed(2) : null)),
      ]),
    );
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
