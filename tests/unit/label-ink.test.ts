/** Zone labels read on their white halo: every zone label colour of the map's style at 7:1 or more on white (WCAG's enhanced contrast: small text). */
import { describe, expect, it } from 'vitest';
import { labelInk } from '../../src/theme/map-colors';
import { buildStyle } from '../../src/map/style';

// WCAG 2 contrast on white, written out here (not the code under test)
function contrast(hex: string): number {
  const ch = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  const l = 0.2126 * ch(1) + 0.7152 * ch(3) + 0.0722 * ch(5);
  return 1.05 / (l + 0.05);
}

describe('label ink', () => {
  it('keeps a colour that reads already, darkens one that does not, in its own hue', () => {
    expect(labelInk('#6a3fb5')).toBe('#6a3fb5');
    expect(contrast('#e07b00')).toBeLessThan(3.1);
    const ink = labelInk('#e07b00');
    expect(contrast(ink)).toBeGreaterThanOrEqual(7);
    expect(contrast(ink)).toBeLessThan(7.8);
    // the same hue: red over green as in #e07b00 (224/123)
    const [r, g] = [parseInt(ink.slice(1, 3), 16), parseInt(ink.slice(3, 5), 16)];
    expect(r / g).toBeCloseTo(224 / 123, 1);
  });

  it('every zone label of the map, in both languages, is 7:1 or more on white', () => {
    for (const lang of ['zh', 'en'] as const) {
      const colours = buildStyle({ lang })
        .layers.filter((l) => l.type === 'symbol' && /-label$/.test(l.id) && !['districts-label', 'airports-label', 'parks-label'].includes(l.id))
        .flatMap((l) => JSON.stringify((l.paint as Record<string, unknown> | undefined)?.['text-color'] ?? '').match(/#[0-9a-f]{6}/gi) ?? []);
      expect(colours.length).toBeGreaterThan(4);
      for (const c of colours) expect(contrast(c), c).toBeGreaterThanOrEqual(7);
    }
  });
});
