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
import type { Linker } from './link';
import { toWgs84 } from './crs';
import type { Crs } from './crs';
import type { DistrictFeature, Link, ZoneFeature } from './types';
import type { TopSectorId } from '../domain/ids';

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
  ids: (string | null)[];
  names: (string | null)[];
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

/** One point linked: its district (null: outside Shanghai) and its zone combination. */
export interface PointLink {
  district: string | null;
  combo: number;
}

/**
 * Links points with `linker`, sharing one SiteCombo per distinct set of zones. A point outside
 * every district gets no district and no zones (combination of no zones).
 */
export class ComboLinker {
  readonly combos: SiteCombo[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly linker: Linker) {}

  link(lon: number, lat: number): PointLink {
    const district = this.linker.districtOf(lon, lat);
    const zones = district === null ? [] : this.linker.zonesAt(lon, lat);
    const key = zones.join('|');
    let combo = this.index.get(key);
    if (combo === undefined) {
      combo = this.combos.length;
      if (zones.length === 0) this.combos.push({ zones: [], sectors: [], links: [] });
      else {
        const l = this.linker.link(lon, lat);
        this.combos.push({ zones: l.zones, sectors: l.sectors, links: l.links });
      }
      this.index.set(key, combo);
    }
    return { district, combo };
  }
}

interface SiteRow {
  id: string | null;
  name: string | null;
  line: number | null;
  row: number;
  /** as read, in the set's crs */
  inLon: number;
  inLat: number;
  /** WGS-84 */
  lon: number;
  lat: number;
  swapped: boolean;
  link: PointLink;
}

/** Collects linked rows into a SiteSet (arrays grow by doubling). */
export class SiteSetBuilder {
  private n = 0;
  private cap = 1024;
  private ids: (string | null)[] = [];
  private names: (string | null)[] = [];
  private lines = new Int32Array(this.cap);
  private rows = new Int32Array(this.cap);
  private input = new Float64Array(this.cap * 2);
  private coords = new Float64Array(this.cap * 2);
  private swapped = new Uint8Array(this.cap);
  private district = new Int16Array(this.cap);
  private combo = new Int32Array(this.cap);
  private readonly districtNames: string[] = [];
  private readonly districtIndex = new Map<string, number>();
  private outside = 0;

  get count(): number {
    return this.n;
  }

  add(r: SiteRow): void {
    if (this.n === this.cap) this.grow();
    const k = this.n++;
    this.ids.push(r.id);
    this.names.push(r.name);
    this.lines[k] = r.line ?? -1;
    this.rows[k] = r.row;
    this.input[2 * k] = r.inLon;
    this.input[2 * k + 1] = r.inLat;
    this.coords[2 * k] = r.lon;
    this.coords[2 * k + 1] = r.lat;
    this.swapped[k] = r.swapped ? 1 : 0;
    this.combo[k] = r.link.combo;
    const d = r.link.district;
    if (d === null) {
      this.district[k] = OUTSIDE;
      this.outside++;
      return;
    }
    let di = this.districtIndex.get(d);
    if (di === undefined) {
      di = this.districtNames.length;
      this.districtNames.push(d);
      this.districtIndex.set(d, di);
    }
    this.district[k] = di;
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
      ids: this.ids,
      names: this.names,
      lines: this.lines.slice(0, n),
      rows: this.rows.slice(0, n),
      input: this.input.slice(0, 2 * n),
      coords: this.coords.slice(0, 2 * n),
      swapped: this.swapped.slice(0, n),
      district: this.district.slice(0, n),
      districtNames: this.districtNames,
      combo: this.combo.slice(0, n),
      combos,
      outside: this.outside,
    };
  }
}

/** An empty set (a file that could not be read). */
export function emptySiteSet(meta: Pick<SiteSet, 'id' | 'fileName' | 'format' | 'crs' | 'encoding' | 'fingerprint'>): SiteSet {
  return new SiteSetBuilder().build(meta, []);
}

/**
 * The same sites read in another coordinate system: every point converted from `input` again and
 * linked again (as if the file had been imported with `crs`). Ids, names and rows are kept.
 */
export function relinkSiteSet(set: SiteSet, crs: Crs, linker: Linker, id: string): SiteSet {
  const linkerOf = new ComboLinker(linker);
  const b = new SiteSetBuilder();
  for (let i = 0; i < set.count; i++) {
    const inLon = set.input[2 * i]!;
    const inLat = set.input[2 * i + 1]!;
    const [lon, lat] = toWgs84(inLon, inLat, crs);
    const line = set.lines[i]!;
    b.add({
      id: set.ids[i] ?? null,
      name: set.names[i] ?? null,
      line: line >= 0 ? line : null,
      row: set.rows[i]!,
      inLon,
      inLat,
      lon,
      lat,
      swapped: set.swapped[i] === 1,
      link: linkerOf.link(lon, lat),
    });
  }
  return b.build({ id, fileName: set.fileName, format: set.format, crs, encoding: set.encoding, fingerprint: set.fingerprint }, linkerOf.combos);
}

/** One site of a set, whole (its links shared with others of the same zones: treat as read-only). */
export function siteAt(set: SiteSet, i: number): LinkedSite {
  const c = set.combos[set.combo[i]!]!;
  const line = set.lines[i]!;
  const d = set.district[i]!;
  return {
    set: set.id,
    index: i,
    id: set.ids[i] ?? null,
    name: set.names[i] ?? null,
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
