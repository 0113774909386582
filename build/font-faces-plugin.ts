/**
 * `virtual:font-faces`: the bundled CJK font (@fontsource/noto-sans-sc, 100 woff2 slices) for both
 * MapLibre's style `font-faces` and the page's own @font-face rules, generated at build time.
 * Each slice is an asset Vite emits under our own origin; browsers and MapLibre fetch only the
 * slices whose unicode-range some text needs. Ranges are shipped compactly (base-36 deltas) and
 * expanded at start-up, so the descriptor costs a fraction of the package's CSS.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const ID = 'virtual:font-faces';
const FAMILY = 'Noto Sans SC';
const PKG = '@fontsource/noto-sans-sc';

export interface FontSlice {
  file: string;
  ranges: [number, number][];
}

export function parseFontCss(css: string): FontSlice[] {
  const out: FontSlice[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((r): [number, number] => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
    });
    out.push({ file, ranges });
  }
  return out;
}

/** "gap[+len]" per range, base 36, comma separated; gap from the previous range's end. */
export function encodeRanges(ranges: [number, number][]): string {
  let prev = 0;
  return ranges
    .map(([a, b]) => {
      const s = (a - prev).toString(36) + (b > a ? '+' + (b - a).toString(36) : '');
      prev = b;
      return s;
    })
    .join(',');
}

export function decodeRanges(s: string): string[] {
  let prev = 0;
  return s.split(',').map((part) => {
    const [gap, len] = part.split('+');
    const a = prev + parseInt(gap!, 36);
    const b = a + (len ? parseInt(len, 36) : 0);
    prev = b;
    const hex = (n: number) => n.toString(16);
    return b > a ? `U+${hex(a)}-${hex(b)}` : `U+${hex(a)}`;
  });
}

export function fontFacesPlugin(): Plugin {
  return {
    name: 'font-faces',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null;
      const req = createRequire(import.meta.url);
      const slices = parseFontCss(readFileSync(req.resolve(`${PKG}/400.css`), 'utf8'));
      if (slices.length === 0) throw new Error(`${PKG}/400.css: no @font-face blocks found`);
      const imports = slices.map((f, i) => `import u${i} from '${PKG}/files/${f.file}?url';`).join('\n');
      const urls = slices.map((_, i) => `u${i}`).join(',');
      const ranges = JSON.stringify(slices.map((f) => encodeRanges(f.ranges)));
      return `${imports}
${decodeRanges.toString()}
const urls = [${urls}];
const ranges = ${ranges};
export const FONT_FAMILY = ${JSON.stringify(FAMILY)};
export const FONT_SLICES = urls.map((u, i) => ({ url: new URL(u, location.href).href, 'unicode-range': decodeRanges(ranges[i]) }));
export default { [FONT_FAMILY]: FONT_SLICES };
`;
    },
  };
}
