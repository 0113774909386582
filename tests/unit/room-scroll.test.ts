/** The presenter's scroll through a chapter's figures as a place both windows share (src/components/briefing/room-scroll.ts). */
import { describe, expect, it } from 'vitest';
import { placeOf, scrollTopFor } from '../../src/components/briefing/room-scroll';

// the presenter's panel: the figures' heading 600 px down its content, cards at 700, 1100 and 1500
const PRESENTER = [600, 700, 1100, 1500];
// the audience's, laid out larger: heading at 900, cards at 1000, 1600, 2200
const AUDIENCE = [900, 1000, 1600, 2200];

describe('placeOf', () => {
  it('above the first part: the top (the room sees the chapter from its start)', () => {
    expect(placeOf(PRESENTER, 0)).toEqual({ anchor: -1, within: 0 });
    expect(placeOf(PRESENTER, 500)).toEqual({ anchor: -1, within: 0 });
    expect(placeOf([], 900)).toEqual({ anchor: -1, within: 0 });
  });

  it('a part 8 px below the top counts as at the top; between parts, how far from one to the next', () => {
    // scrolled to 692: the first card (700) is 8 px below the top
    expect(placeOf(PRESENTER, 692)).toEqual({ anchor: 1, within: 0 });
    // 892 + 8 = 900: half-way from the first card (700) to the second (1100)
    expect(placeOf(PRESENTER, 892)).toEqual({ anchor: 1, within: 0.5 });
    // past the last part: its top, nothing to measure to
    expect(placeOf(PRESENTER, 1800)).toEqual({ anchor: 3, within: 0 });
  });
});

describe('scrollTopFor', () => {
  it('puts the same place 8 px below the audience panel’s top, however it is laid out', () => {
    expect(scrollTopFor(AUDIENCE, { anchor: -1, within: 0 })).toBe(0);
    expect(scrollTopFor(AUDIENCE, { anchor: 1, within: 0 })).toBe(992);
    // half-way from 1000 to 1600, less 8
    expect(scrollTopFor(AUDIENCE, { anchor: 1, within: 0.5 })).toBe(1292);
    // a part the audience lacks (fewer cards): its last
    expect(scrollTopFor(AUDIENCE, { anchor: 9, within: 0.3 })).toBe(2192);
    expect(scrollTopFor([], { anchor: 2, within: 0 })).toBe(0);
  });

  it('round trip: the presenter at a card puts the audience at that card', () => {
    expect(scrollTopFor(AUDIENCE, placeOf(PRESENTER, 1100 - 8))).toBe(1600 - 8);
  });
});
