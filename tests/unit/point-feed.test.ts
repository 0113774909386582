/**
 * Point sets on the map (src/map/controller/point-feed.ts): the feed's choice between handing the
 * sets to MapLibre's worker as a tiles URL naming their coordinates' keys on the points channel, and sending features in
 * chunks. (The URL and the tiles themselves: site-tiles.test.ts.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseTileUrl } from '../../src/map/controller/site-tile-spec';
import type { PointSet } from '../../src/map/controller/point-sets';
import { rememberHandoff } from '../../src/lib/points-channel';
import type { PointsMessage } from '../../src/lib/points-channel';
import { PointFeed } from '../../src/map/controller/point-feed';
import type { PointFeedTarget } from '../../src/map/controller/point-feed';

const set = (key: string, coords: number[], idBase = 0, color = 0): PointSet => ({
  key,
  coords: Float64Array.from(coords),
  count: coords.length / 2,
  idBase,
  color,
});

const TEMPLATE = 'sitepoints://tiles/{z}/{x}/{y}?source=user-sites';
/** The sets a tile request of the sites' source names now. */
const refsNow = (feed: PointFeed<'user-sites'>) => parseTileUrl(feed.tileRequest('sitepoints://tiles/3/6/3?source=user-sites')!)!.refs;

/** A target that records what the feed did. */
function recorder() {
  const log: [string, ...unknown[]][] = [];
  const on = new Set<string>();
  const idle: (() => void)[] = [];
  const shared: PointsMessage[] = [];
  const target: PointFeedTarget<'user-sites'> = {
    has: (s) => on.has(s),
    add: (s, d) => (on.add(s), void log.push(['add', s, d])),
    remove: (s) => (on.delete(s), void log.push(['remove', s])),
    setData: (s, d) => void log.push(['setData', s, d]),
    refresh: (s) => void log.push(['refresh', s]),
    append: (s, f) => void log.push(['append', s, f.length]),
    afterIdle: (fn) => void idle.push(fn),
    share: (m) => void shared.push(m),
  };
  return { log, target, idle, shared };
}

describe('the feed, where MapLibre’s workers took the script', () => {
  afterEach(() => vi.restoreAllMocks());

  it('adds the source with a template naming only the source; each tile request names every set by its key on the points channel; no features are built or appended', async () => {
    const { log, target } = recorder();
    const feed = new PointFeed(target, () => Promise.resolve());
    const a = set('a', [121.1, 31.1, 121.2, 31.2, 999, 999].slice(0, 4), 0, 1);
    feed.set('user-sites', [a]);
    expect(log).toEqual([]); // the way is chosen first
    await vi.waitFor(() => expect(log).toHaveLength(1));
    expect(feed.chosen).toBe('worker');
    expect(log[0]).toEqual(['add', 'user-sites', { tiles: TEMPLATE }]);
    const asked = feed.tileRequest('sitepoints://tiles/3/6/3?source=user-sites')!;
    expect(asked.startsWith('sitepoints://tiles/3/6/3?s=')).toBe(true);
    const refs = parseTileUrl(asked)!.refs;
    expect(refs.map((r) => [r.key, r.count, r.idBase, r.color])).toEqual([['a', 2, 0, 1]]);
    expect(refs[0]!.ch).toMatch(/^points:/);
    expect(log.some(([m]) => m === 'append')).toBe(false);
    // not a tile of a point-set source: left alone
    expect(feed.tileRequest('https://example.com/3/6/3.pbf')).toBeNull();
    expect(feed.tileRequest('sitepoints://warm/3/6/3')).toBeNull();
    // a source it never showed: empty tiles
    expect(parseTileUrl(feed.tileRequest('sitepoints://tiles/3/6/3?source=other')!)!.refs).toEqual([]);
  });

  it('a set made in the page: says exactly its points once under a new key, answers asks for it while shown, and says it is gone once the map is idle', async () => {
    const { log, target, idle, shared } = recorder();
    const feed = new PointFeed(target, () => Promise.resolve());
    // a set whose buffer is longer than its points (a view): only its points are said
    const a: PointSet = { key: 'a', coords: Float64Array.from([121.1, 31.1, 121.2, 31.2, 0, 0]), count: 2, idBase: 0, color: 0 };
    const b = set('b', [121.3, 31.3], 1_000_000);
    feed.set('user-sites', [a]);
    await vi.waitFor(() => expect(log).toHaveLength(1));
    const first = refsNow(feed);
    feed.set('user-sites', [a, b]);
    // the source stays; its tiles in view are reloaded, and ask for both sets
    expect(log.map(([m]) => m)).toEqual(['add', 'refresh']);
    const refs = refsNow(feed);
    expect(refs.map((r) => r.key)).toEqual(['a', 'b']);
    expect(refs[0]!.ch).not.toBe(refs[1]!.ch);
    // the first request named the same key for a
    expect(first[0]!.ch).toBe(refs[0]!.ch);
    expect(shared.map((m) => [m.kind, m.ch])).toEqual([
      ['points', refs[0]!.ch],
      ['points', refs[1]!.ch],
    ]);
    const said = shared[0] as Extract<PointsMessage, { kind: 'points' }>;
    expect([...said.coords]).toEqual([121.1, 31.1, 121.2, 31.2]);
    expect(said.coords.buffer.byteLength).toBe(32);
    expect([...feed.coordsFor(refs[0]!.ch)!]).toEqual([121.1, 31.1, 121.2, 31.2]);
    expect(feed.coordsFor('points:elsewhere')).toBeUndefined();
    feed.set('user-sites', [b]);
    expect(shared).toHaveLength(2);
    // no longer shown: no answer for it, but the workers hear it is gone only once the map has read what replaced it
    expect(feed.coordsFor(refs[0]!.ch)).toBeUndefined();
    idle.splice(0).forEach((fn) => fn());
    expect(shared.at(-1)).toEqual({ kind: 'drop', ch: refs[0]!.ch });
    // none shown: the source stays, its tiles reloaded empty
    feed.set('user-sites', []);
    expect(log.at(-1)).toEqual(['refresh', 'user-sites']);
    expect(refsNow(feed)).toEqual([]);
    expect(log.some(([m]) => m === 'remove')).toBe(false);
    idle.splice(0).forEach((fn) => fn());
    expect(shared.at(-1)).toEqual({ kind: 'drop', ch: refs[1]!.ch });
    expect(shared).toHaveLength(4);
  });

  it('a set the link worker said: its key goes into the URL, and the page says nothing but that it is gone', async () => {
    const { log, target, idle, shared } = recorder();
    const feed = new PointFeed(target, () => Promise.resolve());
    const a = set('a', [121.1, 31.1]);
    rememberHandoff(a.coords, 'points:w:7');
    feed.set('user-sites', [a]);
    await vi.waitFor(() => expect(log).toHaveLength(1));
    const [ref] = refsNow(feed);
    expect(ref!.ch).toBe('points:w:7');
    expect(shared).toEqual([]);
    expect([...feed.coordsFor('points:w:7')!]).toEqual([121.1, 31.1]);
    feed.set('user-sites', []);
    idle.splice(0).forEach((fn) => fn());
    expect(shared).toEqual([{ kind: 'drop', ch: 'points:w:7' }]);
  });

  it('standby puts the source on the map empty once the way is known, once; the first import then only reloads its tiles', async () => {
    const { log, target } = recorder();
    const feed = new PointFeed(target, () => Promise.resolve());
    // the way is not chosen yet: nothing to put there
    feed.standby('user-sites');
    expect(log).toEqual([]);
    expect(await feed.prepare()).toBe('worker');
    feed.standby('user-sites');
    feed.standby('user-sites');
    expect(log).toEqual([['add', 'user-sites', { tiles: TEMPLATE }]]);
    expect(refsNow(feed)).toEqual([]);
    feed.set('user-sites', [set('a', [121.1, 31.1], 0, 2)]);
    expect(log).toEqual([
      ['add', 'user-sites', { tiles: TEMPLATE }],
      ['refresh', 'user-sites'],
    ]);
    expect(refsNow(feed).map((r) => [r.key, r.count, r.color])).toEqual([['a', 1, 2]]);
  });

  it('standby does nothing in the chunks way (the source comes with its first set) nor once stopped', async () => {
    const chunks = recorder();
    const feed = new PointFeed(chunks.target, null);
    feed.standby('user-sites');
    expect(chunks.log).toEqual([]);
    const stopped = recorder();
    const other = new PointFeed(stopped.target, () => Promise.resolve());
    await other.prepare();
    other.stop();
    other.standby('user-sites');
    expect(stopped.log).toEqual([]);
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
