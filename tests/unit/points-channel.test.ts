/**
 * The points channel (src/lib/points-channel.ts) and the link worker's handoff of a linked set
 * (src/workers/protocol.ts handOffSet): what is said on the channel, how the page finds the key a
 * set was said under, and how it answers a worker's ask. Heard with Node's own BroadcastChannel.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { answerAsks, handOffPoints, handoffOf, POINTS_ASK_CHANNEL, POINTS_CHANNEL, rememberHandoff } from '../../src/lib/points-channel';
import type { PointsMessage } from '../../src/lib/points-channel';
import { handOffSet } from '../../src/workers/protocol';
import { emptySiteSet } from '../../src/geo/sites';

const ear = new BroadcastChannel(POINTS_CHANNEL);
const heard: PointsMessage[] = [];
ear.onmessage = (e: MessageEvent<PointsMessage>) => void heard.push(e.data);
afterAll(() => ear.close());
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('the points channel', () => {
  it('says exactly the set’s points under a new key each time', async () => {
    const buffer = Float64Array.from([121.1, 31.1, 121.2, 31.2, 9, 9]);
    const a = handOffPoints(buffer, 2);
    const b = handOffPoints(buffer.subarray(0, 4), 2);
    await settle();
    expect(a).not.toBe(b);
    expect(heard.map((m) => m.ch)).toEqual([a, b]);
    for (const m of heard) {
      const said = m as Extract<PointsMessage, { kind: 'points' }>;
      expect([...said.coords]).toEqual([121.1, 31.1, 121.2, 31.2]);
      expect(said.coords.buffer.byteLength).toBe(32);
    }
  });

  it('finds the key by the very array it was remembered with', () => {
    const coords = Float64Array.from([1, 2]);
    rememberHandoff(coords, 'points:t:1');
    expect(handoffOf(coords)).toBe('points:t:1');
    expect(handoffOf(Float64Array.from([1, 2]))).toBeUndefined();
  });

  it('the link worker hands off a linked set with points, and nothing for an empty one', async () => {
    heard.length = 0;
    const empty = emptySiteSet({ id: 'e', fileName: 'e.csv', format: 'csv', crs: 'wgs84', encoding: 'utf-8', fingerprint: 'x' });
    expect(handOffSet(empty)).toBeUndefined();
    const set = { ...empty, count: 1, coords: Float64Array.from([121.5, 31.2]) };
    const ch = handOffSet(set)!;
    await settle();
    expect(heard).toHaveLength(1);
    expect(heard[0]).toEqual({ kind: 'points', ch, coords: Float64Array.from([121.5, 31.2]) });
  });

  it('the page answers an ask for a set it shows, and stays silent for one it does not, or once stopped', async () => {
    heard.length = 0;
    const stop = answerAsks((ch) => (ch === 'points:mine:1' ? Float64Array.from([121.4, 31.1]) : undefined));
    const worker = new BroadcastChannel(POINTS_ASK_CHANNEL);
    try {
      worker.postMessage({ kind: 'ask', ch: 'points:mine:1' });
      worker.postMessage({ kind: 'ask', ch: 'points:other:1' });
      worker.postMessage({ kind: 'what' });
      await settle();
      expect(heard).toEqual([{ kind: 'points', ch: 'points:mine:1', coords: Float64Array.from([121.4, 31.1]) }]);
      stop();
      worker.postMessage({ kind: 'ask', ch: 'points:mine:1' });
      await settle();
      expect(heard).toHaveLength(1);
    } finally {
      worker.close();
    }
  });
});
