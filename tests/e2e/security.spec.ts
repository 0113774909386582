/**
 * The Content-Security-Policy in a real browser: delivered as a header by the preview server and
 * as a <meta> in the built page, enforced (an injected inline script and eval do not run), and
 * not violated by any view of the app: map with a card, find tools, an import, the tour, the
 * presenter view, the embed, English.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PreviewServer } from 'vite';
import { openSession, startServer } from './harness';
import type { Session } from './harness';
import { mapIdle, poll } from './driver';

const here = dirname(fileURLToPath(import.meta.url));
const READY = '[data-testid="map"][data-map-ready="true"]';

let server: PreviewServer;
let base: string;
let s: Session;

before(async () => {
  ({ server, base } = await startServer());
  s = await openSession(base);
});
after(async () => {
  await s?.close();
  await server?.close();
});

const violations = () => s.errors.filter((e) => e.includes('CSP violation'));

async function visit(query: string): Promise<void> {
  s.errors.length = 0;
  await s.page.goto(`${base}${query}`);
  await s.page.locator(READY).first().waitFor({ timeout: 60_000 });
  await mapIdle(s.page);
}

describe('content security policy', () => {
  test('is sent as a header and carried by the page, with no inline script, no eval, and requests to the app only', async () => {
    const res = await fetch(base);
    const header = res.headers.get('content-security-policy') ?? '';
    const html = await res.text();
    for (const policy of [header, /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#39;', "'") ?? '']) {
      assert.match(policy, /(^|; )script-src 'self'(;|$)/, `script-src is 'self' only: ${policy}`);
      assert.match(policy, /(^|; )connect-src 'self' data: blob:(;|$)/, 'requests go to the app only (no basemap configured)');
      assert.match(policy, /(^|; )object-src 'none'/);
      assert.doesNotMatch(policy, /unsafe-eval/);
    }
    assert.doesNotMatch(html.replace(/<script[^>]*\bsrc=[^>]*><\/script>/g, ''), /<script/i, 'no inline script in the built page');
  });

  test('is enforced: an injected inline script and an inline style element are refused, and reported', async () => {
    await visit('');
    const ran = await s.page.evaluate(() => {
      const el = document.createElement('script');
      el.textContent = 'window.__injected = true';
      document.body.append(el);
      const st = document.createElement('style');
      st.textContent = 'body { outline: 7px solid red }';
      document.head.append(st);
      return new Promise<{ injected: boolean; styled: boolean }>((r) =>
        setTimeout(
          () =>
            r({
              injected: (window as unknown as { __injected?: boolean }).__injected === true,
              styled: getComputedStyle(document.body).outlineWidth === '7px',
            }),
          100,
        ),
      );
    });
    assert.deepEqual(ran, { injected: false, styled: false });
    // the reports come asynchronously
    await poll(
      'both refusals reported',
      async () => violations(),
      (vs) => vs.some((v) => v.includes('script-src')) && vs.some((v) => v.includes('style-src')),
      5_000,
    );
  });

  test('no view of the app violates it', { timeout: 300_000 }, async () => {
    const p = s.page;
    // map, a park card, a sector filter, English
    await visit('?sector=ic&park=zhangjiang-ic-base');
    await p.locator('.park-card').waitFor();
    await visit('?lang=en&sector=biomed');
    assert.deepEqual(violations(), [], 'map, card, filter, English');
    // an import: the link worker starts, sites are drawn
    await visit('');
    await p.setInputFiles('[data-testid="sites-file"]', join(here, '../fixtures/sites/good.csv'));
    await p.locator('.sites-status[data-phase="done"]').waitFor({ timeout: 60_000 });
    await mapIdle(p);
    assert.deepEqual(violations(), [], 'import');
    // the tour, the presenter view, the embed
    for (const q of ['?tour=1', '?view=presenter', '?tour=2&embed=1']) {
      await visit(q);
      await p.keyboard.press('ArrowRight');
      await mapIdle(p);
      assert.deepEqual(violations(), [], q);
    }
    assert.deepEqual(s.offOrigin, [], 'nothing left the machine');
    assert.ok(readFileSync(join(here, '../../dist/index.html'), 'utf8').includes('Content-Security-Policy'), 'the built page carries the policy');
  });
});
