/**
 * UI strings of the sites feature shown only once a file is imported (the import report, the
 * imported sets and a site's card): they load with the first import, not with the first view. The rest are in
 * ./sites.ts (merged into ./index.ts).
 */
import { fill } from './fill';
import type { Lang } from '../domain/types';

export const SITES_IMPORT_STRINGS = {
  sitesOutside: { zh: '上海市域外', en: 'outside Shanghai' },
  sitesCardSwapped: { zh: '导入时已对调经纬度', en: 'lon/lat swapped on import' },
  sitesLine: { zh: '第 {n} 行', en: 'line {n}' },
  sitesFeature: { zh: '要素 {n}', en: 'feature {n}' },
  sitesUnnamed: { zh: '（无名称）', en: '(no name)' },
  sitesCardKind: { zh: '导入的地点', en: 'Imported site' },
  sitesCardSource: { zh: '来源', en: 'Source' },
  sitesCardCoords: { zh: '坐标（WGS-84）', en: 'Coordinates (WGS-84)' },
  sitesNoZone: { zh: '不在规划的任何空间布局内', en: 'Not inside any of the plan’s zones' },
  sitesNearest: { zh: '最近的园区（当前筛选下显示的）', en: 'Nearest parks (of those the filters show)' },
  sitesReadAs: { zh: '读取编码：{enc}', en: 'Read as {enc}' },
  sitesHowBom: { zh: '（按文件的 BOM）', en: ' (from its BOM)' },
  sitesHowDetected: { zh: '（自动识别）', en: ' (detected)' },
  sitesHowAscii: { zh: '（仅含 ASCII 字符）', en: ' (ASCII only)' },
  sitesHowChosen: { zh: '（按所选）', en: ' (as chosen)' },
  sitesHowFallback: { zh: '（无法识别，按 UTF-8 读取）', en: ' (not recognised; read as UTF-8)' },
  sitesReadAgain: { zh: '换一种编码重新读取', en: 'Read again as' },
  sitesOutsideCount: { zh: '，其中 {n} 个在上海市域外', en: ', {n} outside Shanghai' },
  sitesSwappable: { zh: '其中 {n} 行的经纬度看似对调。', en: 'Of these, lon/lat look swapped in {n} row{s}.' },
  sitesSwap: { zh: '对调这 {n} 行的经纬度并导入', en: 'Swap lon/lat in {n} row{s} and import' },
  sitesDuplicate: { zh: '此文件已导入过（与 {twin} 内容相同）。', en: 'This file was imported before (same content as {twin}).' },
  sitesImportAnyway: { zh: '仍然导入', en: 'Import anyway' },
  sitesSetCrs: { zh: '{file} 的坐标系（更改后重新关联）', en: 'Coordinates of {file} (changing them links the sites again)' },
  sitesLinking: { zh: '正在读取并关联 {file}…', en: 'Reading and linking {file}…' },
  sitesFailed: { zh: '{file} 无法导入', en: '{file} cannot be imported' },
  sitesNoValid: { zh: '没有有效的行：{bad} 行有误。', en: 'No valid rows: {bad} with errors.' },
  sitesReview: { zh: '{file}：{good} 行有效，{bad} 行有误', en: '{file}: {good} valid rows, {bad} with errors' },
  sitesEnd: { zh: '。', en: '.' },
  sitesOutsideOnly: { zh: '其中 {n} 个地点在上海市域外。', en: '{n} of the sites are outside Shanghai.' },
  sitesConfirm: { zh: '导入 {good} 个有效行，跳过 {bad} 行', en: 'Import {good} valid rows, skip {bad}' },
  sitesCancel: { zh: '取消', en: 'Cancel' },
  sitesDone: { zh: '已导入 {file}：{n} 个地点（{ms} 毫秒）', en: 'Imported {file}: {n} site{s} ({ms} ms)' },
  sitesDoneSkipped: { zh: '，跳过 {n} 行', en: ', {n} row{s} skipped' },
  sitesDoneSkippedOne: { zh: '，跳过 1 行', en: ', 1 row skipped' },
  sitesWorkerRestarted: {
    zh: '链接计算线程意外停止，已重新启动并重新读取此文件。',
    en: 'The linking worker stopped unexpectedly; a fresh one was started and read this file again.',
  },
  sitesMoreErrors: { zh: '另有 {n} 行有误，未列出', en: '{n} more rows with errors not listed' },
  sitesNote: { zh: '注意', en: 'note' },
  sitesImported: { zh: '已导入', en: 'Imported' },
  sitesCount: { zh: '{n} 个地点', en: '{n} site{s}' },
  sitesFirstN: { zh: '（列出前 {n} 个）', en: '(first {n} listed)' },
  sitesShow: { zh: '在地图上显示', en: 'Show on map' },
  sitesShowLabel: { zh: '在地图上显示 {file} 的点位', en: 'Show the sites of {file} on the map' },
  sitesRemove: { zh: '移除', en: 'Remove' },
  sitesRemoveLabel: { zh: '移除 {file}', en: 'Remove {file}' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type SitesImportKey = keyof typeof SITES_IMPORT_STRINGS;

/** The string in `lang` with its {placeholders} filled, as `t` of ./index.ts does. */
export function ti(lang: Lang, key: SitesImportKey, vars: Record<string, string | number> = {}): string {
  return fill(SITES_IMPORT_STRINGS[key][lang], vars);
}
