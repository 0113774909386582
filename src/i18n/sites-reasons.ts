/**
 * The reader's messages (src/io: a row's reason, a file-level note, why a file cannot be read) in
 * the page's language. The reader writes them in English, the language of `npm run link`; the
 * import report shows them in Chinese through the patterns below, each the Chinese of one message
 * the reader writes. A message no pattern knows stays as written. Loaded with the import report.
 */
import type { Lang } from '../domain/types';

type Rule = [RegExp, string | ((...m: string[]) => string)];

const ZH: Rule[] = [
  [/^missing (lon|lat) \(row has (\d+) fields?, header has (\d+)\)$/, '缺少 $1（此行有 $2 个字段，表头有 $3 个）'],
  [/^missing (lon|lat)$/, '缺少 $1'],
  [/^(lon|lat) (.+) is not a number \(use a decimal point, not a comma\)$/s, '$1 $2 不是数字（请用小数点，不要用逗号）'],
  [/^(lon|lat) (.+) is not a number$/s, '$1 $2 不是数字'],
  [/^(lon|lat) (.+) is not a finite number$/s, '$1 $2 不是有限的数字'],
  [/^unclosed quote \(a field starting with " on line (\d+) has no closing "\)$/, '引号未闭合（第 $1 行以 " 开头的字段没有结束的 "）'],
  [/^duplicate id '(.*)' \(first on line (\d+)\)$/s, 'id「$1」重复（首次出现在第 $2 行）'],
  [/^duplicate id '(.*)' \(first at feature (\d+)\)$/s, 'id「$1」重复（首次出现在要素 $2）'],
  [/^lon\/lat look swapped \((.+); lat must be in \[-90, 90\]\)$/, '经纬度看似对调（$1；纬度须在 [-90, 90] 内）'],
  [/^lon\/lat look swapped \((.+) is outside the area; swapped it would be inside\)$/, '经纬度看似对调（$1 在范围外，对调后在范围内）'],
  [/^(lon|lat) (\S+) is out of range \[(.+)\]$/, '$1 $2 超出范围 [$3]'],
  [/^outside the area \((.+)\)$/, '在范围外（$1）'],
  [/^not a Feature \(got (.+)\)$/s, '不是 Feature（而是 $1）'],
  [/^feature has no geometry \(null\)$/, '要素没有几何（null）'],
  [/^feature geometry is not an object \(got (.+)\)$/s, '要素的几何不是对象（而是 $1）'],
  [/^geometry type (.+) is not supported; points only$/s, '不支持几何类型 $1：只接受点'],
  [/^Point coordinates must be \[lon, lat\]$/, '点坐标须为 [lon, lat]'],
  [/^coordinates must be finite numbers \(got (.+)\)$/s, '坐标须为有限的数字（而是 $1）'],
  [/^invalid JSON: (.+)$/s, 'JSON 无效：$1'],
  [/^([\d,]+) rows? had control or text-direction characters in the id or name; they were removed$/, '$1 行的 id 或名称含控制字符或文字方向字符，已删除'],
  [/^file is empty$/, '文件是空的'],
  [/^file is ([\d.]+) MB \((\d+) bytes\); the limit is ([\d.]+) MB \((\d+) bytes\)$/, '文件大小 $1 MB（$2 字节），上限为 $3 MB（$4 字节）'],
  [/^file is ([\d.]+) MB; the limit is ([\d.]+) MB$/, '文件大小 $1 MB，上限为 $2 MB'],
  [
    /^not a text CSV\/GeoJSON file \(binary content\)(; if it is a text file, choose its encoding \(e\.g\. GBK\) or save it as UTF-8 \(in Excel: "CSV UTF-8"\))?$/,
    (_all, hint) =>
      `不是文本的 CSV/GeoJSON 文件（二进制内容）${hint ? '；如果是文本文件，请选择它的编码（例如 GBK），或另存为 UTF-8（Excel 中选“CSV UTF-8”）' : ''}`,
  ],
  [/^the header \(line (\d+)\) has an unclosed quote$/, '表头（第 $1 行）的引号未闭合'],
  [
    /^CSV header \(line (\d+)\) has no (lon and lat|lon|lat) columns? \((no named columns|columns found: .*)\); columns `lon` and `lat` are required \(also accepted: lng\/long\/longitude\/经度 and latitude\/纬度; optional: id, name\/名称\)(; the file looks like JSON: save it with a \.geojson extension|; the first line looks like data: add a header line such as lon,lat,name)?$/s,
    (_all, line, which, found, hint) =>
      `CSV 表头（第 ${line} 行）没有 ${which!.replace(' and ', ' 和 ')} 列（${found === 'no named columns' ? '没有带名称的列' : found!.replace('columns found: ', '找到的列：')}）；` +
      '需要 `lon` 和 `lat` 列（也接受：lng/long/longitude/经度 与 latitude/纬度；可选：id、name/名称）' +
      (hint?.includes('JSON') ? '；此文件看似 JSON：请以 .geojson 扩展名保存' : hint ? '；第一行看似数据：请加一行表头，例如 lon,lat,name' : ''),
  ],
  [/^too many rows: the file has more than ([\d,]+) rows; the limit is ([\d,]+)$/, '行数过多：文件超过 $1 行，上限为 $2 行'],
];

/** One message in `lang`: Chinese where a pattern knows it (a message of several reasons, `; `-joined, part by part), else as written. */
export function reasonText(reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  const one = (s: string): string | null => {
    for (const [re, to] of ZH) {
      const m = re.exec(s);
      if (m) return typeof to === 'string' ? s.replace(re, to) : to(...(m as unknown as string[]));
    }
    return null;
  };
  const whole = one(reason);
  if (whole !== null) return whole;
  const parts = reason.split('; ').map(one);
  return parts.every((p) => p !== null) ? parts.join('；') : reason;
}
