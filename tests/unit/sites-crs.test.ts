import { describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { geoJsonToWgs84, isCrs, parseCrs, toWgs84 } from '../../src/geo/crs';
import { SITE_CLUSTER_STEPS, SITE_COLORS, siteColor } from '../../src/theme/sites';
import { COLORS } from '../../src/theme/map-colors';
import { SECTOR_COLORS } from '../../src/theme/sectors';

const SQUARE: [number, number] = [121.4737, 31.2304];

describe('the one CRS module', () => {
  it('undoes GCJ-02 and BD-09 as gcoord gives them, to within a metre', () => {
    for (const sys of [gcoord.GCJ02, gcoord.BD09] as const) {
      const shifted = gcoord.transform([...SQUARE] as [number, number], gcoord.WGS84, sys) as [number, number];
      expect(Math.hypot(shifted[0] - SQUARE[0], shifted[1] - SQUARE[1])).toBeGreaterThan(0.004);
      const back = toWgs84(shifted[0], shifted[1], sys === gcoord.GCJ02 ? 'gcj02' : 'bd09');
      expect(Math.abs(back[0] - SQUARE[0])).toBeLessThan(1e-5);
      expect(Math.abs(back[1] - SQUARE[1])).toBeLessThan(1e-5);
    }
    expect(toWgs84(SQUARE[0], SQUARE[1], 'wgs84')).toEqual(SQUARE);
  });

  it('rounds to the decimals asked for (the data build uses 6)', () => {
    const [x, y] = toWgs84(121.478223, 31.228458, 'gcj02', 6);
    expect(String(x).split('.')[1]!.length).toBeLessThanOrEqual(6);
    expect(String(y).split('.')[1]!.length).toBeLessThanOrEqual(6);
  });

  it('converts a GeoJSON object on a clone, leaving the input as it was', () => {
    const input = { type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Point', coordinates: [121.478223, 31.228458] } };
    const before = JSON.stringify(input);
    const out = geoJsonToWgs84(input, 'gcj02');
    expect(JSON.stringify(input)).toBe(before);
    expect(out.geometry.coordinates[0]).not.toBe(121.478223);
    expect(out.properties.name).toBe('x');
    const same = geoJsonToWgs84(input, 'wgs84');
    expect(same).toEqual(input);
    expect(same).not.toBe(input);
  });

  it('reads CRS names as people write them', () => {
    expect(parseCrs('WGS-84')).toBe('wgs84');
    expect(parseCrs('gcj_02')).toBe('gcj02');
    expect(parseCrs('BD09')).toBe('bd09');
    expect(parseCrs('mercator')).toBeNull();
    expect(isCrs('bd09')).toBe(true);
    expect(isCrs('__proto__')).toBe(false);
  });
});

/** CIE76 distance between two #rrggbb colours (sRGB → CIELAB, D65). */
function deltaE(a: string, b: string): number {
  const lab = (hex: string) => {
    const n = parseInt(hex.slice(1), 16);
    const [r, g, bl] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const X = f((0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047);
    const Y = f(0.2126 * r + 0.7152 * g + 0.0722 * bl);
    const Z = f((0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883);
    return [116 * Y - 16, 500 * (X - Y), 200 * (Y - Z)] as const;
  };
  const p = lab(a);
  const q = lab(b);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe('site colours', () => {
  it('no site colour can be taken for a sector colour (CIELAB distance ≥ 25 from each)', () => {
    for (const s of SITE_COLORS)
      for (const [sector, c] of Object.entries(SECTOR_COLORS)) expect(deltaE(s, c), `${s} vs ${sector} ${c}`).toBeGreaterThanOrEqual(25);
  });
  it('nor a bubble of grouped sites, nor the chosen point (CIELAB distance ≥ 25 from each sector)', () => {
    for (const s of [...SITE_CLUSTER_STEPS.map((step) => step.fill), COLORS.chosenPoint])
      for (const [sector, c] of Object.entries(SECTOR_COLORS)) expect(deltaE(s, c), `${s} vs ${sector} ${c}`).toBeGreaterThanOrEqual(25);
  });
  it('one per file in import order, repeating', () => {
    expect(siteColor(0)).toBe(SITE_COLORS[0]);
    expect(siteColor(SITE_COLORS.length)).toBe(SITE_COLORS[0]);
    expect(new Set(SITE_COLORS).size).toBe(SITE_COLORS.length);
  });
});
