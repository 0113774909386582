/**
 * The padding that keeps a fitted view clear of the panels over the map (the legend, the find
 * toolbar, the zoom buttons, the credits): each panel is pinned to the nearer of the map's left
 * and right edges or to the nearer of its top and bottom, whichever leaves more of the map (a tall
 * legend to the left, a wide toolbar to the top, a card across a phone's map to the bottom), and
 * that side is padded by how far the panel reaches into the map. Pure: rectangles in,
 * padding out, so MapLibre's `fitBounds`/`cameraForBounds` take it as is.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** At most this share of the map's width (or height) is given to padding on the two sides together. */
const MAX_SHARE = 0.5;
/**
 * The share for a box someone asked to see (a district): framed in the strip the panels leave,
 * however narrow (the statistics view over the map's lower half and the find toolbar above leave
 * about a third of its height at 1400×900).
 */
export const FRAME_SHARE = 0.85;
/** A panel shorter than this share of the map along its long side (zoom buttons, the scale bar) hides too little to pad for. */
const MIN_SPAN = 0.25;

/**
 * How far the panels reach into the map from each edge, each pinned to the edge that leaves more
 * of the map (the rule of {@link coverPadding}, without its base and its cap).
 */
function coverInsets(map: Rect, covers: readonly Rect[]): Padding {
  const pad: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const c of covers) {
    // the part of the panel inside the map
    const left = Math.max(c.left, map.left);
    const top = Math.max(c.top, map.top);
    const right = Math.min(c.left + c.width, map.left + map.width);
    const bottom = Math.min(c.top + c.height, map.top + map.height);
    if (right <= left || bottom <= top) continue;
    const w = right - left;
    const h = bottom - top;
    if (h >= w ? h < map.height * MIN_SPAN : w < map.width * MIN_SPAN) continue;
    // how far it reaches in from the nearer of the left and right edges, and of the top and bottom
    const fromLeft = left - map.left <= map.left + map.width - right;
    const across = fromLeft ? right - map.left : map.left + map.width - left;
    const fromTop = top - map.top <= map.top + map.height - bottom;
    const down = fromTop ? bottom - map.top : map.top + map.height - top;
    // pinned to the side that leaves more of the map: a card across a phone's map, even one a
    // little taller than wide, covers its lower part, not all of it from the left
    const lossSide = across * map.height;
    const lossEnd = down * map.width;
    if (lossSide < lossEnd || (lossSide === lossEnd && h >= w)) {
      if (fromLeft) pad.left = Math.max(pad.left, across);
      else pad.right = Math.max(pad.right, across);
    } else if (fromTop) pad.top = Math.max(pad.top, down);
    else pad.bottom = Math.max(pad.bottom, down);
  }
  return pad;
}

/**
 * `map`: the map's box; `covers`: the panels' boxes, in the same coordinates; `base`: the space
 * kept on every side. Panels outside the map, hidden (no size) or small (under a quarter of the
 * map along their long side) are ignored; when the panels on two opposite sides would take more
 * than `maxShare` of the map (half, unless told), those two sides keep only the base.
 */
export function coverPadding(map: Rect, covers: readonly Rect[], base: number, maxShare = MAX_SHARE): Padding {
  const pad = coverInsets(map, covers);
  // panels that would leave less than half the map are not padded for: a view squeezed into a
  // strip beside them would show less than the whole map with a corner covered
  const fit = (a: number, b: number, size: number): [number, number] =>
    a + b > Math.max(0, size * maxShare - 2 * base) ? [base, base] : [Math.round(a) + base, Math.round(b) + base];
  [pad.left, pad.right] = fit(pad.left, pad.right, map.width);
  [pad.top, pad.bottom] = fit(pad.top, pad.bottom, map.height);
  return pad;
}

/** Below this, in either direction, the part of the map clear of the panels is too small to keep a point in. */
const MIN_FREE_PX = 48;

/**
 * The part of the map no panel covers (panels pinned to edges as by {@link coverPadding}, with no
 * cap: a card over the lower half of a phone's map leaves the strip above it), or null when that
 * is under MIN_FREE_PX across.
 */
export function freeArea(map: Rect, covers: readonly Rect[]): Rect | null {
  const pad = coverInsets(map, covers);
  const width = map.width - pad.left - pad.right;
  const height = map.height - pad.top - pad.bottom;
  return width < MIN_FREE_PX || height < MIN_FREE_PX ? null : { left: map.left + pad.left, top: map.top + pad.top, width, height };
}
