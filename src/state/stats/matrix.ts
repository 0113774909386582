/**
 * The statistics view's sector × district matrix (pure): how many parks each sector (top level or
 * sub-sector) has in each district under every filter but the sector and district filters, which
 * the matrix itself chooses. A cell is what choosing it shows: the one visibility rule with that
 * sector and that district (`visibleParks`), computed here in one pass over the parks.
 */
import type { ParkProps, SectorsFile } from '../../loaders/schemas';
import { visibleParks } from '../filter';
import type { ParkFilters } from '../filter';

/** A matrix row: a top-level sector, or a sub-sector under its `top`. */
export interface MatrixRow {
  id: string;
  top: string;
  isTop: boolean;
}

export interface SectorDistrictMatrix {
  rows: MatrixRow[];
  /** district names (name_zh), in the order given */
  districts: string[];
  /** counts[row][column]: parks of the row's sector in the column's district */
  counts: number[][];
  /** per row: parks of the sector in any district (a park outside every district counts here only) */
  rowTotals: number[];
  /** per column: every park in the district that the other filters let through, whatever its sector */
  colTotals: number[];
  /** every park the other filters let through */
  total: number;
  /** the largest cell (for shading; 0 when every cell is empty) */
  max: number;
}

/** Every sector node of the sectors file as a row: each top-level sector followed by its sub-sectors. */
export function matrixRows(file: SectorsFile | null, kind: 'strategic' | 'leading' | null = 'strategic'): MatrixRow[] {
  const out: MatrixRow[] = [];
  for (const s of file?.sectors ?? []) {
    if (kind && s.kind !== kind) continue;
    out.push({ id: s.id, top: s.id, isTop: true });
    for (const c of s.children) out.push({ id: c.id, top: s.id, isTop: false });
  }
  return out;
}

/**
 * Parks per sector row and district under `f`, its sector and district filters set aside (every
 * other filter, the allowed link strengths included, applies). A park counts once per row however
 * many of its links match, and once per column; a park serving several sectors counts in each.
 */
export function sectorDistrictMatrix(
  parks: readonly ParkProps[],
  f: ParkFilters,
  sectors: SectorsFile | null,
  rows: readonly MatrixRow[],
  districts: readonly string[],
): SectorDistrictMatrix {
  const rowOf = new Map<string, number>();
  rows.forEach((r, i) => rowOf.set(r.id, i));
  const colOf = new Map<string, number>();
  districts.forEach((d, i) => colOf.set(d, i));
  const counts = rows.map(() => new Array<number>(districts.length).fill(0));
  const rowTotals = new Array<number>(rows.length).fill(0);
  const colTotals = new Array<number>(districts.length).fill(0);
  const seen = new Int32Array(rows.length).fill(-1);
  const allowed = f.strengths ? new Set(f.strengths) : null;
  const base = visibleParks(parks, { ...f, sectors: [], districts: [] }, sectors);
  base.forEach((p, k) => {
    const col = p.district === null ? undefined : colOf.get(p.district);
    if (col !== undefined) colTotals[col]!++;
    for (const l of p.links) {
      if (allowed && !allowed.has(l.strength)) continue;
      // a top-level row matches every link of its sector; a sub-sector row only links to its node
      for (const id of l.node === l.sector ? [l.sector] : [l.sector, l.node]) {
        const r = rowOf.get(id);
        if (r === undefined || seen[r] === k) continue;
        seen[r] = k;
        rowTotals[r]!++;
        if (col !== undefined) counts[r]![col]!++;
      }
    }
  });
  let max = 0;
  for (const row of counts) for (const n of row) if (n > max) max = n;
  return { rows: [...rows], districts: [...districts], counts, rowTotals, colTotals, total: base.length, max };
}
