/** The padding that keeps a fitted view clear of the panels over the map, and the part of the map they leave free (src/map/cover-padding.ts). */
import { describe, expect, it } from 'vitest';
import { FRAME_SHARE, coverPadding, freeArea } from '../../src/map/cover-padding';

// a map 780×855 whose top-left corner is at (275, 45) on the page, as at 1400×900
const MAP = { left: 275, top: 45, width: 780, height: 855 };

describe('coverPadding', () => {
  it('keeps only the base on every side when nothing lies over the map', () => {
    expect(coverPadding(MAP, [], 12)).toEqual({ top: 12, right: 12, bottom: 12, left: 12 });
  });

  it('pads the left for a tall panel at the bottom left, by how far it reaches in', () => {
    // the legend: 236 px wide, 10 px from the left edge, 510 px tall, 26 px above the bottom
    const legend = { left: 285, top: 364, width: 236, height: 510 };
    expect(coverPadding(MAP, [legend], 12)).toEqual({ top: 12, right: 12, bottom: 12, left: 246 + 12 });
  });

  it('pads the top for a wide toolbar and the bottom for a wide credits line', () => {
    const toolbar = { left: 285, top: 55, width: 500, height: 44 };
    const credits = { left: 540, top: 815, width: 505, height: 50 };
    expect(coverPadding(MAP, [toolbar, credits], 12)).toEqual({ top: 54 + 12, right: 12, bottom: 85 + 12, left: 12 });
  });

  it('pads the right for a tall panel nearer the right edge', () => {
    const side = { left: 855, top: 145, width: 190, height: 600 };
    expect(coverPadding(MAP, [side], 10).right).toBe(200 + 10);
  });

  it('ignores small controls, hidden panels and panels outside the map', () => {
    const zoom = { left: 1015, top: 55, width: 30, height: 60 };
    const scale = { left: 955, top: 870, width: 90, height: 20 };
    const hidden = { left: 0, top: 0, width: 0, height: 0 };
    const outside = { left: 0, top: 45, width: 275, height: 855 };
    expect(coverPadding(MAP, [zoom, scale, hidden, outside], 12)).toEqual({ top: 12, right: 12, bottom: 12, left: 12 });
  });

  it('counts only the part of a panel inside the map', () => {
    // reaches 100 px into the map from the left; the rest hangs outside it
    const half = { left: 175, top: 100, width: 200, height: 700 };
    expect(coverPadding(MAP, [half], 0).left).toBe(100);
  });

  it('keeps only the base on two opposite sides when their panels would take more than half the map', () => {
    // a map narrowed to 411 px by a sheet beside it, the legend still open over its left
    const narrow = { left: 275, top: 45, width: 411, height: 753 };
    const legend = { left: 285, top: 300, width: 236, height: 470 };
    const toolbar = { left: 285, top: 55, width: 340, height: 78 };
    expect(coverPadding(narrow, [legend, toolbar], 12)).toEqual({ top: 88 + 12, right: 12, bottom: 12, left: 12 });
    // at 1400×900 the same legend leaves more than half: padded for
    expect(coverPadding(MAP, [{ left: 285, top: 364, width: 236, height: 510 }], 12).left).toBe(258);
  });

  it('frames a box someone asked for in the strip the panels leave (share 0.85), where the first view would keep the base', () => {
    // the statistics view over the map's lower half (from y 437), the find toolbar across its top
    const stats = { left: 275, top: 437, width: 780, height: 463 };
    const toolbar = { left: 285, top: 55, width: 560, height: 40 };
    // 50 + 463 px of 855: more than half, so the first view's rule keeps 40 on both
    expect(coverPadding(MAP, [stats, toolbar], 40)).toEqual({ top: 40, right: 40, bottom: 40, left: 40 });
    // 50 + 463 + 80 = 593 px ≤ 0.85 × 855 = 726.75: padded for both
    expect(coverPadding(MAP, [stats, toolbar], 40, FRAME_SHARE)).toEqual({ top: 50 + 40, right: 40, bottom: 463 + 40, left: 40 });
    // still not into nothing: panels leaving under 15 % keep the base
    const tall = { left: 275, top: 150, width: 780, height: 750 };
    expect(coverPadding(MAP, [tall, toolbar], 40, FRAME_SHARE)).toEqual({ top: 40, right: 40, bottom: 40, left: 40 });
  });
});

describe('freeArea', () => {
  // a phone: the map 390×704 under the header, the find toolbar across its top, a site's card over its lower half
  const phone = { left: 0, top: 94, width: 390, height: 704 };
  const toolbar = { left: 6, top: 100, width: 340, height: 75 };
  const card = { left: 0, top: 410, width: 390, height: 388 };

  it('is the strip between a toolbar along the top and a card over the lower half (no cap, unlike the padding)', () => {
    expect(freeArea(phone, [toolbar, card])).toEqual({ left: 0, top: 175, width: 390, height: 235 });
    // the padding for a fit gives up on those two sides: together they take more than half the map
    expect(coverPadding(phone, [toolbar, card], 0)).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });

  it('is the strip above a card across the map even when the card is a little taller than wide', () => {
    // a 390×718 map whose card is 395 px tall: pinned to the left it would cover the whole map
    const tall = { left: 0, top: 80, width: 390, height: 718 };
    const bar = { left: 6, top: 86, width: 104, height: 28 };
    const tallCard = { left: 0, top: 403, width: 390, height: 395 };
    expect(freeArea(tall, [bar, tallCard])).toEqual({ left: 0, top: 114, width: 390, height: 289 });
  });

  it('is the map between a legend on the left and a card on the right', () => {
    const desk = { left: 280, top: 47, width: 780, height: 853 };
    const legend = { left: 290, top: 345, width: 236, height: 529 };
    const deskCard = { left: 710, top: 105, width: 300, height: 719 };
    expect(freeArea(desk, [legend, deskCard])).toEqual({ left: 526, top: 47, width: 184, height: 853 });
  });

  it('is the whole map with no panels, and null when the panels leave under 48 px', () => {
    expect(freeArea(phone, [])).toEqual(phone);
    expect(
      freeArea(phone, [
        { left: 0, top: 94, width: 390, height: 330 },
        { left: 0, top: 460, width: 390, height: 338 },
      ]),
    ).toBeNull();
  });
});
