/**
 * The imperative facade around the one maplibregl.Map of the app. Everything else asks it for
 * things by name (setData, setParkFilter, flyTo…) and hears back through handlers.
 */
import type { Camera } from '../domain/types';
import { mark } from '../lib/perf';
import type { ExpressionSpecification, GeoJSONSource, Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import { maplibregl } from './maplibre-setup';
import { INTERACTIVE_LAYERS, LABEL_LAYERS, LAYER_GROUPS, SOURCES, ZONE_FILL_DEFAULT, ZONE_LINE_DEFAULT, buildLayers, emphasis } from './layers';
import type { SourceId } from './layers';
import { buildStyle } from './style';
import type { StyleOptions } from './style';
import type { Lang } from '../domain/types';
import type { LayerGroupId } from '../domain/ids';

export interface MapHandlers {
  onReady(): void;
  onParkClick(id: string): void;
  onZoneClick(id: string): void;
  onEmptyClick(): void;
  onMoveEnd(camera: Camera): void;
  onError(message: string): void;
}

export class NoWebGLError extends Error {}

/** Sources the map must have before it may say it is ready. */
const REQUIRED: SourceId[] = ['districts', 'zones', 'parks'];

export const DEFAULT_CAMERA: Camera = { zoom: 8.7, lat: 31.13, lng: 121.47 };

/** Map options shared with the bare benchmark page (bench/bare), so both draw the same map. */
export const MAP_OPTIONS = {
  minZoom: 6,
  maxZoom: 17,
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
  maxBounds: [
    [119.0, 29.6],
    [123.8, 33.0],
  ] as [[number, number], [number, number]],
} as const;

export class MapController {
  readonly map: MlMap;
  private readonly container: HTMLElement;
  private readonly lastData = new Map<SourceId, unknown>();
  private readyFired = false;
  private lang: Lang;
  private destroyed = false;
  /** operations waiting for the style to load (style.load fires once; isStyleLoaded() is false while sources load) */
  private styleReady = false;
  private pending: (() => void)[] = [];
  /** extensions' click handlers, asked before the parks/zones handler (see claimClick) */
  private claims: ((e: MapMouseEvent) => boolean)[] = [];

  /**
   * `initialData` goes into the style itself, so MapLibre tiles it straight away; a later
   * setData with the same collection object is a no-op.
   */
  constructor(
    container: HTMLElement,
    style: StyleOptions,
    camera: Camera,
    private readonly handlers: MapHandlers,
    initialData: Partial<Record<SourceId, GeoJSON.FeatureCollection>> = {},
  ) {
    this.container = container;
    this.lang = style.lang;
    container.dataset.mapReady = 'false';
    try {
      this.map = new maplibregl.Map({
        container,
        style: buildStyle(style, initialData),
        center: [camera.lng, camera.lat],
        zoom: camera.zoom,
        ...MAP_OPTIONS,
      });
    } catch (e) {
      // maplibre throws synchronously when WebGL2 is missing
      throw new NoWebGLError((e as Error).message);
    }
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.map.addControl(
      new maplibregl.AttributionControl({
        compact: true,
        customAttribution: 'Districts: echarts 4.9.0 (Apache-2.0), WGS-84 via gcoord · Plan: 沪府办发〔2021〕10号',
      }),
      'bottom-right',
    );
    mark('map:create');
    for (const [id, fc] of Object.entries(initialData)) this.lastData.set(id as SourceId, fc);
    this.maybeReady();
    this.map.once('style.load', () => {
      mark('map:style');
      this.styleReady = true;
      const run = this.pending;
      this.pending = [];
      run.forEach((fn) => fn());
    });
    this.map.on('error', (e) => handlers.onError(e.error?.message ?? String(e)));
    this.map.on('moveend', () => handlers.onMoveEnd(this.camera()));
    this.map.on('click', (e) => this.onClick(e));
    for (const id of INTERACTIVE_LAYERS) {
      this.map.on('mouseenter', id, () => (this.map.getCanvas().style.cursor = 'pointer'));
      this.map.on('mouseleave', id, () => (this.map.getCanvas().style.cursor = ''));
    }
  }

  camera(): Camera {
    const c = this.map.getCenter();
    return { zoom: this.map.getZoom(), lat: c.lat, lng: c.lng };
  }

  /** Replaces a source's data; a no-op when given the same collection object again. */
  setData(source: SourceId, data: GeoJSON.FeatureCollection): void {
    if (this.lastData.get(source) === data) return;
    this.lastData.set(source, data);
    this.whenStyle(() => {
      (this.map.getSource(source) as GeoJSONSource | undefined)?.setData(data);
      this.maybeReady();
    });
  }

  setGroupVisibility(visible: Partial<Record<LayerGroupId, boolean>>): void {
    this.whenStyle(() => {
      for (const g of LAYER_GROUPS) {
        const on = visible[g.id] ?? true;
        const want = on ? 'visible' : 'none';
        for (const layer of g.layers) {
          // only real changes: an unset visibility is 'visible', and setting it anyway makes
          // MapLibre re-lay out the layer's tiles
          if (!this.map.getLayer(layer) || (this.map.getLayoutProperty(layer, 'visibility') ?? 'visible') === want) continue;
          this.map.setLayoutProperty(layer, 'visibility', want);
        }
      }
    });
  }

  setOnlineBasemap(on: boolean): void {
    this.whenStyle(() => {
      if (this.map.getLayer('online-basemap')) this.map.setLayoutProperty('online-basemap', 'visibility', on ? 'visible' : 'none');
    });
  }

  /** Shows only these parks (null: all). */
  setParkFilter(ids: readonly string[] | null): void {
    const filter: ExpressionSpecification | null = ids ? ['in', ['get', 'id'], ['literal', [...ids]]] : null;
    this.whenStyle(() => {
      for (const layer of ['parks-halo', 'parks-circle', 'parks-label']) {
        const base = layer === 'parks-halo' ? (['!=', ['get', 'confidence'], 'sourced'] as ExpressionSpecification) : null;
        this.map.setFilter(layer, base && filter ? ['all', base, filter] : (filter ?? base));
      }
    });
  }

  /** Brings these zones forward and dims the others (null: default look). */
  setZoneEmphasis(ids: readonly string[] | null): void {
    this.whenStyle(() => {
      for (const layer of Object.keys(ZONE_FILL_DEFAULT)) this.map.setPaintProperty(layer, 'fill-opacity', emphasis(layer, ids));
      for (const layer of Object.keys(ZONE_LINE_DEFAULT)) this.map.setPaintProperty(layer, 'line-opacity', emphasis(layer, ids));
    });
  }

  setSelectedPark(id: string | null): void {
    this.whenStyle(() => this.map.setFilter('parks-selected', ['==', ['get', 'id'], id ?? '']));
  }

  /** Switches every label's language in place: the camera does not move. */
  setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.whenStyle(() => {
      const fresh = new Map(buildLayers(lang).map((l) => [l.id, l]));
      for (const id of LABEL_LAYERS) {
        const l = fresh.get(id);
        if (l && l.type === 'symbol' && l.layout)
          for (const [key, value] of Object.entries(l.layout))
            (this.map.setLayoutProperty as (l: string, k: string, v: unknown) => void).call(this.map, id, key, value);
      }
    });
  }

  flyTo(lng: number, lat: number, zoom?: number): void {
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    const target = { center: [lng, lat] as [number, number], zoom: zoom ?? Math.max(this.map.getZoom(), 11.5) };
    if (reduce) this.map.jumpTo(target);
    else this.map.flyTo({ ...target, duration: 900 });
  }

  jumpTo(c: Camera): void {
    this.map.jumpTo({ center: [c.lng, c.lat], zoom: c.zoom });
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.destroyed = true;
    this.map.remove();
  }

  /** Runs fn once the style has loaded (at once if it has). For extensions adding sources/layers. */
  whenStyle(fn: () => void): void {
    if (this.styleReady) fn();
    else this.pending.push(fn);
  }

  private maybeReady(): void {
    if (this.readyFired || !REQUIRED.every((s) => this.lastData.has(s))) return;
    this.readyFired = true;
    mark('map:data');
    this.map.once('idle', () => {
      if (this.destroyed) return;
      mark('map:ready');
      this.container.dataset.mapReady = 'true';
      this.handlers.onReady();
    });
  }

  /** Lets an extension take a map click first: return true to take it. Returns an undo function. */
  claimClick(fn: (e: MapMouseEvent) => boolean): () => void {
    this.claims.push(fn);
    return () => {
      this.claims = this.claims.filter((f) => f !== fn);
    };
  }

  private onClick(e: MapMouseEvent): void {
    if (this.claims.some((fn) => fn(e))) return;
    const layers = INTERACTIVE_LAYERS.filter((l) => this.map.getLayer(l) && this.map.getLayoutProperty(l, 'visibility') !== 'none');
    const hits = this.map.queryRenderedFeatures(e.point, { layers: [...layers] });
    for (const layer of INTERACTIVE_LAYERS) {
      const hit = hits.find((f) => f.layer.id === layer);
      const id = hit?.properties?.id;
      if (typeof id !== 'string') continue;
      if (layer === 'parks-circle') this.handlers.onParkClick(id);
      else this.handlers.onZoneClick(id);
      return;
    }
    this.handlers.onEmptyClick();
  }
}

export { SOURCES };
