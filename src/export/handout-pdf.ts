/**
 * The briefing's PDF handout: one A4-landscape page per chapter (handout-layout.ts), its text set
 * in the app's own Noto Sans SC, embedded as subsets of exactly the glyphs used, so Chinese text
 * is selectable and extractable. The font comes from the slices the app already serves (one
 * WOFF2 file per unicode range); only the slices the text needs are read. Loaded on first use.
 */
import { PDFDocument, LineCapStyle, rgb } from 'pdf-lib';
import type { PDFFont, PDFImage, PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { LegendSwatch } from '../theme/legend';
import { HANDOUT_PAGE, chapterTexts, latinQuotes, layoutHandoutPage, parseColor, slicesOf } from './handout-layout';
import { parseUnicodeRange } from '../lib/unicode-range';
import type { FontSlice, HandoutChapter } from './handout-layout';
import { woff2Fontkit } from './woff2-fontkit';

/** Splits text into runs of characters drawn with the same font. */
function runs(text: string, fontOf: (ch: string) => PDFFont): { text: string; font: PDFFont }[] {
  const out: { text: string; font: PDFFont }[] = [];
  for (const ch of Array.from(text)) {
    const font = fontOf(ch);
    const last = out[out.length - 1];
    if (last && last.font === font) last.text += ch;
    else out.push({ text: ch, font });
  }
  return out;
}

const color = (css: string) => {
  const c = parseColor(css);
  return { color: rgb(c.r, c.g, c.b), opacity: c.a };
};

/** A legend swatch in vector, top-down box (x, y, w, h) turned to PDF coordinates by `Y`. */
function drawSwatch(page: PDFPage, s: LegendSwatch, x: number, y: number, w: number, h: number, Y: (y: number) => number): void {
  if (s.kind === 'fill') {
    const fill = color(s.color);
    const border = s.outline ? color(s.outline) : null;
    page.drawRectangle({
      x,
      y: Y(y + h),
      width: w,
      height: h,
      color: fill.color,
      opacity: Math.max(s.opacity * fill.opacity, 0.25),
      ...(border
        ? { borderColor: border.color, borderWidth: 0.75, borderOpacity: border.opacity, ...(s.dashedOutline ? { borderDashArray: [2, 1.5] } : {}) }
        : {}),
    });
    if (s.inset)
      page.drawRectangle({
        x: x + 2.5,
        y: Y(y + h - 2.5),
        width: w - 5,
        height: h - 5,
        borderColor: color(s.inset).color,
        borderWidth: 1,
        borderDashArray: [2, 1.5],
      });
  } else if (s.kind === 'line') {
    const c = color(s.color);
    page.drawLine({
      start: { x, y: Y(y + h / 2) },
      end: { x: x + w, y: Y(y + h / 2) },
      thickness: Math.min(s.width * 0.75, 4),
      color: c.color,
      opacity: c.opacity,
      ...(s.dotted ? { dashArray: [0.1, 3], lineCap: LineCapStyle.Round } : s.dashed ? { dashArray: [3.5, 2] } : {}),
    });
  } else {
    const fill = color(s.color);
    const stroke = color(s.stroke);
    const r = Math.min((s.r ?? 4) * 0.75, h / 2);
    if (s.halo) page.drawCircle({ x: x + w / 2, y: Y(y + h / 2), size: r + 1.5, color: fill.color, opacity: 0.2 });
    page.drawCircle({
      x: x + w / 2,
      y: Y(y + h / 2),
      size: r,
      ...(s.hollow ? {} : { color: fill.color, opacity: (s.opacity ?? 1) * fill.opacity }),
      borderColor: stroke.color,
      borderWidth: (s.strokeWidth ?? 1.5) * 0.75,
      borderOpacity: stroke.opacity,
    });
  }
}

/** The QR code as filled squares (vector, crisp at any size), one rectangle per run of dark modules. */
function drawQr(page: PDFPage, text: string, x: number, y: number, size: number, Y: (y: number) => number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size + 2; // one module of quiet zone each side
  const m = size / n;
  const black = rgb(0, 0, 0);
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        page.drawRectangle({ x: x + (start + 1) * m, y: Y(y + (row + 2) * m), width: (col - start) * m, height: m, color: black });
        start = -1;
      }
    }
  }
}

export interface HandoutPdfOptions {
  title: string;
  lang: 'zh' | 'en';
  /** the font's slices (virtual:font-faces) and how to read one */
  fontSlices: FontSlice[];
  readFont: (url: string) => Promise<ArrayBuffer>;
}

/** The handout as PDF bytes, one page per chapter. */
export async function makeHandoutPdf(chapters: HandoutChapter[], opts: HandoutPdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(woff2Fontkit);
  doc.setTitle(opts.title, { showInWindowTitleBar: true });
  doc.setLanguage(opts.lang === 'zh' ? 'zh-CN' : 'en');
  doc.setCreator(opts.title);
  doc.setProducer('pdf-lib');

  const ranges = opts.fontSlices.map((s) => parseUnicodeRange(s['unicode-range']));
  const fonts = new Map<number, PDFFont>();
  const embed = async (i: number) => {
    if (!fonts.has(i)) fonts.set(i, await doc.embedFont(new Uint8Array(await opts.readFont(opts.fontSlices[i]!.url)), { subset: true }));
    return fonts.get(i)!;
  };
  const needed = slicesOf(chapters.map(chapterTexts).join(''), ranges);
  // the Latin slice (the one that holds “a”) stands in for any character no slice holds
  const latin = slicesOf('a', ranges).get('a') ?? -1;
  const fallback = latin >= 0 ? latin : 0;
  for (const i of new Set([fallback, ...needed.values()].filter((i) => i >= 0))) await embed(i);
  const fontOf = (ch: string) => fonts.get(needed.get(ch) ?? -1) ?? fonts.get(slicesOf(ch, ranges).get(ch) ?? -1) ?? fonts.get(fallback)!;
  // an English handout's curly quotes, straight (latinQuotes): measured as drawn
  const set = opts.lang === 'en' ? latinQuotes : (s: string) => s;
  const measure = (s: string, size: number) => runs(set(s), fontOf).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);

  const H = HANDOUT_PAGE.height;
  const Y = (y: number) => H - y;
  for (const chapter of chapters) {
    const page = doc.addPage([HANDOUT_PAGE.width, H]);
    const image: PDFImage = await doc.embedJpg(chapter.figure.image);
    for (const o of layoutHandoutPage(chapter, measure)) {
      if (o.op === 'text') {
        let x = o.x;
        const c = color(o.color);
        for (const r of runs(set(o.text), fontOf)) {
          page.drawText(r.text, { x, y: Y(o.y), size: o.size, font: r.font, color: c.color });
          x += r.font.widthOfTextAtSize(r.text, o.size);
        }
      } else if (o.op === 'image') page.drawImage(image, { x: o.x, y: Y(o.y + o.h), width: o.w, height: o.h });
      else if (o.op === 'rect') page.drawRectangle({ x: o.x, y: Y(o.y + o.h), width: o.w, height: o.h, borderColor: color(o.stroke).color, borderWidth: 0.75 });
      else if (o.op === 'line')
        page.drawLine({ start: { x: o.from[0], y: Y(o.from[1]) }, end: { x: o.to[0], y: Y(o.to[1]) }, thickness: o.width, color: color(o.color).color });
      else if (o.op === 'swatch') drawSwatch(page, o.swatch, o.x, o.y, o.w, o.h, Y);
      else drawQr(page, o.text, o.x, o.y, o.size, Y);
    }
  }
  return doc.save();
}
