/**
 * The map's limits (MapLibre's maxBounds), west-south and east-north: Shanghai and the delta
 * around it, from 南京 and 合肥's east to 宁波 and the sea, wide enough that a site in 杭州 and the
 * city fit beside the legend at the smallest zoom these limits allow. The basemap's land is drawn
 * to these edges (scripts/lib/basemap.ts).
 */
export const MAP_BOUNDS: [[number, number], [number, number]] = [
  [117.5, 28.5],
  [124.5, 34.0],
];

/** Whether the map can be centred on this point: a site in Beijing is listed and linked ("outside"), but the camera stays. */
export function insideMapBounds(lng: number, lat: number): boolean {
  const [[w, s], [e, n]] = MAP_BOUNDS;
  return lng >= w && lng <= e && lat >= s && lat <= n;
}
