import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { AreaIndex } from '../../src/geo/area-index';
import { buildDistricts } from '../../scripts/lib/districts';
import { mulberry32 } from '../../src/lib/mulberry32';

const rng = mulberry32;

const naive = (geoms: (Polygon | MultiPolygon)[], x: number, y: number) => geoms.flatMap((g, i) => (booleanPointInPolygon([x, y], g) ? [i] : []));

describe('AreaIndex', () => {
  const donut: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
      [
        [3, 3],
        [7, 3],
        [7, 7],
        [3, 7],
        [3, 3],
      ],
    ],
  };
  const pair: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [20, 0],
          [22, 0],
          [22, 2],
          [20, 2],
          [20, 0],
        ],
      ],
      [
        [
          [30, 0],
          [32, 0],
          [31, 3],
          [30, 0],
        ],
      ],
    ],
  };

  it('handles holes, multipolygons, boundaries and points far away', () => {
    const idx = new AreaIndex([donut, pair], { gridSize: 8 });
    expect(idx.query(1, 1)).toEqual([0]);
    expect(idx.query(5, 5)).toEqual([]); // in the hole
    expect(idx.query(10, 5)).toEqual([0]); // on the outer edge: inside, as Turf says
    expect(idx.query(21, 1)).toEqual([1]);
    expect(idx.query(31, 2)).toEqual([1]);
    expect(idx.query(26, 1)).toEqual([]);
    expect(idx.query(-100, 80)).toEqual([]);
  });

  it('works without the grid (Flatbush bbox filter only)', () => {
    const idx = new AreaIndex([donut, pair], { gridSize: 0 });
    expect(idx.query(1, 1)).toEqual([0]);
    expect(idx.query(5, 5)).toEqual([]);
    expect(idx.query(31, 2)).toEqual([1]);
  });

  it.each([64, 0])('agrees with booleanPointInPolygon on 20,000 random points over the districts (grid %i)', (gridSize) => {
    const geoms = buildDistricts().features.map((f) => f.geometry);
    const idx = new AreaIndex(geoms, { gridSize });
    const r = rng(7);
    let inside = 0;
    for (let k = 0; k < 20000; k++) {
      const x = 120.85 + r() * 1.16;
      const y = 30.67 + r() * 1.2;
      const want = naive(geoms, x, y);
      expect(idx.query(x, y)).toEqual(want);
      if (want.length) inside++;
    }
    expect(inside).toBeGreaterThan(5000); // the sample really exercises the inside cells
  });

  it('agrees on points sampled along the district edges, where the grid defers to Turf', () => {
    const geoms = buildDistricts().features.map((f) => f.geometry);
    const idx = new AreaIndex(geoms, { gridSize: 128 });
    const r = rng(11);
    for (const g of geoms.slice(0, 6)) {
      const ring = g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates[0]![0]!;
      for (let k = 0; k + 1 < ring.length; k += 3) {
        const [x, y] = ring[k]!;
        const dx = (r() - 0.5) * 1e-3;
        const dy = (r() - 0.5) * 1e-3;
        expect(idx.query(x! + dx, y! + dy)).toEqual(naive(geoms, x! + dx, y! + dy));
      }
    }
  });
});
