import type { GeoData } from '../loaders/load-geo';
import { App } from './App';
import { BriefingRoot } from '../components/briefing/BriefingRoot';
import { BriefingLauncher } from '../components/briefing/BriefingLauncher';
import { layoutFromSearch } from '../state/url-bindings/briefing';

/**
 * Chooses the layout from the URL: the map app, or a briefing view (`?tour=N` audience,
 * `?view=presenter`, `?embed=1`).
 */
export function Root({ data, search = typeof window === 'undefined' ? '' : window.location.search }: { data?: Promise<GeoData>; search?: string }) {
  const layout = layoutFromSearch(search);
  if (layout === 'app')
    return (
      <>
        <App data={data} />
        <BriefingLauncher />
      </>
    );
  return <BriefingRoot role={layout} data={data} />;
}
