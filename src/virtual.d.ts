/// <reference types="vite-plugin-pwa/vanillajs" />

declare module 'virtual:font-faces' {
  export const FONT_FAMILY: string;
  export const FONT_SLICES: { url: string; 'unicode-range': string[] }[];
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
