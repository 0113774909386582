import { MAP_FONT_FACES, MAP_LABEL_PACK } from 'virtual:font-faces';
import { FONT } from './layers/style-bits';
import { adoptSheet, fontFaceRule } from '../lib/font-face';

/**
 * The map's labels draw with the bundled Noto Sans SC through faces the page declares under the
 * layers' font name (`text-font`), not through the style's `font-faces`. MapLibre adds a
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
 *
 * The cuts come in one file, the labels' pack (preloaded by index.html): one request instead of
 * 25 that queue behind the scripts and the data. Until it is in, the cuts are declared as
 * @font-face rules of their own files, so a label drawn before then (a map made before the pack
 * came, or a pack that failed) still loads them and never draws with the system's font; once the
 * pack's faces are in the document, those rules go.
 */
export const MAP_FONT = FONT[0]!;

const loads = new WeakMap<Document, Promise<void>>();
let packBytes: Promise<ArrayBuffer | null> | null = null;

/** The labels' pack, fetched once for every document (null: none, or it failed). */
function labelPack(): Promise<ArrayBuffer | null> {
  packBytes ??= MAP_LABEL_PACK
    ? fetch(MAP_LABEL_PACK.url).then(
        (r) => (r.ok ? r.arrayBuffer() : null),
        () => null,
      )
    : Promise.resolve(null);
  return packBytes;
}

const faceRule = (f: { url: string; 'unicode-range': string[] }) => fontFaceRule(MAP_FONT, f.url, f['unicode-range'].join(','));

/**
 * The pack's faces, made in `doc`'s window and loaded (the bytes are in: no request); null when
 * the pack does not match the cuts or a face does not load.
 */
async function packFaces(doc: Document, bytes: ArrayBuffer, sizes: readonly number[]): Promise<FontFace[] | null> {
  if (sizes.reduce((a, b) => a + b, 0) !== bytes.byteLength) return null;
  const Face = (doc.defaultView as (Window & typeof globalThis) | null)?.FontFace ?? FontFace;
  let at = 0;
  const faces = sizes.map((n, i) => {
    const face = new Face(MAP_FONT, new Uint8Array(bytes, at, n), { unicodeRange: MAP_FONT_FACES[i]!['unicode-range'].join(',') });
    at += n;
    return face;
  });
  return Promise.all(faces.map((f) => f.loaded)).then(
    () => faces,
    () => null,
  );
}

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
  const sheet = adoptSheet(doc, MAP_FONT_FACES.map(faceRule).join('\n'));
  const cuts = MAP_LABEL_PACK?.sizes ?? [];
  const load = labelPack()
    .then(async (bytes) => {
      const faces = bytes && (await packFaces(doc, bytes, cuts));
      if (!faces) return;
      for (const face of faces) fonts.add(face);
      // the cuts' own rules (the sheet's first): their characters are the pack's faces' now
      for (let i = cuts.length - 1; i >= 0; i--) sheet.deleteRule(i);
    })
    // what MapLibre asks for before its first glyph (a font size of its own; the size does not matter)
    .then(() => fonts.load(`24px '${MAP_FONT}'`))
    .then(
      () => undefined,
      () => undefined,
    );
  loads.set(doc, load);
  return load;
}
