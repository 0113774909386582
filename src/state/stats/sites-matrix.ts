/**
 * Imported sites per sector row and district (pure): the sector × district matrix counted over the
 * user's linked site sets instead of the parks. A site counts once per row that one of its links
 * (of the allowed strengths) matches — a top-level row any link of its sector, a sub-sector row a
 * link to its node — and once in its district's column; a site outside every district counts in
 * the row totals and the grand total only. Links are shared per combination (`combos`), so the
 * rows a combination matches are worked out once and each site costs a few array increments.
 */
import type { LinkStrength } from '../../domain/ids';
import type { SiteSet } from '../../geo/sites';
import type { MatrixRow, SectorDistrictMatrix } from './matrix';

export function sitesDistrictMatrix(
  sets: readonly Pick<SiteSet, 'count' | 'district' | 'districtNames' | 'combo' | 'combos'>[],
  strengths: readonly LinkStrength[] | null,
  rows: readonly MatrixRow[],
  districts: readonly string[],
): SectorDistrictMatrix {
  const rowOf = new Map<string, number>();
  rows.forEach((r, i) => rowOf.set(r.id, i));
  const colOf = new Map<string, number>();
  districts.forEach((d, i) => colOf.set(d, i));
  const R = rows.length;
  const C = districts.length;
  const cells = new Float64Array(R * C);
  const rowTotals = new Array<number>(R).fill(0);
  const colTotals = new Array<number>(C).fill(0);
  const allowed = strengths ? new Set(strengths) : null;
  let total = 0;
  for (const set of sets) {
    // the rows each combination matches, once per set
    const comboRows = set.combos.map((c) => {
      const hit = new Set<number>();
      for (const l of c.links) {
        if (allowed && !allowed.has(l.strength)) continue;
        for (const id of l.node === l.sector ? [l.sector] : [l.sector, l.node]) {
          const r = rowOf.get(id);
          if (r !== undefined) hit.add(r);
        }
      }
      return Int32Array.from(hit);
    });
    const colOfSet = set.districtNames.map((d) => colOf.get(d) ?? -1);
    for (let i = 0; i < set.count; i++) {
      total++;
      const di = set.district[i]!;
      // a negative index is OUTSIDE (src/geo/sites.ts; not imported, so this chunk does not carry the CRS code)
      const col = di < 0 ? -1 : colOfSet[di]!;
      if (col >= 0) colTotals[col]!++;
      const hit = comboRows[set.combo[i]!]!;
      for (let k = 0; k < hit.length; k++) {
        const r = hit[k]!;
        rowTotals[r]!++;
        if (col >= 0) cells[r * C + col]!++;
      }
    }
  }
  const counts = rows.map((_, r) => Array.from(cells.subarray(r * C, r * C + C)));
  let max = 0;
  for (const row of counts) for (const n of row) if (n > max) max = n;
  return { rows: [...rows], districts: [...districts], counts, rowTotals, colTotals, total, max };
}
