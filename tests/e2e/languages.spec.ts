/**
 * Each view reads in one language (Chromium + SwiftShader, offline, 1400×900): in the English UI no
 * Chinese characters, and in the Chinese UI no English words, outside names. A name (a place, a
 * district, a document, a user's file or site) is marked by its element: `lang` of the other
 * language, or `data-name`. Units and codes (km², CSV, WGS-84, G60…) are allowed in Chinese text.
 * Views: the map with a park card, a zone card, the search results, the sites panel after an
 * import, the comparison, every tab of the statistics view, the briefing tour.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openSession, startServer } from './harness';
import type { Session } from './harness';

const READY = '[data-testid="map"][data-map-ready="true"]';

/** Latin tokens a Chinese text may hold: units, codes, formats, keys, the sources' own names. */
const CODES = new Set(
  (
    'km km² m CSV GeoJSON JSON PNG ZIP SVG QR URL WGS GCJ BD UTF GBK GB BOM TAB CR CRLF LF Excel Esc Enter Tab Shift PDF ' +
    'PPTX G60 S20 S1 H IC AI X OpenStreetMap echarts ECharts gcoord Apache MapLibre WebGL WebGL2 GPS AMap Noto Sans SC CC BY PPT 6G ' +
    'PageDown PageUp lon lat id name'
  ).split(' '),
);

/**
 * The text of the page that a reader of `lang` reads: every text node and every label attribute
 * (aria-label, title, placeholder, alt) outside names, the map's canvas and its credits line
 * (which names the sources), with a path to find it.
 */
function uiTexts(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(() => {
    const ui = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
    const isName = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
        if (e.hasAttribute('data-name')) return true;
        const l = e.getAttribute('lang');
        if (l && !l.startsWith(ui)) return true;
        if (l) return false;
      }
      return false;
    };
    const skip = (el: Element | null): boolean => !el || !!el.closest('script, style, noscript, [hidden], [aria-hidden="true"]') || isName(el);
    const path = (el: Element): string => {
      const out: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && out.length < 4; e = e.parentElement)
        out.unshift(
          e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (typeof e.className === 'string' && e.className ? `.${e.className.split(' ')[0]}` : ''),
        );
      return out.join(' > ');
    };
    const found: { where: string; text: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? '';
      if (!text || skip(el)) continue;
      if (el && el.getClientRects().length === 0 && !el.closest('.visually-hidden')) continue;
      found.push({ where: path(el!), text });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v && !skip(el) && !el.hasAttribute(`data-name-${a}`)) found.push({ where: `${path(el)} @${a}`, text: v });
      }
    return found;
  });
}

/** a web address or a host name (a code, whatever its letters) */
const URLISH = /\bhttps?:\/\/\S+|\b[\w-]+(\.[\w-]+)+(\/\S*)?/g;

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]/;

/** The texts that are in the other language: Chinese in en, English words in zh. */
async function foreign(page: Page, lang: 'zh' | 'en'): Promise<string[]> {
  const texts = await uiTexts(page);
  const bad = texts.filter(({ text }) =>
    lang === 'en'
      ? CJK.test(text)
      : (text.replace(URLISH, ' ').match(/[A-Za-z][A-Za-z0-9²'’._-]*/g) ?? []).some(
          (w) => !CODES.has(w.replace(/[.'’-]+$/, '')) && !/^[A-Z]{1,3}[0-9-]*$/.test(w) && !/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(w),
        ),
  );
  return [...new Set(bad.map((b) => `${b.where}: ${b.text.slice(0, 120)}`))];
}

/** Fails listing every text found in the other language. */
function none(found: string[]): void {
  const all = [...new Set(found)];
  assert.equal(all.length, 0, `${all.length} texts in the other language:\n${all.join('\n')}`);
}

let server: PreviewServer;
let base: string;

before(async () => {
  ({ server, base } = await startServer());
});
after(async () => {
  await server?.close();
});

for (const lang of ['zh', 'en'] as const)
  describe(`every view reads in ${lang === 'zh' ? 'Chinese' : 'English'}, names aside`, () => {
    let s: Session;
    before(async () => {
      s = await openSession(base, { viewport: { width: 1400, height: 900 } });
    });
    after(async () => s?.close());

    async function view(query: string, act?: (page: Page) => Promise<void>): Promise<string[]> {
      await s.page.goto(`${base}?lang=${lang}${query}`, { timeout: 90_000 });
      await s.page.locator(READY).waitFor({ timeout: 90_000 });
      if (act) await act(s.page);
      return foreign(s.page, lang);
    }

    test('the map with a park card open, and a zone card', { timeout: 180_000 }, async () => {
      const park = await view('&park=caohejing', (p) => p.locator('article.park-card').waitFor());
      const zone = await view('&zone=zhangjiang-pole', (p) => p.locator('article.zone-card').waitFor());
      none([...park, ...zone]);
    });

    test('the search results', { timeout: 120_000 }, async () => {
      const found = await view('', async (p) => {
        const box = p.locator('.search-area input[role="combobox"]');
        await box.fill('zhangjiang');
        await p.locator('.search-area [role="option"]').first().waitFor();
      });
      none(found);
    });

    test('the sites panel after an import', { timeout: 120_000 }, async () => {
      const found = await view('', async (p) => {
        await p.setInputFiles('[data-testid="sites-file"]', 'tests/fixtures/sites/good.csv');
        await p.locator('.sites-status[data-phase="done"]').waitFor({ timeout: 30_000 });
      });
      none(found);
    });

    test('the comparison', { timeout: 120_000 }, async () => {
      const found = await view('&cmp=zhangjiang-ic-base,dongfang-xingang,caohejing', (p) => p.getByTestId('compare').waitFor());
      none(found);
    });

    test('every tab of the statistics view', { timeout: 180_000 }, async () => {
      await view('');
      await s.page.getByTestId('stats-toggle').click();
      await s.page.getByTestId('matrix').waitFor({ timeout: 30_000 });
      const found: string[] = [];
      const tabs = s.page.locator('[role="tab"]');
      for (let i = 0; i < (await tabs.count()); i++) {
        await tabs.nth(i).click();
        await s.page.locator('[role="tabpanel"]:visible').first().waitFor();
        found.push(...(await foreign(s.page, lang)));
      }
      none(found);
    });

    test('the briefing tour', { timeout: 180_000 }, async () => {
      const found: string[] = [];
      for (const n of [1, 2]) found.push(...(await view(`&tour=${n}`, (p) => p.locator('.briefing').first().waitFor())));
      none(found);
    });
  });
