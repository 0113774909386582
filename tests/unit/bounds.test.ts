import { describe, expect, it } from 'vitest';
import { boundsOf, pointsBounds, viewWithin } from '../../src/geo/bounds';
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

describe('viewWithin', () => {
  it('across: at zoom 0 the world is 512 px wide, at zoom 2 2048 px', () => {
    expect(
      viewWithin([0, 0], 0, 512, 100, [
        [-180, -80],
        [180, 80],
      ]),
    ).toBe(true);
    expect(
      viewWithin([0, 0], 0, 520, 100, [
        [-180, -80],
        [180, 80],
      ]),
    ).toBe(false);
    // 1024 px at zoom 2: a quarter of the world either side, 90° of longitude
    expect(
      viewWithin([0, 0], 2, 1024, 100, [
        [-90, -80],
        [90, 80],
      ]),
    ).toBe(true);
    expect(
      viewWithin([0, 0], 2, 1024, 100, [
        [-89, -80],
        [90, 80],
      ]),
    ).toBe(false);
    expect(
      viewWithin([10, 0], 2, 1024, 100, [
        [-90, -80],
        [90, 80],
      ]),
    ).toBe(false);
  });

  it('up and down in Web Mercator: 45° N lies ln(tan 67.5°) = 0.8814 rad up, 143.6 px at zoom 0', () => {
    expect(
      viewWithin([0, 0], 0, 100, 143, [
        [-180, -45],
        [180, 45],
      ]),
    ).toBe(true);
    expect(
      viewWithin([0, 0], 0, 100, 145, [
        [-180, -45],
        [180, 45],
      ]),
    ).toBe(false);
  });

  it("the map's limits: a phone's map (390 × 715) at zoom 6 centred on 人民广场 reaches south of 28.5° N", () => {
    // 357.5 px at 512 × 2^6 / 2π ≈ 5215 px per radian: 0.0686 rad, about 3.4° of latitude there
    expect(
      viewWithin([121.47, 31.23], 6, 390, 715, [
        [117.5, 28.5],
        [124.5, 34],
      ]),
    ).toBe(false);
    expect(
      viewWithin([121.47, 31.23], 7, 390, 715, [
        [117.5, 28.5],
        [124.5, 34],
      ]),
    ).toBe(true);
  });
});

describe('pointsBounds', () => {
  const LIMITS: [[number, number], [number, number]] = [
    [117.5, 28.5],
    [124.5, 34],
  ];
  it('the least box of the points within the limits; the others left out', () => {
    expect(pointsBounds([121.1, 31.0, 121.9, 30.9, 121.5, 31.4, 116.4, 39.9], LIMITS, 0)).toEqual([
      [121.1, 30.9],
      [121.9, 31.4],
    ]);
    expect(pointsBounds([116.4, 39.9], LIMITS, 0.02)).toBeNull();
    expect(pointsBounds([], LIMITS, 0.02)).toBeNull();
  });
  it('grown about its middle to the least span each way', () => {
    const [[w, s], [e, n]] = pointsBounds([121.5, 31.2, 121.6, 31.2], LIMITS, 0.02)!;
    expect([w, s, e, n].map((v) => +v.toFixed(6))).toEqual([121.5, 31.19, 121.6, 31.21]);
  });
});
