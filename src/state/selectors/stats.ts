/**
 * The statistics view's figures, memoised per store: each follows the same data, filters and link
 * strengths as the map and the list (src/state/stats/*), recomputed when one of them changes.
 */
import { matrixRows, sectorDistrictMatrix } from '../stats/matrix';
import { zoneGeometryFigures, zoneRows } from '../stats/zones';
import { memo } from './memo';
import { sectorsFileOf, selectFilters, selectVisibleParks } from './parks';

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

/** Every zone's area and district shares, from the geometry (computed once per loaded data). */
const selectZoneFigures = memo(
  (s) => [s.geo] as const,
  ([geo]) => {
    if (!geo?.zones.ok) return new Map();
    const districts = geo.districts.ok ? geo.districts.data.features.map((f) => ({ name: f.properties.name_zh, geometry: f.geometry })) : [];
    return zoneGeometryFigures(geo.zones.data.features, districts);
  },
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
