import { useEffect } from 'react';
import { st } from '../../i18n/stats';
import type { Lang } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { Target } from './Scorecard';
import './stats.css';

/**
 * The briefing's targets chapter body: the plan's overall measures and those of each sector the chapter shows as the
 * scorecard shows them (baseline, target, latest outturn, status, chart and figures), from
 * targets.json, loaded with this chunk and its chart library.
 */
export default function BriefingTargets({ sectors, lang }: { sectors: readonly string[]; lang: Lang }) {
  const card = useAppStore((s) => s.scorecard);
  const load = useAppStore((s) => s.loadScorecard);
  useEffect(() => {
    void load(import.meta.env.BASE_URL);
  }, [load]);
  if (!('ok' in card)) return <p role="status">{st(lang, 'scoreLoading')}</p>;
  if (!card.ok)
    return (
      <p className="stats-empty" role="alert">
        {st(lang, 'scoreFailed', { error: card.error })}
      </p>
    );
  // the plan's overall measures first (data order), then the chapter's sectors'
  const targets = card.data.targets.filter((t) => t.sector === 'overall' || sectors.includes(t.sector));
  if (targets.length === 0) return null;
  return (
    <section className="briefing-scorecard scorecard" data-testid="briefing-scorecard" aria-labelledby="briefing-scorecard-h">
      <h3 id="briefing-scorecard-h">{st(lang, 'briefingTargetsTitle')}</h3>
      <p className="stats-note">{st(lang, 'chartLegend')}</p>
      <div className="score-grid">
        {targets.map((t) => (
          <Target key={t.id} t={t} lang={lang} plan={card.data.plan.document} />
        ))}
      </div>
    </section>
  );
}
