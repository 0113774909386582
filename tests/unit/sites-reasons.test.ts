/** The reader's messages in Chinese for the import report: every message the reader really writes for these files has its Chinese. */
import { describe, expect, it } from 'vitest';
import { parseCsvPoints, parseGeoJsonPoints } from '../../src/io/read-points';
import { reasonText } from '../../src/i18n/sites-reasons';

const SHANGHAI: [number, number, number, number] = [120.8, 30.6, 122.2, 31.9];
const CJK = /[\u4e00-\u9fff]/;

describe('reader messages in Chinese', () => {
  it('a CSV with one bad row of each kind: every reason has its Chinese', () => {
    const csv = [
      'id,name,lon,lat',
      'a,ok,121.47,31.23',
      'b,not a number,abc,31.2',
      'c,decimal comma,"121,47",31.2',
      'd,missing lat,121.4,',
      'e,short row,121.4',
      'f,swapped,31.23,121.47',
      'g,lon out of range,190,31',
      'h,lat out of range,121.4,95',
      'a,duplicate,121.48,31.24',
      'i,beijing,116.4,39.9',
      'j,infinite,1e999,31.2',
      'k,control\u0007,121.45,31.2',
    ].join('\n');
    const r = parseCsvPoints(csv, { bounds: SHANGHAI });
    expect(r.fatal).toBeNull();
    expect(r.errors.length).toBeGreaterThanOrEqual(9);
    for (const e of r.errors) {
      const zh = reasonText(e.reason, 'zh');
      expect(zh, e.reason).not.toBe(e.reason);
      expect(zh, e.reason).toMatch(CJK);
      expect(reasonText(e.reason, 'en')).toBe(e.reason);
    }
    const byLine = new Map(r.errors.map((e) => [e.line, reasonText(e.reason, 'zh')]));
    expect(byLine.get(3)).toBe('lon "abc" 不是数字');
    expect(byLine.get(4)).toBe('lon "121,47" 不是数字（请用小数点，不要用逗号）');
    expect(byLine.get(5)).toBe('缺少 lat');
    expect(byLine.get(10)).toBe('id「a」重复（首次出现在第 2 行）');
  });

  it('GeoJSON features of each bad kind, and files that cannot be read', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [121.4, 31.2] } },
        { type: 'Thing' },
        { type: 'Feature', properties: {}, geometry: null },
        { type: 'Feature', properties: {}, geometry: 5 },
        { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [121] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: ['x', 31] } },
      ],
    };
    const r = parseGeoJsonPoints(JSON.stringify(fc), { bounds: SHANGHAI });
    expect(r.errors.length).toBe(6);
    for (const e of r.errors) expect(reasonText(e.reason, 'zh'), e.reason).toMatch(CJK);
    const cannot = ['', '"id,lon,lat\n1,2,3\n', 'name,x,y\na,1,2\n', '121.4,31.2\n121.5,31.3\n', 'ab\u0000cd\n'].map((t) => parseCsvPoints(t).fatal);
    expect(reasonText(cannot[2]!, 'zh')).toBe(
      'CSV 表头（第 1 行）没有 lon 和 lat 列（找到的列："name", "x", "y"）；需要 `lon` 和 `lat` 列（也接受：lng/long/longitude/经度 与 latitude/纬度；可选：id、name/名称）',
    );
    expect(reasonText(cannot[3]!, 'zh')).toMatch(/第一行看似数据/);
    cannot.push(parseCsvPoints('lon,lat\n121.4,31.2\n'.repeat(1000), { maxBytes: 2000 }).fatal);
    expect(reasonText(cannot[5]!, 'zh')).toMatch(/^文件大小 .* MB.*，上限为 .* MB/);
    for (const fatal of cannot) {
      expect(fatal).not.toBeNull();
      expect(reasonText(fatal!, 'zh'), fatal!).toMatch(CJK);
    }
  });

  it('a message no pattern knows stays as written', () => {
    expect(reasonText('something new', 'zh')).toBe('something new');
    expect(reasonText('missing lat; something new', 'zh')).toBe('missing lat; something new');
    expect(reasonText('missing lon; missing lat', 'zh')).toBe('缺少 lon；缺少 lat');
  });
});
