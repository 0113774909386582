/**
 * npm run screenshots: builds the app and captures the README's pictures in headless Chromium
 * (offline guard on), into docs/. `-- --only <text>` takes only the pictures whose file name has
 * it; `-- --no-build` uses the dist/ already built.
 */
import { mkdirSync } from 'node:fs';
import { build } from 'vite';
import { openSession, startServer } from './lib/browser';

import type { Page } from 'playwright-core';

interface Shot {
  file: string;
  url: string;
  width: number;
  height: number;
  /** the part of the page to keep (default: all of it) */
  clip?: { x: number; y: number; width: number; height: number };
  /** what a user does before the picture is taken */
  act?: (page: Page) => Promise<void>;
}

const shots: Shot[] = [
  { file: 'docs/map-zh.png', url: '', width: 1400, height: 900 },
  { file: 'docs/map-filter-en.png', url: '?sector=ic&park=dongfang-xingang&lang=en#9.30/31.0800/121.6000', width: 1400, height: 900 },
  {
    // an investor: biomedicine parks, compared three at a time
    file: 'docs/find-compare-en.png',
    url: '?sector=biomed&lang=en',
    width: 1400,
    height: 900,
    act: async (page) => {
      for (const id of ['dongfang-meigu', 'shengming-lanwan', 'north-shanghai-biomed-park']) await page.locator(`button[data-compare="${id}"]`).click();
    },
  },
  {
    // own sites imported from a CSV, linked and drawn
    file: 'docs/sites-zh.png',
    url: '#10.00/31.2200/121.5200',
    width: 1400,
    height: 900,
    act: async (page) => {
      await page.setInputFiles('[data-testid="sites-file"]', 'tests/fixtures/sites/good.csv');
      await page.locator('.sites-status[data-phase="done"]').waitFor({ timeout: 30000 });
      await page.locator('.side.left').evaluate((el) => (el.scrollTop = el.scrollHeight));
    },
  },
  {
    // a click inside the Lingang pole: the chooser lists the nine zones stacked there
    file: 'docs/img/chooser-en.png',
    url: '?lang=en#10.50/30.9500/121.8000',
    width: 1400,
    height: 900,
    clip: { x: 280, y: 280, width: 780, height: 620 },
    act: async (page) => {
      const box = (await page.locator('[data-testid="map"]').boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.locator('.map-chooser').first().waitFor({ timeout: 30000 });
    },
  },
  {
    // the one legend, scrolled to the parks: colours, confidence, the halo, the basis rings, strength sizes
    file: 'docs/img/legend-en.png',
    url: '?lang=en',
    width: 1400,
    height: 900,
    clip: { x: 280, y: 330, width: 260, height: 550 },
    act: async (page) => {
      await page.locator('[data-testid="map-legend"] [data-group="parks"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    },
  },
  {
    // the statistics view's district profile: 浦东新区, districts ranked by biomedicine parks
    file: 'docs/img/stats-district.png',
    url: '?sector=biomed&view=stats&tab=district&profile=%E6%B5%A6%E4%B8%9C%E6%96%B0%E5%8C%BA',
    width: 1400,
    height: 900,
    act: async (page) => {
      await page.locator('[data-testid="rank-chart"] svg').waitFor({ timeout: 30000 });
    },
  },
  {
    // the audit, its first item chosen: the park selected and the map moved there
    file: 'docs/img/stats-audit-en.png',
    url: '?lang=en',
    width: 1400,
    height: 900,
    act: async (page) => {
      await page.getByTestId('stats-toggle').click();
      await page.locator('#stats-tab-audit').click();
      await page.locator('[data-testid="audit"] button[data-park]').first().click();
      await page.waitForTimeout(1500);
    },
  },
  {
    // the district profile on a phone, scrolled to the ranking
    file: 'docs/img/phone-stats-district.png',
    url: '?sector=ai',
    width: 390,
    height: 844,
    act: async (page) => {
      await page.getByTestId('stats-toggle').click();
      await page.locator('#stats-tab-district').click();
      await page.getByTestId('profile-district').selectOption('徐汇区');
      await page.locator('[data-testid="rank-chart"] svg').waitFor({ timeout: 30000 });
      await page.locator('[data-testid="rank-chart"]').scrollIntoViewIfNeeded();
    },
  },
];

/**
 * `npm run screenshots -- docs/img/legend-en.png`: only the pictures named (all when none are);
 * `--only <part>`: the pictures whose file holds it; `--no-build`: use the dist/ there is.
 */
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1]! : null;
const named = args.filter((a, i) => !a.startsWith('--') && (onlyAt < 0 || i !== onlyAt + 1));
if (!args.includes('--no-build')) await build({ logLevel: 'warn' });
mkdirSync('docs', { recursive: true });
const { server, base } = await startServer();
try {
  for (const shot of shots.filter((x) => (named.length === 0 || named.includes(x.file)) && (only === null || x.file.includes(only)))) {
    const s = await openSession(base, { viewport: { width: shot.width, height: shot.height } });
    try {
      await s.page.goto(base + shot.url);
      await s.page.waitForSelector('[data-map-ready="true"]', { timeout: 60000 });
      if (shot.act) await shot.act(s.page);
      // let late label placement and font slices settle: repaint, then wait for the next idle
      await s.page.evaluate(
        () =>
          new Promise((r) => {
            const map = (window as unknown as { __map: { once(e: string, f: () => void): void; triggerRepaint(): void } }).__map;
            map.once('idle', () => r(null));
            map.triggerRepaint();
          }),
      );
      await s.page.waitForTimeout(500);
      await s.page.screenshot({ path: shot.file, ...(shot.clip ? { clip: shot.clip } : {}) });
      if (s.offOrigin.length || s.errors.length) console.warn(shot.file, { offOrigin: s.offOrigin, errors: s.errors });
      console.log(`wrote ${shot.file}`);
    } finally {
      await s.close();
    }
  }
} finally {
  await server.close();
}
