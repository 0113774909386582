/**
 * The plan's layers in a real browser (Chromium + SwiftShader, offline): every zone draws in its
 * own layer (shared outlines and whole districts too), and a click on stacked places opens the
 * chooser, whose choice opens the card and is highlighted on the map.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/turf';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openSession, startServer } from './harness';
import { jumpTo, mapIdle, pagePoint, rendered } from './driver';
import type { LngLat, MapWindow } from './driver';
import type { Session } from './harness';

const here = dirname(fileURLToPath(import.meta.url));

interface ZoneFeature {
  geometry: GeoJSON.Geometry;
  properties: { id: string; group: string; kind: string; area_km2: number | null };
}
const ZONES: ZoneFeature[] = JSON.parse(readFileSync(join(here, '../../public/geo/zones.geojson'), 'utf8')).features;
const PARKS: { geometry: { coordinates: LngLat }; properties: { id: string; position: { radius_m: number } } }[] = JSON.parse(
  readFileSync(join(here, '../../public/geo/parks.geojson'), 'utf8'),
).features;
/** Why each park is on the map, from the built file: named by the plan, on the official list, or both. */
const PARK_BASIS = new Map(
  (JSON.parse(readFileSync(join(here, '../../public/geo/parks.geojson'), 'utf8')).features as { properties: { id: string; basis: string[] } }[]).map((f) => [
    f.properties.id,
    f.properties.basis,
  ]),
);
const PARK_RADIUS = new Map(PARKS.map((p) => [p.properties.id, { at: p.geometry.coordinates, radius_m: p.properties.position.radius_m }]));

const READY = '[data-testid="map"][data-map-ready="true"]';
const CHOOSER = '[data-testid="map-chooser"]';

let server: PreviewServer;
let base: string;

before(async () => {
  ({ server, base } = await startServer());
});
after(async () => {
  await server?.close();
});

async function gotoReady(s: Session, query = ''): Promise<void> {
  s.errors.length = 0;
  await s.page.goto(`${s.base}${query}`);
  await s.page.locator(READY).waitFor({ timeout: 90_000 });
  await mapIdle(s.page);
}

/** Switches the layer panel's groups so that exactly these are on. */
async function onlyGroups(page: Page, groups: string[]): Promise<void> {
  for (const box of await page.locator('li[data-group] > label > input[type="checkbox"]').all()) {
    const group = await box.evaluate((el) => el.closest('li')!.getAttribute('data-group')!);
    if ((await box.isChecked()) !== groups.includes(group)) await box.click();
  }
  await mapIdle(page);
}

/**
 * How many pixels of the map this zone changes in these layers: the canvas with the zone, then
 * with the zone filtered out of them, read back in the frame that drew it.
 */
async function pixelsOf(page: Page, layers: string[], zoneId: string): Promise<number> {
  return page.evaluate(
    async ([layers, zoneId]) => {
      const m = (window as unknown as MapWindow).__map;
      const idle = () =>
        new Promise<void>((r) => {
          m.once('idle', () => r());
          m.triggerRepaint();
        });
      const grab = () =>
        new Promise<Uint8Array>((r) => {
          m.once('render', () => {
            const gl = m.getCanvas().getContext('webgl2')!;
            const buf = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
            gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, buf);
            r(buf);
          });
          m.triggerRepaint();
        });
      await idle();
      const withZone = await grab();
      const filters = layers.map((l) => m.getFilter(l!));
      layers.forEach((l, k) => m.setFilter(l!, ['all', filters[k] ?? true, ['!=', ['get', 'id'], zoneId]] as never));
      await idle();
      const without = await grab();
      layers.forEach((l, k) => m.setFilter(l!, filters[k] ?? null));
      await idle();
      let n = 0;
      for (let i = 0; i < withZone.length; i += 4)
        if (Math.abs(withZone[i]! - without[i]!) + Math.abs(withZone[i + 1]! - without[i + 1]!) + Math.abs(withZone[i + 2]! - without[i + 2]!) > 24) n++;
      return n;
    },
    [layers, zoneId] as const,
  );
}

/** The chooser's rows: kind and id, in order. */
const chooserRows = (page: Page) =>
  page.locator(`${CHOOSER} li[role="option"]`).evaluateAll((els) => els.map((e) => ({ kind: e.getAttribute('data-kind')!, id: e.getAttribute('data-id')! })));

/** The areal zones that contain a point (computed here from the built file, not by the app). */
const zonesAt = (at: LngLat, groups: readonly string[]) =>
  ZONES.filter((z) => (z.geometry.type === 'Polygon' || z.geometry.type === 'MultiPolygon') && groups.includes(z.properties.group))
    .filter((z) => booleanPointInPolygon(at, z.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon))
    .map((z) => z.properties);

/** Every zone group of the data (all layers on). */
const ALL_GROUPS = [...new Set(ZONES.map((z) => z.properties.group))];

/** A point of the 临港 pole a kilometre or more from every park (a click there hits zones only). */
const LINGANG_OPEN: LngLat = [121.8, 30.95];

describe('zones in their own layers, the chooser (1400×900)', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 1400, height: 900 } });
  });
  after(async () => {
    await s?.close();
  });

  test('with only 集成电路“一体两翼” on, the body and both wings draw, the 临港 wing inside the pole’s outline', { timeout: 240_000 }, async () => {
    await gotoReady(s);
    await onlyGroups(s.page, ['ic']);
    assert.deepEqual(await rendered(s.page, 'ic-line'), ['ic-body-zhangjiang', 'ic-wing-jiading', 'ic-wing-lingang']);
    // each draws pixels of its own: the wing on the pole's outline is not transparent
    for (const id of ['ic-wing-lingang', 'ic-wing-jiading', 'ic-body-zhangjiang']) {
      const n = await pixelsOf(s.page, ['ic-fill', 'ic-line'], id);
      assert.ok(n > 150, `${id} draws ${n} px`);
    }
    // their names, where they fit
    await jumpTo(s.page, 121.55, 31.15, 9.6);
    assert.deepEqual(await rendered(s.page, 'ic-label'), ['ic-body-zhangjiang', 'ic-wing-jiading', 'ic-wing-lingang']);
    assert.deepEqual(s.errors, []);
  });

  test('生物医药 “X” (whole districts) draws in its own layer without a sector filter', { timeout: 240_000 }, async () => {
    await gotoReady(s);
    await onlyGroups(s.page, ['biomed']);
    assert.ok((await rendered(s.page, 'biomed-line')).includes('biomed-x-districts'));
    const n = await pixelsOf(s.page, ['biomed-fill', 'biomed-line'], 'biomed-x-districts');
    assert.ok(n > 500, `biomed-x-districts draws ${n} px`);
    // and the legend over the map (open at first on a wide screen) says what the band is; the schematic entries carry the mark
    const legend = s.page.locator('[data-testid="map-legend"] [data-group="biomed"] .legend-items');
    assert.match(await legend.innerText(), /X个支持区/);
    assert.ok((await legend.locator('[data-schematic="true"] .schematic-mark').count()) >= 1);
  });

  test(
    'one legend, on the first screen: the switches, every schematic layer marked 示意, strength, halo, basis, imported sites; it folds',
    { timeout: 180_000 },
    async () => {
      await gotoReady(s);
      assert.equal(await s.page.locator('.layer-panel, [data-testid="map-legend"]').count(), 1, 'one legend on the page');
      const legend = s.page.locator('[data-testid="map-legend"]');
      const toggle = legend.getByRole('button', { name: '图例' });
      // open over the map at first on a wide screen, all of its box on the first screen
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      const box = (await legend.boundingBox())!;
      const map = (await s.page.locator('[data-testid="map"]').boundingBox())!;
      assert.ok(
        box.y >= map.y && box.y + box.height <= Math.min(900, map.y + map.height) && box.x >= map.x && box.x + box.width <= map.x + map.width,
        JSON.stringify({ box, map }),
      );
      for (const g of ['poles', 'serviceBelt', 'hBelt', 'ic', 'biomed', 'ai', 'digital']) {
        const marks = await legend.locator(`[data-group="${g}"] .legend-items .schematic-mark`).allInnerTexts();
        assert.ok(marks.length > 0 && marks.every((m) => m === '示意'), `${g}: ${JSON.stringify(marks)}`);
      }
      // the parks: the halo is the stated radius, the rings say why a park is there, the dot sizes the strength, and imported sites' colour
      const parks = await legend.locator('[data-group="parks"] .legend-items').innerText();
      for (const want of [
        /光晕为资料所述的误差半径/,
        /细外圈：规划点名/,
        /粗外圈：规划点名且列入特色园区名单/,
        /无外圈：仅列入特色园区名单/,
        /选定产业时，大点/,
        /小而淡的点/,
      ])
        assert.match(parks, want);
      assert.match(await legend.locator('[data-group="overlays"]').innerText(), /导入的点位（每个文件一种颜色）/);
      // every switch shows its state; a group switched off keeps its switch, unticked, and loses its entries
      assert.equal(await legend.locator('li[data-group] > label > input[type="checkbox"]:checked').count(), 10);
      // the districts switched off: their lines and names go, Shanghai's land stays (not the sea's colour)
      await onlyGroups(s.page, ['basemap', 'parks']);
      assert.deepEqual(await rendered(s.page, 'districts-line', 'name_zh'), []);
      assert.ok((await rendered(s.page, 'districts-fill', 'name_zh')).length >= 14, 'the land of every district in view is drawn');
      await onlyGroups(s.page, ['districts', 'parks']);
      assert.equal(await legend.locator('[data-group="poles"] input[type="checkbox"]').isChecked(), false);
      assert.equal(await legend.locator('[data-group="poles"] .legend-items').count(), 0);
      // it folds to its title and opens again
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await legend.locator('.legend-items:visible').count(), 0);
      await toggle.click();
      assert.ok((await legend.locator('[data-group="parks"] .legend-items li').count()) > 0);
    },
  );

  test('the map draws the basis ring around the parks the plan names, and none around a park of the list alone', { timeout: 180_000 }, async () => {
    await gotoReady(s);
    const ringed = await rendered(s.page, 'parks-basis');
    const dots = await rendered(s.page, 'parks-circle');
    assert.ok(ringed.length >= 10, `${ringed.length} rings`);
    assert.ok(
      ringed.every((id) => PARK_BASIS.get(id)?.includes('plan')),
      JSON.stringify(ringed),
    );
    const listOnly = dots.filter((id) => !PARK_BASIS.get(id)?.includes('plan'));
    assert.ok(listOnly.length > 0, 'a park of the list alone is in view');
    assert.deepEqual(
      listOnly.filter((id) => ringed.includes(id)),
      [],
    );
    // thick for both, thin for the plan alone
    const widths = await s.page.evaluate(() => (window as unknown as MapWindow).__map.getPaintProperty('parks-basis', 'circle-stroke-width'));
    assert.deepEqual(widths, ['match', ['get', 'basis'], 'both', 2.75, 1.25]);
  });

  test('inside the 临港 pole a click lists every zone there, smallest first; a choice opens its card and is highlighted', { timeout: 240_000 }, async () => {
    await gotoReady(s);
    for (const p of PARKS) {
      const [lng, lat] = p.geometry.coordinates;
      const km = Math.hypot((lng - LINGANG_OPEN[0]) * 95.3, (lat - LINGANG_OPEN[1]) * 111.2);
      assert.ok(km > 1, `the test point is ${km.toFixed(2)} km from a park`);
    }
    await jumpTo(s.page, LINGANG_OPEN[0], LINGANG_OPEN[1], 10.5);
    const at = await pagePoint(s.page, LINGANG_OPEN);
    await s.page.mouse.click(at.x, at.y);
    await s.page.locator(CHOOSER).waitFor();
    const rows = await chooserRows(s.page);
    const expected = zonesAt(LINGANG_OPEN, ALL_GROUPS);
    assert.ok(expected.length >= 8, `${expected.length} zones at the point`);
    assert.deepEqual(
      rows.map((r) => r.kind),
      expected.map(() => 'zone'),
    );
    assert.deepEqual(rows.map((r) => r.id).sort(), expected.map((z) => z.id).sort());
    // smallest area first
    const area = new Map(expected.map((z) => [z.id, z.area_km2!]));
    const areas = rows.map((r) => area.get(r.id)!);
    assert.deepEqual(
      areas,
      [...areas].sort((a, b) => a - b),
    );
    // the pole and the belt are one choice away
    assert.ok(rows.some((r) => r.id === 'lingang-pole'));
    assert.ok(rows.some((r) => r.id === 'h-east-corridor'));

    await s.page.locator(`${CHOOSER} li[data-id="lingang-pole"]`).click();
    await s.page.locator('article.zone-card[data-zone="lingang-pole"]').waitFor();
    assert.equal(await s.page.locator(CHOOSER).count(), 0);
    await mapIdle(s.page);
    assert.deepEqual(await rendered(s.page, 'zones-selected'), ['lingang-pole']);

    // by keyboard: the belt, from a fresh click
    await s.page.mouse.click(at.x, at.y);
    await s.page.locator(CHOOSER).waitFor();
    const k = (await chooserRows(s.page)).findIndex((r) => r.id === 'h-east-corridor');
    for (let i = 0; i < k; i++) await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('Enter');
    await s.page.locator('article.zone-card[data-zone="h-east-corridor"]').waitFor();
    await mapIdle(s.page);
    assert.deepEqual(await rendered(s.page, 'zones-selected'), ['h-east-corridor']);
    assert.deepEqual(s.errors, []);
  });

  test('the uncertainty halo has the radius the data states, to scale at every zoom', { timeout: 180_000 }, async () => {
    await gotoReady(s);
    await onlyGroups(s.page, ['parks']);
    const zhuqiao = PARK_RADIUS.get('zhuqiao')!;
    assert.equal(zhuqiao.radius_m, 2000);
    for (const zoom of [10, 12]) {
      await jumpTo(s.page, zhuqiao.at[0], zhuqiao.at[1], zoom);
      // the stated radius in px: metres over the ground resolution of a 512-px world at this zoom and latitude
      const rPx = (zhuqiao.radius_m * 512 * 2 ** zoom) / (2 * Math.PI * 6371008.8 * Math.cos((zhuqiao.at[1] * Math.PI) / 180));
      const haloAt = (dx: number) =>
        s.page.evaluate(
          ([lng, lat, dx]) => {
            const m = (window as unknown as MapWindow).__map;
            const c = m.project([lng!, lat!]);
            return m.queryRenderedFeatures([c.x - dx!, c.y], { layers: ['parks-halo'] }).map((f) => String(f.properties?.id));
          },
          [zhuqiao.at[0], zhuqiao.at[1], dx] as const,
        );
      assert.ok((await haloAt(0.9 * rPx)).includes('zhuqiao'), `zoom ${zoom}: inside ${(0.9 * rPx).toFixed(1)} px`);
      assert.ok(!(await haloAt(1.1 * rPx)).includes('zhuqiao'), `zoom ${zoom}: outside ${(1.1 * rPx).toFixed(1)} px`);
    }
  });

  test('a click with one place under it opens it directly', { timeout: 180_000 }, async () => {
    await gotoReady(s);
    await onlyGroups(s.page, ['poles']);
    await jumpTo(s.page, LINGANG_OPEN[0], LINGANG_OPEN[1], 10.5);
    const at = await pagePoint(s.page, LINGANG_OPEN);
    await s.page.mouse.click(at.x, at.y);
    await s.page.locator('article.zone-card[data-zone="lingang-pole"]').waitFor();
    assert.equal(await s.page.locator(CHOOSER).count(), 0);
  });
});

describe('the chooser and the legend on a phone (390×844)', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 390, height: 844 } });
  });
  after(async () => {
    await s?.close();
  });

  test('the one legend is folded to its title on the first screen, and opens over the map', { timeout: 180_000 }, async () => {
    await gotoReady(s);
    const legend = s.page.locator('[data-testid="map-legend"]');
    const toggle = legend.getByRole('button', { name: '图例' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    const title = (await toggle.boundingBox())!;
    assert.ok(title.y >= 0 && title.y + title.height <= 844 && title.x >= 0 && title.x + title.width <= 390, JSON.stringify(title));
    await toggle.click();
    const box = (await legend.boundingBox())!;
    const map = (await s.page.locator('[data-testid="map"]').boundingBox())!;
    assert.ok(
      box.y >= map.y - 1 && box.y + box.height <= Math.min(844, map.y + map.height) + 1 && box.x >= 0 && box.x + box.width <= 390,
      JSON.stringify({ box, map }),
    );
    assert.ok((await legend.locator('[data-group="parks"] .legend-items li').count()) >= 15);
    assert.ok((await legend.locator('.schematic-mark').count()) >= 8);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.deepEqual(s.errors, []);
  });

  test('stacked zones open the chooser as a sheet at the foot of the map; a tap on a row opens the card', { timeout: 240_000 }, async () => {
    await gotoReady(s);
    const toggle = s.page.locator('[data-testid="map-legend"]').getByRole('button', { name: '图例' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await jumpTo(s.page, LINGANG_OPEN[0], LINGANG_OPEN[1], 10.5);
    const at = await pagePoint(s.page, LINGANG_OPEN);
    assert.ok(at.inside);
    await s.page.mouse.click(at.x, at.y);
    const chooser = s.page.locator(CHOOSER);
    await chooser.waitFor();
    assert.match((await chooser.getAttribute('class')) ?? '', /\bsheet\b/);
    const sheet = (await chooser.boundingBox())!;
    const map = (await s.page.locator('[data-testid="map"]').boundingBox())!;
    assert.ok(
      sheet.x >= map.x && sheet.x + sheet.width <= map.x + map.width + 1 && sheet.y + sheet.height <= map.y + map.height + 1,
      JSON.stringify({ sheet, map }),
    );
    assert.equal((await chooserRows(s.page)).length, zonesAt(LINGANG_OPEN, ALL_GROUPS).length);
    await chooser.locator('li[data-id="lingang-pole"]').click();
    await s.page.locator('article.zone-card[data-zone="lingang-pole"]').waitFor();
    assert.deepEqual(s.errors, []);
  });
});
