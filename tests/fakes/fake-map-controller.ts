/**
 * A stand-in for MapController (src/map/map-controller.ts) with the same public methods, which
 * only record their calls. No maplibre-gl is imported (type imports only), so it works in Node
 * and jsdom. Use it directly (map-sync tests) or as the `MapController` export of a vi.mock of
 * map-controller (component tests):
 *
 *   vi.mock('../../src/map/map-controller', async () => (await import('../fakes/fake-map-controller')).fakeMapControllerModule());
 */
import { vi } from 'vitest';
import type { MapController, MapHandlers } from '../../src/map/map-controller';
import type { StyleOptions } from '../../src/map/style';
import type { SourceId } from '../../src/map/layers';
import type { Camera } from '../../src/domain/types';

type Pub = Pick<
  MapController,
  | 'setData'
  | 'setParkFilter'
  | 'setZoneEmphasis'
  | 'setSelectedPark'
  | 'setGroupVisibility'
  | 'setLang'
  | 'flyTo'
  | 'setOnlineBasemap'
  | 'jumpTo'
  | 'resize'
  | 'destroy'
  | 'camera'
>;
export type FakeMethod = keyof Pub;

export interface FakeCall {
  method: FakeMethod;
  args: unknown[];
}

/** Thrown by the fake constructor when FakeMapController.failNext is set to 'no-webgl'. */
export class FakeNoWebGLError extends Error {}

export const FAKE_DEFAULT_CAMERA: Camera = { zoom: 8.7, lat: 31.13, lng: 121.47 };

export class FakeMapController {
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
  readonly initialData: Partial<Record<SourceId, GeoJSON.FeatureCollection>>;
  /** stands in for the maplibregl.Map (MapView exposes it on window.__map) */
  readonly map = { fake: true };
  /** every call, in order */
  readonly log: FakeCall[] = [];
  destroyed = false;
  private cam: Camera;

  constructor(
    container?: HTMLElement,
    style?: StyleOptions,
    camera?: Camera,
    handlers?: MapHandlers,
    initialData: Partial<Record<SourceId, GeoJSON.FeatureCollection>> = {},
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

  private rec<F extends FakeMethod>(method: F, impl?: (...args: Parameters<Pub[F]>) => ReturnType<Pub[F]>) {
    return vi.fn((...args: Parameters<Pub[F]>) => {
      this.log.push({ method, args });
      return impl ? impl(...args) : (undefined as ReturnType<Pub[F]>);
    });
  }

  readonly setData = this.rec('setData');
  readonly setParkFilter = this.rec('setParkFilter');
  readonly setZoneEmphasis = this.rec('setZoneEmphasis');
  readonly setSelectedPark = this.rec('setSelectedPark');
  readonly setGroupVisibility = this.rec('setGroupVisibility');
  readonly setLang = this.rec('setLang');
  readonly setOnlineBasemap = this.rec('setOnlineBasemap');
  readonly flyTo = this.rec('flyTo', (lng, lat, zoom) => {
    this.cam = { lng, lat, zoom: zoom ?? this.cam.zoom };
  });
  readonly jumpTo = this.rec('jumpTo', (c) => {
    this.cam = { ...c };
  });
  readonly resize = this.rec('resize');
  readonly destroy = this.rec('destroy', () => {
    this.destroyed = true;
  });
  readonly camera = this.rec('camera', () => ({ ...this.cam }));

  /** the calls of one method, oldest first */
  calls<F extends FakeMethod>(method: F): Parameters<Pub[F]>[] {
    return this.log.filter((c) => c.method === method).map((c) => c.args as Parameters<Pub[F]>);
  }

  /** the arguments of the latest call of a method (undefined: never called) */
  lastCall<F extends FakeMethod>(method: F): Parameters<Pub[F]> | undefined {
    return this.calls(method).at(-1);
  }

  clearLog(): void {
    this.log.length = 0;
    for (const m of [
      this.setData,
      this.setParkFilter,
      this.setZoneEmphasis,
      this.setSelectedPark,
      this.setGroupVisibility,
      this.setLang,
      this.setOnlineBasemap,
      this.flyTo,
      this.jumpTo,
      this.resize,
      this.destroy,
      this.camera,
    ])
      m.mockClear();
  }

  /** the fake typed as the real controller (for syncMapWithStore & co.) */
  asController(): MapController {
    return this as unknown as MapController;
  }
}

/** The module shape of src/map/map-controller.ts, backed by the fake (for vi.mock). */
export function fakeMapControllerModule() {
  return {
    MapController: FakeMapController,
    NoWebGLError: FakeNoWebGLError,
    DEFAULT_CAMERA: FAKE_DEFAULT_CAMERA,
  };
}
