/** The camera the map last reported, and requests to move it. */
import type { Slice } from '../slice-type';
import type { Camera } from '../../domain/types';
import { boundsOf, withPoint } from '../../geo/bounds';
import type { Bounds } from '../../geo/bounds';

export interface ViewSlice {
  camera: Camera | null;
  /**
   * A request to move the map: to a point (at `zoom`, or the map's choice), or to frame `bounds`
   * clear of the panels over the map; `seq` makes repeated requests for the same place distinct.
   */
  cameraRequest: { lng: number; lat: number; zoom: number | null; bounds: Bounds | null; unlessShown?: true; seq: number } | null;
  setCamera(c: Camera): void;
  requestCamera(lng: number, lat: number, zoom?: number | null): void;
  /** Frames a box on the map; `unlessShown`: only when the map does not show all of it already. */
  requestBounds(bounds: Bounds, unlessShown?: boolean): void;
  /** Frames a district (its Chinese name) on the map; false when the loaded districts do not know it. */
  requestDistrict(nameZh: string): boolean;
  /** Frames the whole city (its districts); nothing when they are not loaded. */
  requestCity(): void;
  /**
   * Frames a point outside Shanghai together with the city (a site in Suzhou is shown where it lies
   * from Shanghai); without the districts, a flight to the point at a regional zoom.
   */
  requestBesideCity(lng: number, lat: number): void;
}

/** The zoom of a flight to a point outside the city when the city's box is not known. */
const REGION_ZOOM = 7;

export const viewSlice: Slice<ViewSlice> = (set, get) => {
  let cameraSeq = 0;
  return {
    camera: null,
    cameraRequest: null,
    setCamera: (camera) => set({ camera }),
    requestCamera: (lng, lat, zoom = null) => set({ cameraRequest: { lng, lat, zoom, bounds: null, seq: ++cameraSeq } }),
    requestBounds: (bounds, unlessShown = false) =>
      set({
        cameraRequest: {
          lng: (bounds[0][0] + bounds[1][0]) / 2,
          lat: (bounds[0][1] + bounds[1][1]) / 2,
          zoom: null,
          bounds,
          ...(unlessShown ? { unlessShown: true as const } : {}),
          seq: ++cameraSeq,
        },
      }),
    requestDistrict: (nameZh) => {
      const geo = get().geo;
      const f = geo?.districts.ok ? geo.districts.data.features.find((x) => x.properties.name_zh === nameZh) : undefined;
      const bounds = f ? boundsOf({ type: 'FeatureCollection', features: [f] }) : null;
      if (bounds) get().requestBounds(bounds);
      return bounds !== null;
    },
    requestCity: () => {
      const geo = get().geo;
      const city = geo?.districts.ok ? boundsOf(geo.districts.data) : null;
      if (city) get().requestBounds(city);
    },
    requestBesideCity: (lng, lat) => {
      const geo = get().geo;
      const city = geo?.districts.ok ? boundsOf(geo.districts.data) : null;
      if (city) get().requestBounds(withPoint(city, lng, lat));
      else get().requestCamera(lng, lat, REGION_ZOOM);
    },
  };
};
