/**
 * The app's one store, built from typed slices. createAppStore() makes a fresh store (tests);
 * `useAppStore` is the app's singleton. The MapLibre map is not in here: the controller holds it.
 */
import { createContext, useContext } from 'react';
import { createStore, useStore } from 'zustand';
import type { Slice } from './slice-type';
import { findSlice } from './slices/find';
import type { FindSlice } from './slices/find';
import { sitesSlice } from './slices/sites';
import type { SitesSlice } from './slices/sites';
import { briefingSlice } from './slices/briefing';
import type { BriefingSlice } from './slices/briefing';
import { subscribeWithSelector } from 'zustand/middleware';
import type { GeoData } from '../loaders/load-geo';
import { deriveData } from './derive';
import type { Derived } from './derive';
import { LAYER_GROUP_IDS } from '../domain/ids';
import type { LayerGroupId } from '../domain/ids';
import type { Camera, Lang } from '../domain/types';

export interface UserNotice {
  id: number;
  text: string;
  /** extra lines, shown as plain text (never HTML) */
  details: string[];
}

// ---------------------------------------------------------------- slices
export interface DataSlice {
  geo: GeoData | null;
  derived: Derived | null;
  setGeo(geo: GeoData): void;
}

export interface FilterSlice {
  sectors: string[];
  toggleSector(id: string): void;
  setSectors(ids: string[]): void;
}

export interface SelectionSlice {
  park: string | null;
  zone: string | null;
  selectPark(id: string | null): void;
  selectZone(id: string | null): void;
  clearSelection(): void;
}

export type MapStatus = 'loading' | 'ready' | 'no-webgl' | 'error';

export interface UiSlice {
  lang: Lang;
  layers: Record<LayerGroupId, boolean>;
  onlineBasemap: boolean;
  mapStatus: MapStatus;
  mapMessage: string | null;
  notices: UserNotice[];
  setLang(lang: Lang): void;
  setLayerVisible(id: LayerGroupId, on: boolean): void;
  setOnlineBasemap(on: boolean): void;
  setMapStatus(status: MapStatus, message?: string | null): void;
  addNotice(text: string, details?: string[]): void;
  dismissNotice(id: number): void;
}

export interface ViewSlice {
  camera: Camera | null;
  /** a request to move the map; `seq` makes repeated requests for the same place distinct */
  cameraRequest: { lng: number; lat: number; zoom: number | null; seq: number } | null;
  setCamera(c: Camera): void;
  requestCamera(lng: number, lat: number, zoom?: number | null): void;
}

export type AppState = DataSlice & FilterSlice & SelectionSlice & UiSlice & ViewSlice & FindSlice & SitesSlice & BriefingSlice;

const dataSlice: Slice<DataSlice> = (set) => ({
  geo: null,
  derived: null,
  setGeo: (geo) => set({ geo, derived: deriveData(geo) }),
});

const filterSlice: Slice<FilterSlice> = (set) => ({
  sectors: [],
  toggleSector: (id) => set((s) => ({ sectors: s.sectors.includes(id) ? s.sectors.filter((x) => x !== id) : [...s.sectors, id] })),
  setSectors: (ids) => set({ sectors: [...new Set(ids)] }),
});

const selectionSlice: Slice<SelectionSlice> = (set) => ({
  park: null,
  zone: null,
  selectPark: (id) => set({ park: id, zone: null }),
  selectZone: (id) => set({ zone: id, park: null }),
  clearSelection: () => set({ park: null, zone: null }),
});

let noticeSeq = 0;
const uiSlice: Slice<UiSlice> = (set) => ({
  lang: 'zh',
  layers: Object.fromEntries(LAYER_GROUP_IDS.map((id) => [id, true])) as Record<LayerGroupId, boolean>,
  onlineBasemap: false,
  mapStatus: 'loading',
  mapMessage: null,
  notices: [],
  setLang: (lang) => set({ lang }),
  setLayerVisible: (id, on) => set((s) => ({ layers: { ...s.layers, [id]: on } })),
  setOnlineBasemap: (on) => set({ onlineBasemap: on }),
  setMapStatus: (mapStatus, mapMessage = null) => set({ mapStatus, mapMessage }),
  addNotice: (text, details = []) => set((s) => ({ notices: [...s.notices, { id: ++noticeSeq, text, details }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});

let cameraSeq = 0;
const viewSlice: Slice<ViewSlice> = (set) => ({
  camera: null,
  cameraRequest: null,
  setCamera: (camera) => set({ camera }),
  requestCamera: (lng, lat, zoom = null) => set({ cameraRequest: { lng, lat, zoom, seq: ++cameraSeq } }),
});

export function createAppStore() {
  return createStore<AppState>()(
    subscribeWithSelector((...a) => ({
      ...dataSlice(...a),
      ...filterSlice(...a),
      ...selectionSlice(...a),
      ...uiSlice(...a),
      ...viewSlice(...a),
      ...findSlice(...a),
      ...sitesSlice(...a),
      ...briefingSlice(...a),
    })),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;

export const appStore = createAppStore();

export const StoreContext = createContext<AppStore>(appStore);

/** Reads the store of the nearest StoreContext (the app's singleton unless a test provides one). */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useContext(StoreContext), selector);
}

export function useStoreApi(): AppStore {
  return useContext(StoreContext);
}
