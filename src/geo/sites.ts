/**
 * The user's sites, linked: each point gets its district (or none: outside Shanghai), the zones
 * containing it, and the sectors with reasons, from the same engine as the parks.
 *
 * Pure (no DOM, no I/O). Reading files is src/io; this module only links points and keeps them.
 *
 * Columnar so 100,000 sites cross the worker boundary cheaply: coordinates in Float64Arrays and,
 * per site, the index of its district and of its *zone combination*. A site has no designations,
 * so its sectors and links follow from its zones alone: each distinct combination is linked once
 * and shared ({@link SiteCombo}). {@link siteAt} rebuilds one full site for a card or an export.
 */
import type { LinkedColumns, Linker } from './link';
import { toWgs84 } from './crs';
import type { Crs } from './crs';
import type { DistrictFeature, Link, ZoneFeature } from './types';
import type { TopSectorId } from '../domain/ids';
import { StringColumnBuilder, stringAt } from '../lib/string-column';
import type { StringColumn } from '../lib/string-column';

/** What the linker needs: Shanghai's districts and the plan's zones (from public/geo). */
export interface LinkAreas {
  districts: DistrictFeature[];
  zones: ZoneFeature[];
}

export interface SiteCombo {
  zones: string[];
  sectors: TopSectorId[];
  links: Link[];
}

/** `district` value of a site outside every district of Shanghai. */
export const OUTSIDE = -1;

/** A linked file of sites (all per-site arrays have `count` entries; coordinate arrays 2 × count). */
export interface SiteSet {
  id: string;
  fileName: string;
  format: 'csv' | 'geojson';
  /** the coordinate system the file was read in (`input` is in it) */
  crs: Crs;
  /** the text encoding the file was read in (a TextEncodingId of src/io/decode.ts) */
  encoding: string;
  /** size and hash of the file's bytes: the same file imported twice has the same one */
  fingerprint: string;
  count: number;
  /** each site's id and name from the file (stringAt; null: none), packed to cross threads cheaply */
  ids: StringColumn;
  names: StringColumn;
  /** CSV line of each site (GeoJSON: -1) */
  lines: Int32Array;
  /** 0-based row / feature index in the file */
  rows: Int32Array;
  /** lon, lat interleaved as read (in `crs`; swapped back where `swapped` says so) */
  input: Float64Array;
  /** WGS-84 lon, lat interleaved (after any conversion) */
  coords: Float64Array;
  /** 1 where the file had lon and lat the other way round and the import swapped them */
  swapped: Uint8Array;
  /** index into `districtNames`, or OUTSIDE */
  district: Int16Array;
  districtNames: string[];
  /** index into `combos` */
  combo: Int32Array;
  combos: SiteCombo[];
  /** sites outside every district */
  outside: number;
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
  /** null: outside Shanghai */
  district: string | null;
  outside: boolean;
  swapped: boolean;
  zones: string[];
  sectors: TopSectorId[];
  links: Link[];
}

/**
 * Links points in batches with the engine's columnar {@link Linker.linkMany} (no allocation per
 * point), sharing one SiteCombo per distinct set of zones, numbered in order of first appearance.
 * A point outside every district gets no district and no zones (the combination of no zones).
 */
export class BatchLinker {
  readonly combos: SiteCombo[] = [];
  /** per zone set of the linker: its combo, or -1 while not met */
  private comboOfZoneSet = new Int32Array(64).fill(-1);
  private columns: LinkedColumns | null = null;

  constructor(private readonly linker: Linker) {}

  /** the names `district` indexes (the linker's districts, in data order) */
  get districtNames(): readonly string[] {
    return this.linker.districtNames;
  }

  /**
   * Links the n points of `coords` (WGS-84 lon, lat interleaved): per point the index of its
   * district in {@link districtNames} (or OUTSIDE) into `district`, and its combo into `combo`.
   */
  linkMany(coords: Float64Array, district: Int32Array | Int16Array, combo: Int32Array): void {
    const n = coords.length >> 1;
    if (this.columns === null || this.columns.district.length < n) this.columns = { district: new Int32Array(n), zoneSet: new Int32Array(n) };
    const cols = this.linker.linkMany(coords, this.columns);
    for (let i = 0; i < n; i++) {
      const d = cols.district[i]!;
      district[i] = d < 0 ? OUTSIDE : d;
      const z = d < 0 ? 0 : cols.zoneSet[i]!;
      if (z >= this.comboOfZoneSet.length) {
        const grown = new Int32Array(Math.max(2 * this.comboOfZoneSet.length, z + 1)).fill(-1);
        grown.set(this.comboOfZoneSet);
        this.comboOfZoneSet = grown;
      }
      let c = this.comboOfZoneSet[z]!;
      if (c < 0) {
        c = this.combos.length;
        if (z === 0) this.combos.push({ zones: [], sectors: [], links: [] });
        else {
          const l = this.linker.link(coords[2 * i]!, coords[2 * i + 1]!);
          this.combos.push({ zones: l.zones, sectors: l.sectors, links: l.links });
        }
        this.comboOfZoneSet[z] = c;
      }
      combo[i] = c;
    }
  }
}

/** Linked rows in a batch: the columns SiteSetBuilder.addBatch takes (n rows; coordinate arrays 2n). */
export interface SiteBatch {
  n: number;
  /** per row, or a column of n rows (a set linked again) */
  ids: readonly (string | null)[] | StringColumn;
  names: readonly (string | null)[] | StringColumn;
  /** CSV line, or -1 */
  lines: Int32Array;
  rows: Int32Array;
  /** as read, in the set's crs */
  input: Float64Array;
  /** WGS-84 */
  coords: Float64Array;
  swapped: Uint8Array;
  /** index into the linker's districtNames, or OUTSIDE */
  district: Int32Array;
  combo: Int32Array;
}

/** Collects linked batches into a SiteSet (arrays grow by doubling). */
export class SiteSetBuilder {
  private n = 0;
  private cap = 1024;
  private ids = new StringColumnBuilder();
  private names = new StringColumnBuilder();
  private lines = new Int32Array(this.cap);
  private rows = new Int32Array(this.cap);
  private input = new Float64Array(this.cap * 2);
  private coords = new Float64Array(this.cap * 2);
  private swapped = new Uint8Array(this.cap);
  private district = new Int16Array(this.cap);
  private combo = new Int32Array(this.cap);
  private outside = 0;

  constructor(private readonly districtNames: readonly string[]) {}

  get count(): number {
    return this.n;
  }

  addBatch(b: SiteBatch): void {
    while (this.n + b.n > this.cap) this.grow();
    const k = this.n;
    for (const [to, from] of [
      [this.ids, b.ids],
      [this.names, b.names],
    ] as const)
      if (Array.isArray(from)) for (let i = 0; i < b.n; i++) to.push((from as readonly (string | null)[])[i]);
      else to.pushFrom(from as StringColumn, 0, b.n);
    for (let i = 0; i < b.n; i++) {
      const d = b.district[i]!;
      this.district[k + i] = d;
      if (d === OUTSIDE) this.outside++;
    }
    this.lines.set(b.lines.subarray(0, b.n), k);
    this.rows.set(b.rows.subarray(0, b.n), k);
    this.input.set(b.input.subarray(0, 2 * b.n), 2 * k);
    this.coords.set(b.coords.subarray(0, 2 * b.n), 2 * k);
    this.swapped.set(b.swapped.subarray(0, b.n), k);
    this.combo.set(b.combo.subarray(0, b.n), k);
    this.n += b.n;
  }

  private grow(): void {
    this.cap *= 2;
    const g = <T extends Int32Array | Float64Array | Uint8Array | Int16Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.lines = g(this.lines, this.cap);
    this.rows = g(this.rows, this.cap);
    this.input = g(this.input, this.cap * 2);
    this.coords = g(this.coords, this.cap * 2);
    this.swapped = g(this.swapped, this.cap);
    this.district = g(this.district, this.cap);
    this.combo = g(this.combo, this.cap);
  }

  build(meta: Pick<SiteSet, 'id' | 'fileName' | 'format' | 'crs' | 'encoding' | 'fingerprint'>, combos: SiteCombo[]): SiteSet {
    const n = this.n;
    return {
      ...meta,
      count: n,
      ids: this.ids.build(),
      names: this.names.build(),
      lines: this.lines.slice(0, n),
      rows: this.rows.slice(0, n),
      input: this.input.slice(0, 2 * n),
      coords: this.coords.slice(0, 2 * n),
      swapped: this.swapped.slice(0, n),
      district: this.district.slice(0, n),
      districtNames: [...this.districtNames],
      combo: this.combo.slice(0, n),
      combos,
      outside: this.outside,
    };
  }
}

/** An empty set (a file that could not be read). */
export function emptySiteSet(meta: Pick<SiteSet, 'id' | 'fileName' | 'format' | 'crs' | 'encoding' | 'fingerprint'>): SiteSet {
  return new SiteSetBuilder([]).build(meta, []);
}

/**
 * The same sites read in another coordinate system: every point converted from `input` again and
 * linked again (as if the file had been imported with `crs`). Ids, names and rows are kept.
 */
export function relinkSiteSet(set: SiteSet, crs: Crs, linker: Linker, id: string): SiteSet {
  const n = set.count;
  const coords = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const [lon, lat] = toWgs84(set.input[2 * i]!, set.input[2 * i + 1]!, crs);
    coords[2 * i] = lon;
    coords[2 * i + 1] = lat;
  }
  const batch = new BatchLinker(linker);
  const district = new Int32Array(n);
  const combo = new Int32Array(n);
  batch.linkMany(coords, district, combo);
  const b = new SiteSetBuilder(batch.districtNames);
  b.addBatch({ n, ids: set.ids, names: set.names, lines: set.lines, rows: set.rows, input: set.input, coords, swapped: set.swapped, district, combo });
  return b.build({ id, fileName: set.fileName, format: set.format, crs, encoding: set.encoding, fingerprint: set.fingerprint }, batch.combos);
}

/** One site of a set, whole (its links shared with others of the same zones: treat as read-only). */
export function siteAt(set: SiteSet, i: number): LinkedSite {
  const c = set.combos[set.combo[i]!]!;
  const line = set.lines[i]!;
  const d = set.district[i]!;
  return {
    set: set.id,
    index: i,
    id: stringAt(set.ids, i),
    name: stringAt(set.names, i),
    line: line >= 0 ? line : null,
    row: set.rows[i]!,
    lon: set.coords[2 * i]!,
    lat: set.coords[2 * i + 1]!,
    district: d === OUTSIDE ? null : (set.districtNames[d] ?? null),
    outside: d === OUTSIDE,
    swapped: set.swapped[i] === 1,
    zones: c.zones,
    sectors: c.sectors,
    links: c.links,
  };
}
