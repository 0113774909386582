/**
 * The statistics view in a real browser (Chromium + SwiftShader, offline): loaded on first use;
 * choosing a matrix cell sets the sector and district filters, and the list, the URL and the map
 * follow. Expectations come from the built parks.geojson, not from the app's code.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openSession, startServer } from './harness';
import { camera, mapIdle, poll, rendered } from './driver';
import type { Session } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const geo = (f: string) => JSON.parse(readFileSync(join(here, '../../public/geo', f), 'utf8'));

interface Park {
  id: string;
  district: string | null;
  links: { sector: string; node: string; strength: string }[];
}
const PARKS: Park[] = geo('parks.geojson').features.map((f: { properties: Park }) => f.properties);
const STRONG = new Set(['named', 'listed', 'cluster']);
const strongIn = (sector: string, district: string) =>
  PARKS.filter((p) => p.district === district && p.links.some((l) => l.sector === sector && STRONG.has(l.strength)))
    .map((p) => p.id)
    .sort();

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

const attrs = (page: Page, sel: string, attr: string) => page.locator(sel).evaluateAll((els, a) => els.map((e) => e.getAttribute(a) ?? ''), attr);
const listed = (page: Page) => attrs(page, '.park-list button[data-park]', 'data-park');
const pageErrors = () => s.errors.filter((e) => e.startsWith('pageerror:'));

describe('statistics view', () => {
  test('loads on first use; choosing a matrix cell filters the list, the URL and the map', { timeout: 120_000 }, async () => {
    const scripts: string[] = [];
    s.page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    s.errors.length = 0;
    await s.page.goto(s.base);
    await s.page.locator(READY).waitFor({ timeout: 30_000 });
    assert.equal(await s.page.locator('[data-testid="stats-view"]').count(), 0);
    assert.ok(!scripts.some((p) => /StatsView/.test(p)), `the view's code is not loaded before it is opened: ${scripts.join(' ')}`);

    await s.page.getByTestId('stats-toggle').click();
    await s.page.getByTestId('matrix').waitFor({ timeout: 30_000 });
    assert.ok(
      scripts.some((p) => /StatsView/.test(p)),
      'opening the view loads its chunk',
    );
    await poll(
      'view=stats in the URL',
      async () => new URL(s.page.url()).searchParams.get('view'),
      (v) => v === 'stats',
    );

    // a cell with a few parks: 生物医药 × 浦东新区, from the data
    const expected = strongIn('biomed', '浦东新区');
    assert.ok(expected.length > 0 && expected.length < PARKS.length, `a real narrowing: ${expected.join(' ')}`);
    const cell = s.page.locator('button[data-cell="biomed|浦东新区"]');
    assert.equal(await cell.textContent(), String(expected.length));
    await cell.click();

    await poll(
      'the list to follow',
      async () => (await listed(s.page)).sort(),
      (ids) => ids.join() === expected.join(),
    );
    assert.equal(await s.page.locator('input[data-sector="biomed"]').isChecked(), true);
    assert.equal(await s.page.locator('input[data-district="浦东新区"]').isChecked(), true);
    const url = await poll(
      'the URL to follow',
      async () => new URL(s.page.url()),
      (u) => u.searchParams.get('sector') === 'biomed' && u.searchParams.get('district') === '浦东新区',
    );
    assert.equal(url.searchParams.get('view'), 'stats');
    await mapIdle(s.page);
    const onMap = await poll(
      'the map to follow',
      () => rendered(s.page, 'parks-circle'),
      (ids) => ids.length > 0 && ids.every((id) => expected.includes(id)),
    );
    assert.ok(
      onMap.every((id) => expected.includes(id)),
      `on the map: ${onMap.join(' ')}`,
    );

    // the chosen cell is marked as the current filter
    assert.equal(await cell.getAttribute('aria-pressed'), 'true');
    assert.equal(await s.page.locator('thead th[data-district="浦东新区"]').getAttribute('data-current'), 'true');

    // the shared link opens the view with the same filters
    await s.page.goto(`${s.base}${url.search}`);
    await s.page.getByTestId('matrix').waitFor({ timeout: 30_000 });
    assert.deepEqual((await listed(s.page)).sort(), expected);
    assert.equal(await s.page.locator('button[data-cell="biomed|浦东新区"]').getAttribute('aria-pressed'), 'true');
    assert.deepEqual(pageErrors(), []);
  });

  test('a chart saves as SVG with its title and source, and as a real PNG of twice its size', { timeout: 120_000 }, async () => {
    s.errors.length = 0;
    await s.page.goto(`${s.base}?view=stats&tab=scorecard&lang=en`);
    const fig = s.page.locator('article.score[data-target="sei-gdp-share"] figure.score-chart');
    await fig.locator('svg').first().waitFor({ timeout: 30_000 });
    const [svgDl] = await Promise.all([s.page.waitForEvent('download'), fig.locator('button[data-export="svg"]').click()]);
    assert.equal(svgDl.suggestedFilename(), 'sei-gdp-share-en.svg');
    const svg = readFileSync((await svgDl.path())!, 'utf8');
    const title = 'share of the strategic emerging industries in the city’s GDP';
    assert.ok(svg.includes(`<title>${title}</title>`), 'the SVG has a <title>');
    assert.ok(svg.includes(`>${title}</text>`), 'the title is drawn in the image');
    assert.match(svg, /Source: the plan 沪府办发〔2021〕10号/);
    const w = Number(/^<svg[^>]*\bwidth="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    const h = Number(/^<svg[^>]*\bheight="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    assert.ok(w > 0 && h > 0, `SVG size ${w}×${h}`);

    const [pngDl] = await Promise.all([s.page.waitForEvent('download'), fig.locator('button[data-export="png"]').click()]);
    assert.equal(pngDl.suggestedFilename(), 'sei-gdp-share-en.png');
    const png = readFileSync((await pngDl.path())!);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
    const [pw, ph] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.deepEqual([pw, ph], [Math.round(w * 2), Math.round(h * 2)], 'the PNG is the SVG drawn at twice its size');
    assert.ok(png.length > 2000, `a picture, not an empty image (${png.length} bytes)`);
    assert.deepEqual(pageErrors(), []);
  });

  test('district profile: from the URL; the ranking bars take keyboard focus and choose a district; the URL follows', { timeout: 120_000 }, async () => {
    s.errors.length = 0;
    await s.page.goto(`${s.base}?sector=ai&view=stats&tab=district&profile=%E5%BE%90%E6%B1%87%E5%8C%BA`);
    const profile = s.page.getByTestId('district-profile');
    await profile.waitFor({ timeout: 30_000 });
    assert.equal(await profile.getAttribute('data-district'), '徐汇区');
    const here = PARKS.filter((p) => p.district === '徐汇区')
      .map((p) => p.id)
      .sort();
    assert.deepEqual((await attrs(s.page, '[data-testid="profile-parks"] button[data-park]', 'data-park')).sort(), here);
    const bar = s.page.locator('[data-testid="rank-chart"] svg [role="button"][data-district="嘉定区"]');
    await bar.waitFor({ timeout: 30_000 });
    await bar.focus();
    assert.equal(await s.page.evaluate(() => document.activeElement?.getAttribute('data-district')), '嘉定区');
    await s.page.keyboard.press('Enter');
    await poll(
      'the profile to follow',
      () => profile.getAttribute('data-district'),
      (d) => d === '嘉定区',
    );
    await poll(
      'the URL to follow',
      async () => new URL(s.page.url()).searchParams.get('profile'),
      (d) => d === '嘉定区',
    );
    assert.deepEqual(pageErrors(), []);
  });

  test('audit: each item selects its place on the map, and the map moves there', { timeout: 120_000 }, async () => {
    s.errors.length = 0;
    const audit = geo('stats.json').audit as { unsupported: { park: string }[] };
    const id = audit.unsupported[0]!.park;
    const at = geo('parks.geojson').features.find((f: { properties: { id: string } }) => f.properties.id === id).geometry.coordinates as [number, number];
    await s.page.goto(`${s.base}?view=stats&tab=audit`);
    await s.page.locator(READY).waitFor({ timeout: 30_000 });
    const item = s.page.locator(`[data-testid="audit"] [data-audit="unsupported"] button[data-park="${id}"]`);
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    await poll(
      'the URL to name the park',
      async () => new URL(s.page.url()).searchParams.get('park'),
      (p) => p === id,
    );
    const c = await poll(
      'the map to move to the park',
      () => camera(s.page),
      (v) => !v.moving && Math.abs(v.lng - at[0]) < 0.01 && Math.abs(v.lat - at[1]) < 0.01,
      30_000,
    );
    assert.ok(Math.abs(c.lng - at[0]) < 0.01, `camera at ${c.lng}, ${c.lat}`);
    await mapIdle(s.page);
    await poll(
      'the park to be selected on the map',
      () => rendered(s.page, 'parks-selected'),
      (ids) => ids.includes(id),
    );
    assert.deepEqual(pageErrors(), []);
  });
});
