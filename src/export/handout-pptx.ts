/**
 * The briefing as editable slides (PPTX, 16:9): a slide per chapter with the map as an image and
 * the title, caption, targets, legend entries, plan clauses, source and link as text boxes a
 * presenter can edit; the presenter notes in the slide's notes. Loaded on first use.
 */
import PptxGenJS from 'pptxgenjs';
import QRCode from 'qrcode';
import type { LegendSwatch } from '../theme/legend';
import { fitBox, parseColor } from './handout-layout';
import type { HandoutChapter } from './handout-layout';

/** 16:9 in inches, the margin, the map's box at most, the right column. */
const SLIDE = { w: 13.333, h: 7.5, m: 0.4 };
const MAP = { x: 0.4, y: 1.2, w: 8.3, h: 5.5 };
const COL = { x: 9.0, w: 3.93 };

const base64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** css colour → pptx hex and transparency (0–100) */
function pptxColor(css: string, opacity = 1): { color: string; transparency: number } {
  const c = parseColor(css);
  const hex = [c.r, c.g, c.b]
    .map((v) =>
      Math.round(v * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');
  return { color: hex, transparency: Math.round((1 - c.a * opacity) * 100) };
}

function addSwatch(pptx: PptxGenJS, slide: PptxGenJS.Slide, s: LegendSwatch, x: number, y: number): void {
  const w = 0.3;
  const h = 0.15;
  if (s.kind === 'fill') {
    const fill = pptxColor(s.color, Math.max(s.opacity, 0.25));
    const line = s.outline ? pptxColor(s.outline) : null;
    slide.addShape(pptx.ShapeType.rect, {
      x,
      y,
      w,
      h,
      fill: { color: fill.color, transparency: fill.transparency },
      line: line ? { color: line.color, transparency: line.transparency, width: 0.75, dashType: s.dashedOutline ? 'sysDash' : 'solid' } : { type: 'none' },
    });
  } else if (s.kind === 'line') {
    const c = pptxColor(s.color);
    slide.addShape(pptx.ShapeType.line, {
      x,
      y: y + h / 2,
      w,
      h: 0,
      line: { color: c.color, transparency: c.transparency, width: Math.min(s.width * 0.75, 4), dashType: s.dotted ? 'sysDot' : s.dashed ? 'dash' : 'solid' },
    });
  } else {
    const fill = pptxColor(s.color, s.opacity ?? 1);
    const stroke = pptxColor(s.stroke);
    const d = Math.min(((s.r ?? 4) * 2) / 72, h);
    slide.addShape(pptx.ShapeType.ellipse, {
      x: x + w / 2 - d / 2,
      y: y + h / 2 - d / 2,
      w: d,
      h: d,
      fill: s.hollow ? { type: 'none' } : { color: fill.color, transparency: fill.transparency },
      line: { color: stroke.color, transparency: stroke.transparency, width: (s.strokeWidth ?? 1.5) * 0.75 },
    });
  }
}

export interface HandoutPptxOptions {
  title: string;
  lang: 'zh' | 'en';
}

/** The deck as PPTX bytes, a slide per chapter. */
export async function makeHandoutPptx(chapters: HandoutChapter[], opts: HandoutPptxOptions): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = opts.title;
  const lang = opts.lang === 'zh' ? 'zh-CN' : 'en-GB';
  const text = { lang, valign: 'top', margin: 0, color: '111111' } as const;

  for (const { text: t, figure } of chapters) {
    const slide = pptx.addSlide();
    slide.addText(t.kicker, { ...text, x: SLIDE.m, y: 0.25, w: SLIDE.w - 2 * SLIDE.m, h: 0.3, fontSize: 11, color: '555555' });
    slide.addText(t.title, { ...text, x: SLIDE.m, y: 0.52, w: SLIDE.w - 2 * SLIDE.m, h: 0.55, fontSize: 26, fit: 'shrink' });

    const box = fitBox(figure.width, figure.height, MAP.w, MAP.h);
    slide.addImage({ data: `image/jpeg;base64,${base64(figure.image)}`, x: MAP.x, y: MAP.y, w: box.w, h: box.h });
    const barY = MAP.y + box.h + 0.15;
    const bar = figure.scaleBar.px * (box.w / figure.width);
    slide.addShape(pptx.ShapeType.line, { x: MAP.x, y: barY, w: bar, h: 0, line: { color: '111111', width: 1.5 } });
    slide.addText(figure.scaleBar.label, { ...text, x: MAP.x + bar + 0.08, y: barY - 0.09, w: 1.2, h: 0.2, fontSize: 9 });
    slide.addText(figure.source, { ...text, x: MAP.x, y: SLIDE.h - 0.62, w: MAP.w, h: 0.42, fontSize: 8, color: '444444', fit: 'shrink' });

    let y = MAP.y;
    slide.addText(t.caption, { ...text, x: COL.x, y, w: COL.w, h: 1.5, fontSize: 12, fit: 'shrink' });
    y += 1.6;
    if (t.figures.length) {
      const lines = [t.figuresTitle, ...t.figures];
      const h = 0.2 * lines.length + 0.1;
      slide.addText(
        lines.map((line, i) => ({ text: line, options: { breakLine: true, fontSize: i === 0 ? 9 : 10, color: i === 0 ? '555555' : '111111' } })),
        { ...text, x: COL.x, y, w: COL.w, h, fit: 'shrink' },
      );
      y += h + 0.1;
    }
    slide.addText(figure.legendTitle, { ...text, x: COL.x, y, w: COL.w, h: 0.25, fontSize: 11 });
    y += 0.3;
    const rows = [...figure.groups.flatMap((g) => [{ label: g.label, swatch: null }, ...g.items]), ...(figure.highlight ? [figure.highlight] : [])];
    const bottom = SLIDE.h - 1.55;
    for (const [i, row] of rows.entries()) {
      if (y + 0.22 > bottom) {
        slide.addText(`… (${rows.length - i})`, { ...text, x: COL.x, y, w: COL.w, h: 0.2, fontSize: 9, color: '555555' });
        break;
      }
      if (row.swatch) addSwatch(pptx, slide, row.swatch, COL.x, y + 0.03);
      slide.addText(row.label, {
        ...text,
        x: row.swatch ? COL.x + 0.4 : COL.x,
        y,
        w: row.swatch ? COL.w - 0.4 : COL.w,
        h: 0.21,
        fontSize: row.swatch ? 9 : 9.5,
        color: row.swatch ? '222222' : '555555',
        fit: 'shrink',
      });
      y += 0.22;
    }
    slide.addText(t.clauses, { ...text, x: COL.x, y: bottom + 0.05, w: COL.w, h: 0.22, fontSize: 9, color: '333333' });

    const qr = await QRCode.toDataURL(t.link.href, { margin: 1, errorCorrectionLevel: 'M', width: 300 });
    slide.addImage({ data: qr.replace(/^data:/, ''), x: SLIDE.w - SLIDE.m - 1.1, y: SLIDE.h - 1.25, w: 1.05, h: 1.05 });
    slide.addText(
      [t.link.label, t.link.href, ...(t.link.warning ? [t.link.warning] : [])].map((s, i) => ({
        text: s,
        options: { breakLine: true, fontSize: i === 0 ? 9 : 7, color: i === 2 ? 'B00020' : '333333' },
      })),
      {
        ...text,
        x: COL.x,
        y: SLIDE.h - 1.25,
        w: COL.w - 1.2,
        h: 1.05,
        fit: 'shrink',
      },
    );
    slide.addText(t.page, { ...text, x: SLIDE.w - SLIDE.m - 1.1, y: SLIDE.h - 0.2, w: 1.1, h: 0.18, fontSize: 8, color: '444444', align: 'right' });
    slide.addNotes(t.notes?.text ?? '');
  }
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}
