/**
 * The statistics view's tables as CSV (pure): a header line and rows through the project's
 * spreadsheet-safe writer (src/export/csv-cell.ts), with the byte order mark Excel needs for
 * Chinese, and a last line naming the source. Null cells stay empty ("no data", never 0).
 */
import { BOM, csvLine } from '../../export/csv-cell';
import type { Lang } from '../../domain/types';
import type { SectorDistrictMatrix } from './matrix';

type Cell = string | number | null;

export function tableCsv(header: readonly Cell[], rows: readonly (readonly Cell[])[], source: string): string {
  return `${BOM}${[header, ...rows, [], [source]].map((r) => csvLine(r)).join('\r\n')}\r\n`;
}

/** The matrix as CSV: one row per sector, one column per district, the totals last. */
export function matrixCsv(
  m: SectorDistrictMatrix,
  names: { sector: (id: string) => string; district: (name_zh: string) => string },
  lang: Lang,
  source: string,
): string {
  const zh = lang === 'zh';
  const header = [zh ? '产业' : 'Sector', zh ? '产业编号' : 'Sector id', ...m.districts.map(names.district), zh ? '合计' : 'Total'];
  const rows = m.rows.map((r, i) => [names.sector(r.id), r.id, ...m.counts[i]!, m.rowTotals[i]!]);
  rows.push([zh ? '全部园区' : 'All parks', '', ...m.colTotals, m.total]);
  return tableCsv(header, rows, source);
}
