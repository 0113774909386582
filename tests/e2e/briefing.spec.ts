/**
 * Briefing mode in a real browser (Chromium + SwiftShader, offline): a keyboard walk through
 * every chapter, the audience window following a presenter window (BroadcastChannel), detour and
 * resume, deep links (and a bad one), embed mode, PNG and ZIP export, an export that cannot render.
 * BRIEFING_SHOTS=1 also writes the README's pictures to docs/briefing-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openSession, startServer } from './harness';
import { camera, mapIdle, poll } from './driver';
import { framesChapter } from './briefing-frame';
import type { MapWindow } from './driver';
import type { Session } from './harness';
import type { Briefing } from '../../src/loaders/briefing-schema';
import { SECTOR_COLORS } from '../../src/theme/sectors';

const here = dirname(fileURLToPath(import.meta.url));
const BRIEFING: Briefing = JSON.parse(readFileSync(join(here, '../../public/geo/briefing.json'), 'utf8'));
const CH = BRIEFING.chapters;
const READY = '[data-testid="map"][data-map-ready="true"]';
const SHOTS = process.env.BRIEFING_SHOTS === '1';

let server: PreviewServer;
let base: string;
before(async () => {
  ({ server, base } = await startServer());
});
after(async () => {
  await server?.close();
});

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`${base}${query}`);
  await page.locator(READY).waitFor({ timeout: 30_000 });
}

const chapterIndex = async (page: Page) => Number(await page.locator('.briefing').getAttribute('data-chapter-index'));

/** Waits for the map to rest framing chapter i (briefing-frame.ts: its bounds inside the view, filling one side). */
const atChapterCamera = (page: Page, i: number) => framesChapter(page, CH[i]!.bounds, `chapter ${i + 1}`);

async function rendered(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((layer) => {
    const m = (window as unknown as MapWindow).__map;
    if (!m.getLayer(layer)) return [];
    return [...new Set(m.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties?.id)))].sort();
  }, layer);
}

const visibleGroups = (page: Page) =>
  page.evaluate(() => {
    const m = (window as unknown as MapWindow).__map;
    const groups = new Map<string, boolean>();
    for (const l of m.getStyle().layers) {
      const g = (l.metadata as { group?: string } | undefined)?.group;
      if (g) groups.set(g, (groups.get(g) ?? false) || m.getLayoutProperty(l.id, 'visibility') !== 'none');
    }
    return [...groups]
      .filter(([, on]) => on)
      .map(([g]) => g)
      .sort();
  });

const tourOf = (page: Page) => new URL(page.url()).searchParams.get('tour');

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(join(here, '../../docs'), { recursive: true });
  await mapIdle(page);
  await page.waitForTimeout(400); // font slices for late labels (pictures only, never asserted)
  await page.screenshot({ path: join(here, `../../docs/${name}`) });
}

describe('briefing', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 1400, height: 860 } });
  });
  after(async () => {
    await s?.close();
  });

  test('keyboard drives the briefing through every chapter (reduced motion: the camera jumps)', { timeout: 180_000 }, async () => {
    await s.page.emulateMedia({ reducedMotion: 'reduce' });
    await open(s.page, '?tour=1&lang=en');
    const keys = ['ArrowRight', 'PageDown', ' ', 'ArrowRight', 'PageDown', ' ', 'ArrowRight', 'PageDown', ' ', 'ArrowRight'];
    for (let i = 0; i < CH.length; i++) {
      const ch = CH[i]!;
      await poll(
        `chapter ${i + 1}`,
        () => chapterIndex(s.page),
        (n) => n === i,
      );
      assert.equal(await s.page.locator('.briefing-caption').getAttribute('data-chapter'), ch.id);
      assert.equal((await s.page.locator('.briefing-caption h1').textContent())?.trim(), ch.title_en);
      assert.equal((await s.page.getByTestId('briefing-count').textContent())?.replace(/\s/g, ''), `${i + 1}/${CH.length}`);
      await atChapterCamera(s.page, i);
      await mapIdle(s.page);
      assert.deepEqual(await visibleGroups(s.page), [...ch.layers].sort(), `layers of ${ch.id}`);
      const lit = await rendered(s.page, 'briefing-hl-line');
      const ringed = await rendered(s.page, 'briefing-hl-park');
      for (const id of [...lit, ...ringed]) assert.ok(ch.highlight.includes(id), `${id} is highlighted in ${ch.id}`);
      if (ch.highlight.length) assert.ok(lit.length + ringed.length > 0, `${ch.id} draws its highlight`);
      await poll(
        'the URL',
        async () => tourOf(s.page),
        (t) => t === String(i + 1),
      );
      if (ch.id === 'targets') assert.equal(await s.page.locator('.briefing-figures > ul > li').count(), ch.figures.length);
      if (i < keys.length) await s.page.keyboard.press(keys[i]!);
    }
    // at the end, next does nothing
    await s.page.keyboard.press('ArrowRight');
    assert.equal(await chapterIndex(s.page), CH.length - 1);
    await s.page.keyboard.press('Home');
    await poll(
      'Home',
      () => chapterIndex(s.page),
      (n) => n === 0,
    );
    await s.page.keyboard.press('End');
    await poll(
      'End',
      () => chapterIndex(s.page),
      (n) => n === CH.length - 1,
    );
    await s.page.keyboard.type('7');
    await s.page.locator('.briefing-digits').waitFor();
    await s.page.keyboard.press('Enter');
    await poll(
      '7 + Enter',
      () => chapterIndex(s.page),
      (n) => n === 6,
    );
    await s.page.keyboard.press('PageUp');
    await poll(
      'PageUp',
      () => chapterIndex(s.page),
      (n) => n === 5,
    );
    await s.page.keyboard.press('ArrowLeft');
    await poll(
      'ArrowLeft',
      () => chapterIndex(s.page),
      (n) => n === 4,
    );
    await s.page.keyboard.type('99');
    await s.page.keyboard.press('Enter');
    assert.equal(await chapterIndex(s.page), 4, 'a number beyond the script is ignored');
    assert.deepEqual(s.offOrigin, []);
    assert.deepEqual(s.errors, []);
    await s.page.emulateMedia({ reducedMotion: null });
  });

  test('detour and resume: one key returns to the exact state of the chapter', { timeout: 90_000 }, async () => {
    await open(s.page, '?tour=2');
    await atChapterCamera(s.page, 1);
    await mapIdle(s.page);
    assert.equal(await s.page.getByTestId('briefing-detour').count(), 0);
    const before = await rendered(s.page, 'parks-circle');
    // click a park, then pan
    const park = CH[1]!.highlight.find((h) => h === 'zhangjiang-ai-island')!;
    const pt = await s.page.evaluate((id) => {
      const m = (window as unknown as MapWindow).__map;
      const f = m.queryRenderedFeatures({ layers: ['parks-circle'] }).find((x) => x.properties?.id === id)!;
      const p = m.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      const r = m.getContainer().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, park);
    await s.page.mouse.click(pt.x, pt.y);
    await mapIdle(s.page);
    assert.deepEqual(await rendered(s.page, 'parks-selected'), [park]);
    await s.page.getByTestId('briefing-detour').waitFor();
    const framed = await camera(s.page);
    await s.page.mouse.move(500, 400);
    await s.page.mouse.down();
    await s.page.mouse.move(300, 250, { steps: 8 });
    await s.page.mouse.up();
    await poll(
      'the pan',
      () => camera(s.page),
      (c) => !c.moving && Math.abs(c.lng - framed.lng) > 1e-3,
    );
    assert.equal(await s.page.locator('button[data-action="resume"]').isEnabled(), true);

    await s.page.keyboard.press('r');
    await atChapterCamera(s.page, 1);
    await s.page.getByTestId('briefing-detour').waitFor({ state: 'detached' });
    await mapIdle(s.page);
    assert.deepEqual(await rendered(s.page, 'parks-selected'), [], 'the selection is gone');
    assert.deepEqual(await rendered(s.page, 'parks-circle'), before, 'the same parks as before the detour');
    assert.equal(await chapterIndex(s.page), 1, 'still chapter 2');
    assert.equal(await s.page.locator('button[data-action="resume"]').isEnabled(), false);
    await poll(
      'the URL',
      async () => new URL(s.page.url()).search,
      (q) => q === '?tour=2',
    );
    assert.deepEqual(s.offOrigin, []);
  });

  test('on a phone the chapter panel scrolls inside itself to its last line, the page stays put, and ← → sit on one line', { timeout: 90_000 }, async () => {
    await s.page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const lang of ['en', 'zh']) {
        await open(s.page, `?tour=4&lang=${lang}`);
        const panel = s.page.locator('.briefing-panel');
        const box = (await panel.boundingBox())!;
        assert.ok(box.y + box.height <= 844 + 0.5, `${lang}: the panel ends inside the window: ${JSON.stringify(box)}`);
        const sizes = () => panel.evaluate((el) => ({ top: el.scrollTop, height: el.scrollHeight, client: el.clientHeight }));
        const first = await sizes();
        assert.ok(first.height > first.client, `${lang}: chapter 4's panel is longer than its box: ${JSON.stringify(first)}`);
        // a wheel over the panel scrolls the panel to its end (the page cannot scroll)
        await s.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await s.page.mouse.wheel(0, 4000);
        await poll(`${lang}: the panel at its end`, sizes, (z) => z.top > 0 && z.top + z.client >= z.height - 1);
        assert.deepEqual(
          await s.page.evaluate(() => [document.scrollingElement!.scrollTop, document.scrollingElement!.scrollHeight <= innerHeight]),
          [0, true],
          `${lang}: the document does not scroll`,
        );
        // the key help, the panel's last line, is above the bar of ← →, inside the window
        const keys = (await s.page.locator('.briefing-panel .briefing-keys').boundingBox())!;
        const nav = (await s.page.locator('.briefing-panel-nav').boundingBox())!;
        assert.ok(keys.y >= box.y && keys.y + keys.height <= nav.y + 0.5, `${lang}: the key help shows above ← →: ${JSON.stringify({ keys, nav })}`);
        // ← → and the text buttons on one line
        const tops = await s.page.locator('.briefing-panel-nav button:visible').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
        assert.ok(
          tops.length >= 3 && Math.max(...tops) - Math.min(...tops) <= 4,
          `${lang}: the bar's buttons on one line (their tops within 4 px): ${tops.join(', ')}`,
        );
      }
    } finally {
      await s.page.setViewportSize({ width: 1400, height: 860 });
    }
  });

  test('deep links open the right chapter; an unknown one opens the first with a notice; embed shows map and controls only', { timeout: 240_000 }, async () => {
    await open(s.page, '?tour=3&lang=en');
    assert.equal(await chapterIndex(s.page), 2);
    assert.equal(await s.page.locator('.briefing-caption').getAttribute('data-chapter'), 'lingang');
    assert.equal((await s.page.locator('.briefing-caption h1').textContent())?.trim(), CH[2]!.title_en);
    await atChapterCamera(s.page, 2);
    assert.equal(await s.page.locator('.notice').count(), 0);
    const qr = s.page.locator('.briefing-qr img');
    await qr.waitFor();
    assert.equal(await qr.getAttribute('data-qr-text'), `${base.replace(/\/$/, '')}/?tour=3&lang=en`);
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/svg\+xml/);

    await open(s.page, '?tour=42');
    assert.equal(await chapterIndex(s.page), 0);
    assert.match((await s.page.locator('.notice').first().textContent()) ?? '', /没有第 42 章/);
    await atChapterCamera(s.page, 0);
    await poll(
      'the URL to say chapter 1',
      async () => tourOf(s.page),
      (t) => t === '1',
    );

    await open(s.page, '?tour=abc&lang=en');
    assert.equal(await chapterIndex(s.page), 0);
    assert.match((await s.page.locator('.notice').first().textContent()) ?? '', /tour=abc/);

    await open(s.page, '?embed=1&tour=6');
    assert.equal(await s.page.locator('.briefing').getAttribute('data-role'), 'embed');
    assert.equal(await s.page.locator('.briefing-embed-title').getAttribute('data-chapter'), 'ic');
    assert.equal(await s.page.locator('.briefing-caption, .briefing-notes, .briefing-export, .briefing-qr, .app-header').count(), 0);
    await atChapterCamera(s.page, 5);
    await s.page.locator('button[data-action="next"]').click();
    await poll(
      'next in embed',
      () => chapterIndex(s.page),
      (n) => n === 6,
    );
    await s.page.locator('button[data-action="prev"]').click();
    await poll(
      'prev in embed',
      () => chapterIndex(s.page),
      (n) => n === 5,
    );
    await atChapterCamera(s.page, 5);
    await shot(s.page, 'briefing-embed.png');
    assert.deepEqual(s.offOrigin, []);
  });

  test('exports the view as a 2× PNG with a legend, and every chapter as a ZIP', { timeout: 240_000 }, async () => {
    await open(s.page, '?tour=6');
    await atChapterCamera(s.page, 5);
    await shot(s.page, 'briefing-audience.png');
    const size = await s.page.evaluate(() => {
      const c = (window as unknown as MapWindow).__map.getCanvas();
      return { w: c.clientWidth, h: c.clientHeight };
    });
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 120_000 }), s.page.locator('button[data-action="export-png"]').click()]);
    assert.match(download.suggestedFilename(), /^briefing-06-ic-zh\.png$/);
    const png = readFileSync((await download.path())!);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
    assert.equal(png.readUInt32BE(16), 2 * (size.w + 300), 'width: 2 × (map + legend)');
    assert.equal(png.readUInt32BE(20), 2 * (76 + size.h + 56), 'height: 2 × (title + map + footer)');
    await s.page.getByRole('status').filter({ hasText: 'briefing-06-ic-zh.png' }).waitFor();

    // decode it in the page: the map part is not blank, and the legend column carries the chapter's sector colour and the highlight
    const facts = await s.page.evaluate(
      async ({ b64, mapW, mapH, colours }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const map = ctx.getImageData(0, 2 * 76, 2 * mapW, 2 * mapH).data;
        const seen = new Set<string>();
        for (let i = 0; i < map.length; i += 4 * 97) seen.add(`${map[i]! >> 4},${map[i + 1]! >> 4},${map[i + 2]! >> 4}`);
        const legend = ctx.getImageData(2 * mapW, 2 * 76, 2 * 300, 2 * mapH).data;
        const has = (hex: string) => {
          const [r, g, b] = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
          for (let i = 0; i < legend.length; i += 4)
            if (Math.abs(legend[i]! - r!) + Math.abs(legend[i + 1]! - g!) + Math.abs(legend[i + 2]! - b!) < 12) return true;
          return false;
        };
        let dark = 0;
        for (let i = 0; i < legend.length; i += 4) if (legend[i]! < 60 && legend[i + 1]! < 60 && legend[i + 2]! < 60) dark++;
        return { mapColours: seen.size, legend: Object.fromEntries(colours.map((h) => [h, has(h)])), darkLegendPixels: dark };
      },
      { b64: png.toString('base64'), mapW: size.w, mapH: size.h, colours: [SECTOR_COLORS.ic, SECTOR_COLORS.biomed, '#d4006a'] },
    );
    assert.ok(facts.mapColours >= 8, `the map part is not blank (${facts.mapColours} colours)`);
    // the chapter filters integrated circuits: its colour and the highlight's, and no other sector's (no dot shows one)
    assert.deepEqual(facts.legend, { [SECTOR_COLORS.ic]: true, [SECTOR_COLORS.biomed]: false, '#d4006a': true }, 'legend swatches');
    assert.ok(facts.darkLegendPixels > 500, `legend text is drawn (${facts.darkLegendPixels} dark pixels)`);

    const [zip] = await Promise.all([s.page.waitForEvent('download', { timeout: 200_000 }), s.page.locator('button[data-action="export-all"]').click()]);
    assert.equal(zip.suggestedFilename(), 'briefing-zh.zip');
    const files = unzipSync(new Uint8Array(readFileSync((await zip.path())!)));
    const names = Object.keys(files).sort();
    assert.deepEqual(
      names,
      CH.map((c, i) => `briefing-${String(i + 1).padStart(2, '0')}-${c.id}-zh.png`),
    );
    for (const n of names) assert.equal(files[n]![1], 0x50, `${n} is a PNG`);
    // back where it was
    await poll(
      'back to chapter 6',
      () => chapterIndex(s.page),
      (n) => n === 5,
    );
    assert.deepEqual(s.offOrigin, []);
    assert.deepEqual(s.errors, []);
  });
});

describe('presenter and audience windows', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 1400, height: 860 } });
  });
  after(async () => {
    await s?.close();
  });

  test('the audience window follows the presenter window (BroadcastChannel, same browser)', { timeout: 120_000 }, async () => {
    const audience = s.page;
    await open(audience, '?tour=4');
    assert.equal(await chapterIndex(audience), 3);
    const presenter = await s.context.newPage();
    await open(presenter, '?view=presenter&tour=1');
    assert.equal(await presenter.locator('.briefing').getAttribute('data-role'), 'presenter');
    // the presenter announces itself: the audience goes to its chapter
    await poll(
      'the audience to follow to chapter 1',
      () => chapterIndex(audience),
      (n) => n === 0,
    );
    assert.equal(await presenter.locator('.briefing-notes').getAttribute('data-chapter'), CH[0]!.id);
    assert.equal(await presenter.locator('.briefing-next').getAttribute('data-next'), CH[1]!.id);
    assert.match((await presenter.getByTestId('briefing-elapsed').textContent()) ?? '', /^\d\d:\d\d$/);

    await presenter.keyboard.press('PageDown');
    await poll(
      'the audience to follow to chapter 2',
      () => chapterIndex(audience),
      (n) => n === 1,
    );
    await presenter.keyboard.type('5');
    await presenter.keyboard.press('Enter');
    await poll(
      'the audience to follow to chapter 5',
      () => chapterIndex(audience),
      (n) => n === 4,
    );
    assert.equal(await presenter.locator('.briefing-next').getAttribute('data-next'), CH[5]!.id);
    await atChapterCamera(audience, 4);
    await poll(
      'the audience URL',
      async () => tourOf(audience),
      (t) => t === '5',
    );
    await shot(presenter, 'briefing-presenter.png');
    // neither window imports sites: long past their idle time, neither drew the sites' warm-up
    for (const page of [audience, presenter])
      assert.equal(await page.locator('[data-testid="map"]').first().getAttribute('data-sites-warm'), null, 'no sites warm-up in a tour window');
    assert.deepEqual(s.offOrigin, []);
    assert.deepEqual(s.errors, []);
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

  test('an export that cannot render says so and writes nothing', { timeout: 60_000 }, async () => {
    let downloads = 0;
    s.page.on('download', () => downloads++);
    await s.page.goto(`${base}?tour=2&lang=en`);
    await s.page.locator('.briefing-caption[data-chapter="zhangjiang"]').waitFor({ timeout: 30_000 });
    await s.page.locator('button[data-action="export-png"]').click();
    const alert = s.page.locator('.briefing-export-msg.error');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /^Cannot export: the map is not available$/);
    assert.equal(downloads, 0);
    assert.deepEqual(s.offOrigin, []);
  });
});
