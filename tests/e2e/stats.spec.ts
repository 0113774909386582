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
import { mapIdle, poll, rendered } from './driver';
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
});
