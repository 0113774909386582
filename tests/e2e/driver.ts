/**
 * Map actions and reads shared by the browser tests (the map is `window.__map`, the test hook MapController sets when it creates the map).
 * Waits are on map events or polls, never fixed sleeps.
 */
import assert from 'node:assert/strict';
import type { Map as MlMap } from 'maplibre-gl';
import type { Locator, Page } from 'playwright-core';

export type MapWindow = Window & { __map: MlMap };
export type LngLat = [number, number];

/** Polls `fn` until `ok` (every 100 ms), failing with the last value after `timeoutMs`. */
export async function poll<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let v = await fn();
  while (!ok(v)) {
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
    v = await fn();
  }
  return v;
}

/**
 * Waits for `locator` to be visible; on a timeout the failure says what the page showed instead:
 * its address, whether the map was ready, the panels and alerts on it, and the page's errors.
 */
export async function shown(page: Page, locator: Locator, errors: readonly string[], timeoutMs = 30_000): Promise<Locator> {
  try {
    await locator.waitFor({ timeout: timeoutMs });
    return locator;
  } catch (e) {
    const state = await page
      .evaluate(() => ({
        ready: document.querySelector('[data-testid="map"]')?.getAttribute('data-map-ready') ?? 'no map',
        rootChildren: document.getElementById('root')?.childElementCount ?? -1,
        testids: [...new Set([...document.querySelectorAll('[data-testid]')].map((el) => el.getAttribute('data-testid')))].slice(0, 40),
        alerts: [...document.querySelectorAll('[role="alert"], [role="status"]')].map((el) => el.textContent?.trim()).filter(Boolean),
      }))
      .catch((err: unknown) => ({ unreadable: String(err) }));
    assert.fail(`${(e as Error).message.split('\n')[0]}\npage: ${page.url()}\nstate: ${JSON.stringify(state)}\nerrors: ${JSON.stringify(errors)}`);
  }
}

/** Resolves at the map's next `idle` (a repaint is requested so one always comes). */
export async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const m = (window as unknown as MapWindow).__map;
        m.once('idle', () => resolve());
        m.triggerRepaint();
      }),
  );
}

/** Distinct values of `prop` among the features rendered on `layer`, sorted. */
export async function rendered(page: Page, layer: string, prop = 'id'): Promise<string[]> {
  return page.evaluate(
    ([layer, prop]) => {
      const m = (window as unknown as MapWindow).__map;
      if (!m.getLayer(layer!)) return [];
      return [...new Set(m.queryRenderedFeatures({ layers: [layer!] }).map((f) => String(f.properties?.[prop!])))].sort();
    },
    [layer, prop] as const,
  );
}

/** The properties of every feature rendered on `layer`. */
export async function renderedProps(page: Page, layer: string): Promise<Record<string, unknown>[]> {
  return page.evaluate((layer) => {
    const m = (window as unknown as MapWindow).__map;
    if (!m.getLayer(layer)) return [];
    return m.queryRenderedFeatures({ layers: [layer] }).map((f) => ({ ...f.properties }));
  }, layer);
}

export async function camera(page: Page): Promise<{ lng: number; lat: number; zoom: number; moving: boolean }> {
  return page.evaluate(() => {
    const m = (window as unknown as MapWindow).__map;
    const c = m.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: m.getZoom(), moving: m.isMoving() };
  });
}

/** Page coordinates of a lng/lat on the map (container offset + projected point). */
export async function pagePoint(page: Page, lngLat: LngLat): Promise<{ x: number; y: number; inside: boolean }> {
  return page.evaluate((ll) => {
    const m = (window as unknown as MapWindow).__map;
    const p = m.project(ll);
    const r = m.getContainer().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y, inside: p.x >= 0 && p.y >= 0 && p.x < r.width && p.y < r.height };
  }, lngLat);
}

/** The lng/lat under a page point. */
export async function lngLatAt(page: Page, x: number, y: number): Promise<LngLat> {
  return page.evaluate(
    ([x, y]) => {
      const m = (window as unknown as MapWindow).__map;
      const r = m.getContainer().getBoundingClientRect();
      const ll = m.unproject([x! - r.left, y! - r.top]);
      return [ll.lng, ll.lat] as [number, number];
    },
    [x, y] as const,
  );
}

/** Moves the camera at once and waits for the map to settle. */
export async function jumpTo(page: Page, lng: number, lat: number, zoom: number): Promise<void> {
  await page.evaluate(([lng, lat, zoom]) => (window as unknown as MapWindow).__map.jumpTo({ center: [lng!, lat!], zoom: zoom! }), [lng, lat, zoom] as const);
  await mapIdle(page);
}
