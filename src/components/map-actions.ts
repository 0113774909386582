/**
 * What panels may ask of the map beside them (components never import the map): an image of the
 * view as drawn, and a camera jump. The app provides it (src/app/MapActionsProvider.tsx).
 */
import { createContext, useContext } from 'react';
import type { Camera } from '../domain/types';
import type { ExportResult, ExportText } from '../domain/map-image';

export interface MapActions {
  exportImage(text: ExportText): Promise<ExportResult>;
  jumpTo(camera: Camera): void;
}

export const MapActionsContext = createContext<MapActions | null>(null);

/** The map's actions (null: no map here). */
export const useMapActions = (): MapActions | null => useContext(MapActionsContext);
