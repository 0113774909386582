/**
 * The page's two sets of @font-face rules (src/app/font-rules.ts: the page's text;
 * src/map/map-font.ts: the map's labels) are built and declared the same way.
 */

/** One @font-face rule for a woff2 file of the bundled font; `local` (local() sources) come first. */
export function fontFaceRule(family: string, url: string, unicodeRange: string, opts: { local?: string; swap?: boolean } = {}): string {
  return `@font-face{font-family:'${family}';font-style:normal;font-weight:400;${opts.swap ? 'font-display:swap;' : ''}src:${opts.local ?? ''}url(${url}) format('woff2');unicode-range:${unicodeRange}}`;
}

/** Declares `css` in `doc` as a constructed style sheet (the Content-Security-Policy allows no inline style element); returns the sheet. */
export function adoptSheet(doc: Document, css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return sheet;
}
