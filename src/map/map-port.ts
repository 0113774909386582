/**
 * What the rest of the app may ask of the map (types only). MapController implements it on a
 * MapLibre map; the tests' fake implements it by recording calls. Layers and sources are named
 * by the registry's ids (src/map/layers), never by bare strings.
 */
import type { FilterSpecification } from 'maplibre-gl';
import type { Camera, Lang } from '../domain/types';
import type { GeoJsonSourceId, GroupId, LayerId, OverlaySourceId } from './layers';
import type { PointSet } from './controller/point-sets';

export type { PointSet } from './controller/point-sets';

/** A clickable feature under the pointer. */
export interface MapHit {
  layerId: LayerId;
  /** the feature's properties */
  properties: Readonly<Record<string, unknown>>;
  /** the feature's own position when it is a point (a park, a site, a cluster's centre), else null */
  featureLngLat: [number, number] | null;
}

/**
 * A click on the map: the clickable feature hit first by the registry's priority (or none), and
 * every clickable feature under the pointer (stacked parks and zones), in that priority.
 */
export interface MapClick {
  /** null: no clickable feature there */
  layerId: LayerId | null;
  /** the feature's properties ({} when none was hit) */
  properties: Readonly<Record<string, unknown>>;
  /** where the click was */
  lngLat: { lng: number; lat: number };
  /** the feature's own position when it is a point (a site, a cluster's centre), else null */
  featureLngLat: [number, number] | null;
  /** every clickable feature under the pointer, each once, in click priority (absent: only the first is known) */
  hits?: readonly MapHit[];
  /** where the click was in the map's own box, CSS px from its top left (absent: unknown) */
  point?: { x: number; y: number };
}

/** What the map tells its owner; given to the controller when it is created. */
export interface MapHandlers {
  /** the data of every required source is drawn (once) */
  onReady(): void;
  onClick(click: MapClick): void;
  onMoveEnd(camera: Camera): void;
  onError(message: string): void;
}

/** The map as drawn, for an image export. */
export interface MapSnapshot {
  /** the map's canvas, fully drawn; read it before yielding to the next frame */
  canvas: HTMLCanvasElement;
  /** the map's size in CSS pixels */
  width: number;
  height: number;
  camera: Camera;
  /** ground resolution at the centre, metres per CSS pixel */
  metresPerPixel: number;
}

export type LngLatBounds = [[west: number, south: number], [east: number, north: number]];

export interface MapPort {
  /** Replaces a source's data; the same collection object again is a no-op. An overlay source and its layers are added with its first non-empty data. */
  setData(source: GeoJsonSourceId, data: GeoJSON.FeatureCollection): void;
  /**
   * An overlay source shows exactly these point sets (none: it is taken off the map). MapLibre's
   * worker reads their coordinates itself where it can, so the page builds no features (else they
   * go in chunks, one per task); setData on the source forgets them.
   */
  setPointSets(source: OverlaySourceId, sets: readonly PointSet[]): void;
  /**
   * Gets the map ready for point sets before the first: loads the tile script into MapLibre's
   * workers and draws the sites' layers once, unseen, so their GPU programs are compiled. Once;
   * later calls do nothing.
   */
  prepareSites(): void;
  /** The zoom at which a cluster of a clustered source breaks up (null: no such source or cluster). */
  clusterExpansionZoom(source: OverlaySourceId, clusterId: number): Promise<number | null>;

  /** Filter, paint and layout by layer; kept for an overlay layer not added yet and applied when it is. null filter: none. */
  setFilter(layer: LayerId, filter: FilterSpecification | null): void;
  setPaint(layer: LayerId, property: string, value: unknown): void;
  setLayout(layer: LayerId, property: string, value: unknown): void;
  /** Sets keys of one feature's state in a base source (by its promoted id); a null value unsets that key. */
  setFeatureState(source: GeoJsonSourceId, id: string, state: Record<string, unknown>): void;
  /** Shows or hides the layers of the groups named (the others keep theirs). */
  setGroupVisibility(groups: Partial<Record<GroupId, boolean>>): void;
  /** Switches every label's language in place (the camera does not move). */
  setLang(lang: Lang): void;

  camera(): Camera;
  /** Flies there (jumps when the user prefers reduced motion); zoom defaults to at least 11.5. */
  flyTo(lng: number, lat: number, zoom?: number): void;
  jumpTo(camera: Camera): void;
  /** Frames the box clear of the panels over the map; `unlessShown`: not when the map shows all of it already. */
  fitBounds(bounds: LngLatBounds, paddingPx?: number, opts?: { unlessShown?: boolean }): void;
  /** The camera that shows `bounds` in the map at its present size, with `paddingPx` around, clear of the panels and wide controls over it (no move). */
  cameraForBounds(bounds: LngLatBounds, paddingPx: number): Camera;
  /** What the map shows now, as a polygon of its four corners (counter-clockwise); null before it has a size. */
  viewPolygon(): GeoJSON.Polygon | null;

  /** Reports the mouse's map position while it moves over the map (null when it leaves) until the returned function is called. */
  trackPointer(onMove: (lngLat: { lng: number; lat: number } | null) => void): () => void;

  /** While on, the cursor is a crosshair whatever it hovers (picking a point). */
  setCrosshair(on: boolean): void;
  /** Starts drawing a polygon (the drawing tool loads on first use); onFinish gets each closed polygon. */
  startDraw(onFinish: (polygon: GeoJSON.Polygon) => void): void;
  stopDraw(): void;

  /** The map once it is idle, for an image export (null: there is nothing drawn to read). */
  snapshot(): Promise<MapSnapshot | null>;
  resize(): void;
  destroy(): void;
}
