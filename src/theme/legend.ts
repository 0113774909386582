/**
 * The legend's vocabulary: each switchable layer group with its label and legend entries. The layer
 * panel, the map's registry (src/map/layers/groups.ts adds each group's layers) and the image
 * export all read these same objects.
 */
import type { StringKey } from '../i18n';
import type { LayerGroupId } from '../domain/ids';
import { TOP_SECTOR_IDS } from '../domain/ids';
import { SECTOR_COLORS } from './sectors';
import { BASIS_RING, BROAD_DOT_OPACITY, CLUSTER_COLORS, COLORS, DISTRICT_BAND_ALPHA, DISTRICT_BAND_PX, LAYOUT_STYLES, withAlpha } from './map-colors';
import { SITE_CLUSTER_STEPS, SITE_CLUSTER_STROKE, SITE_COLORS } from './sites';

export type LegendSwatch =
  /** inset: a dashed line of this colour just inside the outline (a zone drawn inside another's outline) */
  | { kind: 'fill'; color: string; opacity: number; outline?: string; dashedOutline?: true; inset?: string }
  | { kind: 'line'; color: string; width: number; dashed?: boolean; dotted?: true }
  /**
   * r: the dot's radius in px (default 4); opacity: the dot's (default 1); strokeWidth: default 1.5;
   * ring: the width of a dark ring just outside the dot (a park's basis, see BASIS_RING)
   */
  | {
      kind: 'circle';
      color: string;
      stroke: string;
      halo?: boolean;
      hollow?: boolean;
      r?: number;
      opacity?: number;
      strokeWidth?: number;
      ring?: number;
    };

/** When an entry applies: while a sector filter is on, while sites are imported, while a point is chosen. */
export type LegendCondition = 'filtered' | 'sites' | 'point';

export interface LegendItem {
  swatch: LegendSwatch;
  /** an i18n key, or literal text per language */
  label: StringKey | { zh: string; en: string };
  /** the geometry it stands for is schematic: every legend marks it so */
  schematic?: true;
  /** shown only while this holds (absent: always) */
  when?: LegendCondition;
  /** a sector's dot colour: a legend of a filtered map shows it only while that sector can colour a dot */
  sector?: string;
}

/** The mark every legend puts on a schematic entry. */
export const SCHEMATIC_MARK = { zh: '示意', en: 'schematic' } as const;

/** The entries that apply now; `colours`: the sectors whose colour the dots can show (null: every sector). */
export const applicableItems = (
  items: readonly LegendItem[],
  now: Record<LegendCondition, boolean>,
  colours: ReadonlySet<string> | null = null,
): LegendItem[] => items.filter((i) => (!i.when || now[i.when]) && (!i.sector || !colours || colours.has(i.sector)));

/** A switchable layer group as the layer panel and every legend show it. */
export interface LegendGroup {
  id: LayerGroupId;
  label: StringKey;
  legend: LegendItem[];
}

const clusterLine = (layout: keyof typeof LAYOUT_STYLES): LegendSwatch => {
  const s = LAYOUT_STYLES[layout];
  return { kind: 'line', color: s.color, width: 2, ...(s.dash[0]! < 1 ? { dotted: true } : { dashed: true }) };
};

/** a cluster zone built from whole districts: a band along their border */
const districtBand = (color: string): LegendSwatch => ({ kind: 'line', color: withAlpha(color, DISTRICT_BAND_ALPHA), width: DISTRICT_BAND_PX });

const GREY = '#888888';

/**
 * Why a park is on the map (its basis, src/domain/ids.ts BASES): a dark ring outside the dot when
 * the plan names it, thin for the plan alone and thick when it is on the official list too; no ring
 * for a park of the official list alone. The map's `parks-basis` layer draws the same rings.
 */
export const BASIS_LEGEND: LegendItem[] = [
  {
    swatch: { kind: 'circle', color: GREY, stroke: '#ffffff', ring: BASIS_RING.plan },
    label: { zh: '细外圈：规划点名', en: 'Thin outer ring: named by the plan' },
  },
  {
    swatch: { kind: 'circle', color: GREY, stroke: '#ffffff', ring: BASIS_RING.both },
    label: { zh: '粗外圈：规划点名且列入特色园区名单', en: 'Thick outer ring: named by the plan and on the official list' },
  },
  {
    swatch: { kind: 'circle', color: GREY, stroke: '#ffffff' },
    label: { zh: '无外圈：仅列入特色园区名单', en: 'No ring: on the official list only' },
  },
];

/** A park's dot while a sector filter is on: its size is the strength of its link to the selection. */
export const STRENGTH_LEGEND: LegendItem[] = [
  {
    swatch: { kind: 'circle', color: GREY, stroke: '#ffffff', r: 6 },
    label: { zh: '选定产业时，大点：规划点名或列入名单', en: 'With a sector selected, large dot: named by the plan or on the official list' },
    when: 'filtered',
  },
  {
    swatch: { kind: 'circle', color: GREY, stroke: '#ffffff', r: 4 },
    label: { zh: '选定产业时，中点：位于该产业的集群布局内', en: 'With a sector selected, medium dot: inside the sector’s cluster layout' },
    when: 'filtered',
  },
  {
    swatch: { kind: 'circle', color: GREY, stroke: '#ffffff', r: 2.5, opacity: BROAD_DOT_OPACITY },
    label: {
      zh: '选定产业时，小而淡的点：仅位于宽泛区域内（极、带、轴、整区）',
      en: 'With a sector selected, small faint dot: only inside a broad area (pole, belt, axis, whole districts)',
    },
    when: 'filtered',
  },
];

/** The layer panel's groups, in its order, with their legends (the map's registry adds their layers). */
export const LEGEND_GROUPS: LegendGroup[] = [
  {
    id: 'basemap',
    label: 'group_basemap',
    legend: [
      { swatch: { kind: 'line', color: COLORS.river, width: 4 }, label: { zh: '黄浦江', en: 'Huangpu River' }, schematic: true },
      {
        swatch: { kind: 'line', color: COLORS.road, width: 2, dashed: true },
        label: { zh: '高速公路 G60/S20/S1', en: 'Expressways G60/S20/S1' },
        schematic: true,
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
        schematic: true,
      },
      {
        swatch: { kind: 'fill', color: COLORS.pole, opacity: 0.12, outline: COLORS.pole, inset: CLUSTER_COLORS.ic },
        label: { zh: '集群布局与极共用轮廓时，画在其内侧', en: 'Cluster zones sharing a pole’s outline are drawn just inside it' },
      },
    ],
  },
  {
    id: 'serviceBelt',
    label: 'group_serviceBelt',
    legend: [
      {
        swatch: { kind: 'fill', color: COLORS.serviceBelt, opacity: 0.3, outline: COLORS.serviceBelt },
        label: { zh: '环中心城区', en: 'Around the central city' },
        schematic: true,
      },
    ],
  },
  {
    id: 'hBelt',
    label: 'group_hBelt',
    legend: [
      { swatch: { kind: 'line', color: COLORS.hBelt, width: 3, dashed: true }, label: { zh: '三条发展轴', en: 'Three axes' }, schematic: true },
      { swatch: { kind: 'fill', color: COLORS.hBelt, opacity: 0.25 }, label: { zh: '轴线走廊', en: 'Axis corridors' }, schematic: true },
    ],
  },
  {
    id: 'ic',
    label: 'group_ic',
    legend: [
      {
        swatch: clusterLine('ic-one-body-two-wings'),
        label: { zh: '张江（体）、临港与嘉定（翼）', en: 'Zhangjiang (body), Lingang and Jiading (wings)' },
        schematic: true,
      },
    ],
  },
  {
    id: 'biomed',
    label: 'group_biomed',
    legend: [
      {
        swatch: clusterLine('biomed-1-5-x'),
        label: { zh: '1个核心区、5个集聚区', en: '1 core, 5 clusters' },
        schematic: true,
      },
      {
        swatch: districtBand(CLUSTER_COLORS.biomed),
        label: { zh: 'X个支持区（整区，沿区界的色带）', en: 'X supporting districts (whole districts: a band along their border)' },
      },
    ],
  },
  {
    id: 'ai',
    label: 'group_ai',
    legend: [{ swatch: clusterLine('ai-4-x'), label: { zh: '4个融合创新载体', en: '4 innovation carriers' }, schematic: true }],
  },
  {
    id: 'digital',
    label: 'group_digital',
    legend: [
      {
        swatch: clusterLine('digital-industries'),
        label: { zh: '新兴数字产业：临港智能制造、国际数据港', en: 'Digital industries: Lingang smart manufacturing, data port' },
        schematic: true,
      },
      {
        swatch: districtBand(CLUSTER_COLORS.digital),
        label: {
          zh: '重点区域、智能制造重点区（整区，沿区界的色带）',
          en: 'Key areas, smart manufacturing districts (whole districts: a band along their border)',
        },
      },
      {
        swatch: clusterLine('fintech-two-cities-one-belt-one-port'),
        label: { zh: '金融科技“两城一带一港”', en: 'Fintech: two cities, one belt, one port' },
        schematic: true,
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
        sector: id,
      })),
      { swatch: { kind: 'circle', color: GREY, stroke: '#111111' }, label: 'conf_sourced' },
      {
        swatch: { kind: 'circle', color: GREY, stroke: '#ffffff', halo: true },
        label: { zh: '估计位置：光晕为资料所述的误差半径（按比例）', en: 'Estimated location: the halo is the stated radius, to scale' },
      },
      {
        swatch: { kind: 'circle', color: GREY, stroke: GREY, halo: true, hollow: true },
        label: { zh: '代表所在区域的点（光晕为所述半径）', en: 'A point standing for its area (halo: the stated radius)' },
        schematic: true,
      },
      {
        swatch: { kind: 'fill', color: COLORS.footprint, opacity: 0.15, outline: COLORS.footprint, dashedOutline: true },
        label: { zh: '园区轮廓，按所述面积（放大后显示）', en: 'Park outline from its stated area (shown zoomed in)' },
        schematic: true,
      },
      ...BASIS_LEGEND,
      ...STRENGTH_LEGEND,
    ],
  },
];

/**
 * What the find tools and imported files add over the map, each while it is there: the map's
 * legend and the exported image's list them after the layer groups.
 */
export const OVERLAY_LEGEND: LegendItem[] = [
  {
    swatch: { kind: 'circle', color: '#ffffff', stroke: COLORS.chosenPoint, r: 5, strokeWidth: 3 },
    label: { zh: '选定的点', en: 'Chosen point' },
    when: 'point',
  },
  {
    swatch: { kind: 'circle', color: SITE_COLORS[0], stroke: '#ffffff' },
    label: { zh: '导入的点位（每个文件一种颜色）', en: 'Imported sites (one colour per file)' },
    when: 'sites',
  },
  {
    swatch: { kind: 'circle', color: SITE_CLUSTER_STEPS[1].fill, stroke: SITE_CLUSTER_STROKE, r: 6 },
    label: { zh: '导入点位的聚合（数字为个数）', en: 'Imported sites grouped (the number is how many)' },
    when: 'sites',
  },
];
