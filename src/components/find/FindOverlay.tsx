/** Slot: over the map (tools: nearest, radius, draw). */
export function FindOverlay() {
  return null;
}
