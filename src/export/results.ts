/**
 * Exports of the current result set (the parks shown and/or the imported sites) as CSV and
 * GeoJSON. Pure: strings in, strings out; the UI turns them into downloads.
 *
 * CSV: UTF-8 with a BOM (so Excel opens Chinese correctly), CRLF line ends, every cell through
 * csvCell (RFC 4180 quoting, formulas neutralised), columns EXPORT_COLUMNS; zones, sectors and
 * reasons as readable text in the chosen language; a site outside Shanghai says so in `district`.
 * GeoJSON: WGS-84 Point features with the same fields plus the ids, `outside` and the full `links`.
 */
import type { ParkProps } from '../loaders/schemas';
import { siteAt } from '../geo/sites';
import type { SiteSet } from '../geo/sites';
import { CRS_LABEL } from '../geo/crs';
import type { Link } from '../geo/types';
import { BOM, csvLine } from './csv-cell';

export const EXPORT_COLUMNS = ['id', 'name_zh', 'name_en', 'lon', 'lat', 'district', 'zones', 'sectors', 'reasons', 'confidence', 'source'] as const;

/** What the district column says for a site outside every district of Shanghai. */
const OUTSIDE_TEXT = { zh: '上海市域外', en: 'outside Shanghai' } as const;

export type ExportLang = 'zh' | 'en';

/** Names for ids (from the loaded data); unknown ids print as themselves. */
export interface ExportNames {
  lang: ExportLang;
  zone(id: string): { zh: string; en: string } | undefined;
  /** a sector or sub-sector node */
  sector(id: string): { zh: string; en: string } | undefined;
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
      },
    ];
  });
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
    };
  }
  return out;
}

function nameOf(n: { zh: string; en: string } | undefined, id: string, lang: ExportLang): string {
  return n ? n[lang] : id;
}

/** One reason as a line of text, e.g. `集成电路: 位于 张江科学城 (五（一）1) “…”`. */
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
    return `${node}: ${how} (${l.clause})${quote}`;
  }
  const zone = l.zone ? nameOf(names.zone(l.zone), l.zone, lang) : '';
  const how = lang === 'zh' ? '位于' : 'inside';
  return `${node}: ${how} ${zone} (${l.clause})${quote}`;
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
      r.outside ? OUTSIDE_TEXT[lang] : (r.district ?? ''),
      r.zones.map((z) => nameOf(names.zone(z), z, lang)).join('; '),
      r.sectors.map((s) => nameOf(names.sector(s), s, lang)).join('; '),
      r.links.map((l) => reasonText(l, names)).join(' | '),
      r.confidence,
      r.source,
    ];
    lines.push(csvLine(cells));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

/** The GeoJSON text: a FeatureCollection of Points with ids, names and the full links. */
export function toGeoJson(rows: readonly ExportRow[], names: ExportNames): string {
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
      outside: r.outside,
      zones: r.zones,
      sectors: r.sectors,
      reasons: r.links.map((l) => reasonText(l, names)),
      links: r.links,
      confidence: r.confidence,
      source: r.source,
    },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}
