/**
 * Point-in-area lookups for many points against a few dozen polygons, with the answers of
 * Turf's `booleanPointInPolygon` on every point (boundary, holes and MultiPolygons included).
 *
 * Turf (through point-in-polygon-hao) casts a ray from the point towards -x and counts, per
 * Polygon, the ring edges it crosses; a point on any edge or vertex is inside. For an edge
 * (x1, y1) → (x2, y2) and a point (x, y) it computes u = x1 - x, v = y1 - y (and u2, v2) and
 *   - v1 = v2 = 0 (horizontal edge at the point's height): on the boundary if u1, u2 straddle 0;
 *   - else if the edge spans y: f = orient2d(u1, u2, v1, v2, 0, 0) (exact sign of u2·v1 − u1·v2);
 *     f = 0 is the boundary, and the edge is crossed if (f > 0, v1 ≤ 0 < v2) or (f < 0, v2 ≤ 0 < v1).
 * `crossing` below is that loop's body, statement for statement, on flat Float64Array coordinates.
 *
 * A uniform grid over the extent of all geometries makes most points cost one array read. Let
 * eps = 1e-9 of the extent; a point lands in a cell to within ~1e-16 of the extent.
 *
 *   - For a cell and a Polygon, take each edge's piece within the cell's row (widened by 2·eps).
 *     Edges without one are neither crossed nor touched (v1 and v2 share their sign). The edge is
 *     L if its piece lies more than 2·eps left of the cell, R if more than 2·eps right, M
 *     otherwise. An R edge is neither crossed nor touched. An L edge is crossed exactly when
 *     [y1 > y] ≠ [y2 > y]: where it spans y it meets the row at least eps left of the point, and
 *     Turf's rounding of u and v moves f by at most 2^-52 · |y2 - y1| · extent, while
 *     |f| = |y2 - y1| · (that horizontal distance). XOR-ing those terms over the L edges
 *     telescopes to one term [yv > y] per vertex with exactly one incident L edge. Terms whose
 *     vertex lies above or below the row are constants (the `base` bit); the others are kept as
 *     thresholds. Only M edges need the exact test, statement for statement as Turf runs it.
 *   - If no M edge comes within 2·eps of the cell, no edge of the Polygon does, so the answer is
 *     the same for every point of the cell; it is worked out once, at the centre, with the same
 *     formula. Most cells are like that, and a cell where every Polygon is decided stores the set
 *     of containing geometries outright.
 *   - Otherwise the cell keeps, per undecided Polygon, its M edges, thresholds and base bit.
 *
 * Answers are sets of geometry indices ("combos"), interned once and shared, so a batch of points
 * comes back as one Int32Array of combo ids. Points outside the grid are outside everything (a
 * closed ring is crossed an even number of times by a ray that starts beyond its bounding box);
 * non-finite or huge coordinates and unclosed rings take the exact loop over every edge.
 * A GeoJSON `bbox` member on a geometry is not read (the loaders' schemas drop it).
 */
import { orient2d } from 'robust-predicates';
import type { Position } from 'geojson';
import type { Areal } from './types';

export interface AreaIndexOptions {
  /**
   * Grid cells along the longer side of the extent of all geometries (default: about 2.7·√edges,
   * between 16 and 1024: 260 for the districts and zones, where larger grids build slower and
   * answer no faster). 1 (or 0) is a single cell: every point runs the exact test on every
   * edge, as a reference.
   */
  gridSize?: number;
}

/** Numbers describing an index, for benchmarks and tests. */
export interface AreaIndexStats {
  geometries: number;
  polygons: number;
  edges: number;
  nx: number;
  ny: number;
  /** cells whose answer is stored outright */
  decidedCells: number;
  /** cells that keep edges to test */
  undecidedCells: number;
  /** mean edges + thresholds to test per undecided cell */
  meanTestsPerUndecidedCell: number;
  /** bytes held in typed arrays (the grid, the edge lists, the coordinates) */
  typedBytes: number;
}

/** Largest |coordinate| for which the products in the ray test cannot overflow. */
const MODERATE = 1e150;
/** Undecided cells with at most this many geometries get a lookup table of 2^k combos. */
const TABLE_BITS = 12;

export class AreaIndex {
  /** number of geometries given to the constructor */
  readonly size: number;

  // ---- geometry: every ring's coordinates, interleaved, in one array
  private readonly xy: Float64Array;
  /** per Polygon: its owner (index into the constructor's list) and its rings' vertex ranges */
  private readonly partOwner: Int32Array;
  private readonly partRingStart: Int32Array; // into ringStart, length parts + 1
  private readonly ringStart: Int32Array; // vertex index of each ring's first vertex, and one past the last ring
  private readonly allClosed: boolean;

  // ---- grid
  private readonly gx0: number;
  private readonly gy0: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly sx: number; // cells per unit x
  private readonly sy: number;
  /** per cell: a combo id (≥ 0), or -1 - u for undecided record u */
  private readonly cells: Int32Array;

  // ---- undecided records
  private readonly ucCombo: Int32Array; // combo of the geometries decided inside for the whole cell
  private readonly ucEntry: Int32Array; // entries of record u: ucEntry[u] .. ucEntry[u + 1]
  private readonly ucSlot: Int32Array; // owners of record u: slotOwner[ucSlot[u] .. ucSlot[u + 1]]
  private readonly ucTable: Int32Array; // offset into `table`, or -1
  private readonly slotOwner: Int32Array;
  private readonly entSlot: Int32Array;
  private readonly entBase: Uint8Array;
  private readonly entEdge: Int32Array; // edges of entry j: edgeList[entEdge[j] .. entEdge[j + 1]]
  private readonly entThr: Int32Array; // thresholds of entry j: thrY[entThr[j] .. entThr[j + 1]]
  private readonly edgeList: Int32Array; // vertex index of each edge's first vertex
  private readonly thrY: Float64Array;
  private readonly table: Int32Array; // per record with ≤ TABLE_BITS owners: 2^k combo ids + 1, 0 = not yet
  private readonly bigMasks = new Map<number, number>();

  // ---- combos: interned sorted sets of owners; combo 0 is the empty set
  private readonly comboList: number[][] = [];
  private readonly comboKeys = new Map<string, number>();
  private readonly singles: number[] = [];
  private readonly stats_: AreaIndexStats;

  constructor(geometries: readonly (Areal | null)[], opts: AreaIndexOptions = {}) {
    this.size = geometries.length;
    this.intern([]);

    // ---- flatten
    const xy: number[] = [];
    const ringStart: number[] = [];
    const partRingStart: number[] = [0];
    const partOwner: number[] = [];
    let allClosed = true;
    geometries.forEach((g, owner) => {
      if (!g) return;
      const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      for (const rings of polys) {
        for (const ring of rings) {
          if (ring.length === 0) continue;
          const first = ring[0]!;
          const last = ring[ring.length - 1]!;
          if (first[0] !== last[0] && first[1] !== last[1]) throw new Error('First and last coordinates in a ring must be the same');
          if (first[0] !== last[0] || first[1] !== last[1]) allClosed = false;
          ringStart.push(xy.length / 2);
          for (const p of ring) xy.push(p[0]!, p[1]!);
        }
        partOwner.push(owner);
        partRingStart.push(ringStart.length);
      }
    });
    ringStart.push(xy.length / 2);
    this.xy = Float64Array.from(xy);
    this.ringStart = Int32Array.from(ringStart);
    this.partRingStart = Int32Array.from(partRingStart);
    this.partOwner = Int32Array.from(partOwner);
    this.allClosed = allClosed;
    const nParts = partOwner.length;

    // ---- edges (identified by the vertex index of their first vertex)
    const edgeVertex: number[] = [];
    const edgePart: number[] = [];
    const vertexId = new Int32Array(xy.length / 2); // the closing vertex of a closed ring shares the first's id
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let finite = true;
    for (let p = 0; p < nParts; p++)
      for (let r = partRingStart[p]!; r < partRingStart[p + 1]!; r++) {
        const a = ringStart[r]!;
        const b = ringStart[r + 1]!; // one past the last vertex
        for (let v = a; v < b; v++) {
          vertexId[v] = v;
          const x = xy[2 * v]!;
          const y = xy[2 * v + 1]!;
          if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > MODERATE || Math.abs(y) > MODERATE) finite = false;
          if (x < minX) minX = x;
          if (y < minY) minY = y;
          if (x > maxX) maxX = x;
          if (y > maxY) maxY = y;
        }
        if (b - a > 1 && xy[2 * a] === xy[2 * (b - 1)] && xy[2 * a + 1] === xy[2 * (b - 1) + 1]) vertexId[b - 1] = a;
        for (let v = a; v + 1 < b; v++) {
          edgeVertex.push(v);
          edgePart.push(p);
        }
      }
    const nEdges = edgeVertex.length;

    const n = Math.max(1, Math.round(opts.gridSize ?? Math.min(1024, Math.max(16, 2.7 * Math.sqrt(nEdges)))));
    if (nEdges === 0 || !finite) {
      // nothing to grid (or coordinates the grid's arithmetic cannot vouch for): one empty cell,
      // every point takes the exact loop
      this.gx0 = this.gy0 = 0;
      this.nx = this.ny = 0;
      this.sx = this.sy = 0;
      this.cells = new Int32Array(0);
      this.ucCombo = this.ucEntry = this.ucSlot = this.ucTable = this.slotOwner = new Int32Array(1);
      this.entSlot = this.entEdge = this.entThr = this.edgeList = this.table = new Int32Array(1);
      this.entBase = new Uint8Array(0);
      this.thrY = new Float64Array(0);
      this.stats_ = this.makeStats(nEdges, 0, 0);
      return;
    }

    // ---- grid over the extent, padded so that no vertex lies on its border
    const extent = Math.max(maxX - minX, maxY - minY) || Math.max(1, Math.abs(minX), Math.abs(minY));
    const eps = extent * 1e-9;
    const gx0 = minX - 4 * eps;
    const gy0 = minY - 4 * eps;
    const W = maxX - minX + 8 * eps;
    const H = maxY - minY + 8 * eps;
    const side = Math.max(W, H) / n;
    const nx = Math.max(1, Math.ceil(W / side));
    const ny = Math.max(1, Math.ceil(H / side));
    const cw = W / nx;
    const ch = H / ny;
    this.gx0 = gx0;
    this.gy0 = gy0;
    this.nx = nx;
    this.ny = ny;
    this.sx = nx / W;
    this.sy = ny / H;

    // per edge: the rows where it is bucketed (beyond them it is more than 2·eps above or below
    // every point: v1 and v2 share their sign, so the edge is neither crossed nor touched), and,
    // set row by row, the columns where it is M
    const eC0 = new Int32Array(nEdges);
    const eC1 = new Int32Array(nEdges);
    const rowCount = new Int32Array(ny + 1);
    const eR0 = new Int32Array(nEdges);
    const eR1 = new Int32Array(nEdges);
    const e2 = 2 * eps;
    for (let e = 0; e < nEdges; e++) {
      const v = edgeVertex[e]!;
      const y1 = xy[2 * v + 1]!;
      const y2 = xy[2 * v + 3]!;
      eR0[e] = Math.max(0, Math.floor((Math.min(y1, y2) - e2 - gy0) / ch));
      eR1[e] = Math.min(ny - 1, Math.floor((Math.max(y1, y2) + e2 - gy0) / ch));
      for (let r = eR0[e]!; r <= eR1[e]!; r++) rowCount[r + 1]!++;
    }
    // rows' edge buckets, each in edge order (so grouped by Polygon)
    for (let r = 0; r < ny; r++) rowCount[r + 1]! += rowCount[r]!;
    const bucket = new Int32Array(rowCount[ny]!);
    const fill = rowCount.slice(0, ny);
    for (let e = 0; e < nEdges; e++) for (let r = eR0[e]!; r <= eR1[e]!; r++) bucket[fill[r]!++] = e;

    // ---- output being built
    const cells = new Int32Array(nx * ny);
    const ucCombo = new IntVec();
    const ucEntry = new IntVec();
    const ucSlot = new IntVec();
    const ucTable = new IntVec();
    const slotOwner = new IntVec();
    const entSlot = new IntVec();
    const entBase = new IntVec();
    const entEdge = new IntVec();
    const entThr = new IntVec();
    const edgeList = new IntVec();
    const thrY = new F64Vec();
    ucEntry.push(0);
    ucSlot.push(0);
    entEdge.push(0);
    entThr.push(0);
    let tableSize = 0;

    // ---- per row: decided owners per cell, and undecided entries as linked lists per cell
    const m = 2 * eps; // how near an M edge may come before the cell is undecided for its Polygon
    const rowInside = new RowSets(nx);
    const head = new Int32Array(nx);
    const rPart = new IntVec();
    const rBase = new IntVec();
    const rNext = new IntVec();
    const rEdge0 = new IntVec(); // edges of row entry i: rEdges[rEdge0[i] .. rEdge0[i] + rEdgeN[i])
    const rEdgeN = new IntVec();
    const rThr0 = new IntVec();
    const rThrN = new IntVec();
    const rEdges = new IntVec();
    const rThr = new F64Vec();
    const addEntry = (c: number, part: number, base: number, thrs: Toggles, M: number[]) => {
      rPart.push(part);
      rBase.push(base);
      rNext.push(head[c]!);
      head[c] = rPart.length - 1;
      rEdge0.push(rEdges.length);
      rEdgeN.push(M.length);
      for (const e of M) rEdges.push(edgeVertex[e]!);
      rThr0.push(rThr.length);
      rThrN.push(thrs.size);
      for (const y of thrs.ys) rThr.push(y);
    };

    const thr = new Toggles(xy.length / 2); // thresholds: vertex id → y, toggled
    const byC1: number[] = [];
    const byC0: number[] = [];
    const M: number[] = [];
    const owners: number[] = [];

    for (let r = 0; r < ny; r++) {
      rowInside.clear();
      head.fill(-1);
      rPart.length = rBase.length = rNext.length = rEdge0.length = rEdgeN.length = rThr0.length = rThrN.length = 0;
      rEdges.length = rThr.length = 0;
      const Y0 = gy0 + r * ch;
      const Y1 = gy0 + (r + 1) * ch;
      const yc = gy0 + (r + 0.5) * ch;
      const yHigh = Y1 + eps; // a vertex above this is above every point of the row
      const yLow = Y0 - eps; // ... below this, below every point
      const bandLow = Y0 - e2;
      const bandHigh = Y1 + e2;
      const b1 = rowCount[r + 1]!;
      for (let b0 = rowCount[r]!; b0 < b1;) {
        // one Polygon's edges in this row: bucket[b0 .. bEnd)
        const part = edgePart[bucket[b0]!]!;
        const owner = partOwner[part]!;
        let bEnd = b0;
        let cmin = nx;
        let cmax = -1;
        byC1.length = 0;
        byC0.length = 0;
        while (bEnd < b1 && edgePart[bucket[bEnd]!] === part) {
          const e = bucket[bEnd]!;
          // the columns where this edge is M in this row: those its piece within the row's
          // band (widened by 2·eps) comes within 2·eps of. Left of them the piece is more than
          // eps away on the left, so Turf's test on the edge reduces to [y1 > y] ≠ [y2 > y]
          // (the L case); right of them the edge is neither crossed nor touched
          const v = 2 * edgeVertex[e]!;
          let xa = xy[v]!;
          let ya = xy[v + 1]!;
          let xb = xy[v + 2]!;
          let yb = xy[v + 3]!;
          if (ya > yb) {
            [xa, ya, xb, yb] = [xb, yb, xa, ya];
          }
          if (yb < bandLow || ya > bandHigh) {
            bEnd++; // bucketed by a rounding's width: as if above or below, it takes no part
            continue;
          }
          let lo = Math.min(xa, xb);
          let hi = Math.max(xa, xb);
          if (ya < bandLow || yb > bandHigh) {
            const k = (xb - xa) / (yb - ya);
            const x0 = ya < bandLow ? xa + (bandLow - ya) * k : xa;
            const x1 = yb > bandHigh ? xa + (bandHigh - ya) * k : xb;
            lo = Math.max(lo, Math.min(x0, x1));
            hi = Math.min(hi, Math.max(x0, x1));
          }
          eC0[e] = Math.max(0, Math.floor((lo - e2 - gx0) / cw));
          eC1[e] = Math.min(nx - 1, Math.floor((hi + e2 - gx0) / cw));
          byC1.push(e);
          byC0.push(e);
          if (eC0[e]! < cmin) cmin = eC0[e]!;
          if (eC1[e]! > cmax) cmax = eC1[e]!;
          bEnd++;
        }
        sortBy(byC1, eC1);
        sortBy(byC0, eC0);
        let base = 0;
        thr.clear();
        let lp = 0;
        let ap = 0;
        M.length = 0;
        for (let c = cmin; c <= cmax + 1; c++) {
          // edges whose columns end before c turn L (their endpoints' terms join base or the
          // thresholds); those whose columns start at c turn M
          if (lp < byC1.length && eC1[byC1[lp]!]! < c) {
            while (lp < byC1.length && eC1[byC1[lp]!]! < c) {
              const v = edgeVertex[byC1[lp++]!]!;
              for (let w = v; w <= v + 1; w++) {
                const y = xy[2 * w + 1]!;
                if (y > yHigh) base ^= 1;
                else if (y >= yLow) thr.toggle(vertexId[w]!, y);
              }
            }
            let keep = 0;
            for (let i = 0; i < M.length; i++) if (eC1[M[i]!]! >= c) M[keep++] = M[i]!;
            M.length = keep;
          }
          if (c > cmax) {
            // right of every edge of this Polygon in this row (for closed rings, base is 0 and
            // no thresholds are left)
            if (thr.size) for (let cc = c; cc < nx; cc++) addEntry(cc, part, base, thr, M);
            else if (base) for (let cc = c; cc < nx; cc++) rowInside.add(cc, owner);
            break;
          }
          while (ap < byC0.length && eC0[byC0[ap]!]! <= c) M.push(byC0[ap++]!);
          if (M.length === 0 && thr.size === 0) {
            // between pieces of the boundary: jump to where the next edge starts
            const next = ap < byC0.length ? eC0[byC0[ap]!]! : cmax + 1;
            if (base) for (let cc = c; cc < next; cc++) rowInside.add(cc, owner);
            c = next - 1;
            continue;
          }
          const X0 = gx0 + c * cw - m;
          const X1 = gx0 + (c + 1) * cw + m;
          let near = M.length === 0;
          for (let i = 0; i < M.length && !near; i++) {
            const v = 2 * edgeVertex[M[i]!]!;
            near = segmentMeetsBox(xy[v]!, xy[v + 1]!, xy[v + 2]!, xy[v + 3]!, X0, Y0 - m, X1, Y1 + m);
          }
          if (near) addEntry(c, part, base, thr, M);
          // no edge comes near: the answer at the centre is the answer for the whole cell
          else if (evaluate(this.xy, base, thr.ys, M, edgeVertex, gx0 + (c + 0.5) * cw, yc)) rowInside.add(c, owner);
        }
        b0 = bEnd;
      }

      // ---- settle the row's cells
      let prevCombo = 0;
      for (let c = 0; c < nx; c++) {
        // neighbours mostly share their answer
        const count = rowInside.cnt[c]!;
        const combo = count === 0 ? 0 : c > 0 && rowInside.same(c, c - 1) ? prevCombo : this.intern(rowInside.list(c));
        prevCombo = combo;
        if (head[c]! < 0) {
          cells[r * nx + c] = combo;
          continue;
        }
        owners.length = 0;
        for (let i = head[c]!; i >= 0; i = rNext.a[i]!) {
          const owner = partOwner[rPart.a[i]!]!;
          if (!rowInside.has(c, owner) && !owners.includes(owner)) owners.push(owner);
        }
        if (owners.length === 0) {
          cells[r * nx + c] = combo;
          continue;
        }
        sortBy(owners, null);
        cells[r * nx + c] = -1 - ucCombo.length;
        ucCombo.push(combo);
        for (const o of owners) slotOwner.push(o);
        ucSlot.push(slotOwner.length);
        if (owners.length <= TABLE_BITS) {
          ucTable.push(tableSize);
          tableSize += 1 << owners.length;
        } else ucTable.push(-1);
        for (let i = head[c]!; i >= 0; i = rNext.a[i]!) {
          const slot = owners.indexOf(partOwner[rPart.a[i]!]!);
          if (slot < 0) continue;
          entSlot.push(slot);
          entBase.push(rBase.a[i]!);
          for (let k = rEdge0.a[i]!, k1 = k + rEdgeN.a[i]!; k < k1; k++) edgeList.push(rEdges.a[k]!);
          entEdge.push(edgeList.length);
          for (let k = rThr0.a[i]!, k1 = k + rThrN.a[i]!; k < k1; k++) thrY.push(rThr.a[k]!);
          entThr.push(thrY.length);
        }
        ucEntry.push(entSlot.length);
      }
    }

    this.cells = cells;
    this.ucCombo = ucCombo.done();
    this.ucEntry = ucEntry.done();
    this.ucSlot = ucSlot.done();
    this.ucTable = ucTable.done();
    this.slotOwner = slotOwner.done();
    this.entSlot = entSlot.done();
    this.entBase = Uint8Array.from(entBase.done());
    this.entEdge = entEdge.done();
    this.entThr = entThr.done();
    this.edgeList = edgeList.done();
    this.thrY = thrY.done();
    this.table = new Int32Array(tableSize);
    this.stats_ = this.makeStats(nEdges, this.ucCombo.length, this.edgeList.length + this.thrY.length);
  }

  private makeStats(edges: number, undecided: number, tests: number): AreaIndexStats {
    const arrays = [
      this.xy,
      this.partOwner,
      this.partRingStart,
      this.ringStart,
      this.cells,
      this.ucCombo,
      this.ucEntry,
      this.ucSlot,
      this.ucTable,
      this.slotOwner,
      this.entSlot,
      this.entBase,
      this.entEdge,
      this.entThr,
      this.edgeList,
      this.thrY,
      this.table,
    ];
    return {
      geometries: this.size,
      polygons: this.partOwner.length,
      edges,
      nx: this.nx,
      ny: this.ny,
      decidedCells: this.nx * this.ny - undecided,
      undecidedCells: undecided,
      meanTestsPerUndecidedCell: undecided ? tests / undecided : 0,
      typedBytes: arrays.reduce((s, a) => s + a.byteLength, 0),
    };
  }

  stats(): AreaIndexStats {
    return { ...this.stats_ };
  }

  // ---------------------------------------------------------------------------- combos

  /** Id of the set `owners` (sorted, distinct), interning it on first sight. */
  private intern(owners: number[]): number {
    if (owners.length === 1) {
      const id = this.singles[owners[0]!];
      if (id !== undefined) return id;
    }
    owners = owners.length > 1 ? [...new Set(owners)].sort((a, b) => a - b) : owners.slice();
    const key = owners.join(',');
    let id = this.comboKeys.get(key);
    if (id === undefined) {
      id = this.comboList.length;
      this.comboList.push(owners);
      this.comboKeys.set(key, id);
      if (owners.length === 1) this.singles[owners[0]!] = id;
    }
    return id;
  }

  /** Number of distinct answers met so far; ids run from 0 (the empty set) to comboCount - 1. */
  get comboCount(): number {
    return this.comboList.length;
  }

  /** The geometries (indices into the constructor's list, ascending) of answer `id`. Do not modify. */
  combo(id: number): readonly number[] {
    return this.comboList[id]!;
  }

  // ---------------------------------------------------------------------------- queries

  /** Indices (into the constructor's list) of every geometry containing the point, ascending. */
  query(lon: number, lat: number): number[] {
    return [...this.comboList[this.comboAt(lon, lat)]!];
  }

  /** The first (lowest index) geometry containing the point, or -1. */
  first(lon: number, lat: number): number {
    const c = this.comboList[this.comboAt(lon, lat)]!;
    return c.length ? c[0]! : -1;
  }

  /** The answer for one point as a combo id (see {@link combo}). */
  comboAt(x: number, y: number): number {
    const fx = (x - this.gx0) * this.sx;
    const fy = (y - this.gy0) * this.sy;
    if (fx >= 0 && fx < this.nx && fy >= 0 && fy < this.ny) {
      const s = this.cells[Math.floor(fy) * this.nx + Math.floor(fx)]!;
      return s >= 0 ? s : this.undecided(-1 - s, x, y);
    }
    return this.outsideGrid(x, y);
  }

  /**
   * Answers for many points at once: `coords` holds lon, lat interleaved; `out[i]` gets the combo
   * id of point i. Returns `out` (allocated when not given).
   */
  comboMany(coords: Float64Array, out: Int32Array = new Int32Array(coords.length >> 1)): Int32Array {
    const n = coords.length >> 1;
    if (out.length < n) throw new RangeError(`out holds ${out.length} answers, ${n} points given`);
    const { gx0, gy0, sx, sy, nx, ny, cells } = this;
    for (let i = 0; i < n; i++) {
      const x = coords[2 * i]!;
      const y = coords[2 * i + 1]!;
      const fx = (x - gx0) * sx;
      const fy = (y - gy0) * sy;
      if (fx >= 0 && fx < nx && fy >= 0 && fy < ny) {
        const s = cells[(fy | 0) * nx + (fx | 0)]!;
        out[i] = s >= 0 ? s : this.undecided(-1 - s, x, y);
      } else out[i] = this.outsideGrid(x, y);
    }
    return out;
  }

  private outsideGrid(x: number, y: number): number {
    // beyond the padded extent every closed ring is crossed an even number of times and never touched
    if (this.allClosed && Math.abs(x) <= MODERATE && Math.abs(y) <= MODERATE) return 0;
    return this.exact(x, y);
  }

  private undecided(u: number, x: number, y: number): number {
    const { entSlot, entBase, entEdge, entThr, edgeList, thrY, xy } = this;
    const e1 = this.ucEntry[u + 1]!;
    let mask = 0;
    let big: number[] | null = null;
    const k = this.ucSlot[u + 1]! - this.ucSlot[u]!;
    for (let j = this.ucEntry[u]!; j < e1; j++) {
      const slot = entSlot[j]!;
      if (k <= 30 ? mask & (1 << slot) : big?.includes(slot)) continue;
      let inside = entBase[j]!;
      for (let t = entThr[j]!, t1 = entThr[j + 1]!; t < t1; t++) if (thrY[t]! > y) inside ^= 1;
      const c = crossingsList(xy, edgeList, entEdge[j]!, entEdge[j + 1]!, x, y);
      if (c < 0) inside = 1;
      else inside ^= c;
      if (!inside) continue;
      if (k <= 30) mask |= 1 << slot;
      else (big ??= []).push(slot);
    }
    if (mask === 0 && big === null) return this.ucCombo[u]!;
    const off = this.ucTable[u]!;
    if (off >= 0) {
      const hit = this.table[off + mask]!;
      if (hit > 0) return hit - 1;
      const id = this.internWith(u, mask, null);
      this.table[off + mask] = id + 1;
      return id;
    }
    if (k <= 30) {
      const key = u * 2 ** 30 + mask;
      const hit = this.bigMasks.get(key);
      if (hit !== undefined) return hit;
      const id = this.internWith(u, mask, null);
      this.bigMasks.set(key, id);
      return id;
    }
    return this.internWith(u, 0, big);
  }

  private internWith(u: number, mask: number, slots: number[] | null): number {
    const owners = [...this.comboList[this.ucCombo[u]!]!];
    const s0 = this.ucSlot[u]!;
    const k = this.ucSlot[u + 1]! - s0;
    for (let s = 0; s < k; s++) if (slots ? slots.includes(s) : mask & (1 << s)) owners.push(this.slotOwner[s0 + s]!);
    return this.intern(owners);
  }

  /** Turf's loop over every ring of every Polygon. */
  private exact(x: number, y: number): number {
    const owners: number[] = [];
    for (let p = 0; p < this.partOwner.length; p++) {
      const owner = this.partOwner[p]!;
      if (owners.includes(owner)) continue;
      let inside = 0;
      for (let r = this.partRingStart[p]!; r < this.partRingStart[p + 1]!; r++) {
        const c = crossingsRange(this.xy, this.ringStart[r]!, this.ringStart[r + 1]! - 1, x, y);
        if (c < 0) {
          inside = 1;
          break;
        }
        inside ^= c;
      }
      if (inside) owners.push(owner);
    }
    return this.intern(owners);
  }
}

// ------------------------------------------------------------------------------ the ray test

/**
 * One edge of point-in-polygon-hao's loop (the ray goes towards -x): 1 if crossed, 0 if not,
 * -1 if the point is on it.
 */
function crossing(x1: number, y1: number, x2: number, y2: number, x: number, y: number): number {
  const u1 = x1 - x;
  const v1 = y1 - y;
  const u2 = x2 - x;
  const v2 = y2 - y;
  if (v1 === 0 && v2 === 0) {
    if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return -1;
  } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
    const f = orient2d(u1, u2, v1, v2, 0, 0);
    if (f === 0) return -1;
    if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) return 1;
  }
  return 0;
}

/** Parity of the crossings of the edges starting at vertices list[a .. b), or -1 on an edge. */
function crossingsList(xy: Float64Array, list: Int32Array, a: number, b: number, x: number, y: number): number {
  let k = 0;
  for (let i = a; i < b; i++) {
    const v = 2 * list[i]!;
    const c = crossing(xy[v]!, xy[v + 1]!, xy[v + 2]!, xy[v + 3]!, x, y);
    if (c < 0) return -1;
    k ^= c;
  }
  return k;
}

/** Parity of the crossings of the edges from vertex a to vertex b (a ring), or -1 on an edge. */
function crossingsRange(xy: Float64Array, a: number, b: number, x: number, y: number): number {
  let k = 0;
  for (let v = a; v < b; v++) {
    const c = crossing(xy[2 * v]!, xy[2 * v + 1]!, xy[2 * v + 2]!, xy[2 * v + 3]!, x, y);
    if (c < 0) return -1;
    k ^= c;
  }
  return k;
}

/** The build-time answer for one Polygon at one point from base bit, thresholds and M edges. */
function evaluate(xy: Float64Array, base: number, thr: number[], edges: number[], edgeVertex: number[], x: number, y: number): boolean {
  let k = base;
  for (const t of thr) if (t > y) k ^= 1;
  for (const e of edges) {
    const v = edgeVertex[e]!;
    const c = crossing(xy[2 * v]!, xy[2 * v + 1]!, xy[2 * v + 2]!, xy[2 * v + 3]!, x, y);
    if (c < 0) return true;
    k ^= c;
  }
  return k === 1;
}

/** Per cell of a row, the geometries decided inside it: four inline, more in an overflow list. */
class RowSets {
  readonly cnt: Int32Array;
  private readonly own: Int32Array;
  private readonly more = new Map<number, number[]>();
  constructor(n: number) {
    this.cnt = new Int32Array(n);
    this.own = new Int32Array(4 * n);
  }
  clear(): void {
    this.cnt.fill(0);
    this.more.clear();
  }
  add(c: number, owner: number): void {
    const k = this.cnt[c]!;
    if (k < 4) this.own[4 * c + k] = owner;
    else {
      let list = this.more.get(c);
      if (!list) this.more.set(c, (list = []));
      list.push(owner);
    }
    this.cnt[c] = k + 1;
  }
  private at(c: number, i: number): number {
    return i < 4 ? this.own[4 * c + i]! : this.more.get(c)![i - 4]!;
  }
  has(c: number, owner: number): boolean {
    for (let i = 0, k = this.cnt[c]!; i < k; i++) if (this.at(c, i) === owner) return true;
    return false;
  }
  same(a: number, b: number): boolean {
    const k = this.cnt[a]!;
    if (k !== this.cnt[b]) return false;
    for (let i = 0; i < k; i++) if (this.at(a, i) !== this.at(b, i)) return false;
    return true;
  }
  list(c: number): number[] {
    const out: number[] = [];
    for (let i = 0, k = this.cnt[c]!; i < k; i++) out.push(this.at(c, i));
    return out;
  }
}

/** Sorts a short list of ints in place by key[i] (or by value), without a comparator call. */
function sortBy(list: number[], key: Int32Array | null): void {
  for (let i = 1; i < list.length; i++) {
    const v = list[i]!;
    const kv = key ? key[v]! : v;
    let j = i - 1;
    while (j >= 0 && (key ? key[list[j]!]! : list[j]!) > kv) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = v;
  }
}

/** A growable Int32Array. */
class IntVec {
  a = new Int32Array(64);
  length = 0;
  push(v: number): void {
    if (this.length === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }
  done(): Int32Array {
    return this.a.slice(0, this.length);
  }
}

/** A growable Float64Array. */
class F64Vec {
  a = new Float64Array(64);
  length = 0;
  push(v: number): void {
    if (this.length === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }
  done(): Float64Array {
    return this.a.slice(0, this.length);
  }
}

/** A set of (vertex id, y) where adding an id twice removes it. */
class Toggles {
  private readonly pos: Int32Array; // id → 1 + index in ids, 0 if absent
  private readonly ids: number[] = [];
  readonly ys: number[] = [];
  constructor(n: number) {
    this.pos = new Int32Array(n);
  }
  get size(): number {
    return this.ids.length;
  }
  toggle(id: number, y: number): void {
    const p = this.pos[id]!;
    if (p === 0) {
      this.ids.push(id);
      this.ys.push(y);
      this.pos[id] = this.ids.length;
      return;
    }
    // swap-remove
    const last = this.ids.length - 1;
    const lastId = this.ids[last]!;
    this.ids[p - 1] = lastId;
    this.ys[p - 1] = this.ys[last]!;
    this.pos[lastId] = p;
    this.ids.pop();
    this.ys.pop();
    this.pos[id] = 0;
  }
  clear(): void {
    for (const id of this.ids) this.pos[id] = 0;
    this.ids.length = 0;
    this.ys.length = 0;
  }
}

/** Whether the segment meets the box (Liang–Barsky clipping). */
function segmentMeetsBox(x1: number, y1: number, x2: number, y2: number, bx0: number, by0: number, bx1: number, by1: number): boolean {
  if (Math.max(x1, x2) < bx0 || Math.min(x1, x2) > bx1 || Math.max(y1, y2) < by0 || Math.min(y1, y2) > by1) return false;
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return clip(-dx, x1 - bx0) && clip(dx, bx1 - x1) && clip(-dy, y1 - by0) && clip(dy, by1 - y1);
}
