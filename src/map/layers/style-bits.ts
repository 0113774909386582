/** Colours, the label font and the expressions several layer files share. */
import type { ExpressionSpecification } from 'maplibre-gl';
import { SECTOR_COLORS } from '../../theme/sectors';
import type { Lang } from '../../domain/types';

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

export const CLUSTER_COLORS = {
  ic: SECTOR_COLORS.ic,
  biomed: SECTOR_COLORS.biomed,
  ai: SECTOR_COLORS.ai,
  digital: SECTOR_COLORS.digital,
} as const;

export const FONT = ['Noto Sans SC'];

/** the expression both languages' labels switch between */
export const nameField = (lang: Lang, short = false): ExpressionSpecification => [
  'coalesce',
  ['get', `${short ? 'label' : 'name'}_${lang}`],
  ['get', `name_${lang}`],
];

export const isArea: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
export const isLine: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]];
export const isPoint: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];
