/** UI strings in both languages. Data names come from the data (name_zh / name_en). */
import { fill } from './fill';
import { BRIEFING_STRINGS } from './briefing';
import { CARD_STRINGS } from './cards';
import { A11Y_STRINGS } from './a11y';
import { FIND_STRINGS } from './find';
import { SITES_STRINGS } from './sites';
import { STRENGTH_STRINGS } from './strength';
import { STATS_LAUNCH_STRINGS } from './stats-launch';

import type { Lang } from '../domain/types';

const CORE = {
  title: { zh: '上海战略性新兴产业集群地图', en: 'Shanghai Strategic Emerging Industries Cluster Map' },
  subtitle: { zh: '“十四五”规划（沪府办发〔2021〕10号）', en: '14th Five-Year Plan (沪府办发〔2021〕10号)' },
  loading: { zh: '正在加载数据…', en: 'Loading data…' },
  mapLoading: { zh: '正在绘制地图…', en: 'Drawing the map…' },
  layers: { zh: '图层', en: 'Layers' },
  legend: { zh: '图例', en: 'Legend' },
  mapZoomIn: { zh: '放大', en: 'Zoom in' },
  mapCreditsToggle: { zh: '显示或隐藏数据来源', en: 'Show or hide the credits' },
  mapCredits: {
    zh: '区界与省界：ECharts 4.9.0 地图数据（Apache-2.0），已转为 GPS 坐标（WGS-84）· 规划：沪府办发〔2021〕10号',
    en: 'Boundaries: ECharts 4.9.0 map data (Apache-2.0), converted to GPS coordinates (WGS-84) · Plan: <span lang="zh">沪府办发〔2021〕10号</span>',
  },
  mapZoomOut: { zh: '缩小', en: 'Zoom out' },
  mapCanvas: { zh: '地图', en: 'Map' },
  sectors: { zh: '产业', en: 'Sectors' },
  filterSectors: { zh: '按产业筛选', en: 'Filter by sector' },
  clearFilter: { zh: '清除筛选', en: 'Clear filter' },
  parks: { zh: '园区', en: 'Parks' },
  parksShown: { zh: '显示 {n} / {total} 个园区', en: '{n} of {total} parks shown' },
  strategic: { zh: '战略性新兴产业（9）', en: 'Strategic emerging (9)' },
  leading: { zh: '先导产业（X）', en: 'Leading (X)' },
  close: { zh: '关闭', en: 'Close' },
  district: { zh: '所在区', en: 'District' },
  zones: { zh: '所在空间布局', en: 'Zones' },
  why: { zh: '产业及依据', en: 'Sectors and why' },
  viaDesignation: { zh: '规划点名', en: 'Named by the plan' },
  viaZone: { zh: '位于', en: 'Inside' },
  viaList: { zh: '列入市特色产业园区名单', en: "On the city's specialty-park list" },
  byFootprint: { zh: '（示意轮廓相交）', en: ' (schematic footprint touches it)' },
  ownEstimate: { zh: '本项目估计，无坐标来源', en: 'our estimate; no coordinate source' },
  clause: { zh: '条款', en: 'Clause' },
  confidence: { zh: '位置可信度', en: 'Location confidence' },
  source: { zh: '来源', en: 'Source' },
  conf_sourced: { zh: '有出处', en: 'sourced' },
  conf_estimate: { zh: '估计', en: 'estimate' },
  conf_schematic: { zh: '示意', en: 'schematic' },
  beyondPlan: { zh: '规划未点名（列入市特色产业园区名单）', en: "not named in the plan (on the city's specialty-park list)" },
  derivation: { zh: '绘制方法', en: 'How it is drawn' },
  schematicZone: { zh: '示意范围', en: 'Schematic extent' },
  exactZone: { zh: '按行政区边界', en: 'District boundaries' },
  parksInside: { zh: '范围内园区', en: 'Parks inside' },
  none: { zh: '无', en: 'none' },
  noWebgl: {
    zh: '此浏览器无法显示地图（需要 WebGL2）。园区列表、筛选和详情仍可使用。',
    en: 'This browser cannot show the map (WebGL2 is required). The park list, filter and cards still work.',
  },
  loadFailed: { zh: '以下数据未能加载：', en: 'These data files failed to load:' },
  notice: { zh: '提示', en: 'Notice' },
  mapError: { zh: '地图出错', en: 'Map error' },
  dismiss: { zh: '知道了', en: 'Dismiss' },
  panelFailed: { zh: '“{name}”面板出错，其余部分仍可使用。', en: 'The “{name}” panel failed; the rest of the app still works.' },
  panelLoadFailed: {
    zh: '“{name}”未能加载（网络中断，或应用已更新）。其余部分仍可使用。',
    en: 'The “{name}” part could not be loaded (the network dropped, or the app was updated); the rest of the app still works.',
  },
  appFailed: { zh: '应用出错，请重试或重新加载页面。', en: 'The app stopped on an error; try again, or reload the page.' },
  appLoadFailed: {
    zh: '应用的一部分未能加载（网络中断，或应用已更新），请重试或重新加载页面。',
    en: 'Part of the app could not be loaded (the network dropped, or the app was updated); try again, or reload the page.',
  },
  panelRetry: { zh: '重试', en: 'Try again' },
  panel_stats: { zh: '统计', en: 'Statistics' },
  panel_chart: { zh: '图表', en: 'Chart' },
  panel_import: { zh: '导入报告', en: 'Import report' },
  panel_briefing: { zh: '简报', en: 'Briefing' },
  panel_find: { zh: '查找', en: 'Find' },
  panel_sectors: { zh: '产业筛选', en: 'Sectors' },
  panel_layers: { zh: '图层', en: 'Layers' },
  panel_sites: { zh: '我的地点', en: 'My sites' },
  panel_card: { zh: '详情', en: 'Details' },
  urlIgnored: { zh: '链接中的参数已忽略', en: 'Ignored in the link' },
  language: { zh: 'English', en: '中文' },
  languageLabel: { zh: 'Switch to English', en: '切换到中文' },
  area: { zh: '面积', en: 'Area' },
  target2025: { zh: '2025年目标', en: '2025 target' },
  onlineBasemap: { zh: '在线底图', en: 'Online basemap' },
  schematic: { zh: '示意', en: 'schematic' },
  group_basemap: { zh: '底图', en: 'Basemap' },
  group_districts: { zh: '行政区', en: 'Districts' },
  group_poles: { zh: '两极', en: 'Two poles' },
  group_serviceBelt: { zh: '高技术服务产业带', en: 'High-tech service belt' },
  group_hBelt: { zh: 'H型高端制造产业带', en: 'H-shaped manufacturing belt' },
  group_ic: { zh: '集成电路“一体两翼”', en: 'IC “one body, two wings”' },
  group_biomed: { zh: '生物医药“1+5+X”', en: 'Biomedicine “1+5+X”' },
  group_ai: { zh: '人工智能“4+X”', en: 'AI “4+X”' },
  group_digital: { zh: '新兴数字产业与“两城一带一港”', en: 'Digital industries, “two cities, one belt, one port”' },
  group_parks: { zh: '园区', en: 'Parks' },
  legendOverlays: { zh: '查找与导入', en: 'Find and imports' },
  legendShow: { zh: '显示图例', en: 'Show the legend' },
  legendHide: { zh: '收起图例', en: 'Hide the legend' },
  chooserTitle: { zh: '此处有 {n} 处，请选择', en: '{n} places here: choose one' },
  chooserPark: { zh: '园区', en: 'Park' },
  chooserArea: { zh: '{a} 平方公里', en: '{a} km²' },
  chooserHint: { zh: '↑↓ 选择，回车打开，Esc 关闭', en: '↑↓ to move, Enter to open, Esc to close' },
} as const;

const STRINGS = {
  ...CORE,
  ...FIND_STRINGS,
  ...SITES_STRINGS,
  ...BRIEFING_STRINGS,
  ...STRENGTH_STRINGS,
  ...STATS_LAUNCH_STRINGS,
  ...CARD_STRINGS,
  ...A11Y_STRINGS,
};

export type StringKey = keyof typeof STRINGS;

/** A list in running text: 甲、乙 in Chinese, "A, B" in English. */
export const listSep = (lang: Lang): string => (lang === 'zh' ? '、' : ', ');
/** A note in brackets after what it qualifies: full-width in Chinese (≈1235（示意）), a space and ASCII ones in English. */
export const inParens = (text: string, lang: Lang): string => (lang === 'zh' ? `（${text}）` : ` (${text})`);

const CN_DIGITS = '一二三四五六七八九十';

/**
 * A plan clause as a reader of the page's language cites it: 五（五） and 六（二）3 as written in
 * Chinese; in English the plan's parts, sections and items by number, §5.5 and §6.2.3 (the Chinese
 * form is the data's id and is kept in exports of ids).
 */
export function clauseLabel(clause: string, lang: Lang): string {
  if (lang === 'zh') return clause;
  const m = /^([一二三四五六七八九十])（([一二三四五六七八九十])）([0-9]+)?$/.exec(clause);
  if (!m) return clause;
  const n = (c: string) => CN_DIGITS.indexOf(c) + 1;
  return `§${n(m[1]!)}.${n(m[2]!)}${m[3] ? `.${m[3]}` : ''}`;
}

/** Several clauses, as the page's language lists them: 五（一）、五（二） or §5.1, §5.2. */
export const clauseList = (clauses: readonly string[], lang: Lang): string => clauses.map((c) => clauseLabel(c, lang)).join(lang === 'zh' ? '、' : ', ');

export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return fill(STRINGS[key][lang], vars);
}
