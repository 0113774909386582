/**
 * The image export's layout, pure: where the title band, the map, the legend of the visible
 * groups, the scale bar and the source line go, with text wrapped by an injected measureText.
 * The result is a list of drawing operations in CSS pixels (paint.ts draws them).
 */
import type { LegendSwatch } from '../layers';
import { PAGE_FONT_FAMILY } from '../../theme/page-font';

export const EXPORT_LAYOUT = { scale: 2, titleH: 76, legendW: 300, footerH: 56 } as const;
/** the page's bundled font (PAGE_FONT_FAMILY), so an image reads the same on every machine */
export const EXPORT_FONT = `'${PAGE_FONT_FAMILY}', system-ui, sans-serif`;

interface LegendLine {
  swatch: LegendSwatch;
  label: string;
}

/** Everything the image says, as text already in the export's language. */
export interface ExportContent {
  /** the map's size in CSS pixels */
  mapWidth: number;
  mapHeight: number;
  title: string;
  subtitle: string;
  /** the chapter's caption (the words for the room), first in the column; '' outside a briefing */
  caption: string;
  legendTitle: string;
  groups: { label: string; items: LegendLine[] }[];
  /** the chapter's highlight, when it has one */
  highlight: LegendLine | null;
  /** lines under the legend (e.g. the chapter's target figures) */
  extra: string[];
  scaleBar: { px: number; label: string };
  source: string;
}

export type DrawOp =
  | { op: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { op: 'map'; x: number; y: number; w: number; h: number }
  | { op: 'text'; text: string; x: number; y: number; font: string; color: string; maxWidth?: number }
  | { op: 'path'; points: [number, number][]; stroke: string; width: number }
  | { op: 'swatch'; swatch: LegendSwatch; x: number; y: number };

export interface ExportLayout {
  width: number;
  height: number;
  ops: DrawOp[];
}

/** Width of a text in a CSS font, in CSS pixels (a canvas's measureText in the app). */
export type MeasureText = (text: string, font: string) => number;

const font = (px: number, bold = false) => `${bold ? 'bold ' : ''}${px}px ${EXPORT_FONT}`;

/** Splits text into lines no wider than `width` (by character, so Chinese wraps; English prefers spaces). */
export function wrapText(text: string, width: number, fontSpec: string, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (measure(line + ch, fontSpec) > width && line) {
      const cut = /\s/.test(ch) ? -1 : line.lastIndexOf(' ');
      if (cut > line.length * 0.6) {
        lines.push(line.slice(0, cut));
        line = line.slice(cut + 1) + ch;
      } else {
        lines.push(line);
        line = /\s/.test(ch) ? '' : ch;
      }
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/** The column right of the map: the caption, then the legend's groups (as many as fit), the highlight, the extra lines. */
function legendOps(c: ExportContent, measure: MeasureText): DrawOp[] {
  const { titleH, legendW } = EXPORT_LAYOUT;
  const lx = c.mapWidth;
  const bottom = titleH + c.mapHeight;
  const ops: DrawOp[] = [
    { op: 'rect', x: lx, y: titleH, w: legendW, h: c.mapHeight, fill: '#ffffff' },
    {
      op: 'path',
      points: [
        [lx + 0.5, titleH],
        [lx + 0.5, bottom],
      ],
      stroke: '#111111',
      width: 1,
    },
  ];
  let y = titleH + 28;
  if (c.caption) {
    y -= 8;
    for (const line of wrapText(c.caption, legendW - 32, font(14), measure)) {
      if (y > bottom - 6) break;
      ops.push({ op: 'text', text: line, x: lx + 16, y, font: font(14), color: '#111111' });
      y += 19;
    }
    ops.push({
      op: 'path',
      points: [
        [lx + 16, y - 6],
        [lx + legendW - 16, y - 6],
      ],
      stroke: '#cccccc',
      width: 1,
    });
    y += 22;
  }
  ops.push({ op: 'text', text: c.legendTitle, x: lx + 16, y, font: font(17, true), color: '#111111' });
  y += 14;
  const room = legendW - 16 - 30 - 10;
  for (const g of c.groups) {
    if (y > bottom - 20) break;
    y += 18;
    ops.push({ op: 'text', text: g.label, x: lx + 16, y, font: font(13, true), color: '#111111', maxWidth: legendW - 28 });
    for (const item of g.items)
      for (const [k, line] of wrapText(item.label, room, font(12), measure).entries()) {
        y += 16;
        if (k === 0) ops.push({ op: 'swatch', swatch: item.swatch, x: lx + 16, y: y - 11 });
        ops.push({ op: 'text', text: line, x: lx + 46, y, font: font(12), color: '#222222' });
      }
    y += 4;
  }
  if (c.highlight) {
    y += 18;
    ops.push({ op: 'swatch', swatch: c.highlight.swatch, x: lx + 16, y: y - 11 });
    ops.push({ op: 'text', text: c.highlight.label, x: lx + 46, y, font: font(12), color: '#222222' });
  }
  if (c.extra.length) {
    y += 12;
    for (const line of c.extra.flatMap((e) => wrapText(e, legendW - 32, font(12), measure))) {
      y += 16;
      if (y > bottom - 6) break;
      ops.push({ op: 'text', text: line, x: lx + 16, y, font: font(12), color: '#111111' });
    }
  }
  return ops;
}

/** The footer: a scale bar at the left, the source line (up to three lines) beside it. */
function footerOps(c: ExportContent, width: number, measure: MeasureText): DrawOp[] {
  const { titleH, footerH } = EXPORT_LAYOUT;
  const fy = titleH + c.mapHeight;
  const px = c.scaleBar.px;
  const sx = 200;
  return [
    { op: 'rect', x: 0, y: fy, w: width, h: footerH, fill: '#f3f3f3' },
    {
      op: 'path',
      points: [
        [20, fy + 16],
        [20, fy + 24],
        [20 + px, fy + 24],
        [20 + px, fy + 16],
      ],
      stroke: '#111111',
      width: 2,
    },
    { op: 'text', text: c.scaleBar.label, x: 26 + px, y: fy + 25, font: font(12), color: '#111111' },
    ...wrapText(c.source, width - sx - 16, font(11), measure)
      .slice(0, 3)
      .map((line, k): DrawOp => ({ op: 'text', text: line, x: sx, y: fy + 18 + k * 14, font: font(11), color: '#333333' })),
  ];
}

/** The whole image: title band, map, legend column, footer; CSS pixels, drawn at EXPORT_LAYOUT.scale. */
export function layoutExport(c: ExportContent, measure: MeasureText): ExportLayout {
  const { titleH, legendW, footerH } = EXPORT_LAYOUT;
  const width = c.mapWidth + legendW;
  const height = titleH + c.mapHeight + footerH;
  return {
    width,
    height,
    ops: [
      { op: 'rect', x: 0, y: 0, w: width, h: height, fill: '#ffffff' },
      { op: 'map', x: 0, y: titleH, w: c.mapWidth, h: c.mapHeight },
      { op: 'rect', x: 0, y: 0, w: width, h: titleH, fill: '#111111' },
      { op: 'text', text: c.title, x: 20, y: 38, font: font(26, true), color: '#ffffff', maxWidth: width - 40 },
      { op: 'text', text: c.subtitle, x: 20, y: 62, font: font(15), color: '#d8d8d8', maxWidth: width - 40 },
      ...legendOps(c, measure),
      ...footerOps(c, width, measure),
    ],
  };
}
