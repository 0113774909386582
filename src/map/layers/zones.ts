/**
 * The plan's zones (poles, belts, cluster layouts): fill and outline bodies, their default
 * opacity, and the emphasis a sector filter gives the zones it designates.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Lang } from '../../domain/types';
import { CLUSTER_COLORS, COLORS } from '../../theme/map-colors';
import { FONT, isArea, isLine, nameField } from './style-bits';
import type { LayerBody } from './types';

const zoneGroupFilter = (groups: string[]): ExpressionSpecification => ['in', ['get', 'group'], ['literal', groups]];

/**
 * Cluster zones that reuse a pole's outline, or cover whole districts, are not outlined by
 * default (they would stack on the pole's and the districts' own lines); a sector filter that
 * designates them brings them forward.
 */
const quietByDefault: ExpressionSpecification = ['any', ['to-boolean', ['get', 'outline_of']], ['!', ['get', 'schematic']]];

/** Default paint per zone layer. The sector filter raises designated zones and dims the rest. */
export const ZONE_FILL_DEFAULT = {
  'poles-fill': 0.16,
  'serviceBelt-fill': 0.12,
  'hBelt-fill': 0.1,
  // near-transparent: clickable, barely tinted
  'ic-fill': ['case', quietByDefault, 0, 0.05],
  'biomed-fill': ['case', quietByDefault, 0, 0.05],
  'ai-fill': ['case', quietByDefault, 0, 0.05],
  'digital-fill': ['case', quietByDefault, 0, 0.05],
} satisfies Record<string, number | ExpressionSpecification>;
export const ZONE_LINE_DEFAULT = {
  'poles-line': 0.9,
  'serviceBelt-line': 0.9,
  'hBelt-axis': 0.9,
  'ic-line': ['case', quietByDefault, 0, 0.9],
  'biomed-line': ['case', quietByDefault, 0, 0.9],
  'ai-line': ['case', quietByDefault, 0, 0.9],
  'digital-line': ['case', quietByDefault, 0, 0.9],
} satisfies Record<string, number | ExpressionSpecification>;
export type ZoneFillLayer = keyof typeof ZONE_FILL_DEFAULT;
export type ZoneLineLayer = keyof typeof ZONE_LINE_DEFAULT;
type ZonePaint = number | ExpressionSpecification;

const fill = (layer: ZoneFillLayer, groups: string[], color: string): LayerBody => ({
  type: 'fill',
  filter: ['all', isArea, zoneGroupFilter(groups)],
  paint: { 'fill-color': color, 'fill-opacity': ZONE_FILL_DEFAULT[layer] },
});
const line = (layer: ZoneLineLayer, groups: string[], color: string, width: number, dashed: boolean, only?: ExpressionSpecification): LayerBody => ({
  type: 'line',
  filter: only ? ['all', zoneGroupFilter(groups), only] : zoneGroupFilter(groups),
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': color,
    'line-width': width,
    'line-opacity': ZONE_LINE_DEFAULT[layer],
    ...(dashed ? { 'line-dasharray': [2, 1.5] } : {}),
  },
});

export const zoneBodies = {
  'hBelt-fill': fill('hBelt-fill', ['h-belt'], COLORS.hBelt),
  'serviceBelt-fill': fill('serviceBelt-fill', ['service-belt'], COLORS.serviceBelt),
  'serviceBelt-line': line('serviceBelt-line', ['service-belt'], COLORS.serviceBelt, 1.2, true),
  'poles-fill': fill('poles-fill', ['two-poles'], COLORS.pole),
  'poles-line': line('poles-line', ['two-poles'], COLORS.pole, 2, false),
  'hBelt-axis': line('hBelt-axis', ['h-belt'], COLORS.hBelt, 3.5, true, isLine),
  'ic-fill': fill('ic-fill', ['ic-one-body-two-wings'], CLUSTER_COLORS.ic),
  'ic-line': line('ic-line', ['ic-one-body-two-wings'], CLUSTER_COLORS.ic, 1.6, true, isArea),
  'biomed-fill': fill('biomed-fill', ['biomed-1-5-x'], CLUSTER_COLORS.biomed),
  'biomed-line': line('biomed-line', ['biomed-1-5-x'], CLUSTER_COLORS.biomed, 1.6, true, isArea),
  'ai-fill': fill('ai-fill', ['ai-4-x'], CLUSTER_COLORS.ai),
  'ai-line': line('ai-line', ['ai-4-x'], CLUSTER_COLORS.ai, 1.6, true, isArea),
  'digital-fill': fill('digital-fill', ['digital-industries', 'fintech-two-cities-one-belt-one-port'], CLUSTER_COLORS.digital),
  'digital-line': line('digital-line', ['digital-industries', 'fintech-two-cities-one-belt-one-port'], CLUSTER_COLORS.digital, 1.6, true, isArea),
} as const;

export const zonesLabel = (lang: Lang): LayerBody => ({
  type: 'symbol',
  filter: ['in', ['get', 'kind'], ['literal', ['pole', 'axis']]],
  layout: {
    'text-field': nameField(lang, true),
    'text-font': FONT,
    'text-size': 13,
    'text-max-width': lang === 'zh' ? 7 : 12,
    'text-optional': true,
    'text-padding': 6,
  },
  paint: {
    'text-color': ['match', ['get', 'kind'], 'axis', COLORS.hBelt, COLORS.pole],
    'text-halo-color': '#ffffff',
    'text-halo-width': 2,
  },
});

/** Paint for a zone layer with these zones brought forward (null: the default look). */
export function emphasis(layer: ZoneFillLayer | ZoneLineLayer, ids: readonly string[] | null): ZonePaint {
  const isFill = layer in ZONE_FILL_DEFAULT;
  const base: ZonePaint = isFill ? ZONE_FILL_DEFAULT[layer as ZoneFillLayer] : ZONE_LINE_DEFAULT[layer as ZoneLineLayer];
  if (!ids) return base;
  const on = ['in', ['get', 'id'], ['literal', [...ids]]] as ExpressionSpecification;
  if (isFill) return ['case', on, 0.28, typeof base === 'number' ? base * 0.25 : 0];
  // lines: designated zones full, others faint, and the quiet-by-default ones stay hidden
  return ['case', on, 1, typeof base === 'number' ? 0.15 : ['case', quietByDefault, 0, 0.15]];
}
