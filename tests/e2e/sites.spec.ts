/**
 * "Bring your own sites" and "take it away" in a real browser (Chromium + SwiftShader, offline):
 * import by file picker and by drop, GCJ-02 choice, bad files (wrong header, bad rows with
 * confirm, binary, empty, huge), 100,000 points through the worker onto a clustered layer, a
 * site's card from the map, CSV/GeoJSON export contents, and the share link round trip + QR.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import iconv from 'iconv-lite';
import { openSession, startServer } from './harness';
import { camera, jumpTo, mapIdle, pagePoint, poll, renderedProps } from './driver';
import type { MapWindow } from './driver';
import type { Session } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const FIX = join(here, '../fixtures/sites');
const SHOTS = join(here, '.shots');
const READY = '[data-testid="map"][data-map-ready="true"]';
const FILE = '[data-testid="sites-file"]';
const PARKS: { geometry: { coordinates: [number, number] }; properties: { id: string; sectors: string[]; links: { sector: string; strength: string }[] } }[] =
  JSON.parse(readFileSync(join(here, '../../public/geo/parks.geojson'), 'utf8')).features;

let server: PreviewServer;
let base: string;
let tmp: string;

before(async () => {
  ({ server, base } = await startServer());
  tmp = mkdtempSync(join(tmpdir(), 'e2e-sites-'));
});
after(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function gotoReady(s: Session, query = ''): Promise<void> {
  s.errors.length = 0;
  s.offOrigin.length = 0;
  await s.page.goto(`${s.base}${query}`);
  await s.page.locator(READY).waitFor({ timeout: 30_000 });
}

async function waitPhase(page: Page, phase: string, timeout = 20_000): Promise<string> {
  const el = page.locator(`.sites-status[data-phase="${phase}"]`);
  await el.waitFor({ timeout });
  return (await el.textContent()) ?? '';
}
const setCounts = (page: Page) => page.locator('[data-testid="sites-sets"] > li').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));

function clean(s: Session): void {
  assert.deepEqual(s.offOrigin, [], 'no request left 127.0.0.1');
  assert.deepEqual(
    s.errors.filter((e) => !e.includes('Failed to load resource')),
    [],
    'no console or page errors',
  );
}

describe('sites: import, export, share', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base);
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.replace(/\/$/, '') });
  });
  after(async () => {
    await s?.close();
  });

  test('a good CSV (BOM, Chinese names) is linked in the worker, listed, drawn and its site card opens from the map', { timeout: 90_000 }, async () => {
    await gotoReady(s);
    const p = s.page;
    // once the page is idle the sites' layers are drawn once, unseen, and taken off again; the
    // sites' own source and layers wait on the map, empty, so an import changes no style and
    // only reloads the source's tiles
    await p.locator('[data-testid="map"][data-sites-warm="done"]').waitFor({ timeout: 30_000 });
    const left = await p.evaluate(() => {
      const m = (window as unknown as MapWindow).__map;
      const src = m.getSource('user-sites') as unknown as { serialize(): { type: string; tiles?: string[] } } | undefined;
      return {
        warm: m.getStyle().layers.filter((l) => /warm/.test(l.id)).length,
        warmSource: m.getSource('sites-warm') !== undefined,
        sites: m
          .getStyle()
          .layers.filter((l) => /^user-sites-/.test(l.id))
          .map((l) => l.id),
        source: src?.serialize().tiles,
      };
    });
    assert.deepEqual(
      left,
      {
        warm: 0,
        warmSource: false,
        sites: ['user-sites-cluster', 'user-sites-count', 'user-sites-point', 'user-sites-selected'],
        source: ['sitepoints://tiles/{z}/{x}/{y}?source=user-sites'],
      },
      'the warm-up leaves no copy, and the sites’ source on the map, empty',
    );
    // once the map has drawn that, the style does not change up to the sites drawn (no layer,
    // paint or filter)
    await p.evaluate(async () => {
      const w = window as unknown as MapWindow & { __styleChanges: number };
      const m = w.__map as unknown as { on(t: 'styledata', fn: () => void): void; once(t: 'idle'): Promise<unknown>; triggerRepaint(): void };
      const idle = m.once('idle');
      m.triggerRepaint();
      await idle;
      w.__styleChanges = 0;
      m.on('styledata', () => w.__styleChanges++);
    });
    // and the link worker is started before any file is picked
    for (let k = 0; k < 50 && !p.workers().some((w) => /link\.worker/.test(w.url())); k++) await p.waitForTimeout(100);
    assert.ok(
      p.workers().some((w) => /link\.worker/.test(w.url())),
      `the link worker waits for a file: ${p.workers().map((w) => w.url())}`,
    );
    assert.equal(await p.locator('input[name="site-crs"][value="wgs84"]').isChecked(), true, 'WGS-84 is the default');
    assert.match((await p.locator('.sites-crs').textContent()) ?? '', /WGS-84（GPS，默认）/);
    await p.setInputFiles(FILE, join(FIX, 'good.csv'));
    const done = await waitPhase(p, 'done');
    assert.match(done, /已导入 good\.csv：3 个地点/);
    assert.ok(
      p.workers().some((w) => /link\.worker/.test(w.url())),
      `a link worker runs: ${p.workers().map((w) => w.url())}`,
    );
    assert.deepEqual(await setCounts(p), [3]);
    const list = (await p.locator('[data-testid="sites-sets"]').textContent()) ?? '';
    assert.ok(list.includes('人民广场') && list.includes('黄浦区') && list.includes('浦东新区'), list);

    // on the map: zoomed in, the three are single points; at city scale they may cluster
    await jumpTo(p, 121.5906, 31.2036, 15);
    const points = await renderedProps(p, 'user-sites-point');
    assert.ok(
      points.some((f) => f.i === 1),
      `the Zhangjiang site is drawn: ${JSON.stringify(points)}`,
    );
    // in the first file's colour, carried by the site itself
    assert.ok(
      points.every((f) => f.c === 0),
      `colour slot 0: ${JSON.stringify(points)}`,
    );
    assert.equal(await p.evaluate(() => (window as unknown as { __styleChanges: number }).__styleChanges), 0, 'the import changed no layer, paint or filter');
    const at = await p.evaluate(() => {
      const m = (window as unknown as MapWindow).__map;
      const pt = m.project([121.5906, 31.2036]);
      const r = m.getContainer().getBoundingClientRect();
      return { x: r.left + pt.x, y: r.top + pt.y };
    });
    await p.mouse.click(at.x, at.y);
    const card = p.locator('article.site-card');
    await card.waitFor({ timeout: 30_000 });
    const text = (await card.textContent()) ?? '';
    assert.match(text, /张江科学城/);
    assert.match(text, /浦东新区/);
    assert.match(text, /张江科技创新极/);
    assert.ok((await card.locator('[data-via="zone"]').count()) >= 1, 'a zone reason');
    // the site lies inside the 张江 pole: the click is the site's, not the zone's
    assert.equal(await p.locator('article.zone-card').count(), 0, 'no zone card for a click on a site');
    await mapIdle(p);
    assert.deepEqual(
      (await renderedProps(p, 'user-sites-selected')).map((f) => f.i),
      [1],
      'the picked site is ringed',
    );
    mkdirSync(SHOTS, { recursive: true });
    await p.screenshot({ path: join(SHOTS, 'sites-card-zh.png') });

    // the find overlay, added only now (its first radius), still goes below the imported sites
    await p.getByTestId('find-search').fill('张江国家集成电路');
    await p.getByRole('option').first().waitFor();
    await p.getByTestId('find-search').press('Enter');
    await p.getByTestId('find-origin').waitFor();
    await p.getByTestId('find-radius').fill('10');
    await p.getByTestId('find-within-title').waitFor();
    const order = await p.evaluate(() => (window as unknown as MapWindow).__map.getStyle().layers.map((l) => l.id));
    assert.ok(order.includes('find-radius-fill'), 'the radius is drawn');
    assert.ok(order.indexOf('find-radius-fill') < order.indexOf('user-sites-cluster'), `find layers below the sites: ${order.join(' ')}`);
    clean(s);
  });

  test(
    'an import reloads the tiles in view, and those it adds no site to stay as they were (their ETag): no new layout, no frame for them',
    { timeout: 60_000 },
    async () => {
      await gotoReady(s);
      const p = s.page;
      await p.locator('[data-testid="map"][data-sites-warm="done"]').waitFor({ timeout: 30_000 });
      await jumpTo(p, 121.62, 31.1, 10);
      // the zoom-10 tiles in view, and those of them that the two sites below lie in (slippy-map numbering)
      const [w, south, e, north] = await p.evaluate(() => {
        const b = (window as unknown as MapWindow).__map.getBounds();
        return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
      });
      const tileOf = (lon: number, lat: number): [number, number] => {
        const r = (lat * Math.PI) / 180;
        return [Math.floor(((lon + 180) / 360) * 1024), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 1024)];
      };
      const [x0, y0] = tileOf(w, north);
      const [x1, y1] = tileOf(e, south);
      const inView = new Set<string>();
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) inView.add(`10/${x}/${y}`);
      // two of good.csv's sites, both well inside the view (a site out of sight would move the map to it)
      const sites = [
        [121.4737, 31.2304],
        [121.5906, 31.2036],
      ];
      const withSites = sites
        .map(([lon, lat]) => `10/${tileOf(lon!, lat!).join('/')}`)
        .filter((t, k, all) => inView.has(t) && all.indexOf(t) === k)
        .sort();
      assert.ok(withSites.length >= 1 && inView.size > withSites.length + 1, `tiles in view ${[...inView]}, with sites ${withSites}`);
      await p.evaluate(() => {
        const w = window as unknown as MapWindow & { __reloaded: string[] };
        w.__reloaded = [];
        (
          w.__map as unknown as {
            on(t: 'sourcedata', fn: (e: { sourceId?: string; tile?: { tileID: { canonical: { z: number; x: number; y: number } } } }) => void): void;
          }
        ).on('sourcedata', (ev) => {
          const c = ev.tile?.tileID.canonical;
          if (ev.sourceId === 'user-sites' && c) w.__reloaded.push(`${c.z}/${c.x}/${c.y}`);
        });
      });
      writeFileSync(join(tmp, 'two.csv'), `id,name,lon,lat\n${sites.map(([x, y], i) => `S${i},Site ${i},${x},${y}`).join('\n')}\n`);
      await p.setInputFiles(FILE, join(tmp, 'two.csv'));
      await waitPhase(p, 'done');
      const reloaded = () => p.evaluate(() => [...new Set((window as unknown as { __reloaded: string[] }).__reloaded)].sort());
      await poll('the tiles with sites loaded again', reloaded, (r) => withSites.every((t) => r.includes(t)));
      await mapIdle(p);
      // MapLibre reloaded every tile in view; only those with sites came back as new data
      assert.deepEqual(await reloaded(), withSites);
      const drawn = [...(await renderedProps(p, 'user-sites-point')), ...(await renderedProps(p, 'user-sites-cluster'))];
      assert.ok(drawn.length >= 1, 'the sites are drawn');
      clean(s);
    },
  );

  test('GCJ-02 input is converted when chosen', { timeout: 60_000 }, async () => {
    await gotoReady(s);
    const p = s.page;
    await p.locator('input[name="site-crs"][value="gcj02"]').check();
    await p.setInputFiles(FILE, join(FIX, 'gcj02.csv'));
    await waitPhase(p, 'done');
    await jumpTo(p, 121.4737, 31.2304, 16);
    // the sites' layers come once their tile script is in MapLibre's workers (it may still be loading)
    const pt = await poll(
      'site 0 drawn',
      () =>
        p.evaluate(() => {
          const m = (window as unknown as MapWindow).__map;
          const f = m.getLayer('user-sites-point') ? m.queryRenderedFeatures({ layers: ['user-sites-point'] }).find((x) => x.properties?.i === 0) : undefined;
          return f && f.geometry.type === 'Point' ? f.geometry.coordinates : null;
        }),
      (v) => v !== null,
      30_000,
    );
    assert.ok(pt, 'site 0 drawn');
    assert.ok(Math.abs(pt[0]! - 121.4737) < 2e-4 && Math.abs(pt[1]! - 31.2304) < 2e-4, `drawn at the WGS-84 place: ${pt}`);
    assert.match((await p.locator('[data-testid="sites-sets"]').textContent()) ?? '', /GCJ-02/);
    clean(s);
  });

  test('bad files are refused with the rows named; valid rows import after confirming; earlier imports stay', { timeout: 120_000 }, async () => {
    await gotoReady(s);
    const p = s.page;
    await p.setInputFiles(FILE, join(FIX, 'good.csv'));
    await waitPhase(p, 'done');

    await p.setInputFiles(FILE, join(FIX, 'bad-header.csv'));
    let msg = await waitPhase(p, 'failed');
    assert.match(msg, /bad-header\.csv 无法导入/);
    assert.match(msg, /没有 lon 和 lat 列（找到的列："x", "y", "name"）/);

    await p.setInputFiles(FILE, join(FIX, 'binary.png'));
    msg = await waitPhase(p, 'failed');
    assert.match(msg, /binary\.png 无法导入.*二进制内容/);

    await p.setInputFiles(FILE, join(FIX, 'empty.csv'));
    msg = await waitPhase(p, 'failed');
    assert.match(msg, /empty\.csv 无法导入.*文件是空的/);

    const huge = join(tmp, 'huge.csv');
    writeFileSync(huge, 'lon,lat\n' + '121.4737,31.2304\n'.repeat(3_200_000));
    await p.setInputFiles(FILE, huge);
    msg = await waitPhase(p, 'failed', 60_000);
    assert.match(msg, /huge\.csv 无法导入.*文件大小 5\d\.\d MB，上限为 50 MB/);
    rmSync(huge);

    await p.setInputFiles(FILE, join(FIX, 'mixed-bad-rows.csv'));
    msg = await waitPhase(p, 'review');
    assert.match(msg, /mixed-bad-rows\.csv：3 行有效，2 行有误/);
    const lines = await p.locator('[data-testid="sites-errors"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-line')));
    assert.deepEqual(lines, ['3', '6'], 'line 5 (北京) is outside Shanghai: an answer, not a bad row');
    assert.match(msg, /第 3 行 lon "abc" 不是数字/);
    assert.match(msg, /第 6 行 缺少 lat/);
    assert.match(msg, /其中 1 个在上海市域外/);
    assert.deepEqual(await setCounts(p), [3], 'nothing added before confirming');
    await p.getByTestId('sites-confirm').click();
    assert.match(await waitPhase(p, 'done'), /跳过 2 行/);
    assert.deepEqual(await setCounts(p), [3, 3], 'the earlier import is untouched');
    assert.match((await p.locator('[data-testid="sites-sets"] > li').nth(1).textContent()) ?? '', /北京天安门上海市域外/);
    // the parks are untouched too
    await mapIdle(p);
    assert.ok((await renderedProps(p, 'parks-circle')).length >= 25);
    clean(s);
  });

  test('a GeoJSON file dropped on the map is imported', { timeout: 60_000 }, async () => {
    await gotoReady(s);
    const p = s.page;
    const text = readFileSync(join(FIX, 'sites.geojson'), 'utf8');
    await p.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'sites.geojson', { type: 'application/geo+json' }));
      const target = document.querySelector('[data-testid="map"]')!;
      target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }));
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, text);
    assert.match(await waitPhase(p, 'done'), /已导入 sites\.geojson：2 个地点/);
    assert.equal(await p.getByTestId('sites-drop').count(), 0, 'the drop veil is gone');
    clean(s);
  });

  test('100,000 points are linked in the worker and drawn as clusters with counts', { timeout: 180_000 }, async () => {
    await gotoReady(s);
    const p = s.page;
    // MapLibre's workers hear the points channel once the page's warm-up has loaded the sites'
    // tile script into them (at idle after ready); a worker that has not heard a set asks for it,
    // and it is said again: the hand-off checked below is the warm page's
    await p.locator('[data-testid="map"][data-sites-warm="done"]').waitFor({ timeout: 30_000 });
    const big = join(tmp, 'big.csv');
    const rows = ['id,lon,lat'];
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 100_000; i++) rows.push(`B${i},${(121.2 + rnd() * 0.6).toFixed(5)},${(30.95 + rnd() * 0.4).toFixed(5)}`);
    writeFileSync(big, rows.join('\n'));
    // what is said on the points channel (this page's own messages too)
    await p.evaluate(() => {
      const w = window as unknown as { __said: [string, string, number][] };
      w.__said = [];
      new BroadcastChannel('sitepoints').onmessage = (e: MessageEvent<{ kind: string; ch: string; coords?: Float64Array }>) =>
        void w.__said.push([e.data.kind, e.data.ch, e.data.coords?.length ?? -1]);
    });
    await p.setInputFiles(FILE, big);
    // points in the box but in the sea or in Jiangsu are sites outside Shanghai, not bad rows
    await p.locator('.sites-status[data-phase="done"]').waitFor({ timeout: 120_000 });
    const ms = Number(await p.locator('.sites-status[data-phase="done"]').getAttribute('data-link-ms', { timeout: 30_000 }));
    console.log(`100,000 points read + linked in the worker in ${ms} ms`);
    const [count] = await setCounts(p);
    assert.equal(count, 100_000, 'every point is a site');
    const outside = Number(await p.locator('[data-testid="sites-sets"] > li').first().getAttribute('data-outside'));
    assert.ok(outside > 0 && outside < 5_000, `a few of the random points lie outside Shanghai, and are kept: ${outside}`);
    assert.equal(await p.locator('[data-testid="sites-sets"] .set-sites li').count(), 20, 'the list shows the first 20 only');
    await jumpTo(p, 121.5, 31.15, 9);
    // MapLibre's worker took the sites from the link worker: the source is a vector source whose
    // tiles template names only the source (each tile request names the sets shown then); the
    // link worker said the 100,000 × 2 coordinates once on the points channel, and the page said
    // nothing (no worker had to ask for them: see below) and holds no features
    const handed = await p.evaluate(() => {
      type Src = { type: string; serialize(): { tiles?: string[]; maxzoom?: number } };
      const src = (window as unknown as { __map: { getSource(id: string): Src } }).__map.getSource('user-sites');
      const spec = src.serialize();
      const said = (window as unknown as { __said: [string, string, number][] }).__said;
      return {
        type: src.type,
        tiles: spec.tiles,
        maxzoom: spec.maxzoom,
        said: said.map(([kind, ch, n]) => [kind, /^points:/.test(ch) ? 'a points key' : ch, n]),
      };
    });
    assert.deepEqual(handed, {
      type: 'vector',
      tiles: ['sitepoints://tiles/{z}/{x}/{y}?source=user-sites'],
      maxzoom: 15,
      said: [['points', 'a points key', 200_000]],
    });
    // wait until the clusters hold them all
    let clusters: Record<string, unknown>[] = [];
    for (let tries = 0; tries < 60; tries++) {
      await mapIdle(p);
      clusters = await renderedProps(p, 'user-sites-cluster');
      if (clusters.reduce((n, c) => n + Number(c.point_count), 0) > count! * 0.9) break;
      await p.waitForTimeout(500);
    }
    assert.ok(clusters.length > 0, 'clusters drawn');
    const saidAfter = await p.evaluate(() => (window as unknown as { __said: unknown[] }).__said.length);
    assert.equal(saidAfter, 1, 'the tiles were cut from what the link worker said: nothing asked, nothing said again');
    assert.ok(
      clusters.some((c) => Number(c.point_count) > 1000),
      'big clusters',
    );
    const total = clusters.reduce((n, c) => n + Number(c.point_count), 0);
    assert.ok(total > count! * 0.9, `the clusters in view hold most sites: ${total} of ${count}`);
    assert.ok((await renderedProps(p, 'user-sites-count')).length > 0, 'count labels drawn');
    // a click on the biggest cluster flies to the zoom it splits at, centred on it
    const target = await p.evaluate(() => {
      const m = (window as unknown as MapWindow).__map;
      const f = m
        .queryRenderedFeatures({ layers: ['user-sites-cluster'] })
        .sort((a, b) => Number(b.properties.point_count) - Number(a.properties.point_count))[0]!;
      const [lng, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
      const pt = m.project([lng, lat]);
      const r = m.getContainer().getBoundingClientRect();
      return { x: r.left + pt.x, y: r.top + pt.y, lng, lat, expand: Number(f.properties.expand), zoom: m.getZoom() };
    });
    assert.ok(target.expand > target.zoom && target.expand <= 15, `a cluster names a deeper zoom: ${JSON.stringify(target)}`);
    await p.mouse.click(target.x, target.y);
    // the flight's end: at its zoom and at rest (a frame near the end can be at the zoom while the centre is still short)
    await p.waitForFunction(
      (z) => {
        const m = (window as unknown as MapWindow).__map;
        return Math.abs(m.getZoom() - z) < 0.01 && !m.isMoving();
      },
      target.expand,
      { timeout: 30_000 },
    );
    const after = await camera(p);
    assert.ok(Math.abs(after.lng - target.lng) < 1e-3 && Math.abs(after.lat - target.lat) < 1e-3, `centred on the cluster: ${JSON.stringify(after)}`);
    rmSync(big);
    clean(s);
  });

  test(
    'a GBK file from Excel: encoding said, outside Shanghai kept, swapped rows fixed in one step, duplicate warned, relinked in another CRS, formulas neutralised on export',
    { timeout: 120_000 },
    async () => {
      await gotoReady(s);
      const p = s.page;
      const gbk = join(tmp, 'excel-gbk.csv');
      const text = [
        'id,名称,经度,纬度',
        'G1,人民广场,121.4737,31.2304',
        'K1,昆山,120.98,31.39',
        'W1,张江（经纬度对调）,31.2036,121.5906',
        'F1,"=HYPERLINK(""http://example.invalid"",""click"")",121.5,31.2',
      ].join('\r\n');
      writeFileSync(gbk, iconv.encode(text, 'gbk'));
      await p.setInputFiles(FILE, gbk);
      let msg = await waitPhase(p, 'review');
      assert.match(msg, /excel-gbk\.csv：3 行有效，1 行有误/);
      assert.match(msg, /读取编码：GBK \/ GB18030（自动识别）/);
      assert.match(msg, /第 4 行 经纬度看似对调/);
      await p.getByTestId('sites-swap').click();
      msg = await waitPhase(p, 'done');
      assert.match(msg, /已导入 excel-gbk\.csv：4 个地点/);
      assert.match(msg, /其中 1 个在上海市域外/);
      const list = (await p.locator('[data-testid="sites-sets"]').textContent()) ?? '';
      assert.ok(list.includes('人民广场黄浦区') && list.includes('昆山上海市域外') && list.includes('张江（经纬度对调）浦东新区'), list);

      // the same file again: a warning first
      await p.setInputFiles(FILE, gbk);
      msg = await waitPhase(p, 'review');
      assert.match(msg, /此文件已导入过（与 excel-gbk\.csv 内容相同）/);
      await p.getByTestId('sites-cancel').click();
      assert.deepEqual(await setCounts(p), [4]);

      // the coordinates were GCJ-02 after all: the set is linked again and redrawn ≈ 500 m to the west
      const drawnAt = async () => {
        await jumpTo(p, 121.4737, 31.2304, 15);
        return p.evaluate(() => {
          const m = (window as unknown as MapWindow).__map;
          const f = m.getLayer('user-sites-point') ? m.queryRenderedFeatures({ layers: ['user-sites-point'] }).find((x) => x.properties?.i === 0) : undefined;
          return f && f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : null;
        });
      };
      const before = await poll('site 0 drawn', drawnAt, (v) => v !== null, 30_000);
      assert.ok(before && Math.abs(before[0] - 121.4737) < 2e-4, `drawn where the file says: ${before}`);
      await p.getByTestId('site-set-crs').selectOption('gcj02');
      await p.waitForFunction(
        () =>
          document.querySelector('[data-testid="site-set-crs"]') &&
          (document.querySelector('[data-testid="site-set-crs"]') as HTMLSelectElement).value === 'gcj02',
      );
      let after: [number, number] | null = null;
      for (let tries = 0; tries < 40 && !(after && after[0] < 121.4737 - 0.003); tries++) {
        after = await drawnAt();
        if (!(after && after[0] < 121.4737 - 0.003)) await p.waitForTimeout(250);
      }
      assert.ok(after && after[0] < 121.4737 - 0.003 && Math.abs(after[1] - 31.2304) > 0.001, `redrawn to the west after GCJ-02 → WGS-84: ${after}`);

      // export: the formula is text, the site outside Shanghai says so
      await p.locator('input[data-export="parks"]').uncheck();
      const [dl] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-csv').click()]);
      const csv = readFileSync(await dl.path())
        .subarray(3)
        .toString('utf8');
      assert.ok(csv.includes(`F1,,"'=HYPERLINK(""http://example.invalid"",""click"")",`), csv);
      assert.match(csv, /\r\nK1,昆山,,120\.9\d*,31\.39\d*,上海市域外,/);
      for (const line of csv.trim().split('\r\n')) for (const cell of line.split(',')) assert.doesNotMatch(cell, /^[=+@]/, `no formula cell in ${line}`);
      clean(s);
    },
  );

  test('an imported set the map does not show is framed; one it shows already leaves the camera; "Show on map" frames a set', { timeout: 90_000 }, async () => {
    await gotoReady(s, '?lang=en');
    const p = s.page;
    const still = await camera(p);
    await p.setInputFiles(FILE, join(FIX, 'good.csv'));
    await waitPhase(p, 'done');
    await mapIdle(p);
    const after = await camera(p);
    // the first view shows 人民广场, 张江 and 临港: the camera stays
    assert.deepEqual([after.lng, after.lat, after.zoom], [still.lng, still.lat, still.zoom], 'the camera did not move');
    const clear = async (what: string, sites: [number, number][]) => {
      const legend = (await p.getByTestId('map-legend').boundingBox())!;
      const c = await poll(
        `${what}: every site on the map, clear of the legend`,
        async () => ({ cam: await camera(p), at: await Promise.all(sites.map((ll) => pagePoint(p, ll))) }),
        (v) =>
          !v.cam.moving &&
          v.at.every((a) => a.inside && !(a.x >= legend.x && a.x <= legend.x + legend.width && a.y >= legend.y && a.y <= legend.y + legend.height)),
        20_000,
      );
      return c.cam;
    };
    // away at 临港, zoomed in: a set in 青浦 is out of sight, and the map goes to it
    await jumpTo(p, 121.93, 30.9, 12);
    const qingpu: [number, number][] = [
      [121.05, 31.15],
      [121.12, 31.2],
    ];
    writeFileSync(join(tmp, 'qingpu.csv'), `id,name,lon,lat\n${qingpu.map(([x, y], i) => `Q${i},Qingpu ${i},${x},${y}`).join('\n')}\n`);
    await p.setInputFiles(FILE, join(tmp, 'qingpu.csv'));
    await waitPhase(p, 'done');
    const there = await clear('青浦', qingpu);
    assert.ok(there.lng < 121.3, `the map moved west to 青浦: ${JSON.stringify(there)}`);
    // "Show on map" on the first file's row: its three sites
    await p.locator('[data-testid="sites-sets"] > li').first().getByTestId('site-set-show').click();
    await clear('good.csv', [
      [121.4737, 31.2304],
      [121.5906, 31.2036],
      [121.9269, 30.9006],
    ]);
    clean(s);
  });

  test("a site outside Shanghai is framed with the city, clear of the legend, on land drawn to the map's edges", { timeout: 90_000 }, async () => {
    await gotoReady(s, '?lang=en');
    const p = s.page;
    const csv = join(tmp, 'hangzhou.csv');
    writeFileSync(csv, 'id,name,lon,lat\nH1,Hangzhou office,120.155,30.274\nS1,Peoples Square,121.4737,31.2304\n');
    await p.setInputFiles(FILE, csv);
    await waitPhase(p, 'done');
    await p.locator('[data-testid="sites-sets"] button[data-site="0"]').click();
    // the camera comes to rest away from where it was (Shanghai's first view)
    await poll(
      'the camera at rest, zoomed out',
      () => camera(p),
      (c) => !c.moving && c.zoom < 8.6,
      20_000,
    );
    await mapIdle(p);
    const map = (await p.getByTestId('map').boundingBox())!;
    const legend = (await p.getByTestId('map-legend').boundingBox())!;
    for (const [what, ll] of [
      ['Hangzhou', [120.155, 30.274]],
      ["People's Square", [121.4737, 31.2304]],
    ] as const) {
      const at = await pagePoint(p, [ll[0], ll[1]]);
      assert.ok(at.inside, `${what} on the map: ${JSON.stringify(at)}`);
      const underLegend = at.x >= legend.x && at.x <= legend.x + legend.width && at.y >= legend.y && at.y <= legend.y + legend.height;
      assert.ok(!underLegend, `${what} clear of the legend: ${JSON.stringify({ at, legend })}`);
    }
    // land is drawn out to the map's left edge (Zhejiang and Anhui west of Hangzhou), not cut off in a straight line
    const left = await p.evaluate(
      ([y]) => {
        const m = (window as unknown as MapWindow).__map;
        const pt: [number, number] = [4, y!];
        return { lng: m.unproject(pt).lng, layers: m.queryRenderedFeatures(pt, { layers: ['provinces-fill'] }).map((f) => String(f.properties?.name_zh)) };
      },
      [(await pagePoint(p, [120.155, 30.274])).y - map.y] as const,
    );
    assert.ok(left.lng < 119.9, `the map reaches west of 119.9°E: ${left.lng}`);
    assert.ok(left.layers.length > 0 && left.layers.every((n) => ['浙江省', '安徽省'].includes(n)), `land at the map's left edge: ${JSON.stringify(left)}`);
    clean(s);
  });

  test('export: CSV with BOM and the filtered parks + sites with sectors; GeoJSON with links', { timeout: 60_000 }, async () => {
    await gotoReady(s, '?sector=ic');
    const p = s.page;
    await p.setInputFiles(FILE, join(FIX, 'good.csv'));
    await waitPhase(p, 'done');
    // the parks the filter shows: strong links to ic by default
    const icParks = PARKS.filter((f) => f.properties.links.some((l) => l.sector === 'ic' && l.strength !== 'broad')).map((f) => f.properties.id);

    const [csvDl] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-csv').click()]);
    const csv = readFileSync(await csvDl.path());
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const lines = csv.subarray(3).toString('utf8').trim().split('\r\n');
    assert.equal(
      lines[0],
      'id,name_zh,name_en,lon,lat,district,zones,sectors,reasons,confidence,source,basis,strengths,area_km2,area_source,list_batch,list_category,position_method,radius_m,kind',
    );
    assert.match(csvDl.suggestedFilename(), /^shanghai-sei-parks-sites-\d{4}-\d{2}-\d{2}\.csv$/);
    // the last column says which rows are parks and which are the imported sites
    assert.deepEqual(
      lines.slice(1).map((l) => l.slice(l.lastIndexOf(',') + 1)),
      [...Array(icParks.length).fill('park'), 'site', 'site', 'site'],
    );
    assert.equal(lines.length, 1 + icParks.length + 3, 'the parks the filter shows and the 3 sites');
    const ids = lines.slice(1).map((l) => l.split(',')[0]);
    for (const id of icParks) assert.ok(ids.includes(id), `park ${id} exported`);
    const zj = lines.find((l) => l.startsWith('S2,'))!;
    assert.match(zj, /张江科学城/);
    assert.match(zj, /集成电路/);
    assert.match(zj, /集成电路: 位于 张江科技创新极/);

    await p.locator('input[data-export="parks"]').uncheck();
    const [geoDl] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-geojson').click()]);
    const fc = JSON.parse(readFileSync(await geoDl.path(), 'utf8'));
    assert.equal(fc.features.length, 3);
    const f = fc.features.find((x: { id: string }) => x.id === 'S2');
    assert.ok(f.properties.sectors.includes('ic'));
    assert.ok(f.properties.links.some((l: { zone: string }) => l.zone === 'zhangjiang-pole'));
    assert.ok(f.properties.reasons.length > 0);
    clean(s);
  });

  test('share link: copied, QR drawn locally, and it restores filter, selection and language without the imports', { timeout: 90_000 }, async () => {
    const park = PARKS.find((f) => f.properties.sectors.includes('ic'))!.properties.id;
    await gotoReady(s, `?sector=ic&park=${park}&lang=en`);
    const p = s.page;
    await p.setInputFiles(FILE, join(FIX, 'good.csv'));
    await waitPhase(p, 'done');
    // the map goes to the sites (out of sight at the park's zoom), and the link's camera with it
    await poll(
      'the map at rest',
      () => camera(p),
      (c) => !c.moving,
    );
    await mapIdle(p);
    await p.getByTestId('share-open').click();
    const url = await p.getByTestId('share-url').inputValue();
    assert.ok(url.startsWith(base), url);
    assert.match(url, /sector=ic/);
    assert.match(url, new RegExp(`park=${park}`));
    assert.match(url, /lang=en/);
    assert.doesNotMatch(url, /good|S1|site/i, 'imports are not in the link');
    await p.getByTestId('share-copy').click();
    await p.locator('.copy-state[data-copied="yes"]').waitFor({ timeout: 30_000 });
    assert.equal(await p.evaluate(() => navigator.clipboard.readText()), url);
    const qr = p.getByTestId('share-qr');
    await qr.waitFor({ timeout: 10_000 });
    assert.equal(await qr.getAttribute('data-url'), url);
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/svg\+xml/);
    assert.ok(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the QR image decodes');
    await p.screenshot({ path: join(SHOTS, 'sites-share-en.png') });

    // round trip in a fresh page
    const q = await s.context.newPage();
    await q.goto(url);
    await q.locator(READY).waitFor({ timeout: 30_000 });
    assert.equal(await q.locator('input[data-sector="ic"]').isChecked(), true, 'the filter is restored');
    await q.locator(`article.park-card[data-park="${park}"]`).waitFor({ timeout: 30_000 });
    assert.equal(await q.locator('html').getAttribute('lang'), 'en');
    assert.equal(await q.locator('[data-testid="sites-sets"]').count(), 0, 'no imported sites');
    await q.close();
    clean(s);
  });
});
