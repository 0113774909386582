/**
 * Freezes a value and everything reachable from it, so a test that shares it cannot change it
 * for the tests after it: in strict code (every ES module) a write to it throws a TypeError.
 * Typed arrays cannot be frozen and are left as they are; a Map or Set is frozen as an object
 * and its entries walked, but its `set`/`add` still work (our JSON fixtures hold neither).
 */
export function deepFreeze<T>(value: T): T {
  const seen = new WeakSet<object>();
  const visit = (v: unknown): void => {
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) return;
    if (v instanceof Map) {
      for (const [k, x] of v) {
        visit(k);
        visit(x);
      }
    } else if (v instanceof Set) for (const x of v) visit(x);
    Object.freeze(v);
    for (const key of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key);
      if (d && 'value' in d) visit(d.value);
    }
  };
  visit(value);
  return value;
}
