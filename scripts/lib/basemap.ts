/**
 * Offline basemap data for the MapLibre map (no tiles):
 * - context land of 江苏省, 浙江省, 安徽省 and 江西省, from echarts@4.9.0's province files (Apache-2.0,
 *   GCJ-02, ECharts-encoded), converted GCJ-02 → WGS-84 with gcoord, clipped to the map's limits
 *   (MapLibre's maxBounds, so the map never shows where the land stops), dissolved per province,
 *   simplified and rounded to 4 decimals;
 * - schematic lines (the Huangpu, the expressways G60/S20/S1) and airport labels authored in
 *   data/basemap.json from the rough waypoints of the project reference notes.
 *
 * Pipeline per province: decode → GCJ-02→WGS-84 (on a clone) → clip each city to
 * BASEMAP_BBOX (Turf `intersect` with the box polygon) → `union` of the clipped cities →
 * `simplify` (0.003°) → round to 4 decimals → RFC 7946 winding. Clipping before the union and
 * before rounding keeps the union small and the box edges exact; the result is the same outline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { area, bboxPolygon, feature, featureCollection, intersect, rewind, simplify, union } from '@turf/turf';
import type { BBox, Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { z } from 'zod';
import { COORD_DECIMALS, roundCoord, roundRing } from './districts.ts';
import { geoJsonToWgs84 } from '../../src/geo/crs';
import { MAP_BOUNDS } from '../../src/geo/map-bounds';
import { decodeEChartsGeoJSON } from './echarts-decode.ts';
import type { EChartsGeoJSONInput } from './echarts-decode.ts';
import { packageVersion } from './package-version';

const require = createRequire(import.meta.url);

/**
 * [west, south, east, north]: the box the province land is clipped to, the map's own limits (the
 * camera cannot leave them, so no edge of the land is ever on screen); authored data must lie in it.
 */
export const BASEMAP_BBOX: BBox = [MAP_BOUNDS[0][0], MAP_BOUNDS[0][1], MAP_BOUNDS[1][0], MAP_BOUNDS[1][1]];

/** Douglas–Peucker tolerance in degrees (≈300 m), below the source's own ±100–300 m error. */
const SIMPLIFY_TOLERANCE = 0.003;
/** coordinates are rounded to this many decimals (districts.ts) */
const DECIMALS = COORD_DECIMALS;
/** Parts smaller than this after clipping (km²) are dropped: specks of islands. */
const MIN_PART_KM2 = 0.05;
/**
 * Holes smaller than this (km²) are filled: they are gaps between neighbouring cities in the
 * source (measured: 0.2–0.5 km² along the Yangtze and the Qiantang), not lakes.
 */
const MIN_HOLE_KM2 = 1;

const AUTHORED_FILE = 'data/basemap.json';
const AUTHORED_PATH = new URL('../../data/basemap.json', import.meta.url);

interface ProvinceSpec {
  id: 'jiangsu' | 'zhejiang' | 'anhui' | 'jiangxi';
  file: string;
  name_zh: string;
  name_en: string;
  /** number of prefecture-level cities in the ECharts file */
  cities: number;
}

const PROVINCES: readonly ProvinceSpec[] = [
  { id: 'jiangsu', file: 'map/json/province/jiangsu.json', name_zh: '江苏省', name_en: 'Jiangsu', cities: 13 },
  { id: 'zhejiang', file: 'map/json/province/zhejiang.json', name_zh: '浙江省', name_en: 'Zhejiang', cities: 11 },
  // 宣城, 马鞍山, 芜湖, 黄山… reach into the map's limits west of 湖州 and 南京
  { id: 'anhui', file: 'map/json/province/anhui.json', name_zh: '安徽省', name_en: 'Anhui', cities: 16 },
  // 上饶 and 景德镇 in its south-west corner (福建 stays south of 28.5°N, 山东 north of 34°N)
  { id: 'jiangxi', file: 'map/json/province/jiangxi.json', name_zh: '江西省', name_en: 'Jiangxi', cities: 11 },
];

export const BASEMAP_SOURCE = {
  provinces: {
    package: 'echarts',
    version: packageVersion('echarts'),
    files: PROVINCES.map((p) => p.file),
    license: 'Apache-2.0',
    crs_in: 'GCJ-02',
    converter: `gcoord ${packageVersion('gcoord')}`,
    conversion: `decoded (ECharts UTF8Encoding), GCJ-02 → WGS-84 with gcoord, each city clipped to bbox [${BASEMAP_BBOX.join(', ')}], cities dissolved per province with Turf union, simplified (Turf simplify, tolerance ${SIMPLIFY_TOLERANCE}°), parts under ${MIN_PART_KM2} km² dropped and holes under ${MIN_HOLE_KM2} km² filled, rounded to ${DECIMALS} decimals`,
  },
  lines: {
    file: AUTHORED_FILE,
    note: 'schematic lines and approximate points from the rough waypoints of the project reference notes; not surveyed alignments',
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Authored file
// ---------------------------------------------------------------------------------------------

export const BASEMAP_LINE_KINDS = ['river', 'expressway'] as const;

const lonLat = z.tuple([z.number().finite(), z.number().finite()]);
const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be ascii kebab-case');

const common = {
  id: kebab,
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  ref: z.string().min(1).nullable(),
  schematic: z.literal(true),
  source: z.string().min(1),
  note: z.string().min(1).optional(),
};

const LineInputSchema = z
  .object({
    ...common,
    kind: z.enum(BASEMAP_LINE_KINDS),
    /** a ring: first and last positions must be equal */
    closed: z.boolean().optional(),
    coordinates: z.array(lonLat).min(2),
  })
  .strict();

const AirportInputSchema = z
  .object({
    ...common,
    kind: z.literal('airport'),
    coordinates: lonLat,
  })
  .strict();

const BasemapFeatureInputSchema = z.discriminatedUnion('kind', [LineInputSchema, AirportInputSchema]);
export type BasemapFeatureInput = z.infer<typeof BasemapFeatureInputSchema>;

const BasemapInputSchema = z
  .object({
    version: z.literal(1),
    note: z.string().optional(),
    features: z.array(z.unknown()).min(1),
  })
  .strict();

export function readAuthoredBasemap(): unknown {
  return JSON.parse(readFileSync(AUTHORED_PATH, 'utf8')) as unknown;
}

function issuesText(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}

function inBBox([x, y]: Position, [w, s, e, n]: BBox): boolean {
  return x! >= w && x! <= e && y! >= s && y! <= n;
}

/** Validate data/basemap.json (or a test object); errors name the feature id (or its index). */
export function parseAuthoredBasemap(input: unknown): BasemapFeatureInput[] {
  const top = BasemapInputSchema.safeParse(input);
  if (!top.success) throw new Error(`${AUTHORED_FILE}: ${issuesText(top.error)}`);

  const seen = new Set<string>();
  return top.data.features.map((raw, i) => {
    const rawId = (raw as { id?: unknown } | null)?.id;
    const label = typeof rawId === 'string' && rawId !== '' ? `feature "${rawId}" (#${i})` : `feature #${i} (no id)`;
    const fail = (problem: string): never => {
      throw new Error(`${AUTHORED_FILE}: ${label}: ${problem}`);
    };

    const parsed = BasemapFeatureInputSchema.safeParse(raw);
    if (!parsed.success) return fail(issuesText(parsed.error));
    const f = parsed.data;

    if (seen.has(f.id)) fail('duplicate id');
    seen.add(f.id);

    const positions: Position[] = f.kind === 'airport' ? [f.coordinates] : f.coordinates;
    positions.forEach((p, k) => {
      if (!inBBox(p, BASEMAP_BBOX)) {
        fail(`position ${k} ${JSON.stringify(p)} lies outside the basemap bbox [${BASEMAP_BBOX.join(', ')}] (is it [lon, lat]?)`);
      }
    });

    if (f.kind !== 'airport') {
      const c = f.coordinates;
      for (let k = 1; k < c.length; k++) {
        if (c[k]![0] === c[k - 1]![0] && c[k]![1] === c[k - 1]![1]) fail(`positions ${k - 1} and ${k} repeat`);
      }
      const first = c[0]!;
      const last = c[c.length - 1]!;
      const isClosed = first[0] === last[0] && first[1] === last[1];
      if (f.closed === true && (!isClosed || c.length < 4)) fail('closed: true but the first and last positions differ (or fewer than 4 positions)');
      if (f.closed !== true && isClosed) fail('first and last positions are equal but closed is not true');
    }
    return f;
  });
}

// ---------------------------------------------------------------------------------------------
// Provinces
// ---------------------------------------------------------------------------------------------

export interface ProvinceProps {
  id: ProvinceSpec['id'];
  kind: 'province';
  name_zh: string;
  name_en: string;
}

export interface LineProps {
  id: string;
  kind: (typeof BASEMAP_LINE_KINDS)[number];
  name_zh: string;
  name_en: string;
  ref: string | null;
  schematic: true;
  source: string;
}

export interface AirportProps extends Omit<LineProps, 'kind'> {
  kind: 'airport';
}

export type BasemapFeature = Feature<Polygon | MultiPolygon, ProvinceProps> | Feature<LineString, LineProps> | Feature<Point, AirportProps>;

type Areal = Polygon | MultiPolygon;

function readEChartsProvince(spec: ProvinceSpec): EChartsGeoJSONInput {
  let path: string;
  try {
    path = require.resolve(`echarts/${spec.file}`);
  } catch {
    throw new Error(
      `echarts/${spec.file} not found: the province files ship only with echarts <= 4.9 (installed: echarts ${BASEMAP_SOURCE.provinces.version})`,
    );
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EChartsGeoJSONInput;
  } catch (e) {
    throw new Error(`echarts/${spec.file}: cannot parse (${(e as Error).message})`);
  }
}

/** Rounded and closed; undefined when the ring collapses below 4 positions. */
function roundedRing(ring: Position[]): Position[] | undefined {
  const out = roundRing(ring);
  return out.length >= 4 ? out : undefined;
}

function polygonsOf(g: Areal): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function fromPolygons(polys: Position[][][]): Areal {
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
}

const km2 = (rings: Position[][]): number => area({ type: 'Polygon', coordinates: rings }) / 1e6;

/** Drop parts under MIN_PART_KM2, fill holes under MIN_HOLE_KM2, round, drop collapsed rings. */
function tidy(g: Areal, where: string): Areal {
  const polys: Position[][][] = [];
  for (const poly of polygonsOf(g)) {
    const [outer, ...holes] = poly;
    if (!outer || km2([outer]) < MIN_PART_KM2) continue;
    const o = roundedRing(outer);
    if (!o) continue;
    const hs = holes
      .filter((h) => km2([h]) >= MIN_HOLE_KM2)
      .map(roundedRing)
      .filter((h): h is Position[] => h !== undefined);
    polys.push([o, ...hs]);
  }
  if (polys.length === 0) throw new Error(`${where}: nothing left after clipping to the bbox`);
  return fromPolygons(polys);
}

function buildProvince(spec: ProvinceSpec, box: Feature<Polygon>): Feature<Areal, ProvinceProps> {
  const where = `echarts/${spec.file}`;
  const decoded = decodeEChartsGeoJSON(readEChartsProvince(spec));
  if (decoded.features.length !== spec.cities) {
    throw new Error(`${where}: expected ${spec.cities} cities, found ${decoded.features.length}`);
  }
  const wgs = geoJsonToWgs84(decoded, 'gcj02');

  const clipped: Feature<Areal>[] = [];
  wgs.features.forEach((f, i) => {
    const name = (f.properties as { name?: unknown } | null)?.name;
    const city = typeof name === 'string' ? name : `city #${i}`;
    const g: Geometry = f.geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
      throw new Error(`${where}: ${city} has geometry ${g.type}`);
    }
    let part: Feature<Areal> | null;
    try {
      part = intersect(featureCollection([feature(g), box]));
    } catch (e) {
      throw new Error(`${where}: clipping ${city} to the bbox failed (${(e as Error).message})`);
    }
    if (part) clipped.push(part);
  });
  if (clipped.length === 0) throw new Error(`${where}: no city intersects the bbox`);

  let dissolved: Areal;
  try {
    const u = clipped.length === 1 ? clipped[0]! : union(featureCollection(clipped));
    if (!u) throw new Error('empty result');
    dissolved = u.geometry;
  } catch (e) {
    // Fallback: keep the cities as parts of one MultiPolygon (not dissolved).
    console.warn(`${where}: union failed (${(e as Error).message}); keeping cities as a MultiPolygon`);
    dissolved = { type: 'MultiPolygon', coordinates: clipped.flatMap((c) => polygonsOf(c.geometry)) };
  }

  const simple = simplify(feature(dissolved), {
    tolerance: SIMPLIFY_TOLERANCE,
    highQuality: false,
    mutate: true,
  }).geometry;
  const geometry = rewind(tidy(simple, where), { mutate: true }) as Areal;
  return {
    type: 'Feature',
    properties: { id: spec.id, kind: 'province', name_zh: spec.name_zh, name_en: spec.name_en },
    geometry,
  };
}

let provinceCache: Feature<Areal, ProvinceProps>[] | undefined;

/** The clipped provinces (computed once per process; callers get a copy). */
export function buildProvinces(): Feature<Areal, ProvinceProps>[] {
  if (!provinceCache) {
    const box = bboxPolygon(BASEMAP_BBOX);
    provinceCache = PROVINCES.map((p) => buildProvince(p, box));
  }
  return structuredClone(provinceCache);
}

// ---------------------------------------------------------------------------------------------
// Basemap
// ---------------------------------------------------------------------------------------------

function authoredFeature(f: BasemapFeatureInput): BasemapFeature {
  const props = {
    id: f.id,
    name_zh: f.name_zh,
    name_en: f.name_en,
    ref: f.ref,
    schematic: true as const,
    source: f.source,
  };
  if (f.kind === 'airport') {
    return {
      type: 'Feature',
      properties: { ...props, kind: 'airport' },
      geometry: { type: 'Point', coordinates: [roundCoord(f.coordinates[0]), roundCoord(f.coordinates[1])] },
    };
  }
  return {
    type: 'Feature',
    properties: { ...props, kind: f.kind },
    geometry: { type: 'LineString', coordinates: f.coordinates.map(([x, y]) => [roundCoord(x), roundCoord(y)]) },
  };
}

/**
 * The basemap: provinces first (drawn below), then rivers, expressways and airports in the
 * authored order. Pass `authored` (the parsed content of data/basemap.json) to build from other
 * data (tests); it is validated before the provinces are built.
 */
export function buildBasemap(authored: unknown = readAuthoredBasemap()): FeatureCollection<Geometry, BasemapFeature['properties']> {
  const items = parseAuthoredBasemap(authored);
  const features: BasemapFeature[] = [...buildProvinces(), ...items.map(authoredFeature)];
  return { type: 'FeatureCollection', features };
}
