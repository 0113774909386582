/**
 * What `npm run link` writes for each linked point: a GeoJSON Feature (the input's properties
 * kept, the linker's values added) or a CSV row (spreadsheet-safe, see csv-cell.ts). One row at a
 * time, so a writer can stream them.
 */
import type { Feature, Point } from 'geojson';
import type { SiteCombo } from '../geo/sites';
import type { Link } from '../geo/types';
import type { LinkedRow } from '../io/link-sites';
import { csvLine } from './csv-cell';

/** The properties each output feature gets from the linker (they replace input columns of the same name). */
export const LINK_KEYS = ['district', 'outside', 'zones', 'sectors', 'links'] as const;

/** One linked point as a GeoJSON Feature (WGS-84). */
export function linkedFeature(r: LinkedRow, combo: SiteCombo): Feature<Point> {
  const p = r.point;
  // id and name first; the reader's (trimmed, string) id and name win over the raw input's.
  // A spread defines own properties: an input key "__proto__" stays plain data.
  const properties: Record<string, unknown> = { id: p.id, name: p.name, ...p.properties };
  properties.id = p.id;
  properties.name = p.name;
  properties.district = r.link.district;
  properties.outside = r.link.district === null;
  properties.zones = combo.zones;
  properties.sectors = combo.sectors;
  properties.links = combo.links;
  if (p.swapped) properties.lonlat_swapped = true;
  const geometry: Point = { type: 'Point', coordinates: [r.lon, r.lat] };
  return p.id !== null ? { type: 'Feature', id: p.id, properties, geometry } : { type: 'Feature', properties, geometry };
}

/** The CSV's own columns; the input's other columns follow them. */
const LINKED_CSV_COLUMNS = ['id', 'name', 'lon', 'lat', 'district', 'outside', 'zones', 'sectors', 'reasons'] as const;

/** One reason in ids, e.g. `ic: zone zhangjiang-pole (五（一）)` or `ai: named by the plan (五（三）)`. */
function linkText(l: Link): string {
  return l.via === 'zone' ? `${l.node}: zone ${l.zone ?? ''} (${l.clause})` : `${l.node}: named by the plan (${l.clause})`;
}

/** A property value as one cell: strings and numbers as they are, anything else as JSON. */
function cellValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  try {
    return JSON.stringify(v) ?? null;
  } catch {
    return '(not writable: nested too deeply)';
  }
}

/** The header line for these extra (input) columns. */
export function linkedCsvHeader(extra: readonly string[]): string {
  return csvLine([...LINKED_CSV_COLUMNS, ...extra]);
}

/** One linked point as a CSV line (no line end); `extra` are the input's columns to carry. */
export function linkedCsvLine(r: LinkedRow, combo: SiteCombo, extra: readonly string[]): string {
  const p = r.point;
  const own = (k: string) => (Object.prototype.hasOwnProperty.call(p.properties, k) ? p.properties[k] : undefined);
  return csvLine([
    p.id,
    p.name,
    r.lon,
    r.lat,
    r.link.district,
    r.link.district === null,
    combo.zones.join('; '),
    combo.sectors.join('; '),
    combo.links.map(linkText).join(' | '),
    ...extra.map((k) => cellValue(own(k))),
  ]);
}
