/** Slot: right column, above the park list (nearest results, comparison). */
export function FindRight() {
  return null;
}
