/**
 * The map port's fake: implements MapPort (src/map/map-port.ts) by recording every call, with
 * the real controller's constructor, so it can stand in for MapController. No maplibre-gl is
 * imported (type imports only), so it works in Node and jsdom. Use it directly (sync tests) or
 * as the `MapController` export of a vi.mock of map-controller (component tests):
 *
 *   vi.mock('../../src/map/map-controller', async () => (await import('../fakes/fake-map-controller')).fakeMapControllerModule());
 */
import { vi } from 'vitest';
import type { FilterSpecification } from 'maplibre-gl';
import type { MapClick, MapHandlers, MapPort } from '../../src/map/map-port';
import type { StyleOptions } from '../../src/map/style';
import { isOverlaySource } from '../../src/map/layers';
import type { GeoJsonSourceId, LayerId, OverlaySourceId, StyleSourceId } from '../../src/map/layers';
import type { Camera } from '../../src/domain/types';

export type FakeMethod = keyof MapPort;

export interface FakeCall {
  method: FakeMethod;
  args: unknown[];
}

/** Thrown by the fake constructor when FakeMapController.failNext is set to 'no-webgl'. */
export class FakeNoWebGLError extends Error {}

export const FAKE_DEFAULT_CAMERA: Camera = { zoom: 8.7, lat: 31.13, lng: 121.47 };

type Fn<F extends FakeMethod> = MapPort[F];

export class FakeMapController implements MapPort {
  /** every instance constructed since the last reset(), oldest first */
  static instances: FakeMapController[] = [];
  /** makes the next constructor call throw (then resets itself) */
  static failNext: 'no-webgl' | Error | null = null;

  static reset(): void {
    FakeMapController.instances = [];
    FakeMapController.failNext = null;
  }

  static get last(): FakeMapController | undefined {
    return FakeMapController.instances.at(-1);
  }

  readonly container: HTMLElement | null;
  readonly style: StyleOptions | null;
  readonly initialCamera: Camera | null;
  readonly handlers: MapHandlers | null;
  /** the data the map was created with (MapController puts it into the style) */
  readonly initialData: Partial<Record<StyleSourceId, GeoJSON.FeatureCollection>>;
  /** every call, in order */
  readonly log: FakeCall[] = [];
  destroyed = false;
  /** what clusterExpansionZoom answers */
  clusterZoom: number | null = 12;
  private cam: Camera;

  constructor(
    container?: HTMLElement,
    style?: StyleOptions,
    camera?: Camera,
    handlers?: MapHandlers,
    initialData: Partial<Record<StyleSourceId, GeoJSON.FeatureCollection>> = {},
  ) {
    const fail = FakeMapController.failNext;
    if (fail) {
      FakeMapController.failNext = null;
      throw fail === 'no-webgl' ? new FakeNoWebGLError('WebGL2 is not available (fake)') : fail;
    }
    this.container = container ?? null;
    this.style = style ?? null;
    this.initialCamera = camera ?? null;
    this.handlers = handlers ?? null;
    this.initialData = initialData;
    this.cam = camera ?? FAKE_DEFAULT_CAMERA;
    FakeMapController.instances.push(this);
  }

  private rec<F extends FakeMethod>(method: F, impl?: (...args: Parameters<Fn<F>>) => ReturnType<Fn<F>>) {
    return vi.fn((...args: Parameters<Fn<F>>) => {
      this.log.push({ method, args });
      return impl ? impl(...args) : (undefined as ReturnType<Fn<F>>);
    });
  }

  readonly setData = this.rec('setData');
  readonly setPointSets = this.rec('setPointSets');
  readonly prepareSites = this.rec('prepareSites');
  readonly clusterExpansionZoom = this.rec('clusterExpansionZoom', () => Promise.resolve(this.clusterZoom));
  readonly setFilter = this.rec('setFilter');
  readonly setPaint = this.rec('setPaint');
  readonly setLayout = this.rec('setLayout');
  readonly setFeatureState = this.rec('setFeatureState');
  readonly setGroupVisibility = this.rec('setGroupVisibility');
  readonly setLang = this.rec('setLang');
  readonly camera = this.rec('camera', () => ({ ...this.cam }));
  /** true: a flight takes time, as MapLibre's does (the camera stays until `land()`); false: it arrives at once, as with reduced motion */
  animatedFlights = false;
  private landing: Camera | null = null;
  readonly flyTo = this.rec('flyTo', (lng, lat, zoom) => {
    const to = { lng, lat, zoom: zoom ?? this.cam.zoom };
    if (this.animatedFlights) this.landing = to;
    else this.cam = to;
  });
  /** An animated flight arrives: the camera is its target, and the map reports it (moveend). */
  land(): void {
    if (!this.landing) return;
    this.cam = this.landing;
    this.landing = null;
    this.handlers?.onMoveEnd({ ...this.cam });
  }
  readonly jumpTo = this.rec('jumpTo', (c) => {
    this.cam = { ...c };
  });
  readonly fitBounds = this.rec('fitBounds');
  /** the centre of the bounds at a fixed zoom (a fake has no size to fit them to) */
  readonly cameraForBounds = this.rec('cameraForBounds', ([[w, s], [e, n]]) => ({ lng: (w + e) / 2, lat: (s + n) / 2, zoom: 10 }));
  /** what viewPolygon answers: a fixed view, not computed from the camera (a fake has no size) */
  view: GeoJSON.Polygon | null = {
    type: 'Polygon',
    coordinates: [
      [
        [121.4, 31.3],
        [121.4, 31.1],
        [121.6, 31.1],
        [121.6, 31.3],
        [121.4, 31.3],
      ],
    ],
  };
  readonly viewPolygon = this.rec('viewPolygon', () => this.view);
  /** the map's pointer tracker while one is on (movePointer sends it positions) */
  pointerListener: ((lngLat: { lng: number; lat: number } | null) => void) | null = null;
  readonly trackPointer = this.rec('trackPointer', (fn) => {
    this.pointerListener = fn;
    return () => {
      if (this.pointerListener === fn) this.pointerListener = null;
    };
  });
  readonly setCrosshair = this.rec('setCrosshair');
  readonly startDraw = this.rec('startDraw');
  readonly stopDraw = this.rec('stopDraw');
  /** a fake has nothing drawn to read */
  readonly snapshot = this.rec('snapshot', () => Promise.resolve(null));
  readonly resize = this.rec('resize');
  readonly destroy = this.rec('destroy', () => {
    this.destroyed = true;
  });

  /** the calls of one method, oldest first */
  calls<F extends FakeMethod>(method: F): Parameters<Fn<F>>[] {
    return this.log.filter((c) => c.method === method).map((c) => c.args as Parameters<Fn<F>>);
  }

  /** the arguments of the latest call of a method (undefined: never called) */
  lastCall<F extends FakeMethod>(method: F): Parameters<Fn<F>> | undefined {
    return this.calls(method).at(-1);
  }

  /** the latest data set for a source (undefined: none) */
  dataOf(source: GeoJsonSourceId): GeoJSON.FeatureCollection | undefined {
    return this.calls('setData').findLast(([id]) => id === source)?.[1];
  }

  /** the latest filter set for a layer (undefined: never set; null: no filter) */
  filterOf(layer: LayerId): FilterSpecification | null | undefined {
    return this.calls('setFilter').findLast(([id]) => id === layer)?.[1];
  }

  /** the latest value set for a layer's paint property (undefined: never set) */
  paintOf(layer: LayerId, property: string): unknown {
    return this.calls('setPaint').findLast(([id, p]) => id === layer && p === property)?.[2];
  }

  /** The park ids the park layers' filters let through (null: every park); throws unless all three agree. */
  shownParks(): string[] | null {
    const each = PARK_LAYERS.map((l) => parkIds(l, this.filterOf(l)));
    if (each.some((ids) => JSON.stringify(ids) !== JSON.stringify(each[0]))) throw new Error(`the park layers disagree: ${JSON.stringify(each)}`);
    return each[0]!;
  }

  /**
   * The zones brought forward, from the zones' `emph` feature states the calls left (null: none
   * set, the default look); in the order the zones were first given a state. Throws on a value
   * other than 1, 0 or null.
   */
  emphasisedZones(): string[] | null {
    const state = new Map<string, unknown>();
    for (const [source, id, st] of this.calls('setFeatureState')) {
      if (source !== 'zones' || !('emph' in st)) continue;
      if (![0, 1, null].includes(st.emph as number | null)) throw new Error(`zone ${id}: emph ${JSON.stringify(st.emph)}`);
      state.set(id, st.emph);
    }
    const values = [...state.values()];
    if (values.every((v) => v === null)) return null;
    if (values.some((v) => v === null)) throw new Error(`some zones have no emphasis state while others do: ${JSON.stringify([...state])}`);
    return [...state].filter(([, v]) => v === 1).map(([id]) => id);
  }

  /** The park the selection ring is on (null: none; undefined: never set). */
  ringedPark(): string | null | undefined {
    const f = this.filterOf('parks-selected');
    if (f === undefined) return undefined;
    const [op, get, id] = f as unknown as [string, unknown, string];
    if (op !== '==' || JSON.stringify(get) !== '["get","id"]') throw new Error(`not a ring filter: ${JSON.stringify(f)}`);
    return id === '' ? null : id;
  }

  /**
   * The overlay sources on the map by the port's contract: a source is added with its first
   * non-empty setData or setPointSets, and taken off by an empty one.
   */
  addedOverlays(): OverlaySourceId[] {
    const added = new Set<OverlaySourceId>();
    for (const c of this.log) {
      if (c.method !== 'setData' && c.method !== 'setPointSets') continue;
      const source = c.args[0] as GeoJsonSourceId;
      if (!isOverlaySource(source)) continue;
      const empty =
        c.method === 'setPointSets' ? (c.args[1] as readonly unknown[]).length === 0 : (c.args[1] as GeoJSON.FeatureCollection).features.length === 0;
      if (empty) added.delete(source);
      else added.add(source);
    }
    return [...added];
  }

  /** Sends a click to the handlers the fake was created with (as the real map reports one). */
  click(click: Partial<MapClick> & Pick<MapClick, 'layerId'>): void {
    if (!this.handlers) throw new Error('the fake was created without handlers');
    this.handlers.onClick({ properties: {}, lngLat: { lng: 121.5, lat: 31.2 }, featureLngLat: null, ...click });
  }

  /** Closes a polygon with the drawing tool last started. */
  finishDraw(polygon: GeoJSON.Polygon): void {
    const onFinish = this.lastCall('startDraw')?.[0];
    if (!onFinish) throw new Error('drawing was never started');
    onFinish(polygon);
  }

  clearLog(): void {
    this.log.length = 0;
    for (const value of Object.values(this)) if (vi.isMockFunction(value)) value.mockClear();
  }
}

// ---- readers of the filters and paint the base sync sets (literal shapes, not the code under test)

const PARK_LAYERS = ['parks-halo', 'parks-circle', 'parks-label'] as const;
/** the halo's own filter: around estimated locations only */
export const ESTIMATED_ONLY = ['!=', ['get', 'confidence'], 'sourced'];

const fail = (what: string, value: unknown): never => {
  throw new Error(`${what}: ${JSON.stringify(value)}`);
};

/** ['in', ['get', 'id'], ['literal', ids]] → ids */
function idsOf(expr: unknown): string[] {
  const [op, get, lit] = expr as [string, unknown, [string, string[]]];
  if (op !== 'in' || JSON.stringify(get) !== '["get","id"]' || lit[0] !== 'literal') fail('not an id list', expr);
  return lit[1];
}

function parkIds(layer: (typeof PARK_LAYERS)[number], filter: FilterSpecification | null | undefined): string[] | null {
  if (filter === undefined) return fail(`${layer}: no filter was set`, filter);
  if (layer === 'parks-halo') {
    if (JSON.stringify(filter) === JSON.stringify(ESTIMATED_ONLY)) return null;
    const [all, estimated, only] = filter as unknown as [string, unknown, unknown];
    if (all !== 'all' || JSON.stringify(estimated) !== JSON.stringify(ESTIMATED_ONLY)) fail('parks-halo: not estimated-only', filter);
    return idsOf(only);
  }
  return filter === null ? null : idsOf(filter);
}

/** The module shape of src/map/map-controller.ts, backed by the fake (for vi.mock). */
export function fakeMapControllerModule() {
  return {
    MapController: FakeMapController,
    NoWebGLError: FakeNoWebGLError,
    DEFAULT_CAMERA: FAKE_DEFAULT_CAMERA,
  };
}
