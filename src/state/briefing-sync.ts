/**
 * The briefing's two outside connections, each a small start/stop function:
 * - keys a clicker sends (→/←, PageDown/PageUp, Space, Home/End, number + Enter, Esc) and a few
 *   of ours (R back to the chapter, F full screen, L legend, P/S/B pointer, spotlight, blank),
 *   read by a pure interpreter;
 * - a BroadcastChannel between the presenter and audience windows of one browser (no server),
 *   with a heartbeat each way: the presenter knows whether an audience window is open, and an
 *   audience window whether a presenter leads it.
 */
import type { AppStore } from './store';
import type { Camera, Lang } from '../domain/types';
import { isDetour } from './slices/briefing';
import type { BriefingPointer, PointerMode } from './slices/briefing';

// ---------------------------------------------------------------- keys

export type KeyAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'jump'; n: number }
  | { type: 'resume' }
  | { type: 'fullscreen' }
  | { type: 'leave' }
  | { type: 'pointer' }
  | { type: 'spotlight' }
  | { type: 'blank' }
  | { type: 'legend' };

export interface KeyResult {
  action: KeyAction | null;
  /** digits typed so far (number + Enter jumps) */
  buffer: string;
  /** whether the key was ours (the caller prevents the browser's default) */
  handled: boolean;
}

/** Pure: one key (KeyboardEvent.key) and the digits typed before it → what to do. */
export function interpretKey(key: string, buffer: string): KeyResult {
  if (/^[0-9]$/.test(key)) return { action: null, buffer: (buffer + key).slice(-3), handled: true };
  if (key === 'Enter') {
    if (buffer === '') return { action: null, buffer: '', handled: false };
    return { action: { type: 'jump', n: Number(buffer) }, buffer: '', handled: true };
  }
  const simple: Record<string, KeyAction> = {
    ArrowRight: { type: 'next' },
    PageDown: { type: 'next' },
    ' ': { type: 'next' },
    ArrowLeft: { type: 'prev' },
    PageUp: { type: 'prev' },
    Home: { type: 'first' },
    End: { type: 'last' },
    r: { type: 'resume' },
    R: { type: 'resume' },
    f: { type: 'fullscreen' },
    F: { type: 'fullscreen' },
    Escape: { type: 'leave' },
    p: { type: 'pointer' },
    P: { type: 'pointer' },
    s: { type: 'spotlight' },
    S: { type: 'spotlight' },
    // what clickers send for a black screen
    b: { type: 'blank' },
    B: { type: 'blank' },
    '.': { type: 'blank' },
    l: { type: 'legend' },
    L: { type: 'legend' },
  };
  const action = simple[key] ?? null;
  if (key === 'Backspace' && buffer) return { action: null, buffer: buffer.slice(0, -1), handled: true };
  return { action, buffer: action ? '' : buffer, handled: action !== null };
}

/** Runs an action on the store; `leave` and `fullscreen` go to the caller (they touch the window). */
export function runKeyAction(store: AppStore, a: KeyAction, outside: { leave(): void; fullscreen(): void }): void {
  const s = store.getState();
  switch (a.type) {
    case 'next':
      return s.nextChapter();
    case 'prev':
      return s.prevChapter();
    case 'first':
      return s.goToChapter(0);
    case 'last':
      return s.goToChapter((s.briefing?.chapters.length ?? 1) - 1);
    case 'jump':
      if (a.n >= 1 && a.n <= (s.briefing?.chapters.length ?? 0)) s.goToChapter(a.n - 1);
      return;
    case 'resume':
      return s.resumeChapter();
    case 'fullscreen':
      return outside.fullscreen();
    case 'leave':
      return outside.leave();
    case 'pointer':
      return s.setPointerMode(s.briefingPointerMode === 'pointer' ? 'off' : 'pointer');
    case 'spotlight':
      return s.setPointerMode(s.briefingPointerMode === 'spotlight' ? 'off' : 'spotlight');
    case 'blank':
      return s.setBriefingBlank(!s.briefingBlank);
    case 'legend':
      return s.setBriefingLegendOpen(!s.briefingLegendOpen);
  }
}

/** Inputs that take no typing: a clicker's keys pass them by (Space and Enter only press them, and only from the keyboard). */
const PRESSED_INPUTS = /^(checkbox|radio|button|submit|reset|image|color|file)$/i;

/** A field that takes typing or arrow keys (text, number, range, select, text area, editable): every key is its own. */
function typesIntoIt(el: HTMLElement): boolean {
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !PRESSED_INPUTS.test((el as HTMLInputElement).type);
}

/** A control that Space and Enter press: a button, a checkbox or radio, a link, a summary, role=button. */
function pressable(el: HTMLElement): boolean {
  return /^(BUTTON|A|SUMMARY|INPUT)$/.test(el.tagName) || el.getAttribute('role') === 'button';
}

/**
 * Listens for the briefing's keys on `target` (the window), wherever the focus is (the map and
 * checkboxes included: a key that is ours never reaches them). Keys typed into a text field, a
 * select or a slider, or with Ctrl/Alt/Meta, are left alone. Space and Enter press a button,
 * checkbox or link that the keyboard brought the focus to (Tab), but not one that has it from a
 * click: a presenter clicks "Open audience window" or ticks a box, then the clicker's Space
 * turns the page. (The browser's :focus-visible cannot tell these apart: any key, the clicker's
 * too, makes a clicked control match it.) `onBuffer` hears the digits typed so far.
 */
export function startBriefingKeys(
  store: AppStore,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  outside: { leave(): void; fullscreen(): void; onBuffer?(digits: string): void },
): () => void {
  let buffer = '';
  // a pointer press since the last key: the next focus comes from it (a click, or a click on a label)
  let pressed = false;
  let clicked: EventTarget | null = null;
  const onPointer = () => {
    pressed = true;
  };
  const onFocus = (e: FocusEvent) => {
    clicked = pressed ? e.target : null;
    pressed = false;
  };
  const onKey = (e: KeyboardEvent) => {
    pressed = false;
    if (e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return;
    const el = e.target as HTMLElement | null;
    if (el && typesIntoIt(el)) return;
    // Space and Enter on a control the keyboard brought the focus to belong to the control
    if ((e.key === ' ' || (e.key === 'Enter' && buffer === '')) && el && pressable(el) && el !== clicked) return;
    const r = interpretKey(e.key, buffer);
    if (r.buffer !== buffer) outside.onBuffer?.(r.buffer);
    buffer = r.buffer;
    if (!r.handled) return;
    e.preventDefault();
    e.stopPropagation();
    if (r.action) runKeyAction(store, r.action, outside);
  };
  // heard first (capture), and kept from the map: its own arrow-key panning gives way to the clicker
  target.addEventListener('keydown', onKey as EventListener, true);
  target.addEventListener('pointerdown', onPointer, true);
  target.addEventListener('focusin', onFocus as EventListener, true);
  return () => {
    target.removeEventListener('keydown', onKey as EventListener, true);
    target.removeEventListener('pointerdown', onPointer, true);
    target.removeEventListener('focusin', onFocus as EventListener, true);
  };
}

// ---------------------------------------------------------------- presenter ↔ audience

export const BRIEFING_CHANNEL = 'sei-map-briefing';

/** How often an audience window says it is there, and how long the presenter waits before it counts it gone (ms). */
export const HEARTBEAT_MS = 1000;
export const AUDIENCE_TIMEOUT_MS = 3500;

export type SyncMessage =
  | { type: 'hello' }
  /** an audience window is still open (every HEARTBEAT_MS) */
  | { type: 'here' }
  /** an audience window is closing */
  | { type: 'bye' }
  /** the presenter window is open (every HEARTBEAT_MS, and in answer to hello) or closing (on: false) */
  | { type: 'presenter'; on: boolean }
  | { type: 'legend'; open: boolean }
  | { type: 'apply'; index: number; startedAt: number | null }
  | { type: 'lang'; lang: Lang }
  | { type: 'pointer'; mode: PointerMode; at: BriefingPointer | null }
  | { type: 'blank'; on: boolean }
  /** where the presenter has scrolled the chapter's figures (briefingScroll) */
  | { type: 'scroll'; anchor: number; within: number }
  /** the presenter's detour (its camera and the park or zone it opened), for the room to see */
  | { type: 'view'; camera: Camera | null; park: string | null; zone: string | null };

const MODES: readonly PointerMode[] = ['off', 'pointer', 'spotlight'];
const isPointer = (p: unknown): p is BriefingPointer => {
  if (typeof p !== 'object' || p === null) return false;
  const x = p as Record<string, unknown>;
  return [x.lng, x.lat, x.radiusM].every((v) => typeof v === 'number' && Number.isFinite(v));
};

export interface ChannelLike {
  postMessage(m: unknown): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  close(): void;
}

const isCamera = (c: unknown): c is Camera => {
  if (typeof c !== 'object' || c === null) return false;
  const x = c as Record<string, unknown>;
  return [x.lng, x.lat, x.zoom].every((v) => typeof v === 'number' && Number.isFinite(v));
};
const isId = (v: unknown) => v === null || (typeof v === 'string' && v.length > 0 && v.length <= 100);

function isMessage(m: unknown): m is SyncMessage {
  if (typeof m !== 'object' || m === null) return false;
  const x = m as Record<string, unknown>;
  if (x.type === 'hello' || x.type === 'here' || x.type === 'bye') return true;
  if (x.type === 'legend') return typeof x.open === 'boolean';
  if (x.type === 'presenter') return typeof x.on === 'boolean';
  if (x.type === 'apply') return Number.isInteger(x.index) && (x.startedAt === null || typeof x.startedAt === 'number');
  if (x.type === 'lang') return x.lang === 'zh' || x.lang === 'en';
  if (x.type === 'pointer') return MODES.includes(x.mode as PointerMode) && (x.at === null || isPointer(x.at));
  if (x.type === 'blank') return typeof x.on === 'boolean';
  if (x.type === 'scroll')
    return (
      Number.isInteger(x.anchor) && (x.anchor as number) >= -1 && (x.anchor as number) < 1000 && typeof x.within === 'number' && x.within >= 0 && x.within <= 1
    );
  if (x.type === 'view') return (x.camera === null || isCamera(x.camera)) && isId(x.park) && isId(x.zone);
  return false;
}

/** What the channel needs from the window: a clock, an interval timer, and `pagehide` (a window closing). */
export interface ChannelEnv {
  now(): number;
  every(ms: number, fn: () => void): () => void;
  onClose(fn: () => void): () => void;
}

const windowEnv = (): ChannelEnv => ({
  now: () => Date.now(),
  every: (ms, fn) => {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
  onClose: (fn) => {
    if (typeof window === 'undefined') return () => {};
    window.addEventListener('pagehide', fn);
    return () => window.removeEventListener('pagehide', fn);
  },
});

/**
 * Keeps the presenter and audience windows on the same chapter. Every chapter applied here
 * (next, jump, back-to-chapter) is sent; every one received is applied (never sent back); so are
 * the language, the legend, the pointer and the blank screen, and the presenter's detours (its
 * camera and the park or zone it opens; the audience's own pans are not sent back).
 * The presenter is the authority at start: it announces itself, and answers an audience
 * window's `hello` with its chapter, language, legend, pointer and blank screen. An audience
 * window says `here` every HEARTBEAT_MS and `bye` when it closes; the presenter shows it as
 * connected until a `bye` or AUDIENCE_TIMEOUT_MS without a word. The presenter beats the same way
 * (`presenter`), and an audience window counts itself led until the presenter closes or goes
 * silent as long. Embedded maps do not take part.
 */
export function startBriefingChannel(
  store: AppStore,
  open: (name: string) => ChannelLike | null = (name) => (typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null),
  env: ChannelEnv = windowEnv(),
): () => void {
  const role = store.getState().briefingRole;
  if (role !== 'presenter' && role !== 'audience') return () => {};
  const channel = open(BRIEFING_CHANNEL);
  if (!channel) return () => {};
  let remote = false;
  let lastHeard = -Infinity;
  let lastPresenter = -Infinity;
  const state = () => store.getState();
  const send = (m: SyncMessage) => channel.postMessage(m);
  const applyMsg = (): SyncMessage => ({ type: 'apply', index: state().briefingIndex, startedAt: state().briefingStartedAt });
  const pointerMsg = (): SyncMessage => ({ type: 'pointer', mode: state().briefingPointerMode, at: state().briefingPointer });
  const viewMsg = (): SyncMessage => ({ type: 'view', camera: state().camera, park: state().selectedParkId, zone: state().selectedZoneId });
  const heard = () => {
    lastHeard = env.now();
    state().setAudienceConnected(true);
  };

  const onMessage = (e: MessageEvent) => {
    const m: unknown = e.data;
    if (!isMessage(m) || !state().briefingActive) return;
    const presenter = state().briefingRole === 'presenter';
    remote = true;
    try {
      if (m.type === 'hello') {
        if (presenter) {
          heard();
          send(applyMsg());
          send({ type: 'lang', lang: state().lang });
          send({ type: 'legend', open: state().briefingLegendOpen });
          send(pointerMsg());
          send({ type: 'blank', on: state().briefingBlank });
          if (isDetour(state())) send(viewMsg());
          const at = state().briefingScroll;
          if (at) send({ type: 'scroll', ...at });
          send({ type: 'presenter', on: true });
        }
      } else if (m.type === 'presenter') {
        if (!presenter) {
          lastPresenter = m.on ? env.now() : -Infinity;
          state().setPresenterConnected(m.on);
        }
      } else if (m.type === 'here') {
        if (presenter) heard();
      } else if (m.type === 'bye') {
        if (presenter) {
          lastHeard = -Infinity;
          state().setAudienceConnected(false);
        }
      } else if (m.type === 'apply') {
        const own = state().briefingStartedAt;
        if (m.startedAt !== null && (own === null || m.startedAt < own)) state().setBriefingStartedAt(m.startedAt);
        state().goToChapter(m.index);
      } else if (m.type === 'lang') {
        if (state().lang !== m.lang) state().setLang(m.lang);
      } else if (m.type === 'legend') {
        state().setBriefingLegendOpen(m.open);
      } else if (m.type === 'pointer') {
        if (state().briefingPointerMode !== m.mode) state().setPointerMode(m.mode);
        state().setBriefingPointer(m.at);
      } else if (m.type === 'blank') {
        state().setBriefingBlank(m.on);
      } else if (m.type === 'scroll') {
        if (!presenter) state().setBriefingScroll({ anchor: m.anchor, within: m.within });
      } else if (m.type === 'view') {
        if (!presenter) {
          const s = state();
          if (m.park !== s.selectedParkId || m.zone !== s.selectedZoneId) {
            if (m.park) s.selectPark(m.park);
            else if (m.zone) s.selectZone(m.zone);
            else s.clearSelection();
          }
          if (m.camera) s.requestCamera(m.camera.lng, m.camera.lat, m.camera.zoom);
        }
      }
    } finally {
      remote = false;
    }
  };
  channel.addEventListener('message', onMessage);
  const unsubs = [
    store.subscribe(
      (s) => s.briefingSeq,
      () => {
        if (!remote && state().briefingActive) send(applyMsg());
      },
    ),
    store.subscribe(
      (s) => s.lang,
      (lang) => {
        if (!remote) send({ type: 'lang', lang });
      },
    ),
    store.subscribe(
      (s) => s.briefingLegendOpen,
      (legendOpen) => {
        if (!remote) send({ type: 'legend', open: legendOpen });
      },
    ),
    // the pointer and spotlight (by map coordinate) and the blank screen, from either window
    store.subscribe(
      (s) => [s.briefingPointerMode, s.briefingPointer] as const,
      () => {
        if (!remote) send(pointerMsg());
      },
      { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
    ),
    store.subscribe(
      (s) => s.briefingBlank,
      (on) => {
        if (!remote) send({ type: 'blank', on });
      },
    ),
  ];
  if (role === 'presenter') {
    send(applyMsg());
    // a detour (a pan, a zoom, a park or zone opened during questions) goes to the room too; the
    // chapter's own view does not (each window frames the chapter for its own size)
    unsubs.push(
      store.subscribe(
        (s) => [s.camera, s.selectedParkId, s.selectedZoneId] as const,
        () => {
          if (!remote && state().briefingActive && isDetour(state())) send(viewMsg());
        },
        { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] },
      ),
    );
    // the presenter's scroll through the chapter's figures: the room's panel follows it
    unsubs.push(
      store.subscribe(
        (s) => s.briefingScroll,
        (at) => {
          if (!remote && at && state().briefingActive) send({ type: 'scroll', ...at });
        },
      ),
    );
    // an audience window opened before this one answers the announcement with its heartbeat
    send({ type: 'presenter', on: true });
    unsubs.push(
      env.every(HEARTBEAT_MS, () => {
        send({ type: 'presenter', on: true });
        if (env.now() - lastHeard > AUDIENCE_TIMEOUT_MS) state().setAudienceConnected(false);
      }),
    );
    unsubs.push(env.onClose(() => send({ type: 'presenter', on: false })));
  } else {
    send({ type: 'hello' });
    unsubs.push(
      env.every(HEARTBEAT_MS, () => {
        send({ type: 'here' });
        if (env.now() - lastPresenter > AUDIENCE_TIMEOUT_MS) state().setPresenterConnected(false);
      }),
    );
    unsubs.push(env.onClose(() => send({ type: 'bye' })));
  }
  return () => {
    if (role === 'audience') send({ type: 'bye' });
    else send({ type: 'presenter', on: false });
    unsubs.forEach((u) => u());
    channel.removeEventListener('message', onMessage);
    channel.close();
  };
}
