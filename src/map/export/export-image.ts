/**
 * The PNG export of the map as drawn: the port's snapshot, checked for blankness, composed with
 * title, legend, scale bar and source line (layout.ts), painted at 2× (paint.ts). Says why
 * instead of returning a blank image.
 */
import type { AppStore } from '../../state/store';
import type { MapPort } from '../map-port';
import { contentTexts, exportContent } from './content';
import type { ExportResult, ExportText } from '../../domain/map-image';
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

export async function exportMapImage(port: MapPort | null, store: AppStore, text: ExportText): Promise<ExportResult> {
  if (!port) return { ok: false, reason: 'noMap' };
  const status = store.getState().mapStatus;
  if (status !== 'ready') return { ok: false, reason: 'noMap', detail: status };
  const snap = await port.snapshot();
  if (!snap) return { ok: false, reason: 'noMap', detail: 'the map has no size' };
  const isBlank = blank(snap.canvas);
  if (isBlank === null) return { ok: false, reason: 'noCanvas' };
  if (isBlank) return { ok: false, reason: 'blank' };

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
