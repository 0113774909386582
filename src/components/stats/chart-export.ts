/**
 * Saving a drawn chart as a file: its SVG with title, unit and source line around it (the pure
 * chart-image.ts), as SVG, or as a PNG at twice the size drawn through a canvas.
 */
import { chartImageSvg } from '../../state/stats/chart-image';
import { downloadBlob } from '../briefing/dom';

export interface ChartFileText {
  title: string;
  unit: string;
  source: string;
}

function image(svg: SVGSVGElement, text: ChartFileText, fallback: { width: number; height: number }) {
  const size = { width: Number(svg.getAttribute('width')) || fallback.width, height: Number(svg.getAttribute('height')) || fallback.height };
  const markup = chartImageSvg(new XMLSerializer().serializeToString(svg), size, text);
  return { markup, width: size.width + 16, height: size.height + 70 };
}

/** Saves the chart `svg` as `file`.svg or `file`.png (2×). */
export function saveChart(
  svg: SVGSVGElement | null | undefined,
  kind: 'svg' | 'png',
  text: ChartFileText,
  file: string,
  fallback: { width: number; height: number },
): void {
  if (!svg) return;
  const img = image(svg, text, fallback);
  if (kind === 'svg') {
    downloadBlob(new Blob([img.markup], { type: 'image/svg+xml' }), `${file}.svg`);
    return;
  }
  const url = URL.createObjectURL(new Blob([img.markup], { type: 'image/svg+xml' }));
  const pic = new Image();
  pic.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = img.width * 2;
    canvas.height = img.height * 2;
    const ctx = canvas.getContext('2d');
    if (ctx) {
      ctx.scale(2, 2);
      ctx.drawImage(pic, 0, 0);
      canvas.toBlob((b) => b && downloadBlob(b, `${file}.png`), 'image/png');
    }
    URL.revokeObjectURL(url);
  };
  pic.src = url;
}

/**
 * What every Plot chart needs before it is shown: Plot adds a <style> element, which the page's
 * Content-Security-Policy refuses (its rules are in stats.css), and labels its marks' groups,
 * which ARIA does not allow on a plain group. `role`: an image named by its title, or a group of
 * focusable marks.
 */
export function tidyPlotSvg(svg: Element, role: 'img' | 'group'): void {
  svg.querySelectorAll('style').forEach((e) => e.remove());
  svg.querySelectorAll('g[aria-label]').forEach((e) => e.removeAttribute('aria-label'));
  svg.setAttribute('role', role);
}
