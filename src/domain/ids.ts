/**
 * The ids every layer of the app shares (data schema, store, map, URL, build scripts): the
 * plan's sectors, the location confidences and the switchable layer groups. No imports: any
 * folder may use this module.
 */

/** The plan's top-level sectors: the nine strategic emerging industries, then the six leading ones. */
export const TOP_SECTOR_IDS = [
  'ic',
  'biomed',
  'ai',
  'nev',
  'equipment',
  'aerospace',
  'infocomm',
  'materials',
  'digital',
  'photonics',
  'gene-cell',
  'brain',
  'marine',
  'hydrogen',
  '6g',
] as const;
export type TopSectorId = (typeof TOP_SECTOR_IDS)[number];

/**
 * How strongly a link holds, strongest first (rule: src/geo/strength.ts, data/README.md):
 * 'named' the plan names the place for the sector; 'listed' the city's official specialty-park
 * list files it under the sector's category; 'cluster' it lies inside a sector-specific cluster
 * layout of the plan; 'broad' it lies inside a broad area listing many sectors (a pole, a belt,
 * an axis corridor, a zone of whole districts), or its footprint only touches a zone.
 */
export const LINK_STRENGTHS = ['named', 'listed', 'cluster', 'broad'] as const;
export type LinkStrength = (typeof LINK_STRENGTHS)[number];
/** The strengths the sector filter shows by default ('broad' on request). */
export const STRONG_STRENGTHS: readonly LinkStrength[] = ['named', 'listed', 'cluster'];

/** What a zone stands for: one sector's cluster layout, or a broad area that lists many sectors. */
export const ZONE_SCOPES = ['sector', 'broad'] as const;
export type ZoneScope = (typeof ZONE_SCOPES)[number];

/** How sure a park's position is. */
/** Why a place is on the map: named by the plan, on the city's official specialty-park list, or both. */
export const BASES = ['plan', 'list'] as const;
export type Basis = (typeof BASES)[number];

export const CONFIDENCES = ['sourced', 'estimate', 'schematic'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** The layer groups the user can switch (ids shared by the store, the panel and the map registry). */
export const LAYER_GROUP_IDS = ['basemap', 'districts', 'poles', 'serviceBelt', 'hBelt', 'ic', 'biomed', 'ai', 'digital', 'parks'] as const;
export type LayerGroupId = (typeof LAYER_GROUP_IDS)[number];
