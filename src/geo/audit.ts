/**
 * Consistency audit between parks and zones: what the build prints and data/README.md discusses.
 */
import type { Designation } from '../loaders/schemas';
import type { PointLinks, ZoneFeature } from './types';
import { isAreal } from './link';

export interface AuditPark {
  id: string;
  designations: readonly Designation[];
  linked: PointLinks;
}

export interface Audit {
  /** parks inside no zone at all */
  parksOutsideZones: string[];
  /** explicit designations whose sector no containing zone carries */
  unsupported: { park: string; sector: string; node: string; clause: string }[];
  /** areal zones that contain no park */
  zonesWithoutParks: string[];
}

export function auditLinks(parks: readonly AuditPark[], zones: readonly ZoneFeature[]): Audit {
  const byId = new Map(zones.map((z) => [z.properties.id, z]));
  const used = new Set<string>();
  const parksOutsideZones: string[] = [];
  const unsupported: Audit['unsupported'] = [];
  for (const p of parks) {
    p.linked.zones.forEach((z) => used.add(z));
    if (p.linked.zones.length === 0) parksOutsideZones.push(p.id);
    const zoneSectors = new Set(p.linked.zones.flatMap((z) => byId.get(z)?.properties.links.map((l) => l.sector) ?? []));
    for (const d of p.designations) if (!zoneSectors.has(d.sector)) unsupported.push({ park: p.id, sector: d.sector, node: d.node, clause: d.clause });
  }
  const zonesWithoutParks = zones
    .filter(isAreal)
    .map((z) => z.properties.id)
    .filter((id) => !used.has(id));
  return { parksOutsideZones, unsupported, zonesWithoutParks };
}

export function formatAudit(a: Audit): string {
  const lines = [
    `parks outside every zone (${a.parksOutsideZones.length}): ${a.parksOutsideZones.join(', ') || '—'}`,
    `designations no containing zone supports (${a.unsupported.length}):`,
    ...a.unsupported.map((u) => `  ${u.park}: ${u.node} (${u.sector}, ${u.clause})`),
    `zones with no park (${a.zonesWithoutParks.length}): ${a.zonesWithoutParks.join(', ') || '—'}`,
  ];
  return lines.join('\n');
}
