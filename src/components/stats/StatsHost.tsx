import { Suspense } from 'react';
import { t } from '../../i18n';
import { useAppStore } from '../../state/store';
import { lazyPart } from '../lazy-part';
import { PanelBoundary } from '../PanelBoundary';
import './launcher.css';

// the statistics view, its figures and its chart library load when it is first opened
const StatsView = lazyPart(
  () => import('./StatsView'),
  (m) => m.default,
);

/** The way into the statistics view (`?view=stats`): a button among the header's actions. */
export function StatsLauncher() {
  const lang = useAppStore((s) => s.lang);
  const open = useAppStore((s) => s.statsOpen);
  const openStats = useAppStore((s) => s.openStats);
  const closeStats = useAppStore((s) => s.closeStats);
  return (
    <button
      type="button"
      className="stats-launcher"
      data-testid="stats-toggle"
      aria-expanded={open}
      aria-controls="stats-view"
      onClick={() => (open ? closeStats() : openStats())}
    >
      {t(lang, 'statsOpen')}
    </button>
  );
}

/** The statistics view itself, once opened. */
export function StatsHost() {
  const lang = useAppStore((s) => s.lang);
  const open = useAppStore((s) => s.statsOpen);
  const ready = useAppStore((s) => s.derived !== null);
  return (
    <>
      {open && ready && (
        <PanelBoundary name={t(lang, 'panel_stats')} frame="stats-view">
          <Suspense
            fallback={
              <section id="stats-view" className="stats-view" aria-busy="true" data-map-cover>
                <p role="status">{t(lang, 'statsLoading')}</p>
              </section>
            }
          >
            <StatsView />
          </Suspense>
        </PanelBoundary>
      )}
    </>
  );
}
