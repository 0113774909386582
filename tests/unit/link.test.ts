import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { createLinker, isAreal } from '../../src/geo/link';
import { mulberry32 } from '../../src/lib/mulberry32';
import { readGeoJson } from '../fakes/geo-disk';
import { auditLinks, formatAudit } from '../../src/geo/audit';
import type { ZoneFeature, DistrictFeature } from '../../src/geo/types';
import type { ZoneProps } from '../../src/loaders/schemas';

const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const district = (name: string, g: Polygon): DistrictFeature => ({
  type: 'Feature',
  geometry: g,
  properties: { adcode: 310100, name_zh: name, name_en: name, label: [0, 0] },
});
const zone = (id: string, g: ZoneFeature['geometry'], links: ZoneProps['links']): ZoneFeature => ({
  type: 'Feature',
  geometry: g,
  properties: {
    id,
    kind: g.type === 'LineString' ? 'axis' : 'cluster',
    group: 'g',
    role: null,
    name_zh: id,
    name_en: id,
    sectors: [...new Set(links.map((l) => l.sector))],
    links,
    clause: '五（五）',
    schematic: true,
    scope: g.type === 'LineString' ? 'broad' : 'sector',
    derivation_zh: '测试',
    derivation_en: 'test',
    axis: null,
    area_km2: null,
    outline_of: null,
    label: [0, 0],
  },
});

const districts = [district('西区', box(0, 0, 5, 10)), district('东区', box(5, 0, 10, 10))];
const zones = [
  zone('a', box(1, 1, 6, 6), [{ sector: 'ai', node: 'ai', clause: '五（五）', phrase: '人工智能' }]),
  zone('b', box(4, 4, 9, 9), [
    { sector: 'ic', node: 'ic', clause: '五（五）', phrase: '集成电路' },
    { sector: 'ai', node: 'robots', clause: '五（五）', phrase: '智能机器人' },
  ]),
  zone(
    'axis',
    {
      type: 'LineString',
      coordinates: [
        [0, 0],
        [10, 10],
      ],
    },
    [{ sector: 'nev', node: 'nev', clause: '五（四）', phrase: '新能源' }],
  ),
  zone('empty', box(20, 20, 21, 21), [{ sector: 'materials', node: 'materials', clause: '五（四）', phrase: '新材料' }]),
];

describe('createLinker', () => {
  const linker = createLinker(districts, zones);

  it('finds the district and every containing areal zone (axes are not areas)', () => {
    expect(linker.districtOf(2, 2)).toBe('西区');
    expect(linker.districtOf(7, 2)).toBe('东区');
    expect(linker.districtOf(50, 50)).toBeNull();
    expect(linker.zonesAt(5.5, 5.5)).toEqual(['a', 'b']);
    expect(linker.zonesAt(0.5, 0.5)).toEqual([]);
  });

  it('merges explicit designations with inherited zone sectors, keeping provenance, sorted in 9+X order', () => {
    const r = linker.link(5.5, 5.5, [{ sector: 'digital', node: 'fintech', clause: '五（五）', phrase: '金融科技' }]);
    expect(r.sectors).toEqual(['ic', 'ai', 'digital']);
    expect(r.links.map((l) => `${l.via}:${l.zone ?? '-'}:${l.node}`)).toEqual(['designation:-:fintech', 'zone:a:ai', 'zone:b:ic', 'zone:b:robots']);
  });

  it('returns nothing for a point outside everything', () => {
    expect(linker.link(50, 50)).toEqual({ district: null, zones: [], sectors: [], links: [] });
  });

  it('links many points at once as columns: district index and zone set, on edges too', () => {
    // inside a; in a and b; on the shared district edge (first district wins); outside; a's corner
    const coords = Float64Array.of(2, 2, 5.5, 5.5, 5, 2, 50, 50, 1, 1, 9, 9);
    const out = linker.linkMany(coords);
    expect(linker.districtNames).toEqual(['西区', '东区']);
    expect([...out.district]).toEqual([0, 1, 0, -1, 0, 1]);
    expect([...out.zoneSet].map((z) => linker.zoneSets[z])).toEqual([['a'], ['a', 'b'], ['a'], [], ['a'], ['b']]);
    expect(linker.zoneSets[0]).toEqual([]);
  });

  it('fills given columns, and refuses columns too short for the points', () => {
    const out = { district: new Int32Array(3).fill(7), zoneSet: new Int32Array(3).fill(7) };
    expect(linker.linkMany(Float64Array.of(2, 2, 7, 2), out)).toBe(out);
    expect([...out.district]).toEqual([0, 1, 7]);
    expect(() => linker.linkMany(Float64Array.of(2, 2, 7, 2, 1, 1, 0, 0), out)).toThrow(RangeError);
  });
});

describe('createLinker on the real districts and zones', () => {
  const realDistricts = readGeoJson<{ features: DistrictFeature[] }>('districts.geojson').features;
  const realZones = readGeoJson<{ features: ZoneFeature[] }>('zones.geojson').features;
  const real = createLinker(realDistricts, realZones);
  const areal = realZones.filter(isAreal);

  it('answers as Turf on every district and every areal zone, per point and in columns (15,000 random points and every 3rd vertex)', () => {
    const r = mulberry32(5);
    const pts: number[] = [];
    for (let k = 0; k < 15_000; k++) pts.push(120.85 + r() * 1.2, 30.67 + r() * 1.2);
    for (const f of [...realDistricts, ...areal]) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : (f.geometry as MultiPolygon).coordinates;
      for (const rings of polys) for (const ring of rings) for (let k = 0; k < ring.length; k += 3) pts.push(ring[k]![0]!, ring[k]![1]!);
    }
    const coords = Float64Array.from(pts);
    const cols = real.linkMany(coords);
    let differ = 0;
    let inZone = 0;
    for (let i = 0; i < coords.length / 2; i++) {
      const p: [number, number] = [coords[2 * i]!, coords[2 * i + 1]!];
      const district = realDistricts.find((d) => booleanPointInPolygon(p, d.geometry))?.properties.name_zh ?? null;
      const zoneIds = areal.filter((z) => booleanPointInPolygon(p, z.geometry)).map((z) => z.properties.id);
      const want = `${district} | ${zoneIds.join(',')}`;
      const single = `${real.districtOf(p[0], p[1])} | ${real.zonesAt(p[0], p[1]).join(',')}`;
      const d = cols.district[i]!;
      const col = `${d < 0 ? null : real.districtNames[d]} | ${real.zoneSets[cols.zoneSet[i]!]!.join(',')}`;
      if (single !== want || col !== want) differ++;
      if (zoneIds.length) inZone++;
    }
    expect(differ).toBe(0);
    expect(inZone).toBeGreaterThan(500); // the sample reaches into the zones
  });

  it('returns a fresh zones array each time (callers may keep or change it)', () => {
    const [x, y] = [121.6, 31.2];
    const a = real.zonesAt(x, y);
    a.push('changed');
    expect(real.zonesAt(x, y)).not.toContain('changed');
  });
});

describe('auditLinks', () => {
  const linker = createLinker(districts, zones);
  const parks = [
    { id: 'in-a', designations: [{ sector: 'ai' as const, node: 'ai', clause: '五（五）', phrase: 'x' }], at: [2, 2] },
    { id: 'in-a-ic', designations: [{ sector: 'ic' as const, node: 'ic', clause: '五（五）', phrase: 'x' }], at: [2, 3] },
    { id: 'nowhere', designations: [], at: [9.5, 0.5] },
  ].map((p) => ({ id: p.id, designations: p.designations, linked: linker.link(p.at[0]!, p.at[1]!, p.designations) }));
  const audit = auditLinks(parks, zones);

  it('lists parks outside every zone, unsupported designations and empty zones', () => {
    expect(audit.parksOutsideZones).toEqual(['nowhere']);
    expect(audit.unsupported).toEqual([{ park: 'in-a-ic', sector: 'ic', node: 'ic', clause: '五（五）' }]);
    expect(audit.zonesWithoutParks).toEqual(['b', 'empty']);
    expect(formatAudit(audit)).toContain('in-a-ic: ic (ic, 五（五）)');
  });
});
