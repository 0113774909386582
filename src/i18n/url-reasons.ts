/**
 * Why a link's parameter was ignored (src/state/url: the codec writes each reason in English, as
 * its tests read it), in the page's language: the Chinese of each reason the codec writes. A reason
 * no pattern knows stays as written.
 */
import type { Lang } from '../domain/types';

const ZH: [RegExp, string][] = [
  [/^unknown parameter$/, '未知参数'],
  [/^invalid percent-encoding$/, '百分号编码无效'],
  [/^repeated parameter; first one used$/, '参数重复，采用第一个'],
  [/^unsupported version; read as version (\d+)$/, '不支持的版本，按第 $1 版读取'],
  [/^(\d+) more problem\(s\) not shown$/, '另有 $1 个问题未列出'],
  [/^unknown value$/, '未知的值'],
  [/^unknown district$/, '未知的区'],
  [/^expected 1$/, '应为 1'],
  [/^search text cut to (\d+) characters$/, '搜索文字截为 $1 个字符'],
  [/^at most (\d+) parks are compared$/, '最多比较 $1 个园区'],
  [/^expected lng,lat or park:<id>$/, '应为“经度,纬度”或“park:园区编号”'],
  [/^expected a radius in km, above 0 and at most (\d+)$/, '应为以公里计的半径，大于 0，不超过 $1'],
  [/^area code longer than (\d+) characters$/, '区域代码超过 $1 个字符'],
  [/^not an area code$/, '不是区域代码'],
  [/^a corner is outside the world$/, '有顶点超出经纬度范围'],
  [/^not a whole number$/, '不是整数'],
  [/^out of range \(1–(\d+)\)$/, '超出范围（1–$1）'],
  [/^too many parts \(expected zoom\/lat\/lng\)$/, '分段过多（应为“缩放级别/纬度/经度”）'],
  [/^expected zoom\/lat\/lng$/, '应为“缩放级别/纬度/经度”'],
  [/^not a number \(expected zoom\/lat\/lng\)$/, '不是数字（应为“缩放级别/纬度/经度”）'],
  [/^camera out of range$/, '视角超出范围'],
];

/** One reason in `lang`: Chinese where a pattern knows it, else as written. */
export function urlReasonText(reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  for (const [re, to] of ZH) if (re.test(reason)) return reason.replace(re, to);
  return reason;
}
