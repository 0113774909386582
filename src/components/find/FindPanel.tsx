/** Slot: left column, above the sector filter (search, combined filters, sort). */
export function FindPanel() {
  return null;
}
