/**
 * Offline after one visit: the built app (dist/, served by a plain static host) installs a service
 * worker (once the map has drawn its first view) that precaches the shell, the data and the fonts;
 * with the network cut, a reload reaches a ready map and a briefing chapter works. A new version is announced and waits: the open page
 * keeps getting the data of its own version, never the new one.
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

describe('offline after one visit (service worker)', () => {
  let host: StaticHost;
  let s: Session;
  before(async () => {
    host = await serveStatic(DIST, '/deploy/map/');
    s = await openSession(host.url, { viewport: { width: 1280, height: 800 } });
    // when the page registers its service worker (the first call, in page time)
    await s.context.addInitScript(() => {
      const proto = ServiceWorkerContainer.prototype;
      const register = proto.register;
      proto.register = function (this: ServiceWorkerContainer, ...args: Parameters<typeof register>) {
        const w = window as unknown as { __swRegisteredAt?: number };
        w.__swRegisteredAt ??= performance.now();
        return register.apply(this, args);
      };
    });
  });
  after(async () => {
    await s?.close();
    await host?.close();
  });

  const activeWorker = () =>
    s.page.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      return { state: r.active?.state ?? null, controlled: navigator.serviceWorker.controller !== null };
    });

  test('one visit, then the network is cut: a reload reaches a ready map, and a briefing chapter opens', { timeout: 240_000 }, async () => {
    await s.page.goto(host.url);
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    // installed = everything precached; then it is active
    await poll('the service worker to be active', activeWorker, (w) => w.state === 'activated', 60_000);
    // registered only once the map had drawn its first view: its precache does not slow that down
    const at = await s.page.evaluate(() => ({
      registered: (window as unknown as { __swRegisteredAt?: number }).__swRegisteredAt ?? null,
      ready: performance.getEntriesByName('map:ready')[0]?.startTime ?? null,
    }));
    assert.ok(at.registered !== null && at.ready !== null, `registered at ${at.registered}, map ready at ${at.ready}`);
    assert.ok(at.registered >= at.ready, `registered at ${at.registered.toFixed(0)} ms, before the map was ready at ${at.ready.toFixed(0)} ms`);
    const manifest = await s.page.evaluate(() => fetch('manifest.webmanifest').then((r) => r.json() as Promise<{ icons: { src: string }[] }>));
    assert.ok(manifest.icons.length >= 3, 'installable: a manifest with icons');

    await s.context.setOffline(true);
    const before = host.requests.length;
    await s.page.reload();
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    assert.equal((await activeWorker()).controlled, true, 'the page comes from the service worker');
    assert.ok((await s.page.locator('.park-list button[data-park]').count()) > 10, 'the data came from the cache');
    await s.page.goto(`${host.url}?tour=3&lang=en`);
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    await s.page.locator('.briefing-caption[data-chapter="lingang"]').waitFor();
    await s.page.keyboard.press('ArrowRight');
    await s.page.locator('.briefing-caption[data-chapter="service-belt"]').waitFor();
    // the page's requests are cut; the browser's own update check of the worker script (sw.js and
    // its workbox module) is not subject to the page's network emulation, and is not the app's
    const byPage = host.requests.slice(before).filter((p) => !/\/(sw|workbox-[0-9a-f]+)\.js$/.test(p));
    assert.deepEqual(byPage, [], 'nothing the page asked for reached the host while offline');
    assert.deepEqual(s.errors, []);
    await s.context.setOffline(false);
  });

  test('a new version is announced and waits; the open page keeps its own version of the data', { timeout: 240_000 }, async () => {
    await s.page.goto(host.url);
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    const oldText = readFileSync(join(DIST, 'geo/manifest.json'), 'utf8');
    // the next deployment: other data, and a service worker that precaches it (its revision changed)
    const newText = `${oldText.trimEnd()}\n\n`;
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    const rev = /url:"geo\/manifest\.json",revision:"([0-9a-f]+)"/.exec(sw);
    assert.ok(rev, 'sw.js precaches geo/manifest.json by revision');
    host.replace.set('sw.js', sw.replace(rev[0], rev[0].replace(rev[1]!, 'f'.repeat(rev[1]!.length))));
    host.replace.set('geo/manifest.json', newText);

    await s.page.reload();
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    const prompt = s.page.locator('.update-prompt');
    await prompt.waitFor({ timeout: 60_000 });
    // the new version is installed and waiting, yet this page still gets its own version's data
    const seen = await s.page.evaluate(() => fetch('geo/manifest.json').then((r) => r.text()));
    assert.equal(seen, oldText, 'the open page is never given the new data');
    host.replace.clear();
  });
});
