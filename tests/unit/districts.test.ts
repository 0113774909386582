import { describe, it, expect } from 'vitest';
import { area, bbox, booleanClockwise, booleanPointInPolygon, point, polygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { buildDistricts, DISTRICTS_SOURCE, readEChartsShanghai } from '../../scripts/lib/districts.ts';
import { decodeEChartsGeoJSON } from '../../scripts/lib/echarts-decode.ts';

// Spherical areas (km², turf area) from /work/shared/reference/README.md.
const REFERENCE_AREA_KM2: Record<string, number> = {
  黄浦区: 20.5,
  徐汇区: 55.0,
  长宁区: 37.1,
  静安区: 37.0,
  普陀区: 55.8,
  虹口区: 23.7,
  杨浦区: 60.8,
  闵行区: 373.8,
  宝山区: 315.6,
  嘉定区: 463.7,
  浦东新区: 1701.9,
  金山区: 669.5,
  松江区: 608.2,
  青浦区: 669.5,
  奉贤区: 807.5,
  崇明区: 1579.3,
};

const districts = buildDistricts();
const byName = new Map(districts.features.map((f) => [f.properties.name_zh, f]));

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function districtsAt(lon: number, lat: number): string[] {
  const pt = point([lon, lat]);
  return districts.features.filter((f) => booleanPointInPolygon(pt, f)).map((f) => f.properties.name_zh);
}

/** Shift from a to b in metres (east, north), equirectangular approximation. */
function shiftMetres(a: Position, b: Position): { east: number; north: number } {
  const lat = ((a[1]! + b[1]!) / 2) * (Math.PI / 180);
  return {
    east: (b[0]! - a[0]!) * 111_320 * Math.cos(lat),
    north: (b[1]! - a[1]!) * 110_574,
  };
}

/** GCJ-02 → WGS-84 near Shanghai: ≈470 m west and ≈160 m north. */
function looksConverted(raw: Position, out: Position): boolean {
  const { east, north } = shiftMetres(raw, out);
  return Math.abs(east - -470) <= 150 && Math.abs(north - 160) <= 120;
}

describe('buildDistricts', () => {
  it('records its source', () => {
    expect(DISTRICTS_SOURCE).toMatchObject({
      package: 'echarts',
      version: '4.9.0',
      file: 'map/json/province/shanghai.json',
      license: 'Apache-2.0',
      crs_in: 'GCJ-02',
    });
    expect(DISTRICTS_SOURCE.converter).toMatch(/^gcoord \d+\.\d+\.\d+$/);
  });

  it('has 16 districts with unique adcodes, sorted, with names', () => {
    expect(districts.features).toHaveLength(16);
    const codes = districts.features.map((f) => f.properties.adcode);
    expect(new Set(codes).size).toBe(16);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    expect(byName.get('崇明区')?.properties.adcode).toBe(310151);
    expect(byName.get('浦东新区')?.properties.name_en).toBe('Pudong New Area');
    expect(byName.get('静安区')?.properties.name_en).toBe("Jing'an");
    expect(new Set(districts.features.map((f) => f.properties.name_zh))).toEqual(new Set(Object.keys(REFERENCE_AREA_KM2)));
    for (const f of districts.features) expect(f.properties.name_en).toMatch(/^[A-Z][A-Za-z' ]+$/);
  });

  it('has closed rings, 4-decimal coordinates and RFC 7946 winding', () => {
    for (const f of districts.features) {
      for (const poly of polygonsOf(f.geometry)) {
        poly.forEach((ring, i) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          for (const [x, y] of ring) {
            expect(Math.round(x! * 1e4) / 1e4).toBe(x);
            expect(Math.round(y! * 1e4) / 1e4).toBe(y);
          }
          // outer rings counter-clockwise, holes clockwise
          expect(booleanClockwise(ring)).toBe(i > 0);
        });
      }
    }
  });

  it('matches the reference areas within 2%', () => {
    for (const f of districts.features) {
      const ref = REFERENCE_AREA_KM2[f.properties.name_zh]!;
      const km2 = area(f) / 1e6;
      expect(Math.abs(km2 - ref) / ref, `${f.properties.name_zh}: ${km2.toFixed(1)} vs ${ref}`).toBeLessThan(0.02);
    }
  });

  it('lies within the expected extent', () => {
    const [w, s, e, n] = bbox(districts);
    expect(Math.abs(w - 120.85)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(e - 122.01)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(s - 30.68)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(n - 31.87)).toBeLessThanOrEqual(0.03);
  });

  it('keeps 长兴岛 and 横沙岛 as separate parts of 崇明区', () => {
    const chongming = byName.get('崇明区')!;
    expect(chongming.geometry.type).toBe('MultiPolygon');
    const parts = polygonsOf(chongming.geometry);
    const partAt = (lon: number, lat: number): number[] => parts.flatMap((p, i) => (booleanPointInPolygon(point([lon, lat]), polygon(p)) ? [i] : []));
    const changxing = partAt(121.74, 31.35);
    // The reference's 横沙岛 point (121.84, 31.30) lies ≈230 m off this coarse coastline (it is
    // outside in the raw GCJ-02 data too); 31°20′N 121°50′E is the island's middle.
    const hengsha = partAt(121.84, 31.33);
    const mainIsland = partAt(121.4, 31.62);
    expect(changxing).toHaveLength(1);
    expect(hengsha).toHaveLength(1);
    expect(mainIsland).toHaveLength(1);
    expect(new Set([changxing[0], hengsha[0], mainIsland[0]]).size).toBe(3);
    expect(districtsAt(121.74, 31.35)).toEqual(['崇明区']);
    expect(districtsAt(121.84, 31.33)).toEqual(['崇明区']);
  });

  it.each([
    ['人民广场', 121.4737, 31.2304, '黄浦区'],
    ['陆家嘴', 121.5064, 31.2347, '浦东新区'],
    ['徐家汇', 121.4375, 31.195, '徐汇区'],
    ['松江新城', 121.2292, 31.0153, '松江区'],
    ['滴水湖站', 121.9256, 30.9094, '浦东新区'],
  ])('puts %s in the right district', (_label, lon, lat, expected) => {
    expect(districtsAt(lon, lat)).toEqual([expected]);
  });

  it('shifts vertices ≈470 m west and ≈160 m north of the raw GCJ-02 data', () => {
    const raw = decodeEChartsGeoJSON(readEChartsShanghai());
    let checked = 0;
    for (const rf of raw.features) {
      const name = (rf.properties as { name: string }).name;
      const out = byName.get(name);
      expect(out, name).toBeDefined();
      const g = rf.geometry as Polygon | MultiPolygon;
      const rawParts = polygonsOf(g);
      const outParts = polygonsOf(out!.geometry);
      expect(outParts).toHaveLength(rawParts.length);
      rawParts.forEach((poly, p) => {
        // First vertex of each outer ring is preserved by the pipeline (rings closed before rewind).
        const rawV = poly[0]![0]!;
        const outV = outParts[p]![0]![0]!;
        const s = shiftMetres(rawV, outV);
        expect(looksConverted(rawV, outV), `${name}[${p}] east ${s.east.toFixed(0)} north ${s.north.toFixed(0)}`).toBe(true);
        // The same check on unconverted data must fail (guards against skipping conversion).
        expect(looksConverted(rawV, [Number(rawV[0]!.toFixed(6)), Number(rawV[1]!.toFixed(6))])).toBe(false);
        checked++;
      });
    }
    expect(checked).toBe(23);
  });
});
