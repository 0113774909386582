/**
 * The briefing's tools in the room, two windows of one browser: the presenter sees whether an
 * audience window is connected (and not after it closes); L and the legend button show the
 * chapter's legend in both windows; the language switch reaches the audience window and the URL
 * keeps it; a chapter's highlight rings draw under every label layer of the running style; print
 * frames the whole chapter beside its caption, with the legend.
 * ROOM_SHOTS=<dir> also writes pictures (presenter 1400×900, tour 390×844 and 1280×720) there.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openSession, startServer } from './harness';
import type { Session } from './harness';
import { camera, mapIdle, poll } from './driver';
import type { MapWindow } from './driver';
import type { Briefing } from '../../src/loaders/briefing-schema';
import { framesChapter, framing } from './briefing-frame';

const here = dirname(fileURLToPath(import.meta.url));
const CH = (JSON.parse(readFileSync(join(here, '../../public/geo/briefing.json'), 'utf8')) as Briefing).chapters;
const READY = '[data-testid="map"][data-map-ready="true"]';
const SHOTS = process.env.ROOM_SHOTS;

let server: PreviewServer;
let base: string;
before(async () => {
  ({ server, base } = await startServer());
});
after(async () => {
  await server?.close();
});

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await mapIdle(page);
  await page.waitForTimeout(400); // font slices for late labels (pictures only, never asserted)
  await page.screenshot({ path: join(SHOTS, name) });
}

const connected = (page: Page) => page.getByTestId('audience-status').getAttribute('data-connected');
const legendShown = (page: Page) => page.getByTestId('briefing-legend').isVisible();
const docLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe('in the room: presenter and audience windows', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 1400, height: 900 } });
  });
  after(async () => {
    await s?.close();
  });

  test(
    'connected indicator, legend (button and L) and language reach the audience window; closing it turns the indicator off',
    { timeout: 240_000 },
    async () => {
      const presenter = s.page;
      await presenter.goto(`${base}?view=presenter&tour=3&lang=en`);
      await presenter.locator(READY).waitFor({ timeout: 60_000 });
      assert.equal(await connected(presenter), 'false', 'no audience window yet');
      assert.match((await presenter.getByTestId('audience-status').textContent()) ?? '', /No audience window/);
      assert.match((await presenter.locator('.briefing-keys').textContent()) ?? '', /L legend/);

      const audience = await s.context.newPage();
      await audience.setViewportSize({ width: 1280, height: 720 });
      await audience.goto(`${base}?tour=1`);
      await audience.locator(READY).waitFor({ timeout: 60_000 });
      await poll(
        'the presenter to see the audience window',
        () => connected(presenter),
        (c) => c === 'true',
      );
      assert.match((await presenter.getByTestId('audience-status').textContent()) ?? '', /Audience window connected/);
      // the audience window took the presenter's chapter and language
      await poll(
        'the audience at chapter 3',
        async () => audience.locator('.briefing').getAttribute('data-chapter-index'),
        (i) => i === '2',
      );
      await poll(
        'the audience in English',
        () => docLang(audience),
        (l) => l === 'en',
      );
      // led by the presenter, the room's window has nothing to press but full screen
      await poll(
        'the audience window led',
        () => audience.locator('.briefing').getAttribute('data-led'),
        (v) => v === 'true',
      );
      assert.deepEqual(await audience.locator('.briefing-panel button:visible, .maplibregl-ctrl-zoom-in:visible').allTextContents(), ['Full screen (F)']);
      assert.equal(await audience.locator('.briefing-keys').count(), 0);

      // legend: hidden, then L on the presenter shows it in both windows
      assert.equal(await legendShown(presenter), false);
      assert.equal(await legendShown(audience), false);
      await presenter.locator('.maplibregl-canvas').focus();
      await presenter.keyboard.press('l');
      assert.equal(await presenter.locator('button[data-action="legend"]').getAttribute('aria-pressed'), 'true');
      assert.equal(await legendShown(presenter), true);
      await poll(
        'the audience legend to open',
        () => legendShown(audience),
        (v) => v,
      );
      // it lists the chapter's layer groups that have a legend (chapter 3: poles and parks) and its rings
      const groups = await audience.locator('[data-testid="briefing-legend"] [data-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
      assert.deepEqual(groups, ['basemap', 'districts', 'poles', 'parks'], 'the legend follows the chapter layers');
      assert.deepEqual(CH[2]!.layers, ['basemap', 'districts', 'poles', 'parks']);
      assert.match((await audience.getByTestId('briefing-legend').textContent()) ?? '', /Lingang|临港|Districts/);
      assert.match((await audience.getByTestId('briefing-legend').textContent()) ?? '', /Places of this chapter \(ringed\)/);
      await shot(presenter, 'presenter-room.png');
      await shot(audience, 'audience-legend-1280.png');
      // the button hides it again, in both windows
      await presenter.locator('button[data-action="legend"]').click();
      assert.equal(await legendShown(presenter), false);
      await poll(
        'the audience legend to close',
        () => legendShown(audience),
        (v) => !v,
      );

      // language: the presenter's switch reaches the audience window; both URLs keep it
      assert.equal(await presenter.locator('button[data-action="lang"]').textContent(), '中文');
      await presenter.locator('button[data-action="lang"]').click();
      assert.equal(await docLang(presenter), 'zh-CN');
      await poll(
        'the audience in Chinese',
        () => docLang(audience),
        (l) => l === 'zh-CN',
      );
      assert.match((await presenter.getByTestId('audience-status').textContent()) ?? '', /观众窗口已连接/);
      await poll(
        'the presenter URL without lang=en',
        async () => presenter.url(),
        (u) => !u.includes('lang=en'),
      );
      await presenter.locator('button[data-action="lang"]').click();
      await poll(
        'the presenter URL with lang=en',
        async () => presenter.url(),
        (u) => u.includes('lang=en') && u.includes('view=presenter'),
      );
      await poll(
        'the audience URL with lang=en',
        async () => audience.url(),
        (u) => u.includes('lang=en'),
      );
      // a detour during questions: the presenter zooms in on a place, and the room's map follows
      await presenter.evaluate(() => (window as unknown as MapWindow).__map.easeTo({ center: [121.6, 31.2], zoom: 11.5, duration: 0 }));
      await presenter.getByTestId('briefing-detour').waitFor();
      await poll(
        "the audience map at the presenter's detour",
        () => camera(audience),
        (c) => !c.moving && Math.abs(c.lng - 121.6) < 1e-3 && Math.abs(c.lat - 31.2) < 1e-3 && Math.abs(c.zoom - 11.5) < 1e-3,
      );
      // R: both windows back to the chapter
      await presenter.locator('.maplibregl-canvas').focus();
      await presenter.keyboard.press('r');
      await framesChapter(audience, CH[2]!.bounds, 'the audience back at chapter 3');
      assert.ok((await camera(audience)).zoom < 11.5, 'zoomed out of the detour');

      await presenter.reload();
      await presenter.locator(READY).waitFor({ timeout: 60_000 });
      assert.equal(await docLang(presenter), 'en', 'a reload keeps the language');

      // the audience window closes: the indicator goes off within a few seconds
      await poll(
        'the presenter to see the audience again after its reload',
        () => connected(presenter),
        (c) => c === 'true',
      );
      await audience.close();
      await poll(
        'the indicator to go off',
        () => connected(presenter),
        (c) => c === 'false',
        15_000,
      );

      // a room's window whose presenter leaves gets its controls back
      const room = await s.context.newPage();
      await room.setViewportSize({ width: 1280, height: 720 });
      await room.goto(`${base}?tour=1`);
      await room.locator(READY).waitFor({ timeout: 60_000 });
      await poll(
        'the new audience window led',
        () => room.locator('.briefing').getAttribute('data-led'),
        (v) => v === 'true',
      );
      await presenter.goto(`${base}?lang=en`);
      await poll(
        'the audience window on its own again',
        () => room.locator('.briefing').getAttribute('data-led'),
        (v) => v === null,
        15_000,
      );
      assert.equal(await room.locator('button[data-action="next"]').isVisible(), true);
      assert.equal(await room.locator('.maplibregl-ctrl-zoom-in').isVisible(), true);
      await room.close();
      assert.deepEqual(s.offOrigin, []);
      assert.deepEqual(s.errors, []);
    },
  );

  test('a chapter’s highlight rings draw under every label layer of the running style', { timeout: 120_000 }, async () => {
    const page = s.page;
    await page.goto(`${base}?tour=3&lang=en`);
    await page.locator(READY).waitFor({ timeout: 60_000 });
    await poll(
      'the rings drawn',
      () => page.evaluate(() => (window as unknown as MapWindow).__map.queryRenderedFeatures({ layers: ['briefing-hl-park'] }).length),
      (n) => n > 0,
    );
    const layers = await page.evaluate(() => (window as unknown as MapWindow).__map.getStyle().layers.map((l) => ({ id: l.id, type: l.type })));
    const rings = layers.flatMap((l, i) => (l.id.startsWith('briefing-hl-') ? [i] : []));
    const labels = layers.flatMap((l, i) => (l.type === 'symbol' ? [i] : []));
    assert.equal(rings.length, 5, 'zone fill, casing and line; park casing and ring');
    assert.ok(labels.length >= 5, 'the style has its label layers');
    assert.ok(Math.max(...rings) < Math.min(...labels), `rings ${rings.join(',')} under labels from ${Math.min(...labels)}`);
    await shot(page, 'tour-rings-1400.png');
  });

  test('print lays out the whole chapter with its caption and legend; the PNG carries the caption', { timeout: 180_000 }, async () => {
    const page = s.page;
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${base}?tour=6&lang=en`);
    await page.locator(READY).waitFor({ timeout: 60_000 });
    await framesChapter(page, CH[5]!.bounds, 'chapter 6 on screen');
    const screen = await framing(page, CH[5]!.bounds);
    assert.equal(await legendShown(page), false, 'the legend is closed on screen');
    assert.equal(await page.getByTestId('briefing-legend-print').isVisible(), false, 'its printed copy shows only in print');

    await page.emulateMedia({ media: 'print' });
    // the map's room is A4 landscape less the text column: another shape, framed again
    const area = (await page.locator('.map-area').boundingBox())!;
    assert.ok(Math.abs(area.width - screen.width) > 100, `the printed map has its own width (${area.width} against ${screen.width})`);
    await poll(
      'the canvas to take the printed size',
      () => framing(page, CH[5]!.bounds),
      (f) => Math.abs(f.width - area.width) <= 1,
    );
    await framesChapter(page, CH[5]!.bounds, 'chapter 6 in print');
    assert.equal(await legendShown(page), false, 'the legend over the map is not printed: the map stays clear');
    assert.equal(await page.getByTestId('briefing-legend-print').isVisible(), true, 'print carries the legend');
    assert.match((await page.getByTestId('briefing-legend-print').textContent()) ?? '', /IC “one body, two wings”.*Integrated circuits/);
    // the chapter filters integrated circuits: its colour is the only sector colour in the legend
    assert.doesNotMatch((await page.getByTestId('briefing-legend-print').textContent()) ?? '', /Biomedicine|Aerospace/);
    // the attribution's fold marker (▼) is not printed
    assert.equal(await page.locator('.maplibregl-ctrl-attrib-button').isVisible(), false, 'no fold marker in print');
    assert.equal(await page.locator('.briefing-caption .briefing-text').isVisible(), true, 'print carries the caption');
    assert.equal(await page.locator('.briefing-caption .briefing-text').textContent(), CH[5]!.caption_en);
    for (const hidden of ['.briefing-controls', '.briefing-room-tools', '.briefing-export'])
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
    await shot(page, 'print-ch6.png');
    // the legend goes to the text column: the map stays clear, the caption and the QR code too
    const box = async (sel: string) => (await page.locator(sel).first().boundingBox())!;
    const [legendBox, mapBox, captionBox, qrBox] = [
      await box('[data-testid="briefing-legend-print"]'),
      await box('.map-area'),
      await box('.briefing-caption'),
      await box('.briefing-qr'),
    ];
    assert.ok(legendBox.x >= mapBox.x + mapBox.width, 'the legend is beside the map, not over it');
    assert.ok(legendBox.y >= captionBox.y + captionBox.height, 'under the caption');
    assert.ok(legendBox.y + legendBox.height <= qrBox.y, 'above the QR code');
    const pageBox = await box('.briefing');
    assert.ok(
      qrBox.y + qrBox.height <= pageBox.y + pageBox.height + 0.5,
      `all on the one page: the QR code too (its foot at ${qrBox.y + qrBox.height}, the page's at ${pageBox.y + pageBox.height})`,
    );
    if (SHOTS) await page.pdf({ path: join(SHOTS, 'print-ch6.pdf'), landscape: true, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    await framesChapter(page, CH[5]!.bounds, 'chapter 6 back on screen');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.locator('button[data-action="export-png"]').click()]);
    const png = readFileSync((await download.path())!);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
    if (SHOTS) writeFileSync(join(SHOTS, 'export-ch6.png'), png);
    assert.deepEqual(s.errors, []);
  });

  test('the presenter view printed with the browser (Ctrl+P) sets its notes in black', { timeout: 120_000 }, async () => {
    const page = s.page;
    await page.goto(`${base}?tour=11&view=presenter&lang=zh`);
    await page.locator(READY).waitFor({ timeout: 60_000 });
    await page.locator('.briefing-notes .briefing-said').waitFor();
    try {
      await page.emulateMedia({ media: 'print' });
      for (const sel of ['.briefing-notes h2', '.briefing-notes .briefing-said', '.briefing-notes h1'])
        assert.equal(
          await page
            .locator(sel)
            .first()
            .evaluate((el) => getComputedStyle(el).color),
          'rgb(0, 0, 0)',
          `${sel} in print`,
        );
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    assert.deepEqual(s.errors, []);
  });

  test('the tour on a phone and a projector', { timeout: 120_000 }, async () => {
    if (!SHOTS) return;
    const page = s.page;
    for (const [w, h] of [
      [390, 844],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`${base}?tour=3&lang=en`);
      await page.locator(READY).waitFor({ timeout: 60_000 });
      await page.keyboard.press('L');
      await page.getByTestId('briefing-legend').waitFor();
      await shot(page, `tour-legend-${w}.png`);
    }
  });
});
