/**
 * A real browser for the browser tests, the benchmarks and the screenshots: Vite's preview server
 * on a free loopback port, Debian's Chromium driven by playwright-core (never a downloaded
 * browser), WebGL through SwiftShader, and a hard offline guard that aborts and records every
 * request that leaves 127.0.0.1. Scripts import it from here; tests reach it through
 * tests/e2e/harness.ts (tests may import scripts, never the other way round).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { preview } from 'vite';
import type { PreviewServer } from 'vite';

export const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));

export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export interface Session {
  base: string;
  context: BrowserContext;
  page: Page;
  /** URLs of requests that tried to leave the machine (all aborted) */
  offOrigin: string[];
  /** console errors and uncaught page errors */
  errors: string[];
  close(): Promise<void>;
}

export async function startServer(): Promise<{ server: PreviewServer; base: string }> {
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('preview server did not report a URL (was `vite build` run?)');
  return { server, base };
}

export async function openSession(
  base: string,
  opts: {
    viewport?: { width: number; height: number };
    extraArgs?: string[];
    deviceScaleFactor?: number;
    env?: Record<string, string>;
    /** 'block': pages register no service worker, so every load comes from the server (the benches) */
    serviceWorkers?: 'allow' | 'block';
  } = {},
): Promise<Session> {
  if (!CHROMIUM) throw new Error('Chromium not found: apt-get install chromium (see .ci/run)');
  const profile = mkdtempSync(join(tmpdir(), 'e2e-chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
    args: [...CHROMIUM_ARGS, ...(opts.extraArgs ?? [])],
    serviceWorkers: opts.serviceWorkers ?? 'allow',
    ...(opts.env ? { env: { ...(process.env as Record<string, string>), ...opts.env } } : {}),
  });
  const offOrigin: string[] = [];
  const errors: string[] = [];
  await context.route(
    // a file opened from disk (the single-file package) is not a request to another machine
    (url) => url.protocol !== 'file:' && url.hostname !== '127.0.0.1',
    (route) => {
      offOrigin.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  // tsx/esbuild (keepNames) wraps named functions in `__name(...)`; functions handed to
  // page.evaluate run in the page, where that helper does not exist.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  // every Content-Security-Policy violation is an error of the page (specs assert there are none)
  await context.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || '') + ':' + e.lineNumber));",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const watch = (p: Page) => {
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  };
  watch(page);
  context.on('page', watch);
  return {
    base,
    context,
    page,
    offOrigin,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
