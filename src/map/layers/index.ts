/** The map's layers: the registry (one ordered table), the layer groups and the paint helpers. */
export * from './registry';
export * from './groups';
export { nameField } from './style-bits';
export { COLORS } from '../../theme/map-colors';
export type { LegendItem, LegendSwatch } from '../../theme/legend';
export { ZONE_FILL_DEFAULT, ZONE_LINE_DEFAULT, EMPH, emphasisStates, zoneOpacity, selectedZoneFilter } from './zones';
export type { ZoneFillLayer, ZoneLineLayer } from './zones';
export { parkFilters, selectedParkFilter } from './parks';
export { HIGHLIGHT_COLOR, selectedSiteFilter, SITE_COLOR_EXPRESSION } from './overlays';
export type { GroupId } from './types';
