/// <reference types="vite-plugin-pwa/vanillajs" />

declare module 'virtual:font-faces' {
  /** the font's slices, whole: the page's @font-face rules and the handouts */
  export const FONT_SLICES: { url: string; 'unicode-range': string[] }[];
  /** cuts of the slices to the characters the map's labels draw */
  export const LABEL_CUTS: { url: string; 'unicode-range': string[] }[];
  /** MapLibre's `font-faces`: the label cuts first, then the whole slices */
  const faces: Record<string, { url: string; 'unicode-range': string[] }[]>;
  export default faces;
}

/** The data files of public/geo, built into the single-file package (null in a normal build). */
declare module 'virtual:packaged-files' {
  const files: Record<string, string> | null;
  export default files;
}

interface ImportMetaEnv {
  /** The public address a deployment is reached at (links and QR codes for other devices); empty: the page's own address. */
  readonly VITE_PUBLIC_URL?: string;
}
