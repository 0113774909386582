/** The shared real-data fixture cannot be changed by the tests that share it. */
import { describe, expect, test } from 'vitest';
import { loadRealGeo } from '../fakes/geo-disk';
import { deepFreeze } from '../helpers/deep-freeze';

type Json = { [key: string]: unknown };

/** Every object and array reachable from `root`, each once. */
function reachable(root: unknown): object[] {
  const out: object[] = [];
  const seen = new Set<object>();
  const stack = [root];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
    stack.push(...Object.values(v));
  }
  return out;
}

describe('deepFreeze', () => {
  test('writes anywhere below the root throw, and nothing changes', () => {
    const shared = { a: { b: [1, { c: 'x' }] }, list: [[1, 2]] };
    const cycle: Json = { name: 'loop' };
    cycle.self = cycle;
    const frozen = deepFreeze({ shared, cycle });
    expect(frozen.shared).toBe(shared);
    expect(() => {
      (shared.a.b[1] as Json).c = 'y';
    }).toThrow(TypeError);
    expect(() => shared.list[0]!.push(3)).toThrow(TypeError);
    expect(() => shared.list.sort()).not.toThrow(); // one element: sort writes nothing
    expect(() => shared.list[0]!.reverse()).toThrow(TypeError);
    expect(() => {
      delete (shared as Partial<typeof shared>).a;
    }).toThrow(TypeError);
    expect(() => {
      cycle.name = 'other';
    }).toThrow(TypeError);
    expect(shared).toEqual({ a: { b: [1, { c: 'x' }] }, list: [[1, 2]] });
  });

  test('a typed array inside is left writable instead of failing the freeze', () => {
    const holder = deepFreeze({ bytes: new Uint8Array([1, 2]), tag: { t: 1 } });
    expect(Object.isFrozen(holder)).toBe(true);
    expect(Object.isFrozen(holder.tag)).toBe(true);
    holder.bytes[0] = 9;
    expect(holder.bytes[0]).toBe(9);
  });
});

describe('the real public/geo data shared by the tests', () => {
  test('is one object per test file, frozen all the way down', async () => {
    const geo = await loadRealGeo();
    expect(await loadRealGeo()).toBe(geo);
    const all = reachable(geo);
    expect(all.length).toBeGreaterThan(10_000);
    expect(all.filter((o) => !Object.isFrozen(o))).toEqual([]);
  });

  test('a test that tries to change it throws, and the data stays as loaded', async () => {
    const geo = await loadRealGeo();
    const collections = reachable(geo).filter(
      (o): o is { type: string; features: { properties: Json; geometry: { coordinates: unknown[] } }[] } =>
        (o as Json).type === 'FeatureCollection' && Array.isArray((o as Json).features) && ((o as Json).features as unknown[]).length > 1,
    );
    expect(collections.length).toBeGreaterThan(3);
    for (const fc of collections) {
      const first = fc.features[0]!;
      const before = JSON.stringify(fc);
      expect(() => {
        first.properties.name_zh = 'changed';
      }).toThrow(TypeError);
      expect(() => {
        first.properties.added = true;
      }).toThrow(TypeError);
      expect(() => fc.features.push(first)).toThrow(TypeError);
      expect(() => fc.features.reverse()).toThrow(TypeError);
      expect(() => {
        first.geometry.coordinates[0] = 0;
      }).toThrow(TypeError);
      expect(JSON.stringify(fc)).toBe(before);
    }
  });
});
