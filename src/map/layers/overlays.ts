/**
 * The overlays, drawn above the plan: the find tools' circle, area, point and found parks; the
 * user's imported sites (clustered); a briefing chapter's highlighted zones and parks. Their
 * sources are added with their first data (see the registry), so the first view has none.
 */
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import { isArea, isPoint } from './style-bits';
import type { LayerBody } from './types';
import { COLORS } from '../../theme/map-colors';
import { SITE_CLUSTER_STEPS, SITE_CLUSTER_STROKE, SITE_COLORS } from '../../theme/sites';

const ACCENT = '#6a3fb5';
const transparent = 'rgba(0,0,0,0)';

export const find = {
  radiusFill: { type: 'fill', paint: { 'fill-color': ACCENT, 'fill-opacity': 0.08 } },
  radiusLine: { type: 'line', paint: { 'line-color': ACCENT, 'line-width': 2, 'line-dasharray': [3, 2] } },
  areaFill: { type: 'fill', paint: { 'fill-color': '#e07a1f', 'fill-opacity': 0.12 } },
  areaLine: { type: 'line', paint: { 'line-color': '#c0620c', 'line-width': 2 } },
  hits: {
    type: 'circle',
    filter: ['==', ['get', 'role'], 'hit'],
    paint: {
      'circle-color': transparent,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 8, 13, 12],
      'circle-stroke-color': ACCENT,
      'circle-stroke-width': 2,
    },
  },
  compare: {
    type: 'circle',
    filter: ['==', ['get', 'role'], 'compare'],
    paint: { 'circle-color': '#1f2328', 'circle-radius': 8, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2, 'circle-translate': [0, -16] },
  },
  compareLabel: {
    type: 'symbol',
    filter: ['==', ['get', 'role'], 'compare'],
    layout: { 'text-field': ['get', 'n'], 'text-font': ['Noto Sans SC'], 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
    paint: { 'text-color': '#ffffff', 'text-translate': [0, -16] },
  },
  // a dark ring on white: no sector's dot (the AI parks are red) and no imported site looks like it
  origin: { type: 'circle', paint: { 'circle-color': '#ffffff', 'circle-radius': 6, 'circle-stroke-color': COLORS.chosenPoint, 'circle-stroke-width': 3 } },
} satisfies Record<string, LayerBody>;

/**
 * A site's colour by its colour slot (`c`, siteColorSlot: one colour per imported file, in import
 * order, repeating): the sites' own, apart from every sector's. The same expression whatever is
 * imported, so an import never changes the style (the slot travels with the site, in its tile).
 */
export const SITE_COLOR_EXPRESSION = [
  'match',
  ['get', 'c'],
  ...SITE_COLORS.slice(1).flatMap((color, k) => [k + 1, color]),
  SITE_COLORS[0],
] as unknown as ExpressionSpecification;

const clustered: FilterSpecification = ['has', 'point_count'];

/** A value per cluster size step (SITE_CLUSTER_STEPS): ['step', point_count, v₀, 100, v₁, …]. */
const byCount = (value: (step: (typeof SITE_CLUSTER_STEPS)[number], k: number) => string | number): ExpressionSpecification =>
  [
    'step',
    ['get', 'point_count'],
    value(SITE_CLUSTER_STEPS[0], 0),
    ...SITE_CLUSTER_STEPS.slice(1).flatMap((step, k) => [SITE_CLUSTER_STEPS[k]!.below, value(step, k + 1)]),
  ] as unknown as ExpressionSpecification;
const noSite: FilterSpecification = ['==', ['get', 'i'], -1];

/** The ring's filter for the picked site (none: an index no site has). */
export const selectedSiteFilter = (sel: { set: string; index: number } | null): FilterSpecification =>
  sel ? ['all', ['==', ['get', 'set'], sel.set], ['==', ['get', 'i'], sel.index]] : noSite;

export const sites = {
  cluster: {
    type: 'circle',
    filter: clustered,
    paint: {
      // the sites' own ink, never a sector's colour
      'circle-color': byCount((step) => step.fill),
      'circle-radius': byCount((_, k) => [12, 16, 20, 25][k]!),
      'circle-stroke-color': SITE_CLUSTER_STROKE,
      'circle-stroke-width': 1.5,
      'circle-opacity': 0.9,
    },
  },
  count: {
    type: 'symbol',
    filter: clustered,
    layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': ['Noto Sans SC'], 'text-size': 11, 'text-allow-overlap': true },
    paint: { 'text-color': byCount((step) => step.text) },
  },
  point: {
    type: 'circle',
    filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': SITE_COLOR_EXPRESSION,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4, 14, 7],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  },
  selected: {
    type: 'circle',
    filter: noSite,
    paint: { 'circle-radius': 11, 'circle-color': transparent, 'circle-stroke-color': '#111111', 'circle-stroke-width': 2.5 },
  },
} satisfies Record<string, LayerBody>;

export const HIGHLIGHT_COLOR = COLORS.highlight;
const notPoint: ExpressionSpecification = ['!', isPoint];
const POINTER_COLOR = '#ff1a1a';

/**
 * The spotlight's radius in pixels from the feature's `k` (its radius at zoom 0): doubling per
 * zoom level, so it covers the same ground at any zoom and in windows of any size.
 */
const groundRadius: ExpressionSpecification = ['interpolate', ['exponential', 2], ['zoom'], 0, ['get', 'k'], 24, ['*', ['get', 'k'], 2 ** 24]];
const pointerMode = (mode: string): FilterSpecification => ['==', ['get', 'mode'], mode];

export const briefing = {
  fill: { type: 'fill', filter: isArea, paint: { 'fill-color': HIGHLIGHT_COLOR, 'fill-opacity': 0.06 } },
  casing: { type: 'line', filter: notPoint, paint: { 'line-color': '#ffffff', 'line-width': 7, 'line-opacity': 0.9 } },
  line: { type: 'line', filter: notPoint, paint: { 'line-color': HIGHLIGHT_COLOR, 'line-width': 3.5 } },
  parkCasing: {
    type: 'circle',
    filter: isPoint,
    paint: { 'circle-radius': 13, 'circle-color': transparent, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 6 },
  },
  park: {
    type: 'circle',
    filter: isPoint,
    paint: { 'circle-radius': 13, 'circle-color': transparent, 'circle-stroke-color': HIGHLIGHT_COLOR, 'circle-stroke-width': 3.5 },
  },
  /** everything but a circle around the pointer dimmed: a clear circle with a stroke wider than any screen */
  spotlight: {
    type: 'circle',
    filter: pointerMode('spotlight'),
    paint: {
      'circle-radius': groundRadius,
      'circle-color': transparent,
      'circle-stroke-color': '#000000',
      'circle-stroke-opacity': 0.62,
      'circle-stroke-width': 5000,
      'circle-pitch-alignment': 'map',
    },
  },
  pointerGlow: {
    type: 'circle',
    filter: pointerMode('pointer'),
    paint: { 'circle-radius': 20, 'circle-color': POINTER_COLOR, 'circle-opacity': 0.3, 'circle-blur': 0.7 },
  },
  pointerDot: {
    type: 'circle',
    filter: pointerMode('pointer'),
    paint: { 'circle-radius': 8, 'circle-color': POINTER_COLOR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
  },
} satisfies Record<string, LayerBody>;
