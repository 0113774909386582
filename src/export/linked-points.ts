/**
 * What `npm run link` writes for each linked point: a GeoJSON Feature (the input's properties
 * kept, the linker's values added) or a CSV row (spreadsheet-safe, see csv-cell.ts). One row at a
 * time, so a writer can stream them; the part of a row that follows from its district and zone
 * combination alone is written once per combination and reused.
 */
import type { Feature, Point } from 'geojson';
import type { SiteCombo } from '../geo/sites';
import type { Link } from '../geo/types';
import type { InputPoint } from '../io/points';
import { csvCell, csvLine } from './csv-cell';

/** The properties each output feature gets from the linker (they replace input columns of the same name). */
export const LINK_KEYS = ['district', 'outside', 'zones', 'sectors', 'links'] as const;

/** One point read and linked: where it is (WGS-84) and its district (null: outside Shanghai). */
export interface LinkedRow {
  point: InputPoint;
  lon: number;
  lat: number;
  district: string | null;
  /** the district's index in its list (-1: none); the writers cache per district and combination by it */
  districtIndex: number;
}

/** more than the districts there are: a key per (combination, district) */
const DISTRICT_KEYS = 1024;

/** One linked point as a GeoJSON Feature (WGS-84). */
export function linkedFeature(r: LinkedRow, combo: SiteCombo): Feature<Point> {
  const p = r.point;
  // id and name first; the reader's (trimmed, string) id and name win over the raw input's.
  // A spread defines own properties: an input key "__proto__" stays plain data.
  const properties: Record<string, unknown> = { id: p.id, name: p.name, ...p.properties };
  properties.id = p.id;
  properties.name = p.name;
  properties.district = r.district;
  properties.outside = r.district === null;
  properties.zones = combo.zones;
  properties.sectors = combo.sectors;
  properties.links = combo.links;
  if (p.swapped) properties.lonlat_swapped = true;
  const geometry: Point = { type: 'Point', coordinates: [r.lon, r.lat] };
  return p.id !== null ? { type: 'Feature', id: p.id, properties, geometry } : { type: 'Feature', properties, geometry };
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * True when `String(Number(s)) === s` for sure, so a number may be written as the text it was read
 * from without formatting it again (formatting a double costs more than the rest of a row): a
 * plain decimal with at most 15 significant digits (any such decimal is the shortest text of its
 * double), no leading zeros, no trailing zeros after the point, and not below 10⁻⁶ in size
 * (where JavaScript switches to exponents).
 */
export function isNumberText(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 17) return false;
  let i = s.charCodeAt(0) === 45 ? 1 : 0; // '-'
  if (i >= n) return false;
  const intStart = i;
  while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  const intDigits = i - intStart;
  if (intDigits === 0) return false;
  const zeroInt = intDigits === 1 && s.charCodeAt(intStart) === 48;
  if (intDigits > 1 && s.charCodeAt(intStart) === 48) return false; // leading zero
  let sig = zeroInt ? 0 : intDigits;
  if (i === n) return !(zeroInt && intStart === 1) && sig <= 15; // "-0" is written "0"
  if (s.charCodeAt(i) !== 46) return false; // '.'
  i++;
  const fracStart = i;
  let leadingZeros = 0;
  let nonZeroSeen = !zeroInt;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    if (nonZeroSeen) sig++;
    else if (c === 48) leadingZeros++;
    else {
      nonZeroSeen = true;
      sig++;
    }
    i++;
  }
  if (i === fracStart || s.charCodeAt(n - 1) === 48) return false; // "1." or a trailing zero
  if (zeroInt && leadingZeros > 5) return false; // below 1e-6
  return sig <= 15;
}

/** A coordinate as text: as it was read (when it was not converted, and JavaScript writes it so too), else formatted. */
function coordText(value: number, read: number, text: string | undefined): string {
  return value === read && text !== undefined && isNumberText(text) ? text : String(value);
}

/**
 * Where a row writer puts a row: text (to be written as UTF-8) and bytes already encoded (the
 * linker's part of a row, the same for every point of a district and combination, is encoded
 * once and copied).
 */
export interface RowOut {
  text(s: string): void;
  bytes(b: Uint8Array): void;
}

/** A row writer: writes `lead` (a separator) and one linked point, line end included, to `out`. */
export type RowWriter = (r: LinkedRow, combo: SiteCombo, comboIndex: number, out: RowOut, lead?: string) => void;

const utf8 = new TextEncoder();

/**
 * `JSON.stringify(linkedFeature(r, combo))` and `eol`, faster: the linker's part of the
 * properties is encoded once per district and combination. Throws like JSON.stringify (properties
 * nested too deeply to write) before it writes anything of the row.
 */
export function linkedFeatureWriter(eol: string): RowWriter {
  const tails = new Map<number, Uint8Array>();
  return (r, combo, comboIndex, out, lead = '') => {
    const p = r.point;
    const props = p.properties;
    // an input column named like one of the linker's keys keeps its place in the object: the slow path
    let slow = hasOwn(props, 'lonlat_swapped');
    for (const k of LINK_KEYS) if (hasOwn(props, k)) slow = true;
    if (slow) {
      out.text(lead + JSON.stringify(linkedFeature(r, combo)) + eol);
      return;
    }
    const own: Record<string, unknown> = { id: p.id, name: p.name, ...props };
    own.id = p.id;
    own.name = p.name;
    const head = JSON.stringify(own);
    const key = comboIndex * DISTRICT_KEYS + (r.districtIndex + 1);
    let tail = tails.get(key);
    if (tail === undefined) {
      tail = utf8.encode(
        `,"district":${JSON.stringify(r.district)},"outside":${r.district === null},"zones":${JSON.stringify(combo.zones)},` +
          `"sectors":${JSON.stringify(combo.sectors)},"links":${JSON.stringify(combo.links)}`,
      );
      tails.set(key, tail);
    }
    const id = p.id !== null ? `"id":${JSON.stringify(p.id)},` : '';
    out.text(`${lead}{"type":"Feature",${id}"properties":${head.slice(0, -1)}`);
    out.bytes(tail);
    const geometry = `{"type":"Point","coordinates":[${coordText(r.lon, p.lon, p.lonText)},${coordText(r.lat, p.lat, p.latText)}]}`;
    out.text(`${p.swapped ? ',"lonlat_swapped":true' : ''}},"geometry":${geometry}}${eol}`);
  };
}

/** The CSV's own columns; the input's other columns follow them. */
const LINKED_CSV_COLUMNS = ['id', 'name', 'lon', 'lat', 'district', 'outside', 'zones', 'sectors', 'reasons'] as const;

/** The columns a CSV output cannot take from the input (they are the linker's or the point's own). */
export const OWN_CSV_COLUMNS: ReadonlySet<string> = new Set<string>([...LINKED_CSV_COLUMNS, ...LINK_KEYS]);

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
  return csvLine([r.point.id, r.point.name, r.lon, r.lat]) + ',' + linkedCsvTail(r.district, combo) + extraCells(r.point, extra);
}

export function linkedCsvTail(district: string | null, combo: SiteCombo): string {
  return csvLine([district, district === null, combo.zones.join('; '), combo.sectors.join('; '), combo.links.map(linkText).join(' | ')]);
}

function extraCells(p: InputPoint, extra: readonly string[]): string {
  let s = '';
  for (const k of extra) s += ',' + csvCell(cellValue(hasOwn(p.properties, k) ? p.properties[k] : undefined));
  return s;
}

/** {@link linkedCsvLine} and CRLF, with the linker's cells encoded once per district and combination. */
export function linkedCsvWriter(extra: readonly string[]): RowWriter {
  const tails = new Map<number, Uint8Array>();
  return (r, combo, comboIndex, out, lead = '') => {
    const key = comboIndex * DISTRICT_KEYS + (r.districtIndex + 1);
    let tail = tails.get(key);
    if (tail === undefined) {
      tail = utf8.encode(`,${linkedCsvTail(r.district, combo)}`);
      tails.set(key, tail);
    }
    const p = r.point;
    out.text(`${lead}${csvCell(p.id)},${csvCell(p.name)},${coordText(r.lon, p.lon, p.lonText)},${coordText(r.lat, p.lat, p.latText)}`);
    out.bytes(tail);
    out.text(extra.length > 0 ? `${extraCells(p, extra)}\r\n` : '\r\n');
  };
}
