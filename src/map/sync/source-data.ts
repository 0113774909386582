/** The base sources' data for a state: what the style starts with and what the sync sends. */
import { mapParks } from '../../state/derive';
import type { Derived } from '../../state/derive';
import type { AppState } from '../../state/store';
import type { GeoData } from '../../loaders/load-geo';
import type { StyleSourceId } from '../layers';
import type { LngLatBounds } from '../map-port';
import { boundsOf } from '../../geo/bounds';

export type StyleData = Partial<Record<StyleSourceId, GeoJSON.FeatureCollection>>;

// a file that failed to load is drawn empty (the UI names it), so the rest still shows and the map still gets ready
const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** MapLibre's mean earth radius (its projection and scale use it), metres. */
const EARTH_RADIUS_M = 6371008.8;

/** A radius in metres as px at zoom 0 (512-px world) at a latitude: it doubles with each zoom level. */
export function metresToPxAtZoom0(metres: number, lat: number): number {
  return (metres * 512) / (2 * Math.PI * EARTH_RADIUS_M * Math.cos((lat * Math.PI) / 180));
}

/** One result per input object (the same collection in gives the same collection out: a no-op for the map). */
function perObject<I extends object, O>(fn: (input: I) => O): (input: I) => O {
  const cache = new WeakMap<I, O>();
  return (input) => {
    if (!cache.has(input)) cache.set(input, fn(input));
    return cache.get(input)!;
  };
}

const withProps = (f: GeoJSON.Feature, props: Record<string, unknown>): GeoJSON.Feature => ({ ...f, properties: { ...f.properties, ...props } });

/**
 * The zones for the map: each zone as loaded, plus `repeat` on a zone whose layout already has a
 * zone on the same shared outline (临港's manufacturing area and data port), so that the
 * layout draws that outline once.
 */
export const mapZones = perObject((fc: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection => {
  const seen = new Set<string>();
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const p = f.properties ?? {};
      const outline = typeof p.outline_of === 'string' ? p.outline_of : null;
      if (!outline) return f;
      const key = `${String(p.group)}|${outline}`;
      const repeat = seen.has(key);
      seen.add(key);
      return withProps(f, { repeat });
    }),
  };
});

/**
 * The zone labels for the map: each label point, plus `stack`: 0 for the first label at its
 * point (a pole's, or a zone's own), 1, 2, … for the cluster zones that share it (drawn one line
 * each under it, in data order, which is the layer order).
 */
export const mapZoneLabels = perObject((fc: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection => {
  const at = (f: GeoJSON.Feature) => (f.geometry.type === 'Point' ? f.geometry.coordinates.join(',') : '');
  const owners = new Set(fc.features.filter((f) => f.properties?.kind !== 'cluster').map(at));
  const next = new Map<string, number>();
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      if (f.properties?.kind !== 'cluster') return withProps(f, { stack: 0 });
      const key = at(f);
      const n = next.get(key) ?? (owners.has(key) ? 1 : 0);
      next.set(key, n + 1);
      return withProps(f, { stack: n });
    }),
  };
});

/** The sources that follow the loaded data (all but the parks). */
export function baseSources(d: Derived, geo: GeoData): StyleData {
  return {
    provinces: d.provinces,
    'basemap-lines': d.basemapLines,
    districts: geo.districts.ok ? geo.districts.data : EMPTY,
    'district-labels': d.districtLabels,
    zones: geo.zones.ok ? mapZones(geo.zones.data) : EMPTY,
    'zone-labels': mapZoneLabels(d.zoneLabels),
    footprints: geo.footprints.ok ? geo.footprints.data : EMPTY,
  };
}

/**
 * The parks as they look with no sector selected (a selection's look is feature state, set by the
 * base sync), one collection per data so that a repeat is the same object (a no-op for the map).
 * Each map's sync has its own. Each park carries `halo_z0`, its stated radius
 * (position.radius_m) in px at zoom 0 at its latitude, which the halo layer scales with the zoom.
 */
export function parksSource(): (geo: GeoData) => GeoJSON.FeatureCollection {
  let last: { geo: GeoData; fc: GeoJSON.FeatureCollection } | null = null;
  return (geo) => {
    if (last?.geo !== geo) {
      const fc = mapParks(geo, geo.sectors.ok ? geo.sectors.data : null);
      const radius = new Map(geo.parks.ok ? geo.parks.data.features.map((f) => [f.properties.id, f.properties.position.radius_m]) : []);
      const features = fc.features.map((f) => withProps(f, { halo_z0: metresToPxAtZoom0(radius.get(f.properties.id) ?? 0, f.geometry.coordinates[1]!) }));
      last = { geo, fc: { type: 'FeatureCollection', features } };
    }
    return last.fc;
  };
}

/**
 * Every base source's data for a state that has loaded (null before): the map's style is built
 * with it, so MapLibre's workers tile the real data at once instead of an empty placeholder first.
 */
export function styleData(s: AppState, parks: ReturnType<typeof parksSource>): StyleData | null {
  if (!s.geo || !s.derived) return null;
  return { ...baseSources(s.derived, s.geo), parks: parks(s.geo) };
}

/** The box around every district (null: no district loaded): Shanghai, for the first view. */
export function districtBounds(geo: GeoData | null): LngLatBounds | null {
  return geo?.districts.ok ? boundsOf(geo.districts.data) : null;
}
