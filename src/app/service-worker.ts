/**
 * The service worker that keeps the app working offline after one visit (build/pwa.ts says what
 * it precaches). A new version waits until the user chooses to reload, so a page never runs with
 * data of one version and code of another. Nothing is registered in development, in the
 * single-file package (file:// has no service workers) or where the browser has none.
 */
import { useSyncExternalStore } from 'react';

type Reload = () => void;
let pending: Reload | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function startServiceWorker(win: Window = window): void {
  if (!import.meta.env.PROD || !('serviceWorker' in win.navigator) || !/^https?:$/.test(win.location.protocol)) return;
  void import('virtual:pwa-register').then(({ registerSW }) => {
    const update = registerSW({
      onNeedRefresh() {
        pending = () => void update(true);
        notify();
      },
    });
  });
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
