/** The map's limits (MapLibre's maxBounds): Shanghai and the delta around it, west-south and east-north. */
export const MAP_BOUNDS: [[number, number], [number, number]] = [
  [119.0, 29.6],
  [123.8, 33.0],
];

/** Whether the map can be centred on this point: a site in Beijing is listed and linked ("outside"), but the camera stays. */
export function insideMapBounds(lng: number, lat: number): boolean {
  const [[w, s], [e, n]] = MAP_BOUNDS;
  return lng >= w && lng <= e && lat >= s && lat <= n;
}
