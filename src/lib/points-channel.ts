/**
 * The points channel: how an import's coordinates reach MapLibre's workers (which cut the sites'
 * tiles, src/map/controller/points.worker.ts) without the page copying them. Whoever makes a set's
 * coordinates (the link worker, once it has linked a file; the page for a set made there) says
 * them on a BroadcastChannel under a key no other set has, and the tiles URL names the key. The
 * page passes only the key on (it finds it by the coordinates' array), so 100,000 sites cost it no
 * copy and no blob.
 *
 * A worker that did not hear a set (it started later, or let go of it) asks on the ask channel,
 * and the page that shows the set says it again. Every window of the app hears both channels: a
 * worker lets go of what it heard and did not use after POINTS_HEARD_MS, and of what it used when
 * the page says the set is gone; a page answers only for the sets it shows.
 */

export const POINTS_CHANNEL = 'sitepoints';
export const POINTS_ASK_CHANNEL = 'sitepoints-ask';
export const POINTS_HEARD_MS = 15_000;

/** A set's coordinates (WGS-84 lon, lat interleaved, exactly its points), or that its set is gone. */
export type PointsMessage = { kind: 'points'; ch: string; coords: Float64Array } | { kind: 'drop'; ch: string };
/** A worker asking for a set's coordinates again. */
export interface PointsAsk {
  kind: 'ask';
  ch: string;
}

let channel: BroadcastChannel | null | undefined;

/** Says this on the points channel (nothing where there is no BroadcastChannel). */
export function sayPoints(message: PointsMessage): void {
  if (channel === undefined) channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(POINTS_CHANNEL) : null;
  channel?.postMessage(message);
}

const context = Math.random().toString(36).slice(2, 10);
let seq = 0;

/** Exactly a set's points, in an array of its own (a view would send its whole buffer). */
export function ownPoints(coords: Float64Array, count: number): Float64Array {
  return coords.length === 2 * count && coords.byteOffset === 0 && coords.buffer.byteLength === coords.byteLength ? coords : coords.slice(0, 2 * count);
}

/** A key no other set of any window or worker has. */
export function newPointsKey(): string {
  return `points:${context}:${++seq}`;
}

/** Says a set's coordinates on the channel under a new key; returns the key. */
export function handOffPoints(coords: Float64Array, count: number): string {
  const ch = newPointsKey();
  sayPoints({ kind: 'points', ch, coords: ownPoints(coords, count) });
  return ch;
}

const handoffs = new WeakMap<Float64Array, string>();

/** Remembers the key a set's coordinates were said under, by their array (as the page received it). */
export function rememberHandoff(coords: Float64Array, ch: string): void {
  handoffs.set(coords, ch);
}

/** The key these coordinates were said under, if any. */
export function handoffOf(coords: Float64Array): string | undefined {
  return handoffs.get(coords);
}

/**
 * In the page: answers the workers' asks for the sets it shows (`lookup` gives a key's
 * coordinates, or nothing for a set it does not show). Returns a function that stops answering.
 */
export function answerAsks(lookup: (ch: string) => Float64Array | undefined): () => void {
  if (typeof BroadcastChannel !== 'function') return () => {};
  const asks = new BroadcastChannel(POINTS_ASK_CHANNEL);
  asks.onmessage = (e: MessageEvent<PointsAsk>) => {
    const ch = e.data?.kind === 'ask' && typeof e.data.ch === 'string' ? e.data.ch : null;
    const coords = ch === null ? undefined : lookup(ch);
    if (ch !== null && coords) sayPoints({ kind: 'points', ch, coords });
  };
  return () => asks.close();
}
