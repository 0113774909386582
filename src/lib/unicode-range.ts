/** One item of a CSS unicode-range list (`U+4e00-4e3f`, `U+41`) as [first, last] code points. */
function parseItem(r: string): [number, number] {
  const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
  return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
}

/** [first, last] code point pairs of a CSS unicode-range list (`U+4e00-4e3f`, `U+41`). */
export function parseUnicodeRange(items: readonly string[]): [number, number][] {
  return items.map(parseItem);
}

/** Whether a CSS unicode-range list covers a code point (stops at the first item that does). */
export function rangeCovers(items: readonly string[], cp: number): boolean {
  return items.some((r) => {
    const [a, b] = parseItem(r);
    return a <= cp && cp <= b;
  });
}
