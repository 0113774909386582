/** Slot: over the map (drop zone for files). */
export function SitesOverlay() {
  return null;
}
