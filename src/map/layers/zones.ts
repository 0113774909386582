/**
 * The plan's zones (poles, belts, cluster layouts): fill and outline bodies, their labels, their
 * default opacity, the emphasis a sector filter gives the zones it designates (a feature state of
 * each zone, read by the opacity expressions, so a filter click sets states and changes no paint),
 * and the selected zone's highlight.
 *
 * Every zone shows in its own layer. A cluster zone that reuses a pole's outline (`outline_of`) is
 * drawn as a line just inside that outline (each layout at its own inset, in its own colour and
 * dash), so the pole's line and every layout that uses the outline stay apart; one that covers
 * whole districts as a soft band along their outer border, in the layout's colour. Their fill
 * stays clear (the pole's and the districts' own are there) but clickable.
 * A layout that uses one outline twice (two zones of 临港) draws it once (`repeat`, set by the
 * map's zones source, src/map/sync/source-data.ts).
 */
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { Lang } from '../../domain/types';
import { COLORS, DISTRICT_BAND_ALPHA, DISTRICT_BAND_PX, LAYOUT_STYLES, labelInk, withAlpha } from '../../theme/map-colors';
import type { LayoutId } from '../../theme/map-colors';
import { FONT, isArea, isLine, nameField } from './style-bits';
import type { LayerBody } from './types';

const zoneGroupFilter = (groups: readonly string[]): ExpressionSpecification => ['in', ['get', 'group'], ['literal', [...groups]]];

/** Zones that reuse a pole's outline, or cover whole districts: their fill is clear. */
const clearFill: ExpressionSpecification = ['any', ['to-boolean', ['get', 'outline_of']], ['!', ['get', 'schematic']]];
/**
 * The zones' feature state a sector filter sets: `emph` 1 for a zone it designates, 0 for the
 * others; unset (no filter, or one that designates none): every zone has its default look.
 */
export const EMPH = 'emph';
const emph: ExpressionSpecification = ['feature-state', EMPH];

/** a second zone of the same layout on the same outline (drawn once) */
const notRepeat: ExpressionSpecification = ['!', ['to-boolean', ['get', 'repeat']]];

/** The zone layers' layouts: which of the data's groups each draws. */
export const LAYER_LAYOUTS = {
  ic: ['ic-one-body-two-wings'],
  biomed: ['biomed-1-5-x'],
  ai: ['ai-4-x'],
  digital: ['digital-industries', 'fintech-two-cities-one-belt-one-port'],
} as const satisfies Record<string, readonly LayoutId[]>;

/** Each layout's place inside a shared outline, in px (0: on it), so their lines stay apart. */
export const LAYOUT_INSET_PX: Record<LayoutId, number> = {
  'ic-one-body-two-wings': 3,
  'biomed-1-5-x': 6,
  'ai-4-x': 9,
  'digital-industries': 12,
  'fintech-two-cities-one-belt-one-port': 15,
};

/** Default paint per zone layer. The sector filter raises designated zones and dims the rest. */
export const ZONE_FILL_DEFAULT = {
  'poles-fill': 0.16,
  'serviceBelt-fill': 0.12,
  'hBelt-fill': 0.1,
  // near-transparent: clickable, barely tinted; clear where the zone is drawn inside another's outline
  'ic-fill': ['case', clearFill, 0, 0.05],
  'biomed-fill': ['case', clearFill, 0, 0.05],
  'ai-fill': ['case', clearFill, 0, 0.05],
  'digital-fill': ['case', clearFill, 0, 0.05],
} satisfies Record<string, number | ExpressionSpecification>;
export const ZONE_LINE_DEFAULT = {
  'poles-line': 0.9,
  'serviceBelt-line': 0.9,
  'hBelt-axis': 0.9,
  'ic-line': 0.9,
  'biomed-line': 0.9,
  'ai-line': 0.9,
  'digital-line': 0.9,
  'fintech-line': 0.9,
} satisfies Record<string, number | ExpressionSpecification>;
export type ZoneFillLayer = keyof typeof ZONE_FILL_DEFAULT;
export type ZoneLineLayer = keyof typeof ZONE_LINE_DEFAULT;
type ZonePaint = number | ExpressionSpecification;

const fill = (layer: ZoneFillLayer, groups: readonly string[], color: string): LayerBody => ({
  type: 'fill',
  filter: ['all', isArea, zoneGroupFilter(groups)],
  paint: { 'fill-color': color, 'fill-opacity': zoneOpacity(layer) },
});
const line = (layer: ZoneLineLayer, groups: readonly string[], color: string, width: number, dashed: boolean, only?: ExpressionSpecification): LayerBody => ({
  type: 'line',
  filter: only ? ['all', zoneGroupFilter(groups), only] : zoneGroupFilter(groups),
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': color,
    'line-width': width,
    'line-opacity': zoneOpacity(layer),
    ...(dashed ? { 'line-dasharray': [2, 1.5] } : {}),
  },
});
/** a zone built from whole districts (its outline is theirs, not a schematic drawing) */
const districtBuilt: ExpressionSpecification = ['!', ['get', 'schematic']];
/** a zone reusing another zone's outline (a pole's) */
const sharedOutline: ExpressionSpecification = ['to-boolean', ['get', 'outline_of']];

/**
 * One cluster layout's outlines, in its colour: dashed (dotted for fintech); just inside a
 * shared outline (each layout at its own inset); a soft band along the border of a zone built
 * from whole districts (an offset line would zigzag along their detailed borders).
 */
const layoutLine = (layer: ZoneLineLayer, layout: LayoutId): LayerBody => {
  const { color, dash } = LAYOUT_STYLES[layout];
  const dotted = dash[0]! < 1;
  return {
    type: 'line',
    filter: ['all', zoneGroupFilter([layout]), isArea, notRepeat],
    layout: { 'line-join': 'round', ...(dotted ? { 'line-cap': 'round' } : {}) },
    paint: {
      'line-color': ['case', districtBuilt, withAlpha(color, DISTRICT_BAND_ALPHA), color],
      'line-width': ['case', districtBuilt, DISTRICT_BAND_PX, dotted ? 2.2 : 1.6],
      'line-opacity': zoneOpacity(layer),
      'line-dasharray': ['case', districtBuilt, ['literal', [1, 0]], ['literal', [...dash]]],
      'line-offset': ['case', sharedOutline, LAYOUT_INSET_PX[layout], 0],
    },
  };
};

export const zoneBodies = {
  'hBelt-fill': fill('hBelt-fill', ['h-belt'], COLORS.hBelt),
  'serviceBelt-fill': fill('serviceBelt-fill', ['service-belt'], COLORS.serviceBelt),
  'serviceBelt-line': line('serviceBelt-line', ['service-belt'], COLORS.serviceBelt, 1.2, true),
  'poles-fill': fill('poles-fill', ['two-poles'], COLORS.pole),
  'poles-line': line('poles-line', ['two-poles'], COLORS.pole, 2, false),
  'hBelt-axis': line('hBelt-axis', ['h-belt'], COLORS.hBelt, 3.5, true, isLine),
  'ic-fill': fill('ic-fill', LAYER_LAYOUTS.ic, LAYOUT_STYLES['ic-one-body-two-wings'].color),
  'ic-line': layoutLine('ic-line', 'ic-one-body-two-wings'),
  'biomed-fill': fill('biomed-fill', LAYER_LAYOUTS.biomed, LAYOUT_STYLES['biomed-1-5-x'].color),
  'biomed-line': layoutLine('biomed-line', 'biomed-1-5-x'),
  'ai-fill': fill('ai-fill', LAYER_LAYOUTS.ai, LAYOUT_STYLES['ai-4-x'].color),
  'ai-line': layoutLine('ai-line', 'ai-4-x'),
  'digital-fill': fill('digital-fill', LAYER_LAYOUTS.digital, LAYOUT_STYLES['digital-industries'].color),
  'digital-line': layoutLine('digital-line', 'digital-industries'),
  'fintech-line': layoutLine('fintech-line', 'fintech-two-cities-one-belt-one-port'),
} as const;

// a thin halo: at 2 px on 11.5 px text the white outweighed the ink, and labels read pale on their zone's fill
const halo = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.3 } as const;

/** The poles' names. */
export const polesLabel = (lang: Lang): LayerBody => ({
  type: 'symbol',
  filter: ['==', ['get', 'kind'], 'pole'],
  layout: {
    'text-field': nameField(lang, true),
    'text-font': FONT,
    'text-size': 13,
    'text-max-width': lang === 'zh' ? 7 : 12,
    'text-optional': true,
    'text-padding': 6,
  },
  paint: { 'text-color': labelInk(COLORS.pole), ...halo },
});

/** The H-belt's axes, named along their lines (a point label found no room among the parks). */
export const axesLabel = (lang: Lang): LayerBody => ({
  type: 'symbol',
  filter: ['==', ['get', 'kind'], 'axis'],
  layout: {
    'symbol-placement': 'line',
    'symbol-spacing': 600,
    'text-field': nameField(lang, true),
    'text-font': FONT,
    'text-size': 12,
    'text-max-angle': 30,
    'text-padding': 4,
  },
  paint: { 'text-color': labelInk(COLORS.hBelt), ...halo },
});

/** the n-th label at one point (a shared outline) goes n lines under it */
const STACK_LINE_EM = 1.3;
const stackOffset = (rows: number): ExpressionSpecification =>
  [
    'match',
    ['get', 'stack'],
    ...Array.from({ length: rows }, (_, k) => [k + 1, ['literal', [0, 0.7 + k * STACK_LINE_EM]]]).flat(),
    ['literal', [0, 0]],
  ] as unknown as ExpressionSpecification;

/**
 * A cluster layout's zone names, in its colour, from zoom 9.5 (where they fit beside the parks).
 * Zones sharing a label point (a pole's) stack under it, one line each (`stack`, set by the
 * map's zone-labels source).
 */
const clusterLabel =
  (layouts: readonly LayoutId[]) =>
  (lang: Lang): LayerBody => ({
    type: 'symbol',
    minzoom: 9.5,
    filter: ['all', ['==', ['get', 'kind'], 'cluster'], zoneGroupFilter(layouts)],
    layout: {
      // a label alone breaks after its colon (text_zh), not inside a quoted term; stacked ones keep to one line each
      'text-field':
        lang === 'zh'
          ? ['case', ['>', ['get', 'stack'], 0], nameField(lang), ['coalesce', ['get', 'text_zh'], nameField(lang)]]
          : ['coalesce', ['get', 'text_en'], nameField(lang)],
      'text-font': FONT,
      'text-size': 11.5,
      'text-max-width': ['case', ['>', ['get', 'stack'], 0], 24, lang === 'zh' ? 10 : 16],
      'text-anchor': ['case', ['>', ['get', 'stack'], 0], 'top', 'center'],
      'text-offset': stackOffset(8),
      'text-optional': true,
      'text-padding': 2,
    },
    paint: {
      // the layout's colour, darkened where it would be pale on its white halo (labelInk)
      'text-color': [
        'match',
        ['get', 'group'],
        ...layouts.flatMap((l) => [l, labelInk(LAYOUT_STYLES[l].color)]),
        COLORS.pole,
      ] as unknown as ExpressionSpecification,
      ...halo,
    },
  });

export const clusterLabels = {
  ic: clusterLabel(LAYER_LAYOUTS.ic),
  biomed: clusterLabel(LAYER_LAYOUTS.biomed),
  ai: clusterLabel(LAYER_LAYOUTS.ai),
  digital: clusterLabel(LAYER_LAYOUTS.digital),
};

const noZone: FilterSpecification = ['==', ['get', 'id'], ''];

/** The selected zone: a dark line with a white casing over its outline (its own, not inset). */
export const zoneSelected = {
  casing: { type: 'line', filter: noZone, layout: { 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': 7, 'line-opacity': 0.9 } },
  line: { type: 'line', filter: noZone, layout: { 'line-join': 'round' }, paint: { 'line-color': COLORS.selected, 'line-width': 3 } },
} satisfies Record<string, LayerBody>;

/** The highlight's filter for the selected zone (none: an id no zone has). */
export const selectedZoneFilter = (id: string | null): FilterSpecification => (id ? ['==', ['get', 'id'], id] : noZone);

/**
 * A zone layer's opacity: its default, raised for an emphasised zone and dimmed for the others
 * while a filter emphasises some (EMPH). One expression for the layer's life, data-driven from
 * the start, so the first filter click compiles no new shader program either.
 */
export function zoneOpacity(layer: ZoneFillLayer | ZoneLineLayer): ExpressionSpecification {
  const isFill = layer in ZONE_FILL_DEFAULT;
  const base: ZonePaint = isFill ? ZONE_FILL_DEFAULT[layer as ZoneFillLayer] : ZONE_LINE_DEFAULT[layer as ZoneLineLayer];
  // fills: emphasised zones tinted, the others a quarter of their tint; lines: full and faint
  const [up, down] = isFill ? [0.28, typeof base === 'number' ? base * 0.25 : 0] : [1, 0.15];
  return ['case', ['==', emph, 1], up, ['==', emph, 0], down, base];
}

/**
 * Each zone's EMPH state for the zones a filter brings forward (null: none, every state unset),
 * over every zone id of the map's zones source.
 */
export function emphasisStates(allIds: readonly string[], ids: readonly string[] | null): Map<string, 0 | 1 | null> {
  const on = new Set(ids ?? []);
  return new Map(allIds.map((id) => [id, ids ? (on.has(id) ? 1 : 0) : null]));
}
