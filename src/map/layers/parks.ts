/** The parks: halo of uncertainty, dot, selection ring and label; footprints; their filters. */
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import { SECTOR_COLORS } from '../../theme/sectors';
import type { Lang } from '../../domain/types';
import { COLORS } from '../../theme/map-colors';
import { FONT, nameField } from './style-bits';
import type { LayerBody } from './types';

const confidenceStroke: ExpressionSpecification = ['match', ['get', 'confidence'], 'sourced', '#111111', '#ffffff'];
/** the halo is drawn around estimated locations only */
const estimated: ExpressionSpecification = ['!=', ['get', 'confidence'], 'sourced'];
const noPark: FilterSpecification = ['==', ['get', 'id'], ''];

export const footprintsFill: LayerBody = { type: 'fill', paint: { 'fill-color': SECTOR_COLORS.biomed, 'fill-opacity': 0.18 } };
export const footprintsLine: LayerBody = { type: 'line', paint: { 'line-color': SECTOR_COLORS.biomed, 'line-width': 1.2 } };

export const parksHalo: LayerBody = {
  // a halo of ≈1 km around estimated locations: the uncertainty, to scale
  type: 'circle',
  filter: estimated,
  paint: {
    'circle-color': ['get', 'color'],
    'circle-opacity': 0.12,
    'circle-radius': ['interpolate', ['exponential', 2], ['zoom'], 8, 1.9, 16, 488],
    'circle-stroke-width': 0,
  },
};

export const parksCircle: LayerBody = {
  type: 'circle',
  paint: {
    'circle-color': ['get', 'color'],
    'circle-opacity': ['match', ['get', 'confidence'], 'schematic', 0, 1],
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4.5, 13, 8],
    'circle-stroke-color': ['match', ['get', 'confidence'], 'schematic', ['get', 'color'], confidenceStroke],
    'circle-stroke-width': ['match', ['get', 'confidence'], 'sourced', 2, 1.5],
  },
};

export const parksSelected: LayerBody = {
  type: 'circle',
  filter: noPark,
  paint: {
    'circle-color': 'rgba(0,0,0,0)',
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 9, 13, 14],
    'circle-stroke-color': COLORS.selected,
    'circle-stroke-width': 3,
  },
};

export const parksLabel = (lang: Lang): LayerBody => ({
  type: 'symbol',
  layout: {
    'text-field': nameField(lang, true),
    'text-font': FONT,
    'text-size': ['interpolate', ['linear'], ['zoom'], 8, 11, 13, 14],
    'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
    'text-radial-offset': 0.8,
    'text-justify': 'auto',
    'text-max-width': lang === 'zh' ? 8 : 12,
    'text-optional': true,
    'symbol-sort-key': ['get', 'rank'],
    'text-padding': 2,
  },
  paint: { 'text-color': '#1f2328', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
});

/** The filters that show only these parks (null: all of them), per park layer (null: no filter). */
export function parkFilters(ids: readonly string[] | null): Record<'parks-halo' | 'parks-circle' | 'parks-label', FilterSpecification | null> {
  const only: ExpressionSpecification | null = ids ? ['in', ['get', 'id'], ['literal', [...ids]]] : null;
  return { 'parks-halo': only ? ['all', estimated, only] : estimated, 'parks-circle': only, 'parks-label': only };
}

/** The ring's filter for the selected park (none: an id no park has). */
export const selectedParkFilter = (id: string | null): FilterSpecification => (id ? ['==', ['get', 'id'], id] : noPark);
