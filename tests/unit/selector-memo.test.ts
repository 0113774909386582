/** Memoised selectors: a result per store, kept for the last two inputs (the new state and the one still shown). */
import { describe, expect, it } from 'vitest';
import { memo } from '../../src/state/selectors/memo';
import { createAppStore } from '../../src/state/store';

describe('memo', () => {
  const counting = () => {
    const calls: string[][] = [];
    const sel = memo(
      (s) => [s.sectorFilter] as const,
      ([sectors]) => {
        calls.push([...sectors]);
        return { n: sectors.length };
      },
    );
    return { sel, calls };
  };

  it('computes once per inputs and returns the same object while they hold', () => {
    const store = createAppStore();
    const { sel, calls } = counting();
    const a = sel(store.getState());
    expect(sel(store.getState())).toBe(a);
    store.getState().setSectors(['ic']);
    const b = sel(store.getState());
    expect(b).not.toBe(a);
    expect(b).toEqual({ n: 1 });
    expect(calls).toEqual([[], ['ic']]);
  });

  it('reading the state before and the state after in turn computes each once', () => {
    const store = createAppStore();
    const { sel, calls } = counting();
    const before = store.getState();
    const r0 = sel(before);
    store.getState().setSectors(['ic']);
    const after = store.getState();
    const r1 = sel(after);
    for (let k = 0; k < 3; k++) {
      expect(sel(before)).toBe(r0);
      expect(sel(after)).toBe(r1);
    }
    expect(calls).toEqual([[], ['ic']]);
  });

  it('keeps two: a third state evicts the one read least recently', () => {
    const store = createAppStore();
    const { sel, calls } = counting();
    const s0 = store.getState();
    sel(s0);
    store.getState().setSectors(['ic']);
    const s1 = store.getState();
    sel(s1);
    sel(s0); // s0 is now the latest read, s1 the older
    store.getState().setSectors(['ai']);
    const s2 = store.getState();
    sel(s2); // evicts s1
    sel(s0);
    expect(calls).toEqual([[], ['ic'], ['ai']]);
    sel(s1);
    expect(calls).toEqual([[], ['ic'], ['ai'], ['ic']]);
  });

  it('two stores never share a result', () => {
    const { sel, calls } = counting();
    const a = createAppStore();
    const b = createAppStore();
    expect(sel(a.getState())).not.toBe(sel(b.getState()));
    expect(calls).toEqual([[], []]);
  });
});
