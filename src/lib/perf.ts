/**
 * User-timing marks of start-up phases (geo:fetched, geo:valid, map:create, map:style, map:data,
 * map:ready), read by the browser benchmark (scripts/bench-browser.ts) to show where the time goes;
 * the first `map:ready` is also the moment the page's own later work waits for (afterFirstView).
 */
export const mark = (name: string): void => {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
};

/** Set when a map has drawn its first view (MapController). */
export const MAP_READY_MARK = 'map:ready';

/**
 * Resolves once a map of the page has drawn its first view (its MAP_READY_MARK, also one set
 * before this was called), or after `ms`, whichever comes first: a page whose map cannot draw
 * (no WebGL, a data file failed) still gets there.
 */
export function afterFirstView(ms: number): Promise<void> {
  return new Promise((resolve) => {
    let observer: PerformanceObserver | null = null;
    const done = () => {
      clearTimeout(timer);
      observer?.disconnect();
      resolve();
    };
    const timer = setTimeout(done, ms);
    if (typeof PerformanceObserver !== 'function') return;
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName(MAP_READY_MARK).length > 0) done();
      });
      // buffered: a mark set before this was called is seen too
      observer.observe({ type: 'mark', buffered: true });
    } catch {
      // a browser that cannot observe marks waits for the timeout
    }
  });
}
