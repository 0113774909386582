import type { AppState, AppStore } from '../../state/store';

/** Subscribes to a slice of the store, firing at once; collects the unsubscribes. */
export function subscriber(store: AppStore, unsubs: (() => void)[]) {
  return <T>(select: (s: AppState) => T, apply: (v: T) => void, equality?: (a: T, b: T) => boolean): void => {
    unsubs.push(store.subscribe(select, apply, { fireImmediately: true, ...(equality ? { equalityFn: equality } : {}) }));
  };
}

/** Equality of tuples, element by element (identity). */
export const sameItems = <T extends readonly unknown[]>(a: T, b: T): boolean => a.length === b.length && a.every((v, i) => v === b[i]);
