/**
 * `virtual:font-faces`: the style's `font-faces` for the bundled CJK font, generated at build time
 * from @fontsource/noto-sans-sc's CSS. Each woff2 slice becomes an asset Vite emits under our own
 * origin; MapLibre fetches only the slices whose unicode-range a label needs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const ID = 'virtual:font-faces';
const FAMILY = 'Noto Sans SC';
const PKG = '@fontsource/noto-sans-sc';

export function parseFontCss(css: string): { file: string; ranges: string[] }[] {
  const out: { file: string; ranges: string[] }[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (file && range) out.push({ file, ranges: range.split(',').map((r) => r.trim()) });
  }
  return out;
}

export function fontFacesPlugin(): Plugin {
  return {
    name: 'font-faces',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null;
      const req = createRequire(import.meta.url);
      const faces = parseFontCss(readFileSync(req.resolve(`${PKG}/400.css`), 'utf8'));
      if (faces.length === 0) throw new Error(`${PKG}/400.css: no @font-face blocks found`);
      const imports = faces.map((f, i) => `import u${i} from '${PKG}/files/${f.file}?url';`).join('\n');
      const list = faces.map((f, i) => `{ url: new URL(u${i}, location.href).href, 'unicode-range': ${JSON.stringify(f.ranges)} }`).join(',\n');
      return `${imports}\nexport const FONT_FAMILY = ${JSON.stringify(FAMILY)};\nexport default { ${JSON.stringify(FAMILY)}: [\n${list}\n] };\n`;
    },
  };
}
