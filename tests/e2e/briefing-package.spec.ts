/**
 * The single-file package (npm run package): one HTML file opened as file:// (no server) reaches
 * a ready map and runs a briefing chapter, with no request leaving the file (every request is the
 * file itself, a data: URL or a blob: URL made in the page).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openSession } from './harness';
import type { Session } from './harness';
import { poll } from './driver';
import type { MapWindow } from './driver';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const FILE = join(root, 'package/shanghai-sei-map.html');
const READY = '[data-testid="map"][data-map-ready="true"]';

describe('the single-file package, opened as file://', () => {
  let s: Session;
  const requests: string[] = [];
  let url: string;
  before(async () => {
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/package.ts')], { cwd: root, stdio: 'inherit' });
    assert.ok(existsSync(FILE), 'npm run package wrote the file');
    url = pathToFileURL(FILE).href;
    s = await openSession(url, { viewport: { width: 1280, height: 800 } });
    s.context.on('request', (r) => requests.push(r.url()));
  });
  after(async () => {
    await s?.close();
  });

  const leaving = () => requests.filter((u) => !u.startsWith(url) && !u.startsWith('data:') && !u.startsWith('blob:'));

  test('reaches a ready map with the data and the Chinese labels, and no request leaves the file', { timeout: 180_000 }, async () => {
    assert.ok(statSync(FILE).size > 1_000_000, 'the app, data and fonts are in the file');
    await s.page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await s.page.locator(READY).waitFor({ timeout: 90_000 });
    assert.ok((await s.page.locator('.park-list button[data-park]').count()) > 10, 'the park list is filled from the packaged data');
    // labels on the map, and the packaged CJK font for the page's own text (a data: URL inside the file)
    await poll(
      'district labels on the map',
      () => s.page.evaluate(() => (window as unknown as MapWindow).__map.queryRenderedFeatures({ layers: ['districts-label'] }).length),
      (n) => n > 0,
      30_000,
    );
    // the page's own name for the bundled font (src/theme/page-font.ts), written out
    const faces = await s.page.evaluate(() => document.fonts.load('16px "Noto Sans SC UI"', '浦东新区').then((f) => f.length));
    assert.ok(faces > 0, 'the bundled Noto Sans SC loads from inside the file');
    assert.deepEqual(leaving(), []);
    assert.deepEqual(s.errors, []);
  });

  test('a briefing chapter and the presenter view work from the file', { timeout: 180_000 }, async () => {
    await s.page.goto(`${url}?tour=3&lang=en`, { waitUntil: 'commit', timeout: 120_000 });
    await s.page.locator(READY).waitFor({ timeout: 90_000 });
    await s.page.locator('.briefing-caption[data-chapter="lingang"]').waitFor();
    await s.page.keyboard.press('ArrowRight');
    await s.page.locator('.briefing-caption[data-chapter="service-belt"]').waitFor();
    const presenter = await s.context.newPage();
    await presenter.goto(`${url}?view=presenter&tour=5`, { waitUntil: 'commit', timeout: 120_000 });
    await presenter.locator('.briefing[data-role="presenter"]').waitFor({ timeout: 90_000 });
    await presenter.locator('.briefing-notes[data-chapter="h-belt"]').waitFor();
    // the audience window (the first page) follows the presenter between two file:// pages
    await s.page.locator('.briefing-caption[data-chapter="h-belt"]').waitFor({ timeout: 30_000 });
    await presenter.close();
    assert.deepEqual(leaving(), []);
    assert.deepEqual(s.errors, []);
  });
});
