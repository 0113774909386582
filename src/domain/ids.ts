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

/** How sure a park's position is. */
export const CONFIDENCES = ['sourced', 'estimate', 'schematic'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** The layer groups the user can switch (ids shared by the store, the panel and the map registry). */
export const LAYER_GROUP_IDS = ['basemap', 'districts', 'poles', 'serviceBelt', 'hBelt', 'ic', 'biomed', 'ai', 'digital', 'parks'] as const;
export type LayerGroupId = (typeof LAYER_GROUP_IDS)[number];
