import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import './styles.css';
import { Root } from './app/Root';
import { loadGeoData } from './loaders/load-geo';
import type { GeoData } from './loaders/load-geo';
import { installFontRules } from './app/font-rules';
import { installMapFont } from './map/map-font';
import { prewarmMap } from './map/maplibre-setup';
import { layoutOf } from './state/url/codec';
import { readUrl } from './state/url/sync';
import { installPackagedFiles } from './app/packaged-files';
import { startServiceWorker } from './app/service-worker';
import { seedStore } from './app/boot';
import { appStore } from './state/store';
import { prepareNameOrder } from './state/filter';

// the single-file package answers the data fetches from inside itself (no-op otherwise)
installPackagedFiles();
installFontRules();
// MapLibre's workers start now, not after the map's style has loaded
prewarmMap();
// index.html preloads the data files, so they are usually here before this script runs
const data = loadGeoData(import.meta.env.BASE_URL);
// the URL, read once: it chooses the layout now and is applied once the data is in
const url = readUrl();
// the map labels' font: in before the panels are drawn (a font that lands later makes the browser
// lay out and paint all of the page's text again), unless it takes FONT_WAIT_MS more than the data
const mapFont = installMapFont();
const FONT_WAIT_MS = 1000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Mount once the data is in and the map's font (a failed file is in `data` as an error, so this always mounts),
// synchronously, into a store that holds the data already: the first render draws every panel
// with it (the list is never first drawn empty, "0 of 42", then filled by a second render), then
// the map is created with the data in its style, so MapLibre's workers tile it at once, while the
// first frames compile their shaders. Until then index.html shows a loading line.
const root = createRoot(document.getElementById('root')!);
const mount = (geo?: GeoData) =>
  flushSync(() =>
    root.render(
      <StrictMode>
        <Root data={data} geo={geo} url={url} />
      </StrictMode>,
    ),
  );
// the briefing views load their own script first and take the data when it comes
// offline after one visit (not in development, not from file://)
startServiceWorker();
if (layoutOf(url) === 'app')
  void data.then(
    (geo) => {
      // what the first render needs and the font does not: done while the font may still be coming
      seedStore(appStore, geo, url);
      prepareNameOrder(appStore.getState().lang);
      return Promise.race([mapFont, delay(FONT_WAIT_MS)]).then(() => mount(geo));
    },
    () => mount(),
  );
else mount();
