/**
 * A share link keeps the work (Chromium + SwiftShader, offline, 1400×900): filters, broad areas,
 * the selected park, the comparison, the chosen point, the radius, the drawn area, a layer
 * switched off and the sort order are set in the page; the address the app writes is opened in a
 * new page, which shows each of them again. And the radius box answers a bad number with a
 * message, applying nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openSession, startServer } from './harness';
import type { Session } from './harness';
import { poll } from './driver';

const READY = '[data-testid="map"][data-map-ready="true"]';

let server: PreviewServer;
let s: Session;

before(async () => {
  const started = await startServer();
  server = started.server;
  s = await openSession(started.base, { viewport: { width: 1400, height: 900 } });
});
after(async () => {
  await s?.close();
  await server?.close();
});

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator(READY).waitFor({ timeout: 60_000 });
}

const attrs = (page: Page, sel: string, name: string) => page.locator(sel).evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name);

describe('the share link', () => {
  test('restores filters, broad areas, selection, comparison, point, radius, area, layers and sort', { timeout: 240_000 }, async () => {
    const page = s.page;
    // broad areas come from the link the page was opened with: the written link must keep them
    await open(page, `${s.base}?broad=1`);
    await page.locator('input[type="checkbox"][data-sector="biomed"]').check();
    await page.locator('.find-filters details').first().locator('summary').click();
    await page.locator('input[data-district="浦东新区"]').check();
    // a layer switched off
    const group = await page.locator('.layer-groups > li[data-group]').nth(3).getAttribute('data-group');
    await page.locator(`.layer-groups > li[data-group="${group}"] input[type="checkbox"]`).uncheck();
    // a point chosen on the map, a radius around it
    const map = (await page.locator('[data-testid="map"]').boundingBox())!;
    const cx = map.x + map.width * 0.62;
    const cy = map.y + map.height * 0.45;
    await page.getByTestId('find-pick').click();
    await page.mouse.click(cx, cy);
    await page.getByTestId('find-origin').waitFor();
    const line = page.locator('[data-testid="find-origin"] .origin-line');
    const point = [await line.getAttribute('data-lng'), await line.getAttribute('data-lat')];
    await page.getByTestId('find-radius').fill('30');
    // an area drawn around it
    await page.getByTestId('find-draw').click();
    // terra-draw is loaded on first use: the map says when its clicks draw
    await page.locator('[data-testid="map"][data-find-mode="draw"][data-drawing="on"]').waitFor({ timeout: 30_000 });
    const corners = [
      [cx - 170, cy - 150],
      [cx + 150, cy - 140],
      [cx + 160, cy + 150],
      [cx - 150, cy + 140],
      [cx - 170, cy - 150],
    ] as const;
    for (const [x, y] of corners) {
      await page.mouse.move(x, y, { steps: 3 });
      await page.mouse.click(x, y);
    }
    await page.getByTestId('find-area').waitFor({ timeout: 30_000 });
    const areaParks = await attrs(page, '[data-testid="find-area-parks"] [data-result-park]', 'data-result-park');
    // sorted by distance from the point
    await page.getByTestId('find-sort').selectOption('distance');
    // the list follows the filters in a later render: read it once the area's chip is shown and two reads agree
    await page.locator('[data-chip="area"]').waitFor({ timeout: 30_000 });
    let last = '';
    const listed = await poll(
      'the list to settle',
      () => attrs(page, '.park-list button[data-park]', 'data-park'),
      (ids) => {
        const same = ids.join(' ') === last;
        last = ids.join(' ');
        return same;
      },
    );
    assert.ok(listed.length >= 3, `the filters leave parks to work with: ${listed.join(' ')}`);
    // two parks compared, one selected
    const compared = listed.slice(0, 2) as string[];
    for (const id of compared) await page.locator(`button[data-compare="${id}"]`).click();
    const selected = listed[2]!;
    await page.locator(`.park-list button[data-park="${selected}"]`).click();
    await page.locator(`article.park-card[data-park="${selected}"]`).waitFor();

    const url = await poll(
      'the address to carry everything',
      async () => page.url(),
      (u) =>
        ['sector=biomed', 'broad=1', 'district=', `park=${selected}`, 'cmp=', 'pt=', 'r=30', 'area=', 'sort=distance', `off=${group}`].every((p) =>
          u.includes(p),
        ),
    );
    assert.ok(url.length < 1200, `short enough to share: ${url.length} characters`);

    const again = await s.context.newPage();
    try {
      await open(again, url);
      assert.ok(await again.locator('input[type="checkbox"][data-sector="biomed"]').isChecked(), 'the sector filter');
      await again.locator('[data-chip="broad"]').waitFor();
      assert.ok(await again.locator('input[data-district="浦东新区"]').isChecked(), 'the district filter');
      assert.equal(await again.locator(`.layer-groups > li[data-group="${group}"] input[type="checkbox"]`).isChecked(), false, 'the layer switch');
      await again.locator(`article.park-card[data-park="${selected}"]`).waitFor();
      assert.deepEqual(await attrs(again, '.compare-sheet thead th[data-park]', 'data-park'), compared, 'the comparison');
      const line2 = again.locator('[data-testid="find-origin"] .origin-line');
      assert.deepEqual([await line2.getAttribute('data-lng'), await line2.getAttribute('data-lat')], point, 'the chosen point');
      assert.equal(await again.getByTestId('find-radius').inputValue(), '30', 'the radius');
      await again.locator('[data-chip="radius"]').waitFor();
      await again.locator('[data-chip="area"]').waitFor();
      assert.deepEqual(await attrs(again, '[data-testid="find-area-parks"] [data-result-park]', 'data-result-park'), areaParks, 'the drawn area');
      await again.locator('article.park-card .close').click();
      assert.equal(await again.getByTestId('find-sort').inputValue(), 'distance', 'the sort');
      assert.deepEqual(await attrs(again, '.park-list button[data-park]', 'data-park'), listed, 'the same parks, in the same order');
    } finally {
      await again.close();
    }
  });

  test('a bad radius (negative, text) shows a message and applies nothing: the radius stays what it was', async () => {
    const page = s.page;
    await open(page, `${s.base}?pt=park:caohejing&r=5`);
    const box = page.getByTestId('find-radius');
    assert.equal(await box.inputValue(), '5');
    const listed = () => page.locator('.park-list button[data-park]').count();
    const within5 = await listed();
    for (const bad of ['-5', 'abc', '0']) {
      await box.fill(bad);
      const msg = page.getByTestId('find-radius-error');
      await msg.waitFor();
      assert.match((await msg.textContent()) ?? '', new RegExp(`“${bad}”未应用，半径仍为 5 公里`));
      assert.equal(await box.getAttribute('aria-invalid'), 'true');
      // the 5 km filter holds: its chip, the list, the address
      assert.equal(await page.locator('[data-chip="radius"]').count(), 1, `${bad}: the radius chip stays`);
      assert.equal(await listed(), within5, `${bad}: the same parks`);
      assert.match(page.url(), /[?&]r=5(&|#|$)/);
    }
    // emptied, the box removes the radius
    await box.fill('');
    await poll(
      'no radius filter',
      () => page.locator('[data-chip="radius"]').count(),
      (n) => n === 0,
    );
    await poll(
      'the radius to leave the address',
      async () => page.url(),
      (u) => !/[?&]r=/.test(u),
    );
    await box.fill('12.5');
    await page.locator('[data-chip="radius"]').waitFor();
    assert.equal(await page.getByTestId('find-radius-error').count(), 0);
    await poll(
      'the radius in the address',
      async () => page.url(),
      (u) => u.includes('r=12.5'),
    );
  });
});
