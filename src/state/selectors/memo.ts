/**
 * Memoised selectors with a cache per store: a selector keeps its last two inputs and results in
 * the store's own `memo` map (created with the store), so two stores never share a result and
 * nothing is cached at module level. Results are stable while their inputs are (safe for
 * useAppStore). Two, because two states are read at once for a moment after each change: the new
 * one (the map, the clicked control) and the one the settled parts still show (useSettledStore);
 * with one entry each would evict the other's result and both would compute it again.
 */
import type { AppState } from '../store';

interface Entry {
  inputs: readonly unknown[];
  result: unknown;
}
/** Per selector, its entries, the latest first. */
export type MemoCache = Map<object, Entry[]>;

const KEEP = 2;

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export function memo<I extends readonly unknown[], R>(inputs: (s: AppState) => I, compute: (args: I) => R): (s: AppState) => R {
  const key = {};
  return (s) => {
    const next = inputs(s);
    const entries = s.memo.get(key) ?? [];
    const i = entries.findIndex((e) => same(e.inputs, next));
    if (i >= 0) {
      const hit = entries[i]!;
      if (i > 0) s.memo.set(key, [hit, ...entries.filter((_, k) => k !== i)]);
      return hit.result as R;
    }
    const result = compute(next);
    s.memo.set(key, [{ inputs: next, result }, ...entries].slice(0, KEEP));
    return result;
  };
}
