/**
 * Point sets (an import's sites) for an overlay source, and their features where the page has to
 * build them itself (the chunks way of point-feed.ts). Where MapLibre's workers took
 * points.worker.ts, the page builds none: the sites go as tiles (site-tiles.ts). Pure.
 */

/**
 * One set of points: feature i is `{ id: idBase + i, geometry: Point(coords[2i], coords[2i+1]),
 * properties: { set: key, i, c: color } }`.
 */
export interface PointSet {
  key: string;
  /** WGS-84 lon, lat interleaved (at least 2 × count numbers) */
  coords: Float64Array;
  count: number;
  idBase: number;
  /** the slot of its sites' colour (siteColorSlot, src/theme/sites.ts; the layer colours by it) */
  color: number;
}

/** Features i0…i1-1 of a set (i1 is capped at count). */
export function pointFeatures(set: Omit<PointSet, 'coords'> & { coords: ArrayLike<number> }, i0: number, i1: number): GeoJSON.Feature<GeoJSON.Point>[] {
  const out: GeoJSON.Feature<GeoJSON.Point>[] = [];
  const c = set.coords;
  for (let i = i0; i < Math.min(i1, set.count); i++)
    out.push({
      type: 'Feature',
      id: set.idBase + i,
      geometry: { type: 'Point', coordinates: [c[2 * i]!, c[2 * i + 1]!] },
      properties: { set: set.key, i, c: set.color },
    });
  return out;
}
