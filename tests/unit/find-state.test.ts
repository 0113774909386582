import { describe, expect, it, vi } from 'vitest';
import type { Polygon } from 'geojson';
import type { AppStore } from '../../src/state/store';
import { emphasisedZones, sortParks, visibleParks, zonesForSelection } from '../../src/state/filter';
import { MAX_COMPARE } from '../../src/state/slices/find';
import { applyUrlState, currentUrlState } from '../../src/state/url/sync';
import { decodeUrl, formatUrlState } from '../../src/state/url/codec';
import { distanceKm } from '../../src/geo/nearest';
import type { ParkProps } from '../../src/loaders/schemas';
import { realGeoFixture } from '../fakes/geo-disk';
import {
  selectAreaResult,
  selectCompareDistances,
  selectNearest,
  selectNearestBeyondRadius,
  selectReferencePoints,
  selectWithinRadius,
} from '../../src/state/selectors/find';
import { selectVisibleParks } from '../../src/state/selectors/parks';
import { selectBasisCounts } from '../../src/state/selectors/counts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const real = realGeoFixture();
const storeWithData = real.store;
const parks = (st: AppStore) => st.getState().derived!.parks;
const file = () => {
  const sectors = real.geo().sectors;
  return sectors.ok ? sectors.data : null;
};

describe('combined filter', () => {
  it('ANDs sector, district, zone and confidence; ORs within one', () => {
    const all = parks(storeWithData());
    const f = {
      sectors: ['ic'],
      districts: ['浦东新区', '嘉定区'],
      zones: ['h-east-corridor', 'h-west-corridor'],
      conf: ['estimate'],
      strengths: null,
      withinRadius: null,
      inArea: null,
    };
    const got = visibleParks(all, f, file()).map((p) => p.id);
    const want = all
      .filter(
        (p) =>
          p.links.some((l) => l.sector === 'ic') &&
          ['浦东新区', '嘉定区'].includes(p.district!) &&
          p.zones.some((z) => ['h-east-corridor', 'h-west-corridor'].includes(z)) &&
          p.confidence === 'estimate',
      )
      .map((p) => p.id);
    expect(got).toEqual(want);
    expect(got.length).toBeGreaterThan(1);
    expect(got).toContain('jiading-smart-sensor-park');
    expect(visibleParks(all, { sectors: [], districts: [], zones: [], conf: [], strengths: null, withinRadius: null, inArea: null }, file())).toHaveLength(42);
    expect(
      visibleParks(all, { sectors: [], districts: [], zones: [], conf: ['sourced'], strengths: null, withinRadius: null, inArea: null }, file()).map(
        (p) => p.id,
      ),
    ).toEqual(['zhangjiang-ic-base', 'zizhu', 'caohejing', 'maqiao-ai-zone']);
  });

  it('brings the chosen zones forward, else the sectors’ zones', () => {
    const z = storeWithData().getState().derived!.zones;
    expect(
      emphasisedZones(z, { sectors: ['ic'], districts: [], zones: ['service-belt'], conf: [], strengths: null, withinRadius: null, inArea: null }, file()),
    ).toEqual(['service-belt']);
    expect(
      emphasisedZones(z, { sectors: ['ic'], districts: ['浦东新区'], zones: [], conf: [], strengths: null, withinRadius: null, inArea: null }, file()),
    ).toEqual(zonesForSelection(z, ['ic'], file()));
    expect(
      emphasisedZones(z, { sectors: [], districts: ['浦东新区'], zones: [], conf: [], strengths: null, withinRadius: null, inArea: null }, file()),
    ).toBeNull();
  });

  it('sorts by name per language, or by distance with unknowns last', () => {
    const mk = (id: string, zh: string, en: string) => ({ id, name_zh: zh, name_en: en }) as ParkProps;
    const ps = [mk('b', '北', 'Beta'), mk('a', '安', 'Alpha'), mk('c', '长', 'Gamma')];
    expect(sortParks(ps, 'name', 'en', null).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(
      sortParks(
        ps,
        'distance',
        'en',
        new Map([
          ['c', 1],
          ['b', 2],
        ]),
      ).map((p) => p.id),
    ).toEqual(['c', 'b', 'a']);
    expect(sortParks(ps, 'distance', 'en', null).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('in Chinese, the places named 长… sort under cháng (after 漕河泾, before 崇明), not under zhāng after 张江', () => {
    const mk = (id: string, zh: string) => ({ id, name_zh: zh, name_en: id }) as ParkProps;
    const ps = [
      mk('zhangjiang', '张江在线'),
      mk('changning', '长宁虹桥智谷'),
      mk('chongming', '崇明'),
      mk('caohejing', '漕河泾开发区'),
      mk('changxing', '长兴岛'),
    ];
    expect(sortParks(ps, 'name', 'zh', null).map((p) => p.id)).toEqual(['caohejing', 'changning', 'changxing', 'chongming', 'zhangjiang']);
  });
});

describe('find slice and selectors', () => {
  it('caps the comparison at four and toggles', () => {
    const st = storeWithData();
    const ids = parks(st)
      .slice(0, 6)
      .map((p) => p.id);
    for (const id of ids) st.getState().toggleCompare(id);
    expect(st.getState().compareParkIds).toEqual(ids.slice(0, MAX_COMPARE));
    st.getState().toggleCompare(ids[1]!);
    expect(st.getState().compareParkIds).toEqual([ids[0], ids[2], ids[3]]);
    st.getState().setCompare([ids[0]!, ids[0]!, ...ids]);
    expect(st.getState().compareParkIds).toHaveLength(MAX_COMPARE);
  });

  it('accepts only positive finite radii, and only usable polygons', async () => {
    const s = storeWithData().getState;
    s().setRadiusKm(-3);
    expect(s().radiusKm).toBeNull();
    s().setRadiusKm(Number.NaN);
    expect(s().radiusKm).toBeNull();
    s().setRadiusKm(1e6);
    expect(s().radiusKm).toBe(200);
    const square: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121, 31],
          [121.1, 31],
          [121.1, 31.1],
          [121, 31.1],
          [121, 31],
        ],
      ],
    };
    await s().setDrawnArea(square);
    expect(s().drawnArea).toEqual(square);
    await s().setDrawnArea({
      type: 'Polygon',
      coordinates: [
        [
          [121, 31],
          [121, 31],
          [121, 31],
          [121, 31],
        ],
      ],
    });
    expect(s().drawnArea).toBeNull();
  });

  it('a later setArea wins while the first still waits for the area query to load', async () => {
    // a fresh module graph, so the area query is not loaded yet
    vi.resetModules();
    const { createAppStore: freshStore } = await import('../../src/state/store');
    const s = freshStore().getState;
    const square: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121, 31],
          [121.1, 31],
          [121.1, 31.1],
          [121, 31.1],
          [121, 31],
        ],
      ],
    };
    const first = s().setDrawnArea(square);
    await s().setDrawnArea(null);
    await first;
    expect(s().drawnArea).toBeNull();
    await s().setDrawnArea(square);
    expect(s().drawnArea).toEqual(square);
  });

  it('nearest and radius follow the filters and leave the origin park out', () => {
    const st = storeWithData();
    const s = st.getState;
    const at = s().derived!.parkCoords.get('zhangjiang-ic-base')!;
    s().setChosenPoint({ lng: at[0], lat: at[1], ref: { kind: 'park', id: 'zhangjiang-ic-base' } });
    const near = selectNearest(s())!;
    expect(near).toHaveLength(5);
    expect(near.map((r) => r.id)).not.toContain('zhangjiang-ic-base');
    for (let i = 1; i < near.length; i++) expect(near[i]!.km).toBeGreaterThanOrEqual(near[i - 1]!.km);
    expect(near[0]!.km).toBeCloseTo(distanceKm(at, s().derived!.parkCoords.get(near[0]!.id)!), 9);
    expect(selectNearest(s())).toBe(near); // memoised: stable for React
    // four parks share the point this map uses for Zhangjiang (schematic, ±5.5 km each): 0 km, but
    // only to within 5.5 km + the IC base's own 0.5 km (its published coordinate)
    expect(near.slice(0, 4).map((r) => [r.id, r.km, r.pm])).toEqual([
      ['ic-design-park', 0, 6],
      ['zhangjiang-innovative-drug-base', 0, 6],
      ['zhangjiang-online', 0, 6],
      ['zhangjiang-shulian', 0, 6],
    ]);
    // a point picked on the map is exact: the ± is the park's own
    s().setChosenPoint({ lng: at[0], lat: at[1], ref: null });
    expect(selectNearest(s())!.map((r) => [r.id, r.pm])).toEqual([
      ['ic-design-park', 5.5],
      ['zhangjiang-ic-base', 0.5],
      ['zhangjiang-innovative-drug-base', 5.5],
      ['zhangjiang-online', 5.5],
      ['zhangjiang-shulian', 5.5],
    ]);
    s().setChosenPoint({ lng: at[0], lat: at[1], ref: { kind: 'park', id: 'zhangjiang-ic-base' } });

    s().setRadiusKm(10);
    const within = selectWithinRadius(s())!;
    expect(within.every((r) => r.km <= 10)).toBe(true);
    s().setSectors(['biomed']);
    const visible = new Set(selectVisibleParks(s()).map((p) => p.id));
    expect(selectWithinRadius(s())!.every((r) => visible.has(r.id))).toBe(true);
    expect(selectNearest(s())!.every((r) => visible.has(r.id))).toBe(true);
    // parks inside the radius: nothing beyond it is offered
    expect(selectNearestBeyondRadius(s())).toBeNull();
  });

  it('a radius with no park inside: the nearest beyond it, under every other filter', () => {
    const st = storeWithData();
    const s = st.getState;
    // the Huangpu at Lujiazui's south, 121.5268 31.1875: no park within 1 km of it
    const pt = { lng: 121.5268, lat: 31.1875, ref: null };
    s().setChosenPoint(pt);
    s().setRadiusKm(1);
    expect(selectWithinRadius(s())).toEqual([]);
    expect(selectNearest(s())).toEqual([]);
    const beyond = selectNearestBeyondRadius(s())!;
    expect(beyond).toHaveLength(5);
    const coords = s().derived!.parkCoords;
    const all = [...coords].map(([id, c]) => ({ id, km: distanceKm([pt.lng, pt.lat], c) })).sort((a, b) => a.km - b.km);
    // the five shortest distances (parks that share a point tie: compared by km)
    beyond.forEach((r, i) => expect(r.km).toBeCloseTo(all[i]!.km, 9));
    expect(beyond.every((r) => r.km > 1)).toBe(true);
    // the other filters still hold: only biomedicine parks
    s().setSectors(['biomed']);
    const biomed = new Set(
      s()
        .derived!.parks.filter((p) => p.sectors.includes('biomed'))
        .map((p) => p.id),
    );
    const b2 = selectNearestBeyondRadius(s())!;
    expect(b2.length).toBeGreaterThan(0);
    expect(b2.every((r) => biomed.has(r.id))).toBe(true);
    // a radius wide enough: none beyond is offered
    s().setRadiusKm(30);
    expect(selectNearestBeyondRadius(s())).toBeNull();
  });

  it('area result: parks, zones and sectors inside a polygon around Lingang', async () => {
    const s = storeWithData().getState;
    const lingang: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121.8, 30.85],
          [122.0, 30.85],
          [122.0, 31.0],
          [121.8, 31.0],
          [121.8, 30.85],
        ],
      ],
    };
    await s().setDrawnArea(lingang);
    const r = selectAreaResult(s())!;
    expect(r.parks.sort()).toEqual(['dongfang-xingang', 'lingang-ocean-innovation-park', 'shengming-lanwan', 'xinxi-feiyu']);
    expect(r.zones).toContain('lingang-pole');
    expect(r.zones).not.toContain('zhangjiang-pole');
    expect(r.sectors.map((x) => x.id)).toContain('ic');
    expect(r.sectors.find((x) => x.id === 'ic')).toMatchObject({ parks: 4 });
    // sectors are counted by the sector filter's rule: without broad areas, a park in Lingang's pole
    // alone does not count for the pole's sectors, and the pole (a broad area) counts as no zone
    const broadOff = new Map(r.sectors.map((x) => [x.id, x]));
    s().setIncludeBroad(true);
    const broadOn = new Map(selectAreaResult(s())!.sectors.map((x) => [x.id, x]));
    expect([...broadOn].some(([id, x]) => x.parks > (broadOff.get(id)?.parks ?? 0))).toBe(true);
    expect([...broadOn].some(([id, x]) => x.zones > (broadOff.get(id)?.zones ?? 0))).toBe(true);
    s().setIncludeBroad(false);
    // the same count the list gives with that sector chosen
    for (const [id, x] of broadOff) {
      s().setSectors([id]);
      expect(selectAreaResult(s())!.parks.length, id).toBe(x.parks);
    }
    s().setSectors([]);
  });

  it('reference points: both pole centroids, People’s Square, both airports; distances per compared park', () => {
    const s = storeWithData().getState;
    const refs = selectReferencePoints(s());
    expect(refs.map((r) => r.id)).toEqual(['zhangjiang-pole', 'lingang-pole', 'peoples-square', 'pvg', 'sha']);
    expect(refs[2]!.coord).toEqual([121.4737, 31.2304]);
    s().setCompare(['the-bund', 'dongfang-xingang']);
    const d = selectCompareDistances(s());
    expect(d.get('the-bund')!.find((x) => x.id === 'peoples-square')!.km).toBeLessThan(3);
    // ± the park's own position: the Bund ±1 km (anchored), Dongfang Xingang ±3 km (estimated)
    expect(new Set(d.get('the-bund')!.map((x) => x.pm))).toEqual(new Set([1]));
    expect(new Set(d.get('dongfang-xingang')!.map((x) => x.pm))).toEqual(new Set([3]));
    expect(d.get('dongfang-xingang')!.find((x) => x.id === 'lingang-pole')!.km).toBeLessThan(d.get('the-bund')!.find((x) => x.id === 'lingang-pole')!.km);
  });
});

describe('URL binding', () => {
  it('restores search text and every filter, and writes them back', () => {
    const st = storeWithData();
    const notices = applyUrlState(
      st,
      decodeUrl('?sector=ic&q=%E5%BC%A0%E6%B1%9F&district=%E6%B5%A6%E4%B8%9C%E6%96%B0%E5%8C%BA&zones=zhangjiang-pole,lingang-pole&conf=estimate', ''),
    );
    expect(notices).toEqual([]);
    const s = st.getState();
    expect([s.searchText, s.districtFilter, s.zoneFilter, s.confFilter]).toEqual(['张江', ['浦东新区'], ['zhangjiang-pole', 'lingang-pole'], ['estimate']]);
    expect(formatUrlState(currentUrlState(st)).search).toBe(
      `?sector=ic&q=${encodeURIComponent('张江')}&district=${encodeURIComponent('浦东新区')}&zones=zhangjiang-pole,lingang-pole&conf=estimate`,
    );
  });

  it('drops unknown zones with a notice', () => {
    const st = storeWithData();
    const notices = applyUrlState(st, decodeUrl('?zones=nope,lingang-pole', ''));
    expect(notices.map((n) => `${n.param}=${n.value}`)).toEqual(['zones=nope']);
    expect(st.getState().zoneFilter).toEqual(['lingang-pole']);
  });
});

describe('map clicks while a find tool is active', () => {
  const click = (layerId: 'parks-circle' | 'serviceBelt-fill' | null, id?: string) => ({
    layerId,
    properties: id ? { id } : {},
    lngLat: { lng: 121.45, lat: 31.21 },
    featureLngLat: null,
  });

  it('select nothing in pick or draw mode, and select again afterwards', async () => {
    const { createMapSync } = await import('../../src/map/sync');
    const st = storeWithData();
    const h = createMapSync(st).handlers;
    st.getState().selectPark('the-bund');
    for (const mode of ['pick', 'draw'] as const) {
      st.getState().setFindMode(mode);
      h.onClick(click('parks-circle', 'caohejing'));
      if (mode === 'pick') st.getState().setFindMode(mode);
      h.onClick(click('serviceBelt-fill', 'service-belt'));
      if (mode === 'pick') st.getState().setFindMode(mode);
      h.onClick(click(null));
      expect([st.getState().selectedParkId, st.getState().selectedZoneId]).toEqual(['the-bund', null]);
    }
    st.getState().setFindMode('none');
    h.onClick(click('parks-circle', 'caohejing'));
    expect(st.getState().selectedParkId).toBe('caohejing');
  });
});

describe('the one visibility rule: strengths, radius and drawn area are filters like the others', () => {
  const ids = (st: AppStore) => selectVisibleParks(st.getState()).map((p) => p.id);

  it('a sector shows its strong links by default; "include broad areas" adds the broad-only parks', () => {
    const st = storeWithData();
    const all = parks(st);
    st.getState().setSectors(['ai']);
    const strong = all.filter((p) => p.links.some((l) => l.sector === 'ai' && l.strength !== 'broad')).map((p) => p.id);
    const any = all.filter((p) => p.links.some((l) => l.sector === 'ai')).map((p) => p.id);
    expect(ids(st)).toEqual(strong);
    expect(any.length).toBeGreaterThan(strong.length);
    st.getState().setIncludeBroad(true);
    expect(ids(st)).toEqual(any);
    // a park linked to ai only through a broad area shows only when asked for
    const broadOnly = any.find((id) => !strong.includes(id))!;
    st.getState().setIncludeBroad(false);
    expect(ids(st)).not.toContain(broadOnly);
  });

  it('a radius around the chosen point keeps the parks within it (great-circle km, computed here)', () => {
    const st = storeWithData();
    const coords = st.getState().derived!.parkCoords;
    const at = coords.get('the-bund')!;
    st.getState().setChosenPoint({ lng: at[0], lat: at[1], ref: null });
    st.getState().setRadiusKm(8);
    const R = 6371.0088;
    const rad = (d: number) => (d * Math.PI) / 180;
    const km = ([x, y]: [number, number]) => {
      const a = Math.sin(rad(y - at[1]) / 2) ** 2 + Math.cos(rad(at[1])) * Math.cos(rad(y)) * Math.sin(rad(x - at[0]) / 2) ** 2;
      return 2 * R * Math.asin(Math.sqrt(a));
    };
    const want = parks(st)
      .filter((p) => km(coords.get(p.id)!) <= 8)
      .map((p) => p.id);
    expect(ids(st)).toEqual(want);
    expect(want.length).toBeGreaterThan(1);
    expect(want.length).toBeLessThan(parks(st).length);
    st.getState().setRadiusKm(null);
    expect(ids(st)).toHaveLength(parks(st).length);
  });

  it('a drawn area keeps the parks inside it, with the other filters', async () => {
    const st = storeWithData();
    const box: [number, number][] = [
      [121.5, 31.15],
      [121.7, 31.15],
      [121.7, 31.3],
      [121.5, 31.3],
      [121.5, 31.15],
    ];
    await st.getState().setDrawnArea({ type: 'Polygon', coordinates: [box] });
    const coords = st.getState().derived!.parkCoords;
    const inside = parks(st)
      .filter((p) => {
        const [x, y] = coords.get(p.id)!;
        return x >= 121.5 && x <= 121.7 && y >= 31.15 && y <= 31.3;
      })
      .map((p) => p.id);
    expect(ids(st)).toEqual(inside);
    st.getState().setFindFilters({ conf: ['sourced'] });
    expect(ids(st)).toEqual(inside.filter((id) => parks(st).find((p) => p.id === id)!.confidence === 'sourced'));
    await st.getState().setDrawnArea(null);
    expect(ids(st)).toEqual(
      parks(st)
        .filter((p) => p.confidence === 'sourced')
        .map((p) => p.id),
    );
  });

  it('"include broad areas" round-trips through the URL', () => {
    const st = storeWithData();
    st.getState().setSectors(['ai']);
    st.getState().setIncludeBroad(true);
    const { search } = formatUrlState(currentUrlState(st));
    expect(search).toBe('?sector=ai&broad=1');
    const back = storeWithData();
    applyUrlState(back, decodeUrl(search, ''));
    expect(back.getState().includeBroad).toBe(true);
  });

  it('why a place is on the map (plan / list) is a filter like the others, counted, and in the URL', () => {
    // read from the built file, not through the store: 34 places the plan names (25 + 9 on both), 17 on the list (8 + 9)
    const raw = JSON.parse(readFileSync(join(process.cwd(), 'public/geo/parks.geojson'), 'utf8')) as {
      features: { properties: { id: string; basis: string[] } }[];
    };
    const onList = raw.features.filter((f) => f.properties.basis.includes('list')).map((f) => f.properties.id);
    const byPlan = raw.features.filter((f) => f.properties.basis.includes('plan')).map((f) => f.properties.id);
    expect([onList.length, byPlan.length]).toEqual([17, 34]);
    const st = storeWithData();
    expect(selectBasisCounts(st.getState()).get('list')).toBe(17);
    st.getState().toggleBasis('list');
    expect(selectVisibleParks(st.getState()).map((p) => p.id)).toEqual(onList);
    st.getState().toggleBasis('plan');
    expect(selectVisibleParks(st.getState())).toHaveLength(42);
    st.getState().toggleBasis('plan');
    // with a district: the list's parks in 浦东新区 only
    st.getState().toggleDistrict('浦东新区');
    const pudongList = raw.features.filter(
      (f) => f.properties.basis.includes('list') && (f.properties as unknown as { district: string }).district === '浦东新区',
    );
    expect(selectVisibleParks(st.getState()).map((p) => p.id)).toEqual(pudongList.map((f) => f.properties.id));
    const { search } = formatUrlState(currentUrlState(st));
    expect(search).toContain('basis=list');
    const back = storeWithData();
    applyUrlState(back, decodeUrl(search, ''));
    expect(back.getState().basisFilter).toEqual(['list']);
    expect(selectVisibleParks(back.getState()).map((p) => p.id)).toEqual(pudongList.map((f) => f.properties.id));
    const notices = applyUrlState(storeWithData(), decodeUrl('?basis=rumour,plan', ''));
    expect(notices.length).toBeGreaterThan(0);
  });
});
