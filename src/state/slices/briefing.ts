/**
 * Store slice of the briefing feature (wired into src/state/store.ts): the loaded script, the
 * current chapter, the window's role, and the chapter's own view. Applying a chapter uses the
 * store's ordinary actions (setSectors, setLayerVisible, clearSelection, requestCamera) plus the
 * highlight, so a chapter is exactly what a user could have set up by hand.
 */
import type { Slice } from '../slice-type';
import type { AppState } from '../store';
import type { Briefing, BriefingChapter } from '../../loaders/briefing-schema';
import { LAYER_GROUP_IDS } from '../../domain/ids';

export type BriefingRole = 'audience' | 'presenter' | 'embed';

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
  briefingCameraSettled(): void;
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
  if (s.briefingCameraPending || !s.camera) return false;
  const c = s.camera;
  return (
    Math.abs(c.lng - ch.camera.lng) > CAMERA_TOLERANCE.deg ||
    Math.abs(c.lat - ch.camera.lat) > CAMERA_TOLERANCE.deg ||
    Math.abs(c.zoom - ch.camera.zoom) > CAMERA_TOLERANCE.zoom
  );
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
    set((prev) => ({ briefingIndex: i, briefingHighlight: [...ch.highlight], briefingCameraPending: true, briefingSeq: prev.briefingSeq + 1 }));
    s.requestCamera(ch.camera.lng, ch.camera.lat, ch.camera.zoom);
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
    briefingCameraSettled: () => {
      if (get().briefingCameraPending) set({ briefingCameraPending: false });
    },
  };
};
