/**
 * The linking engine as it was before the one-grid index (commit d01d535, src/geo/area-index.ts
 * and the district/zone part of src/geo/link.ts), kept verbatim as a baseline for
 * `npm run bench`: a Flatbush R-tree over the bounding boxes of every polygon part, a 64 × 64
 * grid per part whose cells are inside, outside or edge, and Turf's booleanPointInPolygon on
 * edge cells. Not used by the app.
 */
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { isAreal } from '../src/geo/link';
import type { Areal, DistrictFeature, LonLat, ZoneFeature } from '../src/geo/types';

/** districtOf and zonesAt, answered the previous way. */
export function createPreviousLinker(districts: readonly DistrictFeature[], zones: readonly ZoneFeature[]) {
  const districtIndex = new PreviousAreaIndex(districts.map((d) => d.geometry));
  const areal = zones.filter(isAreal);
  const zoneIndex = new PreviousAreaIndex(areal.map((z) => z.geometry));
  return {
    districtOf: (lon: number, lat: number): string | null => {
      const i = districtIndex.first(lon, lat);
      return i < 0 ? null : districts[i]!.properties.name_zh;
    },
    zonesAt: (lon: number, lat: number): string[] => zoneIndex.query(lon, lat).map((i) => areal[i]!.properties.id),
  };
}

const OUT = 0;
const IN = 1;
const EDGE = 2;

interface Part {
  owner: number;
  polygon: Polygon;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  cellW: number;
  cellH: number;
  n: number;
  grid: Uint8Array;
}

interface PreviousOptions {
  /** grid cells per side for each polygon part (default 64; 0 disables the grid) */
  gridSize?: number;
}

class PreviousAreaIndex {
  private readonly parts: Part[] = [];
  private readonly tree: Flatbush | null;
  readonly size: number;

  constructor(geometries: (Areal | null)[], opts: PreviousOptions = {}) {
    const n = opts.gridSize ?? 64;
    this.size = geometries.length;
    geometries.forEach((g, owner) => {
      if (!g) return;
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      for (const rings of polys) this.parts.push(makePart(owner, { type: 'Polygon', coordinates: rings }, n));
    });
    if (this.parts.length === 0) {
      this.tree = null;
      return;
    }
    this.tree = new Flatbush(this.parts.length);
    for (const p of this.parts) this.tree.add(p.minX, p.minY, p.maxX, p.maxY);
    this.tree.finish();
  }

  /** Indices (into the constructor's list) of every geometry containing the point, ascending. */
  query(lon: number, lat: number): number[] {
    if (!this.tree) return [];
    const hits = new Set<number>();
    for (const i of this.tree.search(lon, lat, lon, lat)) {
      const part = this.parts[i]!;
      if (hits.has(part.owner)) continue;
      if (contains(part, lon, lat)) hits.add(part.owner);
    }
    return [...hits].sort((a, b) => a - b);
  }

  /** The first (lowest index) geometry containing the point, or -1. */
  first(lon: number, lat: number): number {
    const all = this.query(lon, lat);
    return all.length ? all[0]! : -1;
  }
}

function contains(p: Part, x: number, y: number): boolean {
  if (p.n > 0) {
    const cx = Math.min(p.n - 1, Math.floor((x - p.minX) / p.cellW));
    const cy = Math.min(p.n - 1, Math.floor((y - p.minY) / p.cellH));
    if (cx < 0 || cy < 0) return false;
    const state = p.grid[cy * p.n + cx];
    if (state === IN) return true;
    if (state === OUT) return false;
  }
  return booleanPointInPolygon([x, y] as LonLat, p.polygon);
}

function makePart(owner: number, polygon: Polygon, n: number): Part {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of polygon.coordinates)
    for (const [x, y] of ring as [number, number][]) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  // a hair of padding so points on the bbox edge fall inside the grid
  const pad = 1e-9;
  minX -= pad;
  minY -= pad;
  maxX += pad;
  maxY += pad;
  const cellW = (maxX - minX) / Math.max(n, 1);
  const cellH = (maxY - minY) / Math.max(n, 1);
  const part: Part = { owner, polygon, minX, minY, maxX, maxY, cellW, cellH, n, grid: new Uint8Array(n * n) };
  if (n === 0) return part;
  for (const ring of polygon.coordinates) markEdges(part, ring);
  for (let cy = 0; cy < n; cy++)
    for (let cx = 0; cx < n; cx++) {
      const k = cy * n + cx;
      if (part.grid[k] === EDGE) continue;
      const centre: LonLat = [minX + (cx + 0.5) * cellW, minY + (cy + 0.5) * cellH];
      part.grid[k] = booleanPointInPolygon(centre, polygon) ? IN : OUT;
    }
  return part;
}

/** Marks every cell an edge may touch (conservatively: each short piece's bbox, widened). */
function markEdges(p: Part, ring: Position[]): void {
  const step = Math.min(p.cellW, p.cellH) / 2;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    const len = Math.hypot(x1 - x0, y1 - y0);
    const pieces = Math.max(1, Math.ceil(len / step));
    for (let s = 0; s < pieces; s++) {
      const ax = x0 + ((x1 - x0) * s) / pieces;
      const ay = y0 + ((y1 - y0) * s) / pieces;
      const bx = x0 + ((x1 - x0) * (s + 1)) / pieces;
      const by = y0 + ((y1 - y0) * (s + 1)) / pieces;
      markBox(p, Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
  }
}

function markBox(p: Part, x0: number, y0: number, x1: number, y1: number): void {
  // widen by one cell on each side: a point on a cell boundary may be read into either cell
  const c0 = Math.max(0, Math.floor((x0 - p.minX) / p.cellW) - 1);
  const c1 = Math.min(p.n - 1, Math.floor((x1 - p.minX) / p.cellW) + 1);
  const r0 = Math.max(0, Math.floor((y0 - p.minY) / p.cellH) - 1);
  const r1 = Math.min(p.n - 1, Math.floor((y1 - p.minY) / p.cellH) + 1);
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) p.grid[r * p.n + c] = EDGE;
}
