import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { MapPortProvider, useMapPortRef } from '../map/map-port-context';
import { MapActionsContext } from '../components/map-actions';
import type { MapActions } from '../components/map-actions';
import { useStoreApi } from '../state/store';

// the image export (canvas drawing, the legend, the scale bar) loads when an image is first asked for
const exporter = () => import('../map/export/export-image');

function Bridge({ children }: { children: ReactNode }) {
  const store = useStoreApi();
  const portRef = useMapPortRef();
  const actions = useMemo<MapActions>(
    () => ({
      exportImage: async (text) => (await exporter()).exportMapImage(portRef?.current ?? null, store, text),
      exportFigure: async (lang) => (await exporter()).exportMapFigure(portRef?.current ?? null, store, lang),
      jumpTo: (camera) => portRef?.current?.jumpTo(camera),
      fitBounds: (bounds, paddingPx) => portRef?.current?.fitBounds(bounds, paddingPx),
      viewArea: () => portRef?.current?.viewPolygon() ?? null,
    }),
    [portRef, store],
  );
  return <MapActionsContext.Provider value={actions}>{children}</MapActionsContext.Provider>;
}

/** Gives the panels under it the actions of the MapView under it (through the view's map port). */
export function MapActionsProvider({ children }: { children: ReactNode }) {
  return (
    <MapPortProvider>
      <Bridge>{children}</Bridge>
    </MapPortProvider>
  );
}
