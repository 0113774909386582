/**
 * The parks: halo of uncertainty (the radius the data states, to scale), basis ring, dot (sized by
 * link strength while a sector filter is on), selection ring and label; schematic footprints; their
 * filters.
 */
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { Lang } from '../../domain/types';
import { BASIS_RING, BROAD_DOT_OPACITY, COLORS } from '../../theme/map-colors';
import { FONT, nameField } from './style-bits';
import type { LayerBody } from './types';

const confidenceStroke: ExpressionSpecification = ['match', ['get', 'confidence'], 'sourced', '#111111', '#ffffff'];
/** the halo is drawn around estimated locations only */
const estimated: ExpressionSpecification = ['!=', ['get', 'confidence'], 'sourced'];
const noPark: FilterSpecification = ['==', ['get', 'id'], ''];

/**
 * From this zoom the schematic footprints are drawn: a park of 2–8 km² is then 50–100 px across,
 * and the smallest (0.1 km²) about the size of its dot.
 */
export const FOOTPRINT_MINZOOM = 11;

export const footprintsFill: LayerBody = {
  type: 'fill',
  minzoom: FOOTPRINT_MINZOOM,
  paint: { 'fill-color': COLORS.footprint, 'fill-opacity': 0.1 },
};
export const footprintsLine: LayerBody = {
  type: 'line',
  minzoom: FOOTPRINT_MINZOOM,
  paint: { 'line-color': COLORS.footprint, 'line-width': 1.2, 'line-dasharray': [3, 2] },
};

/**
 * The halo's radius in px: the park's stated radius (`halo_z0`: that radius in px at zoom 0, set
 * by the map's parks source) doubling with each zoom level, as the ground resolution halves.
 * Exponential interpolation in base 2 between zoom 0 and 24 is exactly r₀·2^zoom.
 */
/**
 * A park's colour and strength for the selected sectors: the feature state the map's sync sets
 * while sectors are selected, else the data's (no selection).
 */
const color: ExpressionSpecification = ['coalesce', ['feature-state', 'color'], ['get', 'color']];
const strength: ExpressionSpecification = ['coalesce', ['feature-state', 'strength'], ['get', 'strength']];

const haloRadius: ExpressionSpecification = ['interpolate', ['exponential', 2], ['zoom'], 0, ['get', 'halo_z0'], 24, ['*', ['get', 'halo_z0'], 2 ** 24]];

export const parksHalo: LayerBody = {
  // around estimated and schematic locations: the uncertainty the data states, to scale
  type: 'circle',
  filter: estimated,
  paint: {
    'circle-color': color,
    'circle-opacity': 0.08,
    'circle-radius': haloRadius,
    'circle-stroke-color': color,
    'circle-stroke-opacity': 0.35,
    'circle-stroke-width': 1,
  },
};

/**
 * The dot's radius at zoom 8 and 13 by the park's strength for the selected sectors: named by the
 * plan or on the official list (strongest) large, inside the sector's cluster as with no filter,
 * inside a broad area only small.
 */
const dotRadius = (at8: number, at13: number, grow = 0): ExpressionSpecification => {
  const by = (base: number, strong: number, weak: number): ExpressionSpecification => [
    'match',
    strength,
    ['named', 'listed'],
    strong + grow,
    'broad',
    weak + grow,
    base + grow,
  ];
  return ['interpolate', ['linear'], ['zoom'], 8, by(at8, at8 * 1.35, at8 * 0.65), 13, by(at13, at13 * 1.35, at13 * 0.65)];
};

export const parksCircle: LayerBody = {
  type: 'circle',
  paint: {
    'circle-color': color,
    // a point standing for its area is drawn by its halo only; a broad-only link is faint
    'circle-opacity': ['match', ['get', 'confidence'], 'schematic', 0, ['match', strength, 'broad', BROAD_DOT_OPACITY, 1]],
    'circle-stroke-opacity': ['match', strength, 'broad', BROAD_DOT_OPACITY, 1],
    'circle-radius': dotRadius(4.5, 8),
    'circle-stroke-color': ['match', ['get', 'confidence'], 'schematic', color, confidenceStroke],
    'circle-stroke-width': ['match', ['get', 'confidence'], 'sourced', 2, 1.5],
  },
};

/** the parks the plan names (alone or with the official list): those that carry a basis ring */
const namedByPlan: ExpressionSpecification = ['!=', ['get', 'basis'], 'list'];

/**
 * The park's basis: a dark ring just outside the dot, thin when the plan names it, thick when it
 * is on the official list too; none for the official list alone (theme/legend.ts BASIS_LEGEND).
 */
export const parksBasis: LayerBody = {
  type: 'circle',
  filter: namedByPlan,
  paint: {
    'circle-color': 'rgba(0,0,0,0)',
    'circle-radius': dotRadius(4.5, 8, BASIS_RING.gap),
    'circle-stroke-color': BASIS_RING.color,
    'circle-stroke-opacity': ['match', strength, 'broad', BROAD_DOT_OPACITY, 0.85],
    'circle-stroke-width': ['match', ['get', 'basis'], 'both', BASIS_RING.both, BASIS_RING.plan],
  },
};

export const parksSelected: LayerBody = {
  type: 'circle',
  filter: noPark,
  paint: {
    'circle-color': 'rgba(0,0,0,0)',
    'circle-radius': dotRadius(4.5, 8, 5),
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

/**
 * The selected park's name, drawn over the other parks' names: symbols higher in the style are
 * placed first, so the name of the park whose card is open wins over its neighbours' (five parks
 * share Zhangjiang's point); parks-label leaves it out (parkFilters).
 */
export const parksSelectedLabel = (lang: Lang): LayerBody => ({ ...parksLabel(lang), filter: noPark });

/**
 * The filters that show only these parks (null: all of them), per park layer (null: no filter);
 * the selected park's name is left to parks-selected-label (placed there, its copy here could
 * still find room beside it, and the name showed twice).
 */
export function parkFilters(
  ids: readonly string[] | null,
  selected: string | null = null,
): Record<'parks-halo' | 'parks-basis' | 'parks-circle' | 'parks-label', FilterSpecification | null> {
  const only: ExpressionSpecification | null = ids ? ['in', ['get', 'id'], ['literal', [...ids]]] : null;
  const notSelected: ExpressionSpecification | null = selected ? ['!=', ['get', 'id'], selected] : null;
  return {
    'parks-halo': only ? ['all', estimated, only] : estimated,
    'parks-basis': only ? ['all', namedByPlan, only] : namedByPlan,
    'parks-circle': only,
    'parks-label': only && notSelected ? ['all', only, notSelected] : (only ?? notSelected),
  };
}

/** The ring's filter for the selected park (none: an id no park has). */
export const selectedParkFilter = (id: string | null): FilterSpecification => (id ? ['==', ['get', 'id'], id] : noPark);
