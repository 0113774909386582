import { describe, expect, it } from 'vitest';
import { decodeArea, encodeArea, MAX_AREA_CHARS } from '../../src/state/url/area-code';
import { mulberry32 } from '../../src/lib/mulberry32';

const ring = (pts: [number, number][]) => ({ type: 'Polygon' as const, coordinates: [[...pts, pts[0]!]] });

describe('area code', () => {
  it('round-trips a drawn area at 1e-4°, in about 5 characters a corner', () => {
    const p = ring([
      [121.5012, 31.1503],
      [121.7345, 31.1499],
      [121.7, 31.3],
      [121.4988, 31.2991],
    ]);
    const code = encodeArea(p)!;
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThan(30);
    const back = decodeArea(code);
    expect(back).toEqual({ ok: true, area: p });
  });

  it('rounds to 1e-4° and keeps negative coordinates', () => {
    const back = decodeArea(
      encodeArea(
        ring([
          [-0.00004, -10.12346],
          [1.5, 2.5],
          [-3.25, 4],
        ]),
      )!,
    );
    expect(back.ok && back.area.coordinates[0]).toEqual([
      [0, -10.1235],
      [1.5, 2.5],
      [-3.25, 4],
      [0, -10.1235],
    ]);
  });

  it('round-trips random 3–40 corner areas in Shanghai', () => {
    const rnd = mulberry32(7);
    for (let k = 0; k < 200; k++) {
      const n = 3 + Math.floor(rnd() * 38);
      const pts: [number, number][] = Array.from({ length: n }, () => [
        Math.round((120.8 + rnd() * 1.2) * 1e4) / 1e4,
        Math.round((30.6 + rnd() * 1.3) * 1e4) / 1e4,
      ]);
      const back = decodeArea(encodeArea(ring(pts))!);
      expect(back.ok && back.area.coordinates[0]!.slice(0, -1)).toEqual(pts);
    }
  });

  it('refuses what is not an area, with a reason, and never throws', () => {
    expect(decodeArea('!!')).toEqual({ ok: false, reason: 'not an area code' });
    expect(decodeArea('A')).toEqual({ ok: false, reason: 'not an area code' });
    expect(decodeArea('x'.repeat(MAX_AREA_CHARS + 1))).toMatchObject({ ok: false });
    // two corners only
    const two = encodeArea({
      type: 'Polygon',
      coordinates: [
        [
          [1, 1],
          [2, 2],
          [3, 3],
          [1, 1],
        ],
      ],
    })!.slice(0, 8);
    expect(decodeArea(two).ok).toBe(false);
    const rnd = mulberry32(3);
    const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let k = 0; k < 500; k++) {
      const s = Array.from({ length: Math.floor(rnd() * 60) }, () => abc[Math.floor(rnd() * 64)]).join('');
      const r = decodeArea(s);
      if (r.ok) for (const [x, y] of r.area.coordinates[0]!) expect(Math.abs(x!) <= 180 && Math.abs(y!) <= 90).toBe(true);
    }
  });
});
