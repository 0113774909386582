/**
 * A count as both of the app's languages write it (12,345), whatever the browser's own locale.
 * Grouped here rather than by `toLocaleString`: the first ICU number format a page makes costs
 * 30–45 ms on a 2-core machine, and the first view shows a count (the export's number of sites).
 */
export function countText(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}
