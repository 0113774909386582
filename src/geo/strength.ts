/**
 * How strongly a link holds, from what made it (ranked, strongest first; data/README.md):
 * 1. named   the plan names the place for the sector (via 'designation'); a place it names only as
 *            part of a broad area (`named_as`: a core of the service belt, a place on an H-belt axis)
 *            takes that area's sectors as broad (4);
 * 2. listed  the official specialty-park list files it under the sector's category (via 'list');
 * 3. cluster its point lies inside a sector-specific cluster layout of the plan (a zone of scope 'sector');
 * 4. broad   its point lies inside a broad area that lists many sectors (a pole, a belt, an axis
 *            corridor, a zone of whole districts), or only its footprint touches a zone.
 * A place's strength for a sector is its strongest link to that sector.
 */
import { LINK_STRENGTHS } from '../domain/ids';
import type { LinkStrength, ZoneScope } from '../domain/ids';

const RANK = new Map<LinkStrength, number>(LINK_STRENGTHS.map((s, i) => [s, i]));

/** The strength of a link made by `via` (for a zone: its scope, and whether the point or only the footprint met it). */
export function linkStrength(via: 'designation' | 'list' | 'zone', zone?: { scope: ZoneScope; by?: 'point' | 'footprint' }): LinkStrength {
  if (via === 'designation') return 'named';
  if (via === 'list') return 'listed';
  return zone?.scope === 'sector' && zone.by !== 'footprint' ? 'cluster' : 'broad';
}

/** The stronger of two strengths. */
export function stronger(a: LinkStrength, b: LinkStrength): LinkStrength {
  return RANK.get(a)! <= RANK.get(b)! ? a : b;
}

/** 0 for the strongest ('named') … 3 for 'broad'. */
export const strengthRank = (s: LinkStrength): number => RANK.get(s)!;
