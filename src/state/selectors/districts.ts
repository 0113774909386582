/**
 * Districts for the panels and the map: their names, the one the statistics view profiles, and
 * the ones the map outlines. Apart from the statistics' selectors, so the map's first view does
 * not load those.
 */
import type { AppState } from '../store';
import { memo } from './memo';

/** District names (name_zh) in the order of districts.geojson. */
export const selectDistrictNames = memo(
  (s) => [s.geo] as const,
  ([geo]) => (geo?.districts.ok ? geo.districts.data.features.map((f) => f.properties.name_zh) : []),
);

/** The district the profile shows: the one chosen, else the district filter's first, else the first district. */
export const selectProfileDistrict = (s: AppState): string | null => {
  const names = selectDistrictNames(s);
  if (s.statsDistrict && names.includes(s.statsDistrict)) return s.statsDistrict;
  return s.districtFilter.find((d) => names.includes(d)) ?? names[0] ?? null;
};

/**
 * The districts outlined on the map (Chinese names, sorted): the district filter's, and the
 * profiled one while the statistics view shows its profile.
 */
export const selectOutlinedDistricts = memo(
  (s) => [s.districtFilter, s.statsOpen && s.statsTab === 'district' ? selectProfileDistrict(s) : null] as const,
  ([filter, profiled]) => [...new Set([...filter, ...(profiled ? [profiled] : [])])].sort(),
);
