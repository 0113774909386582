/**
 * The import flows offered once a file is imported: read the last file again (lon/lat swapped back,
 * or in another encoding), and link an imported set again in another coordinate system. Loaded
 * with the import report (src/components/sites/ImportViews.tsx), not with the first view.
 */
import type { Crs } from '../geo/crs';
import { importSiteFile, lastSiteFile, LinkWorkerStopped, linkClientFor, nextSetId } from './link-client';
import type { ImportFlags, LinkClientOptions } from './link-client';
import type { AppStore } from './store';

/** Reads the file under review (or that failed) again: lon/lat swapped where they look swapped, or in another encoding. */
export async function retrySiteImport(store: AppStore, flags: ImportFlags, opts?: LinkClientOptions): Promise<void> {
  const last = lastSiteFile(store);
  if (!last) return;
  store.getState().dismissSiteImport();
  await importSiteFile(store, last, opts, flags);
}

/** Links an imported set again with its coordinates read as `crs`; the set keeps its place. */
export async function relinkSites(store: AppStore, setId: string, crs: Crs, opts?: LinkClientOptions): Promise<void> {
  const set = store.getState().siteSets.find((x) => x.id === setId);
  if (!set || set.crs === crs) return;
  const client = linkClientFor(store, opts);
  if (!client) return;
  try {
    const id = nextSetId();
    // a worker that stopped is replaced once (the next job starts a fresh one)
    const next = await client.relink(set, crs, id).catch((e: unknown) => {
      if (e instanceof LinkWorkerStopped) return client.relink(set, crs, id);
      throw e;
    });
    store.getState().replaceSiteSet(setId, next);
  } catch (e) {
    store.getState().addNotice(e instanceof Error ? e.message : String(e));
  }
}
