import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Map as MlMap } from 'maplibre-gl';
import { FIRST_FRAME_HOLD_MS, holdFirstFrame } from '../../src/map/first-frame';

type Listener = (e: { firstView?: boolean }) => void;

/** A map with what the hold touches: its painter, whether its style is loaded, movestart, triggerRepaint. */
class FakeMap {
  loaded = false;
  drawn: string[] = [];
  repaints = 0;
  listeners: Listener[] = [];
  painter = new (class {
    constructor(private readonly owner: FakeMap) {}
    render(frame: string) {
      this.owner.drawn.push(frame);
    }
  })(this);
  isStyleLoaded() {
    return this.loaded;
  }
  triggerRepaint() {
    this.repaints++;
  }
  on(type: string, fn: Listener) {
    if (type === 'movestart') this.listeners.push(fn);
  }
  off(type: string, fn: Listener) {
    if (type === 'movestart') this.listeners = this.listeners.filter((l) => l !== fn);
  }
  move(e: { firstView?: boolean }) {
    for (const l of [...this.listeners]) l(e);
  }
  /** one frame of MapLibre's: the painter draws */
  frame(name: string) {
    (this.painter.render as (f: string) => void)(name);
  }
}

const asMap = (m: FakeMap) => m as unknown as MlMap;

describe('holdFirstFrame', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws nothing until the style is loaded, then that frame and every frame after', () => {
    const m = new FakeMap();
    holdFirstFrame(asMap(m));
    m.frame('1');
    m.frame('2');
    expect(m.drawn).toEqual([]);
    m.loaded = true;
    m.frame('3');
    // a frame later than that draws even while tiles load again (a pan)
    m.loaded = false;
    m.frame('4');
    expect(m.drawn).toEqual(['3', '4']);
    // the frame that ended the hold drew: no extra frame asked for
    expect(m.repaints).toBe(0);
    // the painter's own method is back
    expect(m.painter.render).toBe(Object.getPrototypeOf(m.painter).render);
  });

  it('draws as the data arrive once the longest hold has passed, and asks for the frame it held back', () => {
    const m = new FakeMap();
    holdFirstFrame(asMap(m), 1000);
    m.frame('1');
    vi.advanceTimersByTime(999);
    m.frame('2');
    expect(m.drawn).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(m.repaints).toBe(1);
    m.frame('3');
    expect(m.drawn).toEqual(['3']);
  });

  it('holds 2.5 s by default', () => {
    expect(FIRST_FRAME_HOLD_MS).toBe(2500);
    const m = new FakeMap();
    holdFirstFrame(asMap(m));
    vi.advanceTimersByTime(2499);
    m.frame('1');
    vi.advanceTimersByTime(1);
    m.frame('2');
    expect(m.drawn).toEqual(['2']);
  });

  it("ends at a camera move, but not at the first view's fit", () => {
    const m = new FakeMap();
    holdFirstFrame(asMap(m));
    m.move({ firstView: true });
    m.frame('1');
    expect(m.drawn).toEqual([]);
    m.move({});
    expect(m.repaints).toBe(1);
    m.frame('2');
    expect(m.drawn).toEqual(['2']);
    expect(m.listeners).toEqual([]);
  });

  it('ends when the map goes, asking for no frame and leaving no timer', () => {
    const m = new FakeMap();
    const end = holdFirstFrame(asMap(m));
    end();
    expect(m.repaints).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    m.frame('1');
    expect(m.drawn).toEqual(['1']);
  });

  it('holds nothing on a map without a painter', () => {
    const m = { isStyleLoaded: () => false, on: vi.fn(), off: vi.fn(), triggerRepaint: vi.fn() };
    const end = holdFirstFrame(m as unknown as MlMap);
    expect(m.on).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    end();
  });
});
