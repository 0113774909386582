/**
 * Drops the rules of MapLibre's stylesheet for controls the map never shows (its logo, a 39 KB
 * inline SVG, the geolocate, fullscreen, globe and terrain buttons and the user-location dot), so
 * the first view does not download them. The map's controls (src/map/map-controller.ts: zoom,
 * attribution, scale) keep every rule they had.
 */
import type { Plugin } from 'vite';

const STYLESHEET = /node_modules\/maplibre-gl\/dist\/maplibre-gl\.css$/;

/** Selectors naming any of these belong to a control the map does not add. */
export const UNUSED_CONTROLS = [
  'maplibregl-ctrl-logo',
  'maplibregl-ctrl-geolocate',
  'maplibregl-ctrl-fullscreen',
  'maplibregl-ctrl-shrink',
  'maplibregl-ctrl-globe',
  'maplibregl-ctrl-terrain',
  'maplibregl-user-location',
];

/**
 * `css` without the selectors that name an unused control: a rule loses those of its selectors,
 * and goes when none is left; an at-rule block goes when it is left empty. Expects plain CSS
 * (no braces inside strings, which MapLibre's stylesheet does not have).
 */
export function stripUnusedControls(css: string, unused: readonly string[] = UNUSED_CONTROLS): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) return out + css.slice(i);
    const prelude = css.slice(i, open);
    const close = blockEnd(css, open);
    const body = css.slice(open + 1, close);
    if (prelude.trimStart().startsWith('@')) {
      const inner = /^\s*@(media|supports|layer|container)\b/.test(prelude) ? stripUnusedControls(body, unused) : body;
      if (inner.trim()) out += `${prelude}{${inner}}`;
    } else {
      const kept = splitSelectors(prelude).filter((sel) => !unused.some((u) => sel.includes(u)));
      if (kept.length) out += `${kept.join(',')}{${body}}`;
    }
    i = close + 1;
  }
  return out;
}

/** The index of the `}` that closes the block opened at `open`. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let j = open; j < css.length; j++) {
    if (css[j] === '{') depth++;
    else if (css[j] === '}' && --depth === 0) return j;
  }
  throw new Error('maplibre-gl.css: unbalanced braces');
}

/** A selector list split at its top-level commas (not those inside :is(…), :not(…)). */
function splitSelectors(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let j = 0; j < list.length; j++) {
    const c = list[j];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, j));
      start = j + 1;
    }
  }
  parts.push(list.slice(start));
  return parts;
}

export function maplibreCssPlugin(): Plugin {
  return {
    name: 'maplibre-css',
    enforce: 'pre',
    transform(code, id) {
      return STYLESHEET.test(id.split('?')[0]!) ? { code: stripUnusedControls(code), map: null } : null;
    },
  };
}
