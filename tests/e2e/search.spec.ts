/**
 * Search ranking as a phone user types it (Chromium + SwiftShader, offline, 390×844): a typo of a
 * place's pinyin, an English abbreviation, a sector's English name and a word for it, an exact park
 * name; and choosing a sector result sets the sector filter.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, startServer } from './harness';
import type { Session } from './harness';
import type { PreviewServer } from 'vite';

const READY = '[data-testid="map"][data-map-ready="true"]';

let server: PreviewServer;
let base: string;
let s: Session;

before(async () => {
  ({ server, base } = await startServer());
  s = await openSession(base, { viewport: { width: 390, height: 844 } });
  await s.page.goto(`${base}?lang=en`);
  await s.page.locator(READY).waitFor({ timeout: 90_000 });
});
after(async () => {
  await s?.close();
  await server?.close();
});

/** Types the query as a user would and returns the results: kind, id and the name shown, in order. */
async function results(query: string): Promise<{ kind: string; id: string; text: string }[]> {
  const box = s.page.locator('.search-area input[role="combobox"]');
  await box.click();
  await box.fill('');
  await box.pressSequentially(query, { delay: 20 });
  const options = s.page.locator('.search-area [role="option"]');
  await options.first().waitFor({ timeout: 10_000 });
  return options.evaluateAll((els) => els.map((e) => ({ kind: e.getAttribute('data-kind')!, id: e.getAttribute('data-id')!, text: e.textContent ?? '' })));
}

describe('search ranking on a phone (390×844)', () => {
  test('“zhangjaing” (a typo) puts a 张江 place first, not 长宁区', { timeout: 60_000 }, async () => {
    const r = await results('zhangjaing');
    assert.match(r[0]!.text, /张江|Zhangjiang/, JSON.stringify(r.slice(0, 5)));
    assert.notEqual(r[0]!.id, 'changning');
    const changning = r.findIndex((h) => /长宁|Changning/.test(h.text));
    const zhangjiang = r.filter((h) => /张江|Zhangjiang/.test(h.text)).length;
    assert.ok(changning === -1 || changning >= zhangjiang, `长宁区 at ${changning}, after the ${zhangjiang} 张江 places`);
    // the options span the list's width: no list indent, no bullets
    const [list, option] = await Promise.all(
      ['.search-area [role="listbox"]', '.search-area [role="option"]'].map((sel) => s.page.locator(sel).first().boundingBox()),
    );
    assert.ok(list && option && option.x - list.x <= 2 && list.x + list.width - (option.x + option.width) <= 2, JSON.stringify({ list, option }));
  });

  test('“AI” puts the 人工智能 sector first, not 外滩', { timeout: 60_000 }, async () => {
    const r = await results('AI');
    assert.deepEqual({ kind: r[0]!.kind, id: r[0]!.id }, { kind: 'sector', id: 'ai' }, JSON.stringify(r.slice(0, 5)));
    assert.ok(r.findIndex((h) => h.id === 'the-bund') !== 0);
  });

  test('“biomedicine” finds the 生物医药 sector first, “chip” the 集成电路 sector', { timeout: 60_000 }, async () => {
    const bio = await results('biomedicine');
    assert.deepEqual({ kind: bio[0]!.kind, id: bio[0]!.id }, { kind: 'sector', id: 'biomed' }, JSON.stringify(bio.slice(0, 5)));
    const chip = await results('chip');
    assert.deepEqual({ kind: chip[0]!.kind, id: chip[0]!.id }, { kind: 'sector', id: 'ic' }, JSON.stringify(chip.slice(0, 5)));
  });

  test('an exact park name ranks that park first', { timeout: 60_000 }, async () => {
    for (const [name, id] of [
      ['浦江智谷', 'pujiang-zhigu'],
      ['Zhangjiang AI Island', 'zhangjiang-ai-island'],
      ['东方芯港', 'dongfang-xingang'],
    ] as const) {
      const r = await results(name);
      assert.deepEqual({ kind: r[0]!.kind, id: r[0]!.id }, { kind: 'park', id }, `${name}: ${JSON.stringify(r.slice(0, 4))}`);
    }
  });

  test('choosing a sector result sets the sector filter', { timeout: 60_000 }, async () => {
    await results('biomedicine');
    await s.page.locator('.search-area [role="option"][data-kind="sector"][data-id="biomed"]').click();
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('sector') === 'biomed', null, { timeout: 10_000 });
    const chips = await s.page.locator('.search-area').innerText();
    assert.match(chips, /Biomedicine/);
    assert.deepEqual(s.errors, []);
  });
});
