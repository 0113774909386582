import { describe, it, expect } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { decodeEChartsGeoJSON, decodeRing } from '../../scripts/lib/echarts-decode.ts';
import type { EncodedFeatureCollection } from '../../scripts/lib/echarts-decode.ts';

const SCALE = 1024;

/** Test-only encoder: quantise, delta from the offset, zigzag, +64, one UTF-16 unit per value. */
function encodeRing(ring: [number, number][]): { encoded: string; offset: [number, number] } {
  const q = ring.map(([x, y]) => [Math.round(x * SCALE), Math.round(y * SCALE)] as const);
  const first = q[0];
  if (!first) throw new Error('empty ring');
  const offset: [number, number] = [first[0], first[1]];
  let [px, py] = offset;
  let encoded = '';
  const zz = (v: number): number => (v << 1) ^ (v >> 31);
  for (const [x, y] of q) {
    encoded += String.fromCharCode(zz(x - px) + 64, zz(y - py) + 64);
    px = x;
    py = y;
  }
  return { encoded, offset };
}

// On the 1/1024 grid, so the round trip is exact; includes negative and zero deltas.
const RING_A: [number, number][] = [
  [121.5, 31.25],
  [121.5 + 3 / 1024, 31.25 - 5 / 1024],
  [121.5 - 20 / 1024, 31.25 - 7 / 1024],
  [121.5 - 20 / 1024, 31.25 + 40 / 1024],
  [121.5 + 1 / 1024, 31.25 + 1 / 1024],
  [121.5, 31.25],
];
const HOLE_A: [number, number][] = [
  [121.5 - 10 / 1024, 31.25 + 10 / 1024],
  [121.5 - 12 / 1024, 31.25 + 10 / 1024],
  [121.5 - 12 / 1024, 31.25 + 12 / 1024],
  [121.5 - 10 / 1024, 31.25 + 10 / 1024],
];
const RING_B: [number, number][] = [
  [122.0, 30.5],
  [122.0 - 100 / 1024, 30.5 - 100 / 1024],
  [122.0 + 500 / 1024, 30.5 - 1 / 1024],
  [122.0, 30.5],
];

function encodedFixture(): EncodedFeatureCollection {
  const a = encodeRing(RING_A);
  const h = encodeRing(HOLE_A);
  const b = encodeRing(RING_B);
  return {
    type: 'FeatureCollection',
    UTF8Encoding: true,
    features: [
      {
        type: 'Feature',
        id: '1',
        geometry: { type: 'Polygon', coordinates: [a.encoded, h.encoded], encodeOffsets: [a.offset, h.offset] },
        properties: { name: 'poly', cp: [121.5, 31.25] },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'MultiPolygon',
          coordinates: [[a.encoded, h.encoded], [b.encoded]],
          encodeOffsets: [[a.offset, h.offset], [b.offset]],
        },
        properties: { name: 'multi' },
      },
    ],
  };
}

describe('decodeRing', () => {
  it('round-trips a ring with negative and zero deltas', () => {
    const { encoded, offset } = encodeRing(RING_A);
    expect(encoded.length).toBe(RING_A.length * 2);
    expect(decodeRing(encoded, offset)).toEqual(RING_A);
  });

  it('accumulates deltas from the offset', () => {
    // '@@' = (0,0); 'C' = 67 → 3 → zigzag -2; 'B' = 66 → 2 → +1
    expect(decodeRing('@@CB', [1024, 2048])).toEqual([
      [1, 2],
      [1022 / 1024, 2049 / 1024],
    ]);
  });

  it('rejects an odd-length ring', () => {
    expect(() => decodeRing('@@@', [0, 0])).toThrow(/odd/);
  });
});

describe('decodeEChartsGeoJSON', () => {
  it('decodes Polygon and MultiPolygon features and keeps id and properties', () => {
    const input = encodedFixture();
    const out = decodeEChartsGeoJSON(input);
    expect(out.type).toBe('FeatureCollection');
    expect(out).not.toHaveProperty('UTF8Encoding');
    const [poly, multi] = out.features;
    expect(poly?.id).toBe('1');
    expect(poly?.properties).toEqual({ name: 'poly', cp: [121.5, 31.25] });
    expect(poly?.geometry).toEqual({ type: 'Polygon', coordinates: [RING_A, HOLE_A] });
    expect(poly?.geometry).not.toHaveProperty('encodeOffsets');
    expect(multi).not.toHaveProperty('id');
    expect(multi?.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[RING_A, HOLE_A], [RING_B]] });
  });

  it('does not mutate its input', () => {
    const input = encodedFixture();
    const before = structuredClone(input);
    const out = decodeEChartsGeoJSON(input);
    expect(input).toEqual(before);
    expect(out.features[0]?.properties).not.toBe(input.features[0]?.properties);
  });

  it('honours UTF8Scale', () => {
    const input = encodedFixture();
    const out = decodeEChartsGeoJSON({ ...input, UTF8Scale: 2048 });
    const g = out.features[0]?.geometry as Polygon;
    expect(g.coordinates[0]?.[0]).toEqual([RING_A[0]![0] / 2, RING_A[0]![1] / 2]);
  });

  it('passes non-encoded GeoJSON through as a clone', () => {
    const plain: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'x' },
          geometry: { type: 'Polygon', coordinates: [RING_B] },
        },
      ],
    };
    const before = structuredClone(plain);
    const out = decodeEChartsGeoJSON(plain);
    expect(out).toEqual(before);
    expect(out).not.toBe(plain);
    expect(out.features[0]).not.toBe(plain.features[0]);
    expect(plain).toEqual(before);
  });

  it('throws on a missing encodeOffsets pair', () => {
    const input = encodedFixture();
    const f = input.features[0]!;
    if (f.geometry.type !== 'Polygon') throw new Error('fixture');
    f.geometry.encodeOffsets = [];
    expect(() => decodeEChartsGeoJSON(input)).toThrow(/encodeOffsets/);
  });
});
