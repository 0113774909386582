/**
 * fontkit for pdf-lib, able to subset WOFF2 fonts (the app's bundled Noto Sans SC slices).
 *
 * fontkit reads WOFF2, but its TrueType subsetter copies each glyph's raw bytes through the `loca`
 * table, which a WOFF2 font does not keep (its `glyf` table is stored transformed): the subset's
 * glyphs come out empty. Here each glyph in a subset is written anew from its decoded TrueType
 * points (composite glyphs resolved into simple ones), so the embedded font holds exactly the
 * glyphs a PDF draws. Hinting instructions are left out, which a PDF viewer does not need.
 */
import fontkit from '@pdf-lib/fontkit';

/** The internals of fontkit's TTFSubset this patch relies on (fontkit 1.x, as bundled by @pdf-lib/fontkit 1.1). */
interface Point {
  x: number;
  y: number;
  onCurve: boolean;
}
interface Glyph {
  advanceWidth: number;
  /** the outline as TrueType points, composite glyphs resolved */
  _getContours(): Point[][];
  _getMetrics(): { leftBearing: number };
}
/** fontkit's Buffer (its own class: the table encoder refuses anything else) */
interface FkBuffer extends Uint8Array<ArrayBuffer> {
  slice(a: number, b: number): FkBuffer;
}
interface TtfSubset {
  font: { getGlyph(gid: number): Glyph };
  glyphEncoder: { encodeSimple(path: unknown, instructions: number[]): FkBuffer };
  glyf: FkBuffer[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(gid: number): number;
}

const DOT = {
  commands: [
    { command: 'moveTo', args: [0, 0] },
    { command: 'lineTo', args: [1, 0] },
    { command: 'closePath', args: [] },
  ],
  bbox: { minX: 0, minY: 0, maxX: 1, maxY: 0 },
};

/**
 * A simple TrueType glyph from its contours: header, contour ends, no instructions, one flag per
 * point (on-curve or not), every coordinate a 16-bit delta; padded to 4 bytes. Plain and exact.
 */
export function encodeSimpleGlyph(contours: Point[][]): Uint8Array {
  const points = contours.flat();
  if (points.length === 0) return new Uint8Array(0);
  const xs = points.map((p) => Math.round(p.x));
  const ys = points.map((p) => Math.round(p.y));
  const n = points.length;
  const size = 10 + 2 * contours.length + 2 + n + 4 * n;
  const bytes = new Uint8Array(Math.ceil(size / 4) * 4);
  const view = new DataView(bytes.buffer);
  view.setInt16(0, contours.length);
  view.setInt16(2, Math.min(...xs));
  view.setInt16(4, Math.min(...ys));
  view.setInt16(6, Math.max(...xs));
  view.setInt16(8, Math.max(...ys));
  let at = 10;
  let end = -1;
  for (const c of contours) {
    end += c.length;
    view.setUint16(at, end);
    at += 2;
  }
  view.setUint16(at, 0); // no instructions
  at += 2;
  for (const p of points) bytes[at++] = p.onCurve ? 1 : 0;
  for (const coords of [xs, ys]) {
    let last = 0;
    for (const v of coords) {
      view.setInt16(at, v - last);
      at += 2;
      last = v;
    }
  }
  return bytes;
}

function addGlyphFromOutline(this: TtfSubset, gid: number): number {
  const glyph = this.font.getGlyph(gid);
  const encoded = encodeSimpleGlyph(glyph._getContours().filter((c) => c.length > 0));
  // the bytes in fontkit's own Buffer type (made from its encoder's output, emptied, then grown)
  const empty = this.glyphEncoder.encodeSimple(DOT, []).slice(0, 0);
  const buffer = (empty.constructor as unknown as { alloc(n: number): FkBuffer }).alloc(encoded.length);
  buffer.set(encoded);
  this.glyf.push(buffer);
  this.loca.offsets.push(this.offset);
  this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
  this.offset += buffer.length;
  return this.glyf.length - 1;
}

const isWoff2 = (bytes: Uint8Array) => bytes[0] === 0x77 && bytes[1] === 0x4f && bytes[2] === 0x46 && bytes[3] === 0x32;

/** `fontkit`, with WOFF2 fonts' subsets written from their outlines. */
export const woff2Fontkit: typeof fontkit = {
  ...fontkit,
  create(bytes: Uint8Array, postscriptName?: string) {
    const font = fontkit.create(bytes, postscriptName);
    if (!isWoff2(bytes)) return font;
    const make = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = make() as unknown as TtfSubset;
      subset._addGlyph = addGlyphFromOutline;
      return subset as unknown as ReturnType<typeof make>;
    };
    return font;
  },
};
