/**
 * The map in a real browser (Chromium + SwiftShader, offline): readiness, what it draws, clicks,
 * keyboard, the sector filter, URL state, language switching, bad URLs, no WebGL, a failed file.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openSession, startServer } from './harness';
import { camera, mapIdle, pagePoint, poll, rendered } from './driver';
import type { MapWindow } from './driver';
import type { Session } from './harness';
import { GEO_FILES } from '../../src/loaders/geo-files';

const here = dirname(fileURLToPath(import.meta.url));
const SHOTS = join(here, '.shots');

interface ParkFeature {
  geometry: { coordinates: [number, number] };
  properties: { id: string; district: string; sectors: string[]; links: { sector: string; node: string; via: string; strength: string }[] };
}
const PARKS: ParkFeature[] = JSON.parse(readFileSync(join(here, '../../public/geo/parks.geojson'), 'utf8')).features;
const park = (id: string): ParkFeature => {
  const p = PARKS.find((f) => f.properties.id === id);
  assert.ok(p, `park ${id} is in parks.geojson`);
  return p;
};

/** 集成电路's colour on the map (src/theme/sectors.ts), written out here */
const IC_COLOR = '#1f5fbf';
const READY = '[data-testid="map"][data-map-ready="true"]';
const LIST_ZH = '[role="grid"][aria-label="园区"]';
const LIST_EN = '[role="grid"][aria-label="Parks"]';

let server: PreviewServer;
let base: string;

before(async () => {
  ({ server, base } = await startServer());
});
after(async () => {
  await server?.close();
});

/** Clears what a session has recorded so far (the arrays are the harness's own). */
function resetLogs(s: Session): void {
  s.errors.length = 0;
  s.offOrigin.length = 0;
}

async function gotoReady(s: Session, query = ''): Promise<void> {
  resetLogs(s);
  await s.page.goto(`${s.base}${query}`);
  await s.page.locator(READY).waitFor({ timeout: 30_000 });
}

const listedParks = (page: Page, list = LIST_ZH) =>
  page.locator(`${list} button[data-park]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-park') ?? ''));

const pageErrors = (s: Session) => s.errors.filter((e) => e.startsWith('pageerror:'));

describe('with WebGL (SwiftShader)', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base);
  });
  after(async () => {
    await s?.close();
  });

  test('becomes ready offline and draws districts, zones, parks and labels', { timeout: 60_000 }, async () => {
    const geoRequests: string[] = [];
    const scripts: string[] = [];
    const onRequest = (r: { url(): string }) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/geo/') || path.endsWith('.woff2pack')) geoRequests.push(path);
      if (path.endsWith('.js')) scripts.push(path);
    };
    s.page.on('request', onRequest);
    await gotoReady(s);
    await mapIdle(s.page);
    s.page.off('request', onRequest);
    assert.deepEqual(s.offOrigin, [], 'no request left 127.0.0.1');
    assert.deepEqual(s.errors, [], 'no console or page errors');

    // index.html preloads every start-up file and the map labels' pack of fonts, and the app's
    // fetch() takes the preloaded response: one request per file (a preload the app did not use
    // would make it two)
    const preloads = await s.page
      .locator('link[rel="preload"][as="fetch"]')
      .evaluateAll((els) => els.map((e) => new URL((e as HTMLLinkElement).href).pathname));
    const pack = preloads.filter((p) => /^\/assets\/noto-sans-sc-labels-[\w-]+\.woff2pack$/.test(p));
    assert.equal(pack.length, 1, `the labels' pack is preloaded: ${preloads.join(' ')}`);
    assert.deepEqual(
      preloads.filter((p) => !pack.includes(p)).sort(),
      Object.values(GEO_FILES)
        .map((f) => `/geo/${f}`)
        .sort(),
    );
    for (const path of preloads) assert.equal(geoRequests.filter((p) => p === path).length, 1, `${path} requested once: ${geoRequests.join(' ')}`);
    assert.equal(await s.page.locator('.boot').count(), 0, 'the loading line is gone once the app has mounted');
    // the files are the build's own (their digests match), so the schema's code is not fetched
    assert.ok(scripts.length >= 5, `scripts seen: ${scripts.join(' ')}`);
    assert.deepEqual(
      scripts.filter((p) => /\/(validate-geo|schemas)-[\w-]+\.js$/.test(p)),
      [],
      'no validation code in the first view',
    );

    const districts = await rendered(s.page, 'districts-fill', 'name_zh');
    assert.ok(districts.length >= 14, `districts drawn: ${districts.join(' ')}`);
    assert.ok(districts.includes('松江区') && districts.includes('浦东新区'));
    const poles = await rendered(s.page, 'poles-fill');
    assert.ok(poles.length >= 1, 'zone fills on poles-fill');
    assert.ok(poles.includes('zhangjiang-pole'), `poles: ${poles.join(' ')}`);
    const circles = await rendered(s.page, 'parks-circle');
    assert.ok(circles.length >= 25, `park circles: ${circles.length}`);
    assert.ok(
      circles.every((id) => PARKS.some((p) => p.properties.id === id)),
      'every circle is a park of parks.geojson',
    );
    const labels = await rendered(s.page, 'parks-label');
    assert.ok(labels.length >= 8, `placed park labels: ${labels.length}`);

    mkdirSync(SHOTS, { recursive: true });
    await s.page.locator('[data-testid="map"]').screenshot({ path: join(SHOTS, 'map-default.png') });

    // read the WebGL canvas itself (preserveDrawingBuffer) at a land and a sea point
    const px = await s.page.evaluate(async () => {
      const m = (window as unknown as MapWindow).__map;
      const canvas = m.getCanvas();
      const img = new Image();
      img.src = canvas.toDataURL('image/png');
      await img.decode();
      const c = document.createElement('canvas');
      c.width = canvas.width;
      c.height = canvas.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const scale = canvas.width / canvas.clientWidth;
      const at = (ll: [number, number]) => {
        const p = m.project(ll);
        const layers = m.queryRenderedFeatures(p, { layers: ['districts-fill', 'provinces-fill'] }).map((f) => `${f.layer.id}:${f.properties?.name_zh ?? ''}`);
        const d = ctx.getImageData(Math.round(p.x * scale), Math.round(p.y * scale), 1, 1).data;
        const inside = p.x >= 0 && p.y >= 0 && p.x < canvas.clientWidth && p.y < canvas.clientHeight;
        return { rgb: [d[0]!, d[1]!, d[2]!], layers, inside };
      };
      return { land: at([121.3, 31.05]), sea: at([121.75, 30.7]) };
    });
    assert.ok(px.land.inside && px.sea.inside, 'both sample points are on the canvas');
    assert.ok(px.land.layers.includes('districts-fill:松江区'), `land point is in 松江区: ${px.land.layers}`);
    assert.deepEqual(px.sea.layers, [], 'sea point (Hangzhou Bay) has no land under it');
    const diff = px.land.rgb.reduce((sum, v, i) => sum + Math.abs(v - px.sea.rgb[i]!), 0);
    assert.ok(diff > 30, `land ${px.land.rgb} differs from sea ${px.sea.rgb}`);
    // water is #cfe1ec (blue dominant), land #faf8f3 (warm)
    assert.ok(px.sea.rgb[2]! > px.sea.rgb[0]! + 10, `sea is bluish: ${px.sea.rgb}`);
    assert.ok(px.land.rgb[0]! >= px.land.rgb[2]!, `land is not bluish: ${px.land.rgb}`);
  });

  test('clicking a park on the map opens its card; the list works from the keyboard', { timeout: 60_000 }, async () => {
    await gotoReady(s);
    await mapIdle(s.page);
    const target = park('caohejing');
    const pt = await pagePoint(s.page, target.geometry.coordinates);
    assert.ok(pt.inside, 'the park is in view');
    await s.page.mouse.click(pt.x, pt.y);
    // a second park shares this point (a place inside the zone, drawn by its halo): the chooser lists both parks first
    const chooser = s.page.locator('[data-testid="map-chooser"]');
    await chooser.waitFor({ timeout: 30_000 });
    const rows = await chooser.locator('li[role="option"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-id')}`));
    assert.deepEqual(rows.slice(0, 2).sort(), ['park:caohejing', 'park:caohejing-yuanchuang-weilai'], rows.join(' '));
    assert.ok(
      rows.slice(2).every((r) => r.startsWith('zone:')),
      rows.join(' '),
    );
    await chooser.locator(`li[data-id="${target.properties.id}"]`).click();

    const card = s.page.locator(`article.park-card[data-park="${target.properties.id}"]`);
    await card.waitFor({ timeout: 30_000 });
    const text = (await card.textContent()) ?? '';
    assert.ok(text.includes(target.properties.district), `card names the district ${target.properties.district}`);
    // reasons carry data-via (on <li> or, since the card groups them per node, on a <span> inside one)
    assert.ok((await card.locator('[data-via="designation"]').count()) >= 1, 'a designation reason');
    assert.ok((await card.locator('[data-via="zone"]').count()) >= 1, 'a zone reason');
    assert.match(text, /五（/, 'cites a plan clause');
    assert.equal(await card.locator('dl.provenance dt', { hasText: '来源' }).count(), 1, 'a Source row');
    assert.ok(((await card.locator('dl.provenance dt:has-text("来源") + dd').textContent()) ?? '').trim().length > 0, 'the Source row is filled');
    // the selected ring is drawn on the map
    await mapIdle(s.page);
    assert.deepEqual(await rendered(s.page, 'parks-selected'), [target.properties.id]);

    // close the card: back to the list, then keyboard through it
    await card.locator('button.close').click();
    const buttons = s.page.locator(`${LIST_ZH} button[data-park]`);
    await buttons.first().waitFor();
    const ids = await listedParks(s.page);
    assert.ok(ids.length >= 2);
    const before = await camera(s.page);
    await buttons.first().focus();
    await s.page.keyboard.press('ArrowDown');
    assert.equal(await s.page.evaluate(() => document.activeElement?.getAttribute('data-park')), ids[1], 'ArrowDown moves focus to the second park');
    await s.page.keyboard.press('Enter');
    await s.page.locator(`article.park-card[data-park="${ids[1]}"]`).waitFor({ timeout: 30_000 });
    const target2 = park(ids[1]!).geometry.coordinates;
    const after = await poll(
      'the camera to fly to the park',
      () => camera(s.page),
      (c) => !c.moving && Math.abs(c.lng - target2[0]) < 1e-3 && Math.abs(c.lat - target2[1]) < 1e-3,
    );
    assert.ok(after.lng !== before.lng || after.lat !== before.lat, 'the camera moved');
    assert.ok(after.zoom >= 11.5 - 1e-6, `zoomed in (${after.zoom})`);
    assert.deepEqual(pageErrors(s), []);
  });

  test('ticking a sector filters the list, the map and the URL', { timeout: 60_000 }, async () => {
    await gotoReady(s);
    const countLine = s.page.locator('.park-list .count-line');
    const total = PARKS.length;
    assert.equal((await countLine.textContent())?.trim(), `显示 ${total} / ${total} 个园区`);
    assert.equal((await listedParks(s.page)).length, total);

    await s.page.locator('input[data-sector="ic"]').check();
    // the sector filter counts the strong links by default (named, listed, inside the sector's cluster)
    const expected = PARKS.filter((p) => p.properties.links.some((l) => l.sector === 'ic' && l.strength !== 'broad'))
      .map((p) => p.properties.id)
      .sort();
    assert.ok(expected.length > 0 && expected.length < total);
    await poll(
      'the count line',
      async () => (await countLine.textContent())?.trim(),
      (t) => t === `显示 ${expected.length} / ${total} 个园区`,
    );
    const listed = (await listedParks(s.page)).sort();
    assert.deepEqual(listed, expected, 'the list holds exactly the IC parks');
    for (const id of listed) assert.ok(park(id).properties.sectors.includes('ic'), `${id} has sector ic`);

    await mapIdle(s.page);
    const onMap = await poll(
      'the map to drop non-IC parks',
      () => rendered(s.page, 'parks-circle'),
      (ids) => ids.length > 0 && ids.every((id) => listed.includes(id)),
    );
    assert.ok(
      onMap.every((id) => listed.includes(id)),
      `map shows only IC parks: ${onMap.join(' ')}`,
    );
    // and every listed park that is in view is drawn
    for (const id of listed) {
      const pt = await pagePoint(s.page, park(id).geometry.coordinates);
      if (pt.inside) assert.ok(onMap.includes(id), `${id} is in view and drawn`);
    }
    // the zones IC's layout names come forward, the others dim: each zone's feature state, which
    // the zone layers' opacity reads (their paint itself is not touched)
    const emph = (id: string) =>
      s.page.evaluate(
        (zone) =>
          (window as unknown as { __map: { getFeatureState(t: object): Record<string, unknown> } }).__map.getFeatureState({ source: 'zones', id: zone }),
        id,
      );
    assert.deepEqual(await emph('ic-body-zhangjiang'), { emph: 1 });
    assert.deepEqual(await emph('ic-wing-jiading'), { emph: 1 });
    assert.deepEqual(await emph('biomed-jinshan'), { emph: 0 });
    // each shown park takes IC's colour and its strength for IC as feature state (the data stays)
    const look = (id: string) =>
      s.page.evaluate(
        (p) => (window as unknown as { __map: { getFeatureState(t: object): Record<string, unknown> } }).__map.getFeatureState({ source: 'parks', id: p }),
        id,
      );
    for (const id of listed) {
      const st = await look(id);
      assert.equal(st.color, IC_COLOR, id);
      assert.match(String(st.strength), /^(named|listed|cluster)$/, id);
    }
    const url = await poll(
      'the URL to record the filter',
      async () => s.page.url(),
      (u) => new URL(u).searchParams.get('sector') === 'ic',
    );
    assert.match(url, /[?&]sector=ic(&|#|$)/);

    // unticking brings everything back
    await s.page.locator('input[data-sector="ic"]').uncheck();
    await poll(
      'the count line',
      async () => (await countLine.textContent())?.trim(),
      (t) => t === `显示 ${total} / ${total} 个园区`,
    );
    await poll(
      'the URL to drop the filter',
      async () => s.page.url(),
      (u) => !new URL(u).searchParams.has('sector'),
    );
    // no zone emphasised: every state unset, every zone in its default look
    assert.deepEqual(await emph('ic-body-zhangjiang'), {});
    assert.deepEqual(await emph('biomed-jinshan'), {});
    assert.deepEqual(await look(listed[0]!), {});
    assert.deepEqual(pageErrors(s), []);
  });

  test('filter, selection and language come from the URL', { timeout: 60_000 }, async () => {
    const id = 'zhangjiang-ai-island';
    await gotoReady(s, `?sector=ai-chips&park=${id}&lang=en`);
    assert.match((await s.page.locator('h1').textContent()) ?? '', /^Shanghai/);
    assert.equal(await s.page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await s.page.locator('input[data-sector="ai-chips"]').isChecked(), true);
    assert.equal(await s.page.locator('input[data-sector="ai"]').isChecked(), false);
    const card = s.page.locator(`article.park-card[data-park="${id}"]`);
    await card.waitFor();
    assert.match((await card.locator('h2').textContent()) ?? '', /Zhangjiang/);
    // the camera goes to the park (zoom 12)
    const [lng, lat] = park(id).geometry.coordinates;
    await poll(
      'the camera to reach the park',
      () => camera(s.page),
      (c) => !c.moving && Math.abs(c.lng - lng) < 1e-3 && Math.abs(c.lat - lat) < 1e-3,
    );
    assert.ok(Math.abs((await camera(s.page)).zoom - 12) < 1e-3, 'at zoom 12');
    assert.equal(await s.page.locator('.notice').count(), 0, 'a valid URL yields no notice');

    await card.locator('button.close').click();
    const list = s.page.locator(LIST_EN);
    await list.waitFor();
    const listed = await listedParks(s.page, LIST_EN);
    const expected = PARKS.filter((p) => p.properties.links.some((l) => l.node === 'ai-chips' && l.strength !== 'broad')).map((p) => p.properties.id);
    assert.ok(expected.length > 0 && expected.length < PARKS.length);
    assert.deepEqual(listed.sort(), expected.sort(), 'the list is filtered by the sub-sector');
    assert.match((await s.page.locator('.park-list .count-line').textContent()) ?? '', new RegExp(`^${expected.length} of ${PARKS.length} parks shown$`));
    assert.deepEqual(pageErrors(s), []);
  });

  test('the open park is named on the map, also where five parks share one point', { timeout: 60_000 }, async () => {
    // Zhangjiang: the IC design park, the drug base, the IC base, Zhangjiang Online and Shulian share a point
    const id = 'zhangjiang-innovative-drug-base';
    const shared = PARKS.filter((p) => p.geometry.coordinates.join() === park(id).geometry.coordinates.join()).map((p) => p.properties.id);
    assert.ok(shared.length >= 3, `parks at the drug base's point: ${shared.join(', ')}`);
    await gotoReady(s, `?sector=biomed&park=${id}&lang=en`);
    await s.page.locator(`article.park-card[data-park="${id}"]`).waitFor();
    const [lng, lat] = park(id).geometry.coordinates;
    await poll(
      'the camera to reach the park',
      () => camera(s.page),
      (c) => !c.moving && Math.abs(c.lng - lng) < 1e-3 && Math.abs(c.lat - lat) < 1e-3,
    );
    const named = () =>
      s.page.evaluate(() => {
        const m = (window as unknown as MapWindow).__map!;
        // placed symbols only: a name that lost its place to a neighbour's is not returned
        return m.queryRenderedFeatures({ layers: ['parks-label', 'parks-selected-label'] }).map((f) => `${f.layer.id}:${f.properties?.id}`);
      });
    await poll('the open park named on the map', named, (ids) => ids.includes(`parks-selected-label:${id}`));
    // once: its own copy in the parks' names gives way
    assert.ok(!(await named()).includes(`parks-label:${id}`));
    // another park opened: the name moves with the card
    const other = shared.find((p) => p !== id)!;
    await gotoReady(s, `?park=${other}&lang=en`);
    await poll('the other park named', named, (ids) => ids.includes(`parks-selected-label:${other}`) && !ids.includes(`parks-selected-label:${id}`));
    // a park with room around it: its name is drawn once, not beside itself (the copy in the parks'
    // names found a place on the dot's other side)
    await gotoReady(s, `?park=changxing-island&lang=en`);
    await s.page.locator('article.park-card[data-park="changxing-island"]').waitFor();
    await poll('Changxing Island named', named, (ids) => ids.includes('parks-selected-label:changxing-island'));
    await mapIdle(s.page);
    assert.deepEqual(
      (await named()).filter((x) => x.endsWith(':changxing-island')),
      ['parks-selected-label:changxing-island'],
    );
    // closed, the name is back among the parks'
    await s.page.keyboard.press('Escape');
    await poll(
      'its name back in the parks’ layer',
      named,
      (ids) => ids.includes('parks-label:changxing-island') && !ids.includes('parks-selected-label:changxing-island'),
    );
    assert.deepEqual(pageErrors(s), []);
  });

  test('switching language keeps the camera and relabels the map', { timeout: 60_000 }, async () => {
    await gotoReady(s, '#10.00/31.2000/121.5000');
    await mapIdle(s.page);
    const before = await camera(s.page);
    assert.ok(Math.abs(before.zoom - 10) < 1e-6, `camera from the hash: ${JSON.stringify(before)}`);
    const labelsBefore = await rendered(s.page, 'parks-label');
    assert.ok(labelsBefore.length > 0);
    assert.match(
      JSON.stringify(await s.page.evaluate(() => (window as unknown as MapWindow).__map.getLayoutProperty('parks-label', 'text-field'))),
      /label_zh|name_zh/,
    );

    const lang = s.page.locator('button.lang-switch');
    assert.equal((await lang.textContent())?.trim(), 'English');
    await lang.click();
    await s.page.locator('h1', { hasText: /^Shanghai/ }).waitFor({ timeout: 30_000 });
    assert.equal((await lang.textContent())?.trim(), '中文');
    await s.page.locator(LIST_EN).waitFor();
    assert.match((await s.page.locator('.park-list .count-line').textContent()) ?? '', /parks shown$/);

    const field = JSON.stringify(await s.page.evaluate(() => (window as unknown as MapWindow).__map.getLayoutProperty('parks-label', 'text-field')));
    assert.match(field, /label_en|name_en/, `park labels use English: ${field}`);
    assert.doesNotMatch(field, /_zh/);
    const districtField = JSON.stringify(
      await s.page.evaluate(() => (window as unknown as MapWindow).__map.getLayoutProperty('districts-label', 'text-field')),
    );
    assert.match(districtField, /name_en/);

    await mapIdle(s.page);
    const after = await camera(s.page);
    assert.ok(Math.abs(after.lng - before.lng) < 1e-6, `lng kept: ${before.lng} → ${after.lng}`);
    assert.ok(Math.abs(after.lat - before.lat) < 1e-6, `lat kept: ${before.lat} → ${after.lat}`);
    assert.ok(Math.abs(after.zoom - before.zoom) < 1e-6, `zoom kept: ${before.zoom} → ${after.zoom}`);
    assert.ok((await rendered(s.page, 'parks-label')).length > 0, 'English labels are placed');
    await poll(
      'the URL to record the language',
      async () => s.page.url(),
      (u) => new URL(u).searchParams.get('lang') === 'en',
    );
    assert.deepEqual(s.errors, []);
  });

  test('a bad URL is reported as text and the good parts still apply', { timeout: 60_000 }, async () => {
    const dialogs: string[] = [];
    const onDialog = (d: { message(): string; dismiss(): Promise<void> }) => {
      dialogs.push(d.message());
      void d.dismiss();
    };
    s.page.on('dialog', onDialog);
    try {
      await gotoReady(s, '?sector=bogus,ic&park=<script>alert(1)</script>&zzz=1#abc/def');
      const notice = s.page.locator('.notice');
      await notice.first().waitFor();
      const text = (await notice.first().textContent()) ?? '';
      assert.match(text, /sector=bogus/);
      assert.match(text, /park=<script>alert\(1\)<\/script>/, 'the raw value is shown as text');
      assert.match(text, /zzz=1/);
      assert.match(text, /camera=abc\/def/);
      assert.doesNotMatch(text, /sector=ic\b/, 'ic is not reported');
      const html = await notice.first().innerHTML();
      assert.ok(html.includes('&lt;script&gt;'), 'escaped in the DOM');
      assert.ok(!html.includes('<script'), 'no script element');
      assert.equal(await s.page.locator('.notice script, .notices script').count(), 0);

      assert.equal(await s.page.locator('input[data-sector="ic"]').isChecked(), true, 'ic still applied');
      assert.equal(await s.page.locator('input[data-sector="bogus"]').count(), 0);
      assert.equal(await s.page.locator('article.park-card').count(), 0, 'no card for the bogus park');
      const expected = PARKS.filter((p) => p.properties.links.some((l) => l.sector === 'ic' && l.strength !== 'broad')).length;
      assert.equal((await listedParks(s.page)).length, expected);
      // the URL is rewritten at once to what was applied: the bad parts are gone
      await poll(
        'the URL to be cleaned',
        async () => s.page.url(),
        (u) => new URL(u).search === '?sector=ic' && new URL(u).hash === '',
      );
      await s.page.locator('input[data-sector="biomed"]').check();
      await poll(
        'the URL to follow the filter',
        async () => s.page.url(),
        (u) => new URL(u).search === '?sector=ic,biomed',
      );
      assert.deepEqual(dialogs, [], 'nothing ran');
      assert.deepEqual(pageErrors(s), []);
      assert.deepEqual(s.offOrigin, []);
    } finally {
      s.page.off('dialog', onDialog);
    }
  });

  test('the park list is drawn whole the first time it is drawn: never "0 of 42" with no rows while the data is in', { timeout: 60_000 }, async () => {
    const page = await s.context.newPage();
    try {
      // before any page script: each change of the list's count line and its number of rows
      await page.addInitScript(() => {
        const w = window as unknown as { __listLog: { count: string; rows: number }[] };
        w.__listLog = [];
        let last = '';
        new MutationObserver(() => {
          const line = document.querySelector('.park-list .count-line');
          if (!line) return;
          const entry = { count: line.textContent ?? '', rows: document.querySelectorAll('.park-list [role="row"]').length };
          const key = JSON.stringify(entry);
          if (key !== last) w.__listLog.push(entry);
          last = key;
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      await page.goto(s.base);
      await page.locator(READY).waitFor({ timeout: 30_000 });
      const log = await page.evaluate(() => (window as unknown as { __listLog: { count: string; rows: number }[] }).__listLog);
      const all = `显示 ${PARKS.length} / ${PARKS.length} 个园区`;
      assert.deepEqual(log, [{ count: all, rows: PARKS.length }], 'the count line and the rows, from the first time they are drawn until the map is ready');
    } finally {
      await page.close();
    }
  });

  test('the map draws nothing until its first frame is complete, then draws it whole', { timeout: 60_000 }, async () => {
    const page = await s.context.newPage();
    try {
      // before any page script: at each of the map's frames, whether its style was loaded (every
      // source's data, every tile in view) and whether its canvas held anything drawn
      await page.addInitScript(() => {
        type Frame = { at: number; loaded: boolean; painted: boolean };
        const w = window as unknown as { __frames: Frame[]; __created: number; __map?: unknown };
        w.__frames = [];
        let map: unknown;
        const probe = document.createElement('canvas');
        probe.width = probe.height = 16;
        const painted = (c: HTMLCanvasElement) => {
          const g = probe.getContext('2d', { willReadFrequently: true })!;
          g.clearRect(0, 0, 16, 16);
          g.drawImage(c, 0, 0, 16, 16);
          return g.getImageData(0, 0, 16, 16).data.some((v, i) => i % 4 === 3 && v > 0);
        };
        Object.defineProperty(w, '__map', {
          configurable: true,
          get: () => map,
          set: (m: { on(t: string, f: () => void): void; isStyleLoaded(): boolean; getCanvas(): HTMLCanvasElement }) => {
            map = m;
            w.__created = performance.now();
            m.on('render', () => w.__frames.push({ at: performance.now(), loaded: !!m.isStyleLoaded(), painted: painted(m.getCanvas()) }));
          },
        });
      });
      await page.goto(s.base);
      await page.locator(READY).waitFor({ timeout: 30_000 });
      const { frames, created } = await page.evaluate(() => {
        const w = window as unknown as { __frames: { at: number; loaded: boolean; painted: boolean }[]; __created: number };
        return { frames: w.__frames, created: w.__created };
      });
      const complete = frames.findIndex((f) => f.loaded);
      assert.ok(complete > 0, `frames ran while the data loaded, then one with all of it (${frames.length} frames)`);
      // the hold lasts 2.5 s at most (FIRST_FRAME_HOLD_MS); a machine slower than that draws on
      const held = frames.slice(0, complete).filter((f) => f.at - created < 2450);
      assert.ok(held.length > 0, 'some frames ran within the hold');
      assert.deepEqual(
        held.map((f) => f.painted),
        held.map(() => false),
        'no frame before the complete one drew anything',
      );
      assert.equal(frames[complete]!.painted, true, 'the complete frame is drawn');
      assert.equal(frames.at(-1)!.painted, true, 'the map is drawn when ready');
      // while nothing was drawn, the map's area showed the sea's colour (the style's background), not the page's
      assert.equal(await page.locator('[data-testid="map"]').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(207, 225, 236)');
    } finally {
      await page.close();
    }
  });

  test('the first view makes no ICU number format (its first costs 30–45 ms here); the export still counts the sites', { timeout: 60_000 }, async () => {
    const page = await s.context.newPage();
    try {
      // before any page script: every number formatted with the browser's ICU, and when
      await page.addInitScript(() => {
        const w = window as unknown as { __numberFormats: number[] };
        w.__numberFormats = [];
        const toLocale = Number.prototype.toLocaleString;
        Number.prototype.toLocaleString = function (this: number, ...a: Parameters<typeof toLocale>) {
          w.__numberFormats.push(performance.now());
          return toLocale.apply(this, a);
        };
        const NF = Intl.NumberFormat;
        Intl.NumberFormat = new Proxy(NF, {
          construct(target, args: ConstructorParameters<typeof NF>) {
            w.__numberFormats.push(performance.now());
            return new target(...args);
          },
          apply(target, _that, args: ConstructorParameters<typeof NF>) {
            w.__numberFormats.push(performance.now());
            return target(...args);
          },
        });
      });
      await page.goto(s.base);
      await page.locator(READY).waitFor({ timeout: 30_000 });
      const { calls, ready } = await page.evaluate(() => ({
        calls: (window as unknown as { __numberFormats: number[] }).__numberFormats,
        ready: performance.getEntriesByName('map:ready')[0]!.startTime,
      }));
      assert.deepEqual(
        calls.filter((t) => t <= ready),
        [],
        'no number formatted with ICU before the map was ready',
      );
      // the count it shows instead: 0 imported sites, in the export box
      assert.match((await page.locator('label:has([data-export="sites"])').textContent()) ?? '', /导入的地点（0）/);
    } finally {
      await page.close();
    }
  });
});

describe("the page's load", () => {
  let s: Session;
  before(async () => {
    // no service worker: every request reaches the page's route below
    s = await openSession(base, { serviceWorkers: 'block' });
  });
  after(async () => {
    await s?.close();
  });

  test("comes before the app's scripts are in, which still start the app", { timeout: 60_000 }, async () => {
    resetLogs(s);
    const ENTRY = /\/assets\/index-[\w-]+\.js$/;
    let held = 0;
    // the app's entry chunk is held until the test has seen the page at `load` (20 s at most): `load` waits for it only if it is a <script>
    let release = () => {};
    const seen = new Promise<void>((r) => (release = r));
    await s.page.route(ENTRY, async (route) => {
      held += 1;
      await Promise.race([seen, new Promise((r) => setTimeout(r, 20_000))]);
      await route.continue();
    });
    try {
      await s.page.goto(s.base, { waitUntil: 'load' });
      assert.equal(await s.page.locator('.boot').count(), 1, 'at load the page still shows its loading line');
      release();
      await s.page.locator(READY).waitFor({ timeout: 30_000 });
      const t = await s.page.evaluate((entry) => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => new RegExp(entry).test(new URL(e.name).pathname));
        return { load: nav.loadEventStart, entryEnd: res?.responseEnd ?? null };
      }, ENTRY.source);
      assert.equal(held, 1, 'the entry chunk is requested once (its preload; the start script takes it from there)');
      assert.ok(t.entryEnd !== null, 'the entry chunk is in the resource timings');
      assert.ok(t.load < t.entryEnd, `load at ${t.load} ms, before the entry chunk's response ended at ${t.entryEnd} ms`);
      assert.deepEqual(s.errors, [], 'no console or page errors');
      assert.deepEqual(s.offOrigin, []);
    } finally {
      await s.page.unroute(ENTRY);
    }
  });
});

describe('without WebGL', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { extraArgs: ['--disable-webgl', '--disable-webgl2'] });
  });
  after(async () => {
    await s?.close();
  });

  test('says so, and the list, filter and cards still work', { timeout: 60_000 }, async (t) => {
    resetLogs(s);
    await s.page.goto(s.base);
    const alert = s.page.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    assert.match((await alert.textContent()) ?? '', /WebGL2/);
    assert.equal(await alert.isVisible(), true);
    assert.notEqual(await s.page.locator('[data-testid="map"]').getAttribute('data-map-ready'), 'true');

    await s.page.locator(`${LIST_ZH} button[data-park]`).first().waitFor();
    assert.equal((await listedParks(s.page)).length, PARKS.length);
    await s.page.locator('input[data-sector="biomed"]').check();
    const expected = PARKS.filter((p) => p.properties.links.some((l) => l.sector === 'biomed' && l.strength !== 'broad'))
      .map((p) => p.properties.id)
      .sort();
    await poll(
      'the list to filter',
      async () => (await listedParks(s.page)).sort(),
      (ids) => JSON.stringify(ids) === JSON.stringify(expected),
    );

    const first = (await listedParks(s.page))[0]!;
    await s.page.locator(`${LIST_ZH} button[data-park="${first}"]`).click();
    const card = s.page.locator(`article.park-card[data-park="${first}"]`);
    await card.waitFor();
    assert.ok(((await card.textContent()) ?? '').includes(park(first).properties.district));
    assert.deepEqual(pageErrors(s), [], 'no uncaught page errors');
    assert.deepEqual(s.offOrigin, []);
    for (const e of s.errors) t.diagnostic(`console without WebGL: ${e}`);
  });
});

describe('when zones.geojson fails to load', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base);
    await s.context.route('**/geo/zones.geojson', (r) => r.fulfill({ status: 404, body: 'nope' }));
  });
  after(async () => {
    await s?.close();
  });

  test('names the file, and still lists parks and draws districts', { timeout: 60_000 }, async () => {
    resetLogs(s);
    await s.page.goto(s.base);
    const notice = s.page.locator('.notice', { hasText: 'zones.geojson' });
    await notice.waitFor({ timeout: 15_000 });
    assert.match((await notice.textContent()) ?? '', /zones\.geojson: HTTP 404/);

    await s.page.locator(`${LIST_ZH} button[data-park]`).first().waitFor();
    assert.equal((await listedParks(s.page)).length, PARKS.length, 'every park is listed');

    // the rest of the map still becomes ready (the missing file is drawn empty)
    await s.page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    const districts = await poll(
      'districts to be drawn',
      () =>
        s.page.evaluate(() => {
          const m = (window as unknown as MapWindow | undefined)?.__map;
          return m ? [...new Set(m.queryRenderedFeatures({ layers: ['districts-fill'] }).map((f) => f.properties?.name_zh))].length : 0;
        }),
      (n) => n >= 14,
      20_000,
    );
    assert.ok(districts >= 14);
    await poll(
      'parks to be drawn',
      () => rendered(s.page, 'parks-circle'),
      (ids) => ids.length >= 25,
      10_000,
    );
    await mapIdle(s.page);
    assert.equal(await rendered(s.page, 'poles-fill').then((ids) => ids.length), 0, 'no zone is drawn');
    assert.deepEqual(pageErrors(s), []);
    assert.deepEqual(s.offOrigin, []);
  });
});

describe('when a data file is not the one the build wrote', () => {
  let s: Session;
  const scripts: string[] = [];
  const parksText = readFileSync(join(here, '../../public/geo/parks.geojson'), 'utf8');
  const zonesJson = JSON.parse(readFileSync(join(here, '../../public/geo/zones.geojson'), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
  before(async () => {
    s = await openSession(base);
    s.page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.js')) scripts.push(path);
    });
  });
  after(async () => {
    await s?.close();
  });

  test('validates a file changed by one byte with the schema, and shows it', { timeout: 60_000 }, async () => {
    // the same data with a newline more: another digest, still valid
    await s.context.route('**/geo/parks.geojson', (r) => r.fulfill({ status: 200, contentType: 'application/geo+json', body: `${parksText}\n` }));
    scripts.length = 0;
    await gotoReady(s);
    assert.ok(
      scripts.some((p) => /\/validate-geo-[\w-]+\.js$/.test(p)),
      `the validation code is fetched: ${scripts.join(' ')}`,
    );
    assert.equal(await s.page.locator('.notice').count(), 0, 'no notice for a valid file');
    assert.equal((await listedParks(s.page)).length, PARKS.length, 'every park is listed');
    const circles = await poll(
      'parks to be drawn',
      () => rendered(s.page, 'parks-circle'),
      (ids) => ids.length >= 25,
      10_000,
    );
    assert.ok(circles.length >= 25);
    assert.deepEqual(pageErrors(s), []);
    await s.context.unroute('**/geo/parks.geojson');
  });

  test('names the file, the feature and the reason when an edited file is invalid', { timeout: 60_000 }, async () => {
    const edited = structuredClone(zonesJson);
    const id = String(edited.features[2]!.properties.id);
    edited.features[2]!.properties.name_en = 42;
    await s.context.route('**/geo/zones.geojson', (r) => r.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(edited) }));
    resetLogs(s);
    await s.page.goto(s.base);
    const notice = s.page.locator('.notice', { hasText: 'zones.geojson' });
    await notice.waitFor({ timeout: 15_000 });
    assert.match((await notice.textContent()) ?? '', new RegExp(`zones\\.geojson \\[${id}\\]: features\\.2\\.properties\\.name_en`));
    await s.page.locator(READY).waitFor({ timeout: 30_000 });
    assert.equal((await listedParks(s.page)).length, PARKS.length, 'the other files still load: every park is listed');
    assert.deepEqual(pageErrors(s), []);
    await s.context.unroute('**/geo/zones.geojson');
  });
});
