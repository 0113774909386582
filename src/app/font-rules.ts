import { FONT_FAMILY, FONT_SLICES } from 'virtual:font-faces';

/** The page's @font-face rules, from the same slices the map uses (woff2 only, loaded on demand). */
export function installFontRules(doc: Document = document): void {
  if (doc.getElementById('font-rules')) return;
  const style = doc.createElement('style');
  style.id = 'font-rules';
  style.textContent = FONT_SLICES.map(
    (s) =>
      `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:400;font-display:swap;src:url(${s.url}) format('woff2');unicode-range:${s['unicode-range'].join(',')}}`,
  ).join('\n');
  doc.head.appendChild(style);
}
