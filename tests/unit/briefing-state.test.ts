import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { cameraForBounds, isDetour } from '../../src/state/slices/briefing';
import { interpretKey, runKeyAction, startBriefingChannel } from '../../src/state/briefing-sync';
import type { ChannelEnv, ChannelLike } from '../../src/state/briefing-sync';
import { briefingBinding, chapterLink } from '../../src/state/url/bindings/briefing';
import { decodeUrl, layoutOf } from '../../src/state/url/codec';
import { applyUrlState } from '../../src/state/url/sync';
import { loadGeoData } from '../../src/loaders/load-geo';
import { loadBriefing } from '../../src/loaders/load-briefing';
import { diskFetcher } from '../fakes/geo-disk';

async function briefingStore() {
  const store = createAppStore();
  const [geo, b] = await Promise.all([loadGeoData('/', diskFetcher()), loadBriefing('/', diskFetcher())]);
  if (!b.ok) throw new Error(b.error);
  store.getState().setGeo(geo);
  store.getState().setBriefing(b.data);
  return { store, chapters: b.data.chapters };
}

describe('briefing keys', () => {
  it('maps clicker keys, and number + Enter', () => {
    for (const k of ['ArrowRight', 'PageDown', ' ']) expect(interpretKey(k, '').action).toEqual({ type: 'next' });
    for (const k of ['ArrowLeft', 'PageUp']) expect(interpretKey(k, '').action).toEqual({ type: 'prev' });
    expect(interpretKey('Home', '').action).toEqual({ type: 'first' });
    expect(interpretKey('End', '').action).toEqual({ type: 'last' });
    expect(interpretKey('Escape', '').action).toEqual({ type: 'leave' });
    expect(interpretKey('1', '')).toEqual({ action: null, buffer: '1', handled: true });
    expect(interpretKey('Enter', '10')).toEqual({ action: { type: 'jump', n: 10 }, buffer: '', handled: true });
    expect(interpretKey('Enter', '').handled).toBe(false);
    expect(interpretKey('x', '4')).toEqual({ action: null, buffer: '4', handled: false });
  });
});

describe('cameraForBounds: the first view of a chapter, before the map measures itself', () => {
  it('fits the tighter side: 360° across 512 px is zoom 0 (raised to the minimum 6); 1/1024 of it is zoom 10; a low window lets the height decide', () => {
    // 512 px of world + 2 × 40 px of room: the whole width is exactly one tile wide
    const c = cameraForBounds(
      [
        [-180, -10],
        [180, 10],
      ],
      592,
      2000,
      40,
    );
    expect(c.lng).toBe(0);
    expect(c.lat).toBeCloseTo(0, 9);
    expect(c.zoom).toBe(6); // zoom 0 is below the map's minimum (6)
    // 1/1024 of the world across 512 px: zoom 10 (width-bound); lat centre of a symmetric box is 0
    const d = cameraForBounds(
      [
        [0, -0.1],
        [360 / 1024, 0.1],
      ],
      512,
      5000,
      0,
    );
    expect(d.zoom).toBeCloseTo(10, 9);
    expect(d.lat).toBeCloseTo(0, 9);
    expect(d.lng).toBeCloseTo(180 / 1024, 12);
    // 0.2° of latitude at the equator is 1/900 of the world's Mercator height: in 256 px, zoom log2(900) ≈ 9.814
    const low = cameraForBounds(
      [
        [0, -0.1],
        [360 / 1024, 0.1],
      ],
      5000,
      256,
      0,
    );
    expect(low.zoom).toBeCloseTo(9.814, 2);
  });
});

describe('briefing slice', () => {
  it('applies a chapter with the store actions, detects a detour and resumes', async () => {
    const { store, chapters } = await briefingStore();
    const s = () => store.getState();
    s().startBriefing('audience', 5);
    const ch = chapters[5]!;
    expect(s().sectorFilter).toEqual(ch.sectors);
    expect(
      Object.entries(s().layerVisibility)
        .filter(([, on]) => on)
        .map(([g]) => g)
        .sort(),
    ).toEqual([...ch.layers].sort());
    expect(s().briefingHighlight).toEqual(ch.highlight);
    // the map frames the chapter's bounds for its own size: asked for, not yet known
    expect(s().briefingCameraPending).toBe(true);
    expect(s().briefingChapterCamera).toBeNull();
    expect(isDetour(s())).toBe(false);
    const framed = { lng: 121.55, lat: 31.14, zoom: 9.1 };
    s().setBriefingChapterCamera(framed);
    // the flight ends where asked: still no detour; a pan is one
    s().setCamera({ ...framed });
    s().briefingCameraSettled();
    expect(isDetour(s())).toBe(false);
    s().setCamera({ ...framed, lng: framed.lng + 0.1 });
    expect(isDetour(s())).toBe(true);
    s().resumeChapter();
    expect(isDetour(s())).toBe(false);
    s().selectPark('zhuqiao');
    expect(isDetour(s())).toBe(true);
    s().resumeChapter();
    expect(s().selectedParkId).toBeNull();
    s().toggleSector('ai');
    expect(isDetour(s())).toBe(true);
    const noop = { leave: () => {}, fullscreen: () => {} };
    runKeyAction(store, { type: 'resume' }, noop);
    expect(s().sectorFilter).toEqual(ch.sectors);
    runKeyAction(store, { type: 'jump', n: 99 }, noop);
    expect(s().briefingIndex).toBe(5);
    runKeyAction(store, { type: 'last' }, noop);
    expect(s().briefingIndex).toBe(chapters.length - 1);
    s().nextChapter();
    expect(s().briefingIndex).toBe(chapters.length - 1);
  });

  it('an unknown tour opens the first chapter with a notice; the URL is the chapter link', async () => {
    const { store } = await briefingStore();
    applyUrlState(store, decodeUrl('?tour=42&lang=en', ''));
    expect(store.getState().briefingIndex).toBe(0);
    expect(store.getState().notices.map((n) => n.text)).toEqual(['There is no chapter 42; showing chapter 1']);
    store.getState().selectPark('zhuqiao');
    expect(briefingBinding.read(store.getState())).toMatchObject({ tour: 1, view: null, embed: false, sectors: [], park: null, camera: null });
  });

  it('chooses the layout from the URL', () => {
    expect(layoutOf(decodeUrl('', ''))).toBe('app');
    expect(layoutOf(decodeUrl('?sector=ic', ''))).toBe('app');
    expect(layoutOf(decodeUrl('?tour=3', ''))).toBe('audience');
    expect(layoutOf(decodeUrl('?tour=abc', ''))).toBe('audience');
    expect(layoutOf(decodeUrl('?view=presenter', ''))).toBe('presenter');
    expect(layoutOf(decodeUrl('?tour=2&embed=1', ''))).toBe('embed');
  });

  it('writes chapter links with the codec, and they open the layout they name', () => {
    expect(chapterLink(1, 'zh')).toBe('?tour=1');
    expect(chapterLink(3, 'en', { view: 'presenter' })).toBe('?tour=3&view=presenter&lang=en');
    expect(chapterLink(2, 'zh', { embed: true })).toBe('?tour=2&embed=1');
    expect(layoutOf(decodeUrl(chapterLink(3, 'en', { view: 'presenter' }), ''))).toBe('presenter');
    expect(layoutOf(decodeUrl(chapterLink(2, 'zh', { embed: true }), ''))).toBe('embed');
  });
});

/** Two ends of one in-memory channel (a stand-in for BroadcastChannel between two windows). */
function channelPair(): [() => ChannelLike, () => ChannelLike] {
  const ends: { fns: ((e: MessageEvent) => void)[] }[] = [{ fns: [] }, { fns: [] }];
  const make = (me: number) => (): ChannelLike => ({
    postMessage: (m) => ends[1 - me]!.fns.forEach((f) => f({ data: structuredClone(m) } as MessageEvent)),
    addEventListener: (_t, f) => ends[me]!.fns.push(f),
    removeEventListener: (_t, f) => (ends[me]!.fns = ends[me]!.fns.filter((x) => x !== f)),
    close: () => {},
  });
  return [make(0), make(1)];
}

describe('presenter ↔ audience channel', () => {
  it('the audience follows the presenter (chapter, resume, language) without echoing back', async () => {
    const [a, p] = channelPair();
    const audience = await briefingStore();
    const presenter = await briefingStore();
    audience.store.getState().startBriefing('audience', 3);
    const stopA = startBriefingChannel(audience.store, a);
    presenter.store.getState().startBriefing('presenter', 0, 1000);
    const stopP = startBriefingChannel(presenter.store, p);
    expect(audience.store.getState().briefingIndex).toBe(0);
    expect(audience.store.getState().briefingStartedAt).toBe(1000);
    presenter.store.getState().nextChapter();
    expect(audience.store.getState().briefingIndex).toBe(1);
    audience.store.getState().selectPark('zhuqiao');
    const seq = presenter.store.getState().briefingSeq;
    presenter.store.getState().resumeChapter();
    expect(audience.store.getState().selectedParkId).toBeNull();
    expect(presenter.store.getState().briefingSeq).toBe(seq + 1);
    presenter.store.getState().setLang('en');
    expect(audience.store.getState().lang).toBe('en');
    stopA();
    stopP();
  });

  it('a detour reaches the room: the presenter’s pan and zoom and the park or zone it opens; the chapter’s own view does not, and back to chapter ends it in both', async () => {
    const [a, p] = channelPair();
    const audience = await briefingStore();
    const presenter = await briefingStore();
    const A = () => audience.store.getState();
    const P = () => presenter.store.getState();
    A().startBriefing('audience', 0);
    const stopA = startBriefingChannel(audience.store, a);
    P().startBriefing('presenter', 2, 1000);
    const stopP = startBriefingChannel(presenter.store, p);
    expect(A().briefingIndex).toBe(2);
    // the presenter's map frames the chapter for its size and lands there: not a detour, nothing sent
    const framed = { lng: 121.55, lat: 31.14, zoom: 9.1 };
    P().setBriefingChapterCamera(framed);
    P().setCamera({ ...framed });
    P().briefingCameraSettled();
    expect(A().cameraRequest).toBeNull();
    // a zoom during questions: the room's map goes there
    P().setCamera({ lng: 121.6, lat: 31.2, zoom: 11.5 });
    expect(A().cameraRequest).toMatchObject({ lng: 121.6, lat: 31.2, zoom: 11.5 });
    // a park opened, then a zone: the room sees it picked
    P().selectPark('zhuqiao');
    expect([A().selectedParkId, A().selectedZoneId]).toEqual(['zhuqiao', null]);
    const zone = P().derived!.zones[0]!.id;
    P().selectZone(zone);
    expect([A().selectedParkId, A().selectedZoneId]).toEqual([null, zone]);
    // nothing comes back from the room: a pan in the audience window stays there
    const before = P().cameraRequest;
    A().setCamera({ lng: 120, lat: 30, zoom: 7 });
    A().selectPark('the-bund');
    expect([P().cameraRequest, P().selectedZoneId]).toEqual([before, zone]);
    // back to the chapter, in both windows
    P().resumeChapter();
    expect([A().selectedParkId, A().selectedZoneId, A().briefingCameraPending]).toEqual([null, null, true]);
    // a room window opened during a detour is brought into it
    P().setCamera({ lng: 121.7, lat: 31.0, zoom: 12 });
    P().selectPark('zhuqiao');
    const [a2, p2] = channelPair();
    const late = await briefingStore();
    const stopP2 = startBriefingChannel(presenter.store, p2);
    late.store.getState().startBriefing('audience', 0);
    const stopL = startBriefingChannel(late.store, a2);
    expect(late.store.getState().briefingIndex).toBe(2);
    expect(late.store.getState().selectedParkId).toBe('zhuqiao');
    expect(late.store.getState().cameraRequest).toMatchObject({ lng: 121.7, lat: 31.0, zoom: 12 });
    // a malformed view changes nothing
    const had = [A().selectedParkId, A().cameraRequest];
    expect(had[0]).toBe('zhuqiao');
    const stranger = p();
    stranger.postMessage({ type: 'view', camera: { lng: 'x', lat: 1, zoom: 1 }, park: null, zone: null });
    stranger.postMessage({ type: 'view', camera: null, park: 'x'.repeat(500), zone: null });
    expect([A().selectedParkId, A().cameraRequest]).toEqual(had);
    [stopA, stopP, stopP2, stopL].forEach((f) => f());
  });

  it('the pointer, spotlight and blank reach the other window by map coordinate, and malformed ones are ignored', async () => {
    const [a, p] = channelPair();
    const audience = await briefingStore();
    const presenter = await briefingStore();
    audience.store.getState().startBriefing('audience', 0);
    const stopA = startBriefingChannel(audience.store, a);
    presenter.store.getState().startBriefing('presenter', 0, 1000);
    const stopP = startBriefingChannel(presenter.store, p);
    const noop = { leave: () => {}, fullscreen: () => {} };
    runKeyAction(presenter.store, interpretKey('p', '').action!, noop);
    expect(audience.store.getState().briefingPointerMode).toBe('pointer');
    presenter.store.getState().setBriefingPointer({ lng: 121.81, lat: 30.9, radiusM: 2500 });
    expect(audience.store.getState().briefingPointer).toEqual({ lng: 121.81, lat: 30.9, radiusM: 2500 });
    runKeyAction(presenter.store, interpretKey('S', '').action!, noop);
    expect(audience.store.getState().briefingPointerMode).toBe('spotlight');
    runKeyAction(presenter.store, interpretKey('s', '').action!, noop);
    expect(audience.store.getState().briefingPointerMode).toBe('off');
    expect(audience.store.getState().briefingPointer).toBeNull();
    runKeyAction(presenter.store, interpretKey('.', '').action!, noop);
    expect(audience.store.getState().briefingBlank).toBe(true);
    runKeyAction(presenter.store, interpretKey('b', '').action!, noop);
    expect(audience.store.getState().briefingBlank).toBe(false);
    // a message that is not one of ours changes nothing
    const stranger = p();
    stranger.postMessage({ type: 'pointer', mode: 'laser', at: null });
    stranger.postMessage({ type: 'pointer', mode: 'pointer', at: { lng: 'x', lat: 1, radiusM: 1 } });
    stranger.postMessage({ type: 'blank', on: 'yes' });
    expect(audience.store.getState().briefingPointerMode).toBe('off');
    expect(audience.store.getState().briefingBlank).toBe(false);
    stopA();
    stopP();
  });

  it('the presenter’s scroll through the figures reaches the room, and a late audience window gets it; the audience’s never goes back; malformed ones are ignored', async () => {
    const [a, p] = channelPair();
    const audience = await briefingStore();
    const presenter = await briefingStore();
    const A = () => audience.store.getState();
    const P = () => presenter.store.getState();
    A().startBriefing('audience', 0);
    const stopA = startBriefingChannel(audience.store, a);
    P().startBriefing('presenter', 10, 1000);
    const stopP = startBriefingChannel(presenter.store, p);
    P().setBriefingScroll({ anchor: 2, within: 0.25 });
    expect(A().briefingScroll).toEqual({ anchor: 2, within: 0.25 });
    // the room's own scroll (it has none to make, led) is not sent back
    A().setBriefingScroll({ anchor: 0, within: 0 });
    expect(P().briefingScroll).toEqual({ anchor: 2, within: 0.25 });
    // not ours: a fraction past 1, an anchor that is not a whole number, one below the top
    const stranger = p();
    stranger.postMessage({ type: 'scroll', anchor: 1, within: 2 });
    stranger.postMessage({ type: 'scroll', anchor: 1.5, within: 0 });
    stranger.postMessage({ type: 'scroll', anchor: -2, within: 0 });
    expect(A().briefingScroll).toEqual({ anchor: 0, within: 0 });
    // an audience window opened later hears where the presenter is
    const [a2, p2] = channelPair();
    const late = await briefingStore();
    const stopP2 = startBriefingChannel(presenter.store, p2);
    late.store.getState().startBriefing('audience', 0);
    const stopL = startBriefingChannel(late.store, a2);
    expect(late.store.getState().briefingScroll).toEqual({ anchor: 2, within: 0.25 });
    stopL();
    stopP2();
    stopA();
    stopP();
  });

  it('L toggles the legend, in this window and the other; a late audience window gets the language and legend with the chapter', async () => {
    const [a, p] = channelPair();
    const audience = await briefingStore();
    const presenter = await briefingStore();
    presenter.store.getState().startBriefing('presenter', 2, 1000);
    const stopP = startBriefingChannel(presenter.store, p, fakeEnv().env);
    const noop = { leave: () => {}, fullscreen: () => {} };
    expect(interpretKey('l', '').action).toEqual({ type: 'legend' });
    expect(interpretKey('L', '').action).toEqual({ type: 'legend' });
    runKeyAction(presenter.store, interpretKey('L', '').action!, noop);
    presenter.store.getState().setLang('en');
    expect(presenter.store.getState().briefingLegendOpen).toBe(true);
    // the audience window opens now, in Chinese, legend closed, at chapter 1: hello brings it up to date
    audience.store.getState().startBriefing('audience', 0);
    const stopA = startBriefingChannel(audience.store, a, fakeEnv().env);
    expect(audience.store.getState().briefingIndex).toBe(2);
    expect(audience.store.getState().lang).toBe('en');
    expect(audience.store.getState().briefingLegendOpen).toBe(true);
    runKeyAction(presenter.store, interpretKey('l', '').action!, noop);
    expect(audience.store.getState().briefingLegendOpen).toBe(false);
    presenter.store.getState().setBriefingLegendOpen(true);
    expect(audience.store.getState().briefingLegendOpen).toBe(true);
    // a malformed legend message changes nothing
    p().postMessage({ type: 'legend', open: 'no' });
    expect(audience.store.getState().briefingLegendOpen).toBe(true);
    stopA();
    stopP();
  });

  it('the presenter sees the audience window connected while it beats, and not after bye or 3.5 s of silence', async () => {
    const [a, p] = channelPair();
    const audience = await briefingStore();
    const presenter = await briefingStore();
    const clockP = fakeEnv();
    const clockA = fakeEnv();
    presenter.store.getState().startBriefing('presenter', 0, 1000);
    const stopP = startBriefingChannel(presenter.store, p, clockP.env);
    expect(presenter.store.getState().briefingAudienceConnected).toBe(false);
    audience.store.getState().startBriefing('audience', 0);
    let stopA = startBriefingChannel(audience.store, a, clockA.env);
    expect(presenter.store.getState().briefingAudienceConnected).toBe(true);
    // ten seconds of heartbeats: still connected
    for (let i = 0; i < 10; i++) {
      clockA.tick(1000);
      clockP.tick(1000);
    }
    expect(presenter.store.getState().briefingAudienceConnected).toBe(true);
    // the window closes: bye
    clockA.close();
    expect(presenter.store.getState().briefingAudienceConnected).toBe(false);
    stopA();
    // a window that dies without a word: its heartbeats stop
    stopA = startBriefingChannel(audience.store, a, clockA.env);
    expect(presenter.store.getState().briefingAudienceConnected).toBe(true);
    clockA.silence();
    clockP.tick(1000);
    clockP.tick(1000);
    clockP.tick(1000);
    expect(presenter.store.getState().briefingAudienceConnected).toBe(true);
    clockP.tick(1000);
    expect(presenter.store.getState().briefingAudienceConnected).toBe(false);
    // the audience window never shows itself as connected
    expect(audience.store.getState().briefingAudienceConnected).toBe(false);
    stopA();
    stopP();
  });

  it('an audience window counts itself led while the presenter beats, and not after the presenter closes or 3.5 s of silence', async () => {
    const [a, p] = channelPair();
    const audience = await briefingStore();
    const presenter = await briefingStore();
    const clockP = fakeEnv();
    const clockA = fakeEnv();
    // a tour on its own: no presenter
    audience.store.getState().startBriefing('audience', 0);
    const stopA = startBriefingChannel(audience.store, a, clockA.env);
    clockA.tick(5000);
    expect(audience.store.getState().briefingPresenterConnected).toBe(false);
    // a presenter opens: it announces itself
    presenter.store.getState().startBriefing('presenter', 0, 1000);
    let stopP = startBriefingChannel(presenter.store, p, clockP.env);
    expect(audience.store.getState().briefingPresenterConnected).toBe(true);
    for (let i = 0; i < 10; i++) {
      clockP.tick(1000);
      clockA.tick(1000);
    }
    expect(audience.store.getState().briefingPresenterConnected).toBe(true);
    // the presenter window closes
    clockP.close();
    expect(audience.store.getState().briefingPresenterConnected).toBe(false);
    stopP();
    // it opens again, then dies without a word: led until 3.5 s of silence
    stopP = startBriefingChannel(presenter.store, p, clockP.env);
    expect(audience.store.getState().briefingPresenterConnected).toBe(true);
    clockP.silence();
    clockA.tick(1000);
    clockA.tick(1000);
    clockA.tick(1000);
    expect(audience.store.getState().briefingPresenterConnected).toBe(true);
    clockA.tick(1000);
    expect(audience.store.getState().briefingPresenterConnected).toBe(false);
    // the presenter never counts itself led
    expect(presenter.store.getState().briefingPresenterConnected).toBe(false);
    stopA();
    stopP();
  });
});

/** A window's clock, timers and closing under the test's control. */
function fakeEnv() {
  let t = 0;
  let timers: { ms: number; next: number; fn: () => void }[] = [];
  let closers: (() => void)[] = [];
  const env: ChannelEnv = {
    now: () => t,
    every: (ms, fn) => {
      const timer = { ms, next: t + ms, fn };
      timers.push(timer);
      return () => (timers = timers.filter((x) => x !== timer));
    },
    onClose: (fn) => {
      closers.push(fn);
      return () => (closers = closers.filter((x) => x !== fn));
    },
  };
  return {
    env,
    tick(ms: number) {
      t += ms;
      for (const timer of timers)
        while (timer.next <= t) {
          timer.next += timer.ms;
          timer.fn();
        }
    },
    close: () => closers.forEach((f) => f()),
    silence: () => (timers = []),
  };
}
