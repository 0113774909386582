/**
 * The investor "find" tools in a real browser (Chromium + SwiftShader, offline): search
 * (pinyin/typo, keyboard, districts), combined filters with URL state, nearest parks to a picked
 * point with distance sort, the radius query, a drawn area (terra-draw), and the comparison.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanIntersects, booleanPointInPolygon, centroid, distance } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openSession, startServer } from './harness';
import { camera, jumpTo, lngLatAt, mapIdle, pagePoint, poll, rendered } from './driver';
import type { Session } from './harness';
import { districtBox } from '../helpers/district-box';

type LngLat = [number, number];

const here = dirname(fileURLToPath(import.meta.url));
const SHOTS = join(here, '.shots');
const geo = (f: string) => JSON.parse(readFileSync(join(here, '../../public/geo', f), 'utf8'));

interface ParkFeature {
  geometry: { coordinates: LngLat };
  properties: {
    id: string;
    name_zh: string;
    name_en: string;
    district: string;
    confidence: string;
    zones: string[];
    sectors: string[];
    links: { sector: string; strength: string }[];
    position: { radius_m: number };
  };
}
const PARKS: ParkFeature[] = geo('parks.geojson').features;
const DISTRICTS: Feature<Polygon | MultiPolygon, { name_zh: string }>[] = geo('districts.geojson').features;
const ZONES: Feature<Geometry, { id: string }>[] = geo('zones.geojson').features;
const AIRPORTS: Feature<Geometry, { id: string }>[] = geo('basemap.geojson').features.filter(
  (f: Feature<Geometry, { kind: string }>) => f.properties.kind === 'airport',
);
const km = (a: LngLat, b: LngLat) => distance(a, b, { units: 'kilometers' });
const byDistance = (o: LngLat, ids = PARKS) =>
  ids.map((p) => ({ id: p.properties.id, km: km(o, p.geometry.coordinates) })).sort((a, b) => a.km - b.km || (a.id < b.id ? -1 : 1));

const READY = '[data-testid="map"][data-map-ready="true"]';

let server: PreviewServer;
let base: string;
let s: Session;

before(async () => {
  ({ server, base } = await startServer());
  s = await openSession(base, { viewport: { width: 1400, height: 900 } });
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await s?.close();
  await server?.close();
});

async function gotoReady(query = ''): Promise<void> {
  s.errors.length = 0;
  s.offOrigin.length = 0;
  await s.page.goto(`${s.base}${query}`);
  await s.page.locator(READY).waitFor({ timeout: 30_000 });
}

const attrs = (page: Page, sel: string, attr: string) => page.locator(sel).evaluateAll((els, a) => els.map((e) => e.getAttribute(a) ?? ''), attr);
const listed = (page: Page) => attrs(page, '.park-list button[data-park]', 'data-park');
const pageErrors = () => s.errors.filter((e) => e.startsWith('pageerror:'));

describe('find tools', () => {
  test('search: pinyin with a typo, keyboard ↓/Enter/Esc, result flies and opens the card; districts too', { timeout: 90_000 }, async () => {
    await gotoReady();
    const box = s.page.getByRole('combobox', { name: '搜索园区、空间布局、区或产业' });
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
    await box.fill('zhangjaing ai');
    const options = s.page.getByRole('option');
    await options.first().waitFor();
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    const ids = await attrs(s.page, '[role="option"]', 'data-id');
    assert.equal(ids[0], 'zhangjiang-ai-island', `ranked first: ${ids.join(' ')}`);

    await box.press('ArrowDown');
    assert.equal(await options.first().getAttribute('aria-selected'), 'true');
    assert.equal(await box.getAttribute('aria-activedescendant'), await options.first().getAttribute('id'));
    await box.press('ArrowDown');
    assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true');
    await box.press('ArrowUp');
    await box.press('Enter');
    await s.page.locator('article.park-card[data-park="zhangjiang-ai-island"]').waitFor({ timeout: 30_000 });
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
    // the place asked for comes first: its card, then the parks nearest to it
    const [card, nearest] = await Promise.all(['article.park-card', '[data-testid="find-origin"]'].map((sel) => s.page.locator(sel).boundingBox()));
    assert.ok(card && nearest && card.y < nearest.y, `card at y ${card?.y}, nearest parks at y ${nearest?.y}`);
    const [lng, lat] = PARKS.find((p) => p.properties.id === 'zhangjiang-ai-island')!.geometry.coordinates;
    await poll(
      'the camera to reach the park',
      () => camera(s.page),
      (c) => !c.moving && Math.abs(c.lng - lng) < 1e-3 && Math.abs(c.lat - lat) < 1e-3,
    );
    await poll(
      'the URL to hold the search text',
      async () => new URL(s.page.url()).searchParams.get('q'),
      (q) => q === '张江人工智能岛',
    );

    // Esc closes the list, a second Esc clears the text
    await box.fill('临港');
    await options.first().waitFor();
    const lingang = await attrs(s.page, '[role="option"]', 'data-id');
    assert.ok(lingang.includes('lingang-pole'), `zones are searched: ${lingang.join(' ')}`);
    await box.press('Escape');
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
    await box.press('Escape');
    assert.equal(await box.inputValue(), '');

    // a district: English name; choosing it frames the whole district clear of the panels over the map, and opens no card
    await box.fill('Songjiang');
    await options.first().waitFor();
    const first = options.first();
    assert.equal(await first.getAttribute('data-kind'), 'district');
    await box.press('Enter');
    await poll(
      'the camera to frame 松江区',
      () => camera(s.page),
      (c) => !c.moving && c.lng > 121.0 && c.lng < 121.4 && c.lat > 30.9 && c.lat < 31.2,
    );
    await mapIdle(s.page);
    // 松江区's box, from its coordinates in districts.geojson, lies on the map and off the legend and the find toolbar
    const [[west, south], [east, north]] = districtBox(DISTRICTS, '松江区');
    const [nw, se] = await Promise.all([pagePoint(s.page, [west, north]), pagePoint(s.page, [east, south])]);
    assert.ok(nw.inside && se.inside, `the district's box on the map: ${JSON.stringify([nw, se])}`);
    for (const sel of ['[data-testid="map-legend"]', '.find-toolbar']) {
      const r = (await s.page.locator(sel).boundingBox())!;
      const apart = se.x <= r.x || nw.x >= r.x + r.width || se.y <= r.y || nw.y >= r.y + r.height;
      assert.ok(apart, `the district's box ${JSON.stringify([nw, se])} clear of ${sel} ${JSON.stringify(r)}`);
    }
    // and not a speck: it spans at least a third of the map's height or width
    const mapBox = (await s.page.locator('[data-testid="map"]').boundingBox())!;
    assert.ok(se.y - nw.y > mapBox.height / 3 || se.x - nw.x > mapBox.width / 3, `framed large: ${JSON.stringify([nw, se, mapBox])}`);
    assert.equal(await s.page.locator('article.park-card').count(), 0);
    // nothing outlined until the list is narrowed to the district; then only its parks, and the district outlined
    assert.deepEqual(await rendered(s.page, 'districts-chosen', 'name_zh'), []);
    const only = s.page.getByTestId('origin-district-only');
    assert.equal(await only.getAttribute('aria-pressed'), 'false');
    const n = Number(/（(\d+) 个）/.exec((await only.textContent()) ?? '')?.[1]);
    const inSongjiang = PARKS.filter((p) => p.properties.district === '松江区').map((p) => p.properties.id);
    assert.ok(n >= 1 && n <= inSongjiang.length, `the button's count ${n} of ${inSongjiang.length} parks in 松江区`);
    await only.click();
    assert.equal(await only.getAttribute('aria-pressed'), 'true');
    await poll(
      'the list to hold only the parks of 松江区',
      () => attrs(s.page, '.park-list [data-park]', 'data-park'),
      (ids) => ids.length === n && ids.every((id) => inSongjiang.includes(id)),
    );
    await mapIdle(s.page);
    assert.deepEqual(await rendered(s.page, 'districts-chosen', 'name_zh'), ['松江区']);
    await only.click();
    await poll(
      'the list to come back',
      () => attrs(s.page, '.park-list [data-park]', 'data-park'),
      (ids) => ids.length > n,
    );
    assert.deepEqual(pageErrors(), []);
    assert.deepEqual(s.offOrigin, []);
  });

  test('filters combine (sector × district × zone × confidence), drive list, count, map and URL, and come back from it', { timeout: 90_000 }, async () => {
    await gotoReady();
    const count = s.page.getByTestId('find-count');
    assert.match((await count.textContent()) ?? '', new RegExp(`^${PARKS.length} / ${PARKS.length} `));
    await s.page.locator('summary', { hasText: '所在区' }).click();
    await s.page.locator('input[data-district="浦东新区"]').check();
    await s.page.locator('summary', { hasText: '空间布局' }).first().click();
    await s.page.locator('input[data-zone-filter="h-east-corridor"]').check();
    await s.page.locator('input[data-conf="estimate"]').check();
    await s.page.locator('input[data-sector="ic"]').check();
    const expected = PARKS.filter(
      (p) =>
        p.properties.district === '浦东新区' &&
        p.properties.zones.includes('h-east-corridor') &&
        p.properties.confidence === 'estimate' &&
        // by default the sector filter counts the strong links (named, listed, inside the sector's cluster)
        p.properties.links.some((l) => l.sector === 'ic' && l.strength !== 'broad'),
    )
      .map((p) => p.properties.id)
      .sort();
    assert.ok(expected.length > 0 && expected.length < 10, `a real narrowing: ${expected.join(' ')}`);
    await poll(
      'the count',
      async () => (await count.textContent()) ?? '',
      (t) => t.startsWith(`${expected.length} / ${PARKS.length} `),
    );
    assert.deepEqual((await listed(s.page)).sort(), expected);
    await mapIdle(s.page);
    const onMap = await poll(
      'the map to follow',
      () => rendered(s.page, 'parks-circle'),
      (ids) => ids.length > 0 && ids.every((id) => expected.includes(id)),
    );
    assert.ok(onMap.every((id) => expected.includes(id)));
    const url = await poll(
      'the URL',
      async () => new URL(s.page.url()),
      (u) => u.searchParams.get('zones') === 'h-east-corridor' && u.searchParams.has('conf'),
    );
    assert.equal(url.searchParams.get('district'), '浦东新区');
    assert.equal(url.searchParams.get('conf'), 'estimate');
    assert.equal(url.searchParams.get('sector'), 'ic');

    // the shared link restores search text and every filter
    await gotoReady(`${url.search}&q=${encodeURIComponent('金桥')}`);
    assert.equal(await s.page.getByRole('combobox', { name: '搜索园区、空间布局、区或产业' }).inputValue(), '金桥');
    assert.equal(await s.page.locator('input[data-district="浦东新区"]').isChecked(), true);
    assert.equal(await s.page.locator('input[data-zone-filter="h-east-corridor"]').isChecked(), true);
    assert.equal(await s.page.locator('input[data-conf="estimate"]').isChecked(), true);
    assert.deepEqual((await listed(s.page)).sort(), expected);
    assert.equal(await s.page.locator('.notice').count(), 0);
    assert.deepEqual(pageErrors(), []);
  });

  test('nearest: pick a point on the map, nearest parks by great-circle km, list sorted by distance', { timeout: 90_000 }, async () => {
    await gotoReady();
    await jumpTo(s.page, 121.4737, 31.2304, 10);
    await s.page.getByTestId('find-pick').click();
    assert.equal(await s.page.getByTestId('find-pick').getAttribute('aria-pressed'), 'true');
    const pt = await pagePoint(s.page, [121.4737, 31.2304]);
    const clicked = await lngLatAt(s.page, pt.x, pt.y);
    await s.page.mouse.click(pt.x, pt.y);
    const origin = s.page.getByTestId('find-origin');
    await origin.waitFor();
    assert.equal(await s.page.getByTestId('find-pick').getAttribute('aria-pressed'), 'false', 'pick mode ends with the click');
    assert.equal(await s.page.locator('article.park-card').count(), 0, 'the click picked a point and selected nothing');
    const line = s.page.locator('[data-testid="find-origin"] .origin-line');
    const o: LngLat = [Number(await line.getAttribute('data-lng')), Number(await line.getAttribute('data-lat'))];
    assert.ok(km(o, clicked) < 0.05, `origin where clicked: ${o} vs ${clicked}`);
    const want = byDistance(o).slice(0, 5);
    assert.deepEqual(
      await attrs(s.page, '[data-testid="find-nearest"] [data-result-park]', 'data-result-park'),
      want.map((w) => w.id),
    );
    // each km with its ± (a point picked on the map is exact: the park's own position.radius_m)
    const pm = (id: string) => PARKS.find((p) => p.properties.id === id)!.properties.position.radius_m / 1000;
    const kms = await s.page.locator('[data-testid="find-nearest"] .km').allTextContents();
    // a ± larger than the distance is said as a range from 0
    kms.forEach((k, i) => {
      const [d, e] = [want[i]!.km, pm(want[i]!.id)];
      assert.equal(k, e > d ? `0–${(d + e).toFixed(1)} 公里` : `${d.toFixed(1)}±${e.toFixed(1)} 公里`);
    });
    assert.match((await s.page.getByTestId('find-km-note').textContent()) ?? '', /^±：两处位置注明的误差相加/);
    await mapIdle(s.page);
    assert.equal((await rendered(s.page, 'find-origin')).length, 1, 'the point is drawn');

    await s.page.getByTestId('find-sort').selectOption('distance');
    const order = await listed(s.page);
    // places that share a point tie; the list breaks ties by name, so compare tie groups as sets
    const groups = (ids: string[]) => {
      const kmOf = new Map(byDistance(o).map((w) => [w.id, w.km.toFixed(9)]));
      const out: string[][] = [];
      for (const id of ids) {
        const last = out.at(-1);
        if (last && kmOf.get(last[0]!) === kmOf.get(id)) last.push(id);
        else out.push([id]);
      }
      return out.map((g) => g.sort().join(' '));
    };
    assert.deepEqual(groups(order), groups(byDistance(o).map((w) => w.id)), 'the park list is sorted by distance');
    assert.match((await s.page.locator('.park-list .park-km').first().textContent()) ?? '', /公里/);
    assert.deepEqual(pageErrors(), []);
  });

  test('radius: a km input lists the parks within it and draws the circle', { timeout: 90_000 }, async () => {
    await gotoReady();
    await jumpTo(s.page, 121.6, 31.2, 9.5);
    await s.page.getByTestId('find-search').fill('张江国家集成电路');
    await s.page.getByRole('option').first().waitFor();
    await s.page.getByTestId('find-search').press('Enter');
    await s.page.getByTestId('find-origin').waitFor();
    await s.page.getByTestId('find-radius').fill('10');
    const title = s.page.getByTestId('find-within-title');
    await title.waitFor();
    const o = PARKS.find((p) => p.properties.id === 'zhangjiang-ic-base')!.geometry.coordinates;
    const want = byDistance(o).filter((w) => w.km <= 10 && w.id !== 'zhangjiang-ic-base');
    assert.ok(want.length >= 2 && want.length < PARKS.length - 5, `a real radius: ${want.length}`);
    assert.equal((await title.textContent())?.trim(), `10 公里内：${want.length} 个园区`);
    assert.deepEqual(
      await attrs(s.page, '[data-testid="find-within"] [data-result-park]', 'data-result-park'),
      want.map((w) => w.id),
    );
    await jumpTo(s.page, o[0], o[1], 9.5);
    assert.ok((await rendered(s.page, 'find-radius-line')).length > 0, 'the circle is drawn');
    const hits = await poll(
      'the hits to be ringed',
      () => rendered(s.page, 'find-hits'),
      (ids) => ids.length > 0,
    );
    assert.ok(
      hits.every((id) => want.some((w) => w.id === id)),
      `ringed: ${hits.join(' ')}`,
    );
    await s.page.getByTestId('find-radius').fill('25');
    await poll(
      'a wider radius',
      async () => (await title.textContent())?.trim(),
      (t) => t === `25 公里内：${byDistance(o).filter((w) => w.km <= 25 && w.id !== 'zhangjiang-ic-base').length} 个园区`,
    );
    await s.page.locator('[data-testid="map"]').screenshot({ path: join(SHOTS, 'find-radius.png') });
    assert.deepEqual(pageErrors(), []);
  });

  test('draw: a polygon drawn with terra-draw lists the parks, zones and sectors inside it', { timeout: 90_000 }, async () => {
    await gotoReady();
    await jumpTo(s.page, 121.85, 30.93, 10);
    await s.page.getByTestId('find-draw').click();
    // terra-draw is loaded on first use: the map says when its clicks draw
    await s.page.locator('[data-testid="map"][data-find-mode="draw"][data-drawing="on"]').waitFor({ timeout: 30_000 });
    const box = (await s.page.locator('[data-testid="map"]').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const corners = [
      [cx - 160, cy - 130],
      [cx + 170, cy - 120],
      [cx + 150, cy + 140],
      [cx - 140, cy + 120],
    ] as const;
    const ring: LngLat[] = [];
    for (const [x, y] of corners) {
      ring.push(await lngLatAt(s.page, x, y));
      await s.page.mouse.move(x, y, { steps: 3 });
      await s.page.mouse.click(x, y);
    }
    await s.page.mouse.move(corners[0][0], corners[0][1], { steps: 3 });
    await s.page.mouse.click(corners[0][0], corners[0][1]);
    const area = s.page.getByTestId('find-area');
    await area.waitFor({ timeout: 30_000 });
    await poll(
      'draw mode to end',
      () => s.page.getByTestId('find-draw').getAttribute('aria-pressed'),
      (v) => v === 'false',
    );
    assert.equal(await s.page.locator('article.park-card').count(), 0, 'drawing selected nothing');

    const poly: Polygon = { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
    const parksIn = PARKS.filter((p) => booleanPointInPolygon(p.geometry.coordinates, poly)).map((p) => p.properties.id);
    const zonesIn = ZONES.filter((z) => booleanIntersects({ type: 'Feature', properties: {}, geometry: poly }, z)).map((z) => z.properties.id);
    assert.ok(parksIn.length >= 2, `the area holds parks: ${parksIn.join(' ')}`);
    assert.deepEqual(await attrs(s.page, '[data-testid="find-area-parks"] [data-result-park]', 'data-result-park'), parksIn);
    assert.deepEqual(await attrs(s.page, '[data-testid="find-area-zones"] [data-zone]', 'data-zone'), zonesIn);
    // counted as the sector filter counts (broad areas not included): a park's links but those to a
    // broad area, the zones of a sector's own cluster layout
    const sectors = new Set(
      PARKS.filter((p) => parksIn.includes(p.properties.id)).flatMap((p) => p.properties.links.filter((l) => l.strength !== 'broad').map((l) => l.sector)),
    );
    for (const z of zonesIn) {
      const props = ZONES.find((x) => x.properties.id === z)!.properties as unknown as { sectors: string[]; scope: string };
      if (props.scope === 'sector') for (const sec of props.sectors) sectors.add(sec);
    }
    assert.deepEqual((await attrs(s.page, '[data-testid="find-area-sectors"] [data-sector]', 'data-sector')).sort(), [...sectors].sort());
    await mapIdle(s.page);
    assert.equal((await rendered(s.page, 'find-area-fill')).length, 1, 'the area is drawn');
    await s.page.screenshot({ path: join(SHOTS, 'find-draw-zh.png') });

    await s.page.getByTestId('find-clear-area').click();
    await poll(
      'the area results to go',
      () => area.count(),
      (n) => n === 0,
    );
    assert.deepEqual(pageErrors(), []);
  });

  test('compare: up to four parks side by side with districts, zones, reasons and distances', { timeout: 90_000 }, async () => {
    await gotoReady('?lang=en');
    const ids = ['zhangjiang-ic-base', 'dongfang-xingang', 'caohejing', 'jiading-smart-sensor-park', 'the-bund'];
    for (const id of ids.slice(0, 4)) await s.page.locator(`button[data-compare="${id}"]`).click();
    const sheet = s.page.getByTestId('compare');
    await sheet.waitFor();
    assert.deepEqual(await attrs(s.page, '[data-testid="compare"] thead th[data-park]', 'data-park'), ids.slice(0, 4));
    assert.equal(await s.page.locator(`button[data-compare="${ids[4]}"]`).isDisabled(), true, 'a fifth cannot be added');
    const districts = await s.page.locator('[data-testid="compare"] tr[data-row="district"] td').allTextContents();
    // in the UI's language (English here): the data keys districts by their Chinese name
    const districtEn = new Map(
      (geo('districts.geojson').features as { properties: { name_zh: string; name_en: string } }[]).map((f) => [f.properties.name_zh, f.properties.name_en]),
    );
    assert.deepEqual(
      districts,
      ids.slice(0, 4).map((id) => districtEn.get(PARKS.find((p) => p.properties.id === id)!.properties.district)),
    );
    assert.ok((await s.page.locator('[data-testid="compare"] tr[data-row="sectors"] [data-via]').count()) >= 4, 'reasons are given');

    const refs: Record<string, LngLat> = {
      'zhangjiang-pole': centroid(ZONES.find((z) => z.properties.id === 'zhangjiang-pole')!).geometry.coordinates as LngLat,
      'lingang-pole': centroid(ZONES.find((z) => z.properties.id === 'lingang-pole')!).geometry.coordinates as LngLat,
      'peoples-square': [121.4737, 31.2304],
      pvg: (AIRPORTS.find((a) => a.properties.id === 'pvg')!.geometry as unknown as { coordinates: LngLat }).coordinates,
      sha: (AIRPORTS.find((a) => a.properties.id === 'sha')!.geometry as unknown as { coordinates: LngLat }).coordinates,
    };
    for (const [ref, at] of Object.entries(refs)) {
      const cells = await attrs(s.page, `[data-testid="compare"] tr[data-row="km-${ref}"] td`, 'data-km');
      assert.deepEqual(
        cells,
        ids.slice(0, 4).map((id) => km(PARKS.find((p) => p.properties.id === id)!.geometry.coordinates, at).toFixed(2)),
        `distances to ${ref}`,
      );
    }
    await mapIdle(s.page);
    assert.deepEqual(await rendered(s.page, 'find-compare'), [...ids.slice(0, 4)].sort(), 'compared parks are marked on the map');
    await s.page.screenshot({ path: join(SHOTS, 'find-compare-en.png') });

    // removing one frees a slot
    await s.page.locator('[data-testid="compare"] thead th[data-park="caohejing"] button.remove').click();
    await poll(
      'three columns',
      () => s.page.locator('[data-testid="compare"] thead th[data-park]').count(),
      (n) => n === 3,
    );
    assert.equal(await s.page.locator(`button[data-compare="${ids[4]}"]`).isDisabled(), false);
    assert.deepEqual(pageErrors(), []);
    assert.deepEqual(s.offOrigin, []);
  });
});
