import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { AreaIndex } from '../../src/geo/area-index';
import { buildDistricts } from '../../scripts/lib/districts';
import { mulberry32 } from '../../src/lib/mulberry32';
import { readGeoJson } from '../fakes/geo-disk';

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

  it('works as a single cell, where every point tests every edge', () => {
    const idx = new AreaIndex([donut, pair], { gridSize: 0 });
    expect(idx.query(1, 1)).toEqual([0]);
    expect(idx.query(5, 5)).toEqual([]);
    expect(idx.query(31, 2)).toEqual([1]);
  });

  it.each([
    ['64', 64],
    ['0', 0],
    ['default', undefined],
  ])('agrees with booleanPointInPolygon on 20,000 random points over the districts (grid %s)', (_label, gridSize) => {
    const geoms = buildDistricts().features.map((f) => f.geometry);
    const idx = new AreaIndex(geoms, gridSize === undefined ? {} : { gridSize });
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

// ---------------------------------------------------------------------------------------------
// Boundary semantics, against Turf itself: points exactly on vertices and edges (horizontal,
// vertical, diagonal), rays through vertices, holes, touching and overlapping parts, rings that
// cross themselves, and grid lines through all of them.

const turfSet = (geoms: (Polygon | MultiPolygon)[], x: number, y: number) => naive(geoms, x, y).join(',');

/** Every point of a half-unit lattice over [lo, hi]², scaled by `s` and moved to (ox, oy). */
function lattice(lo: number, hi: number, s = 1, ox = 0, oy = 0): [number, number][] {
  const pts: [number, number][] = [];
  for (let i = 2 * lo; i <= 2 * hi; i++) for (let j = 2 * lo; j <= 2 * hi; j++) pts.push([ox + (i / 2) * s, oy + (j / 2) * s]);
  return pts;
}

/** A random ring of lattice points in [0, size]² (it may cross itself), closed. */
function randomRing(r: () => number, size: number, n: number, s = 1, ox = 0, oy = 0): [number, number][] {
  const ring: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const prev = ring[ring.length - 1];
    // now and then repeat a coordinate, for horizontal and vertical edges and repeated vertices
    const x = prev && r() < 0.3 ? prev[0] : ox + Math.floor(r() * (size + 1)) * s;
    const y = prev && r() < 0.3 ? prev[1] : oy + Math.floor(r() * (size + 1)) * s;
    ring.push([x, y]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

describe('AreaIndex boundary semantics, point for point against booleanPointInPolygon', () => {
  const square = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
  const shapes: { name: string; geoms: (Polygon | MultiPolygon)[] }[] = [
    {
      name: 'a square with a square hole, and one beside it sharing an edge',
      geoms: [
        { type: 'Polygon', coordinates: [square(0, 0, 6, 6), square(2, 2, 4, 4)] },
        { type: 'Polygon', coordinates: [square(6, 0, 9, 6)] },
      ],
    },
    {
      name: 'a diamond and a triangle with a horizontal top edge (rays through vertices)',
      geoms: [
        {
          type: 'Polygon',
          coordinates: [
            [
              [4, 0],
              [8, 4],
              [4, 8],
              [0, 4],
              [4, 0],
            ],
          ],
        },
        {
          type: 'Polygon',
          coordinates: [
            [
              [1, 1],
              [7, 7],
              [1, 7],
              [1, 1],
            ],
          ],
        },
      ],
    },
    {
      name: 'a MultiPolygon whose parts touch at a vertex and overlap, and a hole touching its outer ring',
      geoms: [
        {
          type: 'MultiPolygon',
          coordinates: [[square(0, 0, 3, 3)], [square(3, 3, 6, 6)], [square(2, 2, 5, 5)]],
        },
        {
          type: 'Polygon',
          coordinates: [
            square(0, 6, 6, 9),
            [
              [0, 7],
              [2, 8],
              [2, 7],
              [0, 7],
            ],
          ],
        },
      ],
    },
    {
      name: 'a bow tie (a ring crossing itself), repeated vertices, a spike and collinear vertices',
      geoms: [
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [4, 4],
              [4, 4],
              [4, 0],
              [0, 4],
              [0, 2],
              [0, 0],
            ],
          ],
        },
        {
          type: 'Polygon',
          coordinates: [
            [
              [5, 0],
              [8, 0],
              [8, 3],
              [8, 5],
              [9, 8],
              [8, 5],
              [6, 3],
              [5, 0],
            ],
          ],
        },
      ],
    },
  ];

  for (const { name, geoms } of shapes)
    it(`${name}: every half-unit lattice point, grids of 1 to 64 cells`, () => {
      const pts = lattice(-1, 10);
      for (const gridSize of [1, 2, 3, 5, 8, 9, 16, 64]) {
        const idx = new AreaIndex(geoms, { gridSize });
        for (const [x, y] of pts) expect(`${gridSize} ${x},${y}: ${idx.query(x, y).join(',')}`).toBe(`${gridSize} ${x},${y}: ${turfSet(geoms, x, y)}`);
      }
    });

  it('a ring Turf accepts unclosed (first and last differ in one coordinate) gives Turf answers inside and out of the grid', () => {
    const open: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 2],
        ],
      ],
    };
    const pts = [...lattice(-2, 6), [100, 1] as [number, number], [-100, 1] as [number, number], [100, 3] as [number, number]];
    for (const gridSize of [1, 4, 16]) {
      const idx = new AreaIndex([open], { gridSize });
      for (const [x, y] of pts) expect(`${x},${y}: ${idx.query(x, y).join(',')}`).toBe(`${x},${y}: ${turfSet([open], x, y)}`);
    }
  });

  it('rejects a ring whose first and last positions differ in both coordinates, as Turf does', () => {
    const bad: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [1, 3],
        ],
      ],
    };
    expect(() => booleanPointInPolygon([2, 2], bad)).toThrow(/First and last/);
    expect(() => new AreaIndex([bad])).toThrow(/First and last/);
  });

  it('answers NaN, infinite and huge coordinates as Turf does', () => {
    const geoms: Polygon[] = [{ type: 'Polygon', coordinates: [square(0, 0, 4, 4)] }];
    const idx = new AreaIndex(geoms, { gridSize: 8 });
    const odd = [NaN, Infinity, -Infinity, 1e200, -1e200, 1e300, 2, 0];
    for (const x of odd) for (const y of odd) expect(`${x},${y}: ${idx.query(x, y).join(',')}`).toBe(`${x},${y}: ${turfSet(geoms, x, y)}`);
  });

  it('random self-crossing rings with holes and parts on a lattice near Shanghai: every lattice point and a random sample', () => {
    const r = rng(2024);
    // coordinates like lon/lat with dyadic steps, so that lattice points fall exactly on edges
    const s = 1 / 64;
    const ox = 121;
    const oy = 31;
    let checked = 0;
    let onBoundary = 0;
    for (let round = 0; round < 40; round++) {
      const geoms: (Polygon | MultiPolygon)[] = [];
      const count = 1 + Math.floor(r() * 4);
      for (let g = 0; g < count; g++) {
        const parts = 1 + Math.floor(r() * 3);
        const polys: [number, number][][][] = [];
        for (let p = 0; p < parts; p++) {
          const rings = [randomRing(r, 10, 3 + Math.floor(r() * 8), s, ox, oy)];
          if (r() < 0.4) rings.push(randomRing(r, 10, 3 + Math.floor(r() * 5), s, ox, oy));
          polys.push(rings);
        }
        geoms.push(parts === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys });
      }
      const pts = lattice(-1, 11, s, ox, oy);
      for (let k = 0; k < 300; k++) pts.push([ox + (r() * 12 - 1) * s, oy + (r() * 12 - 1) * s]);
      const gridSize = [1, 2, 3, 7, 13, 40][round % 6]!;
      const idx = new AreaIndex(geoms, { gridSize });
      const ref = new AreaIndex(geoms, { gridSize: 1 });
      for (const [x, y] of pts) {
        const want = turfSet(geoms, x, y);
        expect(`${round} ${x},${y}: ${idx.query(x, y).join(',')}`).toBe(`${round} ${x},${y}: ${want}`);
        expect(ref.query(x, y).join(',')).toBe(want);
        const coords = Float64Array.of(x, y);
        expect(idx.combo(idx.comboMany(coords)[0]!).join(',')).toBe(want);
        checked++;
        // on the boundary of some geometry: Turf says inside, but not when boundaries are ignored
        if (geoms.some((g) => booleanPointInPolygon([x, y], g) !== booleanPointInPolygon([x, y], g, { ignoreBoundary: true }))) onBoundary++;
      }
    }
    expect(checked).toBeGreaterThan(40 * 600);
    expect(onBoundary).toBeGreaterThan(1000); // the lattice really puts points on edges and vertices
  });
});

describe('AreaIndex on the districts and zones together', () => {
  const districts = readGeoJson<{ features: { geometry: Polygon | MultiPolygon }[] }>('districts.geojson').features.map((f) => f.geometry);
  const zones = readGeoJson<{ features: { geometry: { type: string } }[] }>('zones.geojson')
    .features.map((f) => f.geometry)
    .filter((g): g is Polygon | MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon');
  const geoms = [...districts, ...zones];
  const idx = new AreaIndex(geoms);

  it('keeps most cells decided and few edges per undecided cell', () => {
    const st = idx.stats();
    expect(st.geometries).toBe(geoms.length);
    expect(st.undecidedCells).toBeGreaterThan(0);
    expect(st.undecidedCells / (st.nx * st.ny)).toBeLessThan(0.15);
    expect(st.meanTestsPerUndecidedCell).toBeLessThan(20);
  });

  it('agrees with Turf on every vertex, on rays through every vertex, and near every edge', () => {
    const r = rng(99);
    const pts: [number, number][] = [];
    for (const g of geoms) {
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      for (const rings of polys)
        for (const ring of rings)
          for (let k = 0; k + 1 < ring.length; k++) {
            if (k % 2) continue; // half the vertices keep the test quick
            const [x1, y1] = ring[k] as [number, number];
            const [x2, y2] = ring[k + 1] as [number, number];
            const t = r();
            pts.push([x1, y1], [x1 + (r() - 0.5) * 0.02, y1], [x1, y1 + (r() - 0.5) * 0.02]);
            pts.push([x1 + t * (x2 - x1), y1 + t * (y2 - y1)], [x1 + t * (x2 - x1) + (r() - 0.5) * 1e-7, y1 + t * (y2 - y1)]);
          }
    }
    const coords = Float64Array.from(pts.flat());
    const got = idx.comboMany(coords);
    let mismatches = 0;
    pts.forEach(([x, y], i) => {
      if (idx.combo(got[i]!).join(',') !== turfSet(geoms, x, y)) mismatches++;
    });
    expect(pts.length).toBeGreaterThan(10_000);
    expect(mismatches).toBe(0);
  });
});
