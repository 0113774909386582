/**
 * A small typed client of the link worker (src/workers/link.worker.ts, protocol beside it), and
 * the import flows that use it: import a file, read the last file again (swapping lon/lat, or in
 * another encoding), link an imported set again in another coordinate system. The worker gets the
 * districts and zones once and builds the linker once. Where there is no Worker (jsdom, very old
 * browsers) the same protocol code runs in-thread, loaded on demand (so the linker never weighs on
 * the first view).
 */
import type { LinkAreas, SiteSet } from '../geo/sites';
import type { Crs } from '../geo/crs';
import type { EncodingChoice } from '../io/decode';
import type { SiteImportResult } from '../io/link-sites';
import type { LinkReply, LinkRequest, RelinkRequest, WorkerMessage } from '../workers/protocol';
import type * as Protocol from '../workers/protocol';
import type { Linker } from '../geo/link';
import { rememberHandoff } from '../lib/points-channel';
import type { AppStore } from './store';

export interface LinkJob {
  source: Blob | string;
  fileName: string;
  crs: Crs;
  encoding: EncodingChoice;
  fixSwapped?: boolean;
  setId: string;
}

export interface LinkClient {
  readonly mode: 'worker' | 'in-thread';
  link(job: LinkJob): Promise<SiteImportResult>;
  relink(set: SiteSet, crs: Crs, setId: string): Promise<SiteSet>;
  /** starts the worker and has it build its linker now, so a first file waits for neither (in-thread: nothing) */
  prepare(): void;
  dispose(): void;
}

export interface LinkClientOptions {
  /** use no Worker even when there is one (tests) */
  inThread?: boolean;
  /** how to start the worker (tests hand in a stand-in); default: the link worker module */
  makeWorker?: () => Worker;
}

export function createLinkClient(areas: LinkAreas, opts: LinkClientOptions = {}): LinkClient {
  if (opts.makeWorker) return workerClient(areas, opts.makeWorker);
  if (!opts.inThread && typeof Worker !== 'undefined') return workerClient(areas);
  return inThreadClient(areas);
}

type Waiting = { resolve(r: LinkReply): void; reject(e: Error): void };

/** The link worker stopped (it failed to load, or an error escaped it) before it answered. */
export class LinkWorkerStopped extends Error {
  constructor(detail: string) {
    super(`link worker stopped: ${detail}`);
    this.name = 'LinkWorkerStopped';
  }
}

/**
 * The worker is started on first use and again after it stopped: an `error` event on the Worker
 * (a script that fails to load, an exception that escapes the worker) ends it, every job it held
 * is rejected with LinkWorkerStopped, and the next job starts a fresh worker (the import flow
 * below retries a job once that way and says so).
 */
function workerClient(
  areas: LinkAreas,
  make: () => Worker = () => new Worker(new URL('../workers/link.worker.ts', import.meta.url), { type: 'module' }),
): LinkClient {
  const waiting = new Map<number, Waiting>();
  let seq = 0;
  let worker: Worker | null = null;
  const start = (): Worker => {
    const w = make();
    w.onmessage = (e: MessageEvent<LinkReply>) => {
      const job = waiting.get(e.data.req);
      if (!job) return;
      waiting.delete(e.data.req);
      if (e.data.kind === 'error') job.reject(new Error(e.data.message));
      else job.resolve(e.data);
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      if (worker === w) worker = null;
      w.terminate();
      const err = new LinkWorkerStopped(e.message || 'could not start');
      for (const job of waiting.values()) job.reject(err);
      waiting.clear();
    };
    w.postMessage({ kind: 'init', districts: areas.districts, zones: areas.zones } satisfies WorkerMessage);
    return w;
  };
  const ask = (m: WorkerMessage & { req: number }) =>
    new Promise<LinkReply>((resolve, reject) => {
      waiting.set(m.req, { resolve, reject });
      (worker ??= start()).postMessage(m);
    });
  return {
    mode: 'worker',
    prepare() {
      worker ??= start();
    },
    async link(job) {
      const r = await ask({ kind: 'link', req: ++seq, ...job } satisfies WorkerMessage & LinkRequest);
      if (r.kind !== 'result') throw new Error('link worker: unexpected reply');
      if (r.points) rememberHandoff(r.result.set.coords, r.points);
      return r.result;
    },
    async relink(set, crs, setId) {
      const r = await ask({ kind: 'relink', req: ++seq, set, crs, setId } satisfies WorkerMessage & RelinkRequest);
      if (r.kind !== 'relinked') throw new Error('link worker: unexpected reply');
      if (r.points) rememberHandoff(r.set.coords, r.points);
      return r.set;
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const w of waiting.values()) w.reject(new Error('link worker stopped'));
      waiting.clear();
    },
  };
}

function inThreadClient(areas: LinkAreas): LinkClient {
  let engine: Promise<{ protocol: typeof Protocol; linker: Linker }> | null = null;
  const load = () => (engine ??= import('../workers/protocol').then((protocol) => ({ protocol, linker: protocol.linkerFor(areas) })));
  let seq = 0;
  return {
    mode: 'in-thread',
    // loading the engine into the page ahead of a file would weigh on the page for nothing
    prepare() {},
    async link(job) {
      const { protocol, linker } = await load();
      return protocol.runLinkRequest({ req: ++seq, ...job }, linker);
    },
    async relink(set, crs, setId) {
      const { protocol, linker } = await load();
      return protocol.runRelinkRequest({ req: ++seq, set, crs, setId }, linker);
    },
    dispose() {},
  };
}

// ---------------------------------------------------------------------------------- import flows

const clients = new WeakMap<AppStore, LinkClient>();
/** the last file picked per store, so it can be read again (swapped, another encoding) */
const lastFiles = new WeakMap<AppStore, Blob & { name?: string }>();
let setSeq = 0;

/** The file imported last into this store (to read it again), or undefined. */
export function lastSiteFile(store: AppStore): (Blob & { name?: string }) | undefined {
  return lastFiles.get(store);
}

/** A new id for a site set (unique in this page). */
export function nextSetId(): string {
  return `set-${++setSeq}`;
}

/** The store's link client, created on first use from its loaded districts and zones (null: not loaded). */
export function linkClientFor(store: AppStore, opts?: LinkClientOptions): LinkClient | null {
  const have = clients.get(store);
  if (have) return have;
  const geo = store.getState().geo;
  if (!geo?.districts.ok || !geo.zones.ok) return null;
  const c = createLinkClient({ districts: geo.districts.data.features, zones: geo.zones.data.features }, opts);
  clients.set(store, c);
  return c;
}

/**
 * Starts the store's link worker ahead of the first file (the page calls it once idle after the
 * first view): the worker's script, the districts and zones it is sent and its linker are then
 * ready when a file is picked. No-op before the districts and zones are loaded.
 */
export function prepareLinking(store: AppStore): void {
  linkClientFor(store)?.prepare();
}

export interface ImportFlags {
  /** read rows whose lon/lat look swapped as points, swapped back */
  fixSwapped?: boolean;
  /** the encoding to read the file in (default: the panel's choice) */
  encoding?: EncodingChoice;
  /** import the valid rows without asking (the user has already chosen) */
  confirm?: boolean;
}

/**
 * Imports one file: links it (worker), then hands the result to the store, which adds it at
 * once when every row is good, or asks the user (bad rows, or the same file imported before).
 */
export async function importSiteFile(store: AppStore, file: Blob & { name?: string }, opts?: LinkClientOptions, flags: ImportFlags = {}): Promise<void> {
  const s = store.getState();
  const fileName = file.name || 'sites.csv';
  if (s.siteImport.phase === 'linking') return;
  const client = linkClientFor(store, opts);
  if (!client) {
    s.failSiteImport(fileName, 'districts/zones not loaded');
    return;
  }
  lastFiles.set(store, file);
  s.beginSiteImport(fileName);
  const job = { source: file, fileName, crs: s.siteCrs, encoding: flags.encoding ?? s.siteEncoding, fixSwapped: flags.fixSwapped === true, setId: nextSetId() };
  try {
    let result: SiteImportResult;
    try {
      result = await client.link(job);
    } catch (e) {
      if (!(e instanceof LinkWorkerStopped)) throw e;
      // once: a fresh worker reads the file again; a second stop fails the import with its reason
      store.getState().noteSiteImport('worker-restarted');
      result = await client.link(job);
    }
    store.getState().finishSiteImport(result, { confirm: flags.confirm === true });
  } catch (e) {
    store.getState().failSiteImport(fileName, e instanceof Error ? e.message : String(e));
  }
}
