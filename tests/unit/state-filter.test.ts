import { beforeAll, describe, expect, it } from 'vitest';
import { filterCount, nodeMatcher, parksForSelection, primarySector, shortName, zonesForSelection } from '../../src/state/filter';
import type { ParkProps, SectorsFile, ZoneProps } from '../../src/loaders/schemas';
import { loadRealGeo } from '../fakes/geo-disk';

let parks: ParkProps[];
let zones: ZoneProps[];
let sectors: SectorsFile;

const park = (id: string): ParkProps => {
  const p = parks.find((x) => x.id === id);
  if (!p) throw new Error(`no park ${id} in the real data`);
  return p;
};
/** ids of the parks with a link satisfying `pred`, in data order (the oracle, independent of filter.ts) */
const parksWhere = (pred: (l: ParkProps['links'][number]) => boolean) => parks.filter((p) => p.links.some(pred)).map((p) => p.id);

beforeAll(async () => {
  const geo = await loadRealGeo();
  if (!geo.parks.ok || !geo.zones.ok || !geo.sectors.ok) throw new Error('real data failed to load');
  parks = geo.parks.data.features.map((f) => f.properties);
  zones = geo.zones.data.features.map((f) => f.properties);
  sectors = geo.sectors.data;
});

describe('the real data this file relies on', () => {
  it('has 42 parks and 31 zones, and ai-chips is a child of ai', () => {
    expect(parks).toHaveLength(42);
    expect(zones).toHaveLength(31);
    expect(sectors.sectors.find((s) => s.id === 'ai')?.children.map((c) => c.id)).toContain('ai-chips');
  });
});

describe('parksForSelection', () => {
  it('returns every park, in data order, for an empty selection', () => {
    expect(parksForSelection(parks, [], sectors)).toEqual(parks.map((p) => p.id));
  });

  it("'ic' returns exactly the parks with a link to sector ic", () => {
    const got = parksForSelection(parks, ['ic'], sectors);
    expect(got).toEqual(parksWhere((l) => l.sector === 'ic'));
    // and the selection actually filters
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(parks.length);
    expect(got).toEqual(expect.arrayContaining(['zhangjiang-ic-base', 'dongfang-xingang', 'jiading-smart-sensor-park']));
    expect(got).not.toContain('the-bund');
    expect(got).not.toContain('south-hongqiao-smart-medical');
    // 东方美谷's point lies in no IC zone; only its schematic footprint touches one (the H-belt's east corridor)
    const meigu = parks.find((p) => p.id === 'dongfang-meigu')!;
    expect([...new Set(meigu.links.filter((l) => l.sector === 'ic').map((l) => `${l.via} ${l.zone} ${l.by}`))]).toEqual(['zone h-east-corridor footprint']);
  });

  it("a top-level id also matches links to its children (ic-equipment links count for 'ic')", () => {
    const viaChild = parksWhere((l) => l.node === 'ic-equipment');
    expect(viaChild.length).toBeGreaterThan(0);
    const ic = parksForSelection(parks, ['ic'], sectors);
    for (const id of viaChild) expect(ic).toContain(id);
  });

  it("a child node ('ai-chips') returns only parks with a link to that node: a strict subset of 'ai'", () => {
    const chips = parksForSelection(parks, ['ai-chips'], sectors);
    const ai = parksForSelection(parks, ['ai'], sectors);
    expect(chips).toEqual(parksWhere((l) => l.node === 'ai-chips'));
    expect(chips.length).toBeGreaterThan(0);
    expect(chips.length).toBeLessThan(ai.length);
    for (const id of chips) expect(ai).toContain(id);
    expect(chips).toContain('zhangjiang-ai-island'); // designated for ai-chips
    expect(chips).not.toContain('maqiao-ai-zone'); // ai, but not ai-chips
    for (const id of chips) expect(park(id).links.some((l) => l.node === 'ai-chips')).toBe(true);
  });

  it('a multiple selection is the union of the single selections, in data order', () => {
    const sel = ['ai-chips', 'life-health', 'fintech'];
    const union = new Set(sel.flatMap((s) => parksForSelection(parks, [s], sectors)));
    const got = parksForSelection(parks, sel, sectors);
    expect(new Set(got)).toEqual(union);
    expect(got).toHaveLength(union.size); // no duplicates
    expect(got).toEqual(parks.map((p) => p.id).filter((id) => union.has(id)));
    // the union is larger than each part
    for (const s of sel) expect(got.length).toBeGreaterThanOrEqual(parksForSelection(parks, [s], sectors).length);
    expect(got.length).toBeGreaterThan(parksForSelection(parks, ['life-health'], sectors).length);
  });

  it('mixes top-level ids and child nodes in one selection', () => {
    const got = parksForSelection(parks, ['biomed', 'new-display'], sectors);
    expect(got).toEqual(parksWhere((l) => l.sector === 'biomed' || l.node === 'new-display'));
    expect(got).toContain('jinshan-display-base');
  });

  it('an unknown id matches nothing', () => {
    expect(parksForSelection(parks, ['no-such-sector'], sectors)).toEqual([]);
  });
});

describe('zonesForSelection', () => {
  it("['fintech'] returns the four fintech zones", () => {
    expect(zonesForSelection(zones, ['fintech'], sectors).sort()).toEqual(
      ['fintech-lingang', 'fintech-lujiazui', 'fintech-riverside', 'fintech-zhangjiang'].sort(),
    );
  });

  it('returns no zones for an empty selection (nothing is emphasised)', () => {
    expect(zonesForSelection(zones, [], sectors)).toEqual([]);
  });

  it("a top-level id returns the zones with a link to that sector ('biomed')", () => {
    const got = zonesForSelection(zones, ['biomed'], sectors);
    expect(got).toEqual(zones.filter((z) => z.links.some((l) => l.sector === 'biomed')).map((z) => z.id));
    expect(got).toEqual(expect.arrayContaining(['biomed-core-zhangjiang', 'biomed-jinshan', 'biomed-x-districts']));
    expect(got).not.toContain('fintech-lujiazui');
  });

  it('a child node returns only zones linked to it', () => {
    expect(zonesForSelection(zones, ['modern-pharma'], sectors)).toEqual(['biomed-jinshan']);
  });
});

describe('nodeMatcher', () => {
  it('matches top-level ids by sector and other ids by node', () => {
    const m = nodeMatcher(['ic', 'ai-chips'], sectors);
    expect(m({ sector: 'ic', node: 'ic-equipment' })).toBe(true);
    expect(m({ sector: 'ai', node: 'ai-chips' })).toBe(true);
    expect(m({ sector: 'ai', node: 'ai' })).toBe(false);
    expect(m({ sector: 'biomed', node: 'biomed' })).toBe(false);
  });
});

describe('primarySector', () => {
  it('without a selection: the first designation', () => {
    // yangpu-university-city is designated ai first, then digital sub-sectors
    const p = park('yangpu-university-city');
    expect(p.designations[0]?.sector).toBe('ai');
    expect(primarySector(p)).toBe('ai');
    expect(primarySector(p, [], sectors)).toBe('ai');
  });

  it('prefers a selected sector the park links to', () => {
    const p = park('yangpu-university-city');
    expect(primarySector(p, ['digital'], sectors)).toBe('digital');
    expect(primarySector(p, ['big-data'], sectors)).toBe('digital'); // a child → its top-level sector
  });

  it('falls back to the first designation when the selection does not touch the park', () => {
    const p = park('yangpu-university-city');
    expect(p.links.some((l) => l.sector === 'biomed')).toBe(false);
    expect(primarySector(p, ['biomed'], sectors)).toBe('ai');
  });

  it('uses the first linked sector for a park without designations', () => {
    const p = park('jiading-smart-sensor-park');
    expect(p.designations).toEqual([]);
    expect(primarySector(p)).toBe(p.sectors[0]);
    expect(primarySector(p)).not.toBeNull();
  });

  it('returns null for a park with neither designations nor sectors', () => {
    const p: ParkProps = { ...park('the-bund'), designations: [], sectors: [], links: [] };
    expect(primarySector(p, ['digital'], sectors)).toBeNull();
  });
});

describe('shortName', () => {
  it('drops a trailing parenthetical alias (full- and half-width)', () => {
    expect(shortName('张江国家集成电路产业基地（张江高科技园区）')).toBe('张江国家集成电路产业基地');
    expect(shortName('Oriental Chip Port (Dongfang Xingang)')).toBe('Oriental Chip Port');
    expect(shortName(park('dongfang-meigu').name_zh)).toBe('东方美谷');
  });

  it('keeps parentheses in the middle of a name', () => {
    expect(shortName('普陀中以（上海）创新园')).toBe('普陀中以（上海）创新园');
    expect(shortName('China-Israel (Shanghai) Innovation Park, Putuo')).toBe('China-Israel (Shanghai) Innovation Park, Putuo');
  });

  it('leaves names without parentheses alone, and never returns an empty string', () => {
    expect(shortName('外滩')).toBe('外滩');
    expect(shortName('（示意）')).toBe('（示意）');
  });

  it('gives a non-empty short name for every real park and zone, never longer than the name', () => {
    for (const x of [...parks, ...zones])
      for (const name of [x.name_zh, x.name_en]) {
        const s = shortName(name);
        expect(s.length).toBeGreaterThan(0);
        expect(s.length).toBeLessThanOrEqual(name.length);
        expect(name.startsWith(s)).toBe(true);
      }
  });
});

describe('shortName with two bracketed parts', () => {
  it('drops only the last parenthetical', async () => {
    const { shortName } = await import('../../src/state/filter');
    expect(shortName('Foo (a) Bar (b)')).toBe('Foo (a) Bar');
    expect(shortName('徐汇西岸（西岸智慧谷、西岸智塔）')).toBe('徐汇西岸');
  });
});

describe('filterCount', () => {
  const none = { sectors: [], strengths: ['named'] as const, districts: [], zones: [], conf: [], withinRadius: null, inArea: null };
  it('counts one per chip: each item, the broad areas only with a sector, the radius and the area', () => {
    expect(filterCount(none)).toBe(0);
    // the broad-areas switch alone narrows nothing
    expect(filterCount({ ...none, strengths: null })).toBe(0);
    expect(filterCount({ ...none, sectors: ['ic', 'biomed'], strengths: null })).toBe(3);
    expect(filterCount({ ...none, districts: ['嘉定区'], zones: ['zhangjiang-pole'], conf: ['sourced'], basis: ['plan', 'list'] })).toBe(5);
    expect(filterCount({ ...none, withinRadius: new Set<string>(), inArea: new Set(['a']) })).toBe(2);
  });
});
