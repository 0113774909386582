declare module 'virtual:font-faces' {
  export const FONT_FAMILY: string;
  export const FONT_SLICES: { url: string; 'unicode-range': string[] }[];
  const faces: Record<string, { url: string; 'unicode-range': string[] }[]>;
  export default faces;
}
