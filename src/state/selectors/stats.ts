/**
 * The statistics view's figures, memoised per store: each follows the same data, filters and link
 * strengths as the map and the list (src/state/stats/*), recomputed when one of them changes.
 */
import { matrixRows, sectorDistrictMatrix } from '../stats/matrix';
import { memo } from './memo';
import { sectorsFileOf, selectFilters } from './parks';

/** District names (name_zh) in the order of districts.geojson. */
export const selectDistrictNames = memo(
  (s) => [s.geo] as const,
  ([geo]) => (geo?.districts.ok ? geo.districts.data.features.map((f) => f.properties.name_zh) : []),
);

/** The sector × district matrix (strategic sectors and their sub-sectors × districts). */
export const selectSectorDistrictMatrix = memo(
  (s) => [s.derived, selectFilters(s), sectorsFileOf(s), selectDistrictNames(s)] as const,
  ([d, f, file, districts]) => sectorDistrictMatrix(d?.parks ?? [], f, file, matrixRows(file), districts),
);
