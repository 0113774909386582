/**
 * The service worker that keeps the app working offline after one visit (build/pwa.ts says what
 * it precaches). A new version waits until the user chooses to reload, so a page never runs with
 * data of one version and code of another. Nothing is registered in development, in the
 * single-file package (file:// has no service workers) or where the browser has none.
 *
 * It is registered once the map has drawn its first view and the page is idle (at the latest
 * FIRST_VIEW_WAIT_MS after start-up): on a first visit its precache (the whole app, about 7.7 MB)
 * would otherwise be fetched and stored while the first view is still being drawn. Measured on
 * 2 cores with SwiftShader (fresh profiles, 9 visits each, interleaved), a first visit reached a
 * ready map in 7.01 s (median) when it was registered at `load`, 6.17 s this way.
 */
import { useSyncExternalStore } from 'react';
import { afterFirstView } from '../lib/perf';
import { whenIdle } from '../lib/idle';

const FIRST_VIEW_WAIT_MS = 15_000;

type Reload = () => void;
let pending: Reload | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function startServiceWorker(win: Window = window): void {
  if (!import.meta.env.PROD || !('serviceWorker' in win.navigator) || !/^https?:$/.test(win.location.protocol)) return;
  void afterFirstView(FIRST_VIEW_WAIT_MS).then(() =>
    whenIdle(
      () =>
        void import('virtual:pwa-register').then(({ registerSW }) => {
          const update = registerSW({
            // now, not at the window's `load` (which has come by now, or never will for a while)
            immediate: true,
            onNeedRefresh() {
              pending = () => void update(true);
              notify();
            },
          });
        }),
    ),
  );
}

/** A function that activates the waiting version and reloads, or null while there is none. */
export function useUpdateReady(): Reload | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => pending,
  );
}
