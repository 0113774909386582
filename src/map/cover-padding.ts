/**
 * The padding that keeps a fitted view clear of the panels over the map (the legend, the find
 * toolbar, the zoom buttons, the credits): each panel is pinned to the map's edge it is nearest
 * along its shorter side (a tall panel to the left or right edge, a wide one to the top or
 * bottom), and that side is padded by how far the panel reaches into the map. Pure: rectangles in,
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
/** A panel shorter than this share of the map along its long side (zoom buttons, the scale bar) hides too little to pad for. */
const MIN_SPAN = 0.25;

/**
 * How far the panels reach into the map from each edge, each pinned to the edge it is nearest
 * along its shorter side (the rule of {@link coverPadding}, without its base and its cap).
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
    if (h >= w) {
      // tall: the nearer of the left and right edges
      const fromLeft = left - map.left;
      const fromRight = map.left + map.width - right;
      if (fromLeft <= fromRight) pad.left = Math.max(pad.left, right - map.left);
      else pad.right = Math.max(pad.right, map.left + map.width - left);
    } else {
      const fromTop = top - map.top;
      const fromBottom = map.top + map.height - bottom;
      if (fromTop <= fromBottom) pad.top = Math.max(pad.top, bottom - map.top);
      else pad.bottom = Math.max(pad.bottom, map.top + map.height - top);
    }
  }
  return pad;
}

/**
 * `map`: the map's box; `covers`: the panels' boxes, in the same coordinates; `base`: the space
 * kept on every side. Panels outside the map, hidden (no size) or small (under a quarter of the
 * map along their long side) are ignored; when the panels on two opposite sides would take more
 * than half the map, those two sides keep only the base.
 */
export function coverPadding(map: Rect, covers: readonly Rect[], base: number): Padding {
  const pad = coverInsets(map, covers);
  // panels that would leave less than half the map are not padded for: a view squeezed into a
  // strip beside them would show less than the whole map with a corner covered
  const fit = (a: number, b: number, size: number): [number, number] =>
    a + b > Math.max(0, size * MAX_SHARE - 2 * base) ? [base, base] : [Math.round(a) + base, Math.round(b) + base];
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
