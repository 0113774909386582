import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { ExpressionSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  cutLabelFaces,
  decodeRanges,
  encodeRanges,
  groupBySlice,
  labelCodePoints,
  packCuts,
  parseFontCss,
  slicesBehindCuts,
  subtractRanges,
  toRanges,
  withSpace,
} from '../../build/font-faces-plugin';
import { MAP_LABEL_TEXT } from '../../src/theme/map-label-text';
import { buildStyle } from '../../src/map/style';

const cssPath = createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css');
const css = readFileSync(cssPath, 'utf8');
const FILES = join(dirname(cssPath), 'files');
const GEO = join(import.meta.dirname, '../../public/geo');
const cp = (ch: string) => ch.codePointAt(0)!;

describe('font-faces plugin', () => {
  const slices = parseFontCss(css);

  it('finds every woff2 slice of the bundled font with its unicode ranges', () => {
    expect(slices.length).toBeGreaterThan(90);
    expect(slices.every((s) => s.file.endsWith('.woff2') && s.ranges.length > 0)).toBe(true);
    // the characters of our place names are covered (张 江 临 港 浦 东)
    const covered = (ch: string) => slices.some((s) => s.ranges.some(([a, b]) => ch.codePointAt(0)! >= a && ch.codePointAt(0)! <= b));
    for (const ch of '张江临港浦东集成电路') expect(covered(ch), ch).toBe(true);
  });

  it('round-trips the compact range encoding to the CSS unicode-range strings', () => {
    for (const s of slices) {
      const expected = s.ranges.map(([a, b]) => (b > a ? `U+${a.toString(16)}-${b.toString(16)}` : `U+${a.toString(16)}`));
      expect(decodeRanges(encodeRanges(s.ranges))).toEqual(expected);
    }
    const raw = slices.map((s) => s.ranges.join()).join().length;
    const packed = slices.map((s) => encodeRanges(s.ranges)).join().length;
    expect(packed).toBeLessThan(raw / 2);
  });
});

describe("the map labels' cut of the font", () => {
  const slices = parseFontCss(css);
  const labels = labelCodePoints(GEO, MAP_LABEL_TEXT);

  it('holds the names the map labels, the text its layers add, ASCII and vertical punctuation', () => {
    // a district, a zone's short label (its role), a park, an English name, the schematic suffix
    for (const ch of '崇明区张江科技创新极北上海生物医药产业园Chongming（示意）✈ 0123456789.k︵︶') expect(labels.has(cp(ch)), ch).toBe(true);
    // text that is no label (a park's location note) is not in it
    expect(labels.has(cp('龘'))).toBe(false);
    expect(labels.size).toBeLessThan(600);
  });

  it("covers every literal text of the built style's labels (counts are ASCII)", () => {
    const literals: string[] = [];
    const walk = (e: unknown): void => {
      if (typeof e === 'string') literals.push(e);
      else if (Array.isArray(e) && e[0] !== 'get') e.slice(1).forEach(walk);
    };
    for (const lang of ['zh', 'en'] as const)
      for (const layer of buildStyle({ lang, online: null }).layers)
        if (layer.type === 'symbol' && layer.layout?.['text-field']) walk(layer.layout['text-field'] as ExpressionSpecification);
    expect(literals).toContain('（示意）');
    for (const ch of literals.join('')) expect(labels.has(cp(ch)), ch).toBe(true);
  });

  it('groups code points by the first slice that covers each, and merges runs', () => {
    const two = [
      { file: 'a.woff2', ranges: [[0x41, 0x5a]] as [number, number][] },
      {
        file: 'b.woff2',
        ranges: [
          [0x30, 0x39],
          [0x41, 0x43],
        ] as [number, number][],
      },
    ];
    expect([...groupBySlice(two, [0x43, 0x31, 0x41, 0x2603])]).toEqual([
      [0, [0x41, 0x43]],
      [1, [0x31]],
    ]);
    expect(toRanges([1, 2, 3, 5, 7, 8])).toEqual([
      [1, 3],
      [5, 5],
      [7, 8],
    ]);
  });

  it('cuts each slice to the characters it holds, and declares a character no slice has on the first cut', { timeout: 60_000 }, async () => {
    const cache = mkdtempSync(join(tmpdir(), 'font-labels-'));
    const want = [...'张江临港AB✈'].map(cp);
    const cuts = await cutLabelFaces(slices, FILES, want, cache);
    expect(cuts.length).toBeGreaterThanOrEqual(2);
    const declared = new Set(cuts.flatMap((c) => c.ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k))));
    for (const c of want) expect(declared.has(c), String.fromCodePoint(c)).toBe(true);
    // ✈ is in slice 87's unicode-range but not in its glyphs: the first cut declares it
    expect(cuts[0]!.ranges.some(([a, b]) => cp('✈') >= a && cp('✈') <= b)).toBe(true);
    for (const cut of cuts) {
      const font = fontkit.create(readFileSync(cut.path));
      const held = want.filter((c) => cut.ranges.some(([a, b]) => c >= a && c <= b) && c !== cp('✈'));
      expect(held.length).toBeGreaterThan(0);
      for (const c of held) expect(font.hasGlyphForCodePoint(c), `${String.fromCodePoint(c)} in ${cut.path}`).toBe(true);
      expect(font.hasGlyphForCodePoint(cp('浦')), `浦 was not asked for (${cut.path})`).toBe(false);
      expect(statSync(cut.path).size).toBeLessThan(4000);
    }
    // cached: a second call writes nothing new and names the same files
    expect((await cutLabelFaces(slices, FILES, want, cache)).map((c) => c.path)).toEqual(cuts.map((c) => c.path));
  });

  it('packs the cuts into one file: each cut whole, in order, where the sizes say', { timeout: 60_000 }, async () => {
    const cache = mkdtempSync(join(tmpdir(), 'font-labels-'));
    const cuts = await cutLabelFaces(slices, FILES, [...'张江临港AB'].map(cp), cache);
    const files = cuts.map((c) => readFileSync(c.path));
    const { pack, sizes } = packCuts(files);
    expect(sizes).toEqual(cuts.map((c) => statSync(c.path).size));
    expect(pack.byteLength).toBe(files.reduce((n, f) => n + f.byteLength, 0));
    let at = 0;
    for (const [i, cut] of cuts.entries()) {
      const part = pack.subarray(at, at + sizes[i]!);
      at += sizes[i]!;
      // a font reader other than the one that cut them finds each cut's characters in its part
      const font = fontkit.create(Buffer.from(part));
      const held = [...'张江临港AB'].map(cp).filter((c) => cut.ranges.some(([a, b]) => c >= a && c <= b));
      expect(held.length).toBeGreaterThan(0);
      for (const c of held) expect(font.hasGlyphForCodePoint(c), `${String.fromCodePoint(c)} in part ${i}`).toBe(true);
    }
    expect(packCuts([])).toEqual({ pack: Buffer.alloc(0), sizes: [] });
  });
});

describe("the map's faces: each label character in one cut, the whole slices behind the cuts", () => {
  it('takes the cut characters out of a range list, splitting ranges around them', () => {
    expect(
      subtractRanges(
        [
          [0x20, 0x7e],
          [0x4e00, 0x4e0f],
        ],
        [
          [0x20, 0x20],
          [0x41, 0x43],
          [0x4e00, 0x4e0f],
        ],
      ),
    ).toEqual([
      [0x21, 0x40],
      [0x44, 0x7e],
    ]);
    expect(subtractRanges([[10, 20]], [])).toEqual([[10, 20]]);
    expect(subtractRanges([[10, 20]], [[0, 30]])).toEqual([]);
    expect(subtractRanges([[10, 20]], [[20, 25]])).toEqual([[10, 19]]);
  });

  it('declares the space on every cut (once), so that loading the font for a space loads every cut', () => {
    expect(withSpace([[0x4e00, 0x4e01]])).toEqual([
      [0x20, 0x20],
      [0x4e00, 0x4e01],
    ]);
    expect(withSpace([[0x20, 0x7e]])).toEqual([[0x20, 0x7e]]);
  });

  it('leaves no character of a cut in any whole slice, and drops a slice the cuts empty', () => {
    const slices = [
      { file: 'a.woff2', ranges: [[0x20, 0x7e]] as [number, number][] },
      { file: 'b.woff2', ranges: [[0x4e00, 0x4e02]] as [number, number][] },
      { file: 'c.woff2', ranges: [[0x5000, 0x5000]] as [number, number][] },
    ];
    const cuts = [{ ranges: [[0x20, 0x7e]] as [number, number][] }, { ranges: [[0x4e01, 0x4e01]] as [number, number][] }];
    expect(slicesBehindCuts(slices, cuts)).toEqual([
      {
        index: 1,
        ranges: [
          [0x4e00, 0x4e00],
          [0x4e02, 0x4e02],
        ],
      },
      { index: 2, ranges: [[0x5000, 0x5000]] },
    ]);
  });
});
