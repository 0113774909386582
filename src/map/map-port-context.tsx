/**
 * Lets the views around a MapView reach its map port (e.g. the briefing's image export) through
 * React context, not module state: the provider holds a ref, MapView fills it while it lives.
 */
import { createContext, useContext, useRef } from 'react';
import type { ReactNode, RefObject } from 'react';
import type { MapPort } from './map-port';

const MapPortContext = createContext<RefObject<MapPort | null> | null>(null);

export function MapPortProvider({ children }: { children: ReactNode }) {
  const portRef = useRef<MapPort | null>(null);
  return <MapPortContext.Provider value={portRef}>{children}</MapPortContext.Provider>;
}

/** The ref holding the port of the MapView under the same provider (null: no provider; .current null: no map now). */
export const useMapPortRef = (): RefObject<MapPort | null> | null => useContext(MapPortContext);
