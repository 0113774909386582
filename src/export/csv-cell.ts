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

export function csvCell(v: string | number | boolean | null | undefined, delimiter = ','): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
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
