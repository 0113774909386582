import { FONT_FAMILY, FONT_SLICES } from 'virtual:font-faces';

/**
 * The page's @font-face rules, from the same slices the map uses (woff2 only, loaded on demand).
 * A constructed style sheet, not a <style> element: the Content-Security-Policy allows no inline
 * style elements.
 */
export function installFontRules(doc: Document = document): void {
  if (installed.has(doc)) return;
  installed.add(doc);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules());
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

const installed = new WeakSet<Document>();

function rules(): string {
  return FONT_SLICES.map(
    (s) =>
      `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:400;font-display:swap;src:url(${s.url}) format('woff2');unicode-range:${s['unicode-range'].join(',')}}`,
  ).join('\n');
}
