/**
 * The statistics view's figures, memoised per store: each follows the same data, filters and link
 * strengths as the map and the list (src/state/stats/*), recomputed when one of them changes.
 */
import { matrixRows, sectorDistrictMatrix } from '../stats/matrix';
import { zoneRows } from '../stats/zones';
import { districtProfile, districtRanking } from '../stats/district';
import { sitesDistrictMatrix } from '../stats/sites-matrix';
import { visibleParks } from '../filter';
import type { StatsFile } from '../../loaders/schemas';
import type { AppState } from '../store';
import { memo } from './memo';
import { sectorsFileOf, selectFilters, selectVisibleParks } from './parks';
import { selectDistrictNames, selectProfileDistrict } from './districts';

export { selectDistrictNames, selectProfileDistrict };

/** The sector × district matrix (strategic sectors and their sub-sectors × districts). */
export const selectSectorDistrictMatrix = memo(
  (s) => [s.derived, selectFilters(s), sectorsFileOf(s), selectDistrictNames(s)] as const,
  ([d, f, file, districts]) => sectorDistrictMatrix(d?.parks ?? [], f, file, matrixRows(file), districts),
);

/** The build's figures (stats.json) once loaded, else null. */
export const selectStatsFile = (s: AppState): StatsFile | null => ('ok' in s.statsFigures && s.statsFigures.ok ? s.statsFigures.data : null);

/** Every zone's area and district shares, as the data build computed them (stats.json). */
const selectZoneFigures = memo(
  (s) => [selectStatsFile(s)] as const,
  ([file]) => new Map(Object.entries(file?.zones ?? {})),
);

const selectVisibleIds = memo(
  (s) => [selectVisibleParks(s)] as const,
  ([parks]) => new Set(parks.map((p) => p.id)),
);

/** The zones table's rows (data order): kind, area, districts, parks inside (shown by the filters, and all), sectors. */
export const selectZoneRows = memo(
  (s) => [s.derived, selectZoneFigures(s), selectVisibleIds(s)] as const,
  ([d, figures, visible]) => (d ? zoneRows(d.zones, figures, d.parksInZone, visible) : []),
);

/** Imported sites per sector row and district (the matrix's second count), under the allowed link strengths. */
export const selectSitesDistrictMatrix = memo(
  (s) => [s.siteSets, selectFilters(s).strengths, sectorsFileOf(s), selectDistrictNames(s)] as const,
  ([sets, strengths, file, districts]) => sitesDistrictMatrix(sets, strengths, matrixRows(file), districts),
);

/** The sector the district ranking is for: the sector filter when it holds one matrix row, else null (all parks). */
export const selectRankingSector = (s: AppState): string | null => {
  const f = s.sectorFilter;
  if (f.length !== 1) return null;
  return matrixRows(sectorsFileOf(s)).some((r) => r.id === f[0]) ? f[0]! : null;
};

/** The district profile under every filter but the sector and district filters (as the matrix). */
export const selectDistrictProfile = memo(
  (s) => [selectProfileDistrict(s), s.derived, selectFilters(s), sectorsFileOf(s), selectStatsFile(s)] as const,
  ([district, d, f, file, stats]) => {
    if (!district || !d) return null;
    const parks = visibleParks(d.parks, { ...f, sectors: [], districts: [] }, file);
    return districtProfile(
      district,
      parks,
      d.zones,
      stats,
      (file?.sectors ?? []).map((x) => x.id),
    );
  },
);

/** Every district ranked by parks of the ranking sector (or all parks). */
export const selectDistrictRanking = memo(
  (s) => [selectSectorDistrictMatrix(s), selectRankingSector(s)] as const,
  ([m, sector]) => districtRanking(m, sector),
);
