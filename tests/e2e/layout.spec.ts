/**
 * The app shell in a real browser (Chromium + SwiftShader, offline), at 1400×900 and 390×844: the
 * document never scrolls (wheel past the end of every panel, Tab through every control), the
 * header stays at the top, visually hidden parts stay inside their panel, and the favicon is
 * served (no request comes back 404).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openSession, startServer } from './harness';
import type { Session } from './harness';
import { poll } from './driver';
import type { MapWindow } from './driver';
import { districtBox } from '../helpers/district-box';

const READY = '[data-testid="map"][data-map-ready="true"]';

const DISTRICTS = (
  JSON.parse(readFileSync(new URL('../../public/geo/districts.geojson', import.meta.url), 'utf8')) as { features: Parameters<typeof districtBox>[0] }
).features;
/** The box of the districts' coordinates (every district, or the one named): [[west, south], [east, north]]. */
const boxOfDistricts = (name?: string) => districtBox(DISTRICTS, name);
const CITY = boxOfDistricts();

let server: PreviewServer;
let base: string;

before(async () => {
  ({ server, base } = await startServer());
});
after(async () => {
  await server?.close();
});

/** Where the document stands: its scroll, its height against the window's, the header's top. */
async function shell(page: Page): Promise<{ scrollTop: number; scrollLeft: number; tall: number; headerTop: number }> {
  return page.evaluate(() => {
    const doc = document.scrollingElement!;
    return {
      scrollTop: doc.scrollTop,
      scrollLeft: doc.scrollLeft,
      tall: doc.scrollHeight - window.innerHeight,
      headerTop: document.querySelector('.app-header')!.getBoundingClientRect().top,
    };
  });
}

async function assertStill(page: Page, what: string): Promise<void> {
  const s = await shell(page);
  assert.deepEqual(s, { scrollTop: 0, scrollLeft: 0, tall: 0, headerTop: 0 }, `the document moved: ${what}`);
}

/** Wheels far past the end of the element (down, then up), then checks the document did not move. */
async function wheelThrough(page: Page, selector: string): Promise<void> {
  const el = page.locator(selector).first();
  const box = await el.boundingBox();
  assert.ok(box, `${selector} is not on screen`);
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 40));
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 2000);
  await assertStill(page, `after wheeling down in ${selector}`);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -3000);
  await assertStill(page, `after wheeling up in ${selector}`);
}

/** Tabs through every control of the page (once round), checking the document after each step. */
async function tabThrough(page: Page, what: string): Promise<number> {
  const focusables = await page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')].filter(
        (e) => !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0,
      ).length,
  );
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const seen = new Set<string>();
  for (let i = 0; i < focusables + 5; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return 'body';
      const path: string[] = [];
      for (let e: Element | null = a; e && e !== document.body; e = e.parentElement)
        path.unshift(`${e.tagName}:${[...(e.parentElement?.children ?? [])].indexOf(e)}`);
      return path.join('/');
    });
    seen.add(id);
    await assertStill(page, `${what}: Tab ${i + 1} (focus on ${id})`);
  }
  return seen.size;
}

async function open(s: Session, query = ''): Promise<void> {
  await s.page.goto(`${s.base}${query}`);
  await s.page.locator(READY).waitFor({ timeout: 60_000 });
}

/** The city's north-west and south-east corners (CITY) on the page, where the map draws them. */
function cityOnPage(page: Page): Promise<{ x: number; y: number }[]> {
  const [[w, so], [e, n]] = CITY;
  return page.evaluate(
    (pts) =>
      pts.map((p) => {
        const m = (window as unknown as MapWindow).__map;
        const r = m.getContainer().getBoundingClientRect();
        const q = m.project(p as [number, number]);
        return { x: r.left + q.x, y: r.top + q.y };
      }),
    [
      [w, n],
      [e, so],
    ],
  );
}

function watchResponses(page: Page): { bad: string[] } {
  const out = { bad: [] as string[] };
  page.on('response', (r) => {
    if (r.status() >= 400) out.bad.push(`${r.status()} ${r.url()}`);
  });
  return out;
}

describe('the shell at 1400×900', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 1400, height: 900 } });
  });
  after(async () => s?.close());

  test('the favicon is served and no request fails', async () => {
    const responses = watchResponses(s.page);
    await open(s);
    const icon = await s.page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '';
      const r = await fetch(href);
      return { href, status: r.status, type: r.headers.get('content-type') ?? '', body: await r.text() };
    });
    assert.match(icon.href, /\/icons\/icon\.svg$/);
    assert.equal(icon.status, 200);
    assert.match(icon.type, /image\/svg\+xml/);
    assert.match(icon.body, /^<svg /);
    assert.deepEqual(responses.bad, []);
    assert.deepEqual(s.errors, []);
  });

  test('with a filter on, the count of matching parks is said once (the chips above the filters repeated it)', async () => {
    await open(s, '?sector=biomed');
    await s.page.getByTestId('filter-chips').waitFor();
    const lines = await s.page.evaluate(
      () =>
        [...document.querySelectorAll('.side.left *')].filter(
          (e) => e.children.length === 0 && /个园区符合全部筛选/.test(e.textContent ?? '') && e.getClientRects().length > 0,
        ).length,
    );
    assert.equal(lines, 1);
  });

  test('the first view fits the whole city beside the open legend, below the find toolbar and above the credits', async () => {
    await open(s);
    const box = async (sel: string) => (await s.page.locator(sel).first().boundingBox())!;
    const [legend, toolbar, credits, map] = [
      await box('[data-testid="map-legend"]'),
      await box('.find-toolbar'),
      await box('.maplibregl-ctrl-attrib'),
      await box('[data-testid="map"]'),
    ];
    assert.equal(await s.page.locator('[data-testid="map-legend"]').getAttribute('data-open'), 'true', 'the legend starts open here');
    // the find tools lie open in their toolbar here: no fold button
    assert.ok(await s.page.getByTestId('find-pick').isVisible(), 'the tools are shown');
    assert.equal(await s.page.getByTestId('find-fold').isVisible(), false, 'no fold button on a wide screen');
    // the city's corners on the page
    const at = await cityOnPage(s.page);
    const [nw, se] = [at[0]!, at[1]!];
    assert.ok(nw.x >= legend.x + legend.width, `the city's west edge (x ${nw.x.toFixed(0)}) is right of the legend (${(legend.x + legend.width).toFixed(0)})`);
    assert.ok(
      nw.y >= toolbar.y + toolbar.height,
      `the city's north edge (y ${nw.y.toFixed(0)}) is below the find toolbar (${(toolbar.y + toolbar.height).toFixed(0)})`,
    );
    assert.ok(se.y <= credits.y, `the city's south edge (y ${se.y.toFixed(0)}) is above the credits (${credits.y.toFixed(0)})`);
    assert.ok(se.x <= map.x + map.width, `the city's east edge (x ${se.x.toFixed(0)}) is on the map (${(map.x + map.width).toFixed(0)})`);
    // and it is fitted to that room, not far smaller: it spans most of the map's width right of the legend
    const room = map.x + map.width - (legend.x + legend.width);
    assert.ok(se.x - nw.x > room * 0.8, `the city spans ${(se.x - nw.x).toFixed(0)} of ${room.toFixed(0)} px`);
  });

  test('the first view is fitted again when the map changes size, until the map is moved', async () => {
    await open(s);
    const view = () => s.page.evaluate(() => (window as unknown as MapWindow).__map.getBounds().toArray());
    const [[w, so], [e, n]] = CITY;
    const holdsCity = (b: number[][]) => b[0]![0]! <= w && b[0]![1]! <= so && b[1]![0]! >= e && b[1]![1]! >= n;
    const before = JSON.stringify(await view());
    try {
      // a lower window: the map loses 200 px of height, and the whole city is in view again (kept
      // at its centre and zoom, it would lose its north and south)
      await s.page.setViewportSize({ width: 1400, height: 700 });
      await poll('the city fitted again', view, (b) => JSON.stringify(b) !== before && holdsCity(b));
      // once the user drags the map, a resize keeps their camera
      const box = (await s.page.locator('[data-testid="map"]').boundingBox())!;
      await s.page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
      await s.page.mouse.down();
      await s.page.mouse.move(box.x + box.width * 0.6 + 120, box.y + box.height * 0.5 + 40, { steps: 6 });
      await s.page.mouse.up();
      const centre = () => s.page.evaluate(() => (window as unknown as MapWindow).__map.getCenter().toArray());
      const dragged = await poll(
        'the drag to end',
        () => s.page.evaluate(() => (window as unknown as MapWindow).__map.isMoving()),
        (moving) => !moving,
      ).then(centre);
      await s.page.setViewportSize({ width: 1400, height: 900 });
      await poll(
        'the map to take the window (its canvas resized)',
        () => s.page.evaluate(() => (window as unknown as MapWindow).__map.getCanvas().clientHeight),
        (ht) => ht > box.height,
      );
      assert.deepEqual(await centre(), dragged, 'a resize after a drag keeps the centre');
    } finally {
      await s.page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  test('folding the legend fits the city into the room it leaves, and unfolding it beside the legend again, until the map is moved', async () => {
    await open(s);
    const camera = () =>
      s.page.evaluate(() => {
        const m = (window as unknown as MapWindow).__map;
        return { lng: m.getCenter().lng, zoom: m.getZoom() };
      });
    const toggle = s.page.locator('[data-testid="legend-toggle"]');
    const beside = await camera();
    const unfolded = (await s.page.locator('[data-testid="map-legend"]').boundingBox())!;
    await toggle.click();
    // the city moves west into the room the legend left, and grows (the fit was limited by the legend)
    const folded = await poll('the city fitted to the map without the legend', camera, (c) => c.lng > beside.lng + 0.1 && c.zoom > beside.zoom);
    const [nw] = await cityOnPage(s.page);
    assert.ok(
      nw!.x < unfolded.x + unfolded.width,
      `the city's west edge (x ${nw!.x.toFixed(0)}) is where the open legend was (right edge ${unfolded.x + unfolded.width})`,
    );
    await toggle.click();
    await poll('the city fitted beside the legend again', camera, (c) => Math.abs(c.lng - beside.lng) < 1e-6 && Math.abs(c.zoom - beside.zoom) < 1e-6);
    // a first view fitted again is no camera anyone chose: the link keeps none
    assert.equal(new URL(s.page.url()).hash, '', 'no camera in the link after the refits');
    // once the user drags the map, the legend folds and unfolds over it
    const box = (await s.page.locator('[data-testid="map"]').boundingBox())!;
    await s.page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await s.page.mouse.down();
    await s.page.mouse.move(box.x + box.width * 0.6 + 100, box.y + box.height * 0.5 + 30, { steps: 6 });
    await s.page.mouse.up();
    const dragged = await poll(
      'the drag to end',
      () => s.page.evaluate(() => (window as unknown as MapWindow).__map.isMoving()),
      (moving) => !moving,
    ).then(camera);
    assert.notDeepEqual(dragged, folded);
    await poll(
      'the dragged camera in the link',
      async () => s.page.url(),
      (u) => new URL(u).hash !== '',
    );
    await toggle.click();
    await poll(
      'the legend folded',
      () => s.page.locator('[data-testid="map-legend"]').getAttribute('data-open'),
      (o) => o === 'false',
    );
    // a frame for the size change to be seen, then the camera is where the drag left it
    await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(await camera(), dragged, 'folding the legend after a drag keeps the camera');
    await toggle.click();
  });

  test('wheeling past the end of every panel moves nothing but the panel', async () => {
    // a comparison open too, so that its sheet is wheeled as well
    await open(s, '?cmp=zhangjiang-ic-base,dongfang-xingang,caohejing');
    await s.page.getByTestId('compare').waitFor();
    // the comparison narrows the map, so the legend folds: opened again here, so that it is wheeled too
    const legend = s.page.getByTestId('legend-toggle');
    await poll(
      'the legend to fold beside the comparison',
      () => legend.getAttribute('aria-expanded'),
      (v) => v === 'false',
    );
    await legend.click();
    await assertStill(s.page, 'on load');
    for (const sel of ['.side.left', '.side.right', '.legend-body', '.compare-scroll', '.map-area']) await wheelThrough(s.page, sel);
    // the left panel did scroll inside itself: the panels are where the scrolling happens
    const left = await s.page.locator('.side.left').evaluate((e) => ({ top: e.scrollTop, can: e.scrollHeight > e.clientHeight }));
    assert.ok(left.can, 'the left panel is taller than its box');
    // a card open: the right panel holds it and scrolls inside itself
    await s.page.locator('.park-list button[data-park="dongfang-xingang"]').click();
    await s.page.locator('article.park-card').waitFor();
    await wheelThrough(s.page, '.side.right');
  });

  test('Tab through every control keeps the document still', async () => {
    await open(s, '?cmp=zhangjiang-ic-base,dongfang-xingang&park=dongfang-xingang');
    await s.page.locator('article.park-card').waitFor();
    const n = await tabThrough(s.page, '1400×900');
    // the park list, the sector checkboxes and the layer switches are one stop each (arrows move inside)
    assert.ok(n > 40, `focus visited ${n} places`);
  });

  test('visually hidden parts sit inside their panel', async () => {
    await open(s);
    const escaped = await s.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.visually-hidden, .visually-hidden-label, input[type="file"]')].flatMap((e) => {
        const panel = e.closest('.side, .map-area, .search-area');
        if (!panel) return [`${e.className || e.tagName}: in no panel`];
        const r = e.getBoundingClientRect();
        const p = panel.getBoundingClientRect();
        // inside the panel's box, give or take its scroll
        return r.left >= p.left - 1 && r.right <= p.right + 1 && r.top >= p.top - 1 - panel.scrollTop ? [] : [`${e.className || e.tagName}`];
      }),
    );
    assert.deepEqual(escaped, []);
  });
});

describe('the shell at 1280×720 (a projector)', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 1280, height: 720 } });
  });
  after(async () => s?.close());

  test('the legend starts folded to its title, and the city is fitted across the map', async () => {
    await open(s);
    const legend = s.page.locator('[data-testid="map-legend"]');
    assert.equal(await legend.getAttribute('data-open'), 'false', 'open, the legend would cover a third of the map and most of its height');
    assert.equal(await s.page.locator('[data-testid="legend-toggle"]').getAttribute('aria-expanded'), 'false');
    const map = (await s.page.locator('[data-testid="map"]').boundingBox())!;
    const title = (await legend.boundingBox())!;
    const [nw, se] = await cityOnPage(s.page);
    assert.ok(nw!.x >= map.x && se!.x <= map.x + map.width && nw!.y >= map.y && se!.y <= map.y + map.height, 'the whole city is on the map');
    // fitted to the whole map: the city spans most of its width or of its height (660×673 here)
    const spanX = (se!.x - nw!.x) / map.width;
    const spanY = (se!.y - nw!.y) / map.height;
    assert.ok(spanX > 0.75 || spanY > 0.75, `the city spans ${(spanX * 100).toFixed(0)}% of the map's width and ${(spanY * 100).toFixed(0)}% of its height`);
    assert.ok(title.height < 40, `the folded legend is its title row (${title.height} px high)`);
    // and it unfolds on a click
    await s.page.locator('[data-testid="legend-toggle"]').click();
    assert.equal(await legend.getAttribute('data-open'), 'true');
    assert.deepEqual(s.errors, []);
  });
});

describe('the comparison beside the map', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 1400, height: 900 } });
  });
  after(async () => s?.close());

  for (const [w, h] of [
    [1400, 900],
    [1024, 768],
  ] as const)
    test(`at ${w}×${h}: beside the map, not over it; its header row stays while the rows scroll`, async () => {
      await s.page.setViewportSize({ width: w, height: h });
      await open(s, '?cmp=zhangjiang-ic-base,dongfang-xingang,caohejing,zizhu');
      await s.page.getByTestId('compare').waitFor();
      const map = (await s.page.locator('.map-area').boundingBox())!;
      const sheet = (await s.page.getByTestId('compare').boundingBox())!;
      assert.ok(sheet.x >= map.x + map.width - 1, `the sheet (x ${sheet.x}) starts right of the map (ends at ${map.x + map.width})`);
      assert.ok(map.width >= 250 && map.height >= h * 0.8, `the map keeps ${map.width}×${map.height}`);
      assert.ok(sheet.y + sheet.height <= h, 'the sheet ends inside the window');
      // every strength badge and sector name inside its own park's column
      const spill = await s.page.locator('.compare-sheet tbody td').evaluateAll((cells) =>
        cells.flatMap((td) => {
          const c = td.getBoundingClientRect();
          return [...td.querySelectorAll('.strength, .verdict-sector')]
            .map((b) => b.getBoundingClientRect())
            .filter((b) => b.right > c.right + 0.5 || b.left < c.left - 0.5)
            .map((b) => `${Math.round(b.left)}–${Math.round(b.right)} outside ${Math.round(c.left)}–${Math.round(c.right)}`);
        }),
      );
      assert.deepEqual(spill, [], 'badges and names stay in their column');
      const fit = await s.page
        .locator('.compare-scroll')
        .evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth, bg: getComputedStyle(e).backgroundImage }));
      if (w === 1400) assert.ok(fit.scroll <= fit.client, `four parks side by side in the 640 px column: ${JSON.stringify(fit)}`);
      else
        assert.ok(
          fit.scroll > fit.client && /radial-gradient/.test(fit.bg),
          `a narrower column scrolls sideways, with a shadow at its edge: ${JSON.stringify(fit)}`,
        );
      const head = s.page.locator('.compare-sheet thead th[data-park="dongfang-xingang"]');
      const before = (await head.boundingBox())!.y;
      const scrolled = await s.page.locator('.compare-scroll').evaluate((e) => {
        e.scrollTop = 400;
        return e.scrollTop;
      });
      assert.ok(scrolled > 100, 'the comparison scrolls inside itself');
      assert.equal((await head.boundingBox())!.y, before, 'the park names stay in view');
      await assertStill(s.page, 'after scrolling the comparison');
    });

  test('the legend folds when a comparison narrows the map, opens again when it closes; a reader’s own choice stands', async () => {
    await s.page.setViewportSize({ width: 1400, height: 900 });
    await open(s);
    const legend = s.page.getByTestId('legend-toggle');
    const mapWidth = async () => (await s.page.locator('.map-area').boundingBox())!.width;
    assert.equal(await legend.getAttribute('aria-expanded'), 'true', 'open on a large screen');
    assert.ok((await mapWidth()) >= 600, `the map is ${await mapWidth()} px wide`);
    await s.page.locator('.park-list button[data-compare="caohejing"]').click();
    await s.page.getByTestId('compare').waitFor();
    assert.ok((await mapWidth()) < 600, `the comparison narrows the map to ${await mapWidth()} px`);
    await poll(
      'the legend to fold',
      () => legend.getAttribute('aria-expanded'),
      (v) => v === 'false',
    );
    await s.page.getByRole('button', { name: '清空对比' }).click();
    await poll(
      'the legend to open again',
      () => legend.getAttribute('aria-expanded'),
      (v) => v === 'true',
    );
    // folded by the reader while the map is wide: it stays folded through a comparison and after it
    await legend.click();
    await s.page.locator('.park-list button[data-compare="caohejing"]').click();
    await s.page.getByTestId('compare').waitFor();
    await s.page.getByRole('button', { name: '清空对比' }).click();
    await s.page.waitForTimeout(300);
    assert.equal(await legend.getAttribute('aria-expanded'), 'false', 'the reader folded it');
  });

  test('exports the comparison as CSV: a BOM, the columns, one row per park in the sheet order', async () => {
    await s.page.setViewportSize({ width: 1400, height: 900 });
    await open(s, '?cmp=dongfang-xingang,zhangjiang-ic-base');
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('compare-csv').click()]);
    assert.equal(download.suggestedFilename(), 'shanghai-sei-compare.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    assert.equal(text[0], '\uFEFF');
    const lines = text
      .slice(1)
      .split('\r\n')
      .filter((l) => l !== '');
    assert.match(
      lines[0]!,
      /^id,name_zh,name_en,district,basis,area_km2,area_source,confidence,radius_m,position_method,source,list_batch,list_category,strengths,/,
    );
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(',')[0]),
      ['dongfang-xingang', 'zhangjiang-ic-base'],
    );
    assert.match(lines[1]!, /,5\.45,https:\/\/app\.sheitc\.sh\.gov\.cn\/gg\/693682\.htm,estimate,3000,estimate,/);
  });
});

describe('the shell at 390×844 (a phone)', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 390, height: 844 } });
  });
  after(async () => s?.close());

  test('no request fails; the map fills the screen under the header and the search', async () => {
    const responses = watchResponses(s.page);
    await open(s);
    await assertStill(s.page, 'on load');
    const map = await s.page.locator('.map-area').boundingBox();
    assert.ok(map && map.height > 500, `the map is ${map?.height} px tall`);
    assert.deepEqual(responses.bad, []);
  });

  test('wheeling through the results and the filters sheets moves nothing but the sheet', async () => {
    await open(s, '?cmp=zhangjiang-ic-base,dongfang-xingang');
    await s.page.locator('.side.right [data-testid="sheet-full"]').click();
    await wheelThrough(s.page, '.side.right');
    await s.page.getByTestId('filters-button').click();
    await wheelThrough(s.page, '.side.left');
    await s.page.getByTestId('sheet-done').click();
    // done: the results half open under the map, not full over it (the map was a 220 px strip)
    assert.equal(await s.page.locator('.app').getAttribute('data-sheet-size'), 'half');
    const strip = (await s.page.locator('.map-area').boundingBox())!;
    assert.ok(strip.height >= 250, `after the filters the map keeps ${strip.height} px`);
    await wheelThrough(s.page, '.map-area');
    // the comparison is a bottom sheet: below the map, above the results bar, inside the window
    // (with the results folded to their bar; an open sheet folds the comparison to its own)
    assert.equal(await s.page.locator('.compare-scroll').isVisible(), false);
    await s.page.locator('.side.right [data-testid="sheet-handle"]').click();
    assert.equal(await s.page.locator('.app').getAttribute('data-sheet-size'), 'peek');
    const map = (await s.page.locator('.map-area').boundingBox())!;
    const sheet = (await s.page.getByTestId('compare').boundingBox())!;
    assert.ok(sheet.y >= map.y + map.height - 1 && sheet.y + sheet.height <= 844, `the comparison at ${sheet.y}–${sheet.y + sheet.height}`);
    assert.ok(map.height >= 250, `the map keeps ${map.height} px`);
    await wheelThrough(s.page, '.compare-scroll');
  });

  test('Tab through every control keeps the document still, with each sheet open', async () => {
    await open(s, '?park=dongfang-xingang');
    await s.page.locator('article.park-card').waitFor();
    await tabThrough(s.page, '390×844 results');
    await s.page.getByTestId('filters-button').click();
    await tabThrough(s.page, '390×844 filters');
  });
});

describe('the phone layout at 390×844', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 390, height: 844 } });
  });
  after(async () => s?.close());

  /** The map's box on the page, and whether it is on screen with room to see. */
  async function mapOnScreen(what: string): Promise<void> {
    const map = (await s.page.locator('.map-area').boundingBox())!;
    assert.ok(map.y >= 0 && map.y + map.height <= 844 && map.height >= 120, `${what}: the map at ${map.y}–${map.y + map.height}`);
    await assertStill(s.page, what);
  }

  test('map first, search on top, the whole city fitted, the attribution folded to (i), the briefing launcher there', async () => {
    await open(s);
    const search = (await s.page.locator('.search-area input[role="combobox"]').boundingBox())!;
    const map = (await s.page.locator('.map-area').boundingBox())!;
    assert.ok(search.y + search.height <= map.y + 1, 'the search sits above the map');
    // nothing but the search area's padding between the input and the map (its count has no line of its own)
    assert.ok(map.y - (search.y + search.height) <= 10, `the map starts ${map.y - (search.y + search.height)} px below the input`);
    assert.ok(map.height > 500, `the map is ${map.height} px tall`);
    // every district is inside the view once the fit has run
    const [[w, so], [e, n]] = CITY;
    const view = await poll(
      'the city fitted',
      () => s.page.evaluate(() => (window as unknown as MapWindow).__map.getBounds().toArray()),
      ([[vw, vs], [ve, vn]]) => vw <= w && vs <= so && ve >= e && vn >= n,
    );
    assert.ok(view[1][0] - view[0][0] < (e - w) * 2, 'fitted, not zoomed far out');
    const attrib = s.page.locator('.maplibregl-ctrl-attrib');
    assert.match((await attrib.getAttribute('class')) ?? '', /maplibregl-compact(?!-show)/);
    assert.doesNotMatch((await attrib.getAttribute('class')) ?? '', /maplibregl-compact-show/);
    assert.ok(((await attrib.boundingBox())?.width ?? 999) < 40, 'the attribution is one (i) button');
    const launcher = (await s.page.locator('.briefing-launcher').first().boundingBox())!;
    assert.ok(launcher && launcher.y >= 0 && launcher.y + launcher.height <= 60, 'the briefing launcher is in the header');
  });

  test('a card opened from a link: the sheet opens while the map flies to the park, and the map is drawn at its new size, not squashed', async () => {
    await s.page.goto(`${base}?sector=biomed&park=zhangjiang-innovative-drug-base`);
    await s.page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 60_000 });
    await s.page.locator('article.park-card').waitFor();
    // the flight's end, at zoom 12 on the park
    const at = await poll(
      'the flight to end on the park',
      () =>
        s.page.evaluate(() => {
          const m = (window as unknown as MapWindow).__map;
          const c = m.getContainer();
          const p = m.project(m.getCenter());
          const pd = m.getPadding();
          const pad = { top: pd.top ?? 0, bottom: pd.bottom ?? 0, left: pd.left ?? 0, right: pd.right ?? 0 };
          return { moving: m.isMoving(), zoom: m.getZoom(), y: p.y, x: p.x, h: c.clientHeight, w: c.clientWidth, pad };
        }),
      (v) => !v.moving && Math.abs(v.zoom - 12) < 1e-3,
    );
    assert.ok(at.h < 600, `the sheet took room from the map (${at.h} px tall)`);
    // the centre is drawn in the middle of the map as it is now: the view has the map's new height
    // (squashed, it was drawn at the middle of the old height, about 345 px down a 348 px map)
    assert.ok(Math.abs(at.y - (at.pad.top + (at.h - at.pad.top - at.pad.bottom) / 2)) < 2, `centre at y ${at.y} in a map ${at.h} px tall`);
    assert.ok(Math.abs(at.x - (at.pad.left + (at.w - at.pad.left - at.pad.right) / 2)) < 2, `centre at x ${at.x}`);
    assert.deepEqual(s.errors, []);
  });

  test('a district chosen in search is framed in the map left above the sheet, which opens as it is framed', async () => {
    await open(s);
    const box = s.page.locator('.search-area input[role="combobox"]');
    await box.fill('嘉定');
    await s.page.locator('[role="option"][data-kind="district"]').first().click();
    // the camera at rest twice in a row, the sheet open (the map shortened)
    let last = '';
    await poll(
      'the map to settle with the sheet open',
      () =>
        s.page.evaluate(() => {
          const m = (window as unknown as MapWindow).__map;
          const c = m.getCenter();
          return { moving: m.isMoving(), h: m.getContainer().clientHeight, at: `${c.lng.toFixed(6)} ${c.lat.toFixed(6)} ${m.getZoom().toFixed(4)}` };
        }),
      (v) => {
        const still = !v.moving && v.h < 600 && v.at === last;
        last = v.at;
        return still;
      },
    );
    const [[w, so], [e, n]] = boxOfDistricts('嘉定区');
    const corners = await s.page.evaluate(
      (pts) => {
        const m = (window as unknown as MapWindow).__map;
        const r = m.getContainer().getBoundingClientRect();
        return {
          map: { top: r.top, bottom: r.bottom, left: r.left, right: r.right },
          pts: pts.map((p) => m.project(p as [number, number])).map((p) => ({ x: r.left + p.x, y: r.top + p.y })),
        };
      },
      [
        [w, n],
        [e, so],
      ],
    );
    const [nw, se] = corners.pts as [{ x: number; y: number }, { x: number; y: number }];
    const tools = (await s.page.locator('.find-toolbar').boundingBox())!;
    const { map } = corners;
    assert.ok(nw.x >= map.left && se.x <= map.right && se.y <= map.bottom, `嘉定区 ${JSON.stringify([nw, se])} inside the map ${JSON.stringify(map)}`);
    assert.ok(nw.y >= tools.y + tools.height - 1, `嘉定区's top ${nw.y} below the find tools' foot ${tools.y + tools.height}`);
    assert.ok(se.y - nw.y > (map.bottom - map.top) / 3, `framed large: ${se.y - nw.y} px of ${map.bottom - map.top}`);
    assert.deepEqual(s.errors, []);
  });

  test('the find tools start folded to one button over the map, and unfold on a tap', async () => {
    await open(s);
    const fold = s.page.getByTestId('find-fold');
    assert.equal(await fold.getAttribute('aria-expanded'), 'false');
    assert.equal(await s.page.getByTestId('find-pick').isVisible(), false, 'the tools are folded');
    const map = (await s.page.locator('[data-testid="map"]').boundingBox())!;
    const folded = (await s.page.locator('.find-toolbar').boundingBox())!;
    assert.ok(folded.height <= 40 && folded.width <= map.width / 2, `one button's room: ${folded.width}×${folded.height}`);
    await fold.click();
    assert.equal(await fold.getAttribute('aria-expanded'), 'true');
    await s.page.getByTestId('find-pick').waitFor();
    assert.ok(await s.page.getByTestId('find-draw').isVisible(), 'every tool is there');
    await fold.click();
    await s.page.getByTestId('find-pick').waitFor({ state: 'hidden' });
  });

  test('with the results sheet open, the comparison shows folded, and unfolding it folds the sheet so its table shows', async () => {
    await open(s, '?cmp=zhangjiang-ic-base,dongfang-xingang');
    const toggle = s.page.getByTestId('compare-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'the sheet folded: the comparison is open');
    await s.page.locator('.side.right [data-testid="sheet-handle"]').click();
    await poll(
      'the sheet half-open',
      () => s.page.locator('.app').getAttribute('data-sheet-size'),
      (v) => v === 'half',
    );
    // its table is hidden under the sheet: the toggle says so (it said "collapse" and did nothing visible)
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    await poll(
      'the sheet folded',
      () => s.page.locator('.app').getAttribute('data-sheet-size'),
      (v) => v === 'peek',
    );
    const table = await poll(
      'the comparison table on screen',
      () => s.page.locator('.compare-scroll').boundingBox(),
      (b) => b !== null && b.height > 60,
    );
    assert.ok(table!.y < 844, 'the table is on screen');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  });

  test('tapping a park in the list opens its card in the sheet and keeps the map on screen', async () => {
    await open(s);
    await s.page.locator('.side.right [data-testid="sheet-handle"]').click();
    // the list's + (add to comparison) is a finger's width, not its glyph's (it was 11 px)
    const plus = (await s.page.locator('.park-list button[data-compare="caohejing"]').boundingBox())!;
    assert.ok(plus.width >= 40 && plus.height >= 24, `the + is ${plus.width}×${plus.height} px`);
    // the count is said once, in the sheet's bar: the list's heading and count line are there for screen readers only
    assert.match((await s.page.locator('.side.right .sheet-title').textContent()) ?? '', /^园区 (\d+) \/ \1$/);
    for (const sel of ['.park-list > h2', '.park-list .count-line']) {
      const box = (await s.page.locator(sel).boundingBox())!;
      assert.ok(box.width <= 1 && box.height <= 1, `${sel} is ${box.width}×${box.height} px`);
    }
    assert.equal(await s.page.getByRole('region', { name: '园区' }).count(), 1, 'the list keeps its heading for screen readers');
    await s.page.locator('.park-list button[data-park="caohejing"]').click();
    await s.page.locator('article.park-card[data-park="caohejing"]').waitFor();
    await mapOnScreen('after tapping a park');
    const card = (await s.page.locator('.side.right').boundingBox())!;
    const map = (await s.page.locator('.map-area').boundingBox())!;
    assert.ok(card.y >= map.y + map.height - 1, 'the card sheet is below the map, not instead of it');
  });

  test('a card opened from a list scrolled down starts at its top, its comparison button under the sheet’s bar', async () => {
    await open(s);
    await s.page.locator('.side.right [data-testid="sheet-handle"]').click();
    const sheet = s.page.locator('.side.right');
    await sheet.evaluate((el) => (el.scrollTop = 500));
    assert.ok((await sheet.evaluate((el) => el.scrollTop)) > 300, 'the list scrolled down');
    await s.page.locator('.park-list button[data-park="zhangjiang-ai-island"]').click();
    await s.page.locator('article.park-card[data-park="zhangjiang-ai-island"]').waitFor();
    const bar = (await s.page.locator('.side.right .sheet-bar').boundingBox())!;
    const view = (await sheet.boundingBox())!;
    const toggle = (await s.page.getByTestId('find-compare-toggle').boundingBox())!;
    const heading = (await s.page.locator('article.park-card h2').boundingBox())!;
    // the panel kept the list's scroll position, and the card opened at its reasons
    assert.ok(toggle.y >= bar.y + bar.height - 1, `the comparison button (${toggle.y}) below the bar (${bar.y + bar.height})`);
    assert.ok(heading.y + heading.height <= view.y + view.height, `the heading (${heading.y}) inside the sheet (to ${view.y + view.height})`);
  });

  test(
    'tapping an imported site in the list flies to it and keeps it clear of its card and of the find toolbar, until the map is dragged',
    { timeout: 90_000 },
    async () => {
      const p = s.page;
      await open(s);
      await p.setInputFiles('[data-testid="sites-file"]', 'tests/fixtures/sites/good.csv');
      await p.locator('.sites-status[data-phase="done"]').waitFor({ state: 'attached', timeout: 60_000 });
      await p.getByTestId('filters-button').click();
      // the second site of good.csv: 张江科学城, at 121.5906, 31.2036
      await p.locator('[data-testid="sites-sets"] button[data-site="1"]').click();
      await p.locator('article.site-card').waitFor();
      /** The site on the page, and the boxes of the map, the card and the find toolbar, once the map is still. */
      const where = () =>
        p.evaluate(() => {
          const m = (window as unknown as MapWindow).__map;
          const box = (sel: string) => {
            const r = document.querySelector(sel)!.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
          };
          const map = m.getContainer().getBoundingClientRect();
          const pt = m.project([121.5906, 31.2036]);
          return {
            x: map.left + pt.x,
            y: map.top + pt.y,
            map: box('[data-testid="map"]'),
            card: box('.sites-card-slot'),
            toolbar: box('.find-toolbar'),
            moving: m.isMoving(),
          };
        });
      /** The site in the strip between the toolbar and the card, 12 px clear of both and of the map's sides. */
      const clear = (w: Awaited<ReturnType<typeof where>>) =>
        w.y >= w.toolbar.bottom + 12 && w.y <= w.card.top - 12 && w.x >= w.map.left + 12 && w.x <= w.map.right - 12;
      // the flight, then the easing that takes the site out from under the card, may end after the
      // card is drawn: wait (15 s at most) for the map to rest with the site clear, still 5 polls on
      let still = 0;
      const at = await poll('the map still after the flight, the site clear', where, (w) => (w.moving || !clear(w) ? (still = 0) : ++still) >= 5);
      // the card lies over the map's lower part and the toolbar over its top: the site is in the strip between
      assert.ok(at.card.top > at.map.top && at.toolbar.bottom < at.card.top, `card ${JSON.stringify(at.card)}, toolbar ${JSON.stringify(at.toolbar)}`);
      assert.ok(
        at.y >= at.toolbar.bottom + 12 && at.y <= at.card.top - 12,
        `the site at y ${at.y}, between the toolbar (${at.toolbar.bottom}) and the card (${at.card.top})`,
      );
      assert.ok(at.x >= at.map.left + 12 && at.x <= at.map.right - 12, `the site at x ${at.x}`);
      // once the map is dragged (the site under the card now), a change of the map's size leaves it there
      // from just under the toolbar, far enough to take the site 15 px under the card's top, and let
      // go above the card (MapLibre ends a drag on a mouseup over its own canvas, or at the next move)
      const now = await where();
      const from = { x: (now.map.left + now.map.right) / 2, y: now.toolbar.bottom + 8 };
      const by = now.card.top - now.y + 15;
      assert.ok(from.y + by < now.card.top - 5, `the drag ends above the card: ${from.y + by} against ${now.card.top}`);
      await p.mouse.move(from.x, from.y);
      await p.mouse.down();
      await p.mouse.move(from.x, from.y + by, { steps: 8 });
      await p.mouse.up();
      await p.mouse.move(from.x, from.y + by + 1);
      still = 0;
      const dragged = await poll('the map still after the drag', where, (w) => (w.moving ? (still = 0) : ++still) >= 5);
      assert.ok(dragged.y > dragged.card.top, `dragged under the card: ${dragged.y}`);
      await p.setViewportSize({ width: 390, height: 840 });
      // the map takes its new size, then stays put: read it over a second (10 polls), any move fails
      const before = dragged.map.bottom - dragged.map.top;
      await poll(
        'the map at its new size',
        () =>
          p.evaluate(() => {
            const m = (window as unknown as MapWindow).__map;
            return { box: m.getContainer().clientHeight, canvas: m.getCanvas().clientHeight };
          }),
        (h) => h.box !== Math.round(before) && h.canvas === h.box,
      );
      for (let i = 0; i < 10; i++) {
        const resized = await where();
        assert.ok(Math.abs(resized.y - dragged.y) < 10 && !resized.moving, `moved after the drag: ${dragged.y} → ${resized.y}`);
        await p.waitForTimeout(100);
      }
      await p.setViewportSize({ width: 390, height: 844 });
    },
  );

  test('a link to a park opens its card in the half-open sheet, and the map comes to rest', async () => {
    // 东方芯港, at the city's south-east edge: the map's bounds stop it short of the strip above the
    // card, and easing towards it again and again kept the map moving for good
    await open(s, '?park=dongfang-xingang');
    await s.page.locator('article.park-card').waitFor();
    assert.equal(await s.page.locator('.app').getAttribute('data-sheet-size'), 'half', 'not folded to its bar');
    const sheet = (await s.page.locator('.side.right').boundingBox())!;
    assert.ok(sheet.height > 300, `the sheet with the card is ${sheet.height} px tall`);
    // the comparison's button is a thin band between the sheet's bar and the card (it was 67 px tall for a 20 px button)
    const [band, button] = await Promise.all(
      ['.side.right .find-right', '[data-testid="find-compare-toggle"]'].map((sel) => s.page.locator(sel).boundingBox()),
    );
    assert.ok(band!.height <= button!.height + 24, `the band is ${band!.height} px tall around a ${button!.height} px button`);
    let still = 0;
    await poll(
      'the map at rest, 5 reads on',
      () => s.page.evaluate(() => (window as unknown as MapWindow).__map.isMoving()),
      (moving) => (moving ? (still = 0) : ++still) >= 5,
    );
    await mapOnScreen('with the card open from a link');
  });

  test('choosing a search result keeps the map on screen', async () => {
    await open(s);
    const box = s.page.locator('.search-area input[role="combobox"]');
    await box.click();
    await box.fill('zhangjiang');
    // the count drops over the map under the input, and the list under the count
    const status = s.page.locator('.search-area .search-status');
    await poll(
      'the count',
      () => status.textContent(),
      (t) => /\d/.test(t ?? ''),
    );
    const [input, count, list] = [await box.boundingBox(), await status.boundingBox(), await s.page.locator('.search-area [role="listbox"]').boundingBox()];
    assert.ok(count!.y >= input!.y + input!.height - 1, `the count (y ${count!.y}) is under the input (${input!.y + input!.height})`);
    assert.ok(list!.y >= count!.y + count!.height - 1, `the list (y ${list!.y}) is under the count (${count!.y + count!.height})`);
    await s.page.locator('.search-area [role="option"]').first().click();
    await s.page.locator('article.park-card, article.zone-card').first().waitFor();
    await mapOnScreen('after choosing a search result');
  });
});
