/** Slot: left column, below the layers (import, list and export of the user's sites; export; share). */
export function SitesPanel() {
  return null;
}
