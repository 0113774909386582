import { Suspense, useMemo } from 'react';
import type { GeoData } from '../loaders/load-geo';
import { layoutOf } from '../state/url/codec';
import type { DecodedUrl } from '../state/url/codec';
import { readUrl } from '../state/url/sync';
import { BriefingLauncher } from '../components/briefing/BriefingLauncher';
import { StatsHost, StatsLauncher } from '../components/stats/StatsHost';
import { lazyPart } from '../components/lazy-part';
import { PanelBoundary } from '../components/PanelBoundary';
import { App } from './App';
import { UpdatePrompt } from './UpdatePrompt';

// the briefing views load only when a briefing is opened
const BriefingRoot = lazyPart(
  () => import('./BriefingRoot'),
  (m) => m.BriefingRoot,
);

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
        <PanelBoundary name={null}>
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
        </PanelBoundary>
        <StatsHost />
        <UpdatePrompt />
      </>
    );
  return (
    <>
      <PanelBoundary name={null}>
        <Suspense fallback={null}>
          <BriefingRoot role={layout} data={data} url={url} />
        </Suspense>
      </PanelBoundary>
      <UpdatePrompt />
    </>
  );
}
