/** Plain value types shared by every layer of the app. */

/** The UI and label language. */
export type Lang = 'zh' | 'en';

/** A map view: zoom, centre latitude and longitude (WGS-84). */
export interface Camera {
  zoom: number;
  lat: number;
  lng: number;
}
