/** The basemap and district layers (bodies only: ids, sources and groups are in the registry). */
import type { FilterSpecification } from 'maplibre-gl';
import type { Lang } from '../../domain/types';
import { COLORS } from '../../theme/map-colors';
import { FONT, nameField } from './style-bits';
import { AIRPORT_PREFIX, SCHEMATIC_SUFFIX } from '../../theme/map-label-text';
import type { LayerBody } from './types';

export const provincesFill: LayerBody = { type: 'fill', paint: { 'fill-color': COLORS.neighbourLand } };
export const provincesLine: LayerBody = { type: 'line', paint: { 'line-color': COLORS.neighbourLine, 'line-width': 0.8 } };
/** a deployment's raster basemap: hidden until the user switches it on */
export const onlineBasemap: LayerBody = { type: 'raster', layout: { visibility: 'none' }, paint: { 'raster-opacity': 0.85 } };
export const districtsFill: LayerBody = { type: 'fill', paint: { 'fill-color': COLORS.land } };
export const districtsLine: LayerBody = {
  type: 'line',
  paint: { 'line-color': COLORS.districtLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 13, 1.6] },
};

/** No district (the outline's filter while none is outlined). */
const noDistrict: FilterSpecification = ['==', ['get', 'name_zh'], ''];
/**
 * The districts the user narrowed to or profiles, outlined over the plan's areas: a dark dashed
 * line, unlike a district's own (a thin taupe line) and the selected zone's (solid, on white).
 */
export const districtsChosen: LayerBody = {
  type: 'line',
  filter: noDistrict,
  layout: { 'line-join': 'round' },
  paint: { 'line-color': COLORS.selected, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2, 13, 3], 'line-dasharray': [3, 1.5] },
};

/** The outline's filter for these districts (Chinese names; none: no district). */
export const chosenDistrictsFilter = (names: readonly string[]): FilterSpecification =>
  names.length > 0 ? ['in', ['get', 'name_zh'], ['literal', [...names]]] : noDistrict;

export const riversLine: LayerBody = {
  type: 'line',
  filter: ['==', ['get', 'kind'], 'river'],
  paint: { 'line-color': COLORS.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2, 13, 6] },
};
export const roadsLine: LayerBody = {
  type: 'line',
  filter: ['==', ['get', 'kind'], 'expressway'],
  paint: { 'line-color': COLORS.road, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 13, 3], 'line-dasharray': [3, 1.5] },
};

export const basemapLabels = (lang: Lang): LayerBody => ({
  type: 'symbol',
  filter: ['in', ['get', 'kind'], ['literal', ['river', 'expressway']]],
  layout: {
    'symbol-placement': 'line',
    'text-field': ['concat', ['coalesce', ['get', 'ref'], nameField(lang)], SCHEMATIC_SUFFIX[lang]],
    'text-font': FONT,
    'text-size': 11,
    'symbol-spacing': 400,
  },
  paint: { 'text-color': '#8a6a3a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
});

export const airportsLabel = (lang: Lang): LayerBody => ({
  type: 'symbol',
  filter: ['==', ['get', 'kind'], 'airport'],
  layout: { 'text-field': ['concat', AIRPORT_PREFIX, nameField(lang)], 'text-font': FONT, 'text-size': 11, 'text-optional': true },
  paint: { 'text-color': '#5b6b7a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
});

export const districtsLabel = (lang: Lang): LayerBody => ({
  type: 'symbol',
  layout: {
    'text-field': nameField(lang),
    'text-font': FONT,
    'text-size': ['interpolate', ['linear'], ['zoom'], 8, 11, 12, 15],
    'text-letter-spacing': lang === 'zh' ? 0.2 : 0.05,
    'text-padding': 4,
  },
  paint: { 'text-color': COLORS.districtLabel, 'text-halo-color': COLORS.land, 'text-halo-width': 1.5 },
});
