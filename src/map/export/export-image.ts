/**
 * The PNG export of the map as drawn: the port's snapshot, checked for blankness, composed with
 * title, legend, scale bar and source line (layout.ts), painted at 2× (paint.ts). Says why
 * instead of returning a blank image.
 */
import type { AppStore } from '../../state/store';
import type { MapPort } from '../map-port';
import { contentTexts, exportContent } from './content';
import type { ExportResult, ExportText, FigureResult } from '../../domain/map-image';
import type { Lang } from '../../domain/types';
import type { LegendSwatch } from '../layers';
import { EXPORT_FONT, EXPORT_LAYOUT, layoutExport } from './layout';
import { paintExport } from './paint';
import { isBlankPixels } from './scale';

/** Is the map's canvas blank? (a small copy is read: preserveDrawingBuffer keeps the WebGL canvas readable) */
function blank(canvas: HTMLCanvasElement): boolean | null {
  const probe = document.createElement('canvas');
  probe.width = 48;
  probe.height = 32;
  const ctx = probe.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(canvas, 0, 0, probe.width, probe.height);
  return isBlankPixels(ctx.getImageData(0, 0, probe.width, probe.height).data);
}

/** The map's snapshot, or why there is none (no map, not ready, no size, blank). */
async function drawnMap(port: MapPort | null, store: AppStore) {
  if (!port) return { ok: false, reason: 'noMap' } as const;
  const status = store.getState().mapStatus;
  if (status !== 'ready') return { ok: false, reason: 'noMap', detail: status } as const;
  const snap = await port.snapshot();
  if (!snap) return { ok: false, reason: 'noMap', detail: 'the map has no size' } as const;
  const isBlank = blank(snap.canvas);
  if (isBlank === null) return { ok: false, reason: 'noCanvas' } as const;
  if (isBlank) return { ok: false, reason: 'blank' } as const;
  return { ok: true, snap } as const;
}

export async function exportMapImage(port: MapPort | null, store: AppStore, text: ExportText): Promise<ExportResult> {
  const drawn = await drawnMap(port, store);
  if (!drawn.ok) return drawn;
  const { snap } = drawn;

  const content = exportContent(store.getState(), text, snap);
  try {
    await document.fonts?.load(`16px ${EXPORT_FONT}`, contentTexts(content).join(''));
  } catch {
    // fonts are a nicety: the system font draws the same text
  }
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  if (!ctx) return { ok: false, reason: 'noCanvas' };
  const layout = layoutExport(content, (s, font) => {
    ctx.font = font;
    return ctx.measureText(s).width;
  });
  // sizing the canvas resets the context: measuring above, painting below
  out.width = layout.width * EXPORT_LAYOUT.scale;
  out.height = layout.height * EXPORT_LAYOUT.scale;
  paintExport(ctx, layout, snap.canvas, EXPORT_LAYOUT.scale);
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (!blob) return { ok: false, reason: 'noCanvas' };
  return { ok: true, blob, width: out.width, height: out.height };
}

/**
 * The map alone as a JPEG (on white, at the screen's pixel density), with the legend, scale bar
 * and source as text, for a handout page that sets the text itself. Says why instead of a blank map.
 */
export async function exportMapFigure(port: MapPort | null, store: AppStore, lang: Lang): Promise<FigureResult<LegendSwatch>> {
  const drawn = await drawnMap(port, store);
  if (!drawn.ok) return drawn;
  const { snap } = drawn;
  const out = document.createElement('canvas');
  out.width = snap.canvas.width;
  out.height = snap.canvas.height;
  const ctx = out.getContext('2d');
  if (!ctx) return { ok: false, reason: 'noCanvas' };
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(snap.canvas, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/jpeg', 0.9));
  if (!blob) return { ok: false, reason: 'noCanvas' };
  const c = exportContent(store.getState(), { lang, title: '', subtitle: '', extra: [] }, snap);
  return {
    ok: true,
    figure: {
      image: new Uint8Array(await blob.arrayBuffer()),
      pixelWidth: out.width,
      pixelHeight: out.height,
      width: snap.width,
      height: snap.height,
      legendTitle: c.legendTitle,
      groups: c.groups,
      highlight: c.highlight,
      scaleBar: c.scaleBar,
      source: c.source,
    },
  };
}
