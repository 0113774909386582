import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, pointToLineDistance } from '@turf/turf';
import { buildData } from '../../scripts/lib/build';
import type { BuildInputs } from '../../scripts/lib/build';
import { buildDistricts } from '../../scripts/lib/districts';
import { formatDataError } from '../../src/loaders/schemas';

const read = (p: string) => JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8')) as unknown;
const districts = buildDistricts();
const planText = readFileSync(new URL('../../data/plan/plan-2021-10.txt', import.meta.url), 'utf8');
const sectors = read('../../data/sectors.json');
const miniZones = read('../fixtures/build/mini-zones.json');
const miniParks = read('../fixtures/build/mini-parks.json');

const build = (over: Partial<BuildInputs>) => buildData({ planText, sectors, zones: miniZones, parks: miniParks, districts, ...over });
const broken = (name: string) => read(`../fixtures/build/broken/${name}.json`);

describe('data build with small fixtures', () => {
  it('builds a valid mini dataset and links the park through designation and zone', () => {
    const r = build({});
    expect(r.errors).toEqual([]);
    const park = r.outputs!.parks.features[0]!.properties;
    expect(park.district).toBe('浦东新区');
    expect(park.zones).toEqual(['test-zone']);
    expect(park.links.map((l) => [l.via, l.zone, l.clause])).toEqual([
      ['designation', null, '五（五）'],
      ['zone', 'test-zone', '五（一）'],
    ]);
  });

  const cases: [string, 'parks' | 'zones', string, string | null, RegExp][] = [
    ['parks-missing-id', 'parks', 'data/parks.json', '#0', /parks\.0\.id/],
    ['parks-duplicate-id', 'parks', 'data/parks.json', 'test-park', /duplicate id 'test-park'/],
    ['parks-outside-shanghai', 'parks', 'data/parks.json', 'test-park', /outside Shanghai \(lon 116\.397, lat 39\.909\)/],
    ['parks-wrong-district', 'parks', 'data/parks.json', 'test-park', /lies in 浦东新区, but expect_district says 徐汇区/],
    ['parks-unknown-sector', 'parks', 'data/parks.json', 'test-park', /^designations\.0\.sector: unknown sector id 'quantum'$/],
    ['parks-unknown-node', 'parks', 'data/parks.json', 'test-park', /node 'fintech' belongs to 'digital', not 'ic'/],
    ['parks-unknown-clause', 'parks', 'data/parks.json', 'test-park', /clause 五（九） does not exist in the plan/],
    ['parks-phrase-not-in-clause', 'parks', 'data/parks.json', 'test-park', /phrase “量子计算” does not occur in clause 五（五）/],
    ['parks-no-source', 'parks', 'data/parks.json', 'test-park', /source/],
    ['zones-unknown-sector', 'zones', 'data/zones.json', 'test-zone', /^links\.0\.sector: unknown sector id 'quantum'$/],
    ['zones-unknown-clause', 'zones', 'data/zones.json', 'test-zone', /clause 八（一） does not exist in the plan/],
    ['zones-unknown-zone-ref', 'zones', 'data/zones.json', 'test-zone', /zone 'nowhere' is not defined/],
  ];
  it.each(cases)('%s fails the build naming file, feature and reason', (fixture, which, file, feature, reason) => {
    const r = build({ [which]: broken(fixture) });
    expect(r.outputs).toBeNull();
    const hit = r.errors.find((e) => e.file === file && e.feature === feature && reason.test(e.reason));
    expect(hit, r.errors.map(formatDataError).join('\n')).toBeDefined();
  });

  it('reports invalid sectors.json with the sector id', () => {
    const bad = structuredClone(sectors) as { sectors: { id: string; clause: string }[] };
    bad.sectors[3]!.clause = '三（十）';
    const r = build({ sectors: bad });
    expect(r.errors.map(formatDataError)).toContain('data/sectors.json [nev]: clause 三（十） does not exist in the plan');
  });
});

describe('the real data', () => {
  const r = buildData({
    planText,
    sectors,
    zones: read('../../data/zones.json'),
    parks: read('../../data/parks.json'),
    districts,
  });
  const out = r.outputs!;
  const park = (id: string) => out.parks.features.find((f) => f.properties.id === id)!.properties;

  it('builds without errors', () => {
    expect(r.errors.map(formatDataError)).toEqual([]);
  });

  it('puts each district and zone label inside its polygon, or on its axis line', () => {
    for (const d of districts.features) expect(booleanPointInPolygon(d.properties.label, d.geometry), d.properties.name_zh).toBe(true);
    for (const z of out.zones.features) {
      const g = z.geometry;
      const at = z.properties.label;
      if (g.type === 'LineString' || g.type === 'MultiLineString') {
        const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
        const km = Math.min(...lines.map((l) => pointToLineDistance(at, { type: 'LineString', coordinates: l }, { units: 'kilometers' })));
        expect(km, z.properties.id).toBeLessThan(0.01);
      } else expect(booleanPointInPolygon(at, g), z.properties.id).toBe(true);
    }
  });

  it('has the 15 top-level sectors of “9+X” in the plan order', () => {
    expect(out.sectors.sectors.map((s) => s.id)).toEqual([
      'ic',
      'biomed',
      'ai',
      'nev',
      'equipment',
      'aerospace',
      'infocomm',
      'materials',
      'digital',
      'photonics',
      'gene-cell',
      'brain',
      'marine',
      'hydrogen',
      '6g',
    ]);
    expect(out.sectors.sectors.filter((s) => s.kind === 'strategic')).toHaveLength(9);
  });

  it('uses every sub-sector node somewhere (no node without a place)', () => {
    const used = new Set([
      ...out.zones.features.flatMap((z) => z.properties.links.map((l) => l.node)),
      ...out.parks.features.flatMap((p) => p.properties.links.map((l) => l.node)),
    ]);
    const children = out.sectors.sectors.flatMap((s) => s.children.map((c) => c.id));
    expect(children.filter((c) => !used.has(c))).toEqual([]);
  });

  it('draws every layout of plan 五', () => {
    const groups = new Set(out.zones.features.map((z) => z.properties.group));
    for (const g of [
      'two-poles',
      'service-belt',
      'h-belt',
      'ic-one-body-two-wings',
      'biomed-1-5-x',
      'ai-4-x',
      'digital-industries',
      'fintech-two-cities-one-belt-one-port',
    ])
      expect(groups).toContain(g);
    const axes = out.zones.features.filter((z) => z.properties.kind === 'axis');
    expect(axes.map((a) => a.geometry.type).sort()).toEqual(['LineString', 'LineString', 'MultiLineString']);
    const corridors = out.zones.features.filter((z) => z.properties.axis !== null);
    expect(corridors.map((c) => c.properties.axis).sort()).toEqual(axes.map((a) => a.properties.id).sort());
  });

  it('draws 张江科学城 close to its official area', () => {
    const zj = out.zones.features.find((z) => z.properties.id === 'zhangjiang-pole')!;
    expect(zj.properties.area_km2).toBeGreaterThan(90);
    expect(zj.properties.area_km2).toBeLessThan(100);
  });

  it('puts each of the nine named belt cores inside the service belt', () => {
    for (const id of [
      'yangpu-university-city',
      'north-bund',
      'shibei-hi-tech-park',
      'zhongyi-innovation-park',
      'hongqiao-zhigu',
      'zizhu',
      'caohejing',
      'xuhui-west-bund',
      'pujiang-zhigu',
    ])
      expect(park(id).zones, id).toContain('service-belt');
    // and the pole parks are not in it
    expect(park('zhangjiang-ai-island').zones).not.toContain('service-belt');
  });

  it('puts the H-belt places inside their axis corridors', () => {
    expect(park('songjiang-industrial-zone').zones).toContain('h-central-corridor');
    expect(park('kangqiao-industrial-zone').zones).toContain('h-central-corridor');
    expect(park('changxing-island').zones).toContain('h-east-corridor');
    expect(park('zhuqiao').zones).toEqual(expect.arrayContaining(['h-east-corridor', 'h-central-corridor']));
  });

  it('explains a sector with the plan clause and words', () => {
    const island = park('zhangjiang-ai-island');
    expect(island.sectors).toEqual(expect.arrayContaining(['ic', 'biomed', 'ai', 'digital']));
    const chips = island.links.find((l) => l.node === 'ai-chips' && l.via === 'designation')!;
    expect(chips.clause).toBe('五（五）');
    expect(chips.phrase).toBe('打造全国领先的人工智能芯片产业集群');
    const viaPole = island.links.find((l) => l.zone === 'zhangjiang-pole' && l.sector === 'ic')!;
    expect(viaPole).toMatchObject({ via: 'zone', clause: '五（一）' });
  });

  it('gives every park a source, a confidence and a district', () => {
    for (const f of out.parks.features) {
      expect(f.properties.source.length, f.properties.id).toBeGreaterThan(5);
      expect(['sourced', 'estimate', 'schematic']).toContain(f.properties.confidence);
      expect(f.properties.district, f.properties.id).not.toBeNull();
    }
  });

  it('audits: every park lies in a zone; the unsupported designations are the known ones', () => {
    expect(r.audit!.parksOutsideZones).toEqual([]);
    expect(r.audit!.unsupported.map((u) => `${u.park}:${u.sector}`).sort()).toEqual(['jinshan-display-base:infocomm', 'west-hongqiao-zhihuigu:ai']);
  });

  it('the footprint of 东方美谷 is within 10% of its official area', () => {
    const fp = out.footprints.features[0]!.properties;
    expect(fp.park).toBe('dongfang-meigu');
    expect(Math.abs(fp.area_km2 - 18.49) / 18.49).toBeLessThan(0.1);
  });
});
