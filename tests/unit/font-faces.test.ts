import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { decodeRanges, encodeRanges, parseFontCss } from '../../build/font-faces-plugin';

const css = readFileSync(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css'), 'utf8');

describe('font-faces plugin', () => {
  const slices = parseFontCss(css);

  it('finds every woff2 slice of the bundled font with its unicode ranges', () => {
    expect(slices.length).toBeGreaterThan(90);
    expect(slices.every((s) => s.file.endsWith('.woff2') && s.ranges.length > 0)).toBe(true);
    // the characters of our place names are covered (张 江 临 港 浦 东)
    const covered = (ch: string) => slices.some((s) => s.ranges.some(([a, b]) => ch.codePointAt(0)! >= a && ch.codePointAt(0)! <= b));
    for (const ch of '张江临港浦东集成电路') expect(covered(ch), ch).toBe(true);
  });

  it('round-trips the compact range encoding to the CSS unicode-range strings', () => {
    for (const s of slices) {
      const expected = s.ranges.map(([a, b]) => (b > a ? `U+${a.toString(16)}-${b.toString(16)}` : `U+${a.toString(16)}`));
      expect(decodeRanges(encodeRanges(s.ranges))).toEqual(expected);
    }
    const raw = slices.map((s) => s.ranges.join()).join().length;
    const packed = slices.map((s) => encodeRanges(s.ranges)).join().length;
    expect(packed).toBeLessThan(raw / 2);
  });
});
