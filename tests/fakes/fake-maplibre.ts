/**
 * A small stand-in for maplibregl.Map that keeps a style (sources, ordered layers, layout,
 * filters, paint) and records calls, for testing MapController in jsdom without WebGL:
 *
 *   vi.mock('../../src/map/maplibre-setup', async () => (await import('../fakes/fake-maplibre')).fakeMaplibreSetup());
 *
 * Events are fired by hand (`fire('style.load')`, `fire('click', {...})`); what a point hits is
 * set in `hits` (feature stand-ins with `layer.id`), and queryRenderedFeatures filters them by layer.
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';

export interface FakeHit {
  layer: { id: string };
  properties: Record<string, unknown>;
  geometry: GeoJSON.Geometry;
}

type Listener = (e: unknown) => void;

export class FakeSource {
  readonly setData = (data: GeoJSON.FeatureCollection) => void this.calls.push(['setData', data]);
  readonly updateData = (diff: { add: GeoJSON.Feature[] }) => {
    this.calls.push(['updateData', diff]);
    return Promise.resolve();
  };
  readonly getClusterExpansionZoom = (id: number) => Promise.resolve(10 + id);
  readonly setTiles = (tiles: string[]) => void this.calls.push(['setTiles', tiles]);
  readonly calls: [string, unknown][] = [];
  constructor(readonly spec: SourceSpecification) {}
  /** as MapLibre's sources say what they are */
  get type(): string {
    return this.spec.type;
  }
}

export class FakeMlMap {
  static last: FakeMlMap | null = null;
  readonly style: StyleSpecification;
  readonly sources = new Map<string, FakeSource>();
  layers: LayerSpecification[];
  readonly calls: [string, ...unknown[]][] = [];
  readonly canvas = { style: { cursor: '' }, clientWidth: 640, clientHeight: 400, width: 1280, height: 800 };
  hits: FakeHit[] = [];
  private readonly listeners = new Map<string, Listener[]>();
  center = { lng: 121.47, lat: 31.13 };
  zoom = 8.7;
  removed = false;

  /** the options it was made with (transformRequest among them) */
  readonly options: Record<string, unknown>;

  constructor(opts: { style: StyleSpecification; center: [number, number]; zoom: number }) {
    this.options = opts;
    this.style = opts.style;
    for (const [id, spec] of Object.entries(opts.style.sources)) this.sources.set(id, new FakeSource(spec));
    this.layers = opts.style.layers.map((l) => structuredClone(l));
    this.center = { lng: opts.center[0], lat: opts.center[1] };
    this.zoom = opts.zoom;
    FakeMlMap.last = this;
  }

  /** the controls on the map, in the order added */
  readonly controls: unknown[] = [];
  addControl(c: unknown): void {
    this.controls.push(c);
  }
  removeControl(c: unknown): void {
    const at = this.controls.indexOf(c);
    if (at >= 0) this.controls.splice(at, 1);
  }
  on(event: string, fn: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
  }
  once(event: string, fn: Listener): void {
    const wrap: Listener = (e) => {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((f) => f !== wrap),
      );
      fn(e);
    };
    this.on(event, wrap);
  }
  fire(event: string, e: unknown = {}): void {
    for (const fn of [...(this.listeners.get(event) ?? [])]) fn(e);
  }

  getCenter() {
    return this.center;
  }
  getZoom() {
    return this.zoom;
  }
  getCanvas() {
    return this.canvas;
  }
  triggerRepaint(): void {}
  resize(): void {}
  remove(): void {
    this.removed = true;
  }
  jumpTo(o: unknown): void {
    this.calls.push(['jumpTo', o]);
  }
  flyTo(o: unknown): void {
    this.calls.push(['flyTo', o]);
  }
  fitBounds(b: unknown, o: unknown): void {
    this.calls.push(['fitBounds', b, o]);
  }

  refreshTiles(id: string): void {
    if (!this.sources.has(id)) throw new Error(`There is no tile manager with ID "${id}"`);
    this.calls.push(['refreshTiles', id]);
  }
  getSource(id: string): FakeSource | undefined {
    return this.sources.get(id);
  }
  addSource(id: string, spec: SourceSpecification): void {
    if (this.sources.has(id)) throw new Error(`source ${id} exists`);
    this.calls.push(['addSource', id, spec]);
    this.sources.set(id, new FakeSource(spec));
  }
  removeSource(id: string): void {
    if (!this.sources.has(id)) throw new Error(`no source ${id}`);
    if (this.layers.some((l) => (l as { source?: string }).source === id)) throw new Error(`source ${id} is in use by a layer`);
    this.calls.push(['removeSource', id]);
    this.sources.delete(id);
  }
  getLayer(id: string): LayerSpecification | undefined {
    return this.layers.find((l) => l.id === id);
  }
  removeLayer(id: string): void {
    const at = this.layers.findIndex((l) => l.id === id);
    if (at < 0) throw new Error(`no layer ${id}`);
    this.calls.push(['removeLayer', id]);
    this.layers.splice(at, 1);
  }
  getLayersOrder(): string[] {
    return this.layers.map((l) => l.id);
  }
  addLayer(spec: LayerSpecification, before?: string): void {
    if (this.getLayer(spec.id)) throw new Error(`layer ${spec.id} exists`);
    this.calls.push(['addLayer', spec.id, before]);
    const at = before === undefined ? this.layers.length : this.layers.findIndex((l) => l.id === before);
    if (at < 0) throw new Error(`no layer ${before}`);
    this.layers.splice(at, 0, structuredClone(spec));
  }
  private layer(id: string): LayerSpecification & { layout?: Record<string, unknown>; paint?: Record<string, unknown>; filter?: unknown } {
    const l = this.getLayer(id);
    if (!l) throw new Error(`no layer ${id}`);
    return l;
  }
  getLayoutProperty(id: string, key: string): unknown {
    return this.layer(id).layout?.[key];
  }
  setLayoutProperty(id: string, key: string, value: unknown): void {
    this.calls.push(['setLayoutProperty', id, key, value]);
    const l = this.layer(id);
    l.layout = { ...l.layout, [key]: value };
  }
  setPaintProperty(id: string, key: string, value: unknown): void {
    this.calls.push(['setPaintProperty', id, key, value]);
    const l = this.layer(id);
    l.paint = { ...l.paint, [key]: value };
  }
  /** feature states by `source/id` */
  readonly featureStates = new Map<string, Record<string, unknown>>();
  setFeatureState(target: { source: string; id: string | number }, state: Record<string, unknown>): void {
    this.calls.push(['setFeatureState', target.source, target.id, state]);
    const key = `${target.source}/${target.id}`;
    this.featureStates.set(key, { ...this.featureStates.get(key), ...state });
  }
  removeFeatureState(target: { source: string; id?: string | number }, key?: string): void {
    this.calls.push(['removeFeatureState', target.source, target.id, key]);
    const k = `${target.source}/${target.id}`;
    const st = { ...this.featureStates.get(k) };
    if (key) delete st[key];
    this.featureStates.set(k, key ? st : {});
  }
  getFeatureState(target: { source: string; id: string | number }): Record<string, unknown> {
    return this.featureStates.get(`${target.source}/${target.id}`) ?? {};
  }
  setFilter(id: string, filter: unknown): void {
    this.calls.push(['setFilter', id, filter]);
    const l = this.layer(id);
    if (filter === null) delete l.filter;
    else l.filter = filter;
  }
  queryRenderedFeatures(_point: unknown, opts: { layers: string[] }): FakeHit[] {
    for (const id of opts.layers) if (!this.getLayer(id)) throw new Error(`queried a missing layer ${id}`);
    return this.hits.filter((h) => opts.layers.includes(h.layer.id));
  }
}

class Control {
  constructor(readonly options: Record<string, unknown> = {}) {}
}

/** The module shape of src/map/maplibre-setup.ts, backed by the fake map (for vi.mock). */
export function fakeMaplibreSetup() {
  return {
    maplibregl: { Map: FakeMlMap, NavigationControl: Control, ScaleControl: Control, AttributionControl: Control },
    prewarmMap: () => {},
  };
}
