/**
 * Pointing at the map: the presenter's mouse over the presenter view's map puts a laser dot, then
 * a spotlight, on the audience window at the same map coordinate (windows of different sizes);
 * B blanks the audience window and brings it back. All over the presenter ↔ audience channel.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openSession, startServer } from './harness';
import type { Session } from './harness';
import { poll } from './driver';
import type { LngLat, MapWindow } from './driver';

const READY = '[data-testid="map"][data-map-ready="true"]';

let server: PreviewServer;
let base: string;
before(async () => {
  ({ server, base } = await startServer());
});
after(async () => {
  await server?.close();
});

/** Where a layer's first rendered point is drawn on this page's map (CSS px of the canvas), or null. */
const drawnAt = (page: Page, layer: string) =>
  page.evaluate((layer) => {
    const m = (window as unknown as MapWindow).__map;
    if (!m.getLayer(layer)) return null;
    const f = m.queryRenderedFeatures({ layers: [layer] })[0];
    if (!f) return null;
    const p = m.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
    return { x: p.x, y: p.y };
  }, layer);

const project = (page: Page, ll: LngLat) =>
  page.evaluate((ll) => {
    const m = (window as unknown as MapWindow).__map;
    const p = m.project(ll);
    const c = m.getCanvas();
    return { x: p.x, y: p.y, w: c.clientWidth, h: c.clientHeight };
  }, ll);

describe('pointer, spotlight and blank on the audience window', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 1400, height: 860 } });
  });
  after(async () => {
    await s?.close();
  });

  test('the presenter points; the audience window shows it at the same map coordinate; blank and back', { timeout: 240_000 }, async () => {
    const audience = s.page;
    await audience.goto(`${base}?tour=3&lang=en`);
    await audience.locator(READY).waitFor({ timeout: 60_000 });
    const presenter = await s.context.newPage();
    await presenter.setViewportSize({ width: 1100, height: 700 });
    await presenter.goto(`${base}?view=presenter&tour=3&lang=en`);
    await presenter.locator(READY).waitFor({ timeout: 60_000 });

    await presenter.keyboard.press('p');
    assert.equal(await presenter.locator('button[data-action="pointer"]').getAttribute('aria-pressed'), 'true');
    // a point on the presenter's map, and its map coordinate there
    const box = (await presenter.locator('.maplibregl-canvas').boundingBox())!;
    const px = { x: box.x + box.width * 0.45, y: box.y + box.height * 0.55 };
    await presenter.mouse.move(px.x - 30, px.y - 20);
    await presenter.mouse.move(px.x, px.y, { steps: 4 });
    const at = await presenter.evaluate(
      ({ x, y }) => {
        const m = (window as unknown as MapWindow).__map;
        const r = m.getCanvas().getBoundingClientRect();
        const ll = m.unproject([x - r.left, y - r.top]);
        return [ll.lng, ll.lat] as LngLat;
      },
      { x: px.x, y: px.y },
    );
    const want = await project(audience, at);
    assert.ok(want.x > 0 && want.x < want.w && want.y > 0 && want.y < want.h, 'the point is on the audience map');
    // where the point is on the audience map is read again with the dot (that map may still be settling)
    const dot = await poll(
      'the laser dot on the audience window',
      async () => ({ dot: await drawnAt(audience, 'briefing-pointer-dot'), want: await project(audience, at) }),
      ({ dot: p, want: w }) => p !== null && Math.hypot(p.x - w.x, p.y - w.y) < 3,
      30_000,
    );
    assert.ok(dot.dot);

    await presenter.keyboard.press('s');
    await poll(
      'the spotlight on the audience window',
      async () => [await drawnAt(audience, 'briefing-spotlight'), await drawnAt(audience, 'briefing-pointer-dot'), await project(audience, at)] as const,
      ([spot, laser, w]) => spot !== null && Math.hypot(spot.x - w.x, spot.y - w.y) < 3 && laser === null,
      30_000,
    );
    await presenter.keyboard.press('s');
    await poll(
      'the spotlight off',
      () => drawnAt(audience, 'briefing-spotlight'),
      (p) => p === null,
      30_000,
    );

    await presenter.keyboard.press('b');
    await audience.getByTestId('briefing-blank').waitFor({ timeout: 30_000 });
    assert.equal(await presenter.locator('button[data-action="blank"]').getAttribute('aria-pressed'), 'true');
    await presenter.locator('button[data-action="blank"]').click();
    await audience.getByTestId('briefing-blank').waitFor({ state: 'detached', timeout: 30_000 });
    assert.deepEqual(s.offOrigin, []);
    assert.deepEqual(s.errors, []);
  });

  test('led, the audience window’s panel follows the presenter’s scroll through the targets chapter’s cards', { timeout: 240_000 }, async () => {
    const audience = await s.context.newPage();
    await audience.goto(`${base}?tour=11&lang=en`);
    await audience.locator(READY).waitFor({ timeout: 60_000 });
    const presenter = await s.context.newPage();
    await presenter.setViewportSize({ width: 1100, height: 700 });
    await presenter.goto(`${base}?view=presenter&tour=11&lang=en`);
    await presenter.locator(READY).waitFor({ timeout: 60_000 });
    await poll(
      'the audience window led',
      () => audience.locator('.briefing').getAttribute('data-led'),
      (v) => v === 'true',
    );
    // the cards load with the chart code; the third is below the fold in both windows
    const card = presenter.locator('.briefing-panel article.score').nth(2);
    await card.waitFor({ timeout: 60_000 });
    await audience.locator('.briefing-panel article.score').nth(2).waitFor({ timeout: 60_000 });
    const id = await card.getAttribute('data-target');
    /** how far the card is below the top of its window's panel, px (negative: above it) */
    const offset = (page: Page, target: string | null) =>
      page.evaluate((t) => {
        const panel = document.querySelector('.briefing-panel')!;
        const el = panel.querySelector(`article.score[data-target="${t}"]`)!;
        return Math.round(el.getBoundingClientRect().top - panel.getBoundingClientRect().top);
      }, target);
    assert.ok((await offset(audience, id)) > 700, 'the card starts below the room’s fold');
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const near = (v: number) => v >= 0 && v <= 16;
    assert.ok(near(await offset(presenter, id)), 'the presenter scrolled the card to its panel’s top');
    await poll('the same card at the top of the room’s panel', () => offset(audience, id), near, 30_000);
    // back to the top: the room's panel too
    await presenter.evaluate(() => document.querySelector('.briefing-panel')!.scrollTo({ top: 0 }));
    await poll(
      'the room’s panel back at its top',
      () => audience.evaluate(() => document.querySelector('.briefing-panel')!.scrollTop),
      (v) => v === 0,
      30_000,
    );
    // a chapter starts at its top in both windows, the one scrolled before it too
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await poll('the room at the card again', () => offset(audience, id), near, 30_000);
    await presenter.keyboard.press('PageUp');
    await poll(
      'the room on chapter 10',
      () => audience.locator('.briefing').getAttribute('data-chapter-index'),
      (v) => v === '9',
    );
    await presenter.keyboard.press('PageDown');
    await poll(
      'both back on the targets chapter, each at its top',
      () =>
        Promise.all(
          [presenter, audience].map((page) =>
            page.evaluate(() => [
              document.querySelector('.briefing')!.getAttribute('data-chapter-index'),
              document.querySelector('.briefing-panel')!.scrollTop,
            ]),
          ),
        ),
      (v) => v.every(([i, top]) => i === '10' && top === 0),
      30_000,
    );
    await presenter.close();
    await audience.close();
    assert.deepEqual(s.errors, []);
  });
});
