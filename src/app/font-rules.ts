import { FONT_SLICES } from 'virtual:font-faces';
import { PAGE_FONT_FAMILY } from '../theme/page-font';
import { rangeCovers } from '../lib/unicode-range';
import { adoptSheet, fontFaceRule } from '../lib/font-face';

/**
 * The page's @font-face rules, from the same slices the map uses (woff2 only, loaded on demand),
 * under a family name of the page's own (PAGE_FONT_FAMILY).
 * A constructed style sheet, not a <style> element: the Content-Security-Policy allows no inline
 * style elements.
 */
export function installFontRules(doc: Document = document): void {
  if (installed.has(doc)) return;
  installed.add(doc);
  adoptSheet(doc, rules());
}

const installed = new WeakSet<Document>();

/**
 * English pages' family for ‘ ’ “ ” only (src/styles.css): a Latin system font's where the machine
 * has one, else the bundled slice that holds General Punctuation (half-width with 'palt').
 */
const QUOTES_FAMILY = 'UI Latin Quotes';
const QUOTES_RANGE = 'U+2018-2019,U+201C-201D';
const LATIN_LOCAL = ['Helvetica Neue', 'Helvetica', 'Arial', 'Segoe UI', 'Roboto', 'DejaVu Sans'].map((f) => `local('${f}'),`).join('');

function rules(): string {
  const face = (family: string, url: string, range: string, local = '') => fontFaceRule(family, url, range, { local, swap: true });
  const latin = FONT_SLICES.find((s) => rangeCovers(s['unicode-range'], 0x2018) && rangeCovers(s['unicode-range'], 0x201d));
  return [
    ...FONT_SLICES.map((s) => face(PAGE_FONT_FAMILY, s.url, s['unicode-range'].join(','))),
    ...(latin ? [face(QUOTES_FAMILY, latin.url, QUOTES_RANGE, LATIN_LOCAL)] : []),
  ].join('\n');
}
