/**
 * The legend's vocabulary: each switchable layer group with its label and legend entries. The layer
 * panel, the map's registry (src/map/layers/groups.ts adds each group's layers) and the image
 * export all read these same objects.
 */
import type { StringKey } from '../i18n';
import type { LayerGroupId } from '../domain/ids';
import { TOP_SECTOR_IDS } from '../domain/ids';
import { SECTOR_COLORS } from './sectors';
import { CLUSTER_COLORS, COLORS } from './map-colors';

export type LegendSwatch =
  | { kind: 'fill'; color: string; opacity: number; outline?: string }
  | { kind: 'line'; color: string; width: number; dashed?: boolean }
  | { kind: 'circle'; color: string; stroke: string; halo?: boolean; hollow?: boolean };

export interface LegendItem {
  swatch: LegendSwatch;
  /** an i18n key, or literal text per language */
  label: StringKey | { zh: string; en: string };
}

/** A switchable layer group as the layer panel and every legend show it. */
export interface LegendGroup {
  id: LayerGroupId;
  label: StringKey;
  legend: LegendItem[];
}

/** The layer panel's groups, in its order, with their legends (the map's registry adds their layers). */
export const LEGEND_GROUPS: LegendGroup[] = [
  {
    id: 'basemap',
    label: 'group_basemap',
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
    legend: [{ swatch: { kind: 'fill', color: COLORS.land, opacity: 1, outline: COLORS.districtLine }, label: { zh: '行政区（16个）', en: 'Districts (16)' } }],
  },
  {
    id: 'poles',
    label: 'group_poles',
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
    legend: [
      { swatch: { kind: 'line', color: COLORS.hBelt, width: 3, dashed: true }, label: { zh: '三条发展轴（示意）', en: 'Three axes (schematic)' } },
      { swatch: { kind: 'fill', color: COLORS.hBelt, opacity: 0.25 }, label: { zh: '轴线走廊', en: 'Axis corridors' } },
    ],
  },
  {
    id: 'ic',
    label: 'group_ic',
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
    legend: [{ swatch: { kind: 'line', color: CLUSTER_COLORS.ai, width: 2, dashed: true }, label: { zh: '4个融合创新载体', en: '4 innovation carriers' } }],
  },
  {
    id: 'digital',
    label: 'group_digital',
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
