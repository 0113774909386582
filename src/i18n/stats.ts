/**
 * UI strings of the statistics view: they load with the view (`st`), so the first view does not
 * carry them; the launcher's few are in ./stats-launch.ts.
 */
import type { Lang } from '../domain/types';

const STATS_STRINGS = {
  statsTabs: { zh: '统计内容', en: 'Statistics views' },
  tab_matrix: { zh: '产业 × 区', en: 'Sector × district' },
  tab_zones: { zh: '空间布局', en: 'Zones' },
  tab_district: { zh: '区概况', en: 'District profile' },
  tab_audit: { zh: '核对清单', en: 'Audit' },
  tab_scorecard: { zh: '规划目标', en: 'Scorecard' },
  matrixCaption: { zh: '各产业在各区的园区数', en: 'Parks per sector and district' },
  matrixBasis: {
    zh: '计算自本图数据，按当前其他筛选（{strengths}）。一个园区服务几个产业，就在每个产业中各计一次；“全部园区”每个园区只计一次。选择一格即按该产业和该区筛选地图和列表。',
    en: 'Computed from this map’s data under the other filters in use ({strengths}). A park serving several sectors counts once in each; “all parks” counts each park once. Choosing a cell filters the map and the list by that sector and district.',
  },
  matrixStrong: {
    zh: '只计规划点名、列入名单和位于产业集群布局内的关联',
    en: 'links named by the plan, on the official list or inside a sector’s cluster only',
  },
  matrixBroad: { zh: '包括大范围布局的关联', en: 'links inside broad areas included' },
  matrixSector: { zh: '产业', en: 'Sector' },
  matrixRowTotal: { zh: '合计', en: 'Total' },
  matrixAllParks: { zh: '全部园区', en: 'All parks' },
  matrixCell: { zh: '{sector}，{district}：{n} 个园区', en: '{sector}, {district}: {n} parks' },
  matrixRowAll: { zh: '{sector}，全市：{n} 个园区', en: '{sector}, all districts: {n} parks' },
  matrixColAll: { zh: '{district}，全部园区：{n} 个', en: '{district}, all parks: {n}' },
  matrixExpand: { zh: '显示{sector}的子产业', en: 'Show the sub-sectors of {sector}' },
  matrixCurrent: { zh: '（当前筛选）', en: ' (current filter)' },
  matrixEmpty: { zh: '当前筛选下没有园区，矩阵为空。', en: 'The filters leave no park: the matrix is empty.' },
  matrixLeading: {
    zh: '六个先导产业不在表中：规划没有为它们指定地点，没有与之关联的园区。',
    en: 'The six leading industries are not in the table: the plan names no place for them, and no park is linked to them.',
  },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
} as const;

export type StatsStringKey = keyof typeof STATS_STRINGS;

/** A string of the statistics view in `lang`, `{name}` placeholders filled from `vars`. */
export function st(lang: Lang, key: StatsStringKey, vars: Record<string, string | number> = {}): string {
  let s: string = STATS_STRINGS[key][lang];
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}
