import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fontkit from '@pdf-lib/fontkit';
import { HANDOUT_PAGE, fitBox, latinQuotes, layoutHandoutPage, parseColor, slicesOf, wrapLines } from '../../src/export/handout-layout';
import { parseUnicodeRange } from '../../src/lib/unicode-range';
import type { HandoutChapter, PageOp } from '../../src/export/handout-layout';
import { woff2Fontkit } from '../../src/export/woff2-fontkit';
import { parseFontCss } from '../../build/font-faces-plugin';

/** a fake measure: CJK one em, anything else half an em */
const measure = (s: string, size: number) => Array.from(s).reduce((w, ch) => w + (ch.codePointAt(0)! > 0x2e80 ? size : size / 2), 0);

const chapter = (over: Partial<HandoutChapter['text']> = {}, items = 3): HandoutChapter => ({
  text: {
    kicker: '第 2 / 11 章 · 简报',
    title: '张江科技创新极',
    caption: '张江是源头',
    figuresTitle: '2025年目标',
    figures: ['集成电路：约2500亿元'],
    clauses: '规划条款：五（一）',
    notes: null,
    link: { href: 'https://example.org/?tour=2', label: '扫码打开本章', warning: null },
    page: '2 / 11',
    ...over,
  },
  figure: {
    image: new Uint8Array(0),
    pixelWidth: 2000,
    pixelHeight: 1600,
    width: 1000,
    height: 800,
    legendTitle: '图例',
    groups: [
      { label: '园区', items: Array.from({ length: items }, (_, i) => ({ swatch: { kind: 'fill', color: '#ff0000', opacity: 0.5 }, label: `园区 ${i + 1}` })) },
    ],
    highlight: null,
    scaleBar: { px: 100, label: '2 km' },
    source: '来源：规划',
  },
});

const texts = (ops: PageOp[]) => ops.filter((o): o is Extract<PageOp, { op: 'text' }> => o.op === 'text');

describe('handout layout', () => {
  it('wraps Chinese by character and English at spaces, within the width', () => {
    expect(wrapLines('一二三四五六七', 30, 10, measure)).toEqual(['一二三', '四五六', '七']);
    expect(wrapLines('the quick brown fox', 50, 10, measure)).toEqual(['the quick', 'brown fox']);
    for (const line of wrapLines('规划把九个战略性新兴产业放进同一张图 and more words here', 64, 9, measure)) expect(measure(line, 9)).toBeLessThanOrEqual(64);
  });

  it('fits the map inside its box keeping its shape', () => {
    expect(fitBox(1000, 800, 530, 420)).toEqual({ w: 525, h: 420 });
    expect(fitBox(2000, 500, 530, 420)).toEqual({ w: 530, h: 132.5 });
  });

  it('puts everything on the page, the scale bar scaled with the map', () => {
    const ops = layoutHandoutPage(chapter(), measure);
    const { width, height, margin } = HANDOUT_PAGE;
    for (const o of ops) {
      const [x0, y0, x1, y1] =
        o.op === 'line'
          ? [Math.min(o.from[0], o.to[0]), Math.min(o.from[1], o.to[1]), Math.max(o.from[0], o.to[0]), Math.max(o.from[1], o.to[1])]
          : o.op === 'text'
            ? [o.x, o.y - o.size, o.x + measure(o.text, o.size), o.y]
            : o.op === 'qr'
              ? [o.x, o.y, o.x + o.size, o.y + o.size]
              : [o.x, o.y, o.x + o.w, o.y + o.h];
      expect(x0).toBeGreaterThanOrEqual(margin - 0.01);
      expect(y0).toBeGreaterThanOrEqual(margin - 0.01);
      expect(x1).toBeLessThanOrEqual(width - margin + 0.01);
      expect(y1).toBeLessThanOrEqual(height - margin + 0.01);
    }
    const image = ops.find((o) => o.op === 'image')!;
    // 1000 × 800 CSS px in a 530 × 420 box: 0.525 pt per px, so the 100-px bar is 52.5 pt
    expect(image).toMatchObject({ w: 525, h: 420 });
    const bar = ops.filter((o) => o.op === 'line').find((o) => o.from[1] === o.to[1] && o.from[0] === HANDOUT_PAGE.margin && o.width === 1)!;
    expect(bar.to[0] - bar.from[0]).toBeCloseTo(52.5);
    expect(texts(ops).map((o) => o.text)).toEqual(
      expect.arrayContaining(['张江科技创新极', '张江是源头', '2 km', '园区 1', '来源：规划', '2 / 11', '扫码打开本章']),
    );
    expect(ops.filter((o) => o.op === 'qr')).toEqual([expect.objectContaining({ text: 'https://example.org/?tour=2' })]);
  });

  it('shows notes only when given, with a smaller map', () => {
    const without = layoutHandoutPage(chapter(), measure);
    const withNotes = layoutHandoutPage(chapter({ notes: { title: '讲稿备注', text: '先讲结构' } }), measure);
    expect(texts(without).some((o) => o.text === '讲稿备注')).toBe(false);
    expect(texts(withNotes).map((o) => o.text)).toEqual(expect.arrayContaining(['讲稿备注', '先讲结构']));
    expect(withNotes.find((o) => o.op === 'image')!).toMatchObject({ h: 300 });
  });

  it('cuts a legend too long for the column short with an ellipsis, above the QR code', () => {
    const ops = layoutHandoutPage(chapter({}, 200), measure);
    const qr = ops.find((o) => o.op === 'qr')!;
    const legend = texts(ops).filter((o) => o.text.startsWith('园区 '));
    expect(legend.length).toBeLessThan(200);
    expect(Math.max(...legend.map((o) => o.y))).toBeLessThan(qr.y);
    expect(texts(ops).some((o) => o.text.endsWith('…'))).toBe(true);
  });

  it('reads CSS colours and unicode ranges', () => {
    expect(parseColor('#ff0000')).toEqual({ r: 1, g: 0, b: 0, a: 1 });
    expect(parseColor('#0f0')).toEqual({ r: 0, g: 1, b: 0, a: 1 });
    expect(parseColor('rgba(0, 0, 255, 0.5)')).toEqual({ r: 0, g: 0, b: 1, a: 0.5 });
    expect(parseUnicodeRange(['U+4e00-4e0f', 'U+41'])).toEqual([
      [0x4e00, 0x4e0f],
      [0x41, 0x41],
    ]);
    expect(slicesOf('A一?', [[[0x41, 0x5a]], [[0x4e00, 0x4eff]]])).toEqual(
      new Map([
        ['A', 0],
        ['一', 1],
        ['?', -1],
      ]),
    );
  });
});

describe('WOFF2 font subsets', () => {
  const req = createRequire(import.meta.url);
  const dir = dirname(req.resolve('@fontsource/noto-sans-sc/400.css'));
  const slices = parseFontCss(readFileSync(join(dir, '400.css'), 'utf8'));
  const sliceOf = (ch: string) => slices.find((s) => s.ranges.some(([a, b]) => ch.codePointAt(0)! >= a && ch.codePointAt(0)! <= b))!;

  it.each(['PBRDg', '张江科技创新极集成电路'])('keeps every glyph outline of %s (as read from the original font)', async (chars) => {
    for (const file of new Set(Array.from(chars).map((ch) => sliceOf(ch).file))) {
      const bytes = readFileSync(join(dir, 'files', file));
      const original = fontkit.create(bytes);
      const font = woff2Fontkit.create(bytes);
      const subset = font.createSubset();
      const ids = Array.from(chars)
        .filter((ch) => sliceOf(ch).file === file)
        .map((ch) => [original.glyphForCodePoint(ch.codePointAt(0)!), subset.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0)!))] as const);
      const chunks: Uint8Array[] = [];
      const stream = subset.encodeStream();
      stream.on('data', (d: Uint8Array) => chunks.push(d));
      await new Promise((resolve) => stream.on('end', resolve));
      const out = fontkit.create(Buffer.concat(chunks));
      expect(out.numGlyphs).toBe(ids.length + 1);
      for (const [glyph, id] of ids) {
        const a = glyph.path.bbox;
        const b = out.getGlyph(id).path.bbox;
        expect([b.minX, b.minY, b.maxX, b.maxY]).toEqual([a.minX, a.minY, a.maxX, a.maxY]);
        expect(out.getGlyph(id).advanceWidth).toBe(glyph.advanceWidth);
      }
    }
  });
});

describe('latinQuotes (the English PDF)', () => {
  it('sets curly quotes straight in English words', () => {
    expect(latinQuotes('Overview: \u201C9+X\u201D and a pole\u2019s outline, \u2018schematic\u2019')).toBe(
      "Overview: \"9+X\" and a pole's outline, 'schematic'",
    );
  });
  it('keeps the quotes of a Chinese run, and leaves other text as it is', () => {
    expect(latinQuotes('\u201C\u4E00\u4F53\u4E24\u7FFC\u201D (IC)')).toBe('\u201C\u4E00\u4F53\u4E24\u7FFC\u201D (IC)');
    expect(latinQuotes('\u6CAA\u5E9C\u529E\u53D1\u30142021\u301510\u53F7')).toBe('\u6CAA\u5E9C\u529E\u53D1\u30142021\u301510\u53F7');
    expect(latinQuotes('')).toBe('');
  });
});
