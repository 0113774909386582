/**
 * The sites' tiles (src/map/controller/site-tiles.ts, site-tile-spec.ts): which sites and clusters
 * a tile holds, where, with what counts and expansion zooms, read back from the encoded tile by an
 * independent reader (@mapbox/vector-tile, MapLibre's own); and the tiles URL.
 *
 * Expectations are worked out by hand from the grid: at zoom z a cell is 360 / (2^z · 8) degrees
 * of longitude wide (8 cells of 64 px per 512 px tile).
 */
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { abbreviateCount, buildSiteIndex, encodeSiteTile, tileEtag, tileFeatures } from '../../src/map/controller/site-tiles';
import type { IndexedSet } from '../../src/map/controller/site-tiles';
import { parseTileUrl, sourceTilesUrl, tileRequestUrl, tilesUrl } from '../../src/map/controller/site-tile-spec';

const set = (key: string, coords: number[], idBase = 0, color = 0): IndexedSet => ({
  key,
  coords: Float64Array.from(coords),
  count: coords.length / 2,
  idBase,
  color,
});

/** The tile decoded as MapLibre reads it: per feature its id, properties and lon/lat. */
function decode(sets: IndexedSet[], z: number, x: number, y: number) {
  const bytes = encodeSiteTile(tileFeatures(buildSiteIndex(sets), z, x, y));
  const layer = new VectorTile(new PbfReader(bytes)).layers.sites;
  if (!layer) return [];
  expect(layer.extent).toBe(4096);
  return Array.from({ length: layer.length }, (_, k) => {
    const f = layer.feature(k);
    const g = f.toGeoJSON(x, y, z).geometry as GeoJSON.Point;
    return { id: f.id, props: { ...f.properties }, lon: g.coordinates[0]!, lat: g.coordinates[1]! };
  });
}

/** The tile of zoom z holding lon/lat (slippy-map numbering). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}

describe('site tiles', () => {
  it('above the clustering zooms every site is its own feature: id = id base + index, its set, index and colour slot, where it is', () => {
    // all three well inside tile 15/27451/13391 (x .45–.49, y .80–.85 of the tile)
    const sets = [set('a', [121.5906, 31.205, 121.5911, 31.2045]), set('b', [121.5908, 31.2048], 1_000_000, 3)];
    const [x, y] = tileOf(121.5906, 31.205, 15);
    expect([x, y]).toEqual([27451, 13391]);
    const got = decode(sets, 15, x, y).sort((p, q) => Number(p.id) - Number(q.id));
    expect(got.map((f) => [f.id, f.props])).toEqual([
      [0, { set: 'a', i: 0, c: 0 }],
      [1, { set: 'a', i: 1, c: 0 }],
      [1_000_000, { set: 'b', i: 0, c: 3 }],
    ]);
    // 4096 units over a z15 tile: within ~0.3 m
    expect(got[0]!.lon).toBeCloseTo(121.5906, 5);
    expect(got[0]!.lat).toBeCloseTo(31.205, 5);
    expect(got[2]!.lon).toBeCloseTo(121.5908, 5);
  });

  it('at zoom 10 the sites of one 64 px cell are one cluster at their mean, with its count and the zoom it splits at; a lone site stays a site', () => {
    // z10 cells are 0.0439453125° wide; cell 6860 spans 121.46484375…121.50878906
    const sets = [set('a', [121.47, 31.23, 121.5, 31.23, 121.52, 31.23])];
    const [x, y] = tileOf(121.47, 31.23, 10);
    const got = decode(sets, 10, x, y);
    expect(got).toHaveLength(2);
    const cluster = got.find((f) => f.props.cluster === true)!;
    expect(cluster.props).toEqual({ cluster: true, point_count: 2, point_count_abbreviated: '2', expand: 11 });
    expect(cluster.id).toBeUndefined();
    expect(cluster.lon).toBeCloseTo(121.485, 3);
    expect(cluster.lat).toBeCloseTo(31.23, 3);
    const site = got.find((f) => f.props.cluster === undefined)!;
    expect(site.props).toEqual({ set: 'a', i: 2, c: 0 });
    // at 11 (cells 0.02197°) the two fall in cells 13720 and 13721: two sites
    const [x11, y11] = tileOf(121.47, 31.23, 11);
    expect(decode(sets, 11, x11, y11).filter((f) => f.props.cluster === true)).toEqual([]);
  });

  it('sites that never part (one place) stay one cluster up to zoom 14 and expand to 15, where they are drawn one by one', () => {
    const sets = [set('a', [121.4737, 31.2304, 121.4737, 31.2304, 121.4737, 31.2304])];
    const [x, y] = tileOf(121.4737, 31.2304, 14);
    expect(decode(sets, 14, x, y).map((f) => f.props)).toEqual([{ cluster: true, point_count: 3, point_count_abbreviated: '3', expand: 15 }]);
    const [x15, y15] = tileOf(121.4737, 31.2304, 15);
    expect(decode(sets, 15, x15, y15)).toHaveLength(3);
  });

  it('every site is in exactly one tile of a zoom: the four tiles of zoom 1 hold all, a site on the meridian included', () => {
    const coords = [0, 0, -0.000001, 10, 121.47, 31.23, -74, 40.7, 151.2, -33.9, 0, -45, 179.9, 85, -179.9, -85];
    const sets = [set('w', coords)];
    let total = 0;
    for (const [x, y] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ] as const)
      for (const f of decode(sets, 1, x, y)) total += f.props.cluster ? Number(f.props.point_count) : 1;
    expect(total).toBe(coords.length / 2);
    // lon 0 lat 0 lies on the corner of all four: it is in tile 1/1/1 only (x and y round down from 0.5 · 2)
    expect(decode([set('o', [0, 0])], 1, 1, 1)).toHaveLength(1);
    expect(decode([set('o', [0, 0])], 1, 0, 0)).toEqual([]);
    expect(decode([set('o', [0, 0])], 1, 0, 1)).toEqual([]);
  });

  it('every tile holds exactly the sites inside it, at every zoom (2,000 scattered sites against a count by hand)', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const coords: number[] = [];
    // most in a 0.3° box, some far out, some on one spot
    for (let k = 0; k < 1800; k++) coords.push(121.3 + rnd() * 0.3, 31.1 + rnd() * 0.3);
    for (let k = 0; k < 150; k++) coords.push(73 + rnd() * 60, 18 + rnd() * 35);
    for (let k = 0; k < 50; k++) coords.push(121.4737, 31.2304);
    const sets = [set('a', coords.slice(0, 2000)), set('b', coords.slice(2000), 1_000_000)];
    for (const z of [4, 9, 11, 13, 15, 16]) {
      const want = new Map<string, number>();
      for (let k = 0; k < coords.length; k += 2) {
        const key = tileOf(coords[k]!, coords[k + 1]!, z).join('/');
        want.set(key, (want.get(key) ?? 0) + 1);
      }
      // the busiest tiles of this zoom and their neighbours
      const tiles = [...want.keys()].slice(0, 12).flatMap((key) => {
        const [x, y] = key.split('/').map(Number) as [number, number];
        return [
          [x, y],
          [x + 1, y],
          [x, y - 1],
        ] as [number, number][];
      });
      for (const [x, y] of tiles) {
        const got = decode(sets, z, x, y).reduce((m, f) => m + (f.props.cluster ? Number(f.props.point_count) : 1), 0);
        expect(got, `${z}/${x}/${y}`).toBe(want.get(`${x}/${y}`) ?? 0);
      }
    }
  });

  it('whole grid cells and single sites give the clusters a site-by-site count gives: counts, means, expansion zooms and lone sites, zooms 3–16', () => {
    // hot spots (many sites in one grid cell), a spread, sites on 64 px cell edges, and far ones:
    // grid cells that lie in one 64 px cell are taken whole, the others site by site
    let seed = 29;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const coords: number[] = [];
    for (let k = 0; k < 6000; k++) coords.push(121.0 + rnd() * 0.9, 30.8 + rnd() * 0.9);
    for (let k = 0; k < 3000; k++) coords.push(121.47 + rnd() * 0.002, 31.23 + rnd() * 0.002);
    for (let k = 0; k < 200; k++) coords.push(121.9 + rnd() * 0.01, 31.0 + rnd() * 0.01);
    // tall and thin, and wide and flat, alone: where they part is set by one side of their box
    for (let k = 0; k < 200; k++) coords.push(121.05 + rnd() * 0.000001, 30.7 + rnd() * 0.008);
    for (let k = 0; k < 200; k++) coords.push(121.95 + rnd() * 0.008, 30.75 + rnd() * 0.000001);
    // on the edge of z7…z10 cells (lon 121.640625 = 128 · 8 cells of 0.3515625°)
    for (let k = 0; k < 300; k++) coords.push(121.640625 + (k % 2 ? 1 : -1) * rnd() * 0.0004, 31.1 + rnd() * 0.2);
    // with sites far off, the grid's cells are far bigger than the tiles' 64 px cells: site by site
    const far: number[] = [];
    for (let k = 0; k < 40; k++) far.push(100 + rnd() * 20, 20 + rnd() * 15);
    for (const all of [coords, [...coords, ...far]]) checkAgainstHand(all);
  });

  /** Every cluster and lone site of the busiest tiles of each zoom, against a count by hand. */
  function checkAgainstHand(coords: number[]) {
    const sets = [set('a', coords.slice(0, 12000)), set('b', coords.slice(12000), 1_000_000, 2)];
    const index = buildSiteIndex(sets);
    // by hand: Mercator of each site, its 64 px cell at zoom z (8 cells per 512 px tile), the cells' counts, sums and boxes
    const merc = (lon: number, lat: number): [number, number] => {
      const r = (lat * Math.PI) / 180;
      return [lon / 360 + 0.5, 0.5 - Math.log(Math.tan(Math.PI / 4 + r / 2)) / (2 * Math.PI)];
    };
    const pts = Array.from({ length: coords.length / 2 }, (_, k) => merc(coords[2 * k]!, coords[2 * k + 1]!));
    for (const z of [3, 5, 7, 8, 9, 10, 11, 12, 13, 14, 16]) {
      const n = 2 ** z;
      const want = new Map<string, { count: number; sx: number; sy: number; box: number[]; k: number }>();
      pts.forEach(([x, y], k) => {
        const cell = z > 14 ? `${k}` : `${Math.floor(x * n * 8)}/${Math.floor(y * n * 8)}`;
        const w = want.get(cell) ?? { count: 0, sx: 0, sy: 0, box: [Infinity, Infinity, -Infinity, -Infinity], k };
        w.count++;
        w.sx += x;
        w.sy += y;
        w.box = [Math.min(w.box[0]!, x), Math.min(w.box[1]!, y), Math.max(w.box[2]!, x), Math.max(w.box[3]!, y)];
        want.set(cell, w);
      });
      // the tiles of the busiest cells
      const tiles = new Set<string>();
      for (const w of want.values()) tiles.add(`${Math.floor(pts[w.k]![0] * n)}/${Math.floor(pts[w.k]![1] * n)}`);
      for (const t of [...tiles].slice(0, 40)) {
        const [tx, ty] = t.split('/').map(Number) as [number, number];
        const got = tileFeatures(index, z, tx, ty);
        const expected = [...want.values()].filter((w) => Math.floor(pts[w.k]![0] * n) === tx && Math.floor(pts[w.k]![1] * n) === ty);
        expect(got.length, `${z}/${t}`).toBe(expected.length);
        for (const w of expected) {
          const ex = ((w.sx / w.count) * n - tx) * 4096;
          const ey = ((w.sy / w.count) * n - ty) * 4096;
          const f = got.find((g) => Math.abs(g.x - ex) <= 1 && Math.abs(g.y - ey) <= 1 && (g.kind === 'cluster' ? g.count : 1) === w.count);
          expect(f, `${z}/${t}: ${w.count} at ${ex.toFixed(1)}, ${ey.toFixed(1)}`).toBeDefined();
          if (w.count === 1) expect(f).toMatchObject({ kind: 'site', i: w.k < 6000 ? w.k : w.k - 6000 });
          else {
            // the first zoom where the box's corners fall in two cells (15: never, up to 14)
            let expand = 15;
            for (let zz = z + 1; zz <= 14 && expand === 15; zz++) {
              const m = 8 * 2 ** zz;
              if (Math.floor(w.box[0]! * m) !== Math.floor(w.box[2]! * m) || Math.floor(w.box[1]! * m) !== Math.floor(w.box[3]! * m)) expand = zz;
            }
            expect(f).toMatchObject({ kind: 'cluster', count: w.count, expand });
          }
        }
      }
    }
  }

  it('a tile’s ETag is its length and a hash of its bytes: equal bytes, equal tags; one byte changed, moved or added, another', () => {
    const bytes = encodeSiteTile(tileFeatures(buildSiteIndex([set('a', [121.47, 31.23, 121.5, 31.23, 121.52, 31.23])]), 10, 857, 418));
    expect(bytes.length).toBeGreaterThan(20);
    expect(tileEtag(bytes.slice())).toBe(tileEtag(bytes));
    expect(tileEtag(bytes).startsWith(`${bytes.length}-`)).toBe(true);
    const tags = new Set<string>([tileEtag(bytes)]);
    for (let k = 0; k < bytes.length; k++) {
      const changed = bytes.slice();
      changed[k] = changed[k]! ^ 1;
      tags.add(tileEtag(changed));
    }
    const swapped = bytes.slice();
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    if (swapped[3] !== swapped[4]) tags.add(tileEtag(swapped));
    tags.add(tileEtag(Uint8Array.from([...bytes, 0])));
    tags.add(tileEtag(new Uint8Array(0)));
    expect(tags.size).toBe(bytes.length + (swapped[3] !== swapped[4] ? 4 : 3));
  });

  it('a tile without sites is empty; counts are abbreviated as on MapLibre’s clusters', () => {
    expect(decode([set('a', [121.47, 31.23])], 10, 0, 0)).toEqual([]);
    expect([999, 1000, 1250, 9949, 10_000, 15_499].map(abbreviateCount)).toEqual(['999', '1k', '1.3k', '9.9k', '10k', '15k']);
  });

  it('a big cluster: 5,000 sites in one cell, counted exactly', () => {
    const coords: number[] = [];
    for (let k = 0; k < 5000; k++) coords.push(121.47 + (k % 100) * 0.0001, 31.23 + Math.floor(k / 100) * 0.0001);
    const [x, y] = tileOf(121.47, 31.23, 9);
    const got = decode([set('a', coords)], 9, x, y);
    expect(got.map((f) => [f.props.point_count, f.props.point_count_abbreviated])).toEqual([[5000, '5k']]);
  });
});

describe('site tile URLs', () => {
  const refs = [
    { ch: 'points:x1:1', key: 'sites-1', count: 3, idBase: 0, color: 0 },
    { ch: 'points:a&b=c:2', key: '名单 "a"/b?c#d{z}', count: 1, idBase: 1_000_000, color: 5 },
  ];

  it('name each set’s key on the points channel, its key, count, id base and colour slot; MapLibre’s {z}/{x}/{y} are the only braces; read back the same', () => {
    const url = tilesUrl(refs);
    expect(url.startsWith('sitepoints://tiles/{z}/{x}/{y}?s=')).toBe(true);
    expect(url.match(/[{}]/g)).toHaveLength(6);
    const filled = url.replace('{z}', '12').replace('{x}', '3428').replace('{y}', '1673');
    const t = parseTileUrl(filled)!;
    expect([t.z, t.x, t.y]).toEqual([12, 3428, 1673]);
    expect(t.refs).toEqual(refs);
    // the same sets, the same index key, whatever the tile
    expect(parseTileUrl(url.replace('{z}/{x}/{y}', '0/0/0'))!.sets).toBe(t.sets);
  });

  it('refuse what is not one: another scheme, a tile off the grid, bad JSON, a missing or empty key, a negative or fractional count, a bad colour slot', () => {
    const q = (rows: string) => `sitepoints://tiles/1/0/0?s=${encodeURIComponent(rows)}`;
    expect(parseTileUrl('https://example.com/1/0/0?s=[]')).toBeNull();
    expect(parseTileUrl(tilesUrl(refs).replace('{z}/{x}/{y}', '1/2/0'))).toBeNull();
    expect(parseTileUrl('sitepoints://tiles/1/0/0?s=%7Bnot-json')).toBeNull();
    expect(parseTileUrl(q('[[7,"a",1,0,0]]'))).toBeNull();
    expect(parseTileUrl(q('[["","a",1,0,0]]'))).toBeNull();
    expect(parseTileUrl(q('[["k","a",-1,0,0]]'))).toBeNull();
    expect(parseTileUrl(q('[["k","a",1.5,0,0]]'))).toBeNull();
    expect(parseTileUrl(q('[["k","a",1,0]]'))).toBeNull();
    expect(parseTileUrl(q('[["k","a",1,0,"x"]]'))).toBeNull();
    expect(parseTileUrl(q('[["k","a",1,0,-1]]'))).toBeNull();
    expect(parseTileUrl(q('[["k","a",1,0,256]]'))).toBeNull();
    expect(parseTileUrl(q('[["k","a",1,0,0,0]]'))).toBeNull();
    expect(parseTileUrl(q('{"a":1}'))).toBeNull();
    expect(parseTileUrl(q('[["k","a",1,0,2]]'))!.refs).toEqual([{ ch: 'k', key: 'a', count: 1, idBase: 0, color: 2 }]);
  });

  it('a source is added with a template naming only the source; each tile request gets the sets it shows then, filled for its tile', () => {
    expect(sourceTilesUrl('user-sites')).toBe('sitepoints://tiles/{z}/{x}/{y}?source=user-sites');
    const shown = new Map([['user-sites', tilesUrl(refs)]]);
    const asked = sourceTilesUrl('user-sites').replace('{z}', '12').replace('{x}', '3428').replace('{y}', '1673');
    const url = tileRequestUrl(asked, (s) => shown.get(s))!;
    expect(url).toBe(tilesUrl(refs).replace('{z}/{x}/{y}', '12/3428/1673'));
    expect(parseTileUrl(url)!.refs).toEqual(refs);
    // a source name that needs escaping
    const odd = sourceTilesUrl('a b&c');
    expect(odd).toBe('sitepoints://tiles/{z}/{x}/{y}?source=a%20b%26c');
    expect(tileRequestUrl(odd.replace('{z}/{x}/{y}', '1/0/0'), (s) => (s === 'a b&c' ? tilesUrl(refs.slice(0, 1)) : undefined))).toBe(
      tilesUrl(refs.slice(0, 1)).replace('{z}/{x}/{y}', '1/0/0'),
    );
    // no sets known for the source: empty tiles
    expect(parseTileUrl(tileRequestUrl('sitepoints://tiles/1/0/0?source=other', (s) => shown.get(s))!)!.refs).toEqual([]);
    // not such a request: null
    for (const other of [
      'sitepoints://tiles/1/0/0?s=%5B%5D',
      'sitepoints://warm/1/0/0',
      'https://example.com/1/0/0?source=user-sites',
      'sitepoints://tiles/1/0/0?source=%E0%A4%A',
    ])
      expect(
        tileRequestUrl(other, (s) => shown.get(s)),
        other,
      ).toBeNull();
  });

  it('with no sets name none, and every tile of it is empty', () => {
    const url = tilesUrl([]);
    const t = parseTileUrl(url.replace('{z}/{x}/{y}', '9/428/208'))!;
    expect(t.refs).toEqual([]);
    expect(tileFeatures(buildSiteIndex([]), t.z, t.x, t.y)).toEqual([]);
    expect(new VectorTile(new PbfReader(encodeSiteTile([]))).layers.sites?.length ?? 0).toBe(0);
  });
});
