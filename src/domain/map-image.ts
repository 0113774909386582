/** What an image export of the map is asked for, and what it answers (see src/map/export). */
import type { Lang } from './types';

export interface ExportText {
  lang: Lang;
  title: string;
  subtitle: string;
  /** shown under the legend (e.g. the chapter's target figures) */
  extra: string[];
}

export type ExportFailure = 'noMap' | 'noCanvas' | 'blank';
export type ExportResult = { ok: true; blob: Blob; width: number; height: number } | { ok: false; reason: ExportFailure; detail?: string };

/**
 * The map of a handout page (PDF, slides): the map alone as an image, and what a page says beside
 * it (legend, scale bar, source) as text, so the file can set them as real, selectable text.
 * `S` is the legend's swatch type (src/theme/legend.ts).
 */
export interface MapFigure<S> {
  /** the map as drawn, JPEG bytes at the screen's pixel density */
  image: Uint8Array;
  /** the image's size in pixels, and the map's in CSS pixels (the scale bar is in CSS pixels) */
  pixelWidth: number;
  pixelHeight: number;
  width: number;
  height: number;
  legendTitle: string;
  groups: { label: string; items: { swatch: S; label: string }[] }[];
  highlight: { swatch: S; label: string } | null;
  scaleBar: { px: number; label: string };
  source: string;
}

export type FigureResult<S> = { ok: true; figure: MapFigure<S> } | { ok: false; reason: ExportFailure; detail?: string };
