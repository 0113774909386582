// scripts/link.ts
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, realpathSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { performance as performance2 } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

// src/geo/area-index.ts
import { orient2d } from "robust-predicates";
var MODERATE = 1e150;
var TABLE_BITS = 12;
var AreaIndex = class {
  /** number of geometries given to the constructor */
  size;
  // ---- geometry: every ring's coordinates, interleaved, in one array
  xy;
  /** per Polygon: its owner (index into the constructor's list) and its rings' vertex ranges */
  partOwner;
  partRingStart;
  // into ringStart, length parts + 1
  ringStart;
  // vertex index of each ring's first vertex, and one past the last ring
  allClosed;
  // ---- grid
  gx0;
  gy0;
  nx;
  ny;
  sx;
  // cells per unit x
  sy;
  /** per cell: a combo id (≥ 0), or -1 - u for undecided record u */
  cells;
  // ---- undecided records
  ucCombo;
  // combo of the geometries decided inside for the whole cell
  ucEntry;
  // entries of record u: ucEntry[u] .. ucEntry[u + 1]
  ucSlot;
  // owners of record u: slotOwner[ucSlot[u] .. ucSlot[u + 1]]
  ucTable;
  // offset into `table`, or -1
  slotOwner;
  entSlot;
  entBase;
  entEdge;
  // edges of entry j: edgeList[entEdge[j] .. entEdge[j + 1]]
  entThr;
  // thresholds of entry j: thrY[entThr[j] .. entThr[j + 1]]
  edgeList;
  // vertex index of each edge's first vertex
  thrY;
  table;
  // per record with ≤ TABLE_BITS owners: 2^k combo ids + 1, 0 = not yet
  bigMasks = /* @__PURE__ */ new Map();
  // ---- combos: interned sorted sets of owners; combo 0 is the empty set
  comboList = [];
  comboKeys = /* @__PURE__ */ new Map();
  singles = [];
  stats_;
  constructor(geometries, opts = {}) {
    this.size = geometries.length;
    this.intern([]);
    const xy = [];
    const ringStart = [];
    const partRingStart = [0];
    const partOwner = [];
    let allClosed = true;
    geometries.forEach((g, owner) => {
      if (!g) return;
      const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
      for (const rings of polys) {
        for (const ring2 of rings) {
          if (ring2.length === 0) continue;
          const first = ring2[0];
          const last = ring2[ring2.length - 1];
          if (first[0] !== last[0] && first[1] !== last[1]) throw new Error("First and last coordinates in a ring must be the same");
          if (first[0] !== last[0] || first[1] !== last[1]) allClosed = false;
          ringStart.push(xy.length / 2);
          for (const p of ring2) xy.push(p[0], p[1]);
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
    const edgeVertex = [];
    const edgePart = [];
    const vertexId = new Int32Array(xy.length / 2);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let finite = true;
    for (let p = 0; p < nParts; p++)
      for (let r = partRingStart[p]; r < partRingStart[p + 1]; r++) {
        const a = ringStart[r];
        const b = ringStart[r + 1];
        for (let v = a; v < b; v++) {
          vertexId[v] = v;
          const x = xy[2 * v];
          const y = xy[2 * v + 1];
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
    const eC0 = new Int32Array(nEdges);
    const eC1 = new Int32Array(nEdges);
    const rowCount = new Int32Array(ny + 1);
    const eR0 = new Int32Array(nEdges);
    const eR1 = new Int32Array(nEdges);
    const e2 = 2 * eps;
    for (let e = 0; e < nEdges; e++) {
      const v = edgeVertex[e];
      const y1 = xy[2 * v + 1];
      const y2 = xy[2 * v + 3];
      eR0[e] = Math.max(0, Math.floor((Math.min(y1, y2) - e2 - gy0) / ch));
      eR1[e] = Math.min(ny - 1, Math.floor((Math.max(y1, y2) + e2 - gy0) / ch));
      for (let r = eR0[e]; r <= eR1[e]; r++) rowCount[r + 1]++;
    }
    for (let r = 0; r < ny; r++) rowCount[r + 1] += rowCount[r];
    const bucket = new Int32Array(rowCount[ny]);
    const fill = rowCount.slice(0, ny);
    for (let e = 0; e < nEdges; e++) for (let r = eR0[e]; r <= eR1[e]; r++) bucket[fill[r]++] = e;
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
    const m = 2 * eps;
    const rowInside = new RowSets(nx);
    const head = new Int32Array(nx);
    const rPart = new IntVec();
    const rBase = new IntVec();
    const rNext = new IntVec();
    const rEdge0 = new IntVec();
    const rEdgeN = new IntVec();
    const rThr0 = new IntVec();
    const rThrN = new IntVec();
    const rEdges = new IntVec();
    const rThr = new F64Vec();
    const addEntry = (c, part, base, thrs, M2) => {
      rPart.push(part);
      rBase.push(base);
      rNext.push(head[c]);
      head[c] = rPart.length - 1;
      rEdge0.push(rEdges.length);
      rEdgeN.push(M2.length);
      for (const e of M2) rEdges.push(edgeVertex[e]);
      rThr0.push(rThr.length);
      rThrN.push(thrs.size);
      for (const y of thrs.ys) rThr.push(y);
    };
    const thr = new Toggles(xy.length / 2);
    const byC1 = [];
    const byC0 = [];
    const M = [];
    const owners = [];
    for (let r = 0; r < ny; r++) {
      rowInside.clear();
      head.fill(-1);
      rPart.length = rBase.length = rNext.length = rEdge0.length = rEdgeN.length = rThr0.length = rThrN.length = 0;
      rEdges.length = rThr.length = 0;
      const Y0 = gy0 + r * ch;
      const Y1 = gy0 + (r + 1) * ch;
      const yc = gy0 + (r + 0.5) * ch;
      const yHigh = Y1 + eps;
      const yLow = Y0 - eps;
      const bandLow = Y0 - e2;
      const bandHigh = Y1 + e2;
      const b1 = rowCount[r + 1];
      for (let b0 = rowCount[r]; b0 < b1; ) {
        const part = edgePart[bucket[b0]];
        const owner = partOwner[part];
        let bEnd = b0;
        let cmin = nx;
        let cmax = -1;
        byC1.length = 0;
        byC0.length = 0;
        while (bEnd < b1 && edgePart[bucket[bEnd]] === part) {
          const e = bucket[bEnd];
          const v = 2 * edgeVertex[e];
          let xa = xy[v];
          let ya = xy[v + 1];
          let xb = xy[v + 2];
          let yb = xy[v + 3];
          if (ya > yb) {
            [xa, ya, xb, yb] = [xb, yb, xa, ya];
          }
          if (yb < bandLow || ya > bandHigh) {
            bEnd++;
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
          if (eC0[e] < cmin) cmin = eC0[e];
          if (eC1[e] > cmax) cmax = eC1[e];
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
          if (lp < byC1.length && eC1[byC1[lp]] < c) {
            while (lp < byC1.length && eC1[byC1[lp]] < c) {
              const v = edgeVertex[byC1[lp++]];
              for (let w = v; w <= v + 1; w++) {
                const y = xy[2 * w + 1];
                if (y > yHigh) base ^= 1;
                else if (y >= yLow) thr.toggle(vertexId[w], y);
              }
            }
            let keep = 0;
            for (let i = 0; i < M.length; i++) if (eC1[M[i]] >= c) M[keep++] = M[i];
            M.length = keep;
          }
          if (c > cmax) {
            if (thr.size) for (let cc = c; cc < nx; cc++) addEntry(cc, part, base, thr, M);
            else if (base) for (let cc = c; cc < nx; cc++) rowInside.add(cc, owner);
            break;
          }
          while (ap < byC0.length && eC0[byC0[ap]] <= c) M.push(byC0[ap++]);
          if (M.length === 0 && thr.size === 0) {
            const next = ap < byC0.length ? eC0[byC0[ap]] : cmax + 1;
            if (base) for (let cc = c; cc < next; cc++) rowInside.add(cc, owner);
            c = next - 1;
            continue;
          }
          const X0 = gx0 + c * cw - m;
          const X1 = gx0 + (c + 1) * cw + m;
          let near = M.length === 0;
          for (let i = 0; i < M.length && !near; i++) {
            const v = 2 * edgeVertex[M[i]];
            near = segmentMeetsBox(xy[v], xy[v + 1], xy[v + 2], xy[v + 3], X0, Y0 - m, X1, Y1 + m);
          }
          if (near) addEntry(c, part, base, thr, M);
          else if (evaluate(this.xy, base, thr.ys, M, edgeVertex, gx0 + (c + 0.5) * cw, yc)) rowInside.add(c, owner);
        }
        b0 = bEnd;
      }
      let prevCombo = 0;
      for (let c = 0; c < nx; c++) {
        const count = rowInside.cnt[c];
        const combo = count === 0 ? 0 : c > 0 && rowInside.same(c, c - 1) ? prevCombo : this.intern(rowInside.list(c));
        prevCombo = combo;
        if (head[c] < 0) {
          cells[r * nx + c] = combo;
          continue;
        }
        owners.length = 0;
        for (let i = head[c]; i >= 0; i = rNext.a[i]) {
          const owner = partOwner[rPart.a[i]];
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
        for (let i = head[c]; i >= 0; i = rNext.a[i]) {
          const slot = owners.indexOf(partOwner[rPart.a[i]]);
          if (slot < 0) continue;
          entSlot.push(slot);
          entBase.push(rBase.a[i]);
          for (let k = rEdge0.a[i], k1 = k + rEdgeN.a[i]; k < k1; k++) edgeList.push(rEdges.a[k]);
          entEdge.push(edgeList.length);
          for (let k = rThr0.a[i], k1 = k + rThrN.a[i]; k < k1; k++) thrY.push(rThr.a[k]);
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
  makeStats(edges, undecided, tests) {
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
      this.table
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
      typedBytes: arrays.reduce((s, a) => s + a.byteLength, 0)
    };
  }
  stats() {
    return { ...this.stats_ };
  }
  // ---------------------------------------------------------------------------- combos
  /** Id of the set `owners` (sorted, distinct), interning it on first sight. */
  intern(owners) {
    if (owners.length === 1) {
      const id2 = this.singles[owners[0]];
      if (id2 !== void 0) return id2;
    }
    owners = owners.length > 1 ? [...new Set(owners)].sort((a, b) => a - b) : owners.slice();
    const key = owners.join(",");
    let id = this.comboKeys.get(key);
    if (id === void 0) {
      id = this.comboList.length;
      this.comboList.push(owners);
      this.comboKeys.set(key, id);
      if (owners.length === 1) this.singles[owners[0]] = id;
    }
    return id;
  }
  /** Number of distinct answers met so far; ids run from 0 (the empty set) to comboCount - 1. */
  get comboCount() {
    return this.comboList.length;
  }
  /** The geometries (indices into the constructor's list, ascending) of answer `id`. Do not modify. */
  combo(id) {
    return this.comboList[id];
  }
  // ---------------------------------------------------------------------------- queries
  /** Indices (into the constructor's list) of every geometry containing the point, ascending. */
  query(lon, lat) {
    return [...this.comboList[this.comboAt(lon, lat)]];
  }
  /** The first (lowest index) geometry containing the point, or -1. */
  first(lon, lat) {
    const c = this.comboList[this.comboAt(lon, lat)];
    return c.length ? c[0] : -1;
  }
  /** The answer for one point as a combo id (see {@link combo}). */
  comboAt(x, y) {
    const fx = (x - this.gx0) * this.sx;
    const fy = (y - this.gy0) * this.sy;
    if (fx >= 0 && fx < this.nx && fy >= 0 && fy < this.ny) {
      const s = this.cells[Math.floor(fy) * this.nx + Math.floor(fx)];
      return s >= 0 ? s : this.undecided(-1 - s, x, y);
    }
    return this.outsideGrid(x, y);
  }
  /**
   * Answers for many points at once: `coords` holds lon, lat interleaved; `out[i]` gets the combo
   * id of point i. Returns `out` (allocated when not given).
   */
  comboMany(coords, out = new Int32Array(coords.length >> 1)) {
    const n = coords.length >> 1;
    if (out.length < n) throw new RangeError(`out holds ${out.length} answers, ${n} points given`);
    const { gx0, gy0, sx, sy, nx, ny, cells } = this;
    for (let i = 0; i < n; i++) {
      const x = coords[2 * i];
      const y = coords[2 * i + 1];
      const fx = (x - gx0) * sx;
      const fy = (y - gy0) * sy;
      if (fx >= 0 && fx < nx && fy >= 0 && fy < ny) {
        const s = cells[(fy | 0) * nx + (fx | 0)];
        out[i] = s >= 0 ? s : this.undecided(-1 - s, x, y);
      } else out[i] = this.outsideGrid(x, y);
    }
    return out;
  }
  outsideGrid(x, y) {
    if (this.allClosed && Math.abs(x) <= MODERATE && Math.abs(y) <= MODERATE) return 0;
    return this.exact(x, y);
  }
  undecided(u, x, y) {
    const { entSlot, entBase, entEdge, entThr, edgeList, thrY, xy } = this;
    const e1 = this.ucEntry[u + 1];
    let mask = 0;
    let big = null;
    const k = this.ucSlot[u + 1] - this.ucSlot[u];
    for (let j = this.ucEntry[u]; j < e1; j++) {
      const slot = entSlot[j];
      if (k <= 30 ? mask & 1 << slot : big?.includes(slot)) continue;
      let inside = entBase[j];
      for (let t = entThr[j], t1 = entThr[j + 1]; t < t1; t++) if (thrY[t] > y) inside ^= 1;
      const c = crossingsList(xy, edgeList, entEdge[j], entEdge[j + 1], x, y);
      if (c < 0) inside = 1;
      else inside ^= c;
      if (!inside) continue;
      if (k <= 30) mask |= 1 << slot;
      else (big ??= []).push(slot);
    }
    if (mask === 0 && big === null) return this.ucCombo[u];
    const off = this.ucTable[u];
    if (off >= 0) {
      const hit = this.table[off + mask];
      if (hit > 0) return hit - 1;
      const id = this.internWith(u, mask, null);
      this.table[off + mask] = id + 1;
      return id;
    }
    if (k <= 30) {
      const key = u * 2 ** 30 + mask;
      const hit = this.bigMasks.get(key);
      if (hit !== void 0) return hit;
      const id = this.internWith(u, mask, null);
      this.bigMasks.set(key, id);
      return id;
    }
    return this.internWith(u, 0, big);
  }
  internWith(u, mask, slots) {
    const owners = [...this.comboList[this.ucCombo[u]]];
    const s0 = this.ucSlot[u];
    const k = this.ucSlot[u + 1] - s0;
    for (let s = 0; s < k; s++) if (slots ? slots.includes(s) : mask & 1 << s) owners.push(this.slotOwner[s0 + s]);
    return this.intern(owners);
  }
  /** Turf's loop over every ring of every Polygon. */
  exact(x, y) {
    const owners = [];
    for (let p = 0; p < this.partOwner.length; p++) {
      const owner = this.partOwner[p];
      if (owners.includes(owner)) continue;
      let inside = 0;
      for (let r = this.partRingStart[p]; r < this.partRingStart[p + 1]; r++) {
        const c = crossingsRange(this.xy, this.ringStart[r], this.ringStart[r + 1] - 1, x, y);
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
};
function crossing(x1, y1, x2, y2, x, y) {
  const u1 = x1 - x;
  const v1 = y1 - y;
  const u2 = x2 - x;
  const v2 = y2 - y;
  if (v1 === 0 && v2 === 0) {
    if (u2 <= 0 && u1 >= 0 || u1 <= 0 && u2 >= 0) return -1;
  } else if (v2 >= 0 && v1 <= 0 || v2 <= 0 && v1 >= 0) {
    const f = orient2d(u1, u2, v1, v2, 0, 0);
    if (f === 0) return -1;
    if (f > 0 && v2 > 0 && v1 <= 0 || f < 0 && v2 <= 0 && v1 > 0) return 1;
  }
  return 0;
}
function crossingsList(xy, list2, a, b, x, y) {
  let k = 0;
  for (let i = a; i < b; i++) {
    const v = 2 * list2[i];
    const c = crossing(xy[v], xy[v + 1], xy[v + 2], xy[v + 3], x, y);
    if (c < 0) return -1;
    k ^= c;
  }
  return k;
}
function crossingsRange(xy, a, b, x, y) {
  let k = 0;
  for (let v = a; v < b; v++) {
    const c = crossing(xy[2 * v], xy[2 * v + 1], xy[2 * v + 2], xy[2 * v + 3], x, y);
    if (c < 0) return -1;
    k ^= c;
  }
  return k;
}
function evaluate(xy, base, thr, edges, edgeVertex, x, y) {
  let k = base;
  for (const t of thr) if (t > y) k ^= 1;
  for (const e of edges) {
    const v = edgeVertex[e];
    const c = crossing(xy[2 * v], xy[2 * v + 1], xy[2 * v + 2], xy[2 * v + 3], x, y);
    if (c < 0) return true;
    k ^= c;
  }
  return k === 1;
}
var RowSets = class {
  cnt;
  own;
  more = /* @__PURE__ */ new Map();
  constructor(n) {
    this.cnt = new Int32Array(n);
    this.own = new Int32Array(4 * n);
  }
  clear() {
    this.cnt.fill(0);
    this.more.clear();
  }
  add(c, owner) {
    const k = this.cnt[c];
    if (k < 4) this.own[4 * c + k] = owner;
    else {
      let list2 = this.more.get(c);
      if (!list2) this.more.set(c, list2 = []);
      list2.push(owner);
    }
    this.cnt[c] = k + 1;
  }
  at(c, i) {
    return i < 4 ? this.own[4 * c + i] : this.more.get(c)[i - 4];
  }
  has(c, owner) {
    for (let i = 0, k = this.cnt[c]; i < k; i++) if (this.at(c, i) === owner) return true;
    return false;
  }
  same(a, b) {
    const k = this.cnt[a];
    if (k !== this.cnt[b]) return false;
    for (let i = 0; i < k; i++) if (this.at(a, i) !== this.at(b, i)) return false;
    return true;
  }
  list(c) {
    const out = [];
    for (let i = 0, k = this.cnt[c]; i < k; i++) out.push(this.at(c, i));
    return out;
  }
};
function sortBy(list2, key) {
  for (let i = 1; i < list2.length; i++) {
    const v = list2[i];
    const kv = key ? key[v] : v;
    let j = i - 1;
    while (j >= 0 && (key ? key[list2[j]] : list2[j]) > kv) {
      list2[j + 1] = list2[j];
      j--;
    }
    list2[j + 1] = v;
  }
}
var IntVec = class {
  a = new Int32Array(64);
  length = 0;
  push(v) {
    if (this.length === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }
  done() {
    return this.a.slice(0, this.length);
  }
};
var F64Vec = class {
  a = new Float64Array(64);
  length = 0;
  push(v) {
    if (this.length === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }
  done() {
    return this.a.slice(0, this.length);
  }
};
var Toggles = class {
  pos;
  // id → 1 + index in ids, 0 if absent
  ids = [];
  ys = [];
  constructor(n) {
    this.pos = new Int32Array(n);
  }
  get size() {
    return this.ids.length;
  }
  toggle(id, y) {
    const p = this.pos[id];
    if (p === 0) {
      this.ids.push(id);
      this.ys.push(y);
      this.pos[id] = this.ids.length;
      return;
    }
    const last = this.ids.length - 1;
    const lastId = this.ids[last];
    this.ids[p - 1] = lastId;
    this.ys[p - 1] = this.ys[last];
    this.pos[lastId] = p;
    this.ids.pop();
    this.ys.pop();
    this.pos[id] = 0;
  }
  clear() {
    for (const id of this.ids) this.pos[id] = 0;
    this.ids.length = 0;
    this.ys.length = 0;
  }
};
function segmentMeetsBox(x1, y1, x2, y2, bx0, by0, bx1, by1) {
  if (Math.max(x1, x2) < bx0 || Math.min(x1, x2) > bx1 || Math.max(y1, y2) < by0 || Math.min(y1, y2) > by1) return false;
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const clip = (p, q) => {
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

// src/domain/ids.ts
var TOP_SECTOR_IDS = [
  "ic",
  "biomed",
  "ai",
  "nev",
  "equipment",
  "aerospace",
  "infocomm",
  "materials",
  "digital",
  "photonics",
  "gene-cell",
  "brain",
  "marine",
  "hydrogen",
  "6g"
];
var LINK_STRENGTHS = ["named", "listed", "cluster", "broad"];
var ZONE_SCOPES = ["sector", "broad"];
var BASES = ["plan", "list"];
var CONFIDENCES = ["sourced", "estimate", "schematic"];

// src/geo/strength.ts
var RANK = new Map(LINK_STRENGTHS.map((s, i) => [s, i]));
function linkStrength(via, zone) {
  if (via === "designation") return "named";
  if (via === "list") return "listed";
  return zone?.scope === "sector" && zone.by !== "footprint" ? "cluster" : "broad";
}

// src/geo/link.ts
var CHUNK = 1 << 16;
var SECTOR_ORDER = new Map(TOP_SECTOR_IDS.map((id, i) => [id, i]));
function isAreal(f) {
  return f.geometry.type === "Polygon" || f.geometry.type === "MultiPolygon";
}
function createLinker(districts, zones, opts = {}) {
  const areal2 = zones.filter(isAreal);
  const nd = districts.length;
  const index = new AreaIndex([...districts.map((d) => d.geometry), ...areal2.map((z2) => z2.geometry)], opts);
  const districtNames = districts.map((d) => d.properties.name_zh);
  const zoneIds = areal2.map((z2) => z2.properties.id);
  const zoneSets = [[]];
  const zoneSetKeys = /* @__PURE__ */ new Map([["", 0]]);
  let comboDistrict = new Int32Array(64).fill(-2);
  let comboZoneSet = new Int32Array(64);
  const settle = (c) => {
    if (c >= comboDistrict.length) {
      const grown = new Int32Array(Math.max(2 * comboDistrict.length, c + 1)).fill(-2);
      grown.set(comboDistrict);
      comboDistrict = grown;
      const zs = new Int32Array(grown.length);
      zs.set(comboZoneSet);
      comboZoneSet = zs;
    }
    const owners = index.combo(c);
    comboDistrict[c] = owners.length && owners[0] < nd ? owners[0] : -1;
    const ids = owners.filter((o) => o >= nd).map((o) => zoneIds[o - nd]);
    const key = ids.join("\0");
    let z2 = zoneSetKeys.get(key);
    if (z2 === void 0) {
      z2 = zoneSets.length;
      zoneSets.push(ids);
      zoneSetKeys.set(key, z2);
    }
    comboZoneSet[c] = z2;
  };
  const districtIndex = (c) => {
    if (c >= comboDistrict.length || comboDistrict[c] === -2) settle(c);
    return comboDistrict[c];
  };
  const zoneSetIndex = (c) => {
    if (c >= comboDistrict.length || comboDistrict[c] === -2) settle(c);
    return comboZoneSet[c];
  };
  const districtOf = (lon, lat) => {
    const d = districtIndex(index.comboAt(lon, lat));
    return d < 0 ? null : districtNames[d];
  };
  const zonesAt = (lon, lat) => [...zoneSets[zoneSetIndex(index.comboAt(lon, lat))]];
  const scratch = new Int32Array(CHUNK);
  let settled = 0;
  return {
    districtOf,
    zonesAt,
    districtNames,
    zoneSets,
    link(lon, lat, designations = []) {
      const c = index.comboAt(lon, lat);
      const d = districtIndex(c);
      const hits = index.combo(c).filter((o) => o >= nd).map((o) => areal2[o - nd]);
      const links = [];
      const seen = /* @__PURE__ */ new Set();
      const push = (l) => {
        const key = `${l.via}|${l.zone}|${l.node}|${l.clause}|${l.phrase}`;
        if (seen.has(key)) return;
        seen.add(key);
        links.push(l);
      };
      for (const des of designations) push({ ...des, via: "designation", zone: null, strength: "named" });
      for (const z2 of hits)
        for (const des of z2.properties.links)
          push({ ...des, via: "zone", zone: z2.properties.id, strength: linkStrength("zone", { scope: z2.properties.scope }) });
      return {
        district: d < 0 ? null : districtNames[d],
        zones: hits.map((z2) => z2.properties.id),
        sectors: sortSectors(links.map((l) => l.sector)),
        links
      };
    },
    linkMany(coords, out) {
      const n = coords.length >> 1;
      const res = out ?? { district: new Int32Array(n), zoneSet: new Int32Array(n) };
      if (res.district.length < n || res.zoneSet.length < n) throw new RangeError(`out holds fewer than the ${n} points given`);
      const { district, zoneSet } = res;
      for (let i0 = 0; i0 < n; i0 += CHUNK) {
        const i1 = Math.min(n, i0 + CHUNK);
        const combos = index.comboMany(coords.subarray(2 * i0, 2 * i1), scratch);
        for (let c = settled; c < index.comboCount; c++) settle(c);
        settled = index.comboCount;
        const cd = comboDistrict;
        const cz = comboZoneSet;
        for (let i = i0; i < i1; i++) {
          const c = combos[i - i0];
          district[i] = cd[c];
          zoneSet[i] = cz[c];
        }
      }
      return res;
    }
  };
}
function sortSectors(ids) {
  return [...new Set(ids)].sort((a, b) => SECTOR_ORDER.get(a) - SECTOR_ORDER.get(b));
}

// src/geo/crs.ts
import gcoord from "gcoord";
var CRS_IDS = ["wgs84", "gcj02", "bd09"];
var CRS_LABEL = { wgs84: "WGS-84", gcj02: "GCJ-02", bd09: "BD-09" };
function isCrs(v) {
  return typeof v === "string" && CRS_IDS.includes(v);
}
function parseCrs(v) {
  const id = v.toLowerCase().replace(/[-_\s]/g, "");
  return isCrs(id) ? id : null;
}
var SYSTEM = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 };
function toWgs84(lon, lat, crs, decimals = 7) {
  if (crs === "wgs84") return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], SYSTEM[crs], gcoord.WGS84);
  const k = 10 ** decimals;
  return [Math.round(x * k) / k, Math.round(y * k) / k];
}

// src/geo/sites.ts
var OUTSIDE = -1;
var BatchLinker = class {
  constructor(linker) {
    this.linker = linker;
  }
  linker;
  combos = [];
  /** per zone set of the linker: its combo, or -1 while not met */
  comboOfZoneSet = new Int32Array(64).fill(-1);
  columns = null;
  /** the names `district` indexes (the linker's districts, in data order) */
  get districtNames() {
    return this.linker.districtNames;
  }
  /**
   * Links the n points of `coords` (WGS-84 lon, lat interleaved): per point the index of its
   * district in {@link districtNames} (or OUTSIDE) into `district`, and its combo into `combo`.
   */
  linkMany(coords, district, combo) {
    const n = coords.length >> 1;
    if (this.columns === null || this.columns.district.length < n) this.columns = { district: new Int32Array(n), zoneSet: new Int32Array(n) };
    const cols = this.linker.linkMany(coords, this.columns);
    for (let i = 0; i < n; i++) {
      const d = cols.district[i];
      district[i] = d < 0 ? OUTSIDE : d;
      const z2 = d < 0 ? 0 : cols.zoneSet[i];
      if (z2 >= this.comboOfZoneSet.length) {
        const grown = new Int32Array(Math.max(2 * this.comboOfZoneSet.length, z2 + 1)).fill(-1);
        grown.set(this.comboOfZoneSet);
        this.comboOfZoneSet = grown;
      }
      let c = this.comboOfZoneSet[z2];
      if (c < 0) {
        c = this.combos.length;
        if (z2 === 0) this.combos.push({ zones: [], sectors: [], links: [] });
        else {
          const l = this.linker.link(coords[2 * i], coords[2 * i + 1]);
          this.combos.push({ zones: l.zones, sectors: l.sectors, links: l.links });
        }
        this.comboOfZoneSet[z2] = c;
      }
      combo[i] = c;
    }
  }
};

// src/io/decode.ts
var ENCODING_LABEL = {
  "utf-8": "UTF-8",
  gb18030: "GBK / GB18030",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE"
};
function parseEncodingChoice(v) {
  const s = v.trim().toLowerCase();
  if (s === "auto") return "auto";
  if (s === "utf8" || s === "utf-8") return "utf-8";
  if (s === "gbk" || s === "gb2312" || s === "gb18030" || s === "cp936") return "gb18030";
  if (s === "utf-16le" || s === "utf16le" || s === "utf-16") return "utf-16le";
  if (s === "utf-16be" || s === "utf16be") return "utf-16be";
  return null;
}
var SNIFF_BYTES = 64 * 1024;
function bomOf(b) {
  if (b.length >= 3 && b[0] === 239 && b[1] === 187 && b[2] === 191) return { encoding: "utf-8", length: 3 };
  if (b.length >= 2 && b[0] === 255 && b[1] === 254) return { encoding: "utf-16le", length: 2 };
  if (b.length >= 2 && b[0] === 254 && b[1] === 255) return { encoding: "utf-16be", length: 2 };
  return null;
}
function validAs(encoding, bytes) {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
function sniffEncoding(sample) {
  if (validAs("utf-8", sample)) return { encoding: "utf-8", how: "detected" };
  if (validAs("gb18030", sample)) return { encoding: "gb18030", how: "detected" };
  return { encoding: "utf-8", how: "fallback" };
}
function concat(a, b) {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
function firstNonAscii(b, from = 0) {
  for (let i = from; i < b.length; i++) if (b[i] >= 128) return i;
  return -1;
}
function createStreamDecoder(choice = "auto") {
  let decoder = null;
  let report = null;
  let held = new Uint8Array(0);
  let started = false;
  let sniffFrom = -1;
  const ascii = new TextDecoder("utf-8");
  const decide = (enc, how, bom) => {
    report = { encoding: enc, bom, how };
    decoder = new TextDecoder(enc);
  };
  const step = (final) => {
    if (decoder) {
      const b = held;
      held = new Uint8Array(0);
      return decoder.decode(b, { stream: !final });
    }
    if (!started) {
      if (held.length < 3 && !final) {
        held = held.slice();
        return "";
      }
      started = true;
      const bom = bomOf(held);
      if (choice !== "auto") decide(choice, "chosen", bom?.encoding === choice);
      else if (bom) decide(bom.encoding, "bom", true);
      if (decoder) return step(final);
    }
    if (sniffFrom < 0) {
      const i = firstNonAscii(held);
      if (i < 0) {
        const text3 = ascii.decode(held);
        held = new Uint8Array(0);
        if (final) report = { encoding: "utf-8", bom: false, how: "ascii" };
        return text3;
      }
      const text2 = ascii.decode(held.subarray(0, i));
      held = held.slice(i);
      sniffFrom = 0;
      return text2 + step(final);
    }
    if (held.length < SNIFF_BYTES && !final) return "";
    const sniffed = sniffEncoding(held.subarray(0, SNIFF_BYTES));
    decide(sniffed.encoding, sniffed.how, false);
    return step(final);
  };
  return {
    push(bytes) {
      held = concat(held, bytes);
      return step(false);
    },
    end() {
      return step(true);
    },
    get report() {
      return report;
    }
  };
}

// src/io/ids.ts
function exactIds() {
  const seen = /* @__PURE__ */ new Map();
  return {
    firstSeen(id, at) {
      const first = seen.get(id);
      if (first === void 0) seen.set(id, at);
      return first;
    }
  };
}
var hashA = 0;
var hashB = 0;
function finish(b) {
  b ^= b >>> 16;
  b = Math.imul(b, 2246822507);
  b ^= b >>> 13;
  b = Math.imul(b, 3266489909);
  b ^= b >>> 16;
  return b;
}
function hash2(s) {
  let a = 2166136261;
  let b = 2538058380 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    let k = Math.imul(c, 3432918353);
    k = k << 15 | k >>> 17;
    b ^= Math.imul(k, 461845907);
    b = b << 13 | b >>> 19;
    b = Math.imul(b, 5) + 3864292196 | 0;
  }
  hashA = a | 0;
  hashB = finish(b) | 0;
}
function hash2Ascii(bytes, start, end) {
  let a = 2166136261;
  let b = 2538058380 ^ end - start;
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    a = Math.imul(a ^ c, 16777619);
    let k = Math.imul(c, 3432918353);
    k = k << 15 | k >>> 17;
    b ^= Math.imul(k, 461845907);
    b = b << 13 | b >>> 19;
    b = Math.imul(b, 5) + 3864292196 | 0;
  }
  hashA = a | 0;
  hashB = finish(b) | 0;
}
var MAX_LOAD = 0.8;
function fingerprintIds(expected = 0) {
  let size = Math.max(1 << 16, Math.ceil(expected / MAX_LOAD));
  let table = new Int32Array(3 * size);
  let count = 0;
  let scale = size / 4294967296;
  const slotOf = (h, l) => Math.min(size - 1, Math.floor(((l ^ Math.imul(h, 2654435761)) >>> 0) * scale));
  const place = (h, l, v) => {
    let i = slotOf(h, l);
    while (table[3 * i + 2] !== 0) i = i + 1 === size ? 0 : i + 1;
    table[3 * i] = h;
    table[3 * i + 1] = l;
    table[3 * i + 2] = v;
  };
  const grow = () => {
    const old = table;
    size = Math.ceil(size * 1.5);
    scale = size / 4294967296;
    table = new Int32Array(3 * size);
    for (let i = 0; i < old.length; i += 3) if (old[i + 2] !== 0) place(old[i], old[i + 1], old[i + 2]);
  };
  const seen = (at) => {
    const h = hashA;
    const l = hashB;
    const t = table;
    let i = slotOf(h, l);
    for (; ; ) {
      const v = t[3 * i + 2];
      if (v === 0) break;
      if (t[3 * i] === h && t[3 * i + 1] === l) return v - 1;
      i = i + 1 === size ? 0 : i + 1;
    }
    t[3 * i] = h;
    t[3 * i + 1] = l;
    t[3 * i + 2] = at + 1;
    if (++count > size * MAX_LOAD) grow();
    return void 0;
  };
  return {
    firstSeen(id, at) {
      hash2(id);
      return seen(at);
    },
    firstSeenAscii(bytes, start, end, at) {
      hash2Ascii(bytes, start, end);
      return seen(at);
    }
  };
}

// src/io/fingerprint.ts
function createFingerprinter() {
  let a = 2166136261;
  let b = 84696351;
  let size = 0;
  return {
    push(chunk) {
      if (typeof chunk === "string") {
        for (let i = 0; i < chunk.length; i++) {
          const c = chunk.charCodeAt(i);
          a = Math.imul(a ^ c, 16777619);
          b = Math.imul(b ^ c, 1540483477);
          b ^= b >>> 13;
        }
        size += chunk.length;
        return;
      }
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i];
        a = Math.imul(a ^ c, 16777619);
        b = Math.imul(b ^ c, 1540483477);
        b ^= b >>> 13;
      }
      size += chunk.length;
    },
    digest() {
      const hex = (x) => (x >>> 0).toString(16).padStart(8, "0");
      return `${size}:${hex(a)}${hex(b)}`;
    }
  };
}

// src/io/csv-tokenizer.ts
var QUOTED_MAX = 32767;
var RECORD_MAX = 16 * 1024 * 1024;
var QUOTE = 34;
var LF = 10;
var CR = 13;
var SPACE = 32;
var RecordTooLong = class extends Error {
  constructor(line2) {
    super(`line ${line2}: a row longer than ${RECORD_MAX.toLocaleString("en-US")} characters; this does not look like a CSV of points`);
    this.line = line2;
  }
  line;
};
var CsvTokenizer = class {
  buf = "";
  pos = 0;
  line;
  /** do not retry before the buffer holds this many characters (keeps re-scans of a long pending record linear) */
  retryAt = 0;
  delim;
  constructor(delimiter, startLine = 1) {
    this.delim = delimiter.charCodeAt(0);
    this.line = startLine;
  }
  /** The line the next record starts on. */
  get nextLine() {
    return this.line;
  }
  push(text2, onRecord) {
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + text2 : text2;
    this.pos = 0;
    if (this.buf.length < this.retryAt) return;
    this.drain(false, onRecord);
  }
  /**
   * The first record of `text`, which starts where a record starts (on `line`), and how many
   * characters it takes; null when the text holds only part of it and more may come. The same
   * record the streaming tokenizer reads there, whatever follows.
   */
  first(text2, line2, final) {
    this.buf = text2;
    this.pos = 0;
    this.line = line2;
    const rec = this.next(final);
    if (rec === null) {
      if (text2.length > RECORD_MAX) throw new RecordTooLong(this.line);
      return null;
    }
    if (this.pos > RECORD_MAX) throw new RecordTooLong(rec.line);
    return { record: rec, length: this.pos };
  }
  end(onRecord) {
    this.drain(true, onRecord);
    this.buf = "";
    this.pos = 0;
  }
  drain(final, onRecord) {
    for (; ; ) {
      const start = this.pos;
      const rec = this.next(final);
      if (rec === null) {
        const pending = this.buf.length - this.pos;
        if (pending > RECORD_MAX) throw new RecordTooLong(this.line);
        this.retryAt = pending * 2;
        return;
      }
      if (this.pos - start > RECORD_MAX) throw new RecordTooLong(rec.line);
      this.retryAt = 0;
      onRecord(rec);
    }
  }
  /** The next complete record, or null when the buffer is used up or holds only part of one (and more may come). */
  next(final) {
    const text2 = this.buf;
    const n = text2.length;
    const delim = this.delim;
    let pos = this.pos;
    if (pos >= n) return null;
    const recLine = this.line;
    let line2 = recLine;
    const fields = [];
    for (; ; ) {
      let p = pos;
      while (p < n && text2.charCodeAt(p) === SPACE) p++;
      if (p < n && text2.charCodeAt(p) === QUOTE) {
        let value = "";
        let q = p + 1;
        let seg = q;
        let closed = false;
        for (; ; ) {
          const k = text2.indexOf('"', q);
          if (k === -1 || k - p > QUOTED_MAX) break;
          if (k + 1 >= n && !final) return null;
          if (k + 1 < n && text2.charCodeAt(k + 1) === QUOTE) {
            value += text2.slice(seg, k + 1);
            q = k + 2;
            seg = q;
            continue;
          }
          value += text2.slice(seg, k);
          q = k + 1;
          closed = true;
          break;
        }
        if (!closed) {
          if (!final && n - p <= QUOTED_MAX) return null;
          let e2 = p + 1;
          while (e2 < n) {
            const c2 = text2.charCodeAt(e2);
            if (c2 === LF || c2 === CR) break;
            e2++;
          }
          if (!final && e2 + 1 >= n) return null;
          fields.push(text2.slice(p + 1, e2));
          const quoteLine = line2;
          const after = this.afterLineEnd(e2);
          this.pos = after;
          this.line = after > e2 ? line2 + 1 : line2;
          return { fields, line: recLine, unclosedQuoteLine: quoteLine };
        }
        for (let j = p + 1; j < q; j++) {
          const c2 = text2.charCodeAt(j);
          if (c2 === LF || c2 === CR && text2.charCodeAt(j + 1) !== LF) line2++;
        }
        let e = q;
        while (e < n) {
          const c2 = text2.charCodeAt(e);
          if (c2 === delim || c2 === LF || c2 === CR) break;
          e++;
        }
        if (e >= n && !final) return null;
        if (e > q) value += text2.slice(q, e);
        fields.push(value);
        pos = e;
      } else {
        let e = pos;
        while (e < n) {
          const c2 = text2.charCodeAt(e);
          if (c2 === delim || c2 === LF || c2 === CR) break;
          e++;
        }
        if (e >= n && !final) return null;
        fields.push(text2.slice(pos, e));
        pos = e;
      }
      if (pos >= n) {
        this.pos = n;
        this.line = line2;
        return { fields, line: recLine, unclosedQuoteLine: 0 };
      }
      const c = text2.charCodeAt(pos);
      if (c === delim) {
        pos++;
        continue;
      }
      if (c === CR && pos + 1 >= n && !final) return null;
      this.pos = this.afterLineEnd(pos);
      this.line = line2 + 1;
      return { fields, line: recLine, unclosedQuoteLine: 0 };
    }
  }
  /** `pos` is at a line end or the end of the text: the position after it. */
  afterLineEnd(pos) {
    const text2 = this.buf;
    if (pos >= text2.length) return text2.length;
    return text2.charCodeAt(pos) === CR && text2.charCodeAt(pos + 1) === LF ? pos + 2 : pos + 1;
  }
};

// src/io/points.ts
function inBox(lon, lat, b) {
  return lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
}
function coordProblem(lon, lat, bounds) {
  const lonOk = lon >= -180 && lon <= 180;
  const latOk = lat >= -90 && lat <= 90;
  const inRange = lonOk && latOk;
  if (inRange && (bounds === null || inBox(lon, lat, bounds))) return null;
  const swappedOk = lat >= -180 && lat <= 180 && lon >= -90 && lon <= 90 && (bounds === null || inBox(lat, lon, bounds));
  const where = `lon ${fmtCoord(lon)}, lat ${fmtCoord(lat)}`;
  if (swappedOk) {
    if (!inRange) return { reason: `lon/lat look swapped (${where}; lat must be in [-90, 90])`, swapped: true };
    return { reason: `lon/lat look swapped (${where} is outside the area; swapped it would be inside)`, swapped: true };
  }
  if (!lonOk) return { reason: `lon ${String(lon)} is out of range [-180, 180]`, swapped: false };
  if (!latOk) return { reason: `lat ${String(lat)} is out of range [-90, 90]`, swapped: false };
  return { reason: `outside the area (${where})`, swapped: false };
}
function fmtCoord(v) {
  if (Math.abs(v) >= 1e6) return String(v);
  let s = v.toFixed(6);
  while (s.endsWith("0") && s.length - s.indexOf(".") > 3) s = s.slice(0, -1);
  return s;
}
var UNQUOTABLE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function quoteValue(s) {
  const t = s.length > 40 ? `${s.slice(0, 40)}\u2026` : s;
  return JSON.stringify(t).replace(UNQUOTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function fmtInt(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function errorMessage(e) {
  return e instanceof Error ? e.message : String(e);
}
var INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
var INVISIBLE_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function hasInvisible(s) {
  return INVISIBLE.test(s);
}
function visibleText(s) {
  return INVISIBLE.test(s) ? s.replace(INVISIBLE_ALL, "") : s;
}
var INVISIBLE_NOTE = (n) => `${fmtInt(n)} row${n === 1 ? "" : "s"} had control or text-direction characters in the id or name; they were removed`;
var BINARY_MESSAGE = "not a text CSV/GeoJSON file (binary content)";
var SAMPLE_CHARS = 4096;
function binaryReason(text2, checkNulEverywhere = true) {
  if (typeof text2 !== "string" || text2.length === 0) return null;
  if (checkNulEverywhere && text2.indexOf("\0") !== -1) return "nul";
  const len = Math.min(text2.length, SAMPLE_CHARS);
  let repl = 0;
  let ctrl = 0;
  for (let i = 0; i < len; i++) {
    const c = text2.charCodeAt(i);
    if (c === 0) return "nul";
    if (c === 65533) repl++;
    else if (c < 32 && c !== 9 && c !== 10 && c !== 13 || c === 127) ctrl++;
  }
  if (repl > 0 && repl > len * 0.1) return "replacement";
  if (ctrl >= 3 && ctrl > len * 0.05) return "control";
  return null;
}
function binaryMessage(reason) {
  const hint = reason === "replacement" ? '; if it is a text file, choose its encoding (e.g. GBK) or save it as UTF-8 (in Excel: "CSV UTF-8")' : "";
  return BINARY_MESSAGE + hint;
}
var BINARY_SAMPLE = SAMPLE_CHARS;

// src/io/csv-points.ts
var LON_ALIASES = /* @__PURE__ */ new Set(["lon", "lng", "long", "longitude", "\u7ECF\u5EA6"]);
var LAT_ALIASES = /* @__PURE__ */ new Set(["lat", "latitude", "\u7EAC\u5EA6"]);
var ID_ALIASES = /* @__PURE__ */ new Set(["id"]);
var NAME_ALIASES = /* @__PURE__ */ new Set(["name", "\u540D\u79F0"]);
var LF2 = 10;
var CR2 = 13;
var QUOTE2 = 34;
var NUM_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
var DECIMAL_COMMA_RE = /^[+-]?\d+,\d+$/;
function pickDelimiter(headerLine) {
  let commas = 0;
  let semis = 0;
  let tabs = 0;
  let inQuote = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === QUOTE2) inQuote = !inQuote;
    else if (inQuote) continue;
    else if (c === 44) commas++;
    else if (c === 59) semis++;
    else if (c === 9) tabs++;
  }
  if (commas > 0 || semis === 0 && tabs === 0) return ",";
  return tabs > semis ? "	" : ";";
}
function parseCoord(label, raw, fieldCount, headerCount) {
  if (raw === void 0) {
    return `missing ${label} (row has ${fieldCount} field${fieldCount === 1 ? "" : "s"}, header has ${headerCount})`;
  }
  const s = raw.trim();
  if (s === "") return `missing ${label}`;
  if (!NUM_RE.test(s)) {
    const hint = DECIMAL_COMMA_RE.test(s) ? " (use a decimal point, not a comma)" : "";
    return `${label} ${quoteValue(s)} is not a number${hint}`;
  }
  const v = Number(s);
  if (!Number.isFinite(v)) return `${label} ${quoteValue(s)} is not a finite number`;
  return v;
}
var UNSAFE_KEYS = /* @__PURE__ */ new Set(["__proto__"]);
function mapColumns(header) {
  const map = { lon: -1, lat: -1, id: -1, name: -1, keys: [], notes: [] };
  const usedKeys = /* @__PURE__ */ new Set();
  header.forEach((rawName, i) => {
    const name = rawName.trim();
    const lower = name.toLowerCase();
    let role = null;
    if (LON_ALIASES.has(lower)) role = "lon";
    else if (LAT_ALIASES.has(lower)) role = "lat";
    else if (ID_ALIASES.has(lower)) role = "id";
    else if (NAME_ALIASES.has(lower)) role = "name";
    if (role !== null) {
      if (map[role] === -1) {
        map[role] = i;
        map.keys.push(null);
        return;
      }
      map.notes.push(
        `column ${i + 1} ${quoteValue(name)} is another ${role} column; using column ${map[role] + 1} ${quoteValue((header[map[role]] ?? "").trim())} and keeping this one as a property`
      );
    }
    let key = name;
    if (key === "" || UNSAFE_KEYS.has(key) || usedKeys.has(key)) key = `_col${i + 1}`;
    usedKeys.add(key);
    map.keys.push(key);
  });
  return map;
}
function missingColumnsMessage(header, cols, headerText, headerLine) {
  const missing = [cols.lon === -1 ? "lon" : null, cols.lat === -1 ? "lat" : null].filter((x) => x !== null);
  const found = header.map((h) => h.trim()).filter((h) => h !== "");
  const foundText = found.length === 0 ? "no named columns" : `columns found: ${found.map((h) => quoteValue(h)).join(", ")}`;
  let msg = `CSV header (line ${headerLine}) has no ${missing.join(" and ")} column${missing.length > 1 ? "s" : ""} (${foundText}); columns \`lon\` and \`lat\` are required (also accepted: lng/long/longitude/\u7ECF\u5EA6 and latitude/\u7EAC\u5EA6; optional: id, name/\u540D\u79F0)`;
  const t = headerText.trimStart();
  if (t.startsWith("{") || t.startsWith("[")) {
    msg += "; the file looks like JSON: save it with a .geojson extension";
  } else if (found.length > 0 && found.every((h) => NUM_RE.test(h))) {
    msg += "; the first line looks like data: add a header line such as lon,lat,name";
  }
  return msg;
}
function lineEnd(text2, from) {
  let e = from;
  while (e < text2.length) {
    const c = text2.charCodeAt(e);
    if (c === LF2 || c === CR2) break;
    e++;
  }
  return e;
}
function afterLineEnd(text2, e) {
  if (e >= text2.length) return e;
  return text2.charCodeAt(e) === CR2 && text2.charCodeAt(e + 1) === LF2 ? e + 2 : e + 1;
}
function isBlankRecord(fields) {
  for (const f of fields) if (f.trim() !== "") return false;
  return true;
}
var CsvFatal = class extends Error {
};
var CsvRows = class {
  constructor(sink, opts = {}) {
    this.sink = sink;
    this.maxRows = opts.maxRows ?? Infinity;
    this.bounds = opts.bounds ?? null;
    this.fixSwapped = opts.fixSwapped === true;
    this.seenIds = opts.ids ?? exactIds();
  }
  sink;
  cols = null;
  headerCount = 0;
  /** data rows met (blank records not counted) */
  index = 0;
  /** rows whose id or name lost invisible characters */
  invisible = 0;
  seenIds;
  maxRows;
  bounds;
  fixSwapped;
  /** The header record (throws CsvFatal when it has no lon/lat or an unclosed quote). */
  header(rec, headerText) {
    if (rec.unclosedQuoteLine !== 0) throw new CsvFatal(`the header (line ${rec.line}) has an unclosed quote`);
    const c = mapColumns(rec.fields);
    if (c.lon === -1 || c.lat === -1) throw new CsvFatal(missingColumnsMessage(rec.fields, c, headerText, rec.line));
    this.cols = c;
    this.headerCount = rec.fields.length;
    for (const reason of c.notes) this.sink.error({ line: rec.line, index: null, reason });
  }
  /** Throws CsvFatal past maxRows. */
  tooMany() {
    const m = this.maxRows;
    throw new CsvFatal(`too many rows: the file has more than ${fmtInt(m)} rows; the limit is ${fmtInt(m)}`);
  }
  /** One data record: a point, a row error, or nothing (a blank record). */
  row(rec) {
    const c = this.cols;
    const sink = this.sink;
    const f = rec.fields;
    if (rec.unclosedQuoteLine === 0 && isBlankRecord(f)) return;
    if (this.index >= this.maxRows) this.tooMany();
    const rowIndex = this.index++;
    const line2 = rec.line;
    if (rec.unclosedQuoteLine !== 0) {
      sink.error({ line: line2, index: rowIndex, reason: `unclosed quote (a field starting with " on line ${rec.unclosedQuoteLine} has no closing ")` });
      return;
    }
    const headerCount = this.headerCount;
    const lon = parseCoord("lon", f[c.lon], f.length, headerCount);
    const lat = parseCoord("lat", f[c.lat], f.length, headerCount);
    if (typeof lon === "string" || typeof lat === "string") {
      const reasons = [];
      if (typeof lon === "string") reasons.push(lon);
      if (typeof lat === "string") reasons.push(lat);
      sink.error({ line: line2, index: rowIndex, reason: reasons.join("; ") });
      return;
    }
    let id = null;
    if (c.id !== -1) {
      const t = (f[c.id] ?? "").trim();
      if (t !== "") id = t;
    }
    let firstLineOfId;
    if (id !== null) {
      firstLineOfId = this.seenIds.firstSeen(id, line2);
    }
    const problem = coordProblem(lon, lat, this.bounds);
    let swapped = false;
    if (problem !== null) {
      if (!(problem.swapped && this.fixSwapped)) {
        sink.error(problem.swapped ? { line: line2, index: rowIndex, reason: problem.reason, swapped: true } : { line: line2, index: rowIndex, reason: problem.reason });
        return;
      }
      swapped = true;
    }
    if (firstLineOfId !== void 0) {
      sink.error({ line: line2, index: rowIndex, reason: duplicateIdReason(id ?? "", firstLineOfId) });
      return;
    }
    let name = null;
    if (c.name !== -1) {
      const t = (f[c.name] ?? "").trim();
      if (t !== "") name = t;
    }
    if (id !== null && hasInvisible(id) || name !== null && hasInvisible(name)) {
      this.invisible++;
      id = id === null ? null : visibleText(id) || null;
      name = name === null ? null : visibleText(name) || null;
    }
    const properties = {};
    const keys = c.keys;
    for (let k = 0; k < f.length; k++) {
      const key = k < keys.length ? keys[k] : `_col${k + 1}`;
      if (key === null || key === void 0) continue;
      properties[key] = (f[k] ?? "").trim();
    }
    const lonText = f[c.lon].trim();
    const latText = f[c.lat].trim();
    const point = swapped ? { line: line2, index: rowIndex, id, name, lon: lat, lat: lon, properties, swapped: true, lonText: latText, latText: lonText } : { line: line2, index: rowIndex, id, name, lon, lat, properties, lonText, latText };
    sink.point(point);
  }
  /** The end of the file: fatal when there was no header; the note on invisible characters. */
  end() {
    if (this.cols === null) throw new CsvFatal("file is empty");
    if (this.invisible > 0) this.sink.error({ line: null, index: null, reason: INVISIBLE_NOTE(this.invisible) });
  }
};
function duplicateIdReason(id, firstLine) {
  return `duplicate id '${id}' (first on line ${firstLine})`;
}
function locateCsvHeader(pre, final) {
  if (pre.length < BINARY_SAMPLE && !final) return null;
  const bin = binaryReason(pre);
  if (bin !== null && pre.trim() !== "") throw new CsvFatal(binaryMessage(bin));
  let pos = 0;
  let line2 = 1;
  let delim = null;
  let e = lineEnd(pre, 0);
  if (e >= pre.length && !final) return null;
  const sep = /^sep=(.)\s*$/i.exec(pre.slice(0, e));
  if (sep) {
    delim = sep[1] ?? ",";
    pos = afterLineEnd(pre, e);
    line2 = 2;
  }
  for (; ; ) {
    e = lineEnd(pre, pos);
    if (e >= pre.length && !final) return null;
    if (pre.slice(pos, e).trim() !== "" || e >= pre.length) break;
    pos = afterLineEnd(pre, e);
    line2++;
  }
  if (pos >= pre.length) return null;
  if (!final && pre.charCodeAt(e) === CR2 && e + 1 >= pre.length) return null;
  const text2 = pre.slice(pos, e);
  return { line: line2, pos, text: text2, delimiter: delim ?? pickDelimiter(text2) };
}
function createCsvPointReader(sink, opts = {}) {
  let fatal = null;
  let pre = "";
  let sawText = false;
  let tokenizer = null;
  let headerText = "";
  const rows = new CsvRows(sink, opts);
  const onRecord = (rec) => {
    if (rows.cols === null) return rows.header(rec, headerText);
    rows.row(rec);
  };
  const start = (final) => {
    const place = locateCsvHeader(pre, final);
    if (place === null) return;
    headerText = place.text;
    tokenizer = new CsvTokenizer(place.delimiter, place.line);
    const rest = pre.slice(place.pos);
    pre = "";
    tokenizer.push(rest, onRecord);
  };
  const guard = (work) => {
    if (fatal !== null) return;
    try {
      work();
    } catch (e) {
      fatal = e instanceof CsvFatal || e instanceof RecordTooLong ? e.message : `could not read the CSV: ${errorMessage(e)}`;
    }
  };
  return {
    push(text2) {
      guard(() => {
        if (typeof text2 !== "string" || text2.length === 0) return;
        if (text2.indexOf("\0") !== -1) throw new CsvFatal(binaryMessage("nul"));
        if (tokenizer) {
          tokenizer.push(text2, onRecord);
          return;
        }
        if (!sawText) {
          if (text2.charCodeAt(0) === 65279) text2 = text2.slice(1);
          sawText = true;
        }
        pre += text2;
        if (pre.length > RECORD_MAX) throw new RecordTooLong(1);
        start(false);
      });
    },
    end() {
      guard(() => {
        if (!tokenizer) {
          if (pre.trim() === "") throw new CsvFatal("file is empty");
          start(true);
        }
        if (!tokenizer) throw new CsvFatal("file is empty");
        tokenizer.end(onRecord);
        rows.end();
      });
      return { format: "csv", fatal, total: fatal === null ? rows.index : 0 };
    }
  };
}

// src/io/geojson-points.ts
var LF3 = 10;
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function describeValue(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (isObject(v)) return typeof v.type === "string" ? `type ${quoteValue(v.type)}` : 'an object without "type"';
  return `a ${typeof v}`;
}
function jsonErrorMessage(e, text2) {
  const msg = errorMessage(e);
  const m = /position (\d+)/.exec(msg);
  if (m && !/line \d+/.test(msg)) {
    const pos = Number(m[1]);
    let line2 = 1;
    let lastNl = -1;
    for (let i = 0; i < pos && i < text2.length; i++) {
      if (text2.charCodeAt(i) === LF3) {
        line2++;
        lastNl = i;
      }
    }
    return `${msg} (line ${line2}, column ${pos - lastNl})`;
  }
  return msg;
}
function idValue(v) {
  if (typeof v === "string") {
    const t = v.trim();
    return t === "" ? null : t;
  }
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}
function own(o, key) {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : void 0;
}
var Fatal = class extends Error {
};
function readFeature(item, index, st, sink, line2 = null) {
  const fail = (reason, swapped = false) => sink.error(swapped ? { line: line2, index, reason, swapped: true } : { line: line2, index, reason });
  if (!isObject(item) || item.type !== "Feature") return fail(`not a Feature (got ${describeValue(item)})`);
  const rawProps = own(item, "properties");
  const props = isObject(rawProps) ? rawProps : null;
  let id = idValue(own(item, "id")) ?? (props ? idValue(own(props, "id")) : null);
  let firstIndex;
  if (id !== null) {
    firstIndex = st.seenIds.firstSeen(id, line2 ?? index);
  }
  const geom = own(item, "geometry");
  if (geom === null || geom === void 0) return fail("feature has no geometry (null)");
  if (!isObject(geom)) return fail(`feature geometry is not an object (got ${describeValue(geom)})`);
  if (geom.type !== "Point") {
    const t = typeof geom.type === "string" ? quoteValue(geom.type).slice(1, -1) : describeValue(geom.type);
    return fail(`geometry type ${t} is not supported; points only`);
  }
  const coords = own(geom, "coordinates");
  if (!Array.isArray(coords) || coords.length < 2) return fail("Point coordinates must be [lon, lat]");
  const lon = coords[0];
  const lat = coords[1];
  if (typeof lon !== "number" || typeof lat !== "number" || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    let shown;
    try {
      shown = JSON.stringify(coords.slice(0, 2)) ?? "?";
    } catch {
      shown = "?";
    }
    if (shown.length > 60) shown = `${shown.slice(0, 60)}\u2026`;
    return fail(`coordinates must be finite numbers (got ${shown})`);
  }
  const problem = coordProblem(lon, lat, st.bounds);
  if (problem !== null && !(problem.swapped && st.fixSwapped)) return fail(problem.reason, problem.swapped);
  if (firstIndex !== void 0) return fail(`duplicate id '${id ?? ""}' (first ${line2 === null ? "at feature" : "on line"} ${firstIndex})`);
  let name = null;
  if (props) {
    const n = own(props, "name") ?? own(props, "\u540D\u79F0");
    if (typeof n === "string" && n.trim() !== "") name = n.trim();
    else if (typeof n === "number" && Number.isFinite(n)) name = String(n);
  }
  if (id !== null && hasInvisible(id) || name !== null && hasInvisible(name)) {
    st.invisible++;
    id = id === null ? null : visibleText(id) || null;
    name = name === null ? null : visibleText(name) || null;
  }
  const properties = props ? { ...props } : {};
  const p = problem !== null ? { line: line2, index, id, name, lon: lat, lat: lon, properties, swapped: true } : { line: line2, index, id, name, lon, lat, properties };
  sink.point(p);
}
function readDocument(text2, sink, opts) {
  if (text2.trim() === "") throw new Fatal("file is empty");
  const bin = binaryReason(text2.length > BINARY_SAMPLE ? text2.slice(0, BINARY_SAMPLE) : text2, false);
  if (bin !== null || text2.indexOf("\0") !== -1) throw new Fatal(binaryMessage(bin ?? "nul"));
  let doc;
  try {
    doc = JSON.parse(text2);
  } catch (e) {
    throw new Fatal(`invalid JSON: ${jsonErrorMessage(e, text2)}`);
  }
  const expected = "expected a FeatureCollection, a Feature or an array of Features";
  let items;
  if (Array.isArray(doc)) {
    items = doc;
    if (items.length > 0 && !items.some((it) => isObject(it) && it.type === "Feature")) {
      throw new Fatal(`not GeoJSON features: ${expected} (got an array of ${describeValue(items[0])})`);
    }
  } else if (isObject(doc) && doc.type === "FeatureCollection") {
    const features = own(doc, "features");
    if (!Array.isArray(features)) throw new Fatal('not a valid FeatureCollection: "features" is not an array');
    items = features;
  } else if (isObject(doc) && doc.type === "Feature") {
    items = [doc];
  } else {
    let hint = "";
    if (isObject(doc) && (doc.type === "Point" || doc.type === "MultiPoint" || doc.type === "GeometryCollection")) {
      hint = "; a bare geometry must be wrapped in a Feature";
    }
    throw new Fatal(`not GeoJSON features: ${expected} (got ${describeValue(doc)})${hint}`);
  }
  const maxRows = opts.maxRows ?? Infinity;
  if (items.length > maxRows) throw new Fatal(`too many features: the file has ${fmtInt(items.length)}; the limit is ${fmtInt(maxRows)}`);
  const st = { bounds: opts.bounds ?? null, fixSwapped: opts.fixSwapped === true, seenIds: opts.ids ?? exactIds(), invisible: 0 };
  for (let i = 0; i < items.length; i++) readFeature(items[i], i, st, sink);
  if (st.invisible > 0) sink.error({ line: null, index: null, reason: INVISIBLE_NOTE(st.invisible) });
  return items.length;
}
function createGeoJsonPointReader(sink, opts = {}) {
  const chunks = [];
  let first = true;
  return {
    push(text2) {
      if (typeof text2 !== "string" || text2.length === 0) return;
      if (first && text2.charCodeAt(0) === 65279) text2 = text2.slice(1);
      first = false;
      chunks.push(text2);
    },
    end() {
      const text2 = chunks.join("");
      chunks.length = 0;
      try {
        const total = readDocument(text2, sink, opts);
        return { format: "geojson", fatal: null, total };
      } catch (e) {
        const fatal = e instanceof Fatal ? e.message : `could not read the GeoJSON: ${errorMessage(e)}`;
        return { format: "geojson", fatal, total: 0 };
      }
    }
  };
}
function createGeoJsonSeqPointReader(sink, opts = {}) {
  const st = { bounds: opts.bounds ?? null, fixSwapped: opts.fixSwapped === true, seenIds: opts.ids ?? exactIds(), invisible: 0 };
  const maxRows = opts.maxRows ?? Infinity;
  let rest = "";
  let line2 = 1;
  let index = 0;
  let first = true;
  let checked = false;
  let fatal = null;
  const readLine = (raw, at) => {
    let text2 = raw;
    if (text2.charCodeAt(text2.length - 1) === 13) text2 = text2.slice(0, -1);
    if (text2.charCodeAt(0) === 30) text2 = text2.slice(1);
    if (text2.trim() === "") return;
    if (index >= maxRows) throw new Fatal(`too many features: the file has more than ${fmtInt(maxRows)}; the limit is ${fmtInt(maxRows)}`);
    let item;
    try {
      item = JSON.parse(text2);
    } catch (e) {
      sink.error({ line: at, index: index++, reason: `invalid JSON: ${errorMessage(e)}` });
      return;
    }
    readFeature(item, index++, st, sink, at);
  };
  const guard = (work) => {
    if (fatal !== null) return;
    try {
      work();
    } catch (e) {
      fatal = e instanceof Fatal ? e.message : `could not read the GeoJSON: ${errorMessage(e)}`;
    }
  };
  const drain = (final) => {
    if (!checked) {
      if (rest.length < BINARY_SAMPLE && !final) return;
      checked = true;
      const bin = binaryReason(rest.slice(0, BINARY_SAMPLE), false);
      if (bin !== null) throw new Fatal(binaryMessage(bin));
    }
    const buf = rest;
    let p = 0;
    for (; ; ) {
      const e = buf.indexOf("\n", p);
      if (e < 0) break;
      readLine(buf.slice(p, e), line2++);
      p = e + 1;
    }
    rest = buf.slice(p);
    if (final && rest !== "") readLine(rest, line2);
  };
  return {
    push(text2) {
      guard(() => {
        if (typeof text2 !== "string" || text2.length === 0) return;
        if (first && text2.charCodeAt(0) === 65279) text2 = text2.slice(1);
        first = false;
        if (text2.indexOf("\0") !== -1) throw new Fatal(binaryMessage("nul"));
        rest += text2;
        drain(false);
      });
    },
    end() {
      guard(() => {
        drain(true);
        rest = "";
        if (index === 0) throw new Fatal("file is empty");
        if (st.invisible > 0) sink.error({ line: null, index: null, reason: INVISIBLE_NOTE(st.invisible) });
      });
      return { format: "geojson", fatal, total: fatal === null ? index : 0 };
    }
  };
}

// src/io/read-points.ts
function extensionOf(fileName) {
  const name = typeof fileName === "string" ? fileName.toLowerCase() : "";
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot >= 0 ? base.slice(dot + 1) : "";
}
var SEQ_EXTENSIONS = /* @__PURE__ */ new Set(["ndjson", "geojsonl", "geojsons", "geojsonseq", "jsonl", "jsonseq"]);
function isGeoJsonSeqName(fileName) {
  return SEQ_EXTENSIONS.has(extensionOf(fileName));
}
function formatFromName(fileName) {
  const ext = extensionOf(fileName);
  if (ext === "csv" || ext === "txt" || ext === "tsv") return "csv";
  if (ext === "geojson" || ext === "json" || SEQ_EXTENSIONS.has(ext)) return "geojson";
  return null;
}
function sniffFormat(text2) {
  for (let i = 0; i < text2.length; i++) {
    const c = text2.charCodeAt(i);
    if (c === 65279 || c === 32 || c === 9 || c === 10 || c === 13) continue;
    return c === 123 || c === 91 ? "geojson" : "csv";
  }
  return null;
}
function createPointReader(fileName, sink, opts = {}) {
  let format = formatFromName(fileName);
  let reader = null;
  let held = "";
  const make = (f) => {
    format = f;
    reader = f === "csv" ? createCsvPointReader(sink, opts) : isGeoJsonSeqName(fileName) ? createGeoJsonSeqPointReader(sink, opts) : createGeoJsonPointReader(sink, opts);
    if (held) reader.push(held);
    held = "";
  };
  if (format) make(format);
  return {
    get format() {
      return format;
    },
    push(text2) {
      if (reader) return reader.push(text2);
      held += text2;
      const f = sniffFormat(held);
      if (f) make(f);
    },
    end() {
      if (!reader) make("csv");
      return reader.end();
    }
  };
}

// src/io/limits.ts
var MiB = 1024 * 1024;
var MAX_FILE_BYTES = 50 * MiB;
function fileSizeProblem(bytes, limit = MAX_FILE_BYTES) {
  if (bytes === 0) return "file is empty";
  if (bytes > limit) return `file is ${(bytes / MiB).toFixed(1)} MB; the limit is ${(limit / MiB).toFixed(0)} MB`;
  return null;
}

// src/io/link-sites.ts
var encoder = new TextEncoder();
var BATCH = 4096;
function createFileLinker(linker, opts, sink) {
  const decoder = createStreamDecoder(opts.encoding ?? "auto");
  const fingerprint = createFingerprinter();
  const batcher = new BatchLinker(linker);
  const crs = opts.crs;
  const points = [];
  const input = new Float64Array(2 * BATCH);
  const coords = new Float64Array(2 * BATCH);
  const district = new Int32Array(BATCH);
  const combo = new Int32Array(BATCH);
  let linked = 0;
  let outside = 0;
  let bad2 = 0;
  let swappable = 0;
  const flush = () => {
    const n = points.length;
    if (n === 0) return;
    const xy = coords.subarray(0, 2 * n);
    batcher.linkMany(xy, district, combo);
    for (let i = 0; i < n; i++) if (district[i] === OUTSIDE) outside++;
    linked += n;
    sink.rows({ n, points, input, coords, district, combo });
    points.length = 0;
  };
  const reader = createPointReader(
    opts.fileName,
    {
      point(p) {
        const k = points.length;
        input[2 * k] = p.lon;
        input[2 * k + 1] = p.lat;
        if (crs === "wgs84") {
          coords[2 * k] = p.lon;
          coords[2 * k + 1] = p.lat;
        } else {
          const [lon, lat] = toWgs84(p.lon, p.lat, crs);
          coords[2 * k] = lon;
          coords[2 * k + 1] = lat;
        }
        points.push(p);
        if (points.length === BATCH) flush();
      },
      error(e) {
        if (e.index !== null) {
          bad2++;
          if (e.swapped) swappable++;
        }
        sink.error(e);
      }
    },
    { maxRows: opts.maxRows, fixSwapped: opts.fixSwapped === true, ...opts.ids ? { ids: opts.ids } : {} }
  );
  const hashing = opts.fingerprint !== false;
  return {
    combos: batcher.combos,
    districtNames: batcher.districtNames,
    push(chunk) {
      const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
      if (hashing) fingerprint.push(bytes);
      const text2 = decoder.push(bytes);
      if (text2) reader.push(text2);
    },
    end() {
      const rest = decoder.end();
      if (rest) reader.push(rest);
      const r = reader.end();
      flush();
      return {
        format: r.format,
        encoding: decoder.report ?? { encoding: "utf-8", bom: false, how: "ascii" },
        fingerprint: fingerprint.digest(),
        total: r.total,
        fatal: r.fatal,
        combos: batcher.combos,
        districtNames: batcher.districtNames,
        linked,
        outside,
        bad: bad2,
        swappable
      };
    }
  };
}

// src/export/csv-cell.ts
var FORMULA_START = /^[=+\-@\t\r]/;
var PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
function startsFormula(v) {
  return FORMULA_START.test(v) && !PLAIN_NUMBER.test(v);
}
function plainCell(v) {
  const n = v.length;
  if (n === 0) return true;
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(n - 1);
  if (!plainEnd(first) || !plainEnd(last)) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = v.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13) return false;
  }
  return true;
}
function plainEnd(c) {
  if (c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122) return true;
  if (c < 256) return false;
  return !(c === 5760 || c >= 8192 && c <= 8202 || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279);
}
function csvCell(v, delimiter = ",") {
  if (v === null || v === void 0) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (delimiter === "," && plainCell(v)) return v;
  if (startsFormula(v)) return `"'${v.replace(/"/g, '""')}"`;
  const needsQuotes = v.includes('"') || v.includes(delimiter) || v.includes("\r") || v.includes("\n") || /^\s|\s$/.test(v);
  return needsQuotes ? `"${v.replace(/"/g, '""')}"` : v;
}
function csvLine(cells) {
  return cells.map((c) => csvCell(c)).join(",");
}
var BOM = "\uFEFF";

// src/export/linked-points.ts
var LINK_KEYS = ["district", "outside", "zones", "sectors", "links"];
var DISTRICT_KEYS = 1024;
function linkedFeature(r, combo) {
  const p = r.point;
  const properties = { id: p.id, name: p.name, ...p.properties };
  properties.id = p.id;
  properties.name = p.name;
  properties.district = r.district;
  properties.outside = r.district === null;
  properties.zones = combo.zones;
  properties.sectors = combo.sectors;
  properties.links = combo.links;
  if (p.swapped) properties.lonlat_swapped = true;
  const geometry = { type: "Point", coordinates: [r.lon, r.lat] };
  return p.id !== null ? { type: "Feature", id: p.id, properties, geometry } : { type: "Feature", properties, geometry };
}
var hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
function isNumberText(s) {
  const n = s.length;
  if (n === 0 || n > 17) return false;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= n) return false;
  const intStart = i;
  while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  const intDigits = i - intStart;
  if (intDigits === 0) return false;
  const zeroInt = intDigits === 1 && s.charCodeAt(intStart) === 48;
  if (intDigits > 1 && s.charCodeAt(intStart) === 48) return false;
  let sig = zeroInt ? 0 : intDigits;
  if (i === n) return !(zeroInt && intStart === 1) && sig <= 15;
  if (s.charCodeAt(i) !== 46) return false;
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
  if (i === fracStart || s.charCodeAt(n - 1) === 48) return false;
  if (zeroInt && leadingZeros > 5) return false;
  return sig <= 15;
}
function coordText(value, read, text2) {
  return value === read && text2 !== void 0 && isNumberText(text2) ? text2 : String(value);
}
var utf8 = new TextEncoder();
function linkedFeatureWriter(eol) {
  const tails = /* @__PURE__ */ new Map();
  return (r, combo, comboIndex, out, lead = "") => {
    const p = r.point;
    const props = p.properties;
    let slow = hasOwn(props, "lonlat_swapped");
    for (const k of LINK_KEYS) if (hasOwn(props, k)) slow = true;
    if (slow) {
      out.text(lead + JSON.stringify(linkedFeature(r, combo)) + eol);
      return;
    }
    const own2 = { id: p.id, name: p.name, ...props };
    own2.id = p.id;
    own2.name = p.name;
    const head = JSON.stringify(own2);
    const key = comboIndex * DISTRICT_KEYS + (r.districtIndex + 1);
    let tail = tails.get(key);
    if (tail === void 0) {
      tail = utf8.encode(
        `,"district":${JSON.stringify(r.district)},"outside":${r.district === null},"zones":${JSON.stringify(combo.zones)},"sectors":${JSON.stringify(combo.sectors)},"links":${JSON.stringify(combo.links)}`
      );
      tails.set(key, tail);
    }
    const id = p.id !== null ? `"id":${JSON.stringify(p.id)},` : "";
    out.text(`${lead}{"type":"Feature",${id}"properties":${head.slice(0, -1)}`);
    out.bytes(tail);
    const geometry = `{"type":"Point","coordinates":[${coordText(r.lon, p.lon, p.lonText)},${coordText(r.lat, p.lat, p.latText)}]}`;
    out.text(`${p.swapped ? ',"lonlat_swapped":true' : ""}},"geometry":${geometry}}${eol}`);
  };
}
var LINKED_CSV_COLUMNS = ["id", "name", "lon", "lat", "district", "outside", "zones", "sectors", "reasons"];
var OWN_CSV_COLUMNS = /* @__PURE__ */ new Set([...LINKED_CSV_COLUMNS, ...LINK_KEYS]);
function linkText(l) {
  return l.via === "zone" ? `${l.node}: zone ${l.zone ?? ""} (${l.clause})` : `${l.node}: named by the plan (${l.clause})`;
}
function cellValue(v) {
  if (v === null || v === void 0) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  try {
    return JSON.stringify(v) ?? null;
  } catch {
    return "(not writable: nested too deeply)";
  }
}
function linkedCsvHeader(extra) {
  return csvLine([...LINKED_CSV_COLUMNS, ...extra]);
}
function linkedCsvTail(district, combo) {
  return csvLine([district, district === null, combo.zones.join("; "), combo.sectors.join("; "), combo.links.map(linkText).join(" | ")]);
}
function extraCells(p, extra) {
  let s = "";
  for (const k of extra) s += "," + csvCell(cellValue(hasOwn(p.properties, k) ? p.properties[k] : void 0));
  return s;
}
function linkedCsvWriter(extra) {
  const tails = /* @__PURE__ */ new Map();
  return (r, combo, comboIndex, out, lead = "") => {
    const key = comboIndex * DISTRICT_KEYS + (r.districtIndex + 1);
    let tail = tails.get(key);
    if (tail === void 0) {
      tail = utf8.encode(`,${linkedCsvTail(r.district, combo)}`);
      tails.set(key, tail);
    }
    const p = r.point;
    out.text(`${lead}${csvCell(p.id)},${csvCell(p.name)},${coordText(r.lon, p.lon, p.lonText)},${coordText(r.lat, p.lat, p.latText)}`);
    out.bytes(tail);
    out.text(extra.length > 0 ? `${extraCells(p, extra)}\r
` : "\r\n");
  };
}

// src/export/csv-link-bytes.ts
var MAX_PLAIN_FIELDS = 1024;
var BATCH2 = 4096;
var LF4 = 10;
var CR3 = 13;
var QUOTE3 = 34;
var DISTRICT_KEYS2 = 1024;
var REORDERED_KEY = /^(?:0|[1-9]\d*)$|^_col\d+$/;
var utf82 = new TextEncoder();
var POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
function isWideSpace(c) {
  return c === 160 || c === 5760 || c >= 8192 && c <= 8202 || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
}
function isAsciiSpace(b) {
  return b === 32 || b >= 9 && b <= 12;
}
function utf8Length(b, i, end) {
  const c = b[i];
  if (c >= 194 && c <= 223) return i + 1 < end && (b[i + 1] & 192) === 128 ? 2 : 0;
  if (c >= 224 && c <= 239) {
    if (i + 2 >= end) return 0;
    const c1 = b[i + 1];
    if ((c1 & 192) !== 128 || (b[i + 2] & 192) !== 128) return 0;
    if (c === 224 && c1 < 160) return 0;
    if (c === 237 && c1 >= 160) return 0;
    return 3;
  }
  if (c >= 240 && c <= 244) {
    if (i + 3 >= end) return 0;
    const c1 = b[i + 1];
    if ((c1 & 192) !== 128 || (b[i + 2] & 192) !== 128 || (b[i + 3] & 192) !== 128) return 0;
    if (c === 240 && c1 < 144) return 0;
    if (c === 244 && c1 >= 144) return 0;
    return 4;
  }
  return 0;
}
function codePointAt(b, i) {
  const c = b[i];
  if (c < 128) return c;
  if (c < 224) return (c & 31) << 6 | b[i + 1] & 63;
  if (c < 240) return (c & 15) << 12 | (b[i + 1] & 63) << 6 | b[i + 2] & 63;
  return 65536;
}
function lastCharStart(b, s, e) {
  let i = e - 1;
  while (i > s && (b[i] & 192) === 128) i--;
  return i;
}
function plainEndCode(c) {
  if (c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122) return true;
  return c >= 256 && !isWideSpace(c);
}
function plainNumber(b, s, e) {
  let i = s;
  let neg = false;
  if (i < e && (b[i] === 45 || b[i] === 43)) {
    neg = b[i] === 45;
    i++;
  }
  let mant = 0;
  let digits = 0;
  let frac = -1;
  for (; i < e; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || frac > 22) return NaN;
  const v = frac > 0 ? mant / POW10[frac] : mant;
  return neg ? -v : v;
}
function isNumberBytes(b, s, e) {
  const n = e - s;
  if (n === 0 || n > 17) return false;
  let i = s;
  if (b[i] === 45) i++;
  if (i >= e) return false;
  const intStart = i;
  while (i < e && b[i] >= 48 && b[i] <= 57) i++;
  const intDigits = i - intStart;
  if (intDigits === 0) return false;
  const zeroInt = intDigits === 1 && b[intStart] === 48;
  if (intDigits > 1 && b[intStart] === 48) return false;
  let sig = zeroInt ? 0 : intDigits;
  if (i === e) return !(zeroInt && intStart === s + 1) && sig <= 15;
  if (b[i] !== 46) return false;
  i++;
  const fracStart = i;
  let leadingZeros = 0;
  let nonZeroSeen = !zeroInt;
  while (i < e) {
    const c = b[i];
    if (c < 48 || c > 57) return false;
    if (nonZeroSeen) sig++;
    else if (c === 48) leadingZeros++;
    else {
      nonZeroSeen = true;
      sig++;
    }
    i++;
  }
  if (i === fracStart || b[e - 1] === 48) return false;
  if (zeroInt && leadingZeros > 5) return false;
  return sig <= 15;
}
function writtenEnd(b, s, e) {
  let dot = -1;
  for (let i = s; i < e; i++)
    if (b[i] === 46) {
      dot = i;
      break;
    }
  let end = e;
  if (dot >= 0) {
    while (end > dot + 1 && b[end - 1] === 48) end--;
    if (end === dot + 1) end = dot;
  }
  return isNumberBytes(b, s, end) ? end : -1;
}
var Out = class {
  constructor(sink) {
    this.sink = sink;
  }
  sink;
  buf = new Uint8Array(4 * 1024 * 1024);
  pos = 0;
  /** Room for `n` more bytes (flushes first when needed; grows for a very long row). */
  room(n) {
    if (this.pos + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = new Uint8Array(n);
  }
  text(s) {
    this.room(3 * s.length);
    this.pos += utf82.encodeInto(s, this.buf.subarray(this.pos)).written;
  }
  bytes(b) {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  ascii(s) {
    this.room(s.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }
  flush() {
    if (this.pos === 0) return;
    this.sink(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }
};
var Pending = class {
  cap = 0;
  n = 0;
  /** 0: a plain row (its bytes are in the buffer); 1: a point read the general way (in `points`) */
  kind = new Uint8Array(0);
  points = [];
  /** where the row's fields start in `starts` */
  fieldAt = new Int32Array(0);
  nf = new Int32Array(0);
  /** per field: its start in the buffer; one more per row: its end + 1 */
  starts = new Int32Array(0);
  nStarts = 0;
  /** trimmed id, name, lon, lat (start, end) in the buffer: 8 per row (id -1: none) */
  cells = new Int32Array(0);
  /** lon and lat text may be written as read (bit 1: lon, bit 2: lat) */
  asRead = new Uint8Array(0);
  input = new Float64Array(0);
  coords = new Float64Array(0);
  district = new Int32Array(0);
  combo = new Int32Array(0);
  grow() {
    const cap = Math.max(1024, this.cap * 2);
    const g = (a, n, make) => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.kind = g(this.kind, cap, (n) => new Uint8Array(n));
    this.fieldAt = g(this.fieldAt, cap, (n) => new Int32Array(n));
    this.nf = g(this.nf, cap, (n) => new Int32Array(n));
    this.cells = g(this.cells, 8 * cap, (n) => new Int32Array(n));
    this.asRead = g(this.asRead, cap, (n) => new Uint8Array(n));
    this.input = g(this.input, 2 * cap, (n) => new Float64Array(n));
    this.coords = g(this.coords, 2 * cap, (n) => new Float64Array(n));
    this.district = new Int32Array(cap);
    this.combo = new Int32Array(cap);
    this.cap = cap;
  }
  needStarts(k) {
    if (this.nStarts + k <= this.starts.length) return;
    const b = new Int32Array(Math.max(8192, 2 * (this.nStarts + k)));
    b.set(this.starts.subarray(0, this.nStarts));
    this.starts = b;
  }
  clear() {
    this.n = 0;
    this.nStarts = 0;
    this.points.length = 0;
  }
  /** Buffer positions moved down by `by` (the buffer was compacted). */
  shift(by) {
    for (let i = 0; i < this.nStarts; i++) this.starts[i] -= by;
    for (let i = 0; i < 8 * this.n; i++) if (this.cells[i] >= 0) this.cells[i] -= by;
  }
};
function createCsvCsvLinker(linker, opts, sink) {
  const batcher = new BatchLinker(linker);
  const crs = opts.crs;
  const out = new Out((b) => sink.write(b));
  let buf = new Uint8Array(1 << 20);
  let len = 0;
  let pos = 0;
  let phase = "start";
  let declined = null;
  let fatal = null;
  let bomLength = 0;
  let report = null;
  let decoder = null;
  let delim = 44;
  let delimText = ",";
  let line2 = 1;
  let linked = 0;
  let outside = 0;
  let bad2 = 0;
  let swappable = 0;
  let writing = true;
  const rows = new CsvRows(
    {
      point: (p) => keepPoint(p),
      error: (e) => onError(e)
    },
    { maxRows: opts.maxRows, fixSwapped: opts.fixSwapped, ids: opts.ids }
  );
  const ids = opts.ids;
  const pend = new Pending();
  pend.grow();
  let tokenizer = null;
  let started = false;
  let extra = [];
  let extraSet = /* @__PURE__ */ new Set();
  let extraField = new Int32Array(0);
  let rowWriter = null;
  const tails = /* @__PURE__ */ new Map();
  const dropped = /* @__PURE__ */ new Set();
  let droppedChecked = 0;
  let written = 0;
  const lrow = { point: null, lon: 0, lat: 0, district: null, districtIndex: -1 };
  function onError(e) {
    if (e.index !== null) {
      bad2++;
      if (e.swapped) swappable++;
      if (!opts.skipInvalid) writing = false;
    }
    sink.error(e);
  }
  const keyOf = (k) => {
    const keys = rows.cols.keys;
    return k < keys.length ? keys[k] : `_col${k + 1}`;
  };
  const ascii = new TextDecoder("utf-8");
  function decode(s, e) {
    return (decoder ?? ascii).decode(buf.subarray(s, e));
  }
  function decideFrom(i, final) {
    if (len - i < SNIFF_BYTES && !final) return false;
    const s = sniffEncoding(buf.subarray(i, Math.min(len, i + SNIFF_BYTES)));
    setEncoding({ encoding: s.encoding, bom: false, how: s.how });
    return true;
  }
  function setEncoding(r) {
    report = r;
    decoder = new TextDecoder(r.encoding);
  }
  function firstNonAscii2(from) {
    for (let i = from; i < len; i++) if (buf[i] >= 128) return i;
    return -1;
  }
  function start(final) {
    if (len < 3 && !final) return false;
    if (report === null && bomLength === 0) {
      const bom = bomOf(buf.subarray(0, len));
      if (bom !== null && bom.encoding !== "utf-8") return decline();
      if (opts.encoding === "gb18030") {
        if (bom !== null) return decline();
        setEncoding({ encoding: "gb18030", bom: false, how: "chosen" });
      } else if (opts.encoding === "utf-8") {
        setEncoding({ encoding: "utf-8", bom: bom !== null, how: "chosen" });
        bomLength = bom !== null ? 3 : 0;
      } else if (bom !== null) {
        setEncoding({ encoding: "utf-8", bom: true, how: "bom" });
        bomLength = 3;
      }
    }
    if (report === null) {
      const i = firstNonAscii2(bomLength);
      if (i >= 0 && !decideFrom(i, final)) return false;
    }
    let pre = new TextDecoder(report?.encoding ?? "utf-8").decode(buf.subarray(bomLength, len), { stream: true });
    if (pre.charCodeAt(0) === 65279) pre = pre.slice(1);
    if (pre.length > RECORD_MAX) throw new RecordTooLong(1);
    const place = locateCsvHeader(pre, final);
    if (place === null) {
      if (final) throw new CsvFatal("file is empty");
      return false;
    }
    const d = place.delimiter.charCodeAt(0);
    if (place.text.includes('"') || place.delimiter.length !== 1 || d >= 128 || d === QUOTE3 || d === CR3 || d === LF4) return decline();
    const fields = place.text.split(place.delimiter);
    if (fields.some((f) => REORDERED_KEY.test(f.trim()))) return decline();
    let p = bomLength;
    for (let k = 0; k < place.line && p < len; k++) {
      while (p < len && buf[p] !== LF4 && buf[p] !== CR3) p++;
      if (p >= len) break;
      if (buf[p] === CR3 && p + 1 >= len && !final) return false;
      p += buf[p] === CR3 && buf[p + 1] === LF4 ? 2 : 1;
    }
    rows.header({ fields, line: place.line, unclosedQuoteLine: 0 }, place.text);
    delim = d;
    delimText = place.delimiter;
    tokenizer = new CsvTokenizer(delimText);
    line2 = place.line + 1;
    pos = p;
    phase = "rows";
    return true;
  }
  function decline() {
    declined = buf.slice(0, len);
    phase = "done";
    return false;
  }
  function keepPoint(p) {
    if (pend.n === pend.cap) pend.grow();
    const i = pend.n++;
    pend.kind[i] = 1;
    pend.points[i] = p;
    pend.input[2 * i] = p.lon;
    pend.input[2 * i + 1] = p.lat;
    setCoords(i, p.lon, p.lat);
    linked++;
  }
  function setCoords(i, lon, lat) {
    if (crs === "wgs84") {
      pend.coords[2 * i] = lon;
      pend.coords[2 * i + 1] = lat;
    } else {
      const [x, y] = toWgs84(lon, lat, crs);
      pend.coords[2 * i] = x;
      pend.coords[2 * i + 1] = y;
    }
  }
  function slowLine(s, e, recLine) {
    rows.row({ fields: decode(s, e).split(delimText), line: recLine, unclosedQuoteLine: 0 });
  }
  function quotedRecord(s, final) {
    let want = 2;
    for (; ; ) {
      let we = s;
      for (let k = 0; k < want && we < len; k++) {
        while (we < len && buf[we] !== LF4 && buf[we] !== CR3) we++;
        if (we >= len) break;
        we += buf[we] === CR3 && we + 1 < len && buf[we + 1] === LF4 ? 2 : 1;
      }
      const atEnd = we >= len;
      const text2 = decode(s, we);
      const r = tokenizer.first(text2, line2, final && atEnd);
      if (r === null) {
        if (atEnd) return -1;
        want *= 2;
        continue;
      }
      let units = 0;
      for (let j = 0; j < r.length; j++) {
        const c = text2.charCodeAt(j);
        if (c === LF4) units++;
        else if (c === CR3) {
          units++;
          if (text2.charCodeAt(j + 1) === LF4) j++;
        }
      }
      const endsLine = r.length > 0 && (text2.charCodeAt(r.length - 1) === LF4 || text2.charCodeAt(r.length - 1) === CR3);
      let p = s;
      for (let k = 0; k < units; k++) {
        while (buf[p] !== LF4 && buf[p] !== CR3) p++;
        p += buf[p] === CR3 && p + 1 < len && buf[p + 1] === LF4 ? 2 : 1;
      }
      if (!endsLine) p = we;
      line2 += units;
      rows.row(r.record);
      return p - s;
    }
  }
  function readRows(final) {
    const cols = rows.cols;
    const cLon = cols.lon;
    const cLat = cols.lat;
    const cId = cols.id;
    const cName = cols.name;
    const needFields = Math.max(cLon, cLat) + 1;
    const isUtf8 = report === null || report.encoding === "utf-8";
    const b = buf;
    const n = len;
    const d = delim;
    let p = pos;
    let starts = pend.starts;
    let ns = pend.nStarts;
    while (p < n) {
      if (ns + MAX_PLAIN_FIELDS + 2 > starts.length) {
        pend.nStarts = ns;
        pend.needStarts(MAX_PLAIN_FIELDS + 2);
        starts = pend.starts;
      }
      const ls = p;
      const fieldBase = ns;
      starts[ns++] = ls;
      let nf = 1;
      let quoted = false;
      let plain = true;
      let content = false;
      let e = ls;
      for (; e < n; e++) {
        const c = b[e];
        if (c > 59 && c < 128) {
          content = true;
          continue;
        }
        if (c === d) {
          if (nf < MAX_PLAIN_FIELDS) {
            starts[ns++] = e + 1;
            nf++;
          } else plain = false;
          continue;
        }
        if (c < 128) {
          if (c === LF4 || c === CR3) break;
          if (c === QUOTE3) {
            quoted = true;
            break;
          }
          if (!content && !isAsciiSpace(c)) content = true;
          continue;
        }
        content = true;
        if (!isUtf8) {
          plain = false;
          continue;
        }
        const k = utf8Length(b, e, n);
        if (k === 0) plain = false;
        else e += k - 1;
      }
      if (quoted) {
        ns = fieldBase;
        pend.nStarts = ns;
        const took = quotedRecord(ls, final);
        if (took < 0) break;
        p = ls + took;
        continue;
      }
      if ((e >= n || b[e] === CR3 && e + 1 >= n) && !final) {
        ns = fieldBase;
        break;
      }
      if (e - ls > RECORD_MAX && decode(ls, e).length > RECORD_MAX) throw new RecordTooLong(line2);
      const recLine = line2++;
      p = e >= n ? n : b[e] === CR3 && e + 1 < n && b[e + 1] === LF4 ? e + 2 : e + 1;
      starts[ns++] = e + 1;
      pend.nStarts = ns;
      if (!content) {
        ns = fieldBase;
        continue;
      }
      if (!plain || nf < needFields || !plainRow(fieldBase, nf, recLine, cLon, cLat, cId, cName)) {
        ns = fieldBase;
        pend.nStarts = ns;
        slowLine(ls, e, recLine);
      }
    }
    pend.nStarts = ns;
    pos = p;
  }
  const fStart = (fieldBase, k) => pend.starts[fieldBase + k];
  const fEnd = (fieldBase, k) => pend.starts[fieldBase + k + 1] - 1;
  let ts = 0;
  let te = 0;
  function trim(s, e) {
    while (s < e && isAsciiSpace(buf[s])) s++;
    while (e > s && isAsciiSpace(buf[e - 1])) e--;
    ts = s;
    te = e;
  }
  function cleanText(s, e, asciiOnly) {
    for (let i = s; i < e; i++) {
      const c = buf[i];
      if (c < 32 ? c !== 9 : c === 127) return false;
      if (c >= 128 && (asciiOnly || c === 194 || c === 226)) return false;
    }
    if (e > s && buf[s] >= 128 && isWideSpace(codePointAt(buf, s))) return false;
    if (e > s && buf[e - 1] >= 128 && isWideSpace(codePointAt(buf, lastCharStart(buf, s, e)))) return false;
    return true;
  }
  function plainRow(fieldBase, nf, recLine, cLon, cLat, cId, cName) {
    trim(fStart(fieldBase, cLon), fEnd(fieldBase, cLon));
    const lonS = ts;
    const lonE = te;
    trim(fStart(fieldBase, cLat), fEnd(fieldBase, cLat));
    const latS = ts;
    const latE = te;
    const lon = plainNumber(buf, lonS, lonE);
    const lat = plainNumber(buf, latS, latE);
    if (lon !== lon || lat !== lat) return false;
    if (coordProblem(lon, lat, null) !== null) return false;
    let idS = -1;
    let idE = -1;
    if (cId !== -1 && cId < nf) {
      trim(fStart(fieldBase, cId), fEnd(fieldBase, cId));
      if (!cleanText(ts, te, true)) return false;
      idS = ts;
      idE = te;
    }
    let nameS = -1;
    let nameE = -1;
    if (cName !== -1 && cName < nf) {
      trim(fStart(fieldBase, cName), fEnd(fieldBase, cName));
      if (!cleanText(ts, te, false)) return false;
      nameS = ts;
      nameE = te;
    }
    if (rows.index >= rows.maxRows) rows.tooMany();
    const rowIndex = rows.index++;
    if (idS >= 0 && idE > idS) {
      const first = ids.firstSeenAscii ? ids.firstSeenAscii(buf, idS, idE, recLine) : ids.firstSeen(decode(idS, idE), recLine);
      if (first !== void 0) {
        onError({ line: recLine, index: rowIndex, reason: duplicateIdReason(decode(idS, idE), first) });
        return true;
      }
    }
    if (pend.n === pend.cap) pend.grow();
    const i = pend.n++;
    pend.kind[i] = 0;
    pend.points[i] = null;
    pend.fieldAt[i] = fieldBase;
    pend.nf[i] = nf;
    const c = pend.cells;
    c[8 * i] = idS;
    c[8 * i + 1] = idE;
    c[8 * i + 2] = nameS;
    c[8 * i + 3] = nameE;
    c[8 * i + 4] = lonS;
    c[8 * i + 5] = lonE;
    c[8 * i + 6] = latS;
    c[8 * i + 7] = latE;
    const lonW = writtenEnd(buf, lonS, lonE);
    const latW = writtenEnd(buf, latS, latE);
    c[8 * i + 5] = lonW;
    c[8 * i + 7] = latW;
    pend.asRead[i] = (lonW >= 0 ? 1 : 0) | (latW >= 0 ? 2 : 0);
    pend.input[2 * i] = lon;
    pend.input[2 * i + 1] = lat;
    setCoords(i, lon, lat);
    linked++;
    return true;
  }
  function startOutput(firstBatch) {
    started = true;
    const seen = /* @__PURE__ */ new Set();
    extra = [];
    const add = (k) => {
      if (seen.has(k)) return;
      seen.add(k);
      if (!OWN_CSV_COLUMNS.has(k)) extra.push(k);
    };
    for (let i = 0; i < firstBatch; i++) {
      if (pend.kind[i] === 1) for (const k of Object.keys(pend.points[i].properties)) add(k);
      else
        for (let k = 0; k < pend.nf[i]; k++) {
          const key = keyOf(k);
          if (key !== null) add(key);
        }
    }
    extraSet = new Set(extra);
    const fieldOfKey = /* @__PURE__ */ new Map();
    const most = Math.max(rows.cols.keys.length, ...extra.map((k) => k.startsWith("_col") ? Number(k.slice(4)) : 0));
    for (let k = 0; k < most; k++) {
      const key = keyOf(k);
      if (key !== null && !fieldOfKey.has(key)) fieldOfKey.set(key, k);
    }
    extraField = Int32Array.from(extra, (k) => fieldOfKey.get(k));
    rowWriter = linkedCsvWriter(extra);
    out.text(`${BOM}${linkedCsvHeader(extra)}\r
`);
  }
  function tailOf(c, d) {
    const key = c * DISTRICT_KEYS2 + (d + 1);
    let tail = tails.get(key);
    if (tail === void 0) {
      tail = utf82.encode(`,${linkedCsvTail(d === OUTSIDE ? null : batcher.districtNames[d], batcher.combos[c])}`);
      tails.set(key, tail);
    }
    return tail;
  }
  function cell(s, e) {
    if (s >= e) return;
    const b = buf;
    const first = b[s];
    const last = b[e - 1];
    let plain = (first < 128 ? first >= 48 && first <= 57 || (first | 32) >= 97 && (first | 32) <= 122 : plainEndCode(codePointAt(b, s))) && (last < 128 ? last >= 48 && last <= 57 || (last | 32) >= 97 && (last | 32) <= 122 : plainEndCode(codePointAt(b, lastCharStart(b, s, e))));
    if (plain && delim !== 44) {
      for (let i = s; i < e; i++) if (b[i] === 44) plain = false;
    }
    if (!plain) {
      out.text(csvCell(decode(s, e).trim()));
      return;
    }
    copy(s, e);
  }
  function copy(s, e) {
    const o = out.buf;
    let q = out.pos;
    if (e - s > 32) {
      o.set(buf.subarray(s, e), q);
      q += e - s;
    } else for (let i = s; i < e; i++) o[q++] = buf[i];
    out.pos = q;
  }
  function number(i, k) {
    const v = pend.coords[2 * i + k];
    if (v === pend.input[2 * i + k] && (pend.asRead[i] & k + 1) !== 0) copy(pend.cells[8 * i + 4 + 2 * k], pend.cells[8 * i + 5 + 2 * k]);
    else out.ascii(String(v));
  }
  function byte(c) {
    out.buf[out.pos++] = c;
  }
  function flush(final) {
    const n = pend.n;
    if (!writing) {
      pend.clear();
      sink.progress(linked);
      return;
    }
    if (!started && n < BATCH2 && !final) return;
    for (let b0 = 0; b0 < n; b0 += BATCH2) {
      const b1 = Math.min(n, b0 + BATCH2);
      if (!started) startOutput(b1);
      batcher.linkMany(pend.coords.subarray(2 * b0, 2 * b1), pend.district.subarray(b0), pend.combo.subarray(b0));
      for (let i = b0; i < b1; i++) writeRow(i);
      written += b1 - b0;
      sink.progress(written);
    }
    pend.clear();
  }
  function writeRow(i) {
    const d = pend.district[i];
    const c = pend.combo[i];
    if (d === OUTSIDE) outside++;
    if (pend.kind[i] === 1) {
      const p = pend.points[i];
      lrow.point = p;
      lrow.lon = pend.coords[2 * i];
      lrow.lat = pend.coords[2 * i + 1];
      lrow.district = d === OUTSIDE ? null : batcher.districtNames[d];
      lrow.districtIndex = d;
      rowWriter(lrow, batcher.combos[c], c, out);
      for (const k in p.properties) if (!OWN_CSV_COLUMNS.has(k) && !extraSet.has(k)) dropped.add(k);
      return;
    }
    const cells = pend.cells;
    const fb = pend.fieldAt[i];
    const nf = pend.nf[i];
    const tail = tailOf(c, d);
    const lineBytes = pend.starts[fb + nf] - pend.starts[fb];
    out.room(lineBytes + tail.length + 4 * extraField.length + 80);
    cell(cells[8 * i], cells[8 * i + 1]);
    byte(44);
    cell(cells[8 * i + 2], cells[8 * i + 3]);
    byte(44);
    number(i, 0);
    byte(44);
    number(i, 1);
    out.buf.set(tail, out.pos);
    out.pos += tail.length;
    for (let x = 0; x < extraField.length; x++) {
      byte(44);
      const k = extraField[x];
      if (k < nf) {
        trim(fStart(fb, k), fEnd(fb, k));
        cell(ts, te);
      }
    }
    byte(CR3);
    byte(LF4);
    if (nf > droppedChecked) {
      for (let k = droppedChecked; k < nf; k++) {
        const key = keyOf(k);
        if (key !== null && !OWN_CSV_COLUMNS.has(key) && !extraSet.has(key)) dropped.add(key);
      }
      droppedChecked = nf;
    }
  }
  function append(chunk) {
    let from = phase === "start" ? 0 : pos;
    for (let i = 0; i < pend.n; i++)
      if (pend.kind[i] === 0) {
        from = Math.min(from, pend.starts[pend.fieldAt[i]]);
        break;
      }
    const need = len - from + chunk.length;
    if (need > buf.length) {
      const grown = new Uint8Array(Math.max(need, 2 * buf.length));
      grown.set(buf.subarray(from, len));
      buf = grown;
    } else if (from > 0) buf.copyWithin(0, from, len);
    if (from > 0) {
      len -= from;
      pos -= from;
      pend.shift(from);
    }
    buf.set(chunk, len);
    len += chunk.length;
  }
  function step(final) {
    if (phase === "start" && !start(final)) return;
    if (phase !== "rows") return;
    if (report === null) {
      const i = firstNonAscii2(pos);
      if (i >= 0 && !decideFrom(i, final)) return;
    }
    readRows(final);
    flush(final);
  }
  const guard = (work) => {
    if (fatal !== null || phase === "done") return;
    try {
      work();
    } catch (e) {
      fatal = e instanceof CsvFatal || e instanceof RecordTooLong ? e.message : `could not read the CSV: ${errorMessage(e)}`;
    }
  };
  return {
    get declined() {
      return declined;
    },
    push(chunk) {
      guard(() => {
        if (chunk.length === 0) return;
        if (chunk.indexOf(0) !== -1) throw new CsvFatal(binaryMessage("nul"));
        append(chunk);
        step(false);
      });
    },
    end() {
      guard(() => {
        step(true);
        if (phase === "done") return;
        if (phase === "start") throw new CsvFatal("file is empty");
        flush(true);
        rows.end();
        if (writing) {
          if (!started) startOutput(0);
          out.flush();
        }
      });
      return {
        fatal,
        encoding: report ?? { encoding: "utf-8", bom: false, how: "ascii" },
        total: fatal === null ? rows.index : 0,
        linked,
        outside,
        bad: bad2,
        swappable,
        droppedColumns: [...dropped]
      };
    }
  };
}

// src/loaders/schemas.ts
import { z } from "zod/mini";

// src/loaders/data-ids.ts
var LINK_VIAS = ["designation", "zone", "list"];
var LINK_BY = ["point", "footprint"];
var POSITION_METHODS = ["published", "anchor", "container", "estimate"];
var DATUM_CHECKS = ["agrees", "converted", "unchecked"];
var FOOTPRINT_METHODS = ["four-bounds", "circle"];
var BATCH_YEARS = [2020, 2021, 2022];
var TARGET_STATUSES = ["met", "not-met", "met-proxy", "not-comparable", "no-data"];
var COMPARABILITY = ["same", "proxy", "context"];
var SOURCE_CONFIDENCES = ["high", "medium", "low"];

// src/loaders/schemas.ts
var text = z.string().check(z.minLength(1));
var url = z.string().check(z.regex(/^https?:\/\/\S+$/, "must be an http(s) URL"));
var kebab = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be ascii kebab-case"));
var CLAUSE_RE = /^[一二三四五六七]（[一二三四五六七八九十]）(?:[0-9]+)?$/;
var clause = z.string().check(z.regex(CLAUSE_RE, "must look like \u4E94\uFF08\u4E09\uFF09 or \u4E09\uFF08\u4E03\uFF093"));
var topSector = z.enum(TOP_SECTOR_IDS, { error: (iss) => `unknown sector id '${String(iss.input)}'` });
var TargetSchema = z.object({
  year: z.literal(2025),
  value: z.number().check(z.positive()),
  unit: text,
  approx: z.boolean(),
  measures_zh: text,
  measures_en: text,
  phrase: text,
  clause
});
var SectorNodeSchema = z.object({
  id: kebab,
  name_zh: text,
  name_en: text,
  /** why this node sits where it does (the mapping choice), in both languages */
  note_zh: z.optional(text),
  note_en: z.optional(text)
});
var SectorSchema = z.object({
  id: topSector,
  name_zh: text,
  name_en: text,
  kind: z.enum(["strategic", "leading"]),
  clause,
  target: z.nullable(TargetSchema),
  target_note_zh: z.optional(text),
  target_note_en: z.optional(text),
  children: z.array(SectorNodeSchema)
});
var SectorsFileSchema = z.object({
  version: z.literal(1),
  source: text,
  sectors: z.array(SectorSchema)
});
var DesignationSchema = z.object({
  sector: topSector,
  /** taxonomy node id: the top-level id itself, or one of its children */
  node: kebab,
  clause,
  /** the plan's words, verbatim (checked against the clause text at build time) */
  phrase: text,
  /** where the plan names this place inside a list of places (e.g. the nine cores of 五（三）): its words for the place */
  named_as: z.optional(text),
  /** a remark on the reading (e.g. a pairing read from a park's name), in both languages */
  note_zh: z.optional(text),
  note_en: z.optional(text)
});
var ListRefSchema = z.object({
  /** the category as the list words it, and in English */
  category_zh: text,
  category_en: text,
  /** the document the membership and category are read from (the catalogue itself, or the page that reports it) */
  document_zh: text,
  document_en: text,
  /** its date, YYYY-MM-DD or YYYY-MM (null where the page gives none) */
  date: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}(?:-\d{2})?$/, "must be YYYY-MM or YYYY-MM-DD"))),
  url,
  /** the park's row in the 2022 catalogue, where that row could be read */
  seq: z.nullable(z.int().check(z.positive()))
});
var LinkSchema = z.object({
  sector: topSector,
  node: kebab,
  /** the plan clause (designation, zone); null for a list link */
  clause: z.nullable(clause),
  /** the source's own words: the plan's phrase, or the list's category */
  phrase: text,
  named_as: z.optional(text),
  note_zh: z.optional(text),
  note_en: z.optional(text),
  via: z.enum(LINK_VIAS),
  /** the zone id when via === 'zone' */
  zone: z.nullable(kebab),
  /** for via === 'zone': whether the place's point lies in the zone or only its footprint touches it */
  by: z.optional(z.enum(LINK_BY)),
  /** for via === 'list': the list document, its date and the category */
  list: z.optional(ListRefSchema),
  /** how strongly the link holds (src/geo/strength.ts) */
  strength: z.enum(LINK_STRENGTHS)
});
var bad = (message) => ({ path: [], message });
var show = (v) => typeof v === "string" ? JSON.stringify(v) : String(v);
var lonLat = (p) => !Array.isArray(p) || p.length !== 2 ? bad("must be a [lon, lat] pair") : !Number.isFinite(p[0]) || !Number.isFinite(p[1]) ? bad(`must be finite numbers, got [${p.map(show).join(", ")}]`) : null;
var list = (min, what, each) => (xs) => {
  if (!Array.isArray(xs) || xs.length < min) return bad(`must be ${min}+ ${what}`);
  for (let i = 0; i < xs.length; i++) {
    const b = each(xs[i]);
    if (b) return { path: [i, ...b.path], message: b.message };
  }
  return null;
};
var line = (min) => list(min, "positions", lonLat);
var ring = line(4);
var polygon = list(1, "rings of 4+ positions", ring);
function coordinates(check) {
  return z.custom().check(
    z.superRefine((value, ctx) => {
      const b = check(value);
      if (b) ctx.addIssue({ code: "custom", message: b.message, path: b.path, input: value });
    })
  );
}
var position = coordinates(lonLat);
var PointGeom = z.object({ type: z.literal("Point"), coordinates: position });
var LineGeom = z.object({ type: z.literal("LineString"), coordinates: coordinates(line(2)) });
var MultiLineGeom = z.object({ type: z.literal("MultiLineString"), coordinates: coordinates(list(1, "lines", line(2))) });
var PolygonGeom = z.object({ type: z.literal("Polygon"), coordinates: coordinates(polygon) });
var MultiPolygonGeom = z.object({ type: z.literal("MultiPolygon"), coordinates: coordinates(list(1, "polygons", polygon)) });
var areal = z.discriminatedUnion("type", [PolygonGeom, MultiPolygonGeom]);
function collection(props, geometry) {
  return z.object({
    type: z.literal("FeatureCollection"),
    features: z.array(
      z.object({
        type: z.literal("Feature"),
        id: z.optional(z.union([z.string(), z.number()])),
        geometry,
        properties: props
      })
    )
  });
}
var DistrictPropsSchema = z.object({
  adcode: z.int().check(z.gte(31e4), z.lte(319999)),
  name_zh: text,
  name_en: text,
  /** where the district's one label goes (src/geo/label-points.ts, run by the build) */
  label: position
});
var DistrictsSchema = collection(DistrictPropsSchema, areal);
var ZONE_KINDS = ["pole", "belt", "axis", "cluster"];
var ZonePropsSchema = z.object({
  id: kebab,
  kind: z.enum(ZONE_KINDS),
  /** the plan layout this feature belongs to, e.g. 'two-poles', 'h-belt', 'ic-one-body-two-wings' */
  group: kebab,
  /** its role in the layout, in the plan's words (e.g. 一体, 两翼, 1, 5, X, 两城) */
  role: z.nullable(z.string()),
  name_zh: text,
  name_en: text,
  sectors: z.array(topSector),
  links: z.array(DesignationSchema),
  clause,
  schematic: z.boolean(),
  /** 'sector': a sector-specific cluster layout; 'broad': a pole, belt, axis or corridor, or whole districts */
  scope: z.enum(ZONE_SCOPES),
  /** how it was drawn, in both languages */
  derivation_zh: text,
  derivation_en: text,
  /** for corridors: the axis line they are drawn around */
  axis: z.nullable(kebab),
  /** spherical area in km² (areal zones), null for lines */
  area_km2: z.nullable(z.number().check(z.nonnegative())),
  /** the zone whose outline this one reuses (e.g. the 临港 pole), or null */
  outline_of: z.nullable(kebab),
  /** where the zone's one label goes (src/geo/label-points.ts, run by the build) */
  label: position
});
var ZonesSchema = collection(ZonePropsSchema, z.discriminatedUnion("type", [PolygonGeom, MultiPolygonGeom, LineGeom, MultiLineGeom]));
var PositionRefSchema = z.object({
  name_zh: text,
  name_en: text,
  /** what the coordinate is of: the place itself, a station, a town, an airport, a larger area, … */
  what: z.enum(["itself", "station", "town", "airport", "landmark", "area"]),
  /** where the coordinate is published (for an area: the source of the point we use for it) */
  source: text,
  /** great-circle distance from the place's point to this coordinate, metres (computed by the build) */
  distance_m: z.number().check(z.nonnegative()),
  datum: z.enum(DATUM_CHECKS)
});
var PositionSchema = z.object({
  method: z.enum(POSITION_METHODS),
  /** how far the place's reference point may be from the dot, metres */
  radius_m: z.number().check(z.positive()),
  ref: z.nullable(PositionRefSchema),
  /** published coordinates looked at and not used, with the reason */
  rejected: z.array(z.object({ name_zh: text, name_en: text, source: text, reason_zh: text, reason_en: text }))
});
var fact = { source: url, note_zh: z.optional(text), note_en: z.optional(text) };
var BlockSchema = z.object({
  /** the block's name (null where the list names no blocks, written ——) */
  name_zh: z.nullable(text),
  name_en: z.nullable(text),
  east: z.nullable(text),
  south: z.nullable(text),
  west: z.nullable(text),
  north: z.nullable(text),
  ...fact
});
var ListingSchema = z.object({
  /** the place's name on the list (as the source words it) */
  name_zh: text,
  /** the page that shows the place is on the list */
  listed: z.object({ ...fact }),
  /** the park's row in the 2022 catalogue, where that row could be read */
  seq: z.nullable(z.int().check(z.positive())),
  category: z.nullable(z.object({ zh: text, en: text, sector: topSector, node: kebab, ...fact })),
  batch: z.nullable(z.object({ year: z.literal(BATCH_YEARS), date: text, ...fact })),
  /** stated areas, km²; where figures differ each is kept (none is averaged) */
  areas: z.array(
    z.object({
      km2: z.number().check(z.positive()),
      /** 'catalogue': the 2022 catalogue's area; 'other': another page's figure (its definition in `what`) */
      kind: z.enum(["catalogue", "other"]),
      what_zh: text,
      what_en: text,
      /** the footprint is drawn at this area */
      footprint: z.boolean(),
      ...fact
    })
  ),
  /** the district where a source states it */
  district: z.nullable(z.object({ name_zh: text, ...fact })),
  blocks: z.array(BlockSchema)
});
var ParkPropsSchema = z.object({
  id: kebab,
  name_zh: text,
  name_en: text,
  /** why the place is on the map: named by the plan, on the official list, or both */
  basis: z.array(z.enum(BASES)).check(z.minLength(1)),
  confidence: z.enum(CONFIDENCES),
  /** where the position comes from: the URL of the coordinate used ('' for an estimate that rests on none) */
  source: z.string(),
  location_note_zh: text,
  location_note_en: text,
  position: PositionSchema,
  /** true where the plan does not name the place (the same as basis without 'plan') */
  beyond_plan: z.boolean(),
  /** the official list's facts, where the place is on it */
  listing: z.nullable(ListingSchema),
  designations: z.array(DesignationSchema),
  district: z.nullable(z.string()),
  zones: z.array(kebab),
  sectors: z.array(topSector),
  links: z.array(LinkSchema),
  /** spherical area (km²) of the footprint, where one is drawn */
  footprint_km2: z.nullable(z.number())
});
var ParksSchema = collection(ParkPropsSchema, z.discriminatedUnion("type", [PointGeom, PolygonGeom]));
var BasemapPropsSchema = z.object({
  id: kebab,
  kind: z.enum(["province", "river", "expressway", "airport"]),
  name_zh: text,
  name_en: text,
  ref: z.optional(z.nullable(z.string())),
  schematic: z.optional(z.boolean()),
  source: z.optional(z.string())
});
var BasemapSchema = collection(BasemapPropsSchema, z.discriminatedUnion("type", [PolygonGeom, MultiPolygonGeom, LineGeom, PointGeom]));
var FootprintPropsSchema = z.object({
  id: kebab,
  park: kebab,
  name_zh: text,
  name_en: text,
  method: z.enum(FOOTPRINT_METHODS),
  schematic: z.literal(true),
  derivation_zh: text,
  derivation_en: text,
  /** spherical area of the drawn polygon, km² */
  area_km2: z.number().check(z.nonnegative()),
  /** the stated area it is drawn at, km², and where that figure is published */
  stated_area_km2: z.number().check(z.positive()),
  area_source: url
});
var FootprintsSchema = collection(FootprintPropsSchema, PolygonGeom);
var OutturnSchema = z.object({
  id: kebab,
  /** the year the figure is for (the last year of a multi-year rate) */
  year: z.int().check(z.gte(2015), z.lte(2026)),
  /** first year of a multi-year rate or change */
  from_year: z.nullable(z.int()),
  /** part of the year, where the figure is not for a full year */
  part: z.nullable(z.enum(["H1", "Q1-Q3", "Jan-May", "Jan-Nov"])),
  /** 'outturn' a figure for 2021–2025; 'base' a figure for 2020 or before (the baseline's year); 'derived' computed by the build */
  role: z.enum(["outturn", "base", "derived"]),
  /** the figure in the target's unit (null for a qualitative statement) */
  value: z.nullable(z.number()),
  /** the figure as published (e.g. 44（左右）, 2.4（突破）) */
  value_text: text,
  /** 'approx' 左右, 'over' 超过/突破/多 */
  qualifier: z.nullable(z.enum(["approx", "over"])),
  unit: text,
  /** the measure as the source names it */
  measure_zh: text,
  measure_en: text,
  comparability: z.enum(COMPARABILITY),
  definition_note_zh: text,
  definition_note_en: text,
  /** the page the figure is read from (a derived figure: the page of its later input) */
  source: url,
  confidence: z.enum(SOURCE_CONFIDENCES),
  /** ids of figures for the same thing that disagree with this one (kept side by side) */
  conflicts_with: z.array(kebab),
  /** for role 'derived': the ids it is computed from and how */
  derived_from: z.nullable(z.object({ ids: z.array(kebab), formula: z.enum(["cagr", "ratio"]) }))
});
var planQuote = z.object({
  /** the plan's words, verbatim (checked against the clause at build time) */
  phrase: text,
  clause,
  /** the figure as stated, in the plan's words (e.g. 20%以上), and in English */
  text_zh: text,
  text_en: text,
  value: z.nullable(z.number()),
  unit: z.nullable(text)
});
var ScorecardTargetSchema = z.object({
  id: kebab,
  sector: z.union([z.literal("overall"), topSector]),
  measure_zh: text,
  measure_en: text,
  target: z.object({
    ...planQuote.shape,
    year: z.nullable(z.int()),
    /** how an outturn is held against it: ≥, >, ≈ (左右: 90 % of the figure or more), not below a level, rise above the baseline */
    comparator: z.enum(["at-least", "more-than", "about", "not-below", "increase", "unmeasured"]),
    /** 'level', 'share', 'growth' (%/yr over 2021–2025), 'multiple' of the 2020 level, 'count' */
    kind: z.enum(["level", "share", "growth", "multiple", "count"])
  }),
  baseline: z.nullable(z.object({ ...planQuote.shape, year: z.int() })),
  outturns: z.array(OutturnSchema),
  status: z.enum(TARGET_STATUSES),
  /** the figure that decided the status, if one did */
  status_outturn: z.nullable(kebab),
  status_note_zh: text,
  status_note_en: text,
  note_zh: z.optional(text),
  note_en: z.optional(text)
});
var ContextMeasureSchema = z.object({
  id: kebab,
  measure_zh: text,
  measure_en: text,
  /** the plan's figure for it, where the plan states one (no target) */
  baseline: z.nullable(z.object({ ...planQuote.shape, year: z.int() })),
  outturns: z.array(OutturnSchema),
  note_zh: text,
  note_en: text
});
var TargetsFileSchema = z.object({
  version: z.literal(1),
  plan: z.object({ document: text, title_zh: text, title_en: text }),
  targets: z.array(ScorecardTargetSchema),
  context: z.array(ContextMeasureSchema)
});
var DistrictShareSchema = z.object({
  /** district name_zh */
  district: text,
  /** share of the zone's area in the district, 0–1 */
  share: z.number().check(z.gte(0), z.lte(1)),
  km2: z.number().check(z.nonnegative())
});
var StatsFileSchema = z.object({
  version: z.literal(1),
  /** per zone id: area in km² (null: a line, no area) and its districts, largest share first */
  zones: z.record(z.string(), z.object({ km2: z.nullable(z.number().check(z.nonnegative())), districts: z.array(DistrictShareSchema) })),
  /** per district name_zh: its area in km² (geodesic, from districts.geojson) */
  districts: z.record(z.string(), z.object({ km2: z.number().check(z.positive()) })),
  audit: z.object({
    /** parks inside no zone at all */
    parksOutsideZones: z.array(text),
    /** explicit designations whose sector no containing zone carries */
    unsupported: z.array(z.object({ park: text, sector: text, node: text, clause: text })),
    /** areal zones that contain no park */
    zonesWithoutParks: z.array(text)
  })
});
var ManifestSchema = z.object({
  version: z.literal(1),
  built_at: z.string(),
  plan: z.object({ title: z.string(), document: z.string(), clauses: z.int() }),
  files: z.array(z.object({ name: z.string(), features: z.int().check(z.nonnegative()), bytes: z.int().check(z.positive()), sha256: z.string() })),
  sources: z.array(z.object({ name: z.string(), version: z.string(), license: z.string(), use: z.string() }))
});
function formatDataError(e) {
  return `${e.file}${e.feature ? ` [${e.feature}]` : ""}: ${e.reason}`;
}
function zodErrors(file, error, input) {
  return error.issues.map((issue) => {
    const path = issue.path;
    let feature = null;
    const fi = path.indexOf("features");
    const si = path.indexOf("sectors");
    const pi = path.indexOf("parks");
    const zi = path.indexOf("zones");
    const ti = path.indexOf("targets");
    const ci = path.indexOf("context");
    const at = [fi, si, pi, zi, ti, ci].find((i) => i >= 0);
    if (at !== void 0 && typeof path[at + 1] === "number") {
      const key = path[at];
      const idx = path[at + 1];
      const list2 = input?.[key];
      const item = Array.isArray(list2) ? list2[idx] : void 0;
      const id = item?.properties?.id ?? item?.id;
      feature = typeof id === "string" && id ? id : `#${idx}`;
    }
    return { file, feature, reason: `${path.join(".") || "(root)"}: ${issue.message}` };
  });
}
function parseWith(schema, file, input) {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: zodErrors(file, r.error, input) };
}

// scripts/link.ts
var ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
var GEO_DIR = join(ROOT, "public", "geo");
var USAGE = `Usage: npm run link -- --in FILE --out FILE [--skip-invalid] [--fix-swapped] [--crs CRS] [--encoding ENC]

Links each point to its Shanghai district, the plan's zones containing it and their sectors.
Writes GeoJSON Point features (WGS-84): a FeatureCollection, or one Feature per line when --out
ends in .ndjson, .geojsonl, .geojsons or .jsonl; or CSV (UTF-8 with BOM, opens in Excel) when
--out ends in .csv. A point outside Shanghai is kept: no district, no zones, outside=true.

  --in FILE        points: .csv with a header naming lon,lat (or lng/longitude/\u7ECF\u5EA6, latitude/\u7EAC\u5EA6)
                   and optionally id, name/\u540D\u79F0 (delimiter , ; or TAB); .geojson/.json with Point
                   features; or newline-delimited GeoJSON (.ndjson/.geojsonl/.geojsons/.jsonl)
  --out FILE       the file to write (written only when every row is good, or with --skip-invalid)
  --skip-invalid   write the good points and skip bad rows (they are still listed on stderr)
  --fix-swapped    read rows whose lon/lat are clearly swapped as points, swapped back
  --crs CRS        coordinate system of the input: wgs84 (default), gcj02 (AMap, Tencent) or
                   bd09 (Baidu); converted to WGS-84 before linking
  --encoding ENC   text encoding of the input: auto (default: a BOM, else UTF-8 if valid, else
                   GB18030), utf-8, gbk (= gb18030), utf-16le, utf-16be
  -h, --help       this text

CSV and newline-delimited GeoJSON are streamed: any number of rows, in bounded memory (a
GeoJSON FeatureCollection is read whole: at most ${MAX_FILE_BYTES / 1024 / 1024} MB). Bad rows are listed on stderr as
they are met, as FILE:LINE: reason (CSV, newline-delimited GeoJSON) or FILE: feature N: reason
(GeoJSON, N counts from 0 as in features[N]). A CSV output's extra columns are the input's
columns met in its first ${"4,096"} rows. On a terminal a progress line shows rows and rows/s.
Exit codes: 0 written, 1 bad input (nothing written), 2 usage error. Needs public/geo from
\`npm run build:data\`.`;
var defaultIO = {
  openRead(path) {
    const fd = openSync(path, "r");
    return {
      size: fstatSync(fd).size,
      read: (into) => readSync(fd, into, 0, into.length, null),
      close: () => closeSync(fd)
    };
  },
  openWrite(path) {
    const fd = openSync(path, "w");
    return {
      write: (bytes) => {
        let at = 0;
        while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
      },
      close: () => closeSync(fd)
    };
  },
  rename: (from, to) => renameSync(from, to),
  remove: (p) => rmSync(p, { force: true }),
  readFile: (p) => readFileSync(p),
  exists: (p) => existsSync(p),
  stdout: (l) => process.stdout.write(`${l}
`),
  stderr: (l) => process.stderr.write(`${l}
`),
  progress: process.stderr.isTTY ? (l) => process.stderr.write(`\r\x1B[K${l}`) : null,
  geoDir: GEO_DIR,
  chunkBytes: 1024 * 1024,
  bytePath: true
};
var PROGRESS_MS = 250;
var FLAGS_WITH_VALUE = /* @__PURE__ */ new Set(["--in", "--out", "--crs", "--encoding"]);
function parseArgs(args) {
  const values = /* @__PURE__ */ new Map();
  let skipInvalid = false;
  let fixSwapped = false;
  const fail = (message) => ({ ok: false, help: false, message });
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-h" || arg === "--help") return { ok: false, help: true, message: "" };
    if (arg === "--skip-invalid") {
      skipInvalid = true;
      continue;
    }
    if (arg === "--fix-swapped") {
      fixSwapped = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (!FLAGS_WITH_VALUE.has(flag)) {
      return fail(arg.startsWith("-") ? `unknown option ${arg}` : `unexpected argument ${JSON.stringify(arg)}`);
    }
    let value;
    if (flag !== arg) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      if (value !== void 0 && value.startsWith("--")) value = void 0;
      else i++;
    }
    if (value === void 0 || value === "") return fail(`${flag} needs a value`);
    if (values.has(flag)) return fail(`${flag} given twice`);
    values.set(flag, value);
  }
  const inFile = values.get("--in") ?? null;
  const outFile = values.get("--out") ?? null;
  if (inFile === null && outFile === null) return fail("missing --in FILE and --out FILE");
  if (inFile === null) return fail("missing --in FILE");
  if (outFile === null) return fail("missing --out FILE");
  const crsArg = values.get("--crs");
  const crs = crsArg === void 0 ? "wgs84" : parseCrs(crsArg);
  if (crs === null) return fail(`--crs must be wgs84, gcj02 or bd09 (got ${JSON.stringify(crsArg)})`);
  const encArg = values.get("--encoding");
  const encoding = encArg === void 0 ? "auto" : parseEncodingChoice(encArg);
  if (encoding === null) return fail(`--encoding must be auto, utf-8, gbk, gb18030, utf-16le or utf-16be (got ${JSON.stringify(encArg)})`);
  if (resolve(inFile) === resolve(outFile)) return fail("--out must not be the input file");
  return { ok: true, options: { inFile, outFile, skipInvalid, fixSwapped, crs, encoding } };
}
function loadGeo(io = defaultIO) {
  const read = (name, schema) => {
    const path = join(io.geoDir, name);
    if (!io.exists(path)) throw new GeoError(`${path} not found: run \`npm run build:data\` first`);
    let doc;
    try {
      doc = JSON.parse(new TextDecoder().decode(io.readFile(path)));
    } catch (e) {
      throw new GeoError(`${path}: cannot read (${e.message}); run \`npm run build:data\` again`);
    }
    const r = parseWith(schema, name, doc);
    if (!r.ok) {
      const first = r.errors.slice(0, 3).map(formatDataError).join("; ");
      throw new GeoError(`${path} is not valid (${first}); run \`npm run build:data\` again`);
    }
    return r.data;
  };
  try {
    const districts = read("districts.geojson", DistrictsSchema);
    const zones = read("zones.geojson", ZonesSchema);
    return { districts: districts.features, zones: zones.features };
  } catch (e) {
    if (e instanceof GeoError) return e.message;
    throw e;
  }
}
var GeoError = class extends Error {
};
function bboxOf(features) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polys)
      for (const ring2 of rings)
        for (const [x, y] of ring2) {
          if (x < b[0]) b[0] = x;
          if (y < b[1]) b[1] = y;
          if (x > b[2]) b[2] = x;
          if (y > b[3]) b[3] = y;
        }
  }
  return b;
}
function whereOf(file, e) {
  if (e.line !== null) return `${file}:${e.line}`;
  if (e.index !== null) return `${file}: feature ${e.index}`;
  return file;
}
var plural = (n, w) => `${n} ${w}${n === 1 ? "" : "s"}`;
var fmtInt2 = (n) => Math.round(n).toLocaleString("en-US");
function outFormatOf(outFile) {
  if (/\.csv$/i.test(outFile)) return "csv";
  return isGeoJsonSeqName(outFile) ? "seq" : "geojson";
}
function readsWhole(inFile, start) {
  if (isGeoJsonSeqName(inFile)) return false;
  const byName = formatFromName(inFile);
  if (byName) return byName === "geojson";
  return sniffFormat(new TextDecoder().decode(start.subarray(0, 4096))) === "geojson";
}
function expectedRows(start, size) {
  let lines = 0;
  for (let i = 0; i < start.length; i++) if (start[i] === 10) lines++;
  if (lines === 0 || start.length === 0) return 0;
  return Math.ceil(size * lines / start.length * 1.05);
}
function partialPath(outFile) {
  return join(dirname(outFile), `.${basename(outFile)}.${process.pid}.part`);
}
var ByteOut = class {
  constructor(sink) {
    this.sink = sink;
  }
  sink;
  buf = Buffer.allocUnsafe(4 * 1024 * 1024);
  pos = 0;
  text(s) {
    if (this.pos + 3 * s.length > this.buf.length) {
      this.flush();
      if (3 * s.length > this.buf.length) return this.sink.write(Buffer.from(s, "utf8"));
    }
    this.pos += this.buf.write(s, this.pos);
  }
  bytes(b) {
    if (this.pos + b.length > this.buf.length) {
      this.flush();
      if (b.length > this.buf.length) return this.sink.write(b);
    }
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  flush() {
    if (this.pos === 0) return;
    this.sink.write(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }
};
var OutputWriter = class {
  constructor(format, sink, combos, districtNames, bad2) {
    this.format = format;
    this.combos = combos;
    this.districtNames = districtNames;
    this.bad = bad2;
    this.out = new ByteOut(sink);
  }
  format;
  combos;
  districtNames;
  bad;
  csvExtra = null;
  row = null;
  out;
  wroteAny = false;
  /** input columns a CSV cannot carry (met after the first batch) */
  droppedColumns = /* @__PURE__ */ new Set();
  /** linker keys that replaced input columns (GeoJSON) */
  replaced = /* @__PURE__ */ new Set();
  good = 0;
  outside = 0;
  start(batch) {
    if (this.format === "csv") {
      const extra = [];
      const seen = /* @__PURE__ */ new Set();
      for (let i = 0; i < (batch?.n ?? 0); i++)
        for (const k of Object.keys(batch.points[i].properties))
          if (!seen.has(k)) {
            seen.add(k);
            if (!OWN_CSV_COLUMNS.has(k)) extra.push(k);
          }
      this.csvExtra = new Set(extra);
      this.out.text(`${BOM}${linkedCsvHeader(extra)}\r
`);
      return this.row = linkedCsvWriter(extra);
    }
    if (this.format === "geojson") {
      this.out.text('{"type":"FeatureCollection","features":[\n');
      return this.row = linkedFeatureWriter("");
    }
    return this.row = linkedFeatureWriter("\n");
  }
  rows(batch) {
    const write = this.row ?? this.start(batch);
    const row = { point: batch.points[0], lon: 0, lat: 0, district: null, districtIndex: -1 };
    const extra = this.csvExtra;
    const out = this.out;
    const collection2 = this.format === "geojson";
    for (let i = 0; i < batch.n; i++) {
      const p = batch.points[i];
      const d = batch.district[i];
      const c = batch.combo[i];
      row.point = p;
      row.lon = batch.coords[2 * i];
      row.lat = batch.coords[2 * i + 1];
      row.district = d === OUTSIDE ? null : this.districtNames[d];
      row.districtIndex = d;
      const combo = this.combos[c];
      if (extra !== null) {
        write(row, combo, c, out);
        for (const k in p.properties) if (!OWN_CSV_COLUMNS.has(k) && !extra.has(k)) this.droppedColumns.add(k);
      } else {
        try {
          write(row, combo, c, out, collection2 && this.wroteAny ? ",\n" : "");
        } catch {
          this.bad({ line: p.line, index: p.index, reason: "its properties are nested too deeply to write" });
          continue;
        }
        this.wroteAny = true;
        for (const k of LINK_KEYS) if (Object.prototype.hasOwnProperty.call(p.properties, k)) this.replaced.add(k);
      }
      this.good++;
      if (d === OUTSIDE) this.outside++;
    }
  }
  /** Writes the header an empty output still needs, and the end, and hands over the last bytes. */
  finish() {
    if (this.row === null) this.start(null);
    if (this.format === "geojson") this.out.text("\n]}\n");
    this.out.flush();
  }
};
async function runLink(args, ioOverrides = {}) {
  const io = { ...defaultIO, ...ioOverrides };
  const t0 = performance2.now();
  const parsed = parseArgs(args);
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout(USAGE);
      return 0;
    }
    io.stderr(`link: ${parsed.message}
`);
    io.stderr(USAGE);
    return 2;
  }
  const { inFile, outFile, skipInvalid, fixSwapped, crs, encoding } = parsed.options;
  const outFormat = outFormatOf(outFile);
  const geo = loadGeo(io);
  if (typeof geo === "string") {
    io.stderr(`link: ${geo}`);
    return 1;
  }
  let src;
  try {
    src = io.openRead(inFile);
  } catch (e) {
    const code = e.code;
    io.stderr(`${inFile}: cannot read: ${code === "ENOENT" ? "no such file" : e.message}`);
    return 1;
  }
  const partial = partialPath(outFile);
  let out = null;
  try {
    const chunk = new Uint8Array(Math.max(1, io.chunkBytes));
    let got = src.read(chunk);
    const tooBig = got === 0 ? "file is empty" : readsWhole(inFile, chunk.subarray(0, got)) ? fileSizeProblem(src.size, MAX_FILE_BYTES) : null;
    if (tooBig !== null) {
      io.stderr(`${inFile}: ${tooBig}`);
      io.stderr("link: nothing written");
      return 1;
    }
    try {
      out = io.openWrite(partial);
    } catch (e) {
      io.stderr(`${outFile}: cannot write: ${e.message}`);
      return 1;
    }
    const linker = createLinker(geo.districts, geo.zones);
    let badRows = 0;
    let writing = true;
    const bad2 = (e) => {
      badRows++;
      if (!skipInvalid) writing = false;
      io.stderr(`${whereOf(inFile, e)}: ${e.reason}`);
    };
    const error = (e) => {
      if (e.index === null) io.stderr(`${whereOf(inFile, e)}: note: ${e.reason}`);
      else bad2(e);
    };
    let lastProgress = -Infinity;
    let bytesRead = 0;
    const progress = io.progress;
    const showProgress = (read) => {
      if (progress === null) return;
      const now = performance2.now();
      if (now - lastProgress < PROGRESS_MS) return;
      lastProgress = now;
      const pct = src.size > 0 ? ` (${Math.min(100, 100 * bytesRead / src.size).toFixed(0)}%)` : "";
      progress(`link: ${fmtInt2(read)} rows${pct}, ${fmtInt2(read / (now - t0) * 1e3)} rows/s`);
    };
    const ids = fingerprintIds(expectedRows(chunk.subarray(0, got), src.size));
    const general = () => {
      let writer = null;
      let read = 0;
      const run = createFileLinker(
        linker,
        { fileName: inFile, crs, encoding, maxRows: Infinity, fixSwapped, ids, fingerprint: false },
        {
          rows: (b) => {
            read += b.n;
            if (writing) {
              writer ??= new OutputWriter(outFormat, out, run.combos, run.districtNames, bad2);
              writer.rows(b);
            }
            showProgress(read);
          },
          error
        }
      );
      return {
        push: (bytes) => run.push(bytes),
        end: () => {
          const end2 = run.end();
          return {
            ...end2,
            finish: () => {
              writer ??= new OutputWriter(outFormat, out, run.combos, run.districtNames, bad2);
              writer.finish();
              return { good: writer.good, outside: writer.outside, replaced: [...writer.replaced], dropped: [...writer.droppedColumns] };
            }
          };
        }
      };
    };
    const bytePath = () => {
      if (!io.bytePath || outFormat !== "csv" || encoding === "utf-16le" || encoding === "utf-16be") return null;
      const start = chunk.subarray(0, got);
      const byName = formatFromName(inFile);
      if (byName !== "csv" && (byName !== null || sniffFormat(new TextDecoder().decode(start.subarray(0, 4096))) !== "csv")) return null;
      const bom = bomOf(start);
      if (bom !== null && bom.encoding !== "utf-8") return null;
      const fast = createCsvCsvLinker(
        linker,
        { crs, encoding, fixSwapped, ids, maxRows: Infinity, skipInvalid },
        { write: (b) => out.write(b), error, progress: showProgress }
      );
      return {
        push: (bytes) => fast.push(bytes),
        get declined() {
          return fast.declined;
        },
        end: () => {
          const end2 = fast.end();
          return {
            format: "csv",
            ...end2,
            finish: () => ({ good: end2.linked, outside: end2.outside, replaced: [], dropped: end2.droppedColumns })
          };
        }
      };
    };
    let linking = bytePath() ?? general();
    while (got > 0) {
      bytesRead += got;
      linking.push(chunk.subarray(0, got));
      const declined2 = linking.declined;
      if (declined2) {
        linking = general();
        linking.push(declined2);
      }
      got = src.read(chunk);
    }
    let end = linking.end();
    const declined = linking.declined;
    if (declined) {
      linking = general();
      linking.push(declined);
      end = linking.end();
    }
    if (progress !== null) progress("");
    if (end.fatal !== null) {
      io.stderr(`${inFile}: ${end.fatal}`);
      io.stderr("link: nothing written");
      return 1;
    }
    const rowWord = end.format === "csv" ? "row" : "feature";
    const readAs = `read as ${ENCODING_LABEL[end.encoding.encoding]}`;
    if (badRows > 0 && !skipInvalid) {
      const swapHint = end.swappable > 0 && !fixSwapped ? `; ${plural(end.swappable, rowWord)} look${end.swappable === 1 ? "s" : ""} lon/lat swapped: --fix-swapped reads them swapped back` : "";
      const good2 = end.linked;
      io.stderr(
        `link: ${plural(badRows, `bad ${rowWord}`)} of ${end.total}; nothing written (fix them, or pass --skip-invalid to write the ${plural(good2, "good point")})${swapHint}`
      );
      return 1;
    }
    const done = end.finish();
    out.close();
    out = null;
    if (done.replaced.length > 0) io.stderr(`link: note: input column(s) ${done.replaced.join(", ")} are replaced by the linker's values`);
    if (done.dropped.length > 0) io.stderr(`link: note: column(s) ${done.dropped.join(", ")} first met after the first rows are not in the CSV`);
    const good = done.good;
    if (good === 0 && end.total > 0)
      io.stderr(`link: warning: no valid points; writing an empty ${outFormat === "csv" ? "CSV" : outFormat === "seq" ? "file" : "FeatureCollection"}`);
    try {
      io.rename(partial, outFile);
    } catch (e) {
      io.stderr(`${outFile}: cannot write: ${e.message}`);
      return 1;
    }
    const where = done.outside > 0 ? ` (${done.outside} outside Shanghai)` : " (none outside Shanghai)";
    const ms = performance2.now() - t0;
    const skipped = badRows > 0 ? `, ${plural(badRows, `invalid ${rowWord}`)} skipped` : ", 0 skipped";
    const crsText = crs === "wgs84" ? "WGS-84" : `${CRS_LABEL[crs]} \u2192 WGS-84`;
    const rate = ms > 0 ? ` (${fmtInt2(end.total / ms * 1e3)} rows/s)` : "";
    io.stdout(`link: ${good} linked${where}${skipped} in ${ms.toFixed(0)} ms (${readAs}; ${crsText}) \u2192 ${outFile}${rate}`);
    return 0;
  } finally {
    src.close();
    if (out !== null) {
      out.close();
      io.remove(partial);
    }
  }
}
function isMain(metaUrl) {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return metaUrl === pathToFileURL(realpathSync(entry)).href || metaUrl === pathToFileURL(entry).href;
  } catch {
    return false;
  }
}
if (isMain(import.meta.url)) {
  process.exitCode = await runLink(process.argv.slice(2));
}
export {
  GEO_DIR,
  ROOT,
  USAGE,
  bboxOf,
  isMain,
  loadGeo,
  parseArgs,
  runLink
};
