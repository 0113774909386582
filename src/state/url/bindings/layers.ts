/** The layer switches' part of the URL: the groups switched off (see ../codec.ts). */
import { LAYER_GROUP_IDS } from '../../../domain/ids';
import type { UrlBinding } from './types';

export const layersBinding: UrlBinding = {
  apply: (state, store) => {
    const s = store.getState();
    for (const id of LAYER_GROUP_IDS) if (s.layerVisibility[id] === state.off.includes(id)) s.setLayerVisible(id, !state.off.includes(id));
  },
  read: (s) => ({ off: LAYER_GROUP_IDS.filter((id) => !s.layerVisibility[id]) }),
};
