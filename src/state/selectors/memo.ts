/**
 * Memoised selectors with a cache per store: a selector keeps its last inputs and result in the
 * store's own `memo` map (created with the store), so two stores never share a result and nothing
 * is cached at module level. Results are stable while their inputs are (safe for useAppStore).
 */
import type { AppState } from '../store';

export type MemoCache = Map<object, { inputs: readonly unknown[]; result: unknown }>;

export function memo<I extends readonly unknown[], R>(inputs: (s: AppState) => I, compute: (args: I) => R): (s: AppState) => R {
  const key = {};
  return (s) => {
    const next = inputs(s);
    const hit = s.memo.get(key);
    if (hit && hit.inputs.length === next.length && next.every((v, i) => v === hit.inputs[i])) return hit.result as R;
    const result = compute(next);
    s.memo.set(key, { inputs: next, result });
    return result;
  };
}
