/**
 * Shanghai's 16 district polygons in WGS-84, built from the dev dependency echarts@4.9.0
 * (`map/json/province/shanghai.json`, Apache-2.0, GCJ-02, ECharts-encoded) and converted
 * GCJ-02 → WGS-84 with gcoord. Boundary accuracy is about ±100–300 m (source quantisation
 * 1/1024° plus the source's own error).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rewind } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { decodeEChartsGeoJSON } from './echarts-decode.ts';
import type { EChartsGeoJSONInput } from './echarts-decode.ts';
import { packageVersion } from './package-version';
import { labelAt } from '../../src/geo/label-points';
import { geoJsonToWgs84 } from '../../src/geo/crs';

export interface DistrictProps {
  adcode: number;
  name_zh: string;
  name_en: string;
  /** where the district's one label goes */
  label: [number, number];
}

type DistrictGeometry = Polygon | MultiPolygon;

const require = createRequire(import.meta.url);

const ECHARTS_FILE = 'map/json/province/shanghai.json';

export const DISTRICTS_SOURCE = {
  package: 'echarts',
  version: packageVersion('echarts'),
  file: ECHARTS_FILE,
  license: 'Apache-2.0',
  crs_in: 'GCJ-02',
  converter: `gcoord ${packageVersion('gcoord')}`,
} as const;

/** Chinese name as in the ECharts file → adcode and English name. */
export const DISTRICT_NAMES: Readonly<Record<string, { adcode: number; name_en: string }>> = {
  黄浦区: { adcode: 310101, name_en: 'Huangpu' },
  徐汇区: { adcode: 310104, name_en: 'Xuhui' },
  长宁区: { adcode: 310105, name_en: 'Changning' },
  静安区: { adcode: 310106, name_en: "Jing'an" },
  普陀区: { adcode: 310107, name_en: 'Putuo' },
  虹口区: { adcode: 310109, name_en: 'Hongkou' },
  杨浦区: { adcode: 310110, name_en: 'Yangpu' },
  闵行区: { adcode: 310112, name_en: 'Minhang' },
  宝山区: { adcode: 310113, name_en: 'Baoshan' },
  嘉定区: { adcode: 310114, name_en: 'Jiading' },
  浦东新区: { adcode: 310115, name_en: 'Pudong New Area' },
  金山区: { adcode: 310116, name_en: 'Jinshan' },
  松江区: { adcode: 310117, name_en: 'Songjiang' },
  青浦区: { adcode: 310118, name_en: 'Qingpu' },
  奉贤区: { adcode: 310120, name_en: 'Fengxian' },
  崇明区: { adcode: 310151, name_en: 'Chongming' },
};

const EXPECTED_COUNT = 16;

/** Parsed (still encoded) ECharts file. */
export function readEChartsShanghai(): EChartsGeoJSONInput {
  const path = require.resolve(`echarts/${ECHARTS_FILE}`);
  return JSON.parse(readFileSync(path, 'utf8')) as EChartsGeoJSONInput;
}

/**
 * Decimals kept in a boundary's coordinates: 4 ≈ 11 m, ten times finer than the source's 1/1024°
 * (≈100 m) quantisation, so nothing the source knows is lost; a fifth decimal would only carry the
 * GCJ-02 conversion's arithmetic, and cost the first view about 5 KB (gzip) for the districts,
 * zones and basemap together.
 */
export const COORD_DECIMALS = 4;
const SCALE = 10 ** COORD_DECIMALS;

export const roundCoord = (v: number): number => {
  const r = Math.round(v * SCALE) / SCALE;
  return Object.is(r, -0) ? 0 : r;
};

/** Round to COORD_DECIMALS, drop consecutive duplicates, close the ring (also used by the basemap). */
export function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q: Position = [roundCoord(p[0]!), roundCoord(p[1]!)];
    const last = out[out.length - 1];
    if (last && last[0] === q[0] && last[1] === q[1]) continue;
    out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0]!, first[1]!]);
  return out;
}

/** roundRing, for a district: every position finite, 4+ positions left. */
function cleanRing(ring: Position[], where: string): Position[] {
  for (const p of ring) {
    const [x, y] = p;
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
      throw new Error(`${where}: invalid position ${JSON.stringify(p)}`);
    }
  }
  const out = roundRing(ring);
  if (out.length < 4) throw new Error(`${where}: ring has fewer than 4 positions`);
  return out;
}

function cleanGeometry(geometry: DistrictGeometry, where: string): DistrictGeometry {
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: geometry.coordinates.map((r) => cleanRing(r, where)) };
  }
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((poly) => poly.map((r) => cleanRing(r, where))),
  };
}

/**
 * Build the 16 districts (WGS-84, RFC 7946 winding, 6-decimal coordinates, sorted by adcode).
 * Pass `input` to build from an already parsed ECharts file (tests); default reads echarts.
 */
export function buildDistricts(input: EChartsGeoJSONInput = readEChartsShanghai()): FeatureCollection<DistrictGeometry, DistrictProps> {
  const decoded = decodeEChartsGeoJSON(input);
  if (decoded.features.length !== EXPECTED_COUNT) {
    throw new Error(`echarts ${ECHARTS_FILE}: expected ${EXPECTED_COUNT} districts, found ${decoded.features.length}`);
  }

  const wgs = geoJsonToWgs84(decoded, 'gcj02');

  const seen = new Set<number>();
  const features: Feature<DistrictGeometry, DistrictProps>[] = wgs.features.map((f, i) => {
    const name = (f.properties as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') throw new Error(`echarts ${ECHARTS_FILE}: feature ${i} has no name`);
    const known = DISTRICT_NAMES[name];
    if (!known) throw new Error(`echarts ${ECHARTS_FILE}: unknown district name "${name}"`);
    if (f.id !== undefined && Number(f.id) !== known.adcode) {
      throw new Error(`echarts ${ECHARTS_FILE}: ${name} has id ${f.id}, expected ${known.adcode}`);
    }
    if (seen.has(known.adcode)) throw new Error(`echarts ${ECHARTS_FILE}: duplicate district ${name}`);
    seen.add(known.adcode);

    const g = f.geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
      throw new Error(`echarts ${ECHARTS_FILE}: ${name} has geometry ${g.type}`);
    }
    const cleaned = cleanGeometry(g, name);
    // Rings are closed before rewinding, so reversing a ring keeps its first vertex in place.
    const geometry = rewind(cleaned, { mutate: true }) as DistrictGeometry;
    return {
      type: 'Feature',
      id: known.adcode,
      properties: { adcode: known.adcode, name_zh: name, name_en: known.name_en, label: labelAt(geometry) },
      geometry,
    };
  });

  features.sort((a, b) => a.properties.adcode - b.properties.adcode);
  return { type: 'FeatureCollection', features };
}
