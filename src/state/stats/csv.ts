/**
 * The statistics view's tables as CSV (pure): a header line and rows through the project's
 * spreadsheet-safe writer (src/export/csv-cell.ts), with the byte order mark Excel needs for
 * Chinese, and a last line naming the source. Null cells stay empty ("no data", never 0).
 */
import { BOM, csvLine } from '../../export/csv-cell';
import type { Lang } from '../../domain/types';
import type { SectorDistrictMatrix } from './matrix';
import type { TargetsFile } from '../../loaders/schemas';
import { unitText } from './scorecard';

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

/**
 * The scorecard as CSV: one line per reported figure, and one line with empty figure cells for a
 * target with none (its status says "no data"; the figure is empty, never 0).
 */
export function scorecardCsv(file: TargetsFile, lang: Lang): string {
  const zh = lang === 'zh';
  const header = zh
    ? [
        '目标编号',
        '指标',
        '产业',
        '判断',
        '目标',
        '目标年',
        '目标值',
        '单位',
        '基期年',
        '基期值',
        '年份',
        '公布的数字',
        '数值',
        '数字单位',
        '口径',
        '可信度',
        '矛盾的数字',
        '来源',
      ]
    : [
        'target id',
        'measure',
        'sector',
        'status',
        'target',
        'target year',
        'target value',
        'unit',
        'baseline year',
        'baseline value',
        'year',
        'figure as published (Chinese)',
        'value',
        'figure unit',
        'comparability',
        'confidence',
        'disagrees with',
        'source',
      ];
  const rows: Cell[][] = [];
  for (const t of file.targets) {
    const head: Cell[] = [
      t.id,
      zh ? t.measure_zh : t.measure_en,
      t.sector,
      t.status,
      zh ? t.target.text_zh : t.target.text_en,
      t.target.year,
      t.target.value,
      unitText(t.target.unit, lang),
      t.baseline?.year ?? null,
      t.baseline?.value ?? null,
    ];
    if (t.outturns.length === 0) rows.push([...head, null, null, null, null, null, null, null, null]);
    for (const o of t.outturns)
      rows.push([...head, o.year, o.value_text, o.value, unitText(o.unit, lang), o.comparability, o.confidence, o.conflicts_with.join(' '), o.source]);
  }
  const source = `${zh ? '来源：规划' : 'Source: the plan'} ${file.plan.document}; ${zh ? '各数字的来源见最后一列' : 'each figure’s source in the last column'}`;
  return tableCsv(header, rows, source);
}
