/**
 * Counts that follow every filter, what the broad areas add, why a choice leaves no park, and the
 * strength sort. Expectations are computed here from the built parks.geojson (its links and
 * their strengths), never with src/state/counts.ts.
 */
import { describe, expect, it } from 'vitest';
import { realGeoFixture, readGeoJson } from '../fakes/geo-disk';
import {
  selectDistrictCounts,
  selectEmptyReasons,
  selectSectorOptionCounts,
  selectSelectionStrengths,
  selectZoneCounts,
} from '../../src/state/selectors/counts';
import { selectVisibleParks } from '../../src/state/selectors/parks';
import { sortParks } from '../../src/state/filter';

interface Link {
  sector: string;
  node: string;
  strength: 'named' | 'listed' | 'cluster' | 'broad';
}
interface Park {
  id: string;
  district: string;
  zones: string[];
  confidence: string;
  links: Link[];
  name_en: string;
}
const PARKS: Park[] = readGeoJson<{ features: { properties: Park }[] }>('parks.geojson').features.map((f) => f.properties);
const RANK = ['named', 'listed', 'cluster', 'broad'];
const STRONG = ['named', 'listed', 'cluster'];
/** the oracle: parks with a link to `sector` (top level or node) of an allowed strength */
const linked = (p: Park, sector: string, broad: boolean) =>
  p.links.some((l) => (l.sector === sector || l.node === sector) && (broad || STRONG.includes(l.strength)));
const best = (p: Park, sector: string) => Math.min(...p.links.filter((l) => l.sector === sector || l.node === sector).map((l) => RANK.indexOf(l.strength)));

const real = realGeoFixture();

describe('district and zone counts follow every filter', () => {
  it('with 生物医药 ticked, each district count is the strong biomed parks in it, and ticking it shows exactly that many', () => {
    const store = real.store();
    store.getState().setSectors(['biomed']);
    const counts = selectDistrictCounts(store.getState());
    const districts = [...new Set(PARKS.map((p) => p.district))];
    for (const d of districts) {
      const want = PARKS.filter((p) => p.district === d && linked(p, 'biomed', false)).length;
      expect(counts.get(d), d).toBe(want);
    }
    // the case the issue names: 黄浦 said 1 though ticking it gave 0
    const huangpu = PARKS.filter((p) => p.district === '黄浦区' && linked(p, 'biomed', false)).length;
    expect(counts.get('黄浦区')).toBe(huangpu);
    store.getState().toggleDistrict('黄浦区');
    expect(selectVisibleParks(store.getState())).toHaveLength(huangpu);
    // and a district count with no sector is every park there
    store.getState().setSectors([]);
    expect(selectDistrictCounts(store.getState()).get('浦东新区')).toBe(PARKS.filter((p) => p.district === '浦东新区').length);
  });

  it('zone counts follow the sector filter and the confidence filter too', () => {
    const store = real.store();
    store.getState().setSectors(['ai']);
    store.getState().toggleConf('estimate');
    const counts = selectZoneCounts(store.getState());
    for (const z of ['zhangjiang-pole', 'lingang-pole', 'h-east-corridor']) {
      const want = PARKS.filter((p) => p.zones.includes(z) && p.confidence === 'estimate' && linked(p, 'ai', false)).length;
      expect(counts.get(z), z).toBe(want);
    }
  });
});

describe('sector options and the broad areas', () => {
  it('each option counts its strong parks, and knows every park by its strongest link', () => {
    const store = real.store();
    const counts = selectSectorOptionCounts(store.getState());
    for (const id of ['ic', 'biomed', 'ai', 'digital', 'ai-chips', 'photonics']) {
      const c = counts.get(id)!;
      expect(c.shown, id).toBe(PARKS.filter((p) => linked(p, id, false)).length);
      for (const s of RANK)
        expect(c.byStrength[s as Link['strength']], `${id} ${s}`).toBe(PARKS.filter((p) => linked(p, id, true) && best(p, id) === RANK.indexOf(s)).length);
    }
  });

  it('every option, with a district chosen and then the broad areas included, counts what the oracle counts', () => {
    const store = real.store();
    store.getState().toggleDistrict('浦东新区');
    const ids = [...selectSectorOptionCounts(store.getState()).keys()];
    expect(ids.length).toBeGreaterThan(30);
    for (const broad of [false, true]) {
      store.getState().setIncludeBroad(broad);
      const counts = selectSectorOptionCounts(store.getState());
      const inPudong = PARKS.filter((p) => p.district === '浦东新区');
      for (const id of ids) {
        const c = counts.get(id)!;
        expect(c.shown, `${id} broad=${broad}`).toBe(inPudong.filter((p) => linked(p, id, broad)).length);
        for (const s of RANK)
          expect(c.byStrength[s as Link['strength']], `${id} ${s}`).toBe(inPudong.filter((p) => linked(p, id, true) && best(p, id) === RANK.indexOf(s)).length);
      }
    }
    // the oracle is not empty: some option shows parks in 浦东新区, and the broad areas add some
    expect([...selectSectorOptionCounts(store.getState()).values()].some((c) => c.shown > 0)).toBe(true);
  });

  it('"include broad areas" says how many parks it adds, and adds exactly those', () => {
    const store = real.store();
    store.getState().setSectors(['ai']);
    const strong = PARKS.filter((p) => linked(p, 'ai', false)).length;
    const all = PARKS.filter((p) => linked(p, 'ai', true)).length;
    expect(all).toBeGreaterThan(strong);
    expect(selectSelectionStrengths(store.getState()).broadAdds).toBe(all - strong);
    expect(selectVisibleParks(store.getState())).toHaveLength(strong);
    store.getState().setIncludeBroad(true);
    expect(selectVisibleParks(store.getState())).toHaveLength(all);
  });
});

describe('a choice that leaves no park says why', () => {
  it('a leading industry: the plan names no place for it', () => {
    const store = real.store();
    store.getState().setSectors(['photonics']);
    expect(selectVisibleParks(store.getState())).toHaveLength(0);
    expect(selectEmptyReasons(store.getState())).toEqual([{ kind: 'unplaced', sectors: ['photonics'] }]);
  });

  it('a sector and a district with nothing in common: dropping either filter would show parks', () => {
    const store = real.store();
    // a district without a strong biomed park (from the data)
    const d = [...new Set(PARKS.map((p) => p.district))].find((x) => !PARKS.some((p) => p.district === x && linked(p, 'biomed', false)))!;
    store.getState().setSectors(['biomed']);
    store.getState().toggleDistrict(d);
    expect(selectVisibleParks(store.getState())).toHaveLength(0);
    const reasons = selectEmptyReasons(store.getState());
    expect(reasons).toContainEqual({ kind: 'without', filter: 'sectors', n: PARKS.filter((p) => p.district === d).length });
    expect(reasons).toContainEqual({ kind: 'without', filter: 'districts', n: PARKS.filter((p) => linked(p, 'biomed', false)).length });
    const broad = PARKS.filter((p) => p.district === d && linked(p, 'biomed', true)).length;
    if (broad > 0) expect(reasons).toContainEqual({ kind: 'broad', n: broad });
  });

  it('says nothing while some park shows', () => {
    const store = real.store();
    store.getState().setSectors(['ic']);
    expect(selectEmptyReasons(store.getState())).toEqual([]);
  });
});

describe('the list sorts by strength', () => {
  it('named first, then listed, cluster, broad; ties by name', () => {
    const store = real.store();
    const s = store.getState();
    const file = s.geo!.sectors.ok ? s.geo!.sectors.data : null;
    const parks = s.derived!.parks.filter((p) => linked(p as unknown as Park, 'biomed', true));
    const got = sortParks(parks, 'strength', 'en', null, { sectors: ['biomed'], file }).map((p) => p.id);
    const want = [...parks]
      .sort((a, b) => best(a as unknown as Park, 'biomed') - best(b as unknown as Park, 'biomed') || new Intl.Collator('en').compare(a.name_en, b.name_en))
      .map((p) => p.id);
    expect(got).toEqual(want);
    // the ranks really differ along the list
    expect(best(parks.find((p) => p.id === got[0])! as unknown as Park, 'biomed')).toBe(0);
    expect(best(parks.find((p) => p.id === got.at(-1))! as unknown as Park, 'biomed')).toBe(3);
  });
});
