/** The camera the map last reported, and requests to move it. */
import type { Slice } from '../slice-type';
import type { Camera } from '../../domain/types';

export interface ViewSlice {
  camera: Camera | null;
  /** a request to move the map; `seq` makes repeated requests for the same place distinct */
  cameraRequest: { lng: number; lat: number; zoom: number | null; seq: number } | null;
  setCamera(c: Camera): void;
  requestCamera(lng: number, lat: number, zoom?: number | null): void;
}

export const viewSlice: Slice<ViewSlice> = (set) => {
  let cameraSeq = 0;
  return {
    camera: null,
    cameraRequest: null,
    setCamera: (camera) => set({ camera }),
    requestCamera: (lng, lat, zoom = null) => set({ cameraRequest: { lng, lat, zoom, seq: ++cameraSeq } }),
  };
};
