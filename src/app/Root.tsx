import type { GeoData } from '../loaders/load-geo';
import { App } from './App';

/** Chooses the layout: the map app (and, later, the briefing views). */
export function Root({ data }: { data?: Promise<GeoData> }) {
  return <App data={data} />;
}
