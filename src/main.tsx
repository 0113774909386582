import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import './styles.css';
import { Root } from './app/Root';
import { loadGeoData } from './loaders/load-geo';
import { installFontRules } from './app/font-rules';
import { prewarmMap } from './map/maplibre-setup';
import { readUrl } from './state/url/sync';
import { installPackagedFiles } from './app/packaged-files';
import { startServiceWorker } from './app/service-worker';

// the single-file package answers the data fetches from inside itself (no-op otherwise)
installPackagedFiles();
installFontRules();
// MapLibre's workers start now, not after the map's style has loaded
prewarmMap();
// index.html preloads the data files, so they are usually here before this script runs
const data = loadGeoData(import.meta.env.BASE_URL);
// the URL, read once: it chooses the layout now and is applied once the data is in
const url = readUrl();

// Mount now, not when the data is in: the map is created at once (its style and workers load
// while the data is fetched and validated) and takes the data when it comes, like the panels.
// Synchronously, so the map starts within this task.
const root = createRoot(document.getElementById('root')!);
flushSync(() =>
  root.render(
    <StrictMode>
      <Root data={data} url={url} />
    </StrictMode>,
  ),
);
// offline after one visit (not in development, not from file://)
startServiceWorker();
