/**
 * The layer registry: every source, layer and legend entry of the map, declared once.
 * The legend is generated from LAYER_GROUPS, the same objects the style is built from.
 * (Types only from maplibre-gl: this module is pure and unit-tested in Node.)
 */
import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import type { StringKey } from '../i18n';
import { SECTOR_COLORS } from '../theme/sectors';
import type { LayerGroupId } from '../domain/ids';
import type { Lang } from '../domain/types';
import { TOP_SECTOR_IDS } from '../domain/ids';

export const SOURCES = ['provinces', 'basemap-lines', 'districts', 'district-labels', 'zones', 'zone-labels', 'footprints', 'parks'] as const;
export type SourceId = (typeof SOURCES)[number];

export type LegendSwatch =
  | { kind: 'fill'; color: string; opacity: number; outline?: string }
  | { kind: 'line'; color: string; width: number; dashed?: boolean }
  | { kind: 'circle'; color: string; stroke: string; halo?: boolean; hollow?: boolean };

export interface LegendItem {
  swatch: LegendSwatch;
  /** an i18n key, or literal text per language */
  label: StringKey | { zh: string; en: string };
}

export interface LayerGroup {
  id: LayerGroupId;
  label: StringKey;
  legend: LegendItem[];
  /** ids of the layers this group switches */
  layers: string[];
  /** zone groups (the `group` property in zones.geojson) drawn by this layer group */
  zoneGroups?: string[];
}

export const COLORS = {
  water: '#cfe1ec',
  neighbourLand: '#ebe7df',
  neighbourLine: '#c9c1b3',
  land: '#faf8f3',
  districtLine: '#b5aa98',
  districtLabel: '#6f6558',
  river: '#8fbad6',
  road: '#d99a3d',
  pole: '#6a3fb5',
  serviceBelt: '#0e7490',
  hBelt: '#9a5b13',
  selected: '#111111',
} as const;

const CLUSTER_COLORS = {
  ic: SECTOR_COLORS.ic,
  biomed: SECTOR_COLORS.biomed,
  ai: SECTOR_COLORS.ai,
  digital: SECTOR_COLORS.digital,
} as const;

const zoneGroupFilter = (groups: string[]): ExpressionSpecification => ['in', ['get', 'group'], ['literal', groups]];
const isArea: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];

/** the expression both languages' labels switch between */
export const nameField = (lang: Lang, short = false): ExpressionSpecification => [
  'coalesce',
  ['get', `${short ? 'label' : 'name'}_${lang}`],
  ['get', `name_${lang}`],
];

const FONT = ['Noto Sans SC'];

const baseLayers = (lang: Lang): LayerSpecification[] => [
  { id: 'provinces-fill', type: 'fill', source: 'provinces', paint: { 'fill-color': COLORS.neighbourLand } },
  { id: 'provinces-line', type: 'line', source: 'provinces', paint: { 'line-color': COLORS.neighbourLine, 'line-width': 0.8 } },
  { id: 'districts-fill', type: 'fill', source: 'districts', paint: { 'fill-color': COLORS.land } },
  {
    id: 'rivers-line',
    type: 'line',
    source: 'basemap-lines',
    filter: ['==', ['get', 'kind'], 'river'],
    paint: { 'line-color': COLORS.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2, 13, 6] },
  } satisfies LineLayerSpecification,
  {
    id: 'roads-line',
    type: 'line',
    source: 'basemap-lines',
    filter: ['==', ['get', 'kind'], 'expressway'],
    paint: { 'line-color': COLORS.road, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 13, 3], 'line-dasharray': [3, 1.5] },
  } satisfies LineLayerSpecification,
  {
    id: 'districts-line',
    type: 'line',
    source: 'districts',
    paint: { 'line-color': COLORS.districtLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 13, 1.6] },
  } satisfies LineLayerSpecification,
  {
    id: 'basemap-labels',
    type: 'symbol',
    source: 'basemap-lines',
    filter: ['in', ['get', 'kind'], ['literal', ['river', 'expressway']]],
    layout: {
      'symbol-placement': 'line',
      'text-field': ['concat', ['coalesce', ['get', 'ref'], nameField(lang)], lang === 'zh' ? '（示意）' : ' (schematic)'],
      'text-font': FONT,
      'text-size': 11,
      'symbol-spacing': 400,
    },
    paint: { 'text-color': '#8a6a3a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
  } satisfies SymbolLayerSpecification,
  {
    id: 'airports-label',
    type: 'symbol',
    source: 'basemap-lines',
    filter: ['==', ['get', 'kind'], 'airport'],
    layout: { 'text-field': ['concat', '✈ ', nameField(lang)], 'text-font': FONT, 'text-size': 11, 'text-optional': true },
    paint: { 'text-color': '#5b6b7a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
  } satisfies SymbolLayerSpecification,
];

const districtLabels = (lang: Lang): SymbolLayerSpecification => ({
  id: 'districts-label',
  type: 'symbol',
  source: 'district-labels',
  layout: {
    'text-field': nameField(lang),
    'text-font': FONT,
    'text-size': ['interpolate', ['linear'], ['zoom'], 8, 11, 12, 15],
    'text-letter-spacing': lang === 'zh' ? 0.2 : 0.05,
    'text-padding': 4,
  },
  paint: { 'text-color': COLORS.districtLabel, 'text-halo-color': COLORS.land, 'text-halo-width': 1.5 },
});

const fillZone = (id: string, groups: string[], color: string, opacity: number): FillLayerSpecification => ({
  id,
  type: 'fill',
  source: 'zones',
  filter: ['all', isArea, zoneGroupFilter(groups)],
  paint: { 'fill-color': color, 'fill-opacity': opacity },
});
const lineZone = (id: string, groups: string[], color: string, width: number, dashed: boolean, extra?: ExpressionSpecification): LineLayerSpecification => ({
  id,
  type: 'line',
  source: 'zones',
  filter: extra ? ['all', zoneGroupFilter(groups), extra] : zoneGroupFilter(groups),
  layout: { 'line-join': 'round' },
  paint: { 'line-color': color, 'line-width': width, 'line-opacity': 0.9, ...(dashed ? { 'line-dasharray': [2, 1.5] } : {}) },
});

/**
 * Cluster zones that reuse a pole's outline, or cover whole districts, are not outlined by
 * default (they would stack on the pole's and the districts' own lines); a sector filter that
 * designates them brings them forward.
 */
const quietByDefault: ExpressionSpecification = ['any', ['to-boolean', ['get', 'outline_of']], ['!', ['get', 'schematic']]];

const cluster = (key: keyof typeof CLUSTER_COLORS, groups: string[]): LayerSpecification[] => {
  const fill = fillZone(`${key}-fill`, groups, CLUSTER_COLORS[key], 0);
  const line = lineZone(`${key}-line`, groups, CLUSTER_COLORS[key], 1.6, true, isArea);
  fill.paint = { ...fill.paint, 'fill-opacity': ZONE_FILL_DEFAULT[`${key}-fill`]! };
  line.paint = { ...line.paint, 'line-opacity': ZONE_LINE_DEFAULT[`${key}-line`]! };
  return [fill, line];
};

/** Default paint per zone layer. The sector filter raises designated zones and dims the rest. */
export const ZONE_FILL_DEFAULT: Record<string, number | ExpressionSpecification> = {
  'poles-fill': 0.16,
  'serviceBelt-fill': 0.12,
  'hBelt-fill': 0.1,
  // near-transparent: clickable, barely tinted
  'ic-fill': ['case', quietByDefault, 0, 0.05],
  'biomed-fill': ['case', quietByDefault, 0, 0.05],
  'ai-fill': ['case', quietByDefault, 0, 0.05],
  'digital-fill': ['case', quietByDefault, 0, 0.05],
};
export const ZONE_LINE_DEFAULT: Record<string, number | ExpressionSpecification> = {
  'poles-line': 0.9,
  'serviceBelt-line': 0.9,
  'hBelt-axis': 0.9,
  'ic-line': ['case', quietByDefault, 0, 0.9],
  'biomed-line': ['case', quietByDefault, 0, 0.9],
  'ai-line': ['case', quietByDefault, 0, 0.9],
  'digital-line': ['case', quietByDefault, 0, 0.9],
};

/** Paint for a zone layer with these zones brought forward (null: the default look). */
export function emphasis(layer: string, ids: readonly string[] | null): number | ExpressionSpecification {
  const isFill = layer.endsWith('-fill');
  const base = (isFill ? ZONE_FILL_DEFAULT : ZONE_LINE_DEFAULT)[layer]!;
  if (!ids) return base;
  const on = ['in', ['get', 'id'], ['literal', [...ids]]] as ExpressionSpecification;
  if (isFill) return ['case', on, 0.28, typeof base === 'number' ? base * 0.25 : 0];
  // lines: designated zones full, others faint, and the quiet-by-default ones stay hidden
  return ['case', on, 1, typeof base === 'number' ? 0.15 : ['case', quietByDefault, 0, 0.15]];
}

const confidenceStroke: ExpressionSpecification = ['match', ['get', 'confidence'], 'sourced', '#111111', '#ffffff'];

const parkLayers = (lang: Lang): LayerSpecification[] => [
  {
    // a halo of ≈1 km around estimated locations: the uncertainty, to scale
    id: 'parks-halo',
    type: 'circle',
    source: 'parks',
    filter: ['!=', ['get', 'confidence'], 'sourced'],
    paint: {
      'circle-color': ['get', 'color'],
      'circle-opacity': 0.12,
      'circle-radius': ['interpolate', ['exponential', 2], ['zoom'], 8, 1.9, 16, 488],
      'circle-stroke-width': 0,
    },
  } satisfies CircleLayerSpecification,
  {
    id: 'parks-circle',
    type: 'circle',
    source: 'parks',
    paint: {
      'circle-color': ['get', 'color'],
      'circle-opacity': ['match', ['get', 'confidence'], 'schematic', 0, 1],
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4.5, 13, 8],
      'circle-stroke-color': ['match', ['get', 'confidence'], 'schematic', ['get', 'color'], confidenceStroke],
      'circle-stroke-width': ['match', ['get', 'confidence'], 'sourced', 2, 1.5],
    },
  } satisfies CircleLayerSpecification,
  {
    id: 'parks-selected',
    type: 'circle',
    source: 'parks',
    filter: ['==', ['get', 'id'], ''],
    paint: {
      'circle-color': 'rgba(0,0,0,0)',
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 9, 13, 14],
      'circle-stroke-color': COLORS.selected,
      'circle-stroke-width': 3,
    },
  } satisfies CircleLayerSpecification,
  {
    id: 'parks-label',
    type: 'symbol',
    source: 'parks',
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
  } satisfies SymbolLayerSpecification,
];

const zoneLabels = (lang: Lang): SymbolLayerSpecification => ({
  id: 'zones-label',
  type: 'symbol',
  source: 'zone-labels',
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

export const LAYER_GROUPS: LayerGroup[] = [
  {
    id: 'basemap',
    label: 'group_basemap',
    layers: ['provinces-fill', 'provinces-line', 'rivers-line', 'roads-line', 'basemap-labels', 'airports-label'],
    legend: [
      { swatch: { kind: 'line', color: COLORS.river, width: 4 }, label: { zh: '黄浦江（示意）', en: 'Huangpu River (schematic)' } },
      {
        swatch: { kind: 'line', color: COLORS.road, width: 2, dashed: true },
        label: { zh: '高速公路 G60/S20/S1（示意）', en: 'Expressways G60/S20/S1 (schematic)' },
      },
    ],
  },
  {
    id: 'districts',
    label: 'group_districts',
    layers: ['districts-fill', 'districts-line', 'districts-label'],
    legend: [{ swatch: { kind: 'fill', color: COLORS.land, opacity: 1, outline: COLORS.districtLine }, label: { zh: '行政区（16个）', en: 'Districts (16)' } }],
  },
  {
    id: 'poles',
    label: 'group_poles',
    zoneGroups: ['two-poles'],
    layers: ['poles-fill', 'poles-line', 'zones-label'],
    legend: [
      {
        swatch: { kind: 'fill', color: COLORS.pole, opacity: 0.35, outline: COLORS.pole },
        label: { zh: '张江科技创新极、临港产业增长极', en: 'Zhangjiang and Lingang poles' },
      },
    ],
  },
  {
    id: 'serviceBelt',
    label: 'group_serviceBelt',
    zoneGroups: ['service-belt'],
    layers: ['serviceBelt-fill', 'serviceBelt-line'],
    legend: [
      {
        swatch: { kind: 'fill', color: COLORS.serviceBelt, opacity: 0.3, outline: COLORS.serviceBelt },
        label: { zh: '环中心城区（示意）', en: 'Around the central city (schematic)' },
      },
    ],
  },
  {
    id: 'hBelt',
    label: 'group_hBelt',
    zoneGroups: ['h-belt'],
    layers: ['hBelt-fill', 'hBelt-axis'],
    legend: [
      { swatch: { kind: 'line', color: COLORS.hBelt, width: 3, dashed: true }, label: { zh: '三条发展轴（示意）', en: 'Three axes (schematic)' } },
      { swatch: { kind: 'fill', color: COLORS.hBelt, opacity: 0.25 }, label: { zh: '轴线走廊', en: 'Axis corridors' } },
    ],
  },
  {
    id: 'ic',
    label: 'group_ic',
    zoneGroups: ['ic-one-body-two-wings'],
    layers: ['ic-fill', 'ic-line'],
    legend: [
      {
        swatch: { kind: 'line', color: CLUSTER_COLORS.ic, width: 2, dashed: true },
        label: { zh: '张江（体）、临港与嘉定（翼）', en: 'Zhangjiang (body), Lingang and Jiading (wings)' },
      },
    ],
  },
  {
    id: 'biomed',
    label: 'group_biomed',
    zoneGroups: ['biomed-1-5-x'],
    layers: ['biomed-fill', 'biomed-line'],
    legend: [
      {
        swatch: { kind: 'line', color: CLUSTER_COLORS.biomed, width: 2, dashed: true },
        label: { zh: '1个核心区、5个集聚区、X个支持区', en: '1 core, 5 clusters, X supporting districts' },
      },
    ],
  },
  {
    id: 'ai',
    label: 'group_ai',
    zoneGroups: ['ai-4-x'],
    layers: ['ai-fill', 'ai-line'],
    legend: [{ swatch: { kind: 'line', color: CLUSTER_COLORS.ai, width: 2, dashed: true }, label: { zh: '4个融合创新载体', en: '4 innovation carriers' } }],
  },
  {
    id: 'digital',
    label: 'group_digital',
    zoneGroups: ['digital-industries', 'fintech-two-cities-one-belt-one-port'],
    layers: ['digital-fill', 'digital-line'],
    legend: [
      {
        swatch: { kind: 'line', color: CLUSTER_COLORS.digital, width: 2, dashed: true },
        label: { zh: '重点区域、两城一带一港', en: 'Key areas; two cities, one belt, one port' },
      },
    ],
  },
  {
    id: 'parks',
    label: 'group_parks',
    layers: ['parks-halo', 'parks-circle', 'parks-selected', 'parks-label', 'footprints-fill', 'footprints-line'],
    legend: [
      ...TOP_SECTOR_IDS.slice(0, 9).map((id): LegendItem => ({
        swatch: { kind: 'circle', color: SECTOR_COLORS[id], stroke: '#ffffff' },
        label: { zh: `sector:${id}`, en: `sector:${id}` },
      })),
      { swatch: { kind: 'circle', color: '#888888', stroke: '#111111' }, label: 'conf_sourced' },
      {
        swatch: { kind: 'circle', color: '#888888', stroke: '#ffffff', halo: true },
        label: { zh: '估计位置（光晕≈1公里）', en: 'Estimated location (halo ≈ 1 km)' },
      },
    ],
  },
];

export function buildLayers(lang: Lang): LayerSpecification[] {
  const group = (g: LayerGroup) => ({ group: g.id });
  const byGroup = new Map(LAYER_GROUPS.map((g) => [g.id, g]));
  const withGroup = (groupId: LayerGroupId, layers: LayerSpecification[]) =>
    layers.map((l) => ({ ...l, metadata: group(byGroup.get(groupId)!) }) as LayerSpecification);
  const base = baseLayers(lang);
  const pick = (ids: string[]) => base.filter((l) => ids.includes(l.id));
  return [
    ...withGroup('basemap', pick(['provinces-fill', 'provinces-line'])),
    ...withGroup('districts', pick(['districts-fill'])),
    ...withGroup('hBelt', [fillZone('hBelt-fill', ['h-belt'], COLORS.hBelt, 0.1)]),
    ...withGroup('serviceBelt', [
      fillZone('serviceBelt-fill', ['service-belt'], COLORS.serviceBelt, 0.12),
      lineZone('serviceBelt-line', ['service-belt'], COLORS.serviceBelt, 1.2, true),
    ]),
    ...withGroup('poles', [fillZone('poles-fill', ['two-poles'], COLORS.pole, 0.16), lineZone('poles-line', ['two-poles'], COLORS.pole, 2, false)]),
    ...withGroup('districts', pick(['districts-line'])),
    ...withGroup('basemap', pick(['rivers-line', 'roads-line'])),
    ...withGroup('hBelt', [
      lineZone('hBelt-axis', ['h-belt'], COLORS.hBelt, 3.5, true, ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]]),
    ]),
    ...withGroup('ic', cluster('ic', ['ic-one-body-two-wings'])),
    ...withGroup('biomed', cluster('biomed', ['biomed-1-5-x'])),
    ...withGroup('ai', cluster('ai', ['ai-4-x'])),
    ...withGroup('digital', cluster('digital', ['digital-industries', 'fintech-two-cities-one-belt-one-port'])),
    ...withGroup('parks', [
      { id: 'footprints-fill', type: 'fill', source: 'footprints', paint: { 'fill-color': SECTOR_COLORS.biomed, 'fill-opacity': 0.18 } },
      { id: 'footprints-line', type: 'line', source: 'footprints', paint: { 'line-color': SECTOR_COLORS.biomed, 'line-width': 1.2 } },
    ]),
    ...withGroup('basemap', pick(['basemap-labels', 'airports-label'])),
    ...withGroup('districts', [districtLabels(lang)]),
    ...withGroup('poles', [zoneLabels(lang)]),
    ...withGroup('parks', parkLayers(lang)),
  ];
}

/** Layers whose features can be clicked, in priority order (first hit wins). */
export const INTERACTIVE_LAYERS = [
  'parks-circle',
  'ic-fill',
  'biomed-fill',
  'ai-fill',
  'digital-fill',
  'poles-fill',
  'serviceBelt-fill',
  'hBelt-fill',
] as const;

/** Layers whose `text-field` depends on the language. */
export const LABEL_LAYERS = ['basemap-labels', 'airports-label', 'districts-label', 'zones-label', 'parks-label'] as const;
