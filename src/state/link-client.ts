/**
 * A small typed client of the link worker (src/workers/link.worker.ts), and the import flow
 * that uses it. The worker gets the districts and zones once and builds the linker once; each
 * file is read and linked there. Where there is no Worker (jsdom, very old browsers) the same
 * code runs in-thread, loaded on demand (so the linker never weighs on the first view).
 */
import type { DistrictFeature, ZoneFeature } from '../geo/types';
import type { Crs, LinkReply, LinkRequest, SiteImportResult } from '../geo/sites';
import type { WorkerMessage } from '../workers/link.worker';
import type { AppStore } from './store';

export interface LinkClient {
  /** 'worker' or 'in-thread' */
  readonly mode: 'worker' | 'in-thread';
  link(source: Blob | string, fileName: string, crs: Crs, setId: string): Promise<SiteImportResult>;
  dispose(): void;
}

export interface LinkClientOptions {
  /** use no Worker even when there is one (tests) */
  inThread?: boolean;
}

export function createLinkClient(districts: DistrictFeature[], zones: ZoneFeature[], opts: LinkClientOptions = {}): LinkClient {
  if (!opts.inThread && typeof Worker !== 'undefined') return workerClient(districts, zones);
  return inThreadClient(districts, zones);
}

function workerClient(districts: DistrictFeature[], zones: ZoneFeature[]): LinkClient {
  const worker = new Worker(new URL('../workers/link.worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve(r: SiteImportResult): void; reject(e: Error): void }>();
  let seq = 0;
  const post = (m: WorkerMessage) => worker.postMessage(m);
  worker.onmessage = (e: MessageEvent<LinkReply>) => {
    const w = waiting.get(e.data.req);
    if (!w) return;
    waiting.delete(e.data.req);
    if (e.data.kind === 'result') w.resolve(e.data.result);
    else w.reject(new Error(e.data.message));
  };
  worker.onerror = (e) => {
    const err = new Error(`link worker failed: ${e.message || 'could not start'}`);
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  post({ kind: 'init', districts, zones });
  return {
    mode: 'worker',
    link(source, fileName, crs, setId) {
      const req = ++seq;
      return new Promise<SiteImportResult>((resolve, reject) => {
        waiting.set(req, { resolve, reject });
        post({ kind: 'link', req, source, fileName, crs, setId } satisfies WorkerMessage & LinkRequest);
      });
    },
    dispose() {
      worker.terminate();
      for (const w of waiting.values()) w.reject(new Error('link worker stopped'));
      waiting.clear();
    },
  };
}

function inThreadClient(districts: DistrictFeature[], zones: ZoneFeature[]): LinkClient {
  let engine: Promise<(r: LinkRequest) => Promise<SiteImportResult>> | null = null;
  const load = () =>
    (engine ??= Promise.all([import('../geo/link'), import('../geo/sites')]).then(([{ createLinker }, sites]) => {
      const linker = createLinker(districts, zones);
      const bounds = sites.districtBounds(districts);
      return (r: LinkRequest) => sites.runLinkRequest(r, linker, bounds);
    }));
  let seq = 0;
  return {
    mode: 'in-thread',
    async link(source, fileName, crs, setId) {
      const run = await load();
      return run({ req: ++seq, source, fileName, crs, setId });
    },
    dispose() {},
  };
}

// ---------------------------------------------------------------------------------- import flow

const clients = new WeakMap<AppStore, LinkClient>();

/** The store's link client, created on first use from its loaded districts and zones (null: not loaded). */
export function linkClientFor(store: AppStore, opts?: LinkClientOptions): LinkClient | null {
  const have = clients.get(store);
  if (have) return have;
  const geo = store.getState().geo;
  if (!geo?.districts.ok || !geo.zones.ok) return null;
  const c = createLinkClient(geo.districts.data.features, geo.zones.data.features, opts);
  clients.set(store, c);
  return c;
}

let setSeq = 0;

/**
 * Imports one file: links it (worker), then hands the result to the store, which adds it at
 * once when every row is good, or asks the user to confirm skipping the bad rows.
 */
export async function importSiteFile(store: AppStore, file: Blob & { name?: string }, opts?: LinkClientOptions): Promise<void> {
  const s = store.getState();
  const fileName = file.name || 'sites.csv';
  if (s.siteImport.phase === 'linking') return;
  const client = linkClientFor(store, opts);
  if (!client) {
    s.failSiteImport(fileName, 'districts/zones not loaded');
    return;
  }
  s.beginSiteImport(fileName);
  try {
    const result = await client.link(file, fileName, s.siteCrs, `set-${++setSeq}`);
    store.getState().finishSiteImport(result);
  } catch (e) {
    store.getState().failSiteImport(fileName, e instanceof Error ? e.message : String(e));
  }
}
