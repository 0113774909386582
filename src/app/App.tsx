import { Suspense, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { shallow } from 'zustand/shallow';
import { loadGeoData } from '../loaders/load-geo';
import type { GeoData } from '../loaders/load-geo';
import { t } from '../i18n';
import { MapView } from '../map/MapView';
import { onlineBasemapFromEnv } from '../map/style';
import { useAppStore, useSettledStore, useStoreApi } from '../state/store';
import { readUrl } from '../state/url/sync';
import type { DecodedUrl } from '../state/url/codec';
import { selectFilters, selectVisibleParks } from '../state/selectors/parks';
import { filterCount } from '../state/filter';
import { bootStore } from './boot';
import { MapActionsProvider } from './MapActionsProvider';
import { SectorFilter } from '../components/SectorFilter';
import { ParkList } from '../components/ParkList';
import { Notices } from '../components/Notices';
import { MapChooser } from '../components/MapChooser';
import { MapLegend } from '../components/Legend';
import { SheetBar } from '../components/SheetBar';
import type { SheetSize } from '../components/SheetBar';
import { FindFilters, SearchBox } from '../components/find/FindPanel';
import { FilterChips } from '../components/find/FilterChips';
import { FindOverlay } from '../components/find/FindOverlay';
import { FindResults, FindRight } from '../components/find/FindRight';
import { SitesPanel } from '../components/sites/SitesPanel';
import { SitesOverlay } from '../components/sites/SitesOverlay';
import { PanelBoundary } from '../components/PanelBoundary';
import { Mixed } from '../components/Mixed';
import { lazyPart } from '../components/lazy-part';
import { watchCardOpeners } from '../components/card-focus';
import { isSheetLayout } from '../components/sheet-layout';
import { afterFirstView } from '../lib/perf';
import { whenIdle } from '../lib/idle';

// Parts the first view does not show (none is open before a pick, unless the link opens one):
// loaded when first opened, and preloaded once the first view is drawn and the page is idle, so
// a pick shows its card at once
const ParkCard = lazyPart(
  () => import('../components/ParkCard'),
  (m) => m.ParkCard,
);
const ZoneCard = lazyPart(
  () => import('../components/ZoneCard'),
  (m) => m.ZoneCard,
);
const CompareSheet = lazyPart(
  () => import('../components/find/CompareSheet'),
  (m) => m.CompareSheet,
);
/** How long a page whose map cannot draw waits before preloading the parts anyway. */
const PRELOAD_WAIT_MS = 15_000;

/**
 * The map app. `geo`: the data, already loaded (main.tsx waits for it), so the store holds it
 * before MapView creates the map; else `data`, a load in flight; else App loads it. `url`: the
 * page's URL, read once at start-up.
 *
 * The shell never scrolls the page: header, search, the two panels and the map fill the window
 * and each panel scrolls inside itself. On a phone (CSS, ≤ 900 px) the map comes first under the
 * search, and the panels become bottom sheets over it: results (list, cards) or filters.
 *
 * Keyboard: skip links come first (to the map, the filters, the park list), then the header's
 * actions (`actions`: the views the root adds, then the language), the search, the filters, the
 * results and the map with its tools. Esc closes the chooser of stacked places, else the open
 * card, else folds a phone's bottom sheet (the find tools' Esc cancels the tool first).
 */
// The shell reads no filter-dependent value itself: a filter change re-renders these two small
// parts, not the whole page, in the interruptible render after the click.

/** The results sheet's title: how many parks the filters show, of how many. */
function ParksShown() {
  const lang = useAppStore((s) => s.lang);
  const shown = useSettledStore((s) => selectVisibleParks(s).length);
  const total = useAppStore((s) => s.derived?.parks.length ?? 0);
  return <>{t(lang, 'sheetParks', { n: shown, total })}</>;
}

/** The comparison sheet, once a park is in the comparison. */
function CompareWhenAny(props: { covered: boolean; onExpand: () => void }) {
  const any = useAppStore((s) => s.compareParkIds.length > 0);
  return any ? (
    <Suspense fallback={null}>
      <CompareSheet {...props} />
    </Suspense>
  ) : null;
}

/** The filters tab's badge: how many filters are on. */
function FilterBadge() {
  // the same filters the chips show, one each
  const n = useSettledStore((s) => filterCount(selectFilters(s)));
  return n > 0 ? <span className="n">{n}</span> : null;
}

export function App({
  data: preloaded,
  geo: loaded,
  url: givenUrl,
  actions,
}: { data?: Promise<GeoData>; geo?: GeoData; url?: DecodedUrl; actions?: ReactNode } = {}) {
  const store = useStoreApi();
  const url = useMemo(() => givenUrl ?? readUrl(), [givenUrl]);
  const lang = useAppStore((s) => s.lang);
  const geo = useAppStore((s) => s.geo);
  const park = useAppStore((s) => (s.selectedParkId ? s.derived?.parks.find((p) => p.id === s.selectedParkId) : undefined));
  const zone = useAppStore((s) => (s.selectedZoneId ? s.derived?.zones.find((z) => z.id === s.selectedZoneId) : undefined));
  const clear = useAppStore((s) => s.clearSelection);
  const setLang = useAppStore((s) => s.setLang);
  // the phone's bottom sheet: which panel, and how tall (ignored by the wide layout)
  const [sheet, setSheet] = useState<'results' | 'filters'>('results');
  const [size, setSize] = useState<SheetSize>('peek');

  // a layout effect: with the data already loaded, the store has it before MapView's (passive)
  // effect creates the map, which then starts with the data in its style
  useLayoutEffect(() => {
    let live = true;
    let stopSync: (() => void) | null = null;
    let stopWatch: (() => void) | null = null;
    const init = (data: GeoData) => {
      if (!live) return;
      stopSync = bootStore(store, data, url);
      // a link to a park or a zone opens with its card in the half-open sheet (a phone), not folded to a bar
      const linked = store.getState();
      if (linked.selectedParkId || linked.selectedZoneId) {
        setSheet('results');
        setSize('half');
      }
      // from now on (the URL is applied): a card or a result opens the results sheet; a point
      // chosen by the user sorts the list by distance from it
      stopWatch = watchResults(
        store,
        () => {
          setSheet('results');
          setSize((s) => (s === 'full' ? s : 'half'));
        },
        // a site's card sits at the foot of the map: the sheet folds so the card and the site show
        () => setSize('peek'),
      );
    };
    if (loaded) init(loaded);
    else void (preloaded ?? loadGeoData(import.meta.env.BASE_URL)).then(init);
    return () => {
      live = false;
      stopSync?.();
      stopWatch?.();
    };
  }, [store, preloaded, loaded, url]);

  useEffect(() => {
    // only when it changes: setting even the same value makes the browser match every element's
    // :lang() again (a style recalc of the whole page, as the map starts to load)
    const code = lang === 'zh' ? 'zh-CN' : 'en';
    if (document.documentElement.lang !== code) document.documentElement.lang = code;
    document.title = t(lang, 'title');
  }, [lang]);

  // Esc: the chooser, else the card, else the phone's sheet
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const s = store.getState();
      if (s.findMode !== 'none') return;
      if (s.chooser) s.closeChooser();
      else if (s.selectedSite) s.selectSite(null);
      else if (s.selectedParkId || s.selectedZoneId) s.clearSelection();
      else if (isSheetLayout() && (sheet === 'filters' || size !== 'peek')) {
        if (sheet === 'filters') setSheet('results');
        else setSize('peek');
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, sheet, size]);

  useEffect(() => {
    // before any card has loaded: the control that opens the first one is remembered
    watchCardOpeners(document);
    let stop = () => {};
    let live = true;
    void afterFirstView(PRELOAD_WAIT_MS).then(() => {
      if (live) stop = whenIdle(() => [ParkCard, ZoneCard, CompareSheet].forEach((p) => void p.preload()));
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  // skip links: focus the place (on a phone, open its sheet first); the URL's hash is the camera's
  const skip = (e: MouseEvent, to: 'map' | 'filters' | 'list') => {
    e.preventDefault();
    if (to !== 'map' && isSheetLayout())
      flushSync(() => {
        setSheet(to === 'filters' ? 'filters' : 'results');
        setSize((v) => (v === 'peek' ? 'half' : v));
      });
    const target =
      to === 'map'
        ? (document.querySelector<HTMLElement>('.map-area canvas[tabindex]') ?? document.getElementById('map-area'))
        : to === 'filters'
          ? document.getElementById('filters')
          : (document.querySelector<HTMLElement>('.park-list [role="grid"] [tabindex="0"]') ?? document.getElementById('results'));
    target?.focus();
  };

  const openFilters = () => {
    setSheet(sheet === 'filters' ? 'results' : 'filters');
    setSize(sheet === 'filters' ? 'half' : 'full');
  };

  return (
    <MapActionsProvider>
      <div className="app" data-sheet={sheet} data-sheet-size={size}>
        <nav className="skip-links" aria-label={t(lang, 'skipLinks')}>
          <a href="#map-area" onClick={(e) => skip(e, 'map')}>
            {t(lang, 'skipMap')}
          </a>
          <a href="#filters" onClick={(e) => skip(e, 'filters')}>
            {t(lang, 'skipFilters')}
          </a>
          <a href="#results" onClick={(e) => skip(e, 'list')}>
            {t(lang, 'skipList')}
          </a>
        </nav>
        <header className="app-header">
          <div className="titles">
            <h1>{t(lang, 'title')}</h1>
            <p className="subtitle">
              <Mixed text={t(lang, 'subtitle')} lang={lang} />
            </p>
          </div>
          <div className="header-actions">
            {actions}
            <button
              type="button"
              className="lang-switch"
              lang={lang === 'zh' ? 'en' : 'zh'}
              onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
              aria-label={t(lang, 'languageLabel')}
            >
              {t(lang, 'language')}
            </button>
          </div>
        </header>
        <div className="search-area" role="search">
          <div className="search-row">
            {geo && <SearchBox />}
            <button type="button" className="filters-button" aria-pressed={sheet === 'filters'} onClick={openFilters} data-testid="filters-button">
              {t(lang, 'filtersButton')}
              <FilterBadge />
            </button>
          </div>
          {geo && <FilterChips />}
        </div>
        <aside className="side left" id="filters" tabIndex={-1} aria-label={t(lang, 'filtersSheet')}>
          <SheetBar
            title={t(lang, 'filtersSheet')}
            size={size}
            onSize={setSize}
            // the filtered parks in the half-open sheet, the map above them (full, it left the map a strip)
            onDone={() => {
              setSheet('results');
              setSize('half');
            }}
          />
          {geo && (
            <PanelBoundary name={t(lang, 'panel_find')}>
              <FindFilters />
            </PanelBoundary>
          )}
          {geo ? (
            <PanelBoundary name={t(lang, 'panel_sectors')}>
              <SectorFilter />
            </PanelBoundary>
          ) : (
            <p role="status">{t(lang, 'loading')}</p>
          )}
          {geo && (
            <PanelBoundary name={t(lang, 'panel_sites')}>
              <SitesPanel />
            </PanelBoundary>
          )}
        </aside>
        <div className="right-col">
          {geo && <CompareWhenAny covered={size !== 'peek'} onExpand={() => setSize('peek')} />}
          <aside className="side right" id="results" tabIndex={-1} aria-label={t(lang, 'resultsSheet')}>
            <SheetBar
              title={park ? lang === 'zh' ? park.name_zh : park.name_en : zone ? lang === 'zh' ? zone.name_zh : zone.name_en : <ParksShown />}
              size={size}
              onSize={setSize}
            />
            <PanelBoundary name={t(lang, 'panel_card')}>
              {geo && <FindRight results={!park && !zone} />}
              <Suspense fallback={null}>
                {park && <ParkCard park={park} onClose={clear} />}
                {zone && <ZoneCard zone={zone} onClose={clear} />}
              </Suspense>
              {geo && (park || zone) && <FindResults />}
              {!park && !zone && <ParkList />}
            </PanelBoundary>
          </aside>
        </div>
        <main className="map-area" id="map-area" tabIndex={-1} aria-label={t(lang, 'mapRegion')}>
          <MapView initialCamera={url.camera} />
          {geo && <FindOverlay />}
          <PanelBoundary name={t(lang, 'panel_layers')}>
            <MapLegend onlineAvailable={onlineBasemapFromEnv(import.meta.env) !== null} />
          </PanelBoundary>
          {geo && <SitesOverlay />}
          {geo && <MapChooser />}
          <Notices />
        </main>
      </div>
    </MapActionsProvider>
  );
}

/**
 * Calls `open` when a card opens or a point or an area is chosen, and sorts the list by distance
 * when a point is chosen where there was none; calls `showMap` when an imported site is chosen.
 * Returns the unsubscribe.
 */
function watchResults(store: ReturnType<typeof useStoreApi>, open: () => void, showMap: () => void): () => void {
  return store.subscribe(
    (s) => [s.selectedParkId, s.selectedZoneId, s.chosenPoint, s.drawnArea, s.selectedSite] as const,
    ([park, zone, point, area, site], [, , hadPoint, hadArea, hadSite]) => {
      if (point && !hadPoint) store.getState().setSortBy('distance');
      if (park || zone || (point && point !== hadPoint) || (area && area !== hadArea)) open();
      if (site && site !== hadSite) showMap();
    },
    { equalityFn: shallow },
  );
}
