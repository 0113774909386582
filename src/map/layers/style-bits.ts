/** The label font and the expressions several layer files share (colours: src/theme/map-colors.ts). */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Lang } from '../../domain/types';

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
