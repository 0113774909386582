/** Pure measures for the image export: ground resolution, a scale bar, a blank-image test. */

/** MapLibre's ground resolution (512-px tiles) at a latitude and zoom, in metres per CSS pixel. */
export function metresPerPixel(lat: number, zoom: number): number {
  return (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** A “nice” scale bar for metres per CSS pixel: the longest 1/2/5×10^n length within maxPx. */
export function scaleBar(metresPerPixel: number, maxPx: number): { metres: number; px: number; label: string } {
  const max = metresPerPixel * maxPx;
  const pow = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((k) => k * pow).find((m) => m <= max) ?? pow;
  return { metres, px: metres / metresPerPixel, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}

/** Is this RGBA sample blank (transparent, or one flat colour)? */
export function isBlankPixels(data: ArrayLike<number>, tolerance = 6): boolean {
  if (data.length < 4) return true;
  let opaque = 0;
  const [r0, g0, b0] = [data[0]!, data[1]!, data[2]!];
  let varied = false;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3]! > 8) opaque++;
    if (Math.abs(data[i]! - r0) + Math.abs(data[i + 1]! - g0) + Math.abs(data[i + 2]! - b0) > tolerance) varied = true;
  }
  return opaque === 0 || !varied;
}
