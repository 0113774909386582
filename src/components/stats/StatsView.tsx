import { Suspense, useEffect } from 'react';
import type { KeyboardEvent } from 'react';
import { t } from '../../i18n';
import { st } from '../../i18n/stats';
import { useAppStore, useStoreApi } from '../../state/store';
import { STATS_TABS } from '../../state/url/types';
import type { StatsTab } from '../../state/url/types';
import { MatrixTable } from './MatrixTable';
import { ZonesTable } from './ZonesTable';
import { DistrictProfile } from './DistrictProfile';
import { AuditList } from './AuditList';
import { lazyPart } from '../lazy-part';
import { PanelBoundary } from '../PanelBoundary';
import './stats.css';

// the scorecard and its chart library load when its tab is first opened
const Scorecard = lazyPart(
  () => import('./Scorecard'),
  (m) => m.default,
);

/** The tabs this view shows, in order. */
const TABS: readonly StatsTab[] = STATS_TABS;

/**
 * The statistics view beside the map (`?view=stats&tab=…`): figures computed from the same data,
 * filters and link strengths as the map and the list, recomputed when they change. Loaded on
 * first use (StatsHost).
 */
export default function StatsView() {
  const lang = useAppStore((s) => s.lang);
  const wanted = useAppStore((s) => s.statsTab);
  const setTab = useAppStore((s) => s.setStatsTab);
  const close = useAppStore((s) => s.closeStats);
  const store = useStoreApi();
  const loadFigures = useAppStore((s) => s.loadStatsFigures);
  // the build's figures (zones' district shares, the audit): one small file, fetched on opening
  useEffect(() => {
    void loadFigures(import.meta.env.BASE_URL);
  }, [loadFigures]);
  // opened from its launcher: the focus moves into the view; Esc (or ×) closes it and gives the
  // focus back to the launcher. Esc is heard first (capture), before the app's own Esc closes a card.
  useEffect(() => {
    const launcher = document.querySelector<HTMLElement>('[data-testid="stats-toggle"]');
    if (launcher && document.activeElement === launcher) document.getElementById('stats-h')?.focus();
    const onEsc = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || store.getState().findMode !== 'none') return;
      e.preventDefault();
      e.stopPropagation();
      close();
      launcher?.focus();
    };
    window.addEventListener('keydown', onEsc, true);
    return () => window.removeEventListener('keydown', onEsc, true);
  }, [store, close]);
  const closeByButton = () => {
    close();
    document.querySelector<HTMLElement>('[data-testid="stats-toggle"]')?.focus();
  };
  const tab = TABS.includes(wanted) ? wanted : TABS[0]!;
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i - 1 + TABS.length) % TABS.length] : null;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    document.getElementById(`stats-tab-${next}`)?.focus();
  };
  return (
    <section id="stats-view" className="stats-view" aria-labelledby="stats-h" data-testid="stats-view" data-map-cover>
      <header className="stats-head">
        <h2 id="stats-h" tabIndex={-1}>
          {t(lang, 'statsTitle')}
        </h2>
        <div role="tablist" aria-label={st(lang, 'statsTabs')} className="stats-tabs" onKeyDown={onKey}>
          {TABS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`stats-tab-${id}`}
              aria-selected={id === tab}
              aria-controls="stats-panel"
              tabIndex={id === tab ? 0 : -1}
              data-tab={id}
              onClick={() => setTab(id)}
            >
              {st(lang, `tab_${id}`)}
            </button>
          ))}
        </div>
        <button type="button" className="stats-close" onClick={closeByButton} aria-label={t(lang, 'statsClose')}>
          ×
        </button>
      </header>
      <div id="stats-panel" role="tabpanel" aria-labelledby={`stats-tab-${tab}`} className="stats-body" tabIndex={0}>
        <PanelBoundary key={tab} name={st(lang, `tab_${tab}`)}>
          {tab === 'matrix' && <MatrixTable />}
          {tab === 'zones' && <ZonesTable />}
          {tab === 'district' && <DistrictProfile />}
          {tab === 'audit' && <AuditList />}
          {tab === 'scorecard' && (
            <Suspense fallback={<p role="status">{t(lang, 'statsLoading')}</p>}>
              <Scorecard />
            </Suspense>
          )}
        </PanelBoundary>
      </div>
    </section>
  );
}
