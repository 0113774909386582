/**
 * `virtual:font-faces`: the bundled CJK font (@fontsource/noto-sans-sc, 100 woff2 slices) for the
 * map's labels and for the page's own @font-face rules, generated at build time. Each slice is an
 * asset Vite emits under our own origin; browsers fetch only the slices whose unicode-range some
 * text needs. Ranges are shipped compactly (base-36 deltas) and expanded at start-up.
 *
 * The map's labels come first: for each slice that holds a character the map draws (the names in
 * public/geo, the text the label layers add, printable ASCII), a cut of that slice with only those
 * characters (subset-font, at build time; cached in node_modules/.cache/font-labels). The map's
 * faces (MAP_FONT_FACES, src/map/map-font.ts) are those cuts, then the whole slices without the
 * characters the cuts hold: each label character has one face, a cut, so the labels load 25
 * cuts (66 KB) instead of 18 whole slices (about 510 KB), and any other character still comes
 * from its whole slice. The page's own @font-face rules (FONT_SLICES) and the handouts use the
 * whole slices.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { MAP_LABEL_TEXT } from '../src/theme/map-label-text.ts';
import { parseUnicodeRange } from '../src/lib/unicode-range.ts';
import { PACKAGE_MODE } from './package-plugins.ts';

const ID = 'virtual:font-faces';
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
    out.push({ file, ranges: parseUnicodeRange(range.split(',')) });
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

/** The label fields the map's layers read (src/map/layers: nameField, the basemap's `ref`; a zone's `role` is its short label, src/state/derive.ts). */
const LABEL_FIELD = /^(name|label)_(zh|en)$|^(ref|role)$/;
/** The data files whose features the map labels. */
const LABEL_FILES = ['districts', 'zones', 'parks', 'basemap', 'footprints'];

/**
 * Always in the cut: printable ASCII (counts, English names), and the forms MapLibre draws
 * punctuation with in a vertical label: vertical and CJK compatibility forms, fullwidth ASCII,
 * the katakana middle dot and the horizontal bar.
 */
const ALWAYS: [number, number][] = [
  [0x20, 0x7e],
  [0x2015, 0x2015],
  [0x30fb, 0x30fb],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe4f],
  [0xff01, 0xff5e],
  [0xffe0, 0xffe6],
];

/** The code points the map's labels can draw: ALWAYS, `extra`, and the label fields of the data in `geoDir`. */
export function labelCodePoints(geoDir: string, extra: string): Set<number> {
  const out = new Set<number>();
  const add = (s: string) => {
    for (const c of s) out.add(c.codePointAt(0)!);
  };
  for (const [a, b] of ALWAYS) for (let c = a; c <= b; c++) out.add(c);
  add(extra);
  for (const name of LABEL_FILES) {
    const path = join(geoDir, `${name}.geojson`);
    if (!existsSync(path)) continue;
    const fc = JSON.parse(readFileSync(path, 'utf8')) as { features?: { properties?: Record<string, unknown> | null }[] };
    for (const f of fc.features ?? []) for (const [k, v] of Object.entries(f.properties ?? {})) if (LABEL_FIELD.test(k) && typeof v === 'string') add(v);
  }
  return out;
}

/** The code points grouped by the first slice that covers each (MapLibre's choice); a code point no slice covers is left out. */
export function groupBySlice(slices: readonly FontSlice[], codePoints: Iterable<number>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const cp of codePoints) {
    const i = slices.findIndex((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b));
    if (i < 0) continue;
    const list = out.get(i) ?? [];
    list.push(cp);
    out.set(i, list);
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

/** Sorted code points as inclusive ranges, runs merged. */
export function toRanges(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const cp of sorted) {
    const last = out[out.length - 1];
    if (last && cp === last[1] + 1) last[1] = cp;
    else if (!last || cp > last[1]) out.push([cp, cp]);
  }
  return out;
}

/** `ranges` without the code points of `minus` (both sorted inclusive ranges); what is left, as ranges. */
export function subtractRanges(ranges: readonly [number, number][], minus: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of ranges) {
    let from = a;
    for (const [c, d] of minus) {
      if (d < from || c > b) continue;
      if (c > from) out.push([from, c - 1]);
      from = d + 1;
      if (from > b) break;
    }
    if (from <= b) out.push([from, b]);
  }
  return out;
}

/**
 * A cut's ranges as the map declares them: with the space, which most cuts have no glyph for (the
 * browser then draws it from the next face). MapLibre waits for `document.fonts.load` of its font
 * before it draws any glyph, and that loads the faces that cover a space: so every cut.
 */
export function withSpace(ranges: readonly [number, number][]): [number, number][] {
  return ranges.some(([a, b]) => a <= 0x20 && 0x20 <= b) ? [...ranges] : [[0x20, 0x20], ...ranges];
}

/** The whole slices as the map's faces: each without the code points the cuts hold; a slice left empty is dropped. */
export function slicesBehindCuts(
  slices: readonly FontSlice[],
  cuts: readonly { ranges: [number, number][] }[],
): { index: number; ranges: [number, number][] }[] {
  const held = toRanges(cuts.flatMap((c) => c.ranges.flatMap(([a, b]) => span(a, b))).sort((x, y) => x - y));
  return slices.map((s, index) => ({ index, ranges: subtractRanges(s.ranges, held) })).filter((s) => s.ranges.length > 0);
}

const span = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, k) => a + k);

export interface LabelCut {
  /** the cut's woff2 file */
  path: string;
  /** what its face declares: the characters it holds (the first cut also those no slice holds) */
  ranges: [number, number][];
}

const CACHE = fileURLToPath(new URL('../node_modules/.cache/font-labels/', import.meta.url));

/** Cuts each slice to the label characters it holds (cached by slice and characters). */
export async function cutLabelFaces(slices: readonly FontSlice[], filesDir: string, codePoints: Iterable<number>, cacheDir = CACHE): Promise<LabelCut[]> {
  const { default: subsetFont } = await import('subset-font');
  const { default: fontkit } = await import('@pdf-lib/fontkit');
  const cuts: LabelCut[] = [];
  // a slice's unicode-range can name a character it has no glyph for (✈ in slice 87): declared on
  // the first cut, MapLibre draws it with the system's font, as it would after loading that slice
  const missing: number[] = [];
  for (const [i, all] of [...groupBySlice(slices, codePoints)].sort((a, b) => a[0] - b[0])) {
    const file = slices[i]!.file;
    const source = readFileSync(join(filesDir, file));
    const font = fontkit.create(source);
    const cps = all.filter((cp) => font.hasGlyphForCodePoint(cp));
    missing.push(...all.filter((cp) => !font.hasGlyphForCodePoint(cp)));
    if (cps.length === 0) continue;
    const text = String.fromCodePoint(...cps);
    const key = createHash('sha256').update(`${file}\0${text}`).digest('hex').slice(0, 16);
    const path = join(cacheDir, key, file.replace(/\.woff2$/, '-labels.woff2'));
    if (!existsSync(path)) writeCached(path, await subsetFont(source, text, { targetFormat: 'woff2' }));
    cuts.push({ path, ranges: toRanges(cps) });
  }
  if (cuts[0] && missing.length > 0) cuts[0].ranges = toRanges([...cuts[0].ranges.flatMap(([a, b]) => span(a, b)), ...missing].sort((a, b) => a - b));
  return cuts;
}

/**
 * The cuts in one file, one after another (their sizes say where each ends): the page loads
 * all of them with one request, preloaded by index.html, instead of 25 that queue behind the
 * scripts and the data on the server's six connections (src/map/map-font.ts).
 */
export function packCuts(files: readonly Uint8Array[]): { pack: Buffer; sizes: number[] } {
  return { pack: Buffer.concat(files), sizes: files.map((f) => f.byteLength) };
}

/** The file name of the labels' pack, and the extension the bench and the offline cache know it by. */
export const LABEL_PACK_EXT = 'woff2pack';
const LABEL_PACK_FILE = `noto-sans-sc-labels.${LABEL_PACK_EXT}`;

/** Writes the pack into the cache (named by its content), once; returns its path and the cuts' sizes. */
function writePack(cuts: readonly LabelCut[], cacheDir: string): { path: string; sizes: number[] } {
  const { pack, sizes } = packCuts(cuts.map((c) => readFileSync(c.path)));
  const path = join(cacheDir, `pack-${createHash('sha256').update(pack).digest('hex').slice(0, 16)}`, LABEL_PACK_FILE);
  if (!existsSync(path)) writeCached(path, pack);
  return { path, sizes };
}

/** Writes a file of the cache whole, then renames it into place: another build reading the cache never sees half a file. */
function writeCached(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

export function fontFacesPlugin(): Plugin {
  let publicDir = '';
  // a cut is a few KB: Vite would inline it into the script as a data: URL, sent with the first
  // view whatever the language; the single-file package inlines every asset on purpose
  let query = '?url&no-inline';
  let base = '/';
  return {
    name: 'font-faces',
    configResolved(config) {
      publicDir = config.publicDir;
      base = config.base;
      if (config.mode === PACKAGE_MODE) query = '?url';
    },
    // index.html preloads the labels' pack, with the data (a build's asset; the single-file package inlines it)
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const pack = Object.values(ctx.bundle ?? {}).find((f) => f.type === 'asset' && f.fileName.endsWith(`.${LABEL_PACK_EXT}`));
        return pack
          ? [{ tag: 'link', attrs: { rel: 'preload', href: `${base}${pack.fileName}`, as: 'fetch', crossorigin: 'anonymous' }, injectTo: 'head' }]
          : [];
      },
    },
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    async load(id) {
      if (id !== `\0${ID}`) return null;
      const req = createRequire(import.meta.url);
      const css = req.resolve(`${PKG}/400.css`);
      const slices = parseFontCss(readFileSync(css, 'utf8'));
      if (slices.length === 0) throw new Error(`${PKG}/400.css: no @font-face blocks found`);
      const geoDir = join(publicDir, 'geo');
      const cuts = publicDir ? await cutLabelFaces(slices, join(dirname(css), 'files'), labelCodePoints(geoDir, MAP_LABEL_TEXT)) : [];
      const behind = slicesBehindCuts(slices, cuts);
      const pack = cuts.length > 0 ? writePack(cuts, CACHE) : null;
      const imports = [
        ...slices.map((f, i) => `import u${i} from '${PKG}/files/${f.file}?url';`),
        ...cuts.map((c, i) => `import l${i} from ${JSON.stringify(c.path + query)};`),
        ...(pack ? [`import pk from ${JSON.stringify(pack.path + query)};`] : []),
      ].join('\n');
      return `${imports}
${decodeRanges.toString()}
const face = (u, r) => ({ url: new URL(u, location.href).href, 'unicode-range': decodeRanges(r) });
const urls = [${slices.map((_, i) => `u${i}`).join(',')}];
export const FONT_SLICES = urls.map((u, i) => face(u, ${JSON.stringify(slices.map((f) => encodeRanges(f.ranges)))}[i]));
export const MAP_FONT_FACES = [
  ...[${cuts.map((_, i) => `l${i}`).join(',')}].map((u, i) => face(u, ${JSON.stringify(cuts.map((c) => encodeRanges(withSpace(c.ranges))))}[i])),
  ...${JSON.stringify(behind.map((b) => [b.index, encodeRanges(b.ranges)]))}.map(([i, r]) => face(urls[i], r)),
];
export const MAP_LABEL_PACK = ${pack ? `{ url: new URL(pk, location.href).href, sizes: ${JSON.stringify(pack.sizes)} }` : 'null'};
`;
    },
  };
}
