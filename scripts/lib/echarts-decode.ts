/**
 * Decoder for ECharts' compressed GeoJSON (`UTF8Encoding: true`), as shipped in the map files of
 * echarts <= 4.9 (e.g. `echarts/map/json/province/shanghai.json`).
 *
 * Encoding (mirrors echarts/lib/coord/geo/parseGeoJson.js, Apache-2.0):
 * - every ring is a string; each position is two UTF-16 code units (x then y);
 * - a code unit minus 64 is a zigzag-encoded integer delta: value = (c >> 1) ^ -(c & 1);
 * - deltas accumulate from the ring's `encodeOffsets` pair (Polygon: encodeOffsets[ring],
 *   MultiPolygon: encodeOffsets[polygon][ring]);
 * - the accumulated integers are divided by `UTF8Scale` (default 1024).
 *
 * Pure: never mutates its input.
 */
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry, Position } from 'geojson';

export type EncodedOffset = [number, number];

export interface EncodedPolygon {
  type: 'Polygon';
  coordinates: string[];
  encodeOffsets: EncodedOffset[];
}

export interface EncodedMultiPolygon {
  type: 'MultiPolygon';
  coordinates: string[][];
  encodeOffsets: EncodedOffset[][];
}

export interface EncodedFeature<P = GeoJsonProperties> {
  type: 'Feature';
  id?: string | number;
  geometry: EncodedPolygon | EncodedMultiPolygon;
  properties: P;
}

export interface EncodedFeatureCollection<P = GeoJsonProperties> {
  type: 'FeatureCollection';
  UTF8Encoding: true;
  UTF8Scale?: number;
  features: EncodedFeature<P>[];
}

export type EChartsGeoJSONInput<P = GeoJsonProperties> = EncodedFeatureCollection<P> | FeatureCollection<Geometry, P>;

const DEFAULT_SCALE = 1024;

function isEncoded<P>(input: EChartsGeoJSONInput<P>): input is EncodedFeatureCollection<P> {
  return (input as { UTF8Encoding?: unknown }).UTF8Encoding === true;
}

function isOffset(value: unknown): value is EncodedOffset {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  );
}

/** Decode one ring string into [x, y] positions in integer units (before scaling). */
function decodeRingUnits(encoded: string, offset: EncodedOffset): [number, number][] {
  if (encoded.length % 2 !== 0) {
    throw new Error(`ECharts ring has an odd number of code units (${encoded.length})`);
  }
  const out: [number, number][] = [];
  let prevX = offset[0];
  let prevY = offset[1];
  for (let i = 0; i < encoded.length; i += 2) {
    const cx = encoded.charCodeAt(i) - 64;
    const cy = encoded.charCodeAt(i + 1) - 64;
    prevX += (cx >> 1) ^ -(cx & 1);
    prevY += (cy >> 1) ^ -(cy & 1);
    out.push([prevX, prevY]);
  }
  return out;
}

/**
 * Decode one encoded ring with the default ECharts scale (1/1024 degree).
 * Returns plain positions; does not close the ring.
 */
export function decodeRing(encoded: string, offset: [number, number]): [number, number][] {
  return decodeRingScaled(encoded, offset, DEFAULT_SCALE);
}

function decodeRingScaled(encoded: string, offset: EncodedOffset, scale: number): [number, number][] {
  if (typeof encoded !== 'string') throw new Error('ECharts ring is not an encoded string');
  if (!isOffset(offset)) throw new Error('ECharts ring has no valid encodeOffsets pair');
  return decodeRingUnits(encoded, offset).map(([x, y]) => [x / scale, y / scale]);
}

function decodeGeometry(geometry: EncodedPolygon | EncodedMultiPolygon, scale: number, where: string): Geometry {
  const { type, coordinates, encodeOffsets } = geometry;
  if (!Array.isArray(coordinates) || !Array.isArray(encodeOffsets)) {
    throw new Error(`${where}: encoded geometry lacks coordinates or encodeOffsets`);
  }
  if (type === 'Polygon') {
    const rings: Position[][] = coordinates.map((ring, r) => decodeRingScaled(ring, encodeOffsets[r] as EncodedOffset, scale));
    return { type: 'Polygon', coordinates: rings };
  }
  if (type === 'MultiPolygon') {
    const polys: Position[][][] = coordinates.map((poly, p) => {
      const offs = encodeOffsets[p];
      if (!Array.isArray(poly) || !Array.isArray(offs)) {
        throw new Error(`${where}: MultiPolygon part ${p} is malformed`);
      }
      return poly.map((ring, r) => decodeRingScaled(ring, offs[r] as EncodedOffset, scale));
    });
    return { type: 'MultiPolygon', coordinates: polys };
  }
  throw new Error(`${where}: unsupported encoded geometry type ${String(type)}`);
}

/**
 * Turn an ECharts map file into a standard GeoJSON FeatureCollection.
 * Non-encoded input is returned as a structured clone. The input is never mutated.
 */
export function decodeEChartsGeoJSON<P = GeoJsonProperties>(input: EChartsGeoJSONInput<P>): FeatureCollection<Geometry, P> {
  if (!isEncoded(input)) return structuredClone(input);

  const scale = input.UTF8Scale ?? DEFAULT_SCALE;
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`Invalid UTF8Scale: ${scale}`);

  const features: Feature<Geometry, P>[] = input.features.map((f, i) => {
    const where = `feature ${i}${f.id !== undefined ? ` (id ${f.id})` : ''}`;
    const out: Feature<Geometry, P> = {
      type: 'Feature',
      geometry: decodeGeometry(f.geometry, scale, where),
      properties: structuredClone(f.properties),
    };
    if (f.id !== undefined) out.id = f.id;
    return out;
  });
  return { type: 'FeatureCollection', features };
}
