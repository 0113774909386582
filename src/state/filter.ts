/**
 * Which parks and zones a sector selection shows. Pure; no Turf needed (links are precomputed).
 * A selected top-level id matches every link of that sector; a selected sub-sector matches only
 * links to that node.
 */
import type { ParkProps, SectorsFile, ZoneProps } from '../loaders/schemas';

export function nodeMatcher(selected: readonly string[], sectors: SectorsFile | null) {
  const tops = new Set<string>(sectors?.sectors.map((s) => s.id) ?? []);
  const wantTop = new Set(selected.filter((s) => tops.has(s)));
  const wantNode = new Set(selected.filter((s) => !tops.has(s)));
  return (l: { sector: string; node: string }) => wantTop.has(l.sector) || wantNode.has(l.node);
}

export function parksForSelection(parks: readonly ParkProps[], selected: readonly string[], sectors: SectorsFile | null): string[] {
  if (selected.length === 0) return parks.map((p) => p.id);
  const match = nodeMatcher(selected, sectors);
  return parks.filter((p) => p.links.some(match)).map((p) => p.id);
}

export function zonesForSelection(zones: readonly ZoneProps[], selected: readonly string[], sectors: SectorsFile | null): string[] {
  if (selected.length === 0) return [];
  const match = nodeMatcher(selected, sectors);
  return zones.filter((z) => z.links.some(match)).map((z) => z.id);
}

/** The sector a park is drawn in: its first explicit designation, else its first linked sector. */
export function primarySector(p: ParkProps, selected: readonly string[] = [], sectors: SectorsFile | null = null): string | null {
  if (selected.length) {
    const match = nodeMatcher(selected, sectors);
    const hit = p.links.find(match);
    if (hit) return hit.sector;
  }
  return p.designations[0]?.sector ?? p.sectors[0] ?? null;
}

/** Display label: the name without its parenthetical alias. */
export function shortName(name: string): string {
  return name.replace(/\s*[（(][^（()）]*[)）]\s*$/, '').trim() || name;
}
