/**
 * Chinese text on a machine with no CJK font: Chromium is given a fontconfig that lists only
 * DejaVu. The page must then fall back to the bundled Noto Sans SC (and the map's labels must
 * still be placed); with a system CJK font, the page uses it and downloads nothing for its text.
 * The map's labels draw from cuts of the font made for them, which the page loads in one file (the
 * labels' pack) before it draws its panels; the whole slices stay behind them.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openSession, startServer } from './harness';
import { rendered } from './driver';

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
/** the font package's folder (its 400.css lists the slices and their unicode-range) */
const fontsource = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css'));
let server: PreviewServer;
let base: string;

before(async () => {
  ({ server, base } = await startServer());
});
after(async () => {
  await server?.close();
});

/** The fonts the browser actually used to draw the first element matching `selector`. */
async function usedFonts(page: Page, selector: string): Promise<{ familyName: string; isCustomFont: boolean }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => ({ familyName: f.familyName, isCustomFont: f.isCustomFont }));
}

async function ready(page: Page): Promise<void> {
  await page.goto(base);
  await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready.then(() => null));
}

describe('Chinese text without a CJK system font', () => {
  test('the page falls back to the bundled font, and the map still places Chinese labels', { timeout: 120_000 }, async () => {
    assert.ok(existsSync(DEJAVU), `${DEJAVU} is needed for this test (fonts-dejavu-core; .ci/run installs it)`);
    const dir = mkdtempSync(join(tmpdir(), 'fc-nocjk-'));
    const conf = join(dir, 'fonts.conf');
    writeFileSync(
      conf,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${DEJAVU}</dir><cachedir>${dir}/cache</cachedir></fontconfig>\n`,
    );
    const s = await openSession(base, { env: { FONTCONFIG_FILE: conf } });
    try {
      await ready(s.page);
      const fonts = await usedFonts(s.page, 'h1');
      assert.ok(
        fonts.some((f) => f.familyName.startsWith('Noto Sans SC') && f.isCustomFont),
        `h1 drawn with ${JSON.stringify(fonts)}`,
      );
      assert.ok(!fonts.some((f) => /CJK|WenQuanYi/i.test(f.familyName)), 'no system CJK font was visible');
      assert.ok((await rendered(s.page, 'parks-label', 'label_zh')).length >= 8, 'Chinese park labels are placed');
      assert.deepEqual(s.offOrigin, []);
    } finally {
      await s.close();
    }
  });

  test('with a system CJK font, the page text uses it (no web font needed)', { timeout: 120_000 }, async () => {
    const s = await openSession(base);
    try {
      await ready(s.page);
      const fonts = await usedFonts(s.page, 'h1');
      assert.ok(fonts.length > 0 && fonts.every((f) => !f.isCustomFont), `h1 drawn with ${JSON.stringify(fonts)}`);
    } finally {
      await s.close();
    }
  });

  test(
    "the map's labels load none of the page's slices that hold the space, and the page's text is not laid out again for them",
    { timeout: 120_000 },
    async () => {
      // the whole slices whose unicode-range covers U+0020, read from the font package's own CSS
      const css = readFileSync(join(fontsource, '400.css'), 'utf8');
      const spaceSlices = css
        .split('@font-face')
        .slice(1)
        .filter((block) =>
          (/unicode-range:\s*([^;]+);/.exec(block)?.[1] ?? '').split(',').some((r) => {
            const [a, b] = r
              .trim()
              .replace(/^U\+/i, '')
              .split('-')
              .map((x) => parseInt(x, 16));
            return a! <= 0x20 && 0x20 <= (b ?? a)!;
          }),
        )
        .map((block) => /files\/([^)]+)\.woff2/.exec(block)![1]!);
      assert.ok(spaceSlices.length >= 1, 'the package has slices that hold the space');
      const s = await openSession(base);
      try {
        const fonts: string[] = [];
        s.page.on('request', (r) => {
          if (/\.woff2(pack)?$/.test(new URL(r.url()).pathname)) fonts.push(new URL(r.url()).pathname.split('/').pop()!);
        });
        await ready(s.page);
        // MapLibre draws the vertical comma of its vertical labels (︑, in no slice) with the font
        // stack's own name: give any load it starts time to begin
        await s.page.waitForTimeout(500);
        await s.page.evaluate(() => document.fonts.ready.then(() => null));
        const whole = fonts.filter((f) => f.endsWith('.woff2') && !f.includes('-labels-'));
        assert.deepEqual(
          whole.filter((f) => spaceSlices.some((n) => f.startsWith(`${n}-`))),
          [],
          `whole slices downloaded: ${JSON.stringify(whole)}`,
        );
        assert.ok(
          fonts.some((f) => f.endsWith('.woff2pack')),
          `the map's cuts were downloaded: ${JSON.stringify(fonts)}`,
        );
      } finally {
        await s.close();
      }
    },
  );
});

/** The unicode-range items of each loaded face of the map's font (the pack's faces, src/map/map-font.ts, where no font file was downloaded). */
async function loadedMapFaces(page: Page): Promise<string[][]> {
  return page.evaluate(() =>
    [...document.fonts]
      .filter((f) => f.status === 'loaded' && f.family.replace(/['"]/g, '') === 'Noto Sans SC')
      .map((f) => f.unicodeRange.split(',').map((x) => x.trim())),
  );
}

/** The map's @font-face rules, as the page declared them (src/map/map-font.ts): src URL's file name and unicode-range items. */
async function mapFaces(page: Page): Promise<{ file: string; ranges: string[] }[]> {
  return page.evaluate(() =>
    document.adoptedStyleSheets
      .flatMap((sheet) => [...sheet.cssRules])
      .filter((r): r is CSSFontFaceRule => r instanceof CSSFontFaceRule && r.style.getPropertyValue('font-family').replace(/['"]/g, '') === 'Noto Sans SC')
      .map((r) => ({
        file: /url\("?([^")]+)"?\)/.exec(r.style.getPropertyValue('src'))![1]!.split('/').pop()!,
        ranges: r.style
          .getPropertyValue('unicode-range')
          .split(',')
          .map((x) => x.trim()),
      })),
  );
}

const codePoints = (ranges: string[]): number[] =>
  ranges.flatMap((r) => {
    const [a, b] = r
      .replace(/^U\+/i, '')
      .split('-')
      .map((x) => parseInt(x, 16));
    return Array.from({ length: (b ?? a)! - a! + 1 }, (_, k) => a! + k);
  });

describe("the map labels' cut of the font", () => {
  for (const lang of ['zh', 'en'] as const)
    test(`the first view (${lang}) loads the labels' cuts in one file, the pack, and no whole slice`, { timeout: 120_000 }, async () => {
      const s = await openSession(base);
      try {
        const fonts: string[] = [];
        s.page.on('request', (r) => {
          if (/\.woff2(pack)?$/.test(new URL(r.url()).pathname)) fonts.push(new URL(r.url()).pathname.split('/').pop()!);
        });
        await s.page.goto(`${base}?lang=${lang}`);
        await s.page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 60_000 });
        await s.page.evaluate(() => document.fonts.ready.then(() => null));
        assert.equal(fonts.length, 1, `font files requested: ${JSON.stringify(fonts)}`);
        assert.match(fonts[0]!, /^noto-sans-sc-labels-.*\.woff2pack$/, 'the one font request is the pack');
        // the pack's faces: every loaded face of the map's font (no font file was downloaded)
        const cuts = await loadedMapFaces(s.page);
        // every cut, whatever the language: each declares the space, which MapLibre loads its font for
        assert.ok(cuts.length >= 8 && cuts.every((c) => codePoints(c).includes(0x20)), `${cuts.length} cuts`);
        assert.ok((await rendered(s.page, 'parks-label', `label_${lang}`)).length >= 8, 'park labels are placed');
        // declared in CSS, behind the cuts: every whole slice, each without the cuts' characters, and no cut's own file
        const whole = await mapFaces(s.page);
        assert.deepEqual(
          whole.filter((f) => f.file.includes('-labels-')).map((f) => f.file),
          [],
          "the cuts' own rules are gone once the pack's faces are in",
        );
        assert.ok(whole.length >= 90, `${whole.length} whole slices`);
        const inCuts = new Set(cuts.flatMap(codePoints));
        const inWhole = whole.flatMap((f) => codePoints(f.ranges));
        assert.deepEqual(
          inWhole.filter((cp) => inCuts.has(cp)).map((cp) => String.fromCodePoint(cp)),
          [],
          'no character in both a cut and a whole slice',
        );
        // 张 is a label's (in a cut), 龘 is no label's: only a whole slice covers it
        assert.ok(inCuts.has(0x5f20) && !inWhole.includes(0x5f20));
        assert.ok(inWhole.includes(0x9f98) && !inCuts.has(0x9f98));
        assert.deepEqual(s.offOrigin, []);
      } finally {
        await s.close();
      }
    });

  test("without the pack (its request fails), the labels load the cuts' own files and never a whole slice", { timeout: 120_000 }, async () => {
    const s = await openSession(base);
    try {
      await s.context.route('**/*.woff2pack', (r) => r.abort('failed'));
      const fonts: string[] = [];
      s.page.on('request', (r) => {
        if (new URL(r.url()).pathname.endsWith('.woff2')) fonts.push(new URL(r.url()).pathname.split('/').pop()!);
      });
      await ready(s.page);
      const declared = (await mapFaces(s.page)).filter((f) => f.file.includes('-labels-')).map((f) => f.file);
      assert.ok(declared.length >= 8, `the cuts' own rules stay: ${declared.length}`);
      assert.deepEqual([...fonts].sort(), [...declared].sort(), 'the cuts, and only they, were downloaded');
      assert.ok((await rendered(s.page, 'parks-label', 'label_zh')).length >= 8, 'park labels are placed');
    } finally {
      await s.close();
    }
  });

  test("no font lands after the page's panels are drawn, so the page's text is laid out once", { timeout: 120_000 }, async () => {
    const s = await openSession(base);
    try {
      await s.page.addInitScript(() => {
        const w = window as unknown as { __atPanels?: string[] };
        // the faces loaded when the panels are first in the document (React draws them in one go)
        new MutationObserver((_, observer) => {
          if (!document.querySelector('.side')) return;
          w.__atPanels = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.unicodeRange}`);
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      await s.page.goto(base);
      await s.page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 60_000 });
      // MapLibre draws its vertical comma (︑, in no face) with its font's name: let any load it starts begin
      await s.page.waitForTimeout(500);
      await s.page.evaluate(() => document.fonts.ready.then(() => null));
      const { atPanels, now } = await s.page.evaluate(() => ({
        atPanels: (window as unknown as { __atPanels?: string[] }).__atPanels ?? null,
        now: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.unicodeRange}`),
      }));
      assert.ok(atPanels && atPanels.length >= 8, `fonts loaded when the panels were drawn: ${JSON.stringify(atPanels)}`);
      assert.deepEqual(
        now.filter((f) => !atPanels.includes(f)).map((f) => f.slice(0, 60)),
        [],
        'fonts loaded after the panels were drawn',
      );
    } finally {
      await s.close();
    }
  });
});

describe('curly quotes in English', () => {
  /** The first ‘ or “ in the page's text whose nearest [lang] is `lang`: its width over its font size. */
  const quoteWidth = (page: Page, lang: string) =>
    page.evaluate((lang) => {
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const i = (n.textContent ?? '').search(/[‘“]/);
        const el = n.parentElement;
        if (i < 0 || !el || (el.closest('[lang]') as HTMLElement | null)?.lang !== lang || el.getClientRects().length === 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        return { text: n.textContent, em: r.getBoundingClientRect().width / parseFloat(getComputedStyle(el).fontSize) };
      }
      return null;
    }, lang);

  test('an English page sets ‘ ’ “ ” at Latin widths; a Chinese page keeps them full-width', { timeout: 120_000 }, async () => {
    const s = await openSession(base);
    try {
      // the first quote shown is in the legend (the district and zone lists render no options
      // until opened); a Latin font's quotes are narrower than 0.6 em (“ in Arial 0.33, in DejaVu
      // Sans, the only Latin font of the local() list on this machine, 0.518), full width is 1
      for (const [lang, want] of [
        ['en', (em: number) => em < 0.6],
        ['zh-CN', (em: number) => em > 0.9],
      ] as const) {
        await s.page.goto(`${base}?lang=${lang === 'en' ? 'en' : 'zh'}`);
        await s.page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 60_000 });
        await s.page.evaluate(() => document.fonts.ready.then(() => null));
        const q = await quoteWidth(s.page, lang);
        assert.ok(q && want(q.em), `${lang}: ${JSON.stringify(q)}`);
      }
      assert.deepEqual(s.offOrigin, []);
    } finally {
      await s.close();
    }
  });
});
