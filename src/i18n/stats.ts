/**
 * UI strings of the statistics view: they load with the view (`st`), so the first view does not
 * carry them; the launcher's few are in ./stats-launch.ts.
 */
import type { Lang } from '../domain/types';

const STATS_STRINGS = {
  statsTabs: { zh: '统计内容', en: 'Statistics views' },
  tab_matrix: { zh: '产业 × 区', en: 'Sector × district' },
  tab_zones: { zh: '空间布局', en: 'Zones' },
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
  scoreIntro: {
    zh: '规划（{plan}）的每项量化目标：基期、目标、各年公布的实际数和判断。实际数按来源原样列出；口径不同的只作参考，互相矛盾的并排列出。',
    en: 'Every quantified target of the plan ({plan}): baseline, target, the figures reported by year, and the status. Figures are given as their sources publish them; other measures are context only, and figures that disagree are shown side by side.',
  },
  scoreLoading: { zh: '正在加载规划目标…', en: 'Loading the plan’s targets…' },
  scoreFailed: { zh: '规划目标无法加载：{error}', en: 'The plan’s targets could not be loaded: {error}' },
  status_met: { zh: '已达到', en: 'Met' },
  'status_not-met': { zh: '未达到', en: 'Not met' },
  'status_met-proxy': { zh: '按近似指标已达到', en: 'Met on a proxy' },
  'status_not-comparable': { zh: '无可比数据', en: 'Not comparable' },
  'status_no-data': { zh: '无数据', en: 'No data' },
  scoreTarget: { zh: '目标', en: 'Target' },
  scoreBaseline: { zh: '基期', en: 'Baseline' },
  scoreNone: { zh: '无', en: 'none' },
  scoreClause: { zh: '规划第{clause}条', en: 'plan, clause {clause}' },
  scoreFigures: { zh: '公布的数字（{n}）', en: 'Reported figures ({n})' },
  scoreNoFigures: { zh: '没有找到公布的数字：无数据。', en: 'No reported figure was found: no data.' },
  scoreConflicts: { zh: '互相矛盾的数字', en: 'Figures that disagree' },
  scoreYear: { zh: '年份', en: 'Year' },
  scoreValue: { zh: '数值', en: 'Figure' },
  scoreMeasure: { zh: '来源所称指标', en: 'Measure as the source names it' },
  scoreComparability: { zh: '口径', en: 'Comparability' },
  scoreConfidence: { zh: '可信度', en: 'Confidence' },
  scoreSource: { zh: '来源', en: 'Source' },
  scoreSourceLink: { zh: '来源', en: 'source' },
  comparability_same: { zh: '同一指标', en: 'same measure' },
  comparability_proxy: { zh: '近似指标', en: 'proxy' },
  comparability_context: { zh: '仅作参考', en: 'context only' },
  role_base: { zh: '基期', en: 'base year' },
  role_derived: { zh: '本图计算', en: 'computed here' },
  confidence_high: { zh: '高', en: 'high' },
  confidence_medium: { zh: '中', en: 'medium' },
  confidence_low: { zh: '低', en: 'low' },
  chartUnit: { zh: '单位：{unit}', en: 'Unit: {unit}' },
  chartSource: {
    zh: '来源：规划 {plan}（基期、目标）；实际数见下表各来源。',
    en: 'Source: the plan {plan} (baseline, target); reported figures from the sources listed below.',
  },
  chartNoData: {
    zh: '无数据：没有与目标同一单位的公布数字，不画点（不是 0）。',
    en: 'No data: no figure in the target’s unit was reported, so nothing is drawn (not 0).',
  },
  chartLegend: {
    zh: '虚线：基期到目标；实心点：同一指标的实际数；空心点：近似指标。',
    en: 'Dashed: baseline to target; filled dots: the same measure reported; hollow dots: a proxy measure.',
  },
  exportSvg: { zh: '导出 SVG', en: 'Export SVG' },
  exportPng: { zh: '导出 PNG', en: 'Export PNG' },
  zonesCaption: { zh: '空间布局：面积、所在区、园区与产业', en: 'Zones: area, districts, parks and sectors' },
  zonesBasis: {
    zh: '面积和各区占比由本图所画的范围计算（球面面积）；带“示意”的范围是示意图，面积也只是示意。园区数：当前筛选下显示的 / 范围内全部。选择名称即在地图上选中该范围。',
    en: 'Areas and district shares are computed from the zones as drawn on this map (spherical area); a zone marked “schematic” is drawn schematically, so is its area. Parks: shown by the filters / all inside. Choose a name to select the zone on the map.',
  },
  zoneName: { zh: '名称', en: 'Name' },
  zoneKind: { zh: '类型', en: 'Kind' },
  zoneArea: { zh: '面积（平方千米）', en: 'Area (km²)' },
  zoneDistricts: { zh: '所在区（占面积）', en: 'Districts (share of area)' },
  zoneParks: { zh: '园区', en: 'Parks' },
  zoneSectors: { zh: '产业', en: 'Sectors' },
  zoneSchematic: { zh: '示意', en: 'schematic' },
  zoneNoArea: { zh: '线，无面积', en: 'a line: no area' },
  zoneSortBy: { zh: '按{col}排序', en: 'Sort by {col}' },
  kind_pole: { zh: '极', en: 'pole' },
  kind_belt: { zh: '带／走廊', en: 'belt / corridor' },
  kind_axis: { zh: '轴', en: 'axis' },
  kind_cluster: { zh: '产业集群', en: 'sector cluster' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
} as const;

export type StatsStringKey = keyof typeof STATS_STRINGS;

/** A string of the statistics view in `lang`, `{name}` placeholders filled from `vars`. */
export function st(lang: Lang, key: StatsStringKey, vars: Record<string, string | number> = {}): string {
  let s: string = STATS_STRINGS[key][lang];
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}
