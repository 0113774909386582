/**
 * The user's own sites: read a CSV/GeoJSON text, convert GCJ-02 → WGS-84 when asked, and link
 * every point with the same engine as the parks (district, zones, sectors and reasons).
 *
 * Pure (no DOM, no React): runs in the link worker, in-thread as a fallback, and in tests.
 *
 * The result is columnar so 100,000 sites cross the worker boundary cheaply: coordinates in a
 * Float64Array, and per site only the index of its district and of its *zone combination*.
 * A site has no designations, so its sectors and links follow from its zones alone: each
 * distinct combination is linked once and shared ({@link SiteCombo}). {@link siteAt} rebuilds
 * one full site when a card or an export needs it.
 */
import gcoord from 'gcoord';
import { parsePointsText } from './points-io';
import type { RowError } from './points-io';
import type { Linker } from './link';
import type { DistrictFeature, Link } from './types';
import type { TopSectorId } from '../domain/ids';

export type Crs = 'wgs84' | 'gcj02';
export const DEFAULT_CRS: Crs = 'wgs84';

/** Largest file accepted for import (bytes). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Most rows accepted for import. */
export const MAX_IMPORT_ROWS = 200_000;
/** Row errors kept in a result (the count is always exact). */
export const MAX_REPORTED_ERRORS = 500;

export interface SiteCombo {
  zones: string[];
  sectors: TopSectorId[];
  links: Link[];
}

/** A linked file of sites (all arrays have `count` entries; coords has 2 × count). */
export interface SiteSet {
  id: string;
  fileName: string;
  format: 'csv' | 'geojson';
  crs: Crs;
  count: number;
  ids: (string | null)[];
  names: (string | null)[];
  /** CSV line of each site (GeoJSON: -1) */
  lines: Int32Array;
  /** 0-based row / feature index in the file */
  rows: Int32Array;
  /** WGS-84 lon, lat interleaved (after any conversion) */
  coords: Float64Array;
  /** index into `districtNames` */
  district: Int16Array;
  districtNames: string[];
  /** index into `combos` */
  combo: Int32Array;
  combos: SiteCombo[];
}

export interface SiteImportResult {
  fileName: string;
  format: 'csv' | 'geojson';
  crs: Crs;
  /** rows / features seen in the file */
  total: number;
  /** the valid, linked sites (count may be 0) */
  set: SiteSet;
  /** bad rows (the first MAX_REPORTED_ERRORS), with line (CSV) or feature index (GeoJSON) */
  errors: RowError[];
  /** exact number of bad rows */
  errorCount: number;
  /** file-level notes (e.g. a duplicated column) */
  notes: string[];
  /** non-null: the file as a whole cannot be read, nothing to import */
  fatal: string | null;
  /** ms spent parsing + linking */
  ms: number;
}

/** One site, whole. */
export interface LinkedSite {
  set: string;
  index: number;
  id: string | null;
  name: string | null;
  line: number | null;
  row: number;
  lon: number;
  lat: number;
  district: string | null;
  zones: string[];
  sectors: TopSectorId[];
  links: Link[];
}

/** GCJ-02 (AMap, most Chinese sources) → WGS-84; WGS-84 is returned as is. Rounded to 1e-7° (≈1 cm). */
export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7];
}

/** [minLon, minLat, maxLon, maxLat] of the districts, padded by `pad` degrees (GCJ-02 offsets are < 1 km). */
export function districtBounds(districts: readonly DistrictFeature[], pad = 0.05): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of districts) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polys)
      for (const ring of rings)
        for (const p of ring) {
          const x = p[0]!;
          const y = p[1]!;
          if (x < b[0]) b[0] = x;
          if (y < b[1]) b[1] = y;
          if (x > b[2]) b[2] = x;
          if (y > b[3]) b[3] = y;
        }
  }
  return [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
}

/** A message when a file is too large to read at all, else null (checked before reading it). */
export function fileSizeProblem(bytes: number, limit = MAX_IMPORT_BYTES): string | null {
  if (bytes === 0) return 'file is empty';
  if (bytes > limit) return `file is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${(limit / 1048576).toFixed(0)} MB`;
  return null;
}

function fmtCoord(v: number): string {
  let s = v.toFixed(6);
  while (s.endsWith('0') && s.length - s.indexOf('.') > 3) s = s.slice(0, -1);
  return s;
}

export interface LinkSitesOptions {
  crs: Crs;
  /** the padded box of the districts (points outside are bad rows before any linking) */
  bounds: [number, number, number, number];
  setId: string;
  maxBytes?: number;
  maxRows?: number;
  now?: () => number;
}

const emptySet = (id: string, fileName: string, format: 'csv' | 'geojson', crs: Crs): SiteSet => ({
  id,
  fileName,
  format,
  crs,
  count: 0,
  ids: [],
  names: [],
  lines: new Int32Array(0),
  rows: new Int32Array(0),
  coords: new Float64Array(0),
  district: new Int16Array(0),
  districtNames: [],
  combo: new Int32Array(0),
  combos: [],
});

/** Parses a CSV / GeoJSON text and links every valid point. Never throws on bad input. */
export function linkSitesText(text: string, fileName: string, linker: Linker, opts: LinkSitesOptions): SiteImportResult {
  const now = opts.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const t0 = now();
  const parsed = parsePointsText(text, fileName, {
    bounds: opts.bounds,
    maxBytes: opts.maxBytes ?? MAX_IMPORT_BYTES,
    maxRows: opts.maxRows ?? MAX_IMPORT_ROWS,
  });
  const base = { fileName, format: parsed.format, crs: opts.crs, total: parsed.total };
  if (parsed.fatal !== null) {
    return { ...base, set: emptySet(opts.setId, fileName, parsed.format, opts.crs), errors: [], errorCount: 0, notes: [], fatal: parsed.fatal, ms: now() - t0 };
  }
  const notes: string[] = [];
  const bad: RowError[] = [];
  for (const e of parsed.errors) {
    if (e.index === null) notes.push(e.reason);
    else bad.push({ ...e, reason: e.reason.replace(/^outside the area \(/, 'outside Shanghai (') });
  }

  const pts = parsed.points;
  const n = pts.length;
  const coords = new Float64Array(n * 2);
  const district = new Int16Array(n);
  const combo = new Int32Array(n);
  const lines = new Int32Array(n);
  const rows = new Int32Array(n);
  const ids: (string | null)[] = [];
  const names: (string | null)[] = [];
  const districtNames: string[] = [];
  const districtIdx = new Map<string, number>();
  const combos: SiteCombo[] = [];
  const comboIdx = new Map<string, number>();
  let k = 0;
  for (const p of pts) {
    const [lon, lat] = toWgs84(p.lon, p.lat, opts.crs);
    const d = linker.districtOf(lon, lat);
    if (d === null) {
      bad.push({ line: p.line, index: p.index, reason: `outside Shanghai (lon ${fmtCoord(p.lon)}, lat ${fmtCoord(p.lat)})` });
      continue;
    }
    let di = districtIdx.get(d);
    if (di === undefined) {
      di = districtNames.length;
      districtNames.push(d);
      districtIdx.set(d, di);
    }
    const zones = linker.zonesAt(lon, lat);
    const key = zones.join('|');
    let ci = comboIdx.get(key);
    if (ci === undefined) {
      const l = linker.link(lon, lat);
      ci = combos.length;
      combos.push({ zones: l.zones, sectors: l.sectors, links: l.links });
      comboIdx.set(key, ci);
    }
    coords[2 * k] = lon;
    coords[2 * k + 1] = lat;
    district[k] = di;
    combo[k] = ci;
    lines[k] = p.line ?? -1;
    rows[k] = p.index;
    ids.push(p.id);
    names.push(p.name);
    k++;
  }
  bad.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const set: SiteSet = {
    id: opts.setId,
    fileName,
    format: parsed.format,
    crs: opts.crs,
    count: k,
    ids,
    names,
    lines: lines.slice(0, k),
    rows: rows.slice(0, k),
    coords: coords.slice(0, 2 * k),
    district: district.slice(0, k),
    districtNames,
    combo: combo.slice(0, k),
    combos,
  };
  return { ...base, set, errors: bad.slice(0, MAX_REPORTED_ERRORS), errorCount: bad.length, notes, fatal: null, ms: now() - t0 };
}

/** One site of a set, whole (its links shared with others of the same zones: treat as read-only). */
export function siteAt(set: SiteSet, i: number): LinkedSite {
  const c = set.combos[set.combo[i]!]!;
  const line = set.lines[i]!;
  return {
    set: set.id,
    index: i,
    id: set.ids[i] ?? null,
    name: set.names[i] ?? null,
    line: line >= 0 ? line : null,
    row: set.rows[i]!,
    lon: set.coords[2 * i]!,
    lat: set.coords[2 * i + 1]!,
    district: set.districtNames[set.district[i]!] ?? null,
    zones: c.zones,
    sectors: c.sectors,
    links: c.links,
  };
}

/** Where a bad row is, for messages: "line 7" (CSV) or "feature 3" (GeoJSON); null for file notes. */
export function rowLabel(e: { line: number | null; index: number | null }): { kind: 'line' | 'feature'; n: number } | null {
  if (e.line !== null) return { kind: 'line', n: e.line };
  if (e.index !== null) return { kind: 'feature', n: e.index };
  return null;
}

/** What the link worker (or its in-thread stand-in) is asked to do. */
export interface LinkRequest {
  req: number;
  /** the file itself (read where the linking runs) or its text */
  source: Blob | string;
  fileName: string;
  crs: Crs;
  setId: string;
}

export type LinkReply = { kind: 'result'; req: number; result: SiteImportResult } | { kind: 'error'; req: number; message: string };

/** Reads a request's file (size-checked first, so a huge file is never read) and links it. */
export async function runLinkRequest(r: LinkRequest, linker: Linker, bounds: [number, number, number, number]): Promise<SiteImportResult> {
  let text: string;
  if (typeof r.source === 'string') text = r.source;
  else {
    const problem = fileSizeProblem(r.source.size);
    if (problem !== null) {
      const format = /\.(geo)?json$/i.test(r.fileName) ? 'geojson' : 'csv';
      return {
        fileName: r.fileName,
        format,
        crs: r.crs,
        total: 0,
        set: emptySet(r.setId, r.fileName, format, r.crs),
        errors: [],
        errorCount: 0,
        notes: [],
        fatal: problem,
        ms: 0,
      };
    }
    text = await r.source.text();
  }
  return linkSitesText(text, r.fileName, linker, { crs: r.crs, bounds, setId: r.setId });
}

/** The buffers of a result that can be moved (not copied) to another thread. */
export function transferablesOf(result: SiteImportResult): ArrayBuffer[] {
  const s = result.set;
  return [s.coords, s.district, s.combo, s.lines, s.rows].map((a) => a.buffer as ArrayBuffer);
}
