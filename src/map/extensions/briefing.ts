/**
 * Map extension of the briefing feature: the chapter's highlight (zones and parks drawn with a
 * high-contrast ring), telling the store when a chapter's flight has ended, and the PNG export
 * (the map canvas composed at 2× with title, legend, scale bar and source line).
 * Called once by MapView after the controller exists; returns a function that undoes it.
 */
import type { ExpressionSpecification, GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import type { MapController } from '../map-controller';
import type { AppStore } from '../../state/store';
import { currentChapter, CAMERA_TOLERANCE } from '../../state/slices/briefing';
import { LAYER_GROUPS } from '../layers';
import type { LegendItem, LegendSwatch } from '../layers';
import { t } from '../../i18n';
import type { LayerGroupId } from '../../domain/ids';
import type { Lang } from '../../domain/types';

const SOURCE = 'briefing-highlight';
export const HIGHLIGHT_COLOR = '#d4006a';
export const HIGHLIGHT_LAYERS = ['briefing-hl-fill', 'briefing-hl-casing', 'briefing-hl-line', 'briefing-hl-park-casing', 'briefing-hl-park'] as const;

let active: { controller: MapController; store: AppStore } | null = null;

/** The map's features with these ids (zones, then parks): plain filtering, no geometry work. */
export function highlightFeatures(store: AppStore, ids: readonly string[]): GeoJSON.FeatureCollection {
  const geo = store.getState().geo;
  const want = new Set(ids);
  const features: GeoJSON.Feature[] = [];
  if (geo?.zones.ok)
    for (const f of geo.zones.data.features)
      if (want.has(f.properties.id)) features.push({ type: 'Feature', geometry: f.geometry, properties: { id: f.properties.id } });
  if (geo?.parks.ok)
    for (const f of geo.parks.data.features)
      if (want.has(f.properties.id)) features.push({ type: 'Feature', geometry: f.geometry, properties: { id: f.properties.id } });
  return { type: 'FeatureCollection', features };
}

function addLayers(map: MlMap): void {
  if (map.getSource(SOURCE)) return;
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  const polys: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
  const point: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];
  const notPoint: ExpressionSpecification = ['!', point];
  map.addLayer({ id: 'briefing-hl-fill', type: 'fill', source: SOURCE, filter: polys, paint: { 'fill-color': HIGHLIGHT_COLOR, 'fill-opacity': 0.06 } });
  map.addLayer({
    id: 'briefing-hl-casing',
    type: 'line',
    source: SOURCE,
    filter: notPoint,
    paint: { 'line-color': '#ffffff', 'line-width': 7, 'line-opacity': 0.9 },
  });
  map.addLayer({ id: 'briefing-hl-line', type: 'line', source: SOURCE, filter: notPoint, paint: { 'line-color': HIGHLIGHT_COLOR, 'line-width': 3.5 } });
  map.addLayer({
    id: 'briefing-hl-park-casing',
    type: 'circle',
    source: SOURCE,
    filter: point,
    paint: { 'circle-radius': 13, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 6 },
  });
  map.addLayer({
    id: 'briefing-hl-park',
    type: 'circle',
    source: SOURCE,
    filter: point,
    paint: { 'circle-radius': 13, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': HIGHLIGHT_COLOR, 'circle-stroke-width': 3.5 },
  });
}

const isRealController = (c: MapController) =>
  typeof (c as Partial<MapController>).whenStyle === 'function' && typeof (c.map as Partial<MlMap> | undefined)?.getCanvas === 'function';

export function install(controller: MapController, store: AppStore): () => void {
  const real = isRealController(controller);
  const unsubs: (() => void)[] = [];
  let added = false;
  const show = (ids: string[]) => {
    if (!real || (!added && ids.length === 0)) return;
    controller.whenStyle(() => {
      addLayers(controller.map);
      added = true;
      (controller.map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(highlightFeatures(store, ids));
    });
  };
  unsubs.push(
    store.subscribe(
      (s) => [s.briefingHighlight, s.geo] as const,
      ([ids]) => show(ids),
      { fireImmediately: true, equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
    ),
  );

  // the chapter's flight has ended once the map reports a camera after it (or at once if the map is already there)
  unsubs.push(
    store.subscribe(
      (s) => s.camera,
      () => store.getState().briefingCameraSettled(),
    ),
  );
  unsubs.push(
    store.subscribe(
      (s) => s.briefingSeq,
      () => {
        const ch = currentChapter(store.getState());
        if (!ch || !real) return;
        const c = controller.camera();
        const there =
          Math.abs(c.lng - ch.camera.lng) <= CAMERA_TOLERANCE.deg &&
          Math.abs(c.lat - ch.camera.lat) <= CAMERA_TOLERANCE.deg &&
          Math.abs(c.zoom - ch.camera.zoom) <= CAMERA_TOLERANCE.zoom;
        if (there) store.getState().briefingCameraSettled();
      },
    ),
  );
  active = { controller, store };
  return () => {
    unsubs.forEach((u) => u());
    if (active?.controller === controller) active = null;
  };
}

// ---------------------------------------------------------------- PNG export

export type ExportFailure = 'noMap' | 'noCanvas' | 'blank';
export type ExportResult = { ok: true; blob: Blob; width: number; height: number } | { ok: false; reason: ExportFailure; detail?: string };

/** Pure: is this RGBA sample blank (transparent, or one flat colour)? */
export function isBlankPixels(data: ArrayLike<number>, tolerance = 6): boolean {
  if (data.length < 4) return true;
  let opaque = 0;
  const [r0, g0, b0] = [data[0]!, data[1]!, data[2]!];
  let varied = false;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3]! > 8) opaque++;
    if (Math.abs(data[i]! - r0) + Math.abs(data[i + 1]! - g0) + Math.abs(data[i + 2]! - b0) > tolerance) varied = true;
  }
  return opaque === 0 || !varied;
}

/** A “nice” scale bar for metres per CSS pixel: the longest 1/2/5×10^n length within maxPx. */
export function scaleBar(metresPerPixel: number, maxPx: number): { metres: number; px: number; label: string } {
  const max = metresPerPixel * maxPx;
  const pow = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((k) => k * pow).find((m) => m <= max) ?? pow;
  return { metres, px: metres / metresPerPixel, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}

/** MapLibre's ground resolution (512-px tiles) at a latitude and zoom, in metres per CSS pixel. */
export function metresPerPixel(lat: number, zoom: number): number {
  return (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export const EXPORT_LAYOUT = { scale: 2, titleH: 76, legendW: 300, footerH: 56 } as const;
const FONT = "'Noto Sans SC', system-ui, sans-serif";

export interface ExportText {
  lang: Lang;
  title: string;
  subtitle: string;
  /** shown under the legend (e.g. the chapter's target figures) */
  extra: string[];
}

function legendLabel(store: AppStore, item: LegendItem, lang: Lang): string {
  if (typeof item.label === 'string') return t(lang, item.label);
  const text = item.label[lang];
  if (!text.startsWith('sector:')) return text;
  const node = store.getState().derived?.sectorNodes.get(text.slice(7));
  return node ? (lang === 'zh' ? node.name_zh : node.name_en) : text.slice(7);
}

function drawSwatch(ctx: CanvasRenderingContext2D, s: LegendSwatch, x: number, y: number): void {
  ctx.save();
  if (s.kind === 'fill') {
    ctx.globalAlpha = Math.max(s.opacity, 0.25);
    ctx.fillStyle = s.color;
    ctx.fillRect(x, y, 22, 14);
    ctx.globalAlpha = 1;
    if (s.outline) {
      ctx.strokeStyle = s.outline;
      ctx.strokeRect(x + 0.5, y + 0.5, 21, 13);
    }
  } else if (s.kind === 'line') {
    ctx.strokeStyle = s.color;
    ctx.lineWidth = s.width;
    ctx.setLineDash(s.dashed ? [5, 3] : []);
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
    ctx.arc(x + 11, y + 7, 5, 0, Math.PI * 2);
    if (!s.hollow) {
      ctx.fillStyle = s.color;
      ctx.fill();
    }
    ctx.strokeStyle = s.stroke;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
  ctx.restore();
}

/** Splits text into lines no wider than `width` (by character: works for Chinese and English). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (ctx.measureText(line + ch).width > width && line) {
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

function waitIdle(map: MlMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/**
 * Composes the current view: title band, the map, a legend of the visible layer groups, a scale
 * bar and the source line, at 2× the map's CSS size. Says why instead of returning a blank image.
 */
export async function exportCurrentView(text: ExportText): Promise<ExportResult> {
  if (!active || !isRealController(active.controller)) return { ok: false, reason: 'noMap' };
  const { controller, store } = active;
  const s = store.getState();
  if (s.mapStatus !== 'ready') return { ok: false, reason: 'noMap', detail: s.mapStatus };
  const map = controller.map;
  await waitIdle(map);
  const src = map.getCanvas();
  const cssW = src.clientWidth;
  const cssH = src.clientHeight;
  if (!cssW || !cssH || !src.width || !src.height) return { ok: false, reason: 'noMap', detail: 'the map has no size' };

  // blank check on a small copy of the WebGL canvas (preserveDrawingBuffer keeps it readable)
  const probe = document.createElement('canvas');
  probe.width = 48;
  probe.height = 32;
  const pctx = probe.getContext('2d', { willReadFrequently: true });
  if (!pctx) return { ok: false, reason: 'noCanvas' };
  pctx.drawImage(src, 0, 0, probe.width, probe.height);
  if (isBlankPixels(pctx.getImageData(0, 0, probe.width, probe.height).data)) return { ok: false, reason: 'blank' };

  const { scale, titleH, legendW, footerH } = EXPORT_LAYOUT;
  const W = cssW + legendW;
  const H = titleH + cssH + footerH;
  const out = document.createElement('canvas');
  out.width = W * scale;
  out.height = H * scale;
  const ctx = out.getContext('2d');
  if (!ctx) return { ok: false, reason: 'noCanvas' };
  const lang = text.lang;
  const visible = LAYER_GROUPS.filter((g) => s.layers[g.id as LayerGroupId]);
  const labels = visible.flatMap((g) => [t(lang, g.label), ...g.legend.map((i) => legendLabel(store, i, lang))]);
  const source = t(lang, 'briefingSource');
  try {
    await document.fonts?.load(`16px ${FONT}`, [text.title, text.subtitle, source, ...labels, ...text.extra].join(''));
  } catch {
    // fonts are a nicety: the system font draws the same text
  }
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  // map
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(src, 0, titleH, cssW, cssH);
  // title band
  ctx.fillStyle = '#111111';
  ctx.fillRect(0, 0, W, titleH);
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `bold 26px ${FONT}`;
  ctx.fillText(text.title, 20, 38, W - 40);
  ctx.font = `15px ${FONT}`;
  ctx.fillStyle = '#d8d8d8';
  ctx.fillText(text.subtitle, 20, 62, W - 40);
  // legend column
  const lx = cssW;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(lx, titleH, legendW, cssH);
  ctx.strokeStyle = '#111111';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(lx + 0.5, titleH);
  ctx.lineTo(lx + 0.5, titleH + cssH);
  ctx.stroke();
  let y = titleH + 28;
  ctx.fillStyle = '#111111';
  ctx.font = `bold 17px ${FONT}`;
  ctx.fillText(t(lang, 'legend'), lx + 16, y);
  y += 14;
  const room = legendW - 16 - 30 - 10;
  for (const g of visible) {
    if (y > titleH + cssH - 20) break;
    ctx.font = `bold 13px ${FONT}`;
    ctx.fillStyle = '#111111';
    y += 18;
    ctx.fillText(t(lang, g.label), lx + 16, y, legendW - 28);
    ctx.font = `12px ${FONT}`;
    for (const item of g.legend) {
      for (const [k, line] of wrap(ctx, legendLabel(store, item, lang), room).entries()) {
        y += 16;
        if (k === 0) drawSwatch(ctx, item.swatch, lx + 16, y - 11);
        ctx.fillStyle = '#222222';
        ctx.fillText(line, lx + 46, y);
      }
    }
    y += 4;
  }
  if (s.briefingHighlight.length) {
    y += 18;
    drawSwatch(ctx, { kind: 'line', color: HIGHLIGHT_COLOR, width: 3.5 }, lx + 16, y - 11);
    ctx.font = `12px ${FONT}`;
    ctx.fillStyle = '#222222';
    ctx.fillText(lang === 'zh' ? '本章重点' : 'Highlighted in this chapter', lx + 46, y);
  }
  if (text.extra.length) {
    y += 12;
    ctx.font = `12px ${FONT}`;
    for (const line of text.extra.flatMap((e) => wrap(ctx, e, legendW - 32))) {
      y += 16;
      if (y > titleH + cssH - 6) break;
      ctx.fillStyle = '#111111';
      ctx.fillText(line, lx + 16, y);
    }
  }
  // footer: scale bar and source line
  const fy = titleH + cssH;
  ctx.fillStyle = '#f3f3f3';
  ctx.fillRect(0, fy, W, footerH);
  const cam = controller.camera();
  const bar = scaleBar(metresPerPixel(cam.lat, cam.zoom), 140);
  ctx.strokeStyle = '#111111';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(20, fy + 16);
  ctx.lineTo(20, fy + 24);
  ctx.lineTo(20 + bar.px, fy + 24);
  ctx.lineTo(20 + bar.px, fy + 16);
  ctx.stroke();
  ctx.fillStyle = '#111111';
  ctx.font = `12px ${FONT}`;
  ctx.fillText(bar.label, 26 + bar.px, fy + 25);
  ctx.font = `11px ${FONT}`;
  ctx.fillStyle = '#333333';
  const sx = 200;
  for (const [k, line] of wrap(ctx, source, W - sx - 16)
    .slice(0, 3)
    .entries())
    ctx.fillText(line, sx, fy + 18 + k * 14);

  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (!blob) return { ok: false, reason: 'noCanvas' };
  return { ok: true, blob, width: out.width, height: out.height };
}

/** Puts the map at a chapter's camera at once (no flight), for exporting chapter after chapter. */
export function jumpToChapterCamera(): void {
  if (!active || !isRealController(active.controller)) return;
  const ch = currentChapter(active.store.getState());
  if (ch) active.controller.jumpTo(ch.camera);
}
