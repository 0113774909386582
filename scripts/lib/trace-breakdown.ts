/**
 * Where a page's main thread spends the time from navigation to a user-timing mark, read from a
 * Chrome trace (the DevTools timeline categories): each complete event's own time (its duration
 * less its children's) is put in a kind, and the time no event covers is idle (the thread waits
 * for the network, a worker or the GPU process). Used by scripts/bench-browser.ts to show why the
 * app's map is created later than the bare page's.
 */

/** The fields of a Chrome trace event this reads. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
}

export const KINDS = ['script', 'style & layout', 'paint', 'GC', 'HTML', 'other', 'idle'] as const;
export type Kind = (typeof KINDS)[number];

const STYLE_LAYOUT = new Set([
  'Layout',
  'UpdateLayoutTree',
  'RecalculateStyles',
  'UpdateLayerTree',
  'ScheduleStyleRecalculation',
  'InvalidateLayout',
  'PrePaint',
  'Layerize',
]);
const PAINT = new Set(['Paint', 'PaintImage', 'Rasterize', 'CompositeLayers', 'Commit', 'UpdateLayer']);
const SCRIPT = new Set([
  'EvaluateScript',
  'FunctionCall',
  'RunMicrotasks',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'FireIdleCallback',
  'XHRReadyStateChange',
  'XHRLoad',
  'CompileScript',
  'CompileCode',
  'CacheScript',
]);

/** The kind an event's own time counts as. */
export function kindOf(name: string): Exclude<Kind, 'idle'> {
  if (STYLE_LAYOUT.has(name)) return 'style & layout';
  if (PAINT.has(name)) return 'paint';
  if (/GC|Scavenge|MarkCompact|BlinkGC/.test(name)) return 'GC';
  if (name === 'ParseHTML' || name === 'ParseAuthorStyleSheet') return 'HTML';
  if (SCRIPT.has(name) || name.startsWith('v8.') || name.startsWith('V8.')) return 'script';
  return 'other';
}

/** The user-timing mark `name` in a trace (its first), if there is one. */
function findMark(events: readonly TraceEvent[], name: string): TraceEvent | undefined {
  return events.find((e) => e.name === name && (e.cat ?? '').includes('user_timing'));
}

/**
 * Milliseconds per kind on the thread that set `mark`, from the navigation (the mark's trace time
 * less its `startTime`, both of the same page) to the mark. `markStartMs`: the mark's
 * performance.now() in the page. Null when the trace holds no such mark.
 */
export function mainThreadBreakdown(events: readonly TraceEvent[], mark: string, markStartMs: number): Record<Kind, number> | null {
  const m = findMark(events, mark);
  if (!m) return null;
  const end = m.ts;
  const start = end - markStartMs * 1000;
  const own = events
    .filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && (e.dur ?? 0) > 0 && e.ts < end && e.ts + e.dur! > start)
    .map((e) => ({ name: e.name, a: Math.max(e.ts, start), b: Math.min(e.ts + e.dur!, end) }))
    // parents before their children: earlier start first, the longer first at the same start
    .sort((x, y) => x.a - y.a || y.b - x.b);
  const out = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const stack: { name: string; b: number; own: number }[] = [];
  let covered = 0;
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1]!.b <= until) {
      const top = stack.pop()!;
      out[kindOf(top.name)] += top.own;
    }
  };
  for (const e of own) {
    close(e.a);
    const parent = stack[stack.length - 1];
    // a child that outlasts its parent (clock rounding) is cut at the parent's end
    const b = parent ? Math.min(e.b, parent.b) : e.b;
    if (b <= e.a) continue;
    if (parent) parent.own -= b - e.a;
    else covered += b - e.a;
    stack.push({ name: e.name, b, own: b - e.a });
  }
  close(Infinity);
  out.idle = end - start - covered;
  for (const k of KINDS) out[k] /= 1000;
  return out;
}

/** The display compositor's frames in a span: how many, and the GPU process's ms in their SwapBuffers. */
export interface FrameSpan {
  frames: number;
  ms: number;
}

/** The GPU process's event for drawing and presenting one frame of the window (trace category `viz`). */
export const SWAP_EVENT = 'SkiaOutputSurfaceImplOnGpu::SwapBuffers';

/**
 * The window's frames (SWAP_EVENT) from the start of the trace to the user-timing mark `data`
 * (the page's data in the map), and from there to the mark `ready`. Under a software GPU
 * (SwiftShader) each frame draws the whole window on the CPU, so their count and cost show how
 * much of the GPU process's time the page's frames take. Null when the trace lacks either mark.
 */
export function displayFrames(events: readonly TraceEvent[], data: string, ready: string): { untilData: FrameSpan; toReady: FrameSpan } | null {
  const d = findMark(events, data)?.ts;
  const r = findMark(events, ready)?.ts;
  if (d === undefined || r === undefined) return null;
  const untilData: FrameSpan = { frames: 0, ms: 0 };
  const toReady: FrameSpan = { frames: 0, ms: 0 };
  for (const e of events) {
    if (e.name !== SWAP_EVENT || e.ph !== 'X' || e.ts > r) continue;
    const span = e.ts < d ? untilData : toReady;
    span.frames += 1;
    span.ms += (e.dur ?? 0) / 1000;
  }
  return { untilData, toReady };
}
