/**
 * Accessibility in a real browser (Chromium + SwiftShader, offline): axe-core finds nothing of
 * impact serious or critical on any view (the map page wide and on a phone, search results, a
 * park card, an import, the statistics tabs, the briefing's audience, presenter and embed views);
 * the keyboard alone reaches everything in a sensible order with a bounded number of Tab stops and
 * the document never scrolls; the park list is one stop with arrows inside; cards take focus and
 * give it back; Esc closes cards and sheets; an area is set without a mouse; the briefing says
 * each chapter. No axe rule is disabled.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/turf';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openSession, startServer } from './harness';
import type { Session } from './harness';
import { mapIdle, poll } from './driver';
import type { MapWindow } from './driver';
import { axeFindings, describeFindings } from './axe';
import type { Briefing } from '../../src/loaders/briefing-schema';

const here = dirname(fileURLToPath(import.meta.url));
const geo = (f: string) => JSON.parse(readFileSync(join(here, '../../public/geo', f), 'utf8'));
const PARKS: { geometry: { coordinates: [number, number] }; properties: { id: string } }[] = geo('parks.geojson').features;
const BRIEFING: Briefing = geo('briefing.json');
const READY = '[data-testid="map"][data-map-ready="true"]';
const SITES = join(here, '../fixtures/sites/good.csv');

let server: PreviewServer;
let base: string;

before(async () => {
  ({ server, base } = await startServer());
});
after(async () => {
  await server?.close();
});

async function open(s: Session, query = ''): Promise<void> {
  s.errors.length = 0;
  await s.page.goto(`${s.base}${query}`);
  await s.page.locator(READY).waitFor({ timeout: 60_000 });
}

/** Runs axe on the page as it is and fails with the findings (serious or critical) if there are any. */
async function noFindings(s: Session, what: string): Promise<void> {
  const found = await axeFindings(s.page);
  assert.equal(found.length, 0, `axe on ${what}:\n${describeFindings(found)}`);
  assert.deepEqual(s.errors, [], `errors on ${what} (a CSP violation is one)`);
  assert.deepEqual(s.offOrigin, []);
}

/** Where the document stands: it never scrolls. */
const docScroll = (page: Page) => page.evaluate(() => [document.scrollingElement!.scrollTop, document.scrollingElement!.scrollLeft]);

/** A name for the focused element: the part of the page it is in, and what it is. */
const focusedPlace = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return 'body';
    const what = a.dataset.testid ?? a.dataset.action ?? a.dataset.park ?? a.getAttribute('aria-label') ?? a.textContent?.trim().slice(0, 20) ?? a.tagName;
    const part = a.closest('.skip-links')
      ? 'skip'
      : a.closest('.app-header')
        ? 'header'
        : a.closest('.search-area')
          ? 'search'
          : a.closest('.side.left')
            ? 'filters'
            : a.closest('.park-list [role="grid"]')
              ? 'list'
              : a.closest('.right-col')
                ? 'results'
                : a.closest('.map-area')
                  ? 'map'
                  : 'other';
    return `${part}:${what}`;
  });

describe('axe: no finding of impact serious or critical', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 1400, height: 900 } });
  });
  after(async () => s?.close());

  test('the map page, search results, a park card, an import', { timeout: 180_000 }, async () => {
    await open(s);
    await noFindings(s, 'the map page at 1400×900');

    await s.page.getByRole('combobox').first().fill('zhangjiang');
    await s.page.getByRole('option').first().waitFor();
    await noFindings(s, 'search results');
    await s.page.keyboard.press('Escape');

    await s.page.locator('.park-list button[data-park]').first().click();
    await s.page.locator('article.park-card').waitFor();
    await noFindings(s, 'an open park card');

    await open(s);
    await s.page.setInputFiles('[data-testid="sites-file"]', SITES);
    await s.page.locator('[data-testid="sites-sets"] .set-sites button').first().waitFor({ timeout: 30_000 });
    await noFindings(s, 'the sites panel with an import');
  });

  test('the statistics view: matrix, zones, scorecard', { timeout: 120_000 }, async () => {
    await open(s, '?view=stats');
    await s.page.getByTestId('matrix').waitFor({ timeout: 30_000 });
    await noFindings(s, 'the statistics matrix');
    await s.page.locator('[data-tab="zones"]').click();
    await s.page.locator('.stats-zones, [data-testid="zones-table"]').first().waitFor();
    await noFindings(s, 'the statistics zones');
    await s.page.locator('[data-tab="scorecard"]').click();
    await s.page.getByTestId('score-chart').first().waitFor({ timeout: 30_000 });
    await s.page.locator('[data-testid="score-chart"] svg').first().waitFor();
    await noFindings(s, 'the statistics scorecard');
  });

  test('the briefing: audience (tour), presenter, embed, the targets chapter', { timeout: 180_000 }, async () => {
    await open(s, '?tour=1');
    await noFindings(s, 'the briefing tour at its first chapter');
    await open(s, '?tour=3&lang=en');
    await noFindings(s, 'the audience view');
    // a link with a parameter the app ignores: its notice over the briefing's map, on the dark page
    await open(s, '?tour=3&lang=en&view=bogus');
    await s.page.locator('.notices .notice').waitFor({ timeout: 10_000 });
    await noFindings(s, "the audience view with a link's notice");
    await open(s, '?view=presenter&tour=3');
    await noFindings(s, 'the presenter view');
    await open(s, '?embed=1&tour=6');
    await noFindings(s, 'embed');
    // the targets chapter: the scorecard's cards, links and charts on the dark panel
    await open(s, '?tour=11&lang=en');
    await s.page.locator('[data-testid="briefing-scorecard"] [data-testid="score-chart"] svg').first().waitFor({ timeout: 30_000 });
    await noFindings(s, 'the targets chapter');
    const alt = await s.page.locator('[data-testid="briefing-scorecard"] .score-chart .visually-hidden').first().boundingBox();
    assert.ok(alt && alt.width <= 1 && alt.height <= 1, `the chart's text alternative is for screen readers only: ${JSON.stringify(alt)}`);
  });

  test('on a phone (390×844): the map page, the results and filters sheets', { timeout: 120_000 }, async () => {
    await s.page.setViewportSize({ width: 390, height: 844 });
    try {
      await open(s);
      await noFindings(s, 'the map page at 390×844');
      await s.page.locator('.side.right [data-testid="sheet-handle"]').click();
      await noFindings(s, 'the results sheet open');
      await s.page.getByTestId('filters-button').click();
      await noFindings(s, 'the filters sheet open');
    } finally {
      await s.page.setViewportSize({ width: 1400, height: 900 });
    }
  });
});

describe('the keyboard alone', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 1400, height: 900 } });
  });
  after(async () => s?.close());

  test(
    'Tab from the top: skip links, header actions, search, filters, the list as one stop, the map; bounded; the document never moves',
    { timeout: 180_000 },
    async () => {
      await open(s);
      await s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const stops: string[] = [];
      for (let i = 0; i < 150; i++) {
        await s.page.keyboard.press('Tab');
        const at = await focusedPlace(s.page);
        assert.deepEqual(await docScroll(s.page), [0, 0], `the document scrolled at Tab ${i + 1} (${at})`);
        if (stops.length > 0 && at === stops[0]) break;
        if (at !== 'body') stops.push(at);
      }
      assert.equal(stops[0], 'skip:跳到地图', stops.join('\n'));
      // the one visit of every part, in this order
      const parts = stops.map((p) => p.split(':')[0]!).filter((p, i, a) => a.indexOf(p) === i);
      assert.deepEqual(parts, ['skip', 'header', 'search', 'filters', 'results', 'list', 'map'], stops.join('\n'));
      // the header's actions: the views, then the language
      assert.deepEqual(
        stops.filter((p) => p.startsWith('header:')),
        ['header:stats-toggle', 'header:present', 'header:present-presenter', 'header:Switch to English'],
      );
      assert.equal(stops.filter((p) => p.startsWith('list:')).length, 1, 'the park list is one Tab stop');
      assert.ok(stops.length < 60, `${stops.length} Tab stops:\n${stops.join('\n')}`);
      // the map's own controls are reached
      assert.ok(
        stops.some((p) => p.startsWith('map:') && /放大|Zoom in/.test(p)),
        `the zoom buttons are stops:\n${stops.join('\n')}`,
      );
      assert.deepEqual(s.errors, []);
    },
  );

  test('every control shows where the focus is (:focus-visible draws an outline or a ring)', { timeout: 120_000 }, async () => {
    await open(s);
    await s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const bare: string[] = [];
    for (let i = 0; i < 60; i++) {
      await s.page.keyboard.press('Tab');
      const r = await s.page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        if (!a || a === document.body) return null;
        const cs = getComputedStyle(a);
        const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1) || (cs.boxShadow !== 'none' && cs.boxShadow !== '');
        return { ring, what: `${a.tagName} ${a.className} ${a.getAttribute('aria-label') ?? a.textContent?.trim().slice(0, 20)}` };
      });
      if (r && !r.ring) bare.push(r.what);
    }
    assert.deepEqual(bare, []);
  });

  test(
    'skip links lead to the list; arrows move in it; Enter opens the card, which takes focus; Esc closes it and focus comes back',
    { timeout: 120_000 },
    async () => {
      await open(s);
      await s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await s.page.keyboard.press('Tab');
      await s.page.keyboard.press('Tab');
      await s.page.keyboard.press('Tab');
      assert.equal(await focusedPlace(s.page), 'skip:跳到园区列表');
      await s.page.keyboard.press('Enter');
      const ids = await s.page.locator('.park-list button[data-park]').evaluateAll((els) => els.map((e) => e.getAttribute('data-park')!));
      assert.ok(ids.length > 10);
      const focusedPark = () => s.page.evaluate(() => document.activeElement?.getAttribute('data-park') ?? null);
      assert.equal(await focusedPark(), ids[0]);
      await s.page.keyboard.press('ArrowDown');
      await s.page.keyboard.press('ArrowDown');
      assert.equal(await focusedPark(), ids[2]);
      await s.page.keyboard.press('End');
      assert.equal(await focusedPark(), ids.at(-1));
      await s.page.keyboard.press('Home');
      await s.page.keyboard.press('ArrowDown');
      assert.equal(await focusedPark(), ids[1]);
      // → to the compare toggle of the same park, ← back
      await s.page.keyboard.press('ArrowRight');
      assert.equal(await s.page.evaluate(() => document.activeElement?.getAttribute('data-compare')), ids[1]);
      await s.page.keyboard.press('ArrowLeft');
      assert.equal(await focusedPark(), ids[1]);
      // only one cell of the list is in the Tab order
      assert.equal(await s.page.locator('.park-list [role="grid"] [tabindex="0"]').count(), 1);

      await s.page.keyboard.press('Enter');
      await s.page.locator(`article.park-card[data-park="${ids[1]}"]`).waitFor();
      await poll(
        'focus in the card',
        () => s.page.evaluate(() => document.activeElement?.closest('article.park-card') !== null && document.activeElement?.tagName === 'H2'),
        (v) => v,
      );
      await s.page.keyboard.press('Escape');
      await s.page.locator('article.park-card').waitFor({ state: 'detached' });
      await poll('focus back on the park it came from', focusedPark, (v) => v === ids[1]);
      // and Tab goes on from there, out of the list
      await s.page.keyboard.press('Tab');
      assert.ok(!(await focusedPlace(s.page)).startsWith('list:'));
      assert.deepEqual(await docScroll(s.page), [0, 0]);
    },
  );

  test('a link to a park opens its card without taking the focus: no ring on its heading, Tab starts at the skip links', { timeout: 120_000 }, async () => {
    await open(s, '?park=caohejing');
    await s.page.locator('article.park-card[data-park="caohejing"]').waitFor();
    // the card's effects have run by the time the map is ready; a frame more for any late focus
    await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await s.page.evaluate(() => document.activeElement === document.body), true, 'nothing is focused');
    await s.page.keyboard.press('Tab');
    assert.equal(await s.page.evaluate(() => document.activeElement?.closest('.skip-links') !== null), true, 'the first Tab stop is a skip link');
  });

  test('a zone card opened from a park card, and a site card: focus goes in, Esc brings it back', { timeout: 120_000 }, async () => {
    await open(s);
    const first = s.page.locator('.park-list button[data-park]').first();
    const id = await first.getAttribute('data-park');
    await first.focus();
    await s.page.keyboard.press('Enter');
    const chip = s.page.locator('article.park-card .zone-chips button').first();
    await chip.waitFor();
    await chip.focus();
    await s.page.keyboard.press('Enter');
    await s.page.locator('article.zone-card').waitFor();
    await poll(
      'focus in the zone card',
      () => s.page.evaluate(() => document.activeElement?.closest('article.zone-card') !== null),
      (v) => v,
    );
    await s.page.keyboard.press('Escape');
    await s.page.locator('article.zone-card').waitFor({ state: 'detached' });
    await poll(
      'focus back on the park the cards came from',
      () => s.page.evaluate(() => document.activeElement?.getAttribute('data-park') ?? null),
      (v) => v === id,
    );

    await s.page.setInputFiles('[data-testid="sites-file"]', SITES);
    // the import done: its list is drawn for good
    await s.page.locator('.sites-status[data-phase="done"]').waitFor({ timeout: 30_000 });
    const site = s.page.locator('[data-testid="sites-sets"] .set-sites button').first();
    await site.waitFor({ timeout: 30_000 });
    await site.focus();
    await s.page.keyboard.press('Enter');
    await s.page.locator('article.site-card').waitFor();
    await poll(
      'focus in the site card',
      () => s.page.evaluate(() => document.activeElement?.closest('article.site-card') !== null),
      (v) => v,
    );
    await s.page.keyboard.press('Escape');
    await s.page.locator('article.site-card').waitFor({ state: 'detached' });
    await poll(
      'focus back on the site row',
      () => s.page.evaluate(() => document.activeElement?.closest('.set-sites') !== null),
      (v) => v,
    );
    assert.deepEqual(s.errors, []);
  });

  test('"Use the current view" sets the drawn area to what the map shows: its parks are those inside the view', { timeout: 120_000 }, async () => {
    await open(s);
    await s.page.evaluate(() => (window as unknown as MapWindow).__map.jumpTo({ center: [121.6, 31.22], zoom: 11 }));
    await mapIdle(s.page);
    const corners = await s.page.evaluate(() => {
      const m = (window as unknown as MapWindow).__map;
      const c = m.getCanvas();
      return [
        [0, 0],
        [0, c.clientHeight],
        [c.clientWidth, c.clientHeight],
        [c.clientWidth, 0],
      ].map(([x, y]) => {
        const ll = m.unproject([x!, y!]);
        return [ll.lng, ll.lat] as [number, number];
      });
    });
    const view = { type: 'Polygon' as const, coordinates: [[...corners, corners[0]!]] };
    const expected = PARKS.filter((p) => booleanPointInPolygon(p.geometry.coordinates, view))
      .map((p) => p.properties.id)
      .sort();
    assert.ok(expected.length > 0 && expected.length < PARKS.length, `a real narrowing: ${expected.length}`);
    await s.page.getByTestId('find-area-view').focus();
    await s.page.keyboard.press('Enter');
    await s.page.getByTestId('find-area').waitFor();
    const listed = await poll(
      'the list to follow the area',
      async () => (await s.page.locator('.park-list button[data-park]').evaluateAll((els) => els.map((e) => e.getAttribute('data-park')!))).sort(),
      (ids) => ids.join() === expected.join(),
    );
    assert.deepEqual(listed, expected);
    await poll(
      'the area in the URL',
      async () => new URL(s.page.url()).searchParams.has('area'),
      (v) => v,
    );
    assert.deepEqual(s.errors, []);
  });
});

describe('on a phone, Esc folds the sheets', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 390, height: 844 } });
  });
  after(async () => s?.close());

  test('filters → results → folded; a card closes first', { timeout: 120_000 }, async () => {
    await open(s);
    const app = s.page.locator('.app');
    await s.page.getByTestId('filters-button').click();
    assert.equal(await app.getAttribute('data-sheet'), 'filters');
    await s.page.keyboard.press('Escape');
    assert.equal(await app.getAttribute('data-sheet'), 'results');
    assert.notEqual(await app.getAttribute('data-sheet-size'), 'peek');
    await s.page.keyboard.press('Escape');
    assert.equal(await app.getAttribute('data-sheet-size'), 'peek');

    await s.page.locator('.side.right [data-testid="sheet-handle"]').click();
    await s.page.locator('.park-list button[data-park]').first().click();
    await s.page.locator('article.park-card').waitFor();
    await s.page.keyboard.press('Escape');
    await s.page.locator('article.park-card').waitFor({ state: 'detached' });
    assert.notEqual(await app.getAttribute('data-sheet-size'), 'peek', 'the first Esc closes the card only');
    await s.page.keyboard.press('Escape');
    assert.equal(await app.getAttribute('data-sheet-size'), 'peek');
    assert.deepEqual(await docScroll(s.page), [0, 0]);
  });
});

describe('the briefing says each chapter', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 1400, height: 900 } });
  });
  after(async () => s?.close());

  test('a polite live region holds "Chapter n of N: title" and follows the keys', { timeout: 120_000 }, async () => {
    const total = BRIEFING.chapters.length;
    const line = (n: number) => `Chapter ${n} of ${total}: ${BRIEFING.chapters[n - 1]!.title_en}`;
    await open(s, '?tour=3&lang=en');
    const live = s.page.getByTestId('briefing-announce');
    assert.equal(await live.getAttribute('aria-live'), 'polite');
    assert.equal(await live.getAttribute('role'), 'status');
    assert.equal(await live.textContent(), line(3));
    await s.page.keyboard.press('ArrowRight');
    await poll(
      'the next chapter said',
      () => live.textContent(),
      (t) => t === line(4),
    );
    await s.page.keyboard.press('End');
    await poll(
      'the last chapter said',
      () => live.textContent(),
      (t) => t === line(total),
    );
    // the presenter's view says it too, in Chinese
    await open(s, '?view=presenter&tour=2');
    assert.equal(await s.page.getByTestId('briefing-announce').textContent(), `第 2 章，共 ${total} 章：${BRIEFING.chapters[1]!.title_zh}`);
    assert.deepEqual(s.errors, []);
  });
});
