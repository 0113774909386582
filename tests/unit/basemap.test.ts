import { describe, it, expect } from 'vitest';
import {
  area,
  bbox,
  bboxClip,
  booleanPointInPolygon,
  distance,
  featureCollection,
  intersect,
  point,
  pointToLineDistance,
  pointToPolygonDistance,
  union,
} from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { BASEMAP_BBOX, BASEMAP_SOURCE, buildBasemap, readAuthoredBasemap } from '../../scripts/lib/basemap.ts';
import { buildDistricts } from '../../scripts/lib/districts.ts';

const basemap = buildBasemap();
type Props = { id: string; kind: string; schematic?: boolean; ref?: string | null; source?: string };
const props = (f: { properties: unknown }): Props => f.properties as Props;
const byId = new Map(basemap.features.map((f) => [props(f).id, f]));

function province(id: string): Feature<Polygon | MultiPolygon, Props> {
  const f = byId.get(id);
  if (!f || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) throw new Error(`no province ${id}`);
  return f as Feature<Polygon | MultiPolygon, Props>;
}

function line(id: string): Feature<LineString, Props> {
  const f = byId.get(id);
  if (!f || f.geometry.type !== 'LineString') throw new Error(`no line ${id}`);
  return f as Feature<LineString, Props>;
}

const km = (a: Position, b: Position): number => distance(a, b, { units: 'kilometers' });

/** A deep copy of data/basemap.json with one feature changed. */
function authoredWith(edit: (features: Record<string, unknown>[]) => void): unknown {
  const copy = structuredClone(readAuthoredBasemap()) as { features: Record<string, unknown>[] };
  edit(copy.features);
  return copy;
}

describe('basemap: provinces', () => {
  it('has 江苏省, 浙江省, 安徽省 and 江西省 as polygons with their properties', () => {
    const provinces = basemap.features.filter((f) => props(f).kind === 'province');
    expect(provinces.map((f) => f.properties)).toEqual([
      { id: 'jiangsu', kind: 'province', name_zh: '江苏省', name_en: 'Jiangsu' },
      { id: 'zhejiang', kind: 'province', name_zh: '浙江省', name_en: 'Zhejiang' },
      { id: 'anhui', kind: 'province', name_zh: '安徽省', name_en: 'Anhui' },
      { id: 'jiangxi', kind: 'province', name_zh: '江西省', name_en: 'Jiangxi' },
    ]);
    // provinces come first so they draw below the lines
    expect(basemap.features.slice(0, 4).map((f) => props(f).id)).toEqual(['jiangsu', 'zhejiang', 'anhui', 'jiangxi']);
  });

  it("is clipped to the map's limits (and reaches their edges, so the camera never shows where the land stops)", () => {
    expect(BASEMAP_BBOX).toEqual([117.5, 28.5, 124.5, 34.0]); // MAP_BOUNDS, MapLibre's maxBounds
    const [w, s, e, n] = BASEMAP_BBOX;
    const eps = 1e-9;
    for (const id of ['jiangsu', 'zhejiang', 'anhui', 'jiangxi']) {
      const [x0, y0, x1, y1] = bbox(province(id));
      expect(x0).toBeGreaterThanOrEqual(w! - eps);
      expect(y0).toBeGreaterThanOrEqual(s! - eps);
      expect(x1).toBeLessThanOrEqual(e! + eps);
      expect(y1).toBeLessThanOrEqual(n! + eps);
    }
    expect(bbox(province('jiangsu'))[3]).toBeCloseTo(n!, 5); // 盐城/淮安 reach past 34.0°N
    expect(bbox(province('zhejiang'))[1]).toBeCloseTo(s!, 5); // 台州/丽水 reach south of 28.5°N
    expect(bbox(province('anhui'))[0]).toBeCloseTo(w!, 5); // 合肥/安庆 reach past 117.5°E
    expect(bbox(province('jiangxi'))[0]).toBeCloseTo(w!, 5); // 景德镇/上饶 reach past 117.5°E
  });

  it('puts known places in the right province', () => {
    const where = (lon: number, lat: number): string[] =>
      ['jiangsu', 'zhejiang', 'anhui', 'jiangxi'].filter((id) => booleanPointInPolygon(point([lon, lat]), province(id)));
    expect(where(120.585, 31.299)).toEqual(['jiangsu']); // 苏州
    expect(where(119.412, 32.394)).toEqual(['jiangsu']); // 扬州
    expect(where(120.755, 30.746)).toEqual(['zhejiang']); // 嘉兴
    expect(where(120.155, 30.274)).toEqual(['zhejiang']); // 杭州
    expect(where(121.55, 29.875)).toEqual(['zhejiang']); // 宁波
    expect(where(119.417, 30.893)).toEqual(['anhui']); // 广德 (宣城)
    expect(where(118.797, 32.06)).toEqual(['jiangsu']); // 南京
    expect(where(118.378, 31.326)).toEqual(['anhui']); // 芜湖
    expect(where(117.9, 28.45)).toEqual([]); // south of the limits (上饶's 广丰 lies beyond them)
    expect(where(121.4737, 31.2304)).toEqual([]); // 人民广场
  });

  it('is converted to WGS-84: it meets the (converted) Shanghai districts without a GCJ-02 shift', () => {
    const shanghai = union(featureCollection(buildDistricts().features));
    if (!shanghai) throw new Error('no Shanghai outline');
    // South of 31.5°N: the north of 崇明岛 holds Jiangsu enclaves (海永, 启隆) that the ECharts
    // Shanghai file also covers, a genuine overlap of about 60 km² in the sources.
    const mainland = bboxClip(shanghai, [120, 30, 123, 31.5]) as Feature<Polygon | MultiPolygon>;
    const overlapKm2 = (f: Feature<Polygon | MultiPolygon>): number => {
      const x = intersect(featureCollection([f, mainland]));
      return x ? area(x) / 1e6 : 0;
    };
    // The GCJ-02 offset here is about +0.0042° lon, −0.0022° lat (≈ +400 m east, −240 m north).
    const shiftToGcj = (f: Feature<Polygon | MultiPolygon>): Feature<Polygon | MultiPolygon> => {
      const copy = structuredClone(f);
      const move = (c: unknown): unknown =>
        typeof (c as number[])[0] === 'number' ? [(c as number[])[0]! + 0.0042, (c as number[])[1]! - 0.0022] : (c as unknown[]).map(move);
      copy.geometry.coordinates = move(copy.geometry.coordinates) as typeof copy.geometry.coordinates;
      return copy;
    };
    for (const id of ['jiangsu', 'zhejiang']) {
      const p = province(id);
      expect(overlapKm2(p), id).toBeLessThan(10); // measured: 5.7 (jiangsu), 4.0 (zhejiang)
      // control: the same outline left in GCJ-02 overlaps Shanghai far more (measured 18–35 km²)
      expect(overlapKm2(shiftToGcj(p)), `${id} shifted`).toBeGreaterThan(15);
    }
  });

  it('keeps 4 decimals and closed rings, and stays small', () => {
    for (const id of ['jiangsu', 'zhejiang', 'anhui', 'jiangxi']) {
      const g = province(id).geometry;
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      for (const ring of polys.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const [x, y] of ring) {
          expect(Math.round(x! * 1e4) / 1e4).toBe(x);
          expect(Math.round(y! * 1e4) / 1e4).toBe(y);
        }
      }
    }
    expect(JSON.stringify(basemap).length).toBeLessThan(150_000);
  });

  it('names its source', () => {
    expect(BASEMAP_SOURCE.provinces).toMatchObject({
      package: 'echarts',
      version: '4.9.0',
      license: 'Apache-2.0',
      files: ['map/json/province/jiangsu.json', 'map/json/province/zhejiang.json', 'map/json/province/anhui.json', 'map/json/province/jiangxi.json'],
    });
  });
});

describe('basemap: schematic lines and airports', () => {
  it('has the authored features in order', () => {
    expect(basemap.features.slice(4).map((f) => [props(f).id, props(f).kind, props(f).ref])).toEqual([
      ['huangpu', 'river', null],
      ['g60', 'expressway', 'G60'],
      ['s20', 'expressway', 'S20'],
      ['s1', 'expressway', 'S1'],
      ['pvg', 'airport', null],
      ['sha', 'airport', null],
    ]);
  });

  it('marks every line (and point) schematic with an estimate source', () => {
    const lines = basemap.features.filter((f) => f.geometry.type === 'LineString');
    expect(lines).toHaveLength(4);
    for (const f of lines) {
      expect(props(f).schematic, props(f).id).toBe(true);
      expect(props(f).source).toBe('estimated waypoints (project reference notes)');
    }
    for (const id of ['pvg', 'sha']) {
      expect(props(byId.get(id)!).source).toBe('approximate airport reference point');
    }
  });

  it('runs the Huangpu from the 淀山湖 outflow to 吴淞口 through the Bund', () => {
    const c = line('huangpu').geometry.coordinates;
    expect(km(c[0]!, [120.97, 31.12])).toBeLessThan(1); // 淀山湖 outflow
    expect(km(c[c.length - 1]!, [121.51, 31.39])).toBeLessThan(1); // 吴淞口
    expect(pointToLineDistance([121.492, 31.24], line('huangpu'), { units: 'kilometers' })).toBeLessThan(0.1);
  });

  it('closes the S20 ring and starts S1 on it', () => {
    const ring = line('s20').geometry.coordinates;
    expect(ring.length).toBeGreaterThanOrEqual(11);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const s1 = line('s1').geometry.coordinates;
    expect(pointToLineDistance(s1[0]!, line('s20'), { units: 'kilometers' })).toBeLessThan(0.05);
    expect(km(s1[s1.length - 1]!, (byId.get('pvg')!.geometry as Point).coordinates)).toBeLessThan(2);
  });

  it('runs G60 from 莘庄 to the Zhejiang border', () => {
    const c = line('g60').geometry.coordinates;
    expect(km(c[0]!, [121.381, 31.113])).toBeLessThan(1);
    const end = c[c.length - 1]!;
    expect(km(end, [120.95, 30.88])).toBeLessThan(1);
    // 枫泾 lies in Shanghai; the reference's border point lies just inside Zhejiang (measured ≈4 km)
    const zj = province('zhejiang');
    expect(booleanPointInPolygon(c[c.length - 2]!, zj)).toBe(false);
    expect(booleanPointInPolygon(end, zj)).toBe(true);
    expect(pointToPolygonDistance(end, zj, { units: 'kilometers' })).toBeGreaterThan(-5);
  });

  it('uses [lon, lat] inside the bbox for every authored position', () => {
    for (const f of basemap.features.slice(4)) {
      const g = f.geometry as LineString | Point;
      const positions = g.type === 'Point' ? [g.coordinates] : g.coordinates;
      for (const [x, y] of positions) {
        expect(x).toBeGreaterThan(120.8);
        expect(x).toBeLessThan(122);
        expect(y).toBeGreaterThan(30.6);
        expect(y).toBeLessThan(31.9);
      }
    }
  });
});

describe('basemap: authored file validation', () => {
  it('names the feature whose position is outside the bbox (e.g. lat/lon swapped)', () => {
    const broken = authoredWith((fs) => {
      (fs[1]!.coordinates as number[][])[2] = [31.04, 121.22];
    });
    expect(() => buildBasemap(broken)).toThrow(/feature "g60".*position 2 .*outside the basemap bbox/);
  });

  it('names the index of a feature without an id', () => {
    const broken = authoredWith((fs) => {
      delete fs[3]!.id;
    });
    expect(() => buildBasemap(broken)).toThrow(/feature #3 \(no id\): id: /);
  });

  it('rejects an open S20 marked closed, a line not marked schematic and duplicate ids', () => {
    expect(() => buildBasemap(authoredWith((fs) => (fs[2]!.coordinates as unknown[]).pop()))).toThrow(/feature "s20".*closed: true but/);
    expect(() => buildBasemap(authoredWith((fs) => (fs[0]!.schematic = false)))).toThrow(/feature "huangpu".*schematic/);
    expect(() => buildBasemap(authoredWith((fs) => (fs[5]!.id = 'pvg')))).toThrow(/feature "pvg" \(#5\): duplicate id/);
    expect(() => buildBasemap(authoredWith((fs) => (fs[4]!.kind = 'port')))).toThrow(/feature "pvg" \(#4\): kind/);
  });
});
