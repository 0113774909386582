import { Suspense, lazy, useMemo } from 'react';
import type { GeoData } from '../loaders/load-geo';
import { layoutOf } from '../state/url/codec';
import type { DecodedUrl } from '../state/url/codec';
import { readUrl } from '../state/url/sync';
import { BriefingLauncher } from '../components/briefing/BriefingLauncher';
import { StatsHost, StatsLauncher } from '../components/stats/StatsHost';
import { App } from './App';
import { UpdatePrompt } from './UpdatePrompt';

// the briefing views load only when a briefing is opened
const BriefingRoot = lazy(() => import('./BriefingRoot').then((m) => ({ default: m.BriefingRoot })));

/**
 * Chooses the layout from the URL (read once, at start-up): the map app, or a briefing view
 * (`?tour=N` audience, `?view=presenter`, `?embed=1`).
 */
export function Root({ data, geo, url: givenUrl }: { data?: Promise<GeoData>; geo?: GeoData; url?: DecodedUrl }) {
  const url = useMemo(() => givenUrl ?? readUrl(), [givenUrl]);
  const layout = layoutOf(url);
  if (layout === 'app')
    return (
      <>
        <App
          data={data}
          geo={geo}
          url={url}
          actions={
            <>
              <StatsLauncher />
              <BriefingLauncher />
            </>
          }
        />
        <StatsHost />
        <UpdatePrompt />
      </>
    );
  return (
    <Suspense fallback={null}>
      <BriefingRoot role={layout} data={data} url={url} />
      <UpdatePrompt />
    </Suspense>
  );
}
