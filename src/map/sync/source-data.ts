/** The base sources' data for a state: what the style starts with and what the sync sends. */
import { mapParks } from '../../state/derive';
import type { Derived } from '../../state/derive';
import type { AppState } from '../../state/store';
import type { GeoData } from '../../loaders/load-geo';
import type { StyleSourceId } from '../layers';

export type StyleData = Partial<Record<StyleSourceId, GeoJSON.FeatureCollection>>;

// a file that failed to load is drawn empty (the UI names it), so the rest still shows and the map still gets ready
const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The sources that follow the loaded data (all but the parks). */
export function baseSources(d: Derived, geo: GeoData): StyleData {
  return {
    provinces: d.provinces,
    'basemap-lines': d.basemapLines,
    districts: geo.districts.ok ? geo.districts.data : EMPTY,
    'district-labels': d.districtLabels,
    zones: geo.zones.ok ? geo.zones.data : EMPTY,
    'zone-labels': d.zoneLabels,
    footprints: geo.footprints.ok ? geo.footprints.data : EMPTY,
  };
}

/**
 * The parks coloured by the selection, one collection per (data, selection) so that a repeat is
 * the same object (a no-op for the map). Each map's sync has its own.
 */
export function parksSource(): (geo: GeoData, sectors: readonly string[]) => GeoJSON.FeatureCollection {
  let last: { geo: GeoData; sectors: readonly string[]; fc: GeoJSON.FeatureCollection } | null = null;
  return (geo, sectors) => {
    if (last?.geo !== geo || last.sectors !== sectors) last = { geo, sectors, fc: mapParks(geo, sectors, geo.sectors.ok ? geo.sectors.data : null) };
    return last.fc;
  };
}

/**
 * Every base source's data for a state that has loaded (null before): the map's style is built
 * with it, so MapLibre's workers tile the real data at once instead of an empty placeholder first.
 */
export function styleData(s: AppState, parks: ReturnType<typeof parksSource>): StyleData | null {
  if (!s.geo || !s.derived) return null;
  return { ...baseSources(s.derived, s.geo), parks: parks(s.geo, s.sectorFilter) };
}
