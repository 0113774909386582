/**
 * In the room: every chapter frames its bounds on a 1280×720 and a 1024×768 projector and in a
 * 900×560 embed; clicker keys change chapter wherever the focus is, also after a click on the map
 * (the map's own arrow-key panning gives way); the QR code says when its address works only on
 * this computer.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openSession, startServer } from './harness';
import type { Session } from './harness';
import { poll } from './driver';
import { framesChapter, framing, frames } from './briefing-frame';
import type { Briefing } from '../../src/loaders/briefing-schema';

const here = dirname(fileURLToPath(import.meta.url));
const CH = (JSON.parse(readFileSync(join(here, '../../public/geo/briefing.json'), 'utf8')) as Briefing).chapters;
const READY = '[data-testid="map"][data-map-ready="true"]';

let server: PreviewServer;
let base: string;
before(async () => {
  ({ server, base } = await startServer());
});
after(async () => {
  await server?.close();
});

const chapterIndex = async (page: Page) => Number(await page.locator('.briefing').getAttribute('data-chapter-index'));
const atChapter = (page: Page, i: number) =>
  poll(
    `chapter ${i + 1}`,
    () => chapterIndex(page),
    (n) => n === i,
  );

for (const { width, height, query } of [
  { width: 1280, height: 720, query: '?tour=1' },
  { width: 1024, height: 768, query: '?tour=1&lang=en' },
  { width: 900, height: 560, query: '?embed=1&tour=1' },
]) {
  describe(`${width}×${height}${query.includes('embed') ? ' embed' : ''}`, () => {
    let s: Session;
    before(async () => {
      s = await openSession(base, { viewport: { width, height } });
    });
    after(async () => {
      await s?.close();
    });

    test('every chapter shows the whole of its bounds', { timeout: 300_000 }, async () => {
      await s.page.emulateMedia({ reducedMotion: 'reduce' });
      await s.page.goto(`${base}${query}`);
      await s.page.locator(READY).waitFor({ timeout: 60_000 });
      for (let i = 0; i < CH.length; i++) {
        await atChapter(s.page, i);
        const f = await framesChapter(s.page, CH[i]!.bounds, `${CH[i]!.id} at ${width}×${height}`);
        assert.ok(frames(f));
        if (i < CH.length - 1) await s.page.keyboard.press('ArrowRight');
      }
      assert.deepEqual(s.offOrigin, []);
      assert.deepEqual(s.errors, []);
    });
  });
}

describe('clicker keys and the QR code', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 1280, height: 720 } });
  });
  after(async () => {
    await s?.close();
  });

  test('after a click on the map, → ← PageDown PageUp and Space change chapter instead of panning', { timeout: 240_000 }, async () => {
    await s.page.emulateMedia({ reducedMotion: 'reduce' });
    await s.page.goto(`${base}?tour=2&lang=en`);
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    await framesChapter(s.page, CH[1]!.bounds, 'chapter 2');
    // the map has the focus, as after any click on it
    const canvas = s.page.locator('.maplibregl-canvas');
    await canvas.click({ position: { x: 20, y: 20 } });
    assert.equal(await s.page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas')), true, 'the map has the focus');
    const steps: [string, number][] = [
      ['ArrowRight', 2],
      ['PageDown', 3],
      [' ', 4],
      ['ArrowLeft', 3],
      ['PageUp', 2],
    ];
    for (const [key, want] of steps) {
      await canvas.focus();
      await s.page.keyboard.press(key);
      await atChapter(s.page, want);
      // the chapter's own view: the map did not pan with the arrow key
      await framesChapter(s.page, CH[want]!.bounds, `chapter ${want + 1} after ${key}`);
    }
    assert.equal(await s.page.getByTestId('briefing-detour').count(), 0, 'no detour: the key was the clicker');
    const f = await framing(s.page, CH[2]!.bounds);
    assert.ok(frames(f));
    assert.deepEqual(s.errors, []);
  });

  test(
    'a clicker changes chapter after a click on a checkbox or a button; Space presses a control only when Tab reached it',
    { timeout: 180_000 },
    async () => {
      const { page } = s;
      await page.goto(`${base}?view=presenter&tour=2&lang=en`);
      await page.locator(READY).waitFor({ timeout: 60_000 });
      // the handout's notes checkbox, ticked with the mouse while setting up: it keeps the focus
      const notes = page.locator('input[data-action="export-notes"]');
      await notes.click();
      assert.equal(await notes.isChecked(), true);
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action), 'export-notes');
      const steps: [string, number][] = [
        ['PageDown', 2],
        ['PageUp', 1],
        [' ', 2],
        ['End', CH.length - 1],
        ['Home', 0],
      ];
      for (const [key, want] of steps) {
        await page.keyboard.press(key);
        await atChapter(page, want);
      }
      assert.equal(await notes.isChecked(), true, 'Space went to the clicker, not to the checkbox');
      // a button clicked with the mouse (the pointer, on): Space is the clicker's
      const pointer = page.locator('button[data-action="pointer"]');
      await pointer.click();
      assert.equal(await pointer.getAttribute('aria-pressed'), 'true');
      await page.keyboard.press(' ');
      await atChapter(page, 1);
      assert.equal(await pointer.getAttribute('aria-pressed'), 'true', 'the clicked button was not pressed again');
      // the same button reached with Tab: Space presses it, and the chapter stays
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action), 'pointer');
      await page.keyboard.press(' ');
      await poll(
        'the pointer off',
        () => pointer.getAttribute('aria-pressed'),
        (v) => v === 'false',
      );
      assert.equal(await chapterIndex(page), 1);
      // and PageDown still changes chapter from it
      await page.keyboard.press('PageDown');
      await atChapter(page, 2);
      assert.deepEqual(s.errors, []);
    },
  );

  test('on a loopback address the QR code says it works only on this computer', { timeout: 120_000 }, async () => {
    await s.page.goto(`${base}?tour=3&lang=en`);
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    const qr = s.page.locator('.briefing-qr img');
    await qr.waitFor();
    assert.equal(await qr.getAttribute('data-qr-text'), `${base.replace(/\/$/, '')}/?tour=3&lang=en`);
    assert.match((await s.page.locator('.briefing-qr-local').textContent()) ?? '', /only on this computer/);
  });

  test('a long chapter scrolls above ← and →, which stay on screen; the projector window has no export tools', { timeout: 120_000 }, async () => {
    const last = CH.length;
    await s.page.goto(`${base}?tour=${last}&lang=en`);
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    const panel = s.page.locator('.briefing-panel');
    // the targets chapter is longer than the panel: it scrolls
    assert.ok(await panel.evaluate((el) => el.scrollHeight > el.clientHeight + 100), 'the chapter overflows its panel');
    const onScreen = async (what: string) => {
      const prev = (await s.page.locator('button[data-action="prev"]').boundingBox())!;
      assert.ok(prev.y >= 0 && prev.y + prev.height <= 720, `${what}: ← at y ${prev.y}`);
    };
    await onScreen('at the top of the chapter');
    await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    await onScreen('scrolled half way');
    await s.page.locator('button[data-action="prev"]').click();
    await s.page.locator(`.briefing-caption[data-chapter="${CH[last - 2]!.id}"]`).waitFor();
    // the window the presenter view opens for the projector: the presenter's tools are not shown there
    assert.ok(await s.page.locator('.briefing-export').count(), 'the tour in a window of its own has its export tools');
    await s.page.evaluate(() => (window.name = 'sei-briefing-audience'));
    await s.page.goto(`${base}?tour=3&lang=en`);
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    assert.equal(await s.page.locator('.briefing-export').count(), 0, 'no export tools on the projector');
    assert.equal(await s.page.locator('.briefing-qr').count(), 0, 'no QR code that works only on this computer');
    await onScreen('on the projector');
    await s.page.evaluate(() => (window.name = ''));
    assert.deepEqual(s.errors, []);
  });
});
