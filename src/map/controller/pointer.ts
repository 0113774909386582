/**
 * The controller's pointer input: one click dispatch over the clickable layers in the
 * registry's priority, and the hover cursor (a pointer over anything clickable, a crosshair
 * while picking a point).
 */
import type { Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import { INTERACTIVE_LAYERS } from '../layers';
import type { LayerId } from '../layers';
import type { MapClick, MapHit } from '../map-port';

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
    const point = { x: e.point.x, y: e.point.y };
    const layers = this.live();
    const features = layers.length > 0 ? this.map.queryRenderedFeatures(e.point, { layers }) : [];
    // in priority order, each feature once (a feature cut by tile edges comes back once per tile)
    const hits: MapHit[] = [];
    const seen = new Set<string>();
    for (const layerId of layers)
      for (const f of features) {
        if (f.layer.id !== layerId) continue;
        const key = `${layerId}|${String(f.id ?? f.properties?.id ?? f.properties?.cluster_id ?? JSON.stringify(f.properties))}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const featureLngLat = f.geometry.type === 'Point' ? (f.geometry.coordinates.slice(0, 2) as [number, number]) : null;
        hits.push({ layerId, properties: f.properties ?? {}, featureLngLat });
      }
    const first = hits[0];
    return first ? { ...first, lngLat, hits, point } : { layerId: null, properties: {}, lngLat, featureLngLat: null, hits, point };
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
