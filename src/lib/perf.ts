/**
 * User-timing marks of start-up phases (geo:fetched, geo:valid, map:create, map:style, map:data,
 * map:ready), read by the browser benchmark (scripts/bench-browser.ts) to show where the time goes.
 */
export const mark = (name: string): void => {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
};
