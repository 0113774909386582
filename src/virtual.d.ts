declare module 'virtual:font-faces' {
  export const FONT_FAMILY: string;
  const faces: Record<string, { url: string; 'unicode-range': string[] }[]>;
  export default faces;
}
