/**
 * The controller's pointer input: one click dispatch over the clickable layers in the
 * registry's priority, and the hover cursor (a pointer over anything clickable, a crosshair
 * while picking a point).
 */
import type { Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import { INTERACTIVE_LAYERS } from '../layers';
import type { LayerId } from '../layers';
import type { MapClick } from '../map-port';

export class Pointer {
  private crosshair = false;

  constructor(
    private readonly map: MlMap,
    onClick: (click: MapClick) => void,
  ) {
    map.on('click', (e) => onClick(this.clickAt(e)));
    map.on('mousemove', (e) => this.hover(e));
    map.on('mouseout', () => this.setCursor(''));
  }

  setCrosshair(on: boolean): void {
    this.crosshair = on;
    this.setCursor(on ? 'crosshair' : '');
  }

  /** The clickable layers on the map now, in priority order. */
  private live(): LayerId[] {
    return INTERACTIVE_LAYERS.filter((l) => this.map.getLayer(l) && this.map.getLayoutProperty(l, 'visibility') !== 'none');
  }

  private clickAt(e: MapMouseEvent): MapClick {
    const lngLat = { lng: e.lngLat.lng, lat: e.lngLat.lat };
    const layers = this.live();
    const hits = layers.length > 0 ? this.map.queryRenderedFeatures(e.point, { layers }) : [];
    for (const layerId of layers) {
      const hit = hits.find((f) => f.layer.id === layerId);
      if (!hit) continue;
      const featureLngLat = hit.geometry.type === 'Point' ? (hit.geometry.coordinates.slice(0, 2) as [number, number]) : null;
      return { layerId, properties: hit.properties ?? {}, lngLat, featureLngLat };
    }
    return { layerId: null, properties: {}, lngLat, featureLngLat: null };
  }

  /** one query for all clickable layers (not one per layer, as per-layer mouseenter would) */
  private hover(e: MapMouseEvent): void {
    if (this.crosshair) return;
    const layers = this.live();
    this.setCursor(layers.length > 0 && this.map.queryRenderedFeatures(e.point, { layers }).length > 0 ? 'pointer' : '');
  }

  private setCursor(cursor: string): void {
    if (this.crosshair && cursor !== 'crosshair') return;
    const canvas = this.map.getCanvas();
    if (canvas.style.cursor !== cursor) canvas.style.cursor = cursor;
  }
}
