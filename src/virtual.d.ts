/// <reference types="vite-plugin-pwa/vanillajs" />

declare module 'virtual:font-faces' {
  /** the font's slices, whole: the page's @font-face rules and the handouts */
  export const FONT_SLICES: { url: string; 'unicode-range': string[] }[];
  /** the map's faces: cuts of the slices to the characters the labels draw (each also declaring the space), then the whole slices without those characters */
  export const MAP_FONT_FACES: { url: string; 'unicode-range': string[] }[];
  /** the cuts (the first `sizes.length` of MAP_FONT_FACES) in one file, one after another; null when there are none */
  export const MAP_LABEL_PACK: { url: string; sizes: number[] } | null;
}

/** The data files of public/geo, built into the single-file package (null in a normal build). */
declare module 'virtual:packaged-files' {
  const files: Record<string, string> | null;
  export default files;
}

/** SHA-256 (hex) of each start-up data file as the build found it in public/geo, by file name (build/geo-digests-plugin.ts). */
declare module 'virtual:geo-digests' {
  export const GEO_DIGESTS: Record<string, string>;
}

interface ImportMetaEnv {
  /** The public address a deployment is reached at (links and QR codes for other devices); empty: the page's own address. */
  readonly VITE_PUBLIC_URL?: string;
}
