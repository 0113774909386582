/**
 * A link worker that stops is replaced once: the import runs again on a fresh worker and says so;
 * a second stop fails the import with its reason and leaves the imported sets as they were.
 * The stand-in worker runs the real protocol (src/workers/protocol.ts) in this thread.
 */
import { describe, expect, it } from 'vitest';
import { linkerFor, runLinkRequest } from '../../src/workers/protocol';
import type { LinkReply, WorkerMessage } from '../../src/workers/protocol';
import type { Linker } from '../../src/geo/link';
import { createLinkClient, importSiteFile } from '../../src/state/link-client';
import { realGeoFixture } from '../fakes/geo-disk';

const real = realGeoFixture();

/** Worker stand-ins: `crashes[j]` says whether the worker holding the j-th link job (counted over all workers) dies on it. */
function workers(crashes: boolean[]) {
  const started: { terminated: boolean }[] = [];
  const inits: number[] = [];
  let jobs = 0;
  const make = () => {
    const k = started.length;
    const me = { terminated: false };
    started.push(me);
    let linker: Linker | null = null;
    const w = {
      onmessage: null as ((e: MessageEvent<LinkReply>) => void) | null,
      onerror: null as ((e: ErrorEvent) => void) | null,
      terminate() {
        me.terminated = true;
      },
      postMessage(m: WorkerMessage) {
        if (me.terminated) return;
        if (m.kind === 'init') {
          inits.push(k);
          linker = linkerFor(m);
          return;
        }
        const j = jobs++;
        setTimeout(() => {
          if (crashes[j]) {
            w.onerror?.({ message: `worker ${k + 1} ran out of memory`, preventDefault() {} } as ErrorEvent);
            return;
          }
          if (m.kind === 'link')
            void runLinkRequest(m, linker!).then((result) => w.onmessage?.({ data: { kind: 'result', req: m.req, result } } as MessageEvent<LinkReply>));
        }, 0);
      },
    };
    return w as unknown as Worker;
  };
  return { make, started, inits };
}

const csv = () => new File(['id,name,lon,lat\nA,张江,121.59,31.20\nB,临港,121.93,30.90\n'], 'two.csv', { type: 'text/csv' });

describe('link worker restart', () => {
  it('a worker that stops is replaced once, the file is read again, and the import says so', async () => {
    const store = real.store();
    const w = workers([true, false]);
    await importSiteFile(store, csv(), { makeWorker: w.make });
    const s = store.getState();
    expect(s.siteImport.phase).toBe('done');
    expect(s.siteImportNote).toBe('worker-restarted');
    expect(s.siteSets).toHaveLength(1);
    expect(s.siteSets[0]!.count).toBe(2);
    expect(w.started).toHaveLength(2);
    expect(w.started[0]!.terminated).toBe(true);
  });

  it('a second stop fails the import with the reason and leaves earlier imports', async () => {
    const store = real.store();
    const w = workers([false, true, true]);
    await importSiteFile(store, csv(), { makeWorker: w.make });
    expect(store.getState().siteSets).toHaveLength(1);
    await importSiteFile(store, new File(['id,lon,lat\nC,121.4,31.2\n'], 'c.csv'), { makeWorker: w.make });
    const s = store.getState();
    expect(s.siteImport.phase).toBe('failed');
    expect(s.siteImport.phase === 'failed' && s.siteImport.message).toMatch(/link worker stopped: worker 2 ran out of memory/);
    expect(s.siteImportNote).toBe('worker-restarted');
    expect(s.siteSets).toHaveLength(1);
    expect(s.siteSets[0]!.fileName).toBe('two.csv');
    expect(w.started).toHaveLength(2);
  });

  it('prepare starts the worker and sends it the districts and zones once; the first file then uses that worker', async () => {
    const w = workers([false]);
    const geo = real.store().getState().geo!;
    if (!geo.districts.ok || !geo.zones.ok) throw new Error('fixture not loaded');
    const client = createLinkClient({ districts: geo.districts.data.features, zones: geo.zones.data.features }, { makeWorker: w.make });
    expect(w.started).toHaveLength(0); // nothing until asked
    client.prepare();
    client.prepare();
    expect(w.started).toHaveLength(1);
    expect(w.inits).toEqual([0]);
    const r = await client.link({ source: csv(), fileName: 'two.csv', crs: 'wgs84', encoding: 'auto', setId: 'set-x' });
    expect(r.set.count).toBe(2);
    expect(w.started).toHaveLength(1);
    expect(w.inits).toEqual([0]);
    // in-thread there is no worker to start: prepare loads nothing
    expect(() => createLinkClient({ districts: [], zones: [] }, { inThread: true }).prepare()).not.toThrow();
  });
});
