import { MAP_FONT_FACES } from 'virtual:font-faces';
import { FONT } from './layers/style-bits';

/**
 * The map's labels draw with the bundled Noto Sans SC through @font-face rules the page declares
 * under the layers' font name (`text-font`), not through the style's `font-faces`. MapLibre adds a
 * `font-faces` file to `document.fonts` when a label first needs it, and each font the document
 * gains or finishes loading makes the browser lay out and repaint all of the page's text (1,333
 * layout objects at start-up), and raster the whole page again: with a software GPU (SwiftShader
 * here), about 190 ms of GPU-process CPU each time, several times while the map loads. Declared by
 * the page, the faces load once, before the panels are drawn (main.tsx), and MapLibre draws each
 * glyph with the CSS family (TinySDF).
 *
 * The faces (build/font-faces-plugin.ts) give each label character one file, a cut made for the
 * labels; every cut also declares the space, so the `document.fonts.load` that MapLibre awaits
 * before drawing any glyph (its font, for a space) waits for all of them. Other characters come
 * from the whole slices, loaded when first drawn.
 */
export const MAP_FONT = FONT[0]!;

const loads = new WeakMap<Document, Promise<void>>();

/**
 * Declares the map's font in `doc` (once; a constructed style sheet: the Content-Security-Policy
 * allows no inline style) and loads the labels' cuts. Resolves when they are in, or failed (the
 * map then draws with the system's font); at once where the browser has no CSS Font Loading API.
 */
export function installMapFont(doc: Document = document): Promise<void> {
  const done = loads.get(doc);
  if (done) return done;
  const fonts = doc.fonts as FontFaceSet | undefined;
  if (!fonts?.load || typeof CSSStyleSheet === 'undefined' || !('replaceSync' in CSSStyleSheet.prototype)) return Promise.resolve();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    MAP_FONT_FACES.map(
      (f) =>
        `@font-face{font-family:'${MAP_FONT}';font-style:normal;font-weight:400;src:url(${f.url}) format('woff2');unicode-range:${f['unicode-range'].join(',')}}`,
    ).join('\n'),
  );
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  // what MapLibre asks for before its first glyph (a font size of its own; the size does not matter)
  const load = fonts.load(`24px '${MAP_FONT}'`).then(
    () => undefined,
    () => undefined,
  );
  loads.set(doc, load);
  return load;
}
