/**
 * Puts point sets (an import's sites) on an overlay source the cheapest way the page allows:
 *
 * - **worker**: the source becomes a vector source whose tile requests (`sitepoints://tiles/…`,
 *   given by `tileRequest` as MapLibre asks) name, per set, the key its coordinates were said
 *   under on the points channel (src/lib/points-channel.ts: the link worker said them; a set
 *   made in the page, the feed says here).
 *   MapLibre's worker indexes the sites it heard once and cuts each tile it needs from the index
 *   (points.worker.ts, site-tiles.ts); it asks for a set it did not hear, and the feed answers
 *   (`coordsFor`). The page builds no
 *   features and clones none: adding 100,000 sites costs it one short task.
 * - **chunks** (where that script cannot load, e.g. the single file opened from disk): features
 *   are built here and sent 10,000 per task (ChunkFeeder), only the new set's when one is added.
 *
 * The way is chosen once, on the first call; the latest call wins while it is being chosen.
 *
 * In the worker way the source, once on the map, stays there (naming no sets when none is shown),
 * and `standby` puts it there empty ahead of the first import. Its tiles template names only the
 * source (sourceTilesUrl); a change of sets reloads the tiles in view (`refresh`), whose requests
 * name the sets shown then. So an import asks for its tiles at once: it changes nothing in the
 * style (a style change costs MapLibre two frames before the tiles are asked for: Style.update
 * fires a `data` event that marks the style dirty again) and does not reload the source (a new
 * tiles URL waits for an animation frame before any tile is asked for). Under a software GPU a
 * frame is 70 ms or more of drawing, and the frame with the sites waits behind every one.
 */
import { ChunkFeeder } from './feeder';
import { pointFeatures } from './point-sets';
import { sourceTilesUrl, tileRequestUrl, tilesUrl } from './site-tile-spec';
import type { PointSet } from './point-sets';
import { handoffOf, newPointsKey, ownPoints } from '../../lib/points-channel';
import type { PointsMessage } from '../../lib/points-channel';

/** Features per chunk (chunks way): each is cloned to MapLibre's worker in its own short task. */
export const CHUNK = 10_000;

type Way = 'worker' | 'chunks';
/** GeoJSON (a clustered GeoJSON source), or the tiles URL of a vector source */
export type PointData = GeoJSON.FeatureCollection | { tiles: string };

/** What the feed needs of the map (the controller gives it). */
export interface PointFeedTarget<S extends string> {
  /** whether the source (and its layers) is on the map */
  has(source: S): boolean;
  /** puts the source and its layers on the map with this data */
  add(source: S, data: PointData): void;
  /** takes the source and its layers off the map */
  remove(source: S): void;
  /** replaces the source's data (a GeoJSON source) */
  setData(source: S, data: GeoJSON.FeatureCollection): void;
  /** reloads the tiles of the source in view (a vector source: its tile requests name the sets shown now) */
  refresh(source: S): void;
  /** adds features to the source's data */
  append(source: S, features: GeoJSON.Feature[]): void;
  /** runs fn once the map has read and drawn all it was given */
  afterIdle(fn: () => void): void;
  /** worker way: says this on the points channel to MapLibre's workers (where the page has one) */
  share?(message: PointsMessage): void;
}

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
const same = (a: PointSet, b: PointSet) => a.key === b.key && a.coords === b.coords && a.count === b.count && a.idBase === b.idBase && a.color === b.color;

function* chunksOf(set: PointSet): Generator<GeoJSON.Feature[]> {
  for (let i0 = 0; i0 < set.count; i0 += CHUNK) yield pointFeatures(set, i0, i0 + CHUNK);
}

export class PointFeed<S extends string> {
  private way: Way | null = null;
  private choosing: Promise<Way> | null = null;
  private latest = 0;
  private stopped = false;
  private readonly feeder: ChunkFeeder<S>;
  /** chunks way: the sets each source has been sent */
  private readonly sent = new Map<S, PointSet[]>();
  /** worker way: per source, each shown set's key on the points channel and its points, by its coordinates' array */
  private readonly keys = new Map<S, Map<Float64Array, { ch: string; points: Float64Array }>>();
  /** worker way: per source, the tiles URL naming the sets it shows (what its tile requests ask for) */
  private readonly shown = new Map<string, string>();

  /**
   * `loadWorkerScript`: loads points.worker.ts into MapLibre's workers (rejects where it cannot);
   * null: always the chunks way.
   */
  constructor(
    private readonly target: PointFeedTarget<S>,
    private readonly loadWorkerScript: (() => Promise<void>) | null,
    later?: (fn: () => void) => void,
  ) {
    this.feeder = new ChunkFeeder<S>((source, features) => target.append(source, features), later);
    if (!loadWorkerScript) this.way = 'chunks';
  }

  /** The source shows exactly these sets (none: the source is taken off the map). */
  set(source: S, sets: readonly PointSet[]): void {
    const call = ++this.latest;
    if (this.way) return this.apply(this.way, source, sets);
    void this.chooseWay().then((way) => {
      if (call === this.latest && !this.stopped) this.apply(way, source, sets);
    });
  }

  /** Worker way: puts the source on the map now, showing no sets, where it is not there yet (the chunks way adds it with its first set). */
  standby(source: S): void {
    if (this.way !== 'worker' || this.stopped || this.target.has(source)) return;
    if (!this.shown.has(source)) this.shown.set(source, tilesUrl([]));
    this.target.add(source, { tiles: sourceTilesUrl(source) });
  }

  /**
   * A tile request of a point-set source (what MapLibre's transformRequest is given): the URL
   * naming the sets that source shows now; null for any other URL.
   */
  tileRequest(url: string): string | null {
    return tileRequestUrl(url, (source) => this.shown.get(source));
  }

  /** Chooses the way now (loads the worker script) so the first set does not wait for it; resolves to the way. */
  prepare(): Promise<Way> {
    return this.way ? Promise.resolve(this.way) : this.chooseWay();
  }

  /** Forgets what was sent to the source (its data was replaced by other means). */
  drop(source: S): void {
    this.feeder.drop(source);
    this.sent.delete(source);
    this.release(source, []);
  }

  stop(): void {
    this.stopped = true;
    this.feeder.stop();
    for (const source of [...this.keys.keys()]) this.release(source, [], true);
  }

  /** The way in use once chosen (null before the first set). */
  get chosen(): Way | null {
    return this.way;
  }

  private chooseWay(): Promise<Way> {
    this.choosing ??= (
      this.loadWorkerScript
        ? this.loadWorkerScript().then(
            (): Way => 'worker',
            (): Way => 'chunks',
          )
        : Promise.resolve<Way>('chunks')
    ).then((way) => (this.way = way));
    return this.choosing;
  }

  private apply(way: Way, source: S, sets: readonly PointSet[]): void {
    if (sets.length === 0) {
      this.feeder.drop(source);
      this.sent.delete(source);
      // worker way: the source stays, naming no sets (a later import only reloads its tiles)
      if (way === 'worker') this.shown.set(source, tilesUrl([]));
      if (this.target.has(source)) {
        if (way === 'worker') this.target.refresh(source);
        else this.target.remove(source);
      }
      this.release(source, []);
      return;
    }
    if (way === 'worker') {
      const keys = this.keys.get(source) ?? new Map<Float64Array, { ch: string; points: Float64Array }>();
      this.keys.set(source, keys);
      const refs = sets.map((s) => {
        let ref = keys.get(s.coords);
        if (!ref) {
          const points = ownPoints(s.coords, s.count);
          const said = handoffOf(s.coords);
          ref = { ch: said ?? newPointsKey(), points };
          // a set made in the page: said here
          if (!said) this.target.share?.({ kind: 'points', ch: ref.ch, coords: points });
          keys.set(s.coords, ref);
        }
        return { ch: ref.ch, key: s.key, count: s.count, idBase: s.idBase, color: s.color };
      });
      this.shown.set(source, tilesUrl(refs));
      if (this.target.has(source)) this.target.refresh(source);
      else this.target.add(source, { tiles: sourceTilesUrl(source) });
      this.release(source, sets);
      return;
    }
    const before = this.sent.get(source) ?? [];
    const removed = before.some((x) => !sets.some((y) => same(x, y)));
    const fresh = removed ? sets : sets.filter((x) => !before.some((y) => same(x, y)));
    this.sent.set(source, [...sets]);
    if (removed) this.feeder.drop(source);
    if (!this.target.has(source)) this.target.add(source, EMPTY);
    else if (removed) this.target.setData(source, EMPTY);
    for (const set of fresh) this.feeder.push(source, chunksOf(set));
  }

  /** worker way: the points of a shown set by its key on the points channel (what a worker that asks for it is told) */
  coordsFor(ch: string): Float64Array | undefined {
    for (const keys of this.keys.values()) for (const ref of keys.values()) if (ref.ch === ch) return ref.points;
    return undefined;
  }

  /** Lets go of the sets no longer shown, and tells the workers so once the map has read what replaced them. */
  private release(source: S, kept: readonly PointSet[], now = false): void {
    const keys = this.keys.get(source);
    if (!keys) return;
    const gone: string[] = [];
    for (const [coords, ref] of keys)
      if (!kept.some((s) => s.coords === coords)) {
        keys.delete(coords);
        gone.push(ref.ch);
      }
    if (keys.size === 0) this.keys.delete(source);
    if (gone.length === 0) return;
    const drop = () => gone.forEach((ch) => this.target.share?.({ kind: 'drop', ch }));
    if (now) drop();
    else this.target.afterIdle(drop);
  }
}
