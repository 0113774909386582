/**
 * Map extension of the find feature: its own sources, layers and store subscriptions.
 * Called once by MapView after the controller exists; returns a function that undoes it.
 */
import type { MapController } from '../map-controller';
import type { AppStore } from '../../state/store';

export function install(_controller: MapController, _store: AppStore): () => void {
  return () => {};
}
