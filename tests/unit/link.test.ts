import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { createLinker } from '../../src/geo/link';
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
