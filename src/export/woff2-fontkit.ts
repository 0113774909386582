/**
 * fontkit for pdf-lib, able to subset WOFF2 fonts (the app's bundled Noto Sans SC slices).
 *
 * fontkit reads WOFF2, but its TrueType subsetter copies each glyph's raw bytes through the `loca`
 * table, which a WOFF2 font does not keep (its `glyf` table is stored transformed): the subset's
 * glyphs come out empty. Here each glyph in a subset is written anew from its decoded outline
 * (fontkit's own glyph encoder, the path it uses for variable fonts), so the embedded font holds
 * exactly the glyphs a PDF draws. Hinting instructions are left out, which a PDF viewer does not need.
 */
import fontkit from '@pdf-lib/fontkit';

/** The internals of fontkit's TTFSubset this patch relies on (fontkit 1.x, as bundled by @pdf-lib/fontkit 1.1). */
interface Path {
  commands: { command: string; args: number[] }[];
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
}
interface Glyph {
  path: Path;
  advanceWidth: number;
  _getMetrics(): { leftBearing: number };
}
/** fontkit's Buffer (its own class: the table encoder refuses anything else) */
interface FkBuffer {
  length: number;
  slice(a: number, b: number): FkBuffer;
}
interface TtfSubset {
  font: { getGlyph(gid: number): Glyph };
  glyphEncoder: { encodeSimple(path: Path, instructions: number[]): FkBuffer };
  glyf: FkBuffer[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(gid: number): number;
}

const DOT: Path = {
  commands: [
    { command: 'moveTo', args: [0, 0] },
    { command: 'lineTo', args: [1, 0] },
    { command: 'closePath', args: [] },
  ],
  bbox: { minX: 0, minY: 0, maxX: 1, maxY: 0 },
};

function addGlyphFromOutline(this: TtfSubset, gid: number): number {
  const glyph = this.font.getGlyph(gid);
  const path = glyph.path;
  // an empty glyph (a space) is zero bytes long, in fontkit's own Buffer type
  const buffer = path.commands.length ? this.glyphEncoder.encodeSimple(path, []) : this.glyphEncoder.encodeSimple(DOT, []).slice(0, 0);
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
