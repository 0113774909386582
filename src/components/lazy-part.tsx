/**
 * Parts of the app that load on first use (the statistics view, its charts, the import report, the
 * site card, the briefing). A part whose script fails to load (the network dropped, or a new
 * version replaced the old files) is fetched once more; if that fails too, the error reaches the
 * nearest PanelBoundary, which says so in the part's place, and its "try again" loads the part
 * anew. Without this, React.lazy keeps the failure for good and the whole page goes blank.
 */
import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';

/** Parts whose last load failed: `retryFailedParts` gives each a fresh load. */
const failed = new Set<() => void>();

/** Loads again the parts whose script failed to load; the next render fetches them. */
export function retryFailedParts(): void {
  for (const reset of [...failed]) reset();
  failed.clear();
}

/** True for the error a browser gives when a script loaded by `import()` cannot be fetched. */
export function isLoadError(e: unknown): boolean {
  const m = e instanceof Error ? e.message : String(e);
  // Chromium, Safari, Firefox; Vite's preload of the part's style sheet
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS/i.test(m);
}

/** The script a failed `import()` names in its error (Chromium and Firefox name it; Safari does not). */
export function failedScript(e: unknown, origin: string): string | null {
  const m = /(https?:\/\/[^\s'"]+?\.m?js)\b/.exec(e instanceof Error ? e.message : String(e));
  if (!m) return null;
  try {
    return new URL(m[1]!).origin === origin ? m[1]! : null;
  } catch {
    return null;
  }
}

/**
 * `load`, tried once more after `waitMs` when its script fails to load. A browser keeps a failed
 * module for the page's life (Chromium asks the network once per address), so the second try asks
 * for the same file under a new address; offline that fails too, and the boundary says so.
 */
export async function loadTwice<T>(load: () => Promise<T>, waitMs = 400, origin = globalThis.location?.origin ?? ''): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (!isLoadError(e)) throw e;
    await new Promise((r) => setTimeout(r, waitMs));
    const url = failedScript(e, origin);
    if (!url) return load();
    return (await import(/* @vite-ignore */ `${url}${url.includes('?') ? '&' : '?'}retry=${Date.now()}`)) as T;
  }
}

/** A part of the app that loads on first use; `preload` fetches it before then. */
export type LazyPart<P extends object> = ComponentType<P> & {
  /**
   * Loads the part now (once), so its first render shows it at once instead of suspending. A
   * failed preload says nothing: the part's first render tries again and reports its failure.
   */
  preload(): Promise<void>;
};

/**
 * React.lazy for a part of the app: `load` imports its module, `pick` takes the component from it.
 * One more try on a failed load; a fresh load after `retryFailedParts`. Once loaded (by a render
 * or by `preload`), the part renders without suspending.
 */
export function lazyPart<M, P extends object>(load: () => Promise<M>, pick: (m: M) => ComponentType<P>): LazyPart<P> {
  let current: LazyExoticComponent<ComponentType<P>>;
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const fetchPart = () =>
    (loading ??= loadTwice(load).then(
      (m) => (loaded = pick(m)),
      (e: unknown) => {
        loading = null;
        failed.add(fresh);
        throw e;
      },
    ));
  function fresh() {
    current = lazy(() => fetchPart().then((c) => ({ default: c })));
  }
  fresh();
  function Part(props: P) {
    const Current = (loaded ?? current) as ComponentType<P>;
    return <Current {...props} />;
  }
  Part.preload = () =>
    fetchPart().then(
      () => undefined,
      () => undefined,
    );
  return Part;
}
