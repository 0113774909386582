import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { centroidOf, distanceKm, distancesToRefs, nearest, radiusCircle, rankByDistance, withinRadius } from '../../src/geo/nearest';
import type { LngLat } from '../../src/geo/nearest';
import { featuresIntersecting, isUsablePolygon, parksInPolygon } from '../../src/geo/area-query';

const PS: LngLat = [121.4737, 31.2304];
// one degree of latitude ≈ 111.195 km on Turf's sphere (R = 6371.0088 km)
const north = (km: number): LngLat => [PS[0], PS[1] + km / 111.19508];
const items = [
  { id: 'c', coord: north(3) },
  { id: 'a', coord: north(1) },
  { id: 'b', coord: north(2) },
  { id: 'far', coord: [121.9, 30.9] as LngLat },
];

describe('nearest', () => {
  it('measures great-circle km', () => {
    expect(distanceKm(PS, north(10))).toBeCloseTo(10, 3);
    expect(distanceKm(PS, PS)).toBe(0);
    // Shanghai → Beijing, about 1,067 km
    expect(distanceKm(PS, [116.4074, 39.9042])).toBeGreaterThan(1050);
    expect(distanceKm(PS, [116.4074, 39.9042])).toBeLessThan(1090);
  });

  it('ranks nearest first, ties by id, and cuts to n', () => {
    expect(rankByDistance(PS, items).map((r) => r.id)).toEqual(['a', 'b', 'c', 'far']);
    expect(nearest(PS, items, 2).map((r) => r.id)).toEqual(['a', 'b']);
    expect(nearest(PS, items, 0)).toEqual([]);
    const tie = rankByDistance(PS, [
      { id: 'y', coord: north(1) },
      { id: 'x', coord: north(1) },
    ]);
    expect(tie.map((r) => r.id)).toEqual(['x', 'y']);
  });

  it('radius includes its boundary and rejects nonsense radii', () => {
    expect(withinRadius(PS, items, 2.0001).map((r) => r.id)).toEqual(['a', 'b']);
    expect(withinRadius(PS, items, 0.5)).toEqual([]);
    expect(withinRadius(PS, items, Number.NaN)).toEqual([]);
    expect(withinRadius(PS, items, -1)).toEqual([]);
  });

  it('draws the radius circle at that distance', () => {
    const c = radiusCircle(PS, 10);
    const ring = c.geometry.coordinates[0]!;
    expect(ring.length).toBe(65);
    for (const p of ring) expect(distanceKm(PS, p as LngLat)).toBeCloseTo(10, 2);
  });

  it('centroid and distances to reference points', () => {
    const sq: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121, 31],
          [122, 31],
          [122, 32],
          [121, 32],
          [121, 31],
        ],
      ],
    };
    expect(centroidOf(sq)).toEqual([121.5, 31.5]);
    expect(
      distancesToRefs(PS, [
        { id: 'n1', coord: north(1) },
        { id: 'here', coord: PS },
      ]).map((r) => [r.id, Math.round(r.km * 1000) / 1000]),
    ).toEqual([
      ['n1', 1],
      ['here', 0],
    ]);
  });
});

describe('area query', () => {
  const box: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [121.4, 31.2],
        [121.5, 31.2],
        [121.5, 31.3],
        [121.4, 31.3],
        [121.4, 31.2],
      ],
    ],
  };

  it('finds the points inside (boundary included), in input order', () => {
    const pts = [
      { id: 'in', coord: [121.45, 31.25] as LngLat },
      { id: 'out', coord: [121.6, 31.25] as LngLat },
      { id: 'edge', coord: [121.5, 31.25] as LngLat },
    ];
    expect(parksInPolygon(box, pts)).toEqual(['in', 'edge']);
  });

  it('finds the polygons and lines it touches', () => {
    const zones = [
      {
        type: 'Feature' as const,
        properties: { id: 'overlap' },
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [121.45, 31.25],
              [121.6, 31.25],
              [121.6, 31.4],
              [121.45, 31.25],
            ],
          ],
        },
      },
      {
        type: 'Feature' as const,
        properties: { id: 'apart' },
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [122, 31],
              [122.1, 31],
              [122.1, 31.1],
              [122, 31],
            ],
          ],
        },
      },
      {
        type: 'Feature' as const,
        properties: { id: 'axis' },
        geometry: {
          type: 'LineString' as const,
          coordinates: [
            [121.3, 31.25],
            [121.45, 31.25],
          ],
        },
      },
    ];
    expect(featuresIntersecting(box, zones)).toEqual(['overlap', 'axis']);
  });

  it('rejects degenerate rings', () => {
    const line: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121, 31],
          [122, 31],
          [121, 31],
          [121, 31],
        ],
      ],
    };
    expect(isUsablePolygon(line)).toBe(false);
    expect(isUsablePolygon(null)).toBe(false);
    expect(isUsablePolygon(box)).toBe(true);
    expect(parksInPolygon(line, [{ id: 'x', coord: [121.5, 31] }])).toEqual([]);
  });
});
