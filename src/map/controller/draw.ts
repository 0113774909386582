/**
 * The polygon drawing tool of the map controller: terra-draw on the controller's map, loaded on
 * first use (a chunk of its own, out of the first view). Its layers are named DRAW_PREFIX-…
 * and stay above the registry's.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { TerraDraw } from 'terra-draw';

export const DRAW_PREFIX = 'draw';

export class PolygonDraw {
  private draw: TerraDraw | null = null;
  private loading: Promise<TerraDraw> | null = null;
  /** who gets the polygons while drawing is on (null: off) */
  private onFinish: ((polygon: GeoJSON.Polygon) => void) | null = null;

  /** `container`: the map's, where data-drawing says that clicks draw */
  constructor(
    private readonly map: MlMap,
    private readonly container: HTMLElement,
  ) {}

  start(onFinish: (polygon: GeoJSON.Polygon) => void): void {
    this.onFinish = onFinish;
    void this.load().then((d) => {
      // stopped (or started again) while terra-draw loaded
      if (this.onFinish !== onFinish) return;
      if (!d.enabled) d.start();
      d.setMode('polygon');
      // clicks on the map draw from now on (before terra-draw was in, they were the map's)
      this.container.dataset.drawing = 'on';
    });
  }

  stop(): void {
    this.onFinish = null;
    delete this.container.dataset.drawing;
    if (this.draw?.enabled) {
      this.draw.clear();
      this.draw.stop();
    }
  }

  private load(): Promise<TerraDraw> {
    if (this.draw) return Promise.resolve(this.draw);
    return (this.loading ??= Promise.all([import('terra-draw'), import('terra-draw-maplibre-gl-adapter')]).then(([td, adapter]) => {
      const d = new td.TerraDraw({
        adapter: new adapter.TerraDrawMapLibreGLAdapter({ map: this.map, prefixId: DRAW_PREFIX }),
        modes: [new td.TerraDrawPolygonMode()],
      });
      d.on('finish', (id) => {
        const f = d.getSnapshotFeature(id);
        if (f && f.geometry.type === 'Polygon') this.onFinish?.(f.geometry);
        d.clear();
      });
      this.draw = d;
      return d;
    }));
  }
}
