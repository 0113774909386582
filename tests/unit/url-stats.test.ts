/** The statistics view in the URL: view=stats, its tab and its district profile; sort=strength. */
import { describe, expect, it } from 'vitest';
import { applyUrlState, currentUrlState } from '../../src/state/url/sync';
import { decodeUrl, formatUrlState, layoutOf } from '../../src/state/url/codec';
import { readGeoJson, realGeoFixture } from '../fakes/geo-disk';
import { districtBox } from '../helpers/district-box';

const real = realGeoFixture();

describe('view=stats', () => {
  it('opens the statistics view on its tab and district, in the map app layout, and writes them back', () => {
    const url = decodeUrl('?sector=biomed&view=stats&tab=district&profile=%E5%BE%90%E6%B1%87%E5%8C%BA', '');
    expect(layoutOf(url)).toBe('app');
    const store = real.store();
    expect(applyUrlState(store, url)).toEqual([]);
    const s = store.getState();
    expect([s.statsOpen, s.statsTab, s.statsDistrict]).toEqual([true, 'district', '徐汇区']);
    const { search } = formatUrlState(currentUrlState(store));
    expect(search).toBe('?sector=biomed&view=stats&tab=district&profile=%E5%BE%90%E6%B1%87%E5%8C%BA');
  });

  it("a link to the view frames its district profile's district, else the city, unless it places the camera or opens a card", () => {
    const DISTRICTS = readGeoJson<{ features: Parameters<typeof districtBox>[0][number][] }>('districts.geojson').features;
    const profile = '?view=stats&tab=district&profile=%E5%98%89%E5%AE%9A%E5%8C%BA';
    const store = real.store();
    applyUrlState(store, decodeUrl(profile, ''));
    expect(store.getState().cameraRequest?.bounds).toEqual(districtBox(DISTRICTS, '嘉定区'));
    // the link's camera stays where it was put
    const placed = real.store();
    applyUrlState(placed, decodeUrl(profile, '#11/31.2/121.5'));
    expect(placed.getState().cameraRequest).toBeNull();
    // a park's card: the map flies to the park
    const park = real.store();
    const id = real.geo().parks.ok ? (real.geo().parks as { data: { features: { properties: { id: string } }[] } }).data.features[0]!.properties.id : '';
    applyUrlState(park, decodeUrl(`${profile}&park=${id}`, ''));
    expect(park.getState().cameraRequest?.bounds).toBeNull();
    expect(park.getState().cameraRequest?.lng).toEqual(expect.any(Number));
    // another tab: the whole city, not the district
    const matrix = real.store();
    applyUrlState(matrix, decodeUrl('?view=stats&profile=%E5%98%89%E5%AE%9A%E5%8C%BA', ''));
    expect(matrix.getState().cameraRequest?.bounds).toEqual(districtBox(DISTRICTS));
    // no view: nothing framed
    const none = real.store();
    applyUrlState(none, decodeUrl('?sector=ai', ''));
    expect(none.getState().cameraRequest).toBeNull();
  });

  it('leaves the default tab and a closed view out of the URL', () => {
    const store = real.store();
    applyUrlState(store, decodeUrl('?view=stats', ''));
    expect(formatUrlState(currentUrlState(store)).search).toBe('?view=stats');
    store.getState().setStatsTab('scorecard');
    expect(formatUrlState(currentUrlState(store)).search).toBe('?view=stats&tab=scorecard');
    store.getState().closeStats();
    expect(formatUrlState(currentUrlState(store)).search).toBe('');
  });

  it('ignores an unknown tab or district with the usual notice, and keeps the rest', () => {
    const store = real.store();
    const notices = applyUrlState(store, decodeUrl('?view=stats&tab=pie&profile=%E5%8C%97%E4%BA%AC', ''));
    expect(notices.map((n) => [n.param, n.value, n.code])).toEqual([
      ['tab', 'pie', 'unknown-value'],
      ['profile', '北京', 'unknown-value'],
    ]);
    const s = store.getState();
    expect([s.statsOpen, s.statsTab, s.statsDistrict]).toEqual([true, 'matrix', null]);
    expect(s.notices).toHaveLength(1);
    expect(s.notices[0]!.details.join('\n')).toContain('tab=pie');
  });

  it('an unknown view is ignored with a notice', () => {
    const store = real.store();
    const notices = applyUrlState(store, decodeUrl('?view=charts', ''));
    expect(notices.map((n) => n.param)).toEqual(['view']);
    expect(store.getState().statsOpen).toBe(false);
  });
});

describe('sort=strength', () => {
  it('round-trips without a chosen point; distance still needs one', () => {
    const store = real.store();
    applyUrlState(store, decodeUrl('?sector=ai&sort=strength', ''));
    expect(store.getState().sortBy).toBe('strength');
    expect(formatUrlState(currentUrlState(store)).search).toBe('?sector=ai&sort=strength');
    const other = real.store();
    applyUrlState(other, decodeUrl('?sort=distance', ''));
    expect(other.getState().sortBy).toBe('name');
  });
});
