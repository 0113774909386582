/**
 * The handout's page layout, pure: one A4-landscape page per briefing chapter, the map at the left
 * with its scale bar, the chapter's words and the legend at the right, the chapter's QR code, the
 * source line at the foot, presenter notes under the map when asked for. Text is wrapped with an
 * injected measure (the PDF's embedded font in the app). Coordinates are PDF points from the top
 * left; handout-pdf.ts turns them into PDF operations.
 */
import type { MapFigure } from '../domain/map-image';
import type { LegendSwatch } from '../theme/legend';

/** A4 landscape in points, and the page's margin. */
export const HANDOUT_PAGE = { width: 841.89, height: 595.28, margin: 28 } as const;
/** the map's box at most; the right column begins after it */
const MAP_W = 530;
const MAP_H = 420;
const MAP_H_NOTES = 300;
const GAP = 20;
const QR = 72;

/** Everything a page says besides the map's own legend, already in the handout's language. */
export interface HandoutText {
  /** “Chapter 2 of 11 · the briefing's title” */
  kicker: string;
  title: string;
  caption: string;
  figuresTitle: string;
  figures: string[];
  /** “规划条款：五（一）” or “Plan clauses: §5.1” */
  clauses: string;
  /** presenter notes, when the handout carries them */
  notes: { title: string; text: string } | null;
  /** the chapter's link, what the QR code says, and a warning when the link works only on this computer */
  link: { href: string; label: string; warning: string | null };
  /** “2 / 11” */
  page: string;
}

export interface HandoutChapter {
  text: HandoutText;
  figure: MapFigure<LegendSwatch>;
}

export type PageOp =
  | { op: 'text'; text: string; x: number; y: number; size: number; color: string }
  | { op: 'image'; x: number; y: number; w: number; h: number }
  | { op: 'rect'; x: number; y: number; w: number; h: number; stroke: string }
  | { op: 'line'; from: [number, number]; to: [number, number]; width: number; color: string }
  | { op: 'swatch'; swatch: LegendSwatch; x: number; y: number; w: number; h: number }
  | { op: 'qr'; text: string; x: number; y: number; size: number };

/** Width of `text` at `size` points. */
export type MeasurePt = (text: string, size: number) => number;

/** Every text a chapter's page may draw (to know which glyphs to embed), with the ellipsis a cut line ends in. */
export function chapterTexts({ text, figure }: HandoutChapter): string {
  return [
    text.kicker,
    text.title,
    text.caption,
    text.figuresTitle,
    ...text.figures,
    text.clauses,
    text.notes?.title ?? '',
    text.notes?.text ?? '',
    text.link.href,
    text.link.label,
    text.link.warning ?? '',
    text.page,
    figure.legendTitle,
    ...figure.groups.flatMap((g) => [g.label, ...g.items.map((i) => i.label)]),
    figure.highlight?.label ?? '',
    figure.scaleBar.label,
    figure.source,
    '…',
  ].join('');
}

/** Splits text into lines no wider than `width` (by character, so Chinese wraps; English breaks at spaces when it can). */
export function wrapLines(text: string, width: number, size: number, measure: MeasurePt): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (line && measure(line + ch, size) > width) {
      const space = /\s/.test(ch);
      const cut = space ? -1 : line.lastIndexOf(' ');
      if (cut > line.length * 0.6) {
        lines.push(line.slice(0, cut));
        line = line.slice(cut + 1) + ch;
      } else {
        lines.push(line.trimEnd());
        line = space ? '' : ch;
      }
    } else line += ch;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** The map's box for an image of w × h inside max × max, keeping its shape. */
export function fitBox(w: number, h: number, maxW: number, maxH: number): { w: number; h: number } {
  const k = Math.min(maxW / w, maxH / h);
  return { w: w * k, h: h * k };
}

/**
 * A column of text that stops at `bottom`: lines that do not fit are dropped, the last one kept
 * ending in “…”, so nothing is drawn over what is below.
 */
class Column {
  readonly ops: PageOp[] = [];
  clipped = false;
  constructor(
    private readonly x: number,
    public y: number,
    private readonly width: number,
    private readonly bottom: number,
    private readonly measure: MeasurePt,
  ) {}

  /** whether a line of `size` with `leading` still fits */
  fits(leading: number): boolean {
    return this.y + leading <= this.bottom;
  }

  para(text: string, size: number, color: string, leading = size * 1.4, indent = 0): boolean {
    for (const line of wrapLines(text, this.width - indent, size, this.measure)) {
      if (!this.fits(leading)) {
        this.clip();
        return false;
      }
      this.y += leading;
      this.ops.push({ op: 'text', text: line, x: this.x + indent, y: this.y, size, color });
    }
    return true;
  }

  space(pt: number): void {
    this.y += pt;
  }

  /** marks the last line as cut short */
  private clip(): void {
    if (this.clipped) return;
    this.clipped = true;
    const last = [...this.ops].reverse().find((o): o is Extract<PageOp, { op: 'text' }> => o.op === 'text');
    if (last) last.text = `${last.text.replace(/.$/u, '')}…`;
  }

  /** a legend entry: its swatch, its label wrapped beside it */
  entry(swatch: LegendSwatch, label: string, size: number): boolean {
    const leading = size * 1.45;
    if (!this.fits(leading)) {
      this.clip();
      return false;
    }
    this.ops.push({ op: 'swatch', swatch, x: this.x, y: this.y + leading - size * 0.95, w: 16, h: size });
    return this.para(label, size, '#222222', leading, 22);
  }
}

/** One page: what goes where (top-down points), for a chapter's text and map figure. */
export function layoutHandoutPage(c: HandoutChapter, measure: MeasurePt): PageOp[] {
  const { width: W, height: H, margin: M } = HANDOUT_PAGE;
  const { text, figure } = c;
  const ops: PageOp[] = [];

  // head: the kicker and the chapter's title, a rule under them
  ops.push({ op: 'text', text: wrapLines(text.kicker, W - 2 * M, 9, measure)[0] ?? '', x: M, y: M + 9, size: 9, color: '#555555' });
  const title = wrapLines(text.title, W - 2 * M, 20, measure);
  ops.push({ op: 'text', text: title.length > 1 ? `${title[0]!.slice(0, -1)}…` : (title[0] ?? ''), x: M, y: M + 36, size: 20, color: '#111111' });
  ops.push({ op: 'line', from: [M, M + 46], to: [W - M, M + 46], width: 0.75, color: '#111111' });

  // the map, framed, and its scale bar (the bar's CSS pixels scaled with the map)
  const top = M + 56;
  const box = fitBox(figure.width, figure.height, MAP_W, text.notes ? MAP_H_NOTES : MAP_H);
  ops.push({ op: 'image', x: M, y: top, w: box.w, h: box.h });
  ops.push({ op: 'rect', x: M, y: top, w: box.w, h: box.h, stroke: '#111111' });
  const barY = top + box.h + 14;
  const bar = figure.scaleBar.px * (box.w / figure.width);
  ops.push({ op: 'line', from: [M, barY - 4], to: [M, barY], width: 1, color: '#111111' });
  ops.push({ op: 'line', from: [M, barY], to: [M + bar, barY], width: 1, color: '#111111' });
  ops.push({ op: 'line', from: [M + bar, barY], to: [M + bar, barY - 4], width: 1, color: '#111111' });
  ops.push({ op: 'text', text: figure.scaleBar.label, x: M + bar + 5, y: barY + 2, size: 8, color: '#111111' });

  // the foot: the source line (two lines at most) under the map, the page number at the right
  const source = wrapLines(figure.source, MAP_W, 7.5, measure).slice(0, 2);
  const footTop = H - M - source.length * 10;
  source.forEach((line, k) => ops.push({ op: 'text', text: line, x: M, y: footTop + 8 + k * 10, size: 7.5, color: '#444444' }));
  ops.push({ op: 'text', text: text.page, x: W - M - measure(text.page, 8), y: H - M, size: 8, color: '#444444' });

  // presenter notes under the map
  if (text.notes) {
    const notes = new Column(M, barY + 10, MAP_W, footTop - 6, measure);
    notes.para(text.notes.title, 10, '#111111');
    notes.para(text.notes.text, 9, '#222222', 13);
    ops.push(...notes.ops);
  }

  // the right column: caption, targets, legend, clauses; the QR code below them
  const x0 = M + MAP_W + GAP;
  const colW = W - M - x0;
  const qrTop = H - M - 14 - QR;
  const col = new Column(x0, top - 10, colW, qrTop - 8, measure);
  col.para(text.caption, 10, '#111111', 14);
  if (text.figures.length) {
    col.space(6);
    col.para(text.figuresTitle, 8.5, '#555555');
    for (const f of text.figures) col.para(f, 9, '#111111', 12.5);
  }
  col.space(6);
  col.para(figure.legendTitle, 10, '#111111');
  for (const g of figure.groups) {
    if (!col.para(g.label, 8.5, '#555555', 13)) break;
    if (!g.items.every((item) => col.entry(item.swatch, item.label, 8))) break;
  }
  if (figure.highlight) col.entry(figure.highlight.swatch, figure.highlight.label, 8);
  col.space(4);
  col.para(text.clauses, 8.5, '#333333');
  ops.push(...col.ops);

  ops.push({ op: 'qr', text: text.link.href, x: x0, y: qrTop, size: QR });
  const link = new Column(x0 + QR + 8, qrTop - 9, colW - QR - 8, qrTop + QR + 12, measure);
  link.para(text.link.label, 8, '#111111', 11);
  link.para(text.link.href, 6.5, '#333333', 8.5);
  if (text.link.warning) link.para(text.link.warning, 6.5, '#b00020', 8.5);
  ops.push(...link.ops);
  return ops;
}

/** A slice of the font: where it is, and the code points it holds (CSS unicode-range, e.g. `U+4e00-4e3f`). */
export interface FontSlice {
  url: string;
  'unicode-range': string[];
}

/** For each character of `text`, the index of the slice that holds it (-1: none does). */
export function slicesOf(text: string, ranges: [number, number][][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const ch of new Set(Array.from(text))) {
    const cp = ch.codePointAt(0)!;
    out.set(
      ch,
      ranges.findIndex((rs) => rs.some(([a, b]) => cp >= a && cp <= b)),
    );
  }
  return out;
}

/** #rgb, #rrggbb, rgb()/rgba() → pdf-lib colour and opacity. */
export function parseColor(css: string): { r: number; g: number; b: number; a: number } {
  const s = css.trim();
  let m = /^#([0-9a-f]{3})$/i.exec(s);
  if (m) {
    const [r, g, b] = Array.from(m[1]!).map((h) => parseInt(h + h, 16) / 255);
    return { r: r!, g: g!, b: b!, a: 1 };
  }
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(s);
  if (m) {
    const n = (i: number) => parseInt(m![1]!.slice(i, i + 2), 16) / 255;
    return { r: n(0), g: n(2), b: n(4), a: m[2] ? parseInt(m[2], 16) / 255 : 1 };
  }
  m = /^rgba?\(([^)]+)\)$/i.exec(s);
  if (m) {
    const [r, g, b, a] = m[1]!.split(/[ ,/]+/).map((v) => (v.endsWith('%') ? (parseFloat(v) / 100) * 255 : parseFloat(v)));
    return { r: r! / 255, g: g! / 255, b: b! / 255, a: a === undefined ? 1 : a > 1 ? a / 255 : a };
  }
  return { r: 0.5, g: 0.5, b: 0.5, a: 1 };
}

/** Chinese characters and full-width forms: a quote beside one is a Chinese text's quote. */
const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/u;
const STRAIGHT: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201C': '"', '\u201D': '"' };

/**
 * English text for the PDF handout: ‘ ’ “ ” set straight (' ") where neither neighbour is Chinese.
 * The handout's one font (Noto Sans SC) draws curly quotes full-width, with half a character of
 * space on one side ("a pole’ s", "“ 9+X ”"); the page sets them at Latin widths with the font's
 * 'palt' feature, which a PDF's glyph widths cannot carry. Quotes inside Chinese runs stay.
 */
export function latinQuotes(text: string): string {
  const chars = Array.from(text);
  return chars
    .map((ch, i) => {
      const straight = STRAIGHT[ch];
      if (!straight) return ch;
      return WIDE.test(chars[i - 1] ?? '') || WIDE.test(chars[i + 1] ?? '') ? ch : straight;
    })
    .join('');
}
