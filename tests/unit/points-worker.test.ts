/**
 * The script loaded into MapLibre's workers (src/map/controller/points.worker.ts): it answers the
 * sites' tile URLs from the coordinates said on the points channel, and asks on the ask channel
 * for a set it did not hear (or was told is gone). Run here with Node's own BroadcastChannel,
 * standing in for a page that answers asks; the tiles are read back with @mapbox/vector-tile.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { tilesUrl } from '../../src/map/controller/site-tile-spec';
import type { PointsRef } from '../../src/map/controller/site-tile-spec';
import { POINTS_ASK_CHANNEL, POINTS_CHANNEL } from '../../src/lib/points-channel';
import type { PointsAsk, PointsMessage } from '../../src/lib/points-channel';

type Handler = (params: { url: string }, abort: AbortController) => Promise<{ data: unknown; etag?: string }>;
let handler: Handler | null = null;
const channel = new BroadcastChannel(POINTS_CHANNEL);
/** the page's side of the ask channel: what was asked, and the sets it shows (answered when asked) */
const asked: string[] = [];
const shown = new Map<string, Float64Array>();
const asks = new BroadcastChannel(POINTS_ASK_CHANNEL);
asks.onmessage = (e: MessageEvent<PointsAsk>) => {
  asked.push(e.data.ch);
  const coords = shown.get(e.data.ch);
  if (coords) channel.postMessage({ kind: 'points', ch: e.data.ch, coords } satisfies PointsMessage);
};

beforeAll(async () => {
  vi.stubGlobal('self', { addProtocol: (_name: string, h: Handler) => (handler = h) });
  await import('../../src/map/controller/points.worker');
});
afterAll(() => {
  channel.close();
  asks.close();
  vi.unstubAllGlobals();
});

const say = async (m: PointsMessage) => {
  channel.postMessage(m);
  // the worker's channel hears it on a later task
  await new Promise((r) => setTimeout(r, 20));
};

/** Sites of one tile at zoom 16 (every site its own feature): their set and index. */
async function tile(refs: PointsRef[]) {
  const url = tilesUrl(refs).replace('{z}/{x}/{y}', '16/54902/26784');
  const { data } = await handler!({ url }, new AbortController());
  const layer = new VectorTile(new PbfReader(new Uint8Array(data as ArrayBuffer))).layers.sites;
  return layer ? Array.from({ length: layer.length }, (_, k) => `${layer.feature(k).properties.set}:${layer.feature(k).properties.i}`) : [];
}

// two sites inside tile 16/54902/26784 (lon 121.5857–121.5912, lat 31.1987–31.2034), one far outside
const COORDS = Float64Array.from([121.588, 31.202, 121.589, 31.203, 121.2, 31.0]);

describe('the points script in MapLibre’s worker', () => {
  it('registered its protocol', () => expect(handler).toBeTypeOf('function'));

  it('cuts a tile from the coordinates heard on the channel, asking nothing', async () => {
    await say({ kind: 'points', ch: 'k1', coords: COORDS });
    expect(await tile([{ ch: 'k1', key: 'a', count: 3, idBase: 0, color: 0 }])).toEqual(['a:0', 'a:1']);
    expect(asked).toEqual([]);
  });

  it('gives each site the colour slot its set has in the URL', async () => {
    const url = tilesUrl([
      { ch: 'k1', key: 'a', count: 2, idBase: 0, color: 4 },
      { ch: 'k1', key: 'b', count: 1, idBase: 1_000_000, color: 1 },
    ]).replace('{z}/{x}/{y}', '16/54902/26784');
    const { data } = await handler!({ url }, new AbortController());
    const layer = new VectorTile(new PbfReader(new Uint8Array(data as ArrayBuffer))).layers.sites!;
    const got = Array.from({ length: layer.length }, (_, k) => layer.feature(k).properties).map((p) => `${p.set}:${p.i}:${p.c}`);
    expect(got.sort()).toEqual(['a:0:4', 'a:1:4', 'b:0:1']);
  });

  it('tags each tile with an ETag of its bytes: the same where a set adds no site to it, another where it does', async () => {
    const answer = (refs: PointsRef[]) => handler!({ url: tilesUrl(refs).replace('{z}/{x}/{y}', '16/54902/26784') }, new AbortController());
    const a = { ch: 'k1', key: 'a', count: 3, idBase: 0, color: 0 };
    const before = await answer([a]);
    // a second set whose one site is far from this tile: the tile's bytes, and so its ETag, are the same
    await say({ kind: 'points', ch: 'k-far', coords: Float64Array.from([121.2, 31.0]) });
    const far = await answer([a, { ch: 'k-far', key: 'f', count: 1, idBase: 1_000_000, color: 1 }]);
    expect(new Uint8Array(far.data as ArrayBuffer)).toEqual(new Uint8Array(before.data as ArrayBuffer));
    expect(far.etag).toBe(before.etag);
    // a set with a site in it: new bytes, a new ETag
    await say({ kind: 'points', ch: 'k-near', coords: Float64Array.from([121.5885, 31.2025]) });
    const near = await answer([a, { ch: 'k-near', key: 'n', count: 1, idBase: 1_000_000, color: 1 }]);
    expect(near.etag).toMatch(/^\d+-[0-9a-z]+$/);
    expect(near.etag).not.toBe(before.etag);
  });

  it('asks for a set it did not hear, once however many tiles wait, and cuts them when the page says it', async () => {
    shown.set('k-unheard', COORDS);
    const refs = [{ ch: 'k-unheard', key: 'b', count: 3, idBase: 0, color: 0 }];
    const [a, b] = await Promise.all([tile(refs), tile(refs)]);
    expect(a).toEqual(['b:0', 'b:1']);
    expect(b).toEqual(['b:0', 'b:1']);
    expect(asked).toEqual(['k-unheard']);
  });

  it('does not ask for a set said soon after its tile asked for it (a big message can arrive after the request)', async () => {
    asked.length = 0;
    const pending = tile([{ ch: 'k-late', key: 'late', count: 3, idBase: 0, color: 0 }]);
    await new Promise((r) => setTimeout(r, 50));
    channel.postMessage({ kind: 'points', ch: 'k-late', coords: COORDS } satisfies PointsMessage);
    expect(await pending).toEqual(['late:0', 'late:1']);
    // past the wait: still nothing asked
    await new Promise((r) => setTimeout(r, 400));
    expect(asked).toEqual([]);
  });

  it('keeps heard coordinates it used for the next index (a set added beside them); asks again once told a set is gone', async () => {
    asked.length = 0;
    await say({ kind: 'points', ch: 'k2', coords: Float64Array.from([121.5885, 31.2025]) });
    const both = [
      { ch: 'k1', key: 'a', count: 3, idBase: 0, color: 0 },
      { ch: 'k2', key: 'c', count: 1, idBase: 1_000_000, color: 0 },
    ];
    expect((await tile(both)).sort()).toEqual(['a:0', 'a:1', 'c:0']);
    expect(asked).toEqual([]);
    await say({ kind: 'drop', ch: 'k1' });
    shown.set('k1', Float64Array.from([121.588, 31.202]));
    // a new index (another id base) needs the set again: after the drop it is asked for
    expect(await tile([{ ch: 'k1', key: 'a', count: 1, idBase: 5, color: 0 }])).toEqual(['a:0']);
    expect(asked).toEqual(['k1']);
  });

  it('a set with fewer points than the URL says fails its tiles, with the set named', async () => {
    await say({ kind: 'points', ch: 'k-short', coords: COORDS.slice(0, 2) });
    await expect(tile([{ ch: 'k-short', key: 'short', count: 3, idBase: 0, color: 0 }])).rejects.toThrow(/point set short: 1 points, 3 expected/);
  });

  it('ignores what is not a points message (the set is asked for)', async () => {
    asked.length = 0;
    channel.postMessage({ kind: 'points', ch: 'k-odd', coords: [1, 2, 3, 4, 5, 6] });
    channel.postMessage('hello');
    await new Promise((r) => setTimeout(r, 20));
    shown.set('k-odd', COORDS);
    expect(await tile([{ ch: 'k-odd', key: 'd', count: 3, idBase: 0, color: 0 }])).toEqual(['d:0', 'd:1']);
    expect(asked).toEqual(['k-odd']);
  });

  it('a warm-up tile holds a site and clusters whose labels use every character a count label can have', async () => {
    const { data } = await handler!({ url: 'sitepoints://warm/12/3429/1673' }, new AbortController());
    const layer = new VectorTile(new PbfReader(new Uint8Array(data as ArrayBuffer))).layers.sites!;
    const feats = Array.from({ length: layer.length }, (_, k) => layer.feature(k).properties);
    expect(feats.filter((p) => p.set === 'warm')).toHaveLength(1);
    const labels = feats.filter((p) => p.cluster).map((p) => String(p.point_count_abbreviated));
    expect([...new Set(labels.join(''))].sort().join('')).toBe('.0123456789k');
  });

  it('gives up on a set no page says within 10 s, naming it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const pending = tile([{ ch: 'k-nobody', key: 'lost', count: 1, idBase: 0, color: 0 }]);
      const settled = expect(pending).rejects.toThrow(/point set lost: no page said it/);
      await vi.advanceTimersByTimeAsync(10_000);
      await settled;
    } finally {
      vi.useRealTimers();
    }
  });

  it('after giving up, a later tile of that set asks again', async () => {
    asked.length = 0;
    shown.set('k-nobody', COORDS);
    expect(await tile([{ ch: 'k-nobody', key: 'found', count: 3, idBase: 0, color: 0 }])).toEqual(['found:0', 'found:1']);
    expect(asked).toEqual(['k-nobody']);
  });
});
