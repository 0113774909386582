import { describe, expect, it } from 'vitest';
import { SWAP_EVENT, displayFrames, kindOf, mainThreadBreakdown } from '../../scripts/lib/trace-breakdown';
import type { TraceEvent } from '../../scripts/lib/trace-breakdown';

const on = (name: string, ts: number, dur: number, tid = 1): TraceEvent => ({ name, ph: 'X', ts, dur, pid: 7, tid });

describe('main-thread breakdown of a trace', () => {
  // the mark at 1,000 ms after the navigation; trace times in µs
  const events: TraceEvent[] = [
    { name: 'map:create', ph: 'R', ts: 1_000_000, pid: 7, tid: 1, cat: 'blink.user_timing' },
    on('RunTask', 100_000, 300_000),
    on('v8.evaluateModule', 120_000, 200_000),
    on('Layout', 150_000, 50_000),
    on('Layout', 500_000, 100_000),
    on('MinorGC', 700_000, 10_000),
    on('ParseHTML', 950_000, 100_000),
    // another thread, and after the mark: not counted
    on('FunctionCall', 200_000, 400_000, 2),
    on('FunctionCall', 1_100_000, 50_000),
  ];

  it('counts each event’s own time, nested events apart, and the rest as idle', () => {
    const b = mainThreadBreakdown(events, 'map:create', 1000)!;
    expect(b.script).toBe(150);
    expect(b['style & layout']).toBe(150);
    expect(b.other).toBe(100);
    expect(b.GC).toBe(10);
    // ParseHTML is cut at the mark
    expect(b.HTML).toBe(50);
    expect(b.paint).toBe(0);
    expect(b.idle).toBe(1000 - 300 - 100 - 10 - 50);
  });

  it('is null without the mark', () => {
    expect(mainThreadBreakdown(events, 'map:ready', 1000)).toBeNull();
  });

  it('sorts trace event names into kinds', () => {
    expect(kindOf('UpdateLayoutTree')).toBe('style & layout');
    expect(kindOf('v8.compileModule')).toBe('script');
    expect(kindOf('V8.GCScavenger')).toBe('GC');
    expect(kindOf('Paint')).toBe('paint');
    expect(kindOf('RunTask')).toBe('other');
  });
});

describe('display frames in a trace', () => {
  const swap = (ts: number, dur: number): TraceEvent => ({ name: SWAP_EVENT, ph: 'X', ts, dur, pid: 9, tid: 1, cat: 'viz' });
  const mark = (name: string, ts: number): TraceEvent => ({ name, ph: 'R', ts, pid: 7, tid: 1, cat: 'blink.user_timing' });
  const events: TraceEvent[] = [
    swap(100_000, 20_000),
    swap(300_000, 30_000),
    mark('map:create', 400_000),
    swap(500_000, 150_000),
    swap(900_000, 400_000),
    mark('map:ready', 1_400_000),
    // after ready, and another event of the GPU process: not counted
    swap(1_500_000, 50_000),
    { name: 'GpuChannel::ExecuteDeferredRequest', ph: 'X', ts: 600_000, dur: 10_000, pid: 9, tid: 1, cat: 'gpu' },
  ];

  it('counts the frames and their ms until the data are in the map, and from then to ready', () => {
    expect(displayFrames(events, 'map:create', 'map:ready')).toEqual({ untilData: { frames: 2, ms: 50 }, toReady: { frames: 2, ms: 550 } });
  });

  it('is null without either mark', () => {
    expect(displayFrames(events, 'map:data', 'map:ready')).toBeNull();
    expect(displayFrames(events, 'map:create', 'map:idle')).toBeNull();
  });
});
