/**
 * The briefing's handouts in a real browser: the PDF (a page per chapter, Chinese text in an
 * embedded font that pdftotext can extract, presenter notes only when asked for) and the editable
 * slides (a slide per chapter, titles as text in the slide XML, notes in the slide notes); both
 * say so and write nothing when the map cannot render. Needs poppler-utils (pdftotext, pdfinfo, pdffonts).
 * HANDOUT_SHOTS=1 also draws the README's picture of a page, docs/img/briefing-handout-page.png (pdftoppm),
 * and keeps the files made in .test-results/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openSession, startServer } from './harness';
import { poll } from './driver';
import type { Session } from './harness';
import type { Briefing } from '../../src/loaders/briefing-schema';

const here = dirname(fileURLToPath(import.meta.url));
const BRIEFING: Briefing = JSON.parse(readFileSync(join(here, '../../public/geo/briefing.json'), 'utf8'));
const CH = BRIEFING.chapters;
const READY = '[data-testid="map"][data-map-ready="true"]';
const SHOTS = process.env.HANDOUT_SHOTS === '1';

let server: PreviewServer;
let base: string;
before(async () => {
  ({ server, base } = await startServer());
});
after(async () => {
  await server?.close();
});

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
/** text without white space (pdftotext breaks lines where the page wraps them) */
const squash = (s: string) => s.replace(/\s+/g, '');
const chapterIndex = async (page: Page) => Number(await page.locator('.briefing').getAttribute('data-chapter-index'));

/** with HANDOUT_SHOTS=1, a copy of a file made, in .test-results/ */
function keep(path: string, name: string) {
  if (!SHOTS) return;
  const dir = join(here, '../../.test-results');
  mkdirSync(dir, { recursive: true });
  copyFileSync(path, join(dir, name));
}

async function download(page: Page, action: string): Promise<{ name: string; path: string }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 240_000 }), page.locator(`button[data-action="${action}"]`).click()]);
  return { name: d.suggestedFilename(), path: (await d.path())! };
}

describe('briefing handouts', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { viewport: { width: 1400, height: 860 } });
  });
  after(async () => {
    await s?.close();
  });

  test('the PDF handout has a page per chapter, each chapter title extractable in Chinese', { timeout: 300_000 }, async () => {
    await s.page.goto(`${base}?tour=3`);
    await s.page.locator(READY).waitFor({ timeout: 30_000 });
    const pdf = await download(s.page, 'export-pdf');
    assert.equal(pdf.name, 'briefing-handout-zh.pdf');
    await s.page.getByRole('status').filter({ hasText: 'briefing-handout-zh.pdf' }).waitFor();
    console.log(`# ${pdf.name}: ${statSync(pdf.path).size} bytes`);

    assert.match(run('pdfinfo', [pdf.path]), new RegExp(`^Pages:\\s+${CH.length}$`, 'm'));
    assert.match(run('pdfinfo', [pdf.path]), /^Page size:\s+841\.89 x 595\.28 pts \(A4\)/m);
    // every font is embedded (the bundled Noto Sans SC, as subsets)
    const fonts = run('pdffonts', [pdf.path]).split('\n').slice(2).filter(Boolean);
    assert.ok(fonts.length > 0, 'fonts listed');
    for (const f of fonts) assert.match(f, /CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes/, `embedded with a Unicode map: ${f}`);
    for (const [i, ch] of CH.entries()) {
      const page = squash(run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf.path, '-']));
      assert.ok(page.includes(squash(ch.title_zh)), `page ${i + 1} says “${ch.title_zh}”: ${page.slice(0, 80)}`);
      assert.ok(page.includes(squash(ch.caption_zh).slice(0, 12)), `page ${i + 1} has the caption`);
      assert.ok(!page.includes(squash(ch.notes_zh).slice(0, 12)), `page ${i + 1} has no notes unless asked`);
    }
    await poll(
      'back to chapter 3',
      () => chapterIndex(s.page),
      (n) => n === 2,
    );

    // with presenter notes
    await s.page.locator('input[data-action="export-notes"]').check();
    const withNotes = await download(s.page, 'export-pdf');
    const text = squash(run('pdftotext', [withNotes.path, '-']));
    for (const ch of CH) assert.ok(text.includes(squash(ch.notes_zh).slice(0, 12)), `notes of ${ch.id}`);
    if (SHOTS) {
      const dir = join(here, '../../docs/img');
      mkdirSync(dir, { recursive: true });
      run('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', '-singlefile', withNotes.path, join(dir, 'briefing-handout-page')]);
      keep(withNotes.path, 'briefing-handout-notes-zh.pdf');
    }
    assert.deepEqual(s.offOrigin, []);
    assert.deepEqual(s.errors, []);
  });

  test('the slides have a slide per chapter, titles as text, notes in the slide notes', { timeout: 300_000 }, async () => {
    const pptx = await download(s.page, 'export-pptx');
    assert.equal(pptx.name, 'briefing-slides-zh.pptx');
    console.log(`# ${pptx.name}: ${statSync(pptx.path).size} bytes`);
    keep(pptx.path, pptx.name);
    const files = unzipSync(new Uint8Array(readFileSync(pptx.path)));
    const slides = Object.keys(files)
      .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    assert.equal(slides.length, CH.length);
    for (const [i, ch] of CH.entries()) {
      const xml = strFromU8(files[slides[i]!]!);
      assert.ok(xml.includes(`<a:t>${ch.title_zh}</a:t>`), `slide ${i + 1} has the title “${ch.title_zh}” as text`);
      assert.ok(xml.includes('<p:pic>'), `slide ${i + 1} has the map as a picture`);
      const notes = strFromU8(files[`ppt/notesSlides/notesSlide${i + 1}.xml`]!);
      assert.ok(notes.includes(ch.notes_zh.slice(0, 12)), `slide ${i + 1}'s notes`);
    }
    const media = Object.keys(files).filter((n) => n.startsWith('ppt/media/'));
    assert.ok(media.length >= CH.length, `map images (${media.length})`);
    assert.deepEqual(s.offOrigin, []);
    assert.deepEqual(s.errors, []);
  });
});

describe('handouts without WebGL', () => {
  let s: Session;
  before(async () => {
    s = await openSession(base, { extraArgs: ['--disable-webgl', '--disable-webgl2'] });
  });
  after(async () => {
    await s?.close();
  });

  test('a handout that cannot render the map says so and writes nothing', { timeout: 60_000 }, async () => {
    let downloads = 0;
    s.page.on('download', () => downloads++);
    await s.page.goto(`${base}?tour=2&lang=en`);
    await s.page.locator('.briefing-caption[data-chapter="zhangjiang"]').waitFor({ timeout: 30_000 });
    for (const action of ['export-pdf', 'export-pptx']) {
      await s.page.locator(`button[data-action="${action}"]`).click();
      const alert = s.page.locator('.briefing-export-msg.error');
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? '', /^Cannot export: the map is not available$/);
      assert.equal(await s.page.locator(`button[data-action="${action}"]`).isEnabled(), true, 'not left busy');
    }
    assert.equal(downloads, 0);
    assert.deepEqual(s.offOrigin, []);
  });
});
