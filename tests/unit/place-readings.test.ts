/** The place names' readings (src/state/place-readings.ts), held to the names in the data. */
import { describe, expect, it } from 'vitest';
import { PLACE_READINGS, zhSortName } from '../../src/state/place-readings';
import { pinyinForms } from '../../src/state/search';
import { readGeoJson } from '../fakes/geo-disk';

type Named = { features: { properties: Record<string, unknown> }[] };
const names = ['parks.geojson', 'zones.geojson', 'districts.geojson'].flatMap((f) =>
  readGeoJson<Named>(f).features.map((x) => String(x.properties.name_zh ?? x.properties.name ?? '')),
);

describe('place readings', () => {
  it('the data has names', () => {
    expect(names.length).toBeGreaterThan(80);
  });

  it('every name that starts with 长 starts with a word the table sorts', () => {
    const lead = names.filter((n) => n.startsWith('长'));
    expect(lead.length).toBeGreaterThanOrEqual(4);
    for (const n of lead)
      expect(
        PLACE_READINGS.some((r) => r.sortAs && n.startsWith(r.word)),
        n,
      ).toBe(true);
  });

  it('every name with 闵行 or 长三角 is read as written in the table', () => {
    expect(pinyinForms('闵行区').full).toBe('minhangqu');
    expect(pinyinForms('西部长三角沿线高端制造业协同发展轴').runs[0]).toMatch(/^xi bu chang san jiao /);
    for (const n of names.filter((x) => x.includes('闵行'))) expect(pinyinForms(n).full, n).toContain('minhang');
  });

  it('sorts a leading cháng word as 常, and leaves other names as they are', () => {
    expect(zhSortName('长宁虹桥智谷')).toBe('常宁虹桥智谷');
    expect(zhSortName('长兴岛')).toBe('常兴岛');
    expect(zhSortName('长阳秀带')).toBe('常阳秀带');
    expect(zhSortName('临港产业增长极')).toBe('临港产业增长极');
    expect(zhSortName('张江')).toBe('张江');
    expect(['张江', '崇明', '长宁区', '漕河泾'].sort((a, b) => new Intl.Collator('zh-Hans-CN').compare(zhSortName(a), zhSortName(b)))).toEqual([
      '漕河泾',
      '长宁区',
      '崇明',
      '张江',
    ]);
  });
});
