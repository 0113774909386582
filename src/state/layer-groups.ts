/** The layer groups the user can switch (ids shared by the store, the panel and the map registry). */
export const LAYER_GROUP_IDS = ['basemap', 'districts', 'poles', 'serviceBelt', 'hBelt', 'ic', 'biomed', 'ai', 'digital', 'parks'] as const;
export type LayerGroupId = (typeof LAYER_GROUP_IDS)[number];
