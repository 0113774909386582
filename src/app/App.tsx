import { useEffect, useLayoutEffect, useMemo } from 'react';
import { loadGeoData } from '../loaders/load-geo';
import type { GeoData } from '../loaders/load-geo';
import { t } from '../i18n';
import { MapView } from '../map/MapView';
import { onlineBasemapFromEnv } from '../map/style';
import { useAppStore, useStoreApi } from '../state/store';
import { readUrl } from '../state/url/sync';
import type { DecodedUrl } from '../state/url/codec';
import { bootStore } from './boot';
import { SectorFilter } from '../components/SectorFilter';
import { LayerPanel } from '../components/LayerPanel';
import { ParkList } from '../components/ParkList';
import { ParkCard } from '../components/ParkCard';
import { ZoneCard } from '../components/ZoneCard';
import { Notices } from '../components/Notices';
import { MapChooser } from '../components/MapChooser';
import { MapLegend } from '../components/Legend';
import { FindPanel } from '../components/find/FindPanel';
import { FindOverlay } from '../components/find/FindOverlay';
import { FindRight } from '../components/find/FindRight';
import { SitesPanel } from '../components/sites/SitesPanel';
import { SitesOverlay } from '../components/sites/SitesOverlay';
import { PanelBoundary } from '../components/PanelBoundary';

/**
 * The map app. `geo`: the data, already loaded (main.tsx waits for it), so the store holds it
 * before MapView creates the map; else `data`, a load in flight; else App loads it. `url`: the
 * page's URL, read once at start-up.
 */
export function App({ data: preloaded, geo: loaded, url: givenUrl }: { data?: Promise<GeoData>; geo?: GeoData; url?: DecodedUrl } = {}) {
  const store = useStoreApi();
  const url = useMemo(() => givenUrl ?? readUrl(), [givenUrl]);
  const lang = useAppStore((s) => s.lang);
  const geo = useAppStore((s) => s.geo);
  const park = useAppStore((s) => (s.selectedParkId ? s.derived?.parks.find((p) => p.id === s.selectedParkId) : undefined));
  const zone = useAppStore((s) => (s.selectedZoneId ? s.derived?.zones.find((z) => z.id === s.selectedZoneId) : undefined));
  const clear = useAppStore((s) => s.clearSelection);
  const setLang = useAppStore((s) => s.setLang);

  // a layout effect: with the data already loaded, the store has it before MapView's (passive)
  // effect creates the map, which then starts with the data in its style
  useLayoutEffect(() => {
    let live = true;
    let stopSync: (() => void) | null = null;
    const init = (data: GeoData) => {
      if (live) stopSync = bootStore(store, data, url);
    };
    if (loaded) init(loaded);
    else void (preloaded ?? loadGeoData(import.meta.env.BASE_URL)).then(init);
    return () => {
      live = false;
      stopSync?.();
    };
  }, [store, preloaded, loaded, url]);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'title');
  }, [lang]);

  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>{t(lang, 'title')}</h1>
          <p className="subtitle">{t(lang, 'subtitle')}</p>
        </div>
        <button type="button" className="lang-switch" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label={t(lang, 'languageLabel')}>
          {t(lang, 'language')}
        </button>
      </header>
      <aside className="side left">
        {geo && (
          <PanelBoundary name={t(lang, 'panel_find')}>
            <FindPanel />
          </PanelBoundary>
        )}
        {geo ? (
          <PanelBoundary name={t(lang, 'panel_sectors')}>
            <SectorFilter />
          </PanelBoundary>
        ) : (
          <p role="status">{t(lang, 'loading')}</p>
        )}
        <PanelBoundary name={t(lang, 'panel_layers')}>
          <LayerPanel onlineAvailable={onlineBasemapFromEnv(import.meta.env) !== null} />
        </PanelBoundary>
        {geo && (
          <PanelBoundary name={t(lang, 'panel_sites')}>
            <SitesPanel />
          </PanelBoundary>
        )}
      </aside>
      <main className="map-area">
        <MapView initialCamera={url.camera} />
        {geo && <FindOverlay />}
        {geo && <SitesOverlay />}
        {geo && <MapLegend />}
        {geo && <MapChooser />}
        <Notices />
      </main>
      <aside className="side right">
        <PanelBoundary name={t(lang, 'panel_card')}>
          {geo && <FindRight />}
          {park && <ParkCard park={park} onClose={clear} />}
          {zone && <ZoneCard zone={zone} onClose={clear} />}
          {!park && !zone && <ParkList />}
        </PanelBoundary>
      </aside>
    </div>
  );
}
