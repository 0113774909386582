/**
 * One CSV cell, safe to open in a spreadsheet: every CSV this project writes (the browser's export
 * and `npm run link`) goes through {@link csvCell}.
 *
 * CSV injection (OWASP): a cell starting with `=`, `+`, `-` or `@` is read by Excel, LibreOffice
 * and Google Sheets as a formula (`=HYPERLINK("http://…","click")` becomes a live link, `@SUM(1+1)`
 * runs), and TAB or CR at the start can hide one. Such a cell is neutralised as OWASP recommends:
 * a single quote is put before it and the whole cell is quoted, so it shows as text. A plain
 * number (`-3.5`, `+1e3`) cannot be a formula and stays a number. Quoting is RFC 4180: a cell with
 * `"`, the delimiter, CR or LF, or space at either end, is quoted with its quotes doubled.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True when a spreadsheet would read the text as a formula (and it is not a plain number). */
export function startsFormula(v: string): boolean {
  return FORMULA_START.test(v) && !PLAIN_NUMBER.test(v);
}

/**
 * True when `v` surely needs nothing done: it starts with a letter, a digit or a character past
 * U+00FF that is not a space, and holds no quote, comma, CR or LF. One pass over the characters,
 * the common case of names and ids (the full rules below give the same answer for these).
 */
function plainCell(v: string): boolean {
  const n = v.length;
  if (n === 0) return true;
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(n - 1);
  if (!plainEnd(first) || !plainEnd(last)) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = v.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13) return false;
  }
  return true;
}

/** A letter or digit (ASCII), or a character from U+0100 on that `\s` does not match. */
function plainEnd(c: number): boolean {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 0x100) return false;
  // the \s characters from U+0100 on
  return !(c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

export function csvCell(v: string | number | boolean | null | undefined, delimiter = ','): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (delimiter === ',' && plainCell(v)) return v;
  if (startsFormula(v)) return `"'${v.replace(/"/g, '""')}"`;
  const needsQuotes = v.includes('"') || v.includes(delimiter) || v.includes('\r') || v.includes('\n') || /^\s|\s$/.test(v);
  return needsQuotes ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One CSV line of cells (no line end). */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells.map((c) => csvCell(c)).join(',');
}

/** The byte order mark Excel needs to open UTF-8 (Chinese) correctly. */
export const BOM = '\uFEFF';
