/**
 * The built app (dist/) works from any path of any static host: every asset and data URL is
 * relative. dist/ is served under /some/path/ by a plain file server (tests/e2e/static-host.ts);
 * the app, a briefing chapter and its fonts load from there and nothing is asked of the host's root.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSession } from './harness';
import type { Session } from './harness';
import { serveStatic } from './static-host';
import type { StaticHost } from './static-host';

const here = dirname(fileURLToPath(import.meta.url));
const READY = '[data-testid="map"][data-map-ready="true"]';
const PREFIX = '/some/path/';

describe('served from a sub-path', () => {
  let host: StaticHost;
  let s: Session;
  before(async () => {
    host = await serveStatic(join(here, '../../dist'), PREFIX);
    s = await openSession(host.url, { viewport: { width: 1280, height: 800 } });
  });
  after(async () => {
    await s?.close();
    await host?.close();
  });

  test('the map app and a briefing chapter reach a ready map under /some/path/', { timeout: 120_000 }, async () => {
    await s.page.goto(host.url);
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    assert.ok((await s.page.locator('.park-list button[data-park]').count()) > 0, 'the park list is filled from the data');
    await s.page.goto(`${host.url}?tour=3&lang=en`);
    await s.page.locator(READY).waitFor({ timeout: 60_000 });
    await s.page.locator('.briefing-caption[data-chapter="lingang"]').waitFor();
    const outside = host.requests.filter((p) => !p.startsWith(PREFIX));
    assert.deepEqual(outside, [], 'nothing is asked of the host outside the app path');
    assert.ok(
      host.requests.some((p) => p.startsWith(`${PREFIX}geo/`)),
      'the data came from the app path',
    );
    assert.ok(
      host.requests.some((p) => p.startsWith(`${PREFIX}assets/`) && p.endsWith('.woff2pack')),
      "the map labels' fonts came from the app path",
    );
    assert.deepEqual(s.offOrigin, []);
    assert.deepEqual(s.errors, []);
  });
});
