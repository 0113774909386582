import type { MapController } from '../map-controller';
import type { AppStore } from '../../state/store';
import { install as find } from './find';
import { install as sites } from './sites';
import { install as briefing } from './briefing';

/** Installs every feature's map extension; returns one function that removes them all. */
export function installExtensions(controller: MapController, store: AppStore): () => void {
  const undo = [find, sites, briefing].map((install) => install(controller, store));
  return () => undo.forEach((u) => u());
}
