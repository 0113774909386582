/**
 * What panels may ask of the map beside them (components never import the map): an image of the
 * view as drawn, a camera jump, a fit to bounds, the area in view. The app provides it (src/app/MapActionsProvider.tsx).
 */
import { createContext, useContext } from 'react';
import type { Camera } from '../domain/types';
import type { ExportResult, ExportText, FigureResult } from '../domain/map-image';
import type { Lang } from '../domain/types';
import type { LegendSwatch } from '../theme/legend';

export interface MapActions {
  exportImage(text: ExportText): Promise<ExportResult>;
  /** the map alone, with its legend, scale bar and source as text (handouts) */
  exportFigure(lang: Lang): Promise<FigureResult<LegendSwatch>>;
  jumpTo(camera: Camera): void;
  /** fits the view to [[west, south], [east, north]] with `paddingPx` on every side */
  fitBounds(bounds: [[number, number], [number, number]], paddingPx?: number): void;
  /** what the map shows now, as a polygon (null: no map, or not drawn yet) */
  viewArea(): GeoJSON.Polygon | null;
}

export const MapActionsContext = createContext<MapActions | null>(null);

/** The map's actions (null: no map here). */
export const useMapActions = (): MapActions | null => useContext(MapActionsContext);
