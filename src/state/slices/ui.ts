/** Language, layer switches, the map's status and the notices shown to the user. */
import type { Slice } from '../slice-type';
import type { Lang } from '../../domain/types';
import { LAYER_GROUP_IDS } from '../../domain/ids';
import type { LayerGroupId } from '../../domain/ids';

export interface UserNotice {
  id: number;
  text: string;
  /** extra lines, shown as plain text (never HTML) */
  details: string[];
}

export type MapStatus = 'loading' | 'ready' | 'no-webgl' | 'error';

export interface UiSlice {
  lang: Lang;
  layerVisibility: Record<LayerGroupId, boolean>;
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

export const uiSlice: Slice<UiSlice> = (set) => {
  /** notice ids, per store */
  let noticeSeq = 0;
  return {
    lang: 'zh',
    layerVisibility: Object.fromEntries(LAYER_GROUP_IDS.map((id) => [id, true])) as Record<LayerGroupId, boolean>,
    onlineBasemap: false,
    mapStatus: 'loading',
    mapMessage: null,
    notices: [],
    setLang: (lang) => set({ lang }),
    setLayerVisible: (id, on) => set((s) => ({ layerVisibility: { ...s.layerVisibility, [id]: on } })),
    setOnlineBasemap: (on) => set({ onlineBasemap: on }),
    setMapStatus: (mapStatus, mapMessage = null) => set({ mapStatus, mapMessage }),
    addNotice: (text, details = []) => set((s) => ({ notices: [...s.notices, { id: ++noticeSeq, text, details }] })),
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  };
};
