import { afterEach, describe, expect, test, vi } from 'vitest';
import { afterFirstView, MAP_READY_MARK } from '../../src/lib/perf';

describe('afterFirstView', () => {
  afterEach(() => {
    performance.clearMarks();
    vi.useRealTimers();
  });

  const settled = async (p: Promise<void>, ms: number): Promise<boolean> => {
    let done = false;
    void p.then(() => (done = true));
    await new Promise((r) => setTimeout(r, ms));
    return done;
  };

  test('resolves on the map-ready mark set before it was called', async () => {
    performance.mark('map:ready');
    expect(await settled(afterFirstView(60_000), 50)).toBe(true);
  });

  test('waits for the mark, and resolves when it comes', async () => {
    const p = afterFirstView(60_000);
    performance.mark('map:create');
    expect(await settled(p, 50)).toBe(false);
    performance.mark(MAP_READY_MARK);
    expect(await settled(p, 50)).toBe(true);
  });

  test('resolves after the time given when no map draws', async () => {
    vi.useFakeTimers();
    let done = false;
    void afterFirstView(15_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(14_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(done).toBe(true);
  });

  test('the mark is the one the map sets', () => {
    expect(MAP_READY_MARK).toBe('map:ready');
  });
});
