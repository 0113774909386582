import { describe, expect, it } from 'vitest';
import { linkStrength, stronger, strengthRank } from '../../src/geo/strength';
import { loadRealGeo } from '../fakes/geo-disk';

describe('link strength (the rule)', () => {
  it('ranks what made a link: named, listed, inside a cluster, inside a broad area', () => {
    expect(linkStrength('designation')).toBe('named');
    expect(linkStrength('list')).toBe('listed');
    expect(linkStrength('zone', { scope: 'sector', by: 'point' })).toBe('cluster');
    expect(linkStrength('zone', { scope: 'sector' })).toBe('cluster');
    expect(linkStrength('zone', { scope: 'broad', by: 'point' })).toBe('broad');
    // a footprint that only touches a zone is the weakest reason, whatever the zone
    expect(linkStrength('zone', { scope: 'sector', by: 'footprint' })).toBe('broad');
    expect(stronger('cluster', 'listed')).toBe('listed');
    expect(stronger('broad', 'named')).toBe('named');
    expect(['named', 'listed', 'cluster', 'broad'].map((s) => strengthRank(s as never))).toEqual([0, 1, 2, 3]);
  });
});

describe('strengths in the built data', async () => {
  const geo = await loadRealGeo();
  const zones = geo.zones.ok ? geo.zones.data.features.map((f) => f.properties) : [];
  const parks = geo.parks.ok ? geo.parks.data.features.map((f) => f.properties) : [];
  const scope = (id: string) => zones.find((z) => z.id === id)!.scope;
  const park = (id: string) => parks.find((p) => p.id === id)!;
  const best = (id: string, sector: string) =>
    park(id)
      .links.filter((l) => l.sector === sector)
      .map((l) => l.strength)
      .sort((a, b) => strengthRank(a) - strengthRank(b))[0];

  it('poles, belts, axes, corridors and zones of whole districts are broad; the cluster layouts are sector-specific', () => {
    for (const id of [
      'zhangjiang-pole',
      'lingang-pole',
      'service-belt',
      'h-west-axis',
      'h-east-corridor',
      'biomed-x-districts',
      'digital-key-areas',
      'ic-wing-jiading',
    ])
      expect(scope(id), id).toBe('broad');
    for (const id of ['ai-zhangjiang', 'ai-maqiao', 'ic-body-zhangjiang', 'biomed-dongfang-meigu', 'fintech-riverside']) expect(scope(id), id).toBe('sector');
  });

  it('every link of every place carries the strength its via, zone and geometry give', () => {
    for (const p of parks)
      for (const l of p.links) {
        const expected =
          l.via === 'designation'
            ? l.named_as
              ? 'broad'
              : 'named'
            : l.via === 'list'
              ? 'listed'
              : scope(l.zone!) === 'sector' && l.by === 'point'
                ? 'cluster'
                : 'broad';
        expect(l.strength, `${p.id} ${l.sector} via ${l.via} ${l.zone ?? ''}`).toBe(expected);
      }
  });

  it("a place's strength for a sector is its strongest link", () => {
    expect(best('zhangjiang-ai-island', 'ai')).toBe('named');
    expect(best('maqiao-ai-zone', 'ai')).toBe('named');
    expect(best('the-bund', 'digital')).toBe('named');
    expect(best('zhangjiang-ai-island', 'biomed')).toBe('cluster'); // inside the 生物医药 core (张江)
    expect(best('jinqiao', 'digital')).toBe('broad'); // only inside the central districts' zone
  });

  it('a place the plan names only on a belt or axis (五（四）: 宝山、长兴岛、金桥、祝桥…) takes its sectors as a broad area’s, not as named for each', () => {
    // 五（四） lists the places of the H-belt's axes, then the sectors of the whole belt (集成电路, 生物医药, …)
    expect(best('changxing-island', 'ic')).toBe('broad');
    expect(best('changxing-island', 'biomed')).toBe('broad');
    expect(best('zhuqiao', 'ic')).toBe('broad');
    // still on the map because the plan names it
    expect(parks.find((p) => p.id === 'changxing-island')!.basis).toContain('plan');
    // the plan names these for integrated circuits in the sector's own words: 张江 (一体) and 东方芯港 (临港, 两翼)
    expect(parks.filter((p) => p.links.some((l) => l.sector === 'ic' && l.strength === 'named')).map((p) => p.id)).toEqual([
      'zhangjiang-ic-base',
      'dongfang-xingang',
    ]);
  });
});
