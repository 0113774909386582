/**
 * “Reload” on the update prompt switches to the new version whole: version A is installed by a
 * visit; the host then serves version B (a marked page shell and changed data, with a service
 * worker that precaches them); the open page announces B and keeps A's data until the user
 * reloads; after “Reload” the page runs B's shell with B's data, and none of A's.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSession } from './harness';
import type { Session } from './harness';
import { poll } from './driver';
import { serveStatic } from './static-host';
import type { StaticHost } from './static-host';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = join(here, '../../dist');
const READY = '[data-testid="map"][data-map-ready="true"]';

/** sw.js with the precache revision of `url` changed, as a new build of that file would. */
function bumpRevision(sw: string, url: string, to: string): string {
  const re = new RegExp(`url:"${url.replace(/[.]/g, '\\.')}",revision:"([0-9a-f]+)"`);
  const m = re.exec(sw);
  assert.ok(m, `sw.js precaches ${url} by revision`);
  return sw.replace(m[0], m[0].replace(m[1]!, to.repeat(m[1]!.length)));
}

describe('the update prompt', () => {
  let host: StaticHost;
  let s: Session;
  before(async () => {
    host = await serveStatic(DIST, '/deploy/map/');
    s = await openSession(host.url, { viewport: { width: 1400, height: 900 } });
  });
  after(async () => {
    await s?.close();
    await host?.close();
  });

  const build = () => s.page.evaluate(() => document.documentElement.dataset.build ?? 'A');
  const dataSeen = () => s.page.evaluate(() => fetch('geo/manifest.json').then((r) => r.text()));

  test('Reload switches to version B: its page shell and its data together, none of A’s', { timeout: 240_000 }, async () => {
    await s.page.goto(host.url);
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    await poll(
      'version A installed',
      () => s.page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state ?? null),
      (state) => state === 'activated',
      60_000,
    );
    // the next load of the page is served by version A's worker
    await s.page.reload();
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    assert.equal(await s.page.evaluate(() => navigator.serviceWorker.controller !== null), true, 'version A in control');
    const dataA = readFileSync(join(DIST, 'geo/manifest.json'), 'utf8');
    assert.equal(await build(), 'A');
    assert.equal(await dataSeen(), dataA);

    // version B on the host: a marked shell and changed data, precached by a new service worker
    const htmlA = readFileSync(join(DIST, 'index.html'), 'utf8');
    const htmlB = htmlA.replace('<html lang="zh-CN">', '<html data-build="B" lang="zh-CN">');
    assert.notEqual(htmlB, htmlA, 'the shell carries the marker');
    const dataB = dataA.replace(/^\{/, '{"build":"B",');
    assert.notEqual(dataB, dataA);
    JSON.parse(dataB);
    const swB = bumpRevision(bumpRevision(readFileSync(join(DIST, 'sw.js'), 'utf8'), 'index.html', 'b'), 'geo/manifest.json', 'b');
    host.replace.set('sw.js', swB);
    host.replace.set('index.html', htmlB);
    host.replace.set('geo/manifest.json', dataB);

    // the open page finds B and says so, and goes on with A (shell and data)
    await s.page.reload();
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    const prompt = s.page.locator('.update-prompt');
    await prompt.waitFor({ timeout: 60_000 });
    assert.equal(await build(), 'A', 'the page keeps its own shell');
    assert.equal(await dataSeen(), dataA, 'and its own data');

    // Reload: B's service worker takes over, the page reloads into B: B's shell, B's data
    await Promise.all([s.page.waitForEvent('framenavigated', { timeout: 60_000 }), prompt.locator('button[data-action="reload-update"]').click()]);
    await s.page.waitForLoadState('load');
    await poll(
      'the page to run version B',
      () => build().catch(() => 'navigating'),
      (b) => b === 'B',
      60_000,
    );
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    assert.equal(await dataSeen(), dataB, 'the data of B, with the shell of B');
    assert.equal(await s.page.locator('.update-prompt').count(), 0, 'nothing more to update');
    // and a reload with the network cut is still B: B's precache, not a mix
    await s.context.setOffline(true);
    await s.page.reload();
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    assert.equal(await build(), 'B');
    assert.equal(await dataSeen(), dataB);
    await s.context.setOffline(false);
    assert.deepEqual(s.errors, []);
    host.replace.clear();
  });
});
