/**
 * Store slice of the briefing feature (wired into src/state/store.ts): the loaded script, the
 * current chapter, the window's role, the chapter's own view, and the presenter's tools (legend,
 * pointer, spotlight, blank). Applying a chapter uses the store's ordinary actions (setSectors,
 * setLayerVisible, clearSelection) plus the highlight and a request to frame the chapter's
 * bounds, so a chapter is exactly what a user could have set up by hand.
 */
import type { Slice } from '../slice-type';
import type { AppState } from '../store';
import type { Briefing, BriefingChapter } from '../../loaders/briefing-schema';
import type { Camera } from '../../domain/types';
import { LAYER_GROUP_IDS } from '../../domain/ids';

export type BriefingRole = 'audience' | 'presenter' | 'embed';

/** What the presenter's mouse does on the map: nothing, a laser dot, or a spotlight (the rest dimmed). */
export type PointerMode = 'off' | 'pointer' | 'spotlight';

/** A place in a chapter's figures, the same in both windows however each lays them out (see briefingScroll). */
export interface BriefingScroll {
  anchor: number;
  within: number;
}

/** Where the pointer is, by map coordinate (so windows of different sizes agree), and the spotlight's radius on the ground. */
export interface BriefingPointer {
  lng: number;
  lat: number;
  radiusM: number;
}

export interface BriefingSlice {
  briefing: Briefing | null;
  briefingActive: boolean;
  /** 0-based index of the current chapter */
  briefingIndex: number;
  briefingRole: BriefingRole | null;
  /** zone and park ids the map draws highlighted */
  briefingHighlight: string[];
  /** when the talk started (ms since epoch; shared between presenter and audience windows) */
  briefingStartedAt: number | null;
  /** true from applying a chapter until the map reports where its flight ended */
  briefingCameraPending: boolean;
  /** bumped each time a chapter is (re)applied */
  briefingSeq: number;
  /** bumped each time the map must frame the chapter's bounds (a chapter applied, or the window resized at the chapter's view) */
  briefingFrameSeq: number;
  /** the camera that frames the current chapter in this window (the map sync computes it for the map's size); null until then */
  briefingChapterCamera: Camera | null;
  /** the legend shown over the map */
  briefingLegendOpen: boolean;
  briefingPointerMode: PointerMode;
  /** the pointer on the map, from this window or the other (null: off the map) */
  briefingPointer: BriefingPointer | null;
  /** the audience window is black */
  briefingBlank: boolean;
  /**
   * Where the presenter has scrolled the chapter's figures: the index of the figures' part at the
   * top of its panel (-1: above the first, the panel's top) and how far it is into that part (0–1);
   * the audience window's panel follows (null: not scrolled yet)
   */
  briefingScroll: BriefingScroll | null;
  /** presenter: whether an audience window answers on the channel */
  briefingAudienceConnected: boolean;
  /** (audience windows) a presenter window leads this one: it beats, so the room's window drops its own controls */
  briefingPresenterConnected: boolean;
  setBriefing(b: Briefing): void;
  startBriefing(role: BriefingRole, index?: number, startedAt?: number): void;
  /** goes to a chapter (clamped to the script) and applies it */
  goToChapter(index: number): void;
  nextChapter(): void;
  prevChapter(): void;
  /** re-applies the current chapter: leaves a detour */
  resumeChapter(): void;
  stopBriefing(): void;
  setBriefingStartedAt(t: number): void;
  /** the map has computed the chapter's camera for its size (and is going there) */
  setBriefingChapterCamera(c: Camera): void;
  briefingCameraSettled(): void;
  /** frames the chapter again for a new window size, unless the user has left the chapter */
  reframeChapter(): void;
  setBriefingLegendOpen(open: boolean): void;
  setPointerMode(mode: PointerMode): void;
  setBriefingPointer(p: BriefingPointer | null): void;
  setBriefingBlank(on: boolean): void;
  setBriefingScroll(at: BriefingScroll | null): void;
  setAudienceConnected(on: boolean): void;
  setPresenterConnected(on: boolean): void;
}

export function currentChapter(s: Pick<AppState, 'briefing' | 'briefingIndex' | 'briefingActive'>): BriefingChapter | null {
  return s.briefingActive ? (s.briefing?.chapters[s.briefingIndex] ?? null) : null;
}

export function chapterCount(s: Pick<AppState, 'briefing'>): number {
  return s.briefing?.chapters.length ?? 0;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Camera tolerance for “still at the chapter's view” (degrees, zoom levels). */
export const CAMERA_TOLERANCE = { deg: 2e-4, zoom: 0.02 };

/** Are two cameras the same view (within CAMERA_TOLERANCE)? */
export const sameCamera = (a: Camera, b: Camera): boolean =>
  Math.abs(a.lng - b.lng) <= CAMERA_TOLERANCE.deg && Math.abs(a.lat - b.lat) <= CAMERA_TOLERANCE.deg && Math.abs(a.zoom - b.zoom) <= CAMERA_TOLERANCE.zoom;

/**
 * Has the user left the chapter's view (filtered, switched layers, opened a card, panned or
 * zoomed)? Pure: compares the store with the chapter. The camera counts only once the map has
 * reported the end of the chapter's flight.
 */
export function isDetour(s: AppState): boolean {
  const ch = currentChapter(s);
  if (!ch) return false;
  if (!sameSet(s.sectorFilter, ch.sectors)) return true;
  if (LAYER_GROUP_IDS.some((id) => s.layerVisibility[id] !== ch.layers.includes(id))) return true;
  if (s.selectedParkId !== null || s.selectedZoneId !== null) return true;
  if (s.briefingCameraPending || !s.camera || !s.briefingChapterCamera) return false;
  return !sameCamera(s.camera, s.briefingChapterCamera);
}

/**
 * A camera that shows `bounds` in a map of width × height CSS pixels with `padding` around
 * (Web Mercator, 512-px tiles, as MapLibre): the map's first view before it can measure itself.
 */
export function cameraForBounds(bounds: BriefingChapter['bounds'], width: number, height: number, padding = 40): Camera {
  const [[w, s], [e, n]] = bounds;
  const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const dx = (e - w) / 360;
  const dy = (y(n) - y(s)) / (2 * Math.PI);
  const zoom = Math.log2(Math.min(Math.max(width - 2 * padding, 1) / (512 * dx), Math.max(height - 2 * padding, 1) / (512 * dy)));
  const midY = (y(n) + y(s)) / 2;
  const lat = (360 / Math.PI) * Math.atan(Math.exp(midY)) - 90;
  return { lng: (w + e) / 2, lat, zoom: Math.min(17, Math.max(6, zoom)) };
}

export const briefingSlice: Slice<BriefingSlice> = (set, get) => {
  const apply = (index: number) => {
    const s = get();
    const chapters = s.briefing?.chapters ?? [];
    if (chapters.length === 0) return;
    const i = Math.min(Math.max(0, Math.trunc(index)), chapters.length - 1);
    const ch = chapters[i]!;
    s.setSectors(ch.sectors);
    for (const id of LAYER_GROUP_IDS) if (s.layerVisibility[id] !== ch.layers.includes(id)) s.setLayerVisible(id, ch.layers.includes(id));
    s.clearSelection();
    set((prev) => ({
      briefingIndex: i,
      briefingHighlight: [...ch.highlight],
      briefingCameraPending: true,
      briefingChapterCamera: null,
      briefingSeq: prev.briefingSeq + 1,
      briefingFrameSeq: prev.briefingFrameSeq + 1,
    }));
  };
  return {
    briefing: null,
    briefingActive: false,
    briefingIndex: 0,
    briefingRole: null,
    briefingHighlight: [],
    briefingStartedAt: null,
    briefingCameraPending: false,
    briefingSeq: 0,
    briefingFrameSeq: 0,
    briefingChapterCamera: null,
    briefingLegendOpen: false,
    briefingPointerMode: 'off',
    briefingPointer: null,
    briefingBlank: false,
    briefingScroll: null,
    briefingAudienceConnected: false,
    briefingPresenterConnected: false,
    setBriefing: (briefing) => set({ briefing }),
    startBriefing: (role, index = 0, startedAt) => {
      set({ briefingActive: true, briefingRole: role, briefingStartedAt: startedAt ?? get().briefingStartedAt ?? Date.now() });
      apply(index);
    },
    goToChapter: (index) => {
      if (get().briefingActive) apply(index);
    },
    nextChapter: () => {
      const s = get();
      if (s.briefingActive && s.briefingIndex < chapterCount(s) - 1) apply(s.briefingIndex + 1);
    },
    prevChapter: () => {
      const s = get();
      if (s.briefingActive && s.briefingIndex > 0) apply(s.briefingIndex - 1);
    },
    resumeChapter: () => {
      if (get().briefingActive) apply(get().briefingIndex);
    },
    stopBriefing: () => set({ briefingActive: false, briefingHighlight: [], briefingCameraPending: false }),
    setBriefingStartedAt: (t) => set({ briefingStartedAt: t }),
    setBriefingChapterCamera: (c) => set({ briefingChapterCamera: { ...c } }),
    briefingCameraSettled: () => {
      if (get().briefingCameraPending) set({ briefingCameraPending: false });
    },
    reframeChapter: () => {
      const s = get();
      if (!currentChapter(s) || isDetour(s)) return;
      set((prev) => ({ briefingCameraPending: true, briefingFrameSeq: prev.briefingFrameSeq + 1 }));
    },
    setBriefingLegendOpen: (open) => set({ briefingLegendOpen: open }),
    setPointerMode: (mode) => set(mode === 'off' ? { briefingPointerMode: mode, briefingPointer: null } : { briefingPointerMode: mode }),
    setBriefingPointer: (p) => set({ briefingPointer: p }),
    setBriefingBlank: (on) => set({ briefingBlank: on }),
    setBriefingScroll: (briefingScroll) => set({ briefingScroll }),
    setAudienceConnected: (on) => {
      if (get().briefingAudienceConnected !== on) set({ briefingAudienceConnected: on });
    },
    setPresenterConnected: (on) => {
      if (get().briefingPresenterConnected !== on) set({ briefingPresenterConnected: on });
    },
  };
};
