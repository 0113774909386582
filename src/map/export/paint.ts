/** Draws an export layout (layout.ts) on a 2D canvas: a thin loop, no decisions. */
import type { LegendSwatch } from '../layers';
import type { ExportLayout } from './layout';
import { BASIS_RING } from '../../theme/map-colors';

function drawSwatch(ctx: CanvasRenderingContext2D, s: LegendSwatch, x: number, y: number): void {
  ctx.save();
  if (s.kind === 'fill') {
    ctx.globalAlpha = Math.max(s.opacity, 0.25);
    ctx.fillStyle = s.color;
    ctx.fillRect(x, y, 22, 14);
    ctx.globalAlpha = 1;
    if (s.outline) {
      ctx.strokeStyle = s.outline;
      ctx.setLineDash(s.dashedOutline ? [3, 2] : []);
      ctx.strokeRect(x + 0.5, y + 0.5, 21, 13);
    }
    if (s.inset) {
      ctx.strokeStyle = s.inset;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([3, 2]);
      ctx.strokeRect(x + 3.5, y + 3.5, 15, 7);
    }
  } else if (s.kind === 'line') {
    ctx.strokeStyle = s.color;
    ctx.lineWidth = s.width;
    ctx.lineCap = s.dotted ? 'round' : 'butt';
    ctx.setLineDash(s.dotted ? [0.1, 4] : s.dashed ? [5, 3] : []);
    ctx.beginPath();
    ctx.moveTo(x, y + 7);
    ctx.lineTo(x + 22, y + 7);
    ctx.stroke();
  } else {
    if (s.halo) {
      ctx.fillStyle = s.color;
      ctx.globalAlpha = 0.2;
      ctx.beginPath();
      ctx.arc(x + 11, y + 7, 6.5, 0, Math.PI * 2);
      ctx.fill();
      ctx.globalAlpha = 1;
    }
    ctx.beginPath();
    ctx.arc(x + 11, y + 7, s.r ?? 5, 0, Math.PI * 2);
    ctx.globalAlpha = s.opacity ?? 1;
    if (!s.hollow) {
      ctx.fillStyle = s.color;
      ctx.fill();
    }
    ctx.strokeStyle = s.stroke;
    ctx.lineWidth = s.strokeWidth ?? 1.5;
    ctx.stroke();
    ctx.globalAlpha = 1;
    if (s.ring) {
      // the basis ring just outside the dot (as the map's parks-basis layer draws it)
      ctx.beginPath();
      ctx.arc(x + 11, y + 7, (s.r ?? 5) + 2 + s.ring / 2, 0, Math.PI * 2);
      ctx.strokeStyle = BASIS_RING.color;
      ctx.lineWidth = s.ring;
      ctx.stroke();
    }
  }
  ctx.restore();
}

/** Paints the layout at `scale` device pixels per CSS pixel, with `map` where the layout puts the map. */
export function paintExport(ctx: CanvasRenderingContext2D, layout: ExportLayout, map: CanvasImageSource, scale: number): void {
  ctx.scale(scale, scale);
  ctx.textBaseline = 'alphabetic';
  ctx.imageSmoothingQuality = 'high';
  for (const o of layout.ops) {
    if (o.op === 'rect') {
      ctx.fillStyle = o.fill;
      ctx.fillRect(o.x, o.y, o.w, o.h);
    } else if (o.op === 'map') ctx.drawImage(map, o.x, o.y, o.w, o.h);
    else if (o.op === 'text') {
      ctx.font = o.font;
      ctx.fillStyle = o.color;
      if (o.maxWidth === undefined) ctx.fillText(o.text, o.x, o.y);
      else ctx.fillText(o.text, o.x, o.y, o.maxWidth);
    } else if (o.op === 'path') {
      ctx.strokeStyle = o.stroke;
      ctx.lineWidth = o.width;
      ctx.setLineDash([]);
      ctx.beginPath();
      o.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      ctx.stroke();
    } else drawSwatch(ctx, o.swatch, o.x, o.y);
  }
}
