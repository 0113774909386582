/**
 * The one maplibregl.Map of the app, behind the MapPort interface: everything else asks it for
 * things by registry id (setData, setFilter, flyTo…) and hears back through MapHandlers.
 * Overlay sources and their layers are added with their first data, at their registry place, and
 * taken off again when their data becomes empty; the sites' tiled source is the exception: once
 * warmed up it stays, empty when no sites are shown (PointFeed.standby).
 */
import { MAP_BOUNDS } from '../geo/map-bounds';
import { viewWithin } from '../geo/bounds';
import type { FilterSpecification, GeoJSONSource, LayerSpecification, Map as MlMap } from 'maplibre-gl';
import type { Camera, Lang } from '../domain/types';
import { MAP_READY_MARK, mark } from '../lib/perf';
import { t } from '../i18n';
import { maplibregl } from './maplibre-setup';
import { LABEL_LAYERS, LAYER_IDS, isOverlaySource, layerEntry, layerPosition, layersOfSource, sourceSpec } from './layers';
import type { GeoJsonSourceId, GroupId, LayerId, OverlaySourceId, SourceId } from './layers';
import type { LngLatBounds, MapHandlers, MapPort, MapSnapshot } from './map-port';
import { buildStyle } from './style';
import { installMapFont } from './map-font';
import type { StyleOptions } from './style';
import { metresPerPixel } from './export/scale';
import { PointFeed } from './controller/point-feed';
import type { PointSet } from './controller/point-sets';
import type { PointData } from './controller/point-feed';
import { SITE_TILE_LAYER, WARM_TILES } from './controller/site-tile-spec';
import { answerAsks, sayPoints } from '../lib/points-channel';
import { WARM_SOURCE, warmLayers } from './controller/warm-sites';
import { whenIdle } from '../lib/idle';
import pointsWorkerUrl from './controller/points.worker.ts?worker&url';
import { DRAW_PREFIX, PolygonDraw } from './controller/draw';
import { LayerState } from './controller/layer-state';
import { Pointer } from './controller/pointer';
import { FRAME_SHARE, coverPadding, freeArea } from './cover-padding';
import { holdFirstFrame } from './first-frame';
import { COLORS } from '../theme/map-colors';
import type { Padding } from './cover-padding';

export type { MapHandlers } from './map-port';

export class NoWebGLError extends Error {}

/** Sources the map must have before it may say it is ready. */
const REQUIRED: SourceId[] = ['districts', 'zones', 'parks'];
/** Filters, paint and layout the app sets are checked against the style spec by its unit tests (map-layers.test.ts). */
const NO_VALIDATION = { validate: false } as const;
/** stands for "features were added since the last setData" (so a repeat of that setData is not skipped) */
const FED = Symbol('fed');

export const DEFAULT_CAMERA: Camera = { zoom: 8.7, lat: 31.13, lng: 121.47 };
/** Space kept around Shanghai when the first view fits it, CSS px. */
const FIT_PADDING_PX = 12;
/**
 * More space on the east side, as a share of the map's width: the parks' labels stand right of
 * their points, and Lingang's (东方芯港, Oriental Chip Port) lie at the city's east edge.
 */
const FIT_LABEL_ROOM = 0.06;
/** The first view's padding: `pad` with room on the right for the labels at the east edge. */
function withLabelRoom(pad: Padding, mapWidth: number): Padding {
  return { ...pad, right: pad.right + Math.round(mapWidth * FIT_LABEL_ROOM) };
}
/** A point the app flew to is kept at least this far inside the part of the map no panel covers. */
const AIM_MARGIN_PX = 24;
/** Maps this narrow (a phone) start with the attribution folded to its (i) button. */
const NARROW_MAP_PX = 640;

/** Map options shared with the bare benchmark page (bench/bare), so both draw the same map. */
export const MAP_OPTIONS = {
  minZoom: 6,
  maxZoom: 17,
  attributionControl: false,
  // labels appear at once: a 300 ms fade keeps MapLibre drawing frame after frame, and under a
  // software GPU (2 cores, SwiftShader here) each frame costs 150–300 ms of CPU; importing
  // 100,000 sites was drawn ≈ 340 ms sooner without it (npm run bench, sites)
  fadeDuration: 0,
  // Chinese labels too are drawn with the map's font (map-font.ts), not with the system's sans-serif
  localIdeographFontFamily: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
  maxBounds: MAP_BOUNDS,
} as const;

/** The hook through which browser tests and benchmarks read the map (window.__map). */
type HookWindow = { __map?: MlMap };

export class MapController implements MapPort {
  private readonly map: MlMap;
  private readonly lastData = new Map<SourceId, unknown>();
  private readonly added = new Set<OverlaySourceId>();
  private readonly layers = new LayerState();
  /** ends the hold on the first frame (first-frame.ts) */
  private readonly endHold: () => void;
  private readonly points = new PointFeed<OverlaySourceId>(
    {
      has: (source) => this.added.has(source),
      add: (source, data) => this.addOverlay(source, data),
      remove: (source) => this.removeOverlay(source),
      setData: (source, data) => void this.geojson(source)?.setData(data),
      refresh: (source) => {
        if (this.map.getSource(source)) this.map.refreshTiles(source);
      },
      append: (source, add) => void this.geojson(source)?.updateData({ add }),
      afterIdle: (fn) => void this.map.once('idle', fn),
      share: sayPoints,
    },
    loadPointsScript(),
  );
  private readonly draw: PolygonDraw;
  private readonly pointer: Pointer;
  private readyFired = false;
  private lang: Lang;
  private scale: maplibregl.ScaleControl | null = null;
  private credits: maplibregl.AttributionControl | null = null;
  private destroyed = false;
  private stopAnswering: (() => void) | null = null;
  /** prepareSites was called (the warm-up runs once the map is ready and the page idle) */
  private sitesWanted = false;
  /** operations waiting for the style to load (style.load fires once; isStyleLoaded() is false while sources load) */
  private styleReady = false;
  private pending: (() => void)[] = [];

  /**
   * `initialData` goes into the style itself, so MapLibre tiles it straight away; a later
   * setData with the same collection object is a no-op. `fit`: the first view fits this box
   * instead of `camera` (Shanghai, when the link names no camera), whatever the map's size, clear
   * of the map's own controls and of `covers` (the app's panels over the map).
   */
  constructor(
    private readonly container: HTMLElement,
    style: StyleOptions,
    camera: Camera,
    private readonly handlers: MapHandlers,
    initialData: Parameters<typeof buildStyle>[1] = {},
    fit: LngLatBounds | null = null,
    private readonly covers: () => readonly Element[] = () => [],
  ) {
    this.lang = style.lang;
    container.dataset.mapReady = 'false';
    // the labels' font (main.tsx has it loading already; a briefing view's map starts it here)
    void installMapFont(container.ownerDocument);
    const view = fit
      ? {
          bounds: fit,
          fitBoundsOptions: {
            padding: withLabelRoom({ top: FIT_PADDING_PX, right: FIT_PADDING_PX, bottom: FIT_PADDING_PX, left: FIT_PADDING_PX }, container.clientWidth),
          },
        }
      : { center: [camera.lng, camera.lat] as [number, number], zoom: camera.zoom };
    try {
      this.map = new maplibregl.Map({
        container,
        style: buildStyle(style, initialData),
        ...view,
        ...MAP_OPTIONS,
        // a point-set source's tile asks for the sets it shows now (PointFeed.tileRequest)
        transformRequest: (url, type) => {
          const sites = type === 'Tile' ? this.points.tileRequest(url) : null;
          return { url: sites ?? url };
        },
      });
    } catch (e) {
      // maplibre throws synchronously when WebGL2 is missing
      throw new NoWebGLError((e as Error).message);
    }
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.addCredits(style.lang);
    this.localizeControls(style.lang);
    // on a phone the attribution starts folded to its (i) button (MapLibre shows it unfolded until the first drag)
    if (container.clientWidth <= NARROW_MAP_PX)
      container.querySelector('.maplibregl-ctrl-attrib.maplibregl-compact')?.classList.remove('maplibregl-compact-show');
    // the first view keeps Shanghai clear of the panels over the map (before the first frame is
    // drawn), and fits it again when the map changes size (a sheet opens beside it, the window
    // turns) until the camera is moved
    this.firstFit = fit;
    this.refit();
    this.map.on('resize', () => this.refit());
    // and when a panel over the map changes size (the legend folds or unfolds)
    if (fit && typeof ResizeObserver === 'function') {
      this.coverWatch = new ResizeObserver(() => this.refit());
      for (const el of covers()) this.coverWatch.observe(el);
    }
    // a point the app flew to stays in view as panels open over the map (a card) or the map
    // changes size (a sheet folds), until the user moves the map
    if (typeof ResizeObserver === 'function') {
      this.aimWatch = new ResizeObserver(() => this.checkAim());
      this.aimWatch.observe(container);
      this.watchCovers();
    }
    this.map.on('movestart', (e) => {
      if ((e as { originalEvent?: unknown }).originalEvent) {
        this.aim = null;
        this.aimBox = null;
      }
    });
    // nothing is drawn until the map is complete (first-frame.ts): until then its area shows the sea
    container.style.backgroundColor = COLORS.water;
    this.endHold = holdFirstFrame(this.map);
    mark('map:create');
    (window as HookWindow).__map = this.map;
    this.draw = new PolygonDraw(this.map, container);
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
    // A size change that lands during a flight (a phone's sheet opens with a card while the map
    // flies to the park) reaches the flight's view only in part, and the map is drawn squashed
    // to its old height until the next resize: resize again once the flight ends.
    let resizedInFlight = false;
    this.map.on('resize', (e) => {
      if (this.map.isMoving() && !(e as { again?: boolean }).again) resizedInFlight = true;
    });
    this.map.on('moveend', (e) => {
      if (!resizedInFlight || (e as { again?: boolean }).again) return;
      resizedInFlight = false;
      this.map.resize({ again: true });
    });
    // the first view fitted again is not a camera anyone chose: the store (and the link) keep none
    this.map.on('moveend', (e) => {
      if ((e as { again?: boolean }).again) return;
      if (!(e as { firstView?: boolean }).firstView) handlers.onMoveEnd(this.camera());
      // a flight's end: a card may have opened over its target while it flew
      this.checkAim();
    });
    this.pointer = new Pointer(this.map, (click) => handlers.onClick(click));
  }

  // ------------------------------------------------------------------ data

  setData(source: GeoJsonSourceId, data: GeoJSON.FeatureCollection): void {
    if (this.lastData.get(source) === data) return;
    this.lastData.set(source, data);
    this.whenStyle(() => {
      if (isOverlaySource(source)) this.points.drop(source);
      if (isOverlaySource(source) && !this.added.has(source)) {
        if (data.features.length > 0) this.addOverlay(source, data);
      } else if (isOverlaySource(source) && data.features.length === 0) this.removeOverlay(source);
      else void this.geojson(source)?.setData(data);
      this.maybeReady();
    });
  }

  setPointSets(source: OverlaySourceId, sets: readonly PointSet[]): void {
    // MapLibre's workers ask for a set they did not hear on the points channel; the page says it again
    this.stopAnswering ??= answerAsks((ch) => this.points.coordsFor(ch));
    this.lastData.set(source, FED);
    this.whenStyle(() => this.points.set(source, sets));
  }

  prepareSites(): void {
    if (this.sitesWanted) return;
    this.sitesWanted = true;
    if (this.container.dataset.mapReady === 'true') whenIdle(() => this.warmSites());
  }

  async clusterExpansionZoom(source: OverlaySourceId, clusterId: number): Promise<number | null> {
    const s = this.added.has(source) ? this.geojson(source) : undefined;
    return s ? s.getClusterExpansionZoom(clusterId).catch(() => null) : null;
  }

  // ------------------------------------------------------------------ style

  setFilter(layer: LayerId, filter: FilterSpecification | null): void {
    this.layers.setFilter(layer, filter);
    // validated by the style spec in the unit tests (map-layers.test.ts), not again on every change
    this.onLayer(layer, () => this.map.setFilter(layer, filter, NO_VALIDATION));
  }

  setPaint(layer: LayerId, property: string, value: unknown): void {
    this.layers.setPaint(layer, property, value);
    this.onLayer(layer, () =>
      (this.map.setPaintProperty as (l: string, k: string, v: unknown, o: object) => void).call(this.map, layer, property, value, NO_VALIDATION),
    );
  }

  setLayout(layer: LayerId, property: string, value: unknown): void {
    this.layers.setLayout(layer, property, value);
    this.onLayer(layer, () => this.applyLayout(layer, { [property]: value }));
  }

  setFeatureState(source: GeoJsonSourceId, id: string, state: Record<string, unknown>): void {
    this.whenStyle(() => {
      if (!this.map.getSource(source)) return;
      const target = { source, id };
      const set: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(state))
        if (value === null) this.map.removeFeatureState(target, key);
        else set[key] = value;
      if (Object.keys(set).length > 0) this.map.setFeatureState(target, set);
    });
  }

  setGroupVisibility(groups: Partial<Record<GroupId, boolean>>): void {
    for (const [group, on] of Object.entries(groups)) this.layers.setGroup(group as GroupId, on);
    const touched = LAYER_IDS.filter((id) => layerEntry(id).group in groups);
    this.whenStyle(() => {
      for (const id of touched) {
        const want = this.layers.visibility(id)!;
        // only real changes: an unset visibility is 'visible', and setting it anyway makes
        // MapLibre re-lay out the layer's tiles
        if (!this.map.getLayer(id) || (this.map.getLayoutProperty(id, 'visibility') ?? 'visible') === want) continue;
        this.map.setLayoutProperty(id, 'visibility', want);
      }
    });
  }

  /** The map's own controls and canvas speak the UI's language (MapLibre names them in English). */
  private localizeControls(lang: Lang): void {
    const set = (sel: string, text: string, title = true) => {
      const el = this.container.querySelector(sel);
      if (!el) return;
      el.setAttribute('aria-label', text);
      if (title) el.setAttribute('title', text);
    };
    set('.maplibregl-ctrl-zoom-in', t(lang, 'mapZoomIn'));
    set('.maplibregl-ctrl-zoom-out', t(lang, 'mapZoomOut'));
    set('.maplibregl-canvas', t(lang, 'mapCanvas'), false);
    set('.maplibregl-ctrl-attrib-button', t(lang, 'mapCreditsToggle'));
  }

  /**
   * The scale bar and the credits line in `lang`. MapLibre keeps a control's attribution text, so a
   * new language means new controls (added in the same order, so that they keep their places).
   */
  private addCredits(lang: Lang): void {
    const folded = this.credits !== null && !this.container.querySelector('.maplibregl-ctrl-attrib.maplibregl-compact-show');
    if (this.scale) this.map.removeControl(this.scale);
    if (this.credits) this.map.removeControl(this.credits);
    this.scale = new maplibregl.ScaleControl({ unit: 'metric' });
    this.credits = new maplibregl.AttributionControl({ compact: true, customAttribution: t(lang, 'mapCredits') });
    this.map.addControl(this.scale, 'bottom-right');
    this.map.addControl(this.credits, 'bottom-right');
    if (folded) this.container.querySelector('.maplibregl-ctrl-attrib.maplibregl-compact')?.classList.remove('maplibregl-compact-show');
  }

  setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.addCredits(lang);
    this.localizeControls(lang);
    this.whenStyle(() => {
      for (const id of LABEL_LAYERS) {
        const spec = this.layers.spec(id, lang);
        if (this.map.getLayer(id) && spec.type === 'symbol' && spec.layout) this.applyLayout(id, spec.layout);
      }
    });
  }

  // ------------------------------------------------------------------ camera

  camera(): Camera {
    const c = this.map.getCenter();
    return { zoom: this.map.getZoom(), lat: c.lat, lng: c.lng };
  }

  flyTo(lng: number, lat: number, zoom?: number): void {
    this.aim = { lng, lat };
    this.aimBox = null;
    this.aimTried = null;
    this.watchCovers();
    const target = { center: [lng, lat] as [number, number], zoom: zoom ?? Math.max(this.map.getZoom(), 11.5) };
    if (reducedMotion()) this.map.jumpTo(target);
    else this.map.flyTo({ ...target, duration: 900 });
  }

  jumpTo(c: Camera): void {
    this.aim = null;
    this.aimBox = null;
    this.map.jumpTo({ center: [c.lng, c.lat], zoom: c.zoom });
  }

  fitBounds(bounds: LngLatBounds, paddingPx = 40, opts: { unlessShown?: boolean } = {}): void {
    if (opts.unlessShown && this.shows(bounds)) return;
    // the box stays framed as panels open or fold over the map, until the user moves it
    this.aim = null;
    this.aimBox = { bounds, padding: paddingPx };
    this.watchCovers();
    const padding = this.framePadding(bounds, paddingPx);
    this.aimTried = this.layoutKey(padding);
    this.map.fitBounds(bounds, { padding, ...(reducedMotion() ? { animate: false } : { duration: 900 }) });
  }

  /**
   * Whether the map shows all of the box now, panels or not (a set of sites spread over the
   * first view's city, some under the legend, does not move the map; one out of sight does).
   */
  private shows([[w, s], [e, n]]: LngLatBounds): boolean {
    const { clientWidth: width, clientHeight: height } = this.container;
    return [
      [w, s],
      [e, n],
      [w, n],
      [e, s],
    ].every((c) => {
      const p = this.map.project(c as [number, number]);
      return p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height;
    });
  }

  /** The first view's box, while the camera has not moved from it; null after. */
  private firstFit: LngLatBounds | null = null;
  /** The camera the last fit set: a camera anywhere else has been moved (a resize keeps centre and zoom). */
  private fitted: { lng: number; lat: number; zoom: number } | null = null;

  /** Watches the panels over the map while the first view is kept fitted. */
  private coverWatch: ResizeObserver | null = null;

  private refit(): void {
    if (!this.firstFit || this.destroyed) return;
    const now = this.map.getCenter();
    const zoom = this.map.getZoom();
    const f = this.fitted;
    // moved: by the user, or by a flight the app asked for (at its first frame the camera has not
    // changed yet; a jump now would cancel it)
    if ((f && (f.lng !== now.lng || f.lat !== now.lat || f.zoom !== zoom)) || this.map.isMoving()) {
      this.firstFit = null;
      this.coverWatch?.disconnect();
      this.coverWatch = null;
      return;
    }
    const c = this.map.cameraForBounds(this.firstFit, { padding: withLabelRoom(this.coverPadding(FIT_PADDING_PX), this.container.clientWidth) });
    if (!c) return;
    const to = maplibregl.LngLat.convert(c.center!);
    const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
    // the same view: no jump, so no `move` events (they would write the camera into the URL)
    if (f && same(to.lng, now.lng) && same(to.lat, now.lat) && same(c.zoom ?? zoom, zoom)) return;
    this.map.jumpTo(c, { firstView: true });
    const at = this.map.getCenter();
    this.fitted = { lng: at.lng, lat: at.lat, zoom: this.map.getZoom() };
  }

  /**
   * `base` px on every side, more where a panel or a control lies over the map (cover-padding.ts).
   * A card over the map (`data-map-cover="card"`) is not padded for: it comes and goes with a pick.
   */
  private coverPadding(base: number, maxShare?: number): Padding {
    const box = this.container.getBoundingClientRect();
    const panels = this.coverBoxes().filter((b) => !b.card);
    return coverPadding(box, panels, base, maxShare);
  }

  /**
   * The padding that frames a box someone asked to see in the strip the panels leave (FRAME_SHARE).
   * Where that framing would need the map to show beyond its limits (the whole city in the strip
   * a phone's statistics view leaves: MapLibre would move the camera back inside them, and the box
   * under the panel), the panels' part of the padding is cut down until it does not: the box as
   * far into the strip as the limits allow.
   */
  private framePadding(bounds: LngLatBounds, base: number): Padding {
    const full = this.coverPadding(base, FRAME_SHARE);
    const { clientWidth: w, clientHeight: h } = this.container;
    const scaled = (t: number): Padding => ({
      top: base + t * (full.top - base),
      right: base + t * (full.right - base),
      bottom: base + t * (full.bottom - base),
      left: base + t * (full.left - base),
    });
    const fits = (padding: Padding) => {
      const c = this.map.cameraForBounds(bounds, { padding });
      if (!c?.center || c.zoom === undefined) return true;
      const at = maplibregl.LngLat.convert(c.center);
      return viewWithin([at.lng, at.lat], c.zoom, w, h, MAP_BOUNDS);
    };
    if (!w || !h || fits(full)) return full;
    // the largest share of the panels' padding that fits, to 1/64
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 6; i++) {
      const mid = (lo + hi) / 2;
      if (fits(scaled(mid))) lo = mid;
      else hi = mid;
    }
    const p = scaled(lo);
    return { top: Math.round(p.top), right: Math.round(p.right), bottom: Math.round(p.bottom), left: Math.round(p.left) };
  }

  /** The boxes of MapLibre's controls and of the app's panels over the map. */
  private coverBoxes(): (DOMRect & { card?: boolean })[] {
    const controls = [...this.container.querySelectorAll('.maplibregl-ctrl')].map((el) => el.getBoundingClientRect());
    const panels = this.covers().map((el) => Object.assign(el.getBoundingClientRect(), { card: (el as HTMLElement).dataset.mapCover === 'card' }));
    return [...controls, ...panels];
  }

  /** The point the app last flew to, until the user moves the map, a link's camera is applied or a box is fitted. */
  private aim: { lng: number; lat: number } | null = null;
  /** The box the app last framed (a district), kept framed the same way until the user moves the map, a link's camera is applied or the app flies elsewhere. */
  private aimBox: { bounds: LngLatBounds; padding: number } | null = null;
  private aimWatch: ResizeObserver | null = null;
  /** the panels aimWatch observes: a panel mounted after the map (the find toolbar, a card's slot, once the data is in) joins at the next flight */
  private readonly watched = new WeakSet<Element>();
  /** a check is queued */
  private aimQueued = false;
  /** where the point and the free part of the map were at the last ease for the aim (px, rounded) */
  private aimTried: string | null = null;

  private watchCovers(): void {
    if (!this.aimWatch) return;
    for (const el of this.covers()) {
      if (this.watched.has(el)) continue;
      this.watched.add(el);
      this.aimWatch.observe(el);
    }
  }

  /**
   * As soon as the code that called it returns (a microtask: the calls made together make one
   * check; the boxes read force layout, so they are the panels as they are now): if the point the app flew to lies under a
   * panel or a card, or off the map, eases it into the middle of the part no panel covers. Waits
   * while the map moves (the move's end checks again). Not on the next frame: under a software
   * GPU the next frame can be a second or more away, and the map would rest that long with its
   * point under a card.
   */
  private checkAim(): void {
    if ((!this.aim && !this.aimBox) || this.aimQueued || this.destroyed) return;
    this.aimQueued = true;
    queueMicrotask(() => {
      this.aimQueued = false;
      if (this.aimBox) return this.checkAimBox(this.aimBox);
      const aim = this.aim;
      if (!aim || this.destroyed || this.map.isMoving()) return;
      const box = this.container.getBoundingClientRect();
      const free = freeArea(box, this.coverBoxes());
      if (!free || free.width < 2 * AIM_MARGIN_PX || free.height < 2 * AIM_MARGIN_PX) return;
      const p = this.map.project([aim.lng, aim.lat]);
      const [x, y] = [box.left + p.x, box.top + p.y];
      const m = AIM_MARGIN_PX;
      if (x >= free.left + m && x <= free.left + free.width - m && y >= free.top + m && y <= free.top + free.height - m) return;
      // the last ease left the point where it was, with the panels as they were: the map's bounds
      // hold it there (a park at the city's edge under a tall card); easing again would never end
      const tried = [x, y, free.left, free.top, free.width, free.height].map(Math.round).join(' ');
      if (tried === this.aimTried) return;
      this.aimTried = tried;
      const offset: [number, number] = [free.left + free.width / 2 - (box.left + box.width / 2), free.top + free.height / 2 - (box.top + box.height / 2)];
      this.map.easeTo({ center: [aim.lng, aim.lat], offset, ...(reducedMotion() ? { duration: 0 } : { duration: 400 }) });
    });
  }

  /** The map's size and the padding its panels leave, px rounded: what a framed box was fitted for. */
  private layoutKey(padding: Padding): string {
    const box = this.container.getBoundingClientRect();
    return [box.width, box.height, padding.top, padding.right, padding.bottom, padding.left].map(Math.round).join(' ');
  }

  /** A framed box: fitted again when the panels over the map, or the map's size, changed since (once per layout of them). */
  private checkAimBox(aim: { bounds: LngLatBounds; padding: number }): void {
    if (this.destroyed || this.map.isMoving()) return;
    const padding = this.framePadding(aim.bounds, aim.padding);
    const tried = this.layoutKey(padding);
    if (tried === this.aimTried) return;
    this.aimTried = tried;
    const c = this.map.cameraForBounds(aim.bounds, { padding });
    if (!c) return;
    this.map.easeTo({ ...c, ...(reducedMotion() ? { duration: 0 } : { duration: 400 }) });
  }

  cameraForBounds(bounds: LngLatBounds, paddingPx: number): Camera {
    // clear of the panels and the wide controls over the map too (the credits line along its foot)
    const c = this.map.cameraForBounds(bounds, { padding: this.coverPadding(paddingPx) });
    if (!c?.center || c.zoom === undefined) return this.camera();
    const center = maplibregl.LngLat.convert(c.center);
    // the map keeps to its zoom range
    const zoom = Math.min(this.map.getMaxZoom(), Math.max(this.map.getMinZoom(), c.zoom));
    return { lng: center.lng, lat: center.lat, zoom };
  }

  viewPolygon(): GeoJSON.Polygon | null {
    const canvas = this.map.getCanvas();
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    if (!(w > 0 && h > 0)) return null;
    // north-west, south-west, south-east, north-east: counter-clockwise, also when the map is turned
    const ring = (
      [
        [0, 0],
        [0, h],
        [w, h],
        [w, 0],
      ] as [number, number][]
    ).map(([x, y]) => {
      const ll = this.map.unproject([x, y]);
      return [ll.lng, ll.lat];
    });
    return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
  }

  trackPointer(onMove: (lngLat: { lng: number; lat: number } | null) => void): () => void {
    const move = (e: { lngLat: { lng: number; lat: number } }) => onMove({ lng: e.lngLat.lng, lat: e.lngLat.lat });
    const out = () => onMove(null);
    this.map.on('mousemove', move);
    this.map.on('mouseout', out);
    return () => {
      this.map.off('mousemove', move);
      this.map.off('mouseout', out);
    };
  }

  // ------------------------------------------------------------------ input

  setCrosshair(on: boolean): void {
    this.pointer.setCrosshair(on);
  }

  startDraw(onFinish: (polygon: GeoJSON.Polygon) => void): void {
    this.whenStyle(() => this.draw.start(onFinish));
  }

  stopDraw(): void {
    this.whenStyle(() => this.draw.stop());
  }

  // ------------------------------------------------------------------ output

  async snapshot(): Promise<MapSnapshot | null> {
    if (this.destroyed) return null;
    await new Promise<void>((resolve) => {
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
    const canvas = this.map.getCanvas();
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (this.destroyed || !width || !height || !canvas.width || !canvas.height) return null;
    const camera = this.camera();
    return { canvas, width, height, camera, metresPerPixel: metresPerPixel(camera.lat, camera.zoom) };
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.destroyed = true;
    this.coverWatch?.disconnect();
    this.aimWatch?.disconnect();
    this.points.stop();
    this.stopAnswering?.();
    this.draw.stop();
    this.endHold();
    this.map.remove();
    if ((window as HookWindow).__map === this.map) delete (window as HookWindow).__map;
  }

  // ------------------------------------------------------------------ inside

  /** Runs fn once the style has loaded (at once if it has). */
  private whenStyle(fn: () => void): void {
    if (this.styleReady) fn();
    else this.pending.push(fn);
  }

  /** Runs fn on a layer that is on the map (an overlay layer not added yet gets it when added, from LayerState). */
  private onLayer(layer: LayerId, fn: () => void): void {
    this.whenStyle(() => {
      if (this.map.getLayer(layer)) fn();
    });
  }

  private applyLayout(layer: LayerId, layout: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(layout))
      (this.map.setLayoutProperty as (l: string, k: string, v: unknown, o: object) => void).call(this.map, layer, key, value, NO_VALIDATION);
  }

  private geojson(source: GeoJsonSourceId): GeoJSONSource | undefined {
    const s = this.map.getSource(source);
    return s?.type === 'geojson' ? (s as GeoJSONSource) : undefined;
  }

  /** Adds an overlay source and its layers, each below the first layer that comes after it in the registry, and below terra-draw's. */
  private addOverlay(source: OverlaySourceId, data: PointData): void {
    const spec = sourceSpec(source, data);
    this.map.addSource(source, spec);
    this.added.add(source);
    for (const id of layersOfSource(source)) {
      const mine = layerPosition(id)!;
      const before = this.map.getLayersOrder().find((other) => {
        const p = layerPosition(other);
        return p === undefined ? other.startsWith(DRAW_PREFIX) : p > mine;
      });
      const layer = this.layers.spec(id, this.lang);
      // a vector source (the sites' tiles) names its one layer
      this.map.addLayer(spec.type === 'vector' ? ({ ...layer, 'source-layer': SITE_TILE_LAYER } as LayerSpecification) : layer, before);
    }
  }

  /** Takes an overlay source that has become empty off the map with its layers (they come back with its next data), so a long session does not keep what it no longer shows. */
  private removeOverlay(source: OverlaySourceId): void {
    for (const id of layersOfSource(source)) if (this.map.getLayer(id)) this.map.removeLayer(id);
    if (this.map.getSource(source)) this.map.removeSource(source);
    this.added.delete(source);
  }

  private maybeReady(): void {
    if (this.readyFired || !REQUIRED.every((s) => this.lastData.has(s))) return;
    this.readyFired = true;
    mark('map:data');
    this.map.once('idle', () => {
      if (this.destroyed) return;
      mark(MAP_READY_MARK);
      this.container.dataset.mapReady = 'true';
      this.handlers.onReady();
      if (this.sitesWanted) whenIdle(() => this.warmSites());
    });
  }

  /**
   * Once the page is idle after its first view, where sites are wanted (prepareSites: a page
   * with the sites panel, not an audience window): loads the sites' tile script into MapLibre's
   * workers and draws the sites' layers once, unseen (opacity 0.001 on a warm-up source, taken off
   * at the next idle), so their GPU programs are compiled before an import needs them. Compiling
   * blocks the page while the GPU links them (≈ 150 ms under a software GPU): done here, it is not
   * done between a user's pick and their sites on the map. The warm-up's copies then make way for
   * the sites' own source and layers, empty (PointFeed.standby), so an import is not a style change.
   */
  private warmSites(): void {
    void this.points.prepare().then((way) => {
      if (way !== 'worker' || this.destroyed || this.added.has('user-sites') || this.map.getSource(WARM_SOURCE)) return;
      this.map.addSource(WARM_SOURCE, { type: 'vector', tiles: [WARM_TILES], maxzoom: 22 });
      const specs = warmLayers(layersOfSource('user-sites').map((id) => this.layers.spec(id, this.lang)));
      for (const spec of specs) this.map.addLayer(spec);
      this.container.dataset.sitesWarm = 'drawing';
      this.map.once('idle', () => {
        if (this.destroyed) return;
        for (const spec of specs) if (this.map.getLayer(spec.id)) this.map.removeLayer(spec.id);
        if (this.map.getSource(WARM_SOURCE)) this.map.removeSource(WARM_SOURCE);
        // the sites' own source and layers, empty, in the same style change: the first import only reloads its tiles
        this.points.standby('user-sites');
        // done once that is drawn too (the empty tiles loaded)
        this.map.once('idle', () => {
          if (!this.destroyed) this.container.dataset.sitesWarm = 'done';
        });
      });
    });
  }
}

/**
 * Loads the point-set protocol into MapLibre's workers (src/map/controller/points.worker.ts), or
 * null where it cannot be: no workers, or a page opened from disk (the single file), whose workers
 * cannot import a script file.
 */
function loadPointsScript(): (() => Promise<void>) | null {
  if (typeof Worker === 'undefined' || typeof location === 'undefined' || location.protocol === 'file:') return null;
  if (typeof maplibregl.importScriptInWorkers !== 'function') return null;
  return () => {
    const url = new URL(pointsWorkerUrl, location.href);
    // MapLibre's worker imports a URL ending in .mjs as a module; any other it would evaluate as text
    if (!url.href.endsWith('.mjs')) url.hash = '.mjs';
    return maplibregl.importScriptInWorkers(url.href);
  };
}

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
