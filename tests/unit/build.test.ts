import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { area, booleanIntersects, booleanPointInPolygon, distance, pointToLineDistance } from '@turf/turf';
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
const miniRegistry = read('../fixtures/build/mini-registry.json');
const miniZonesNear = read('../fixtures/build/mini-zones-near.json');

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

  const cases: [string, 'parks' | 'zones' | 'registry', string, string | null, RegExp][] = [
    ['parks-missing-id', 'parks', 'data/parks.json', '#0', /parks\.0\.id/],
    ['parks-duplicate-id', 'parks', 'data/parks.json', 'test-park', /duplicate id 'test-park'/],
    ['parks-outside-shanghai', 'parks', 'data/parks.json', 'test-park', /outside Shanghai \(lon 116\.397, lat 39\.909\)/],
    ['parks-wrong-district', 'parks', 'data/parks.json', 'test-park', /lies in 浦东新区, but expect_district says 徐汇区/],
    ['parks-unknown-sector', 'parks', 'data/parks.json', 'test-park', /^designations\.0\.sector: unknown sector id 'quantum'$/],
    ['parks-unknown-node', 'parks', 'data/parks.json', 'test-park', /node 'fintech' belongs to 'digital', not 'ic'/],
    ['parks-unknown-clause', 'parks', 'data/parks.json', 'test-park', /clause 五（九） does not exist in the plan/],
    ['parks-phrase-not-in-clause', 'parks', 'data/parks.json', 'test-park', /phrase “量子计算” does not occur in clause 五（五）/],
    ['parks-no-source', 'parks', 'data/parks.json', 'test-park', /position\.ref\.source/],
    ['parks-gcj-shifted', 'parks', 'data/parks.json', 'test-park', /looks GCJ-02-shifted: 470 m from its cross-check .*set crs "GCJ-02" or reject it/],
    ['parks-note-missing-language', 'parks', 'data/parks.json', 'test-park', /position\.note_zh: note_zh has no note_en beside it/],
    ['parks-designation-note-one-language', 'parks', 'data/parks.json', 'test-park', /designations\.0\.note_zh: note_zh has no note_en beside it/],
    ['parks-no-basis', 'parks', 'data/parks.json', 'test-park', /neither named by the plan .* nor on the official list/],
    ['zones-unknown-sector', 'zones', 'data/zones.json', 'test-zone', /^links\.0\.sector: unknown sector id 'quantum'$/],
    ['zones-unknown-clause', 'zones', 'data/zones.json', 'test-zone', /clause 八（一） does not exist in the plan/],
    ['zones-unknown-zone-ref', 'zones', 'data/zones.json', 'test-zone', /zone 'nowhere' is not defined/],
    ['zones-derivation-missing-language', 'zones', 'data/zones.json', 'test-zone', /derivation_en has no derivation_zh beside it/],
    ['registry-unknown-category', 'registry', 'data/registry.json', 'test-park', /unknown category '量子计算'/],
    ['registry-fact-without-source', 'registry', 'data/registry.json', 'test-park', /^areas\.0\.source: /],
    ['registry-unknown-place', 'registry', 'data/registry.json', 'nowhere-park', /no place 'nowhere-park' in data\/parks\.json/],
    ['registry-note-missing-language', 'registry', 'data/registry.json', 'test-park', /listed\.note_en: note_en has no note_zh beside it/],
  ];
  it.each(cases)('%s fails the build naming file, feature and reason', (fixture, which, file, feature, reason) => {
    const r = build({ [which]: broken(fixture) });
    expect(r.outputs).toBeNull();
    const hit = r.errors.find((e) => e.file === file && e.feature === feature && reason.test(e.reason));
    expect(hit, r.errors.map(formatDataError).join('\n')).toBeDefined();
  });

  it('fails a 四至 footprint more than 20 % off its stated area, naming the areas', () => {
    const r = build({ parks: broken('parks-footprint-off-area'), registry: miniRegistry });
    expect(r.outputs).toBeNull();
    expect(r.errors.map(formatDataError)).toContainEqual(
      expect.stringMatching(/^data\/parks\.json \[test-park\]: footprint: 1\.\d+ km² drawn vs 4 km² stated \(-7\d\.\d %\), more than 20 % off$/),
    );
  });

  it('a listed place: list link citing the list, basis plan + list, facts with sources, a circle footprint that links a zone it touches', () => {
    const r = build({ registry: miniRegistry, zones: miniZonesNear });
    expect(r.errors.map(formatDataError)).toEqual([]);
    const f = r.outputs!.parks.features[0]!;
    const p = f.properties;
    expect(p.basis).toEqual(['plan', 'list']);
    expect(p.beyond_plan).toBe(false);
    expect(p.links.map((l) => [l.via, l.zone, l.by ?? null, l.clause])).toEqual([
      ['designation', null, null, '五（五）'],
      ['zone', 'test-zone', 'point', '五（一）'],
      ['zone', 'near-zone', 'footprint', '五（二）'],
      ['list', null, null, null],
    ]);
    expect(p.zones).toEqual(['test-zone', 'near-zone']);
    expect(p.sectors).toEqual(['ic', 'aerospace']);
    const list = p.links.find((l) => l.via === 'list')!;
    expect(list).toMatchObject({ sector: 'ic', node: 'ic', phrase: '集成电路' });
    expect(list.list).toEqual({
      category_zh: '集成电路',
      category_en: 'Integrated circuits',
      document_zh: '测试目录',
      document_en: 'Test catalogue',
      date: '2022-10-24',
      url: 'https://example.org/catalogue',
      seq: 1,
    });
    expect(p.listing).toMatchObject({
      seq: 1,
      category: { zh: '集成电路', sector: 'ic', source: 'https://example.org/catalogue' },
      batch: { year: 2020, date: '2020-03', source: 'https://example.org/page' },
      district: { name_zh: '浦东新区', source: 'https://example.org/page' },
      blocks: [{ name_zh: '区块一', east: '东路', south: '南路', west: '西路', north: '北路' }],
    });
    // the footprint: a circle of 4 km² around the point (area by Turf here, within 2 %)
    const fp = r.outputs!.footprints.features[0]!;
    expect(fp.properties).toMatchObject({ park: 'test-park', method: 'circle', schematic: true, stated_area_km2: 4 });
    expect(Math.abs(area(fp.geometry) / 1e6 - 4) / 4).toBeLessThan(0.02);
    // the point is outside near-zone; only the footprint reaches it
    const near = (miniZonesNear as { zones: { id: string; geometry: { polygon: [number, number][] } }[] }).zones[1]!;
    const ring = [...near.geometry.polygon, near.geometry.polygon[0]!];
    expect(booleanPointInPolygon(f.geometry.coordinates, { type: 'Polygon', coordinates: [ring] })).toBe(false);
    expect(booleanIntersects(fp.geometry, { type: 'Polygon', coordinates: [ring] })).toBe(true);
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
    registry: read('../../data/registry.json'),
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

  it('gives every place a district, a position method with its radius, notes in both languages, and a source for every coordinate it rests on', () => {
    for (const f of out.parks.features) {
      const p = f.properties;
      expect(p.district, p.id).not.toBeNull();
      expect(p.position.radius_m, p.id).toBeGreaterThan(0);
      expect(p.location_note_zh, p.id).toMatch(/[\u4e00-\u9fff]/);
      expect(p.location_note_en.length, p.id).toBeGreaterThan(5);
      if (p.position.ref) expect(p.source, p.id).toMatch(/^https?:\/\//);
      else expect([p.id, p.position.method]).toEqual([p.id, 'estimate']);
      expect(p.confidence, p.id).toBe({ published: 'sourced', anchor: 'estimate', container: 'schematic', estimate: 'estimate' }[p.position.method]);
    }
  });

  it('places sourced to the place itself: the four the reference allows, each at its published coordinate', () => {
    const sourced = out.parks.features.filter((f) => f.properties.confidence === 'sourced');
    expect(sourced.map((f) => f.properties.id).sort()).toEqual(['caohejing', 'maqiao-ai-zone', 'zhangjiang-ic-base', 'zizhu']);
    const published: Record<string, [number, number]> = {
      'zhangjiang-ic-base': [121.588, 31.19],
      zizhu: [121.4533, 31.02137],
      caohejing: [121.42515, 31.1677],
      'maqiao-ai-zone': [121.36424, 31.0322],
    };
    for (const f of sourced) {
      expect(f.geometry.coordinates, f.properties.id).toEqual(published[f.properties.id]);
      expect(f.properties.position.ref).toMatchObject({ what: 'itself', distance_m: 0, datum: 'unchecked' });
      // no second coordinate narrows a possible GCJ-02 shift: ±500 m at least
      expect(f.properties.position.radius_m).toBeGreaterThanOrEqual(500);
    }
  });

  it('an anchor position says how far the anchor is (checked here with Turf), and the airport anchor agrees with a second source', () => {
    const aircraft = park('lingang-big-aircraft-park');
    expect(aircraft.position).toMatchObject({ method: 'anchor', ref: { name_zh: '浦东国际机场', what: 'airport', datum: 'agrees' } });
    const at = out.parks.features.find((f) => f.properties.id === 'lingang-big-aircraft-park')!.geometry.coordinates;
    const km = distance(at, [121.80528, 31.14333], { units: 'kilometers' });
    expect(Math.abs(aircraft.position.ref!.distance_m - km * 1000)).toBeLessThan(2);
    expect(km).toBeGreaterThan(3.5);
    expect(km).toBeLessThan(4.5);
  });

  it('every place says why it is on the map: 42 places, 25 plan only, 8 list only, 9 both', () => {
    const basis = out.parks.features.map((f) => f.properties.basis.join('+'));
    expect(basis).toHaveLength(42);
    expect(basis.filter((b) => b === 'plan')).toHaveLength(25);
    expect(basis.filter((b) => b === 'list')).toHaveLength(8);
    expect(basis.filter((b) => b === 'plan+list')).toHaveLength(9);
    for (const f of out.parks.features) {
      const p = f.properties;
      expect(p.basis.includes('plan'), p.id).toBe(p.designations.length > 0);
      expect(p.basis.includes('list'), p.id).toBe(p.listing !== null);
      expect(p.beyond_plan, p.id).toBe(!p.basis.includes('plan'));
    }
  });

  it('every place on the list cites the page that lists it; every fact has its source URL', () => {
    const registry = read('../../data/registry.json') as { entries: { place: string }[] };
    const listed = out.parks.features.filter((f) => f.properties.listing !== null).map((f) => f.properties.id);
    expect(listed.sort()).toEqual(registry.entries.map((e) => e.place).sort());
    const url = /^https?:\/\/\S+$/;
    for (const id of listed) {
      const l = park(id).listing!;
      expect(l.listed.source, id).toMatch(url);
      for (const fact of [l.category, l.batch, l.district, ...l.areas, ...l.blocks]) if (fact) expect(fact.source, id).toMatch(url);
      if (l.batch) expect([2020, 2021, 2022]).toContain(l.batch.year);
    }
    // the five catalogue rows that could be read, with their areas
    const rows = listed.map((id) => park(id).listing!).filter((l) => l.seq !== null);
    expect(rows.map((l) => [l.seq, l.name_zh, l.areas.find((a) => a.kind === 'catalogue')!.km2]).sort()).toEqual([
      [1, '集成电路设计产业园', 4],
      [2, '临港新片区东方芯港', 5.45],
      [3, '智能传感器产业园', 2.67],
      [4, '浦江创芯之城', 2.78],
      [5, '张江创新药产业基地', 3.1],
    ]);
    expect(park('dongfang-xingang').listing!.blocks.map((b) => b.name_zh)).toEqual(['区块一', '区块二', '区块三', '区块四']);
    expect(park('dongfang-xingang').listing!.blocks[0]).toMatchObject({ south: '沧海路', west: '云水路', north: '两港大道' });
  });

  it('a park on the list under a category serves its sector through a list link that cites the list, not a plan clause', () => {
    for (const f of out.parks.features) {
      const p = f.properties;
      const list = p.links.filter((l) => l.via === 'list');
      expect(list.length, p.id).toBe(p.listing?.category ? 1 : 0);
      for (const l of list) {
        expect(l.clause).toBeNull();
        expect(l.list!.url).toMatch(/^https?:\/\//);
        expect(l.phrase).toBe(p.listing!.category!.zh);
        expect(l.sector).toBe(p.listing!.category!.sector);
      }
    }
    // the catalogue's own rows cite the catalogue of 2022-10-24
    expect(park('jiading-smart-sensor-park').links.find((l) => l.via === 'list')!.list).toMatchObject({
      document_zh: '上海市特色产业园区公告目录（2022年版）',
      date: '2022-10-24',
      category_zh: '集成电路',
      seq: 3,
    });
    // 元宇宙 is outside “9+X”: filed under digital, and the link says why in both languages
    const meta = park('zhangjiang-shulian').links.find((l) => l.via === 'list')!;
    expect(meta).toMatchObject({ sector: 'digital', node: 'digital', phrase: '元宇宙' });
    expect(meta.note_zh).toMatch(/9\+X/);
    expect(meta.note_en).toMatch(/9\+X/);
  });

  it("the plan's places are still all here, with their plan designations", () => {
    const plan = out.parks.features.filter((f) => f.properties.basis.includes('plan')).map((f) => f.properties.id);
    expect(plan).toHaveLength(34);
    for (const id of ['zhangjiang-online', 'changyang-xiudai']) {
      const d = park(id).designations;
      expect(d.map((x) => [x.node, x.clause])).toEqual([['online-economy', '一（一）3']]);
    }
  });

  it('audits: every park lies in a zone; the unsupported designations are the known ones', () => {
    expect(r.audit!.parksOutsideZones).toEqual([]);
    expect(r.audit!.unsupported.map((u) => `${u.park}:${u.sector}`).sort()).toEqual(['jinshan-display-base:infocomm', 'west-hongqiao-zhihuigu:ai']);
  });

  it('footprints: one for every place with a stated area, each within 20 % of it (area by Turf here)', () => {
    const withArea = out.parks.features.filter((f) => (f.properties.listing?.areas.length ?? 0) > 0).map((f) => f.properties.id);
    expect(out.footprints.features.map((f) => f.properties.park).sort()).toEqual(withArea.sort());
    expect(withArea).toHaveLength(13);
    for (const f of out.footprints.features) {
      const stated = park(f.properties.park).listing!.areas.find((a) => a.footprint)!;
      expect(f.properties.stated_area_km2).toBe(stated.km2);
      expect(f.properties.area_source).toBe(stated.source);
      expect(f.properties.schematic).toBe(true);
      expect(Math.abs(area(f.geometry) / 1e6 - stated.km2) / stated.km2, f.properties.park).toBeLessThan(0.2);
    }
    const meigu = out.footprints.features.find((f) => f.properties.park === 'dongfang-meigu')!.properties;
    expect(meigu.method).toBe('four-bounds');
    expect(Math.abs(meigu.area_km2 - 18.49) / 18.49).toBeLessThan(0.1);
    expect(out.footprints.features.filter((f) => f.properties.method === 'circle')).toHaveLength(12);
  });

  it('a zone link by footprint: the point lies outside that zone and the footprint touches it (Turf here)', () => {
    const fps = new Map(out.footprints.features.map((f) => [f.properties.park, f.geometry]));
    const zoneGeom = new Map(out.zones.features.map((z) => [z.properties.id, z.geometry]));
    let n = 0;
    for (const f of out.parks.features)
      for (const l of f.properties.links.filter((x) => x.by === 'footprint')) {
        n++;
        const z = zoneGeom.get(l.zone!)!;
        expect(z.type === 'Polygon' || z.type === 'MultiPolygon').toBe(true);
        expect(booleanPointInPolygon(f.geometry.coordinates, z as GeoJSON.Polygon), `${f.properties.id} in ${l.zone}`).toBe(false);
        expect(booleanIntersects(fps.get(f.properties.id)!, z), `${f.properties.id} touches ${l.zone}`).toBe(true);
        expect(f.properties.zones).toContain(l.zone);
      }
    expect(n).toBeGreaterThan(0);
  });
});
