/** The camera the map last reported, and requests to move it. */
import type { Slice } from '../slice-type';
import type { Camera } from '../../domain/types';
import { boundsOf } from '../../geo/bounds';
import type { Bounds } from '../../geo/bounds';

export interface ViewSlice {
  camera: Camera | null;
  /**
   * A request to move the map: to a point (at `zoom`, or the map's choice), or to frame `bounds`
   * clear of the panels over the map; `seq` makes repeated requests for the same place distinct.
   */
  cameraRequest: { lng: number; lat: number; zoom: number | null; bounds: Bounds | null; seq: number } | null;
  setCamera(c: Camera): void;
  requestCamera(lng: number, lat: number, zoom?: number | null): void;
  /** Frames a box on the map. */
  requestBounds(bounds: Bounds): void;
  /** Frames a district (its Chinese name) on the map; false when the loaded districts do not know it. */
  requestDistrict(nameZh: string): boolean;
}

export const viewSlice: Slice<ViewSlice> = (set, get) => {
  let cameraSeq = 0;
  return {
    camera: null,
    cameraRequest: null,
    setCamera: (camera) => set({ camera }),
    requestCamera: (lng, lat, zoom = null) => set({ cameraRequest: { lng, lat, zoom, bounds: null, seq: ++cameraSeq } }),
    requestBounds: (bounds) =>
      set({
        cameraRequest: { lng: (bounds[0][0] + bounds[1][0]) / 2, lat: (bounds[0][1] + bounds[1][1]) / 2, zoom: null, bounds, seq: ++cameraSeq },
      }),
    requestDistrict: (nameZh) => {
      const geo = get().geo;
      const f = geo?.districts.ok ? geo.districts.data.features.find((x) => x.properties.name_zh === nameZh) : undefined;
      const bounds = f ? boundsOf({ type: 'FeatureCollection', features: [f] }) : null;
      if (bounds) get().requestBounds(bounds);
      return bounds !== null;
    },
  };
};
