/** [first, last] code point pairs of a CSS unicode-range list (`U+4e00-4e3f`, `U+41`). */
export function parseUnicodeRange(items: readonly string[]): [number, number][] {
  return items.map((r) => {
    const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
  });
}

/** Whether a CSS unicode-range list covers a code point. */
export function rangeCovers(items: readonly string[], cp: number): boolean {
  return parseUnicodeRange(items).some(([a, b]) => a <= cp && cp <= b);
}
