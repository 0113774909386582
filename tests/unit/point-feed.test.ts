/**
 * Point sets on the map (src/map/controller/point-sets.ts, point-feed.ts): the URL that hands a
 * set's coordinates to MapLibre's worker and back, the features the worker builds from them, and
 * the feed's choice between that and sending features in chunks.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { featuresOfBuffers, isPointsUrl, parsePointsUrl, pointsUrl } from '../../src/map/controller/point-sets';
import type { PointSet } from '../../src/map/controller/point-sets';
import { PointFeed } from '../../src/map/controller/point-feed';
import type { PointFeedTarget } from '../../src/map/controller/point-feed';

const set = (key: string, coords: number[], idBase = 0): PointSet => ({ key, coords: Float64Array.from(coords), count: coords.length / 2, idBase });

describe('point-set URLs', () => {
  it('name each set’s blob, key, count and id base, and read back the same', () => {
    const refs = [
      { url: 'blob:http://127.0.0.1:4173/0f8e', key: 'sites-1', count: 3, idBase: 0 },
      { url: 'blob:http://127.0.0.1:4173/77aa', key: '名单 "a"/b?c#d', count: 1, idBase: 1_000_000 },
    ];
    const url = pointsUrl(refs);
    expect(url.startsWith('sitepoints://sets/')).toBe(true);
    expect(url).not.toMatch(/[\s"#?]/);
    expect(isPointsUrl(url)).toBe(true);
    expect(parsePointsUrl(url)).toEqual(refs);
  });

  it('refuse what is not one: another scheme, bad JSON, a non-blob URL, a negative or fractional count', () => {
    expect(isPointsUrl('https://example.com/x.geojson')).toBe(false);
    expect(isPointsUrl(undefined)).toBe(false);
    expect(parsePointsUrl('https://example.com/x')).toBeNull();
    expect(parsePointsUrl('sitepoints://sets/%7Bnot-json')).toBeNull();
    expect(parsePointsUrl('sitepoints://sets/' + encodeURIComponent('[["https://x/y","a",1,0]]'))).toBeNull();
    expect(parsePointsUrl('sitepoints://sets/' + encodeURIComponent('[["blob:x","a",-1,0]]'))).toBeNull();
    expect(parsePointsUrl('sitepoints://sets/' + encodeURIComponent('[["blob:x","a",1.5,0]]'))).toBeNull();
    expect(parsePointsUrl('sitepoints://sets/' + encodeURIComponent('{"a":1}'))).toBeNull();
  });

  it('the worker’s features: one Point per site, id = id base + index, properties set and index, sets in order', () => {
    const refs = [
      { url: 'blob:a', key: 'a', count: 2, idBase: 0 },
      { url: 'blob:b', key: 'b', count: 1, idBase: 1_000_000 },
    ];
    const fc = featuresOfBuffers(refs, [Float64Array.from([121.1, 31.1, 121.2, 31.2]).buffer, Float64Array.from([121.3, 31.3]).buffer]);
    expect(fc).toEqual({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 0, geometry: { type: 'Point', coordinates: [121.1, 31.1] }, properties: { set: 'a', i: 0 } },
        { type: 'Feature', id: 1, geometry: { type: 'Point', coordinates: [121.2, 31.2] }, properties: { set: 'a', i: 1 } },
        { type: 'Feature', id: 1_000_000, geometry: { type: 'Point', coordinates: [121.3, 31.3] }, properties: { set: 'b', i: 0 } },
      ],
    });
    // a blob shorter than its count says is an error, not a short set
    expect(() => featuresOfBuffers([{ url: 'blob:a', key: 'a', count: 3, idBase: 0 }], [Float64Array.from([1, 2]).buffer])).toThrow(/1 points, 3 expected/);
  });
});

/** A target that records what the feed did. */
function recorder() {
  const log: [string, ...unknown[]][] = [];
  const on = new Set<string>();
  const idle: (() => void)[] = [];
  const target: PointFeedTarget<'user-sites'> = {
    has: (s) => on.has(s),
    add: (s, d) => (on.add(s), void log.push(['add', s, d])),
    remove: (s) => (on.delete(s), void log.push(['remove', s])),
    setData: (s, d) => void log.push(['setData', s, d]),
    append: (s, f) => void log.push(['append', s, f.length]),
    afterIdle: (fn) => void idle.push(fn),
  };
  return { log, target, idle };
}

describe('the feed, where MapLibre’s workers took the script', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hands each set over as a blob of its coordinates named by one URL; no features are built or appended', async () => {
    const { log, target } = recorder();
    const feed = new PointFeed(target, () => Promise.resolve());
    const a = set('a', [121.1, 31.1, 121.2, 31.2, 999, 999].slice(0, 4));
    feed.set('user-sites', [a]);
    expect(log).toEqual([]); // the way is chosen first
    await vi.waitFor(() => expect(log).toHaveLength(1));
    expect(feed.chosen).toBe('worker');
    const [op, source, data] = log[0]!;
    expect([op, source]).toEqual(['add', 'user-sites']);
    const refs = parsePointsUrl(data as string)!;
    expect(refs.map((r) => [r.key, r.count, r.idBase])).toEqual([['a', 2, 0]]);
    const blobUrl = refs[0]!.url;
    expect(blobUrl.startsWith('blob:')).toBe(true);
    expect(log.some(([m]) => m === 'append')).toBe(false);
  });

  it('a second set adds a blob, keeps the first; a removed set’s blob is revoked only after the map is idle', async () => {
    const { log, target, idle } = recorder();
    const revoked: string[] = [];
    const revoke = URL.revokeObjectURL.bind(URL);
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((u) => (revoked.push(u), revoke(u)));
    const feed = new PointFeed(target, () => Promise.resolve());
    const a = set('a', [121.1, 31.1]);
    const b = set('b', [121.3, 31.3], 1_000_000);
    feed.set('user-sites', [a]);
    await vi.waitFor(() => expect(log).toHaveLength(1));
    feed.set('user-sites', [a, b]);
    const refs = parsePointsUrl(log[1]![2] as string)!;
    expect(log[1]![0]).toBe('setData');
    expect(refs.map((r) => r.key)).toEqual(['a', 'b']);
    expect(refs[0]!.url).toBe(parsePointsUrl(log[0]![2] as string)![0]!.url);
    feed.set('user-sites', [b]);
    expect(revoked).toEqual([]);
    idle.splice(0).forEach((fn) => fn());
    expect(revoked).toEqual([refs[0]!.url]);
    feed.set('user-sites', []);
    expect(log.at(-1)).toEqual(['remove', 'user-sites']);
    idle.splice(0).forEach((fn) => fn());
    expect(revoked).toEqual([refs[0]!.url, refs[1]!.url]);
  });

  it('falls back to chunks when the script cannot load; while the way is chosen the latest call wins', async () => {
    const { log, target } = recorder();
    let fail!: () => void;
    const feed = new PointFeed(
      target,
      () => new Promise<void>((_, reject) => (fail = () => reject(new Error('no')))),
      (fn) => fn(),
    );
    feed.set('user-sites', [set('a', [121.1, 31.1])]);
    feed.set('user-sites', [set('b', [121.3, 31.3, 121.4, 31.4])]);
    fail();
    await vi.waitFor(() => expect(feed.chosen).toBe('chunks'));
    await vi.waitFor(() =>
      expect(log).toEqual([
        ['add', 'user-sites', { type: 'FeatureCollection', features: [] }],
        ['append', 'user-sites', 2],
      ]),
    );
  });
});
