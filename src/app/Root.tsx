import { Suspense, lazy } from 'react';
import type { GeoData } from '../loaders/load-geo';
import { App } from './App';

// the briefing views load only when a briefing is opened
const BriefingRoot = lazy(() => import('../components/briefing/BriefingRoot').then((m) => ({ default: m.BriefingRoot })));
import { BriefingLauncher } from '../components/briefing/BriefingLauncher';
import { layoutFromSearch } from '../state/url-bindings/briefing';

/**
 * Chooses the layout from the URL: the map app, or a briefing view (`?tour=N` audience,
 * `?view=presenter`, `?embed=1`).
 */
export function Root({
  data,
  geo,
  search = typeof window === 'undefined' ? '' : window.location.search,
}: {
  data?: Promise<GeoData>;
  geo?: GeoData;
  search?: string;
}) {
  const layout = layoutFromSearch(search);
  if (layout === 'app')
    return (
      <>
        <App data={data} geo={geo} />
        <BriefingLauncher />
      </>
    );
  return (
    <Suspense fallback={null}>
      <BriefingRoot role={layout} data={data} />
    </Suspense>
  );
}
