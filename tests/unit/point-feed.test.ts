/**
 * Point sets on the map (src/map/controller/point-feed.ts): the feed's choice between handing the
 * sets to MapLibre's worker as a tiles URL naming their coordinate blobs, and sending features in
 * chunks. (The URL and the tiles themselves: site-tiles.test.ts.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseTileUrl } from '../../src/map/controller/site-tile-spec';
import type { PointSet } from '../../src/map/controller/point-sets';
import { PointFeed } from '../../src/map/controller/point-feed';
import type { PointFeedTarget } from '../../src/map/controller/point-feed';

const set = (key: string, coords: number[], idBase = 0): PointSet => ({ key, coords: Float64Array.from(coords), count: coords.length / 2, idBase });

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

  it('hands each set over as a blob of its coordinates named by one tiles URL; no features are built or appended', async () => {
    const { log, target } = recorder();
    const feed = new PointFeed(target, () => Promise.resolve());
    const a = set('a', [121.1, 31.1, 121.2, 31.2, 999, 999].slice(0, 4));
    feed.set('user-sites', [a]);
    expect(log).toEqual([]); // the way is chosen first
    await vi.waitFor(() => expect(log).toHaveLength(1));
    expect(feed.chosen).toBe('worker');
    const [op, source, data] = log[0]!;
    expect([op, source]).toEqual(['add', 'user-sites']);
    const tiles = (data as { tiles: string }).tiles;
    expect(tiles.startsWith('sitepoints://tiles/{z}/{x}/{y}?s=')).toBe(true);
    const refs = parseTileUrl(tiles.replace('{z}/{x}/{y}', '3/6/3'))!.refs;
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
    const refsOf = (k: number) => parseTileUrl((log[k]![2] as { tiles: string }).tiles.replace('{z}/{x}/{y}', '0/0/0'))!.refs;
    const refs = refsOf(1);
    expect(log[1]![0]).toBe('setData');
    expect(refs.map((r) => r.key)).toEqual(['a', 'b']);
    expect(refs[0]!.url).toBe(refsOf(0)[0]!.url);
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
