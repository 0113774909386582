/**
 * Where to put one label per district or zone: inside the largest polygon part (polygon parts
 * split across map tiles would otherwise be labelled once per tile), at the middle of a line.
 * Run by the data build, which stores the point as each feature's `label`; the app only reads it.
 */
import { along, area, centerOfMass, booleanPointInPolygon, feature, length, pointOnFeature } from '@turf/turf';
import type { Geometry, Polygon } from 'geojson';

export function labelPoint(g: Geometry): [number, number] | null {
  if (g.type === 'Point') return g.coordinates as [number, number];
  if (g.type === 'LineString') return along(feature(g), length(feature(g)) / 2).geometry.coordinates as [number, number];
  if (g.type === 'MultiLineString') {
    const longest = g.coordinates.reduce((a, b) => (b.length > a.length ? b : a));
    return labelPoint({ type: 'LineString', coordinates: longest });
  }
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const parts: Polygon[] = g.type === 'Polygon' ? [g] : g.coordinates.map((c) => ({ type: 'Polygon', coordinates: c }));
    const biggest = parts.reduce((a, b) => (area(feature(b)) > area(feature(a)) ? b : a));
    const c = centerOfMass(feature(biggest)).geometry.coordinates as [number, number];
    if (booleanPointInPolygon(c, biggest)) return c;
    return pointOnFeature(feature(biggest)).geometry.coordinates as [number, number];
  }
  return null;
}

/** labelPoint rounded to 5 decimals (≈1 m), as the build writes it. */
export function labelAt(g: Geometry): [number, number] {
  const at = labelPoint(g);
  if (!at) throw new Error(`no label point for a ${g.type}`);
  return [Math.round(at[0] * 1e5) / 1e5, Math.round(at[1] * 1e5) / 1e5];
}
