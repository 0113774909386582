import { describe, expect, it } from 'vitest';
import { boundsOf } from '../../src/geo/bounds';
import type { DistrictFeature } from '../../src/geo/types';
import { readGeoJson } from '../fakes/geo-disk';

describe('boundsOf', () => {
  it("Shanghai's districts: from 青浦 in the west to the tip of 崇明 in the north-east", () => {
    const districts = readGeoJson<{ type: 'FeatureCollection'; features: DistrictFeature[] }>('districts.geojson');
    const [[w, s], [e, n]] = boundsOf(districts)!;
    // the city spans about 120.85–122.0 E, 30.68–31.88 N
    expect(w).toBeGreaterThan(120.8);
    expect(w).toBeLessThan(120.95);
    expect(s).toBeGreaterThan(30.6);
    expect(s).toBeLessThan(30.75);
    expect(e).toBeGreaterThan(121.9);
    expect(e).toBeLessThan(122.3);
    expect(n).toBeGreaterThan(31.8);
    expect(n).toBeLessThan(31.95);
  });

  it('a rectangle and a point', () => {
    const fc = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: {},
          geometry: {
            type: 'Polygon' as const,
            coordinates: [
              [
                [121, 31],
                [121.5, 31],
                [121.5, 31.2],
                [121, 31],
              ],
            ],
          },
        },
        { type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [120.9, 31.4] } },
      ],
    };
    expect(boundsOf(fc)).toEqual([
      [120.9, 31],
      [121.5, 31.4],
    ]);
  });

  it('none for an empty collection', () => {
    expect(boundsOf({ type: 'FeatureCollection', features: [] })).toBeNull();
  });
});
