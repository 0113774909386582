import { useEffect, useMemo } from 'react';
import { clauseLabel, inParens } from '../../i18n';
import { st } from '../../i18n/stats';
import type { StatsStringKey } from '../../i18n/stats';
import type { Outturn, ScorecardTarget, TargetsFile } from '../../loaders/schemas';
import type { Lang } from '../../domain/types';
import {
  baseReferences,
  chartDescription,
  chartPoints,
  chartScale,
  conflictGroups,
  figureText,
  hasOutturn,
  latestOutturn,
  partText,
} from '../../state/stats/scorecard';
import { scorecardCsv } from '../../state/stats/csv';
import { useAppStore } from '../../state/store';
import { downloadBlob } from '../briefing/dom';
import { ScoreChart } from './ScoreChart';

const name = (x: { measure_zh: string; measure_en: string }, lang: Lang) => (lang === 'zh' ? x.measure_zh : x.measure_en);
/** A figure's year (or years) before it: 2022年10641.19亿元, 2020–2025年…; “2022 CNY 1,064.12 billion”. */
const yearText = (from: number | null, year: number, lang: Lang) => `${from !== null ? `${from}–` : ''}${year}${lang === 'zh' ? '年' : ' '}`;

function Figure({ o, lang }: { o: Outturn; lang: Lang }) {
  // a figure with no value (a statement) in the data's words in each language (figureText)
  return (
    <>
      {figureText(o, lang)}
      {o.part ? inParens(partText(o.part, lang), lang) : ''}
    </>
  );
}

/** A reported figure in a line: its year(s), the figure, how it compares with the target's measure, its source. */
function Reported({ o, lang }: { o: Outturn; lang: Lang }) {
  return (
    <>
      {yearText(o.from_year, o.year, lang)}
      <Figure o={o} lang={lang} />
      {o.comparability !== 'same' ? inParens(st(lang, `comparability_${o.comparability}`), lang) : ''}
      {lang === 'zh' ? '' : ' '}
      <a href={o.source} target="_blank" rel="noopener noreferrer">
        {st(lang, 'scoreSourceLink')}
      </a>
    </>
  );
}

/** One measure: target, baseline, latest reported figure, status, its chart and its figures (the scorecard and the briefing's targets chapter). */
export function Target({ t, lang, plan }: { t: ScorecardTarget; lang: Lang; plan: string }) {
  const latest = latestOutturn(t);
  const refs = baseReferences(t);
  const points = useMemo(() => chartPoints(t, lang), [t, lang]);
  const text = useMemo(
    () => ({
      title: name(t, lang),
      unit: st(lang, 'chartUnit', { unit: chartScale(t.target.unit, lang).unit || '—' }),
      source: st(lang, 'chartSource', { plan }),
      description: chartDescription(t, points, lang),
    }),
    [t, lang, points, plan],
  );
  const conflicts = conflictGroups(t.outturns);
  const zh = lang === 'zh';
  // between a figure and its note or link: a space in English, none in Chinese (its brackets are full-width)
  const sp = zh ? '' : ' ';
  return (
    <article className="score" data-target={t.id} data-status={t.status} aria-labelledby={`score-${t.id}`}>
      <header>
        <h3 id={`score-${t.id}`}>{name(t, lang)}</h3>
        <span className={`status status-${t.status}`}>{st(lang, `status_${t.status}` as StatsStringKey)}</span>
      </header>
      <dl>
        <dt>{st(lang, 'scoreTarget')}</dt>
        <dd>
          {t.target.year !== null ? yearText(null, t.target.year, lang) : ''}
          {zh ? t.target.text_zh : t.target.text_en}
          {sp}
          <span className="clause">{inParens(st(lang, 'scoreClause', { clause: clauseLabel(t.target.clause, lang) }), lang).trim()}</span>
        </dd>
        <dt>{st(lang, 'scoreBaseline')}</dt>
        <dd>
          {t.baseline ? (
            <>
              {yearText(null, t.baseline.year, lang)}
              {zh ? t.baseline.text_zh : t.baseline.text_en}
              {sp}
              <span className="clause">{inParens(st(lang, 'scoreClause', { clause: clauseLabel(t.baseline.clause, lang) }), lang).trim()}</span>
            </>
          ) : (
            <>
              {st(lang, 'scoreNone')}
              {/* the plan states none: the base-year figures the data holds, each with its caveat and source */}
              {refs.length > 0 && st(lang, 'scoreBaseRefs')}
              {refs.map((o, i) => (
                <span key={o.id} data-base-ref={o.id}>
                  {i > 0 ? (zh ? '；' : '; ') : ''}
                  <Reported o={o} lang={lang} />
                </span>
              ))}
            </>
          )}
        </dd>
        <dt>{st(lang, 'scoreLatest')}</dt>
        <dd data-latest={latest?.id ?? ''}>{latest ? <Reported o={latest} lang={lang} /> : st(lang, 'scoreNoLatest')}</dd>
      </dl>
      <p className="status-note">{zh ? t.status_note_zh : t.status_note_en}</p>
      {points.length > 0 && hasOutturn(points) ? (
        <ScoreChart points={points} text={text} labels={{ svg: st(lang, 'exportSvg'), png: st(lang, 'exportPng') }} file={`${t.id}-${lang}`} />
      ) : (
        <p className="chart-none" data-testid="no-data">
          {st(lang, 'chartNoData')}
        </p>
      )}
      {conflicts.length > 0 && (
        <div className="conflicts">
          <h4>{st(lang, 'scoreConflicts')}</h4>
          {conflicts.map((g) => (
            <ul key={g[0]!.id} className="side-by-side" data-conflict={g.map((o) => o.id).join(' ')}>
              {g.map((o) => (
                <li key={o.id}>
                  <strong>
                    <Figure o={o} lang={lang} />
                  </strong>
                  {inParens(yearText(null, o.year, lang).trim(), lang)}
                  {sp}
                  <a href={o.source} target="_blank" rel="noopener noreferrer">
                    {st(lang, 'scoreSourceLink')}
                  </a>
                  <br />
                  <span className="note">{zh ? o.definition_note_zh : o.definition_note_en}</span>
                </li>
              ))}
            </ul>
          ))}
        </div>
      )}
      {t.outturns.length > 0 ? (
        <details>
          <summary>{st(lang, 'scoreFigures', { n: t.outturns.length })}</summary>
          <table className="figures">
            <thead>
              <tr>
                <th scope="col">{st(lang, 'scoreYear')}</th>
                <th scope="col">{st(lang, 'scoreValue')}</th>
                <th scope="col">{st(lang, 'scoreMeasure')}</th>
                <th scope="col">{st(lang, 'scoreComparability')}</th>
                <th scope="col">{st(lang, 'scoreConfidence')}</th>
                <th scope="col">{st(lang, 'scoreSource')}</th>
              </tr>
            </thead>
            <tbody>
              {t.outturns.map((o) => (
                <tr key={o.id} data-outturn={o.id}>
                  <th scope="row">{o.from_year ? `${o.from_year}–${o.year}` : o.year}</th>
                  <td>
                    <Figure o={o} lang={lang} />
                  </td>
                  <td>{zh ? o.measure_zh : o.measure_en}</td>
                  <td>
                    {st(lang, `comparability_${o.comparability}`)}
                    {o.role !== 'outturn' ? ` · ${st(lang, `role_${o.role}`)}` : ''}
                  </td>
                  <td>{st(lang, `confidence_${o.confidence}`)}</td>
                  <td>
                    <a href={o.source} target="_blank" rel="noopener noreferrer" title={zh ? o.definition_note_zh : o.definition_note_en}>
                      {st(lang, 'scoreSourceLink')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : (
        <p className="chart-none">{st(lang, 'scoreNoFigures')}</p>
      )}
    </article>
  );
}

function Cards({ file, lang }: { file: TargetsFile; lang: Lang }) {
  const exportCsv = () => {
    const csv = scorecardCsv(file, lang);
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), lang === 'zh' ? '规划目标.csv' : 'plan-targets.csv');
  };
  return (
    <div className="scorecard">
      <div className="stats-toolbar">
        <p className="stats-basis">{st(lang, 'scoreIntro', { plan: file.plan.document })}</p>
        <button type="button" onClick={exportCsv} data-testid="score-csv">
          {st(lang, 'exportCsv')}
        </button>
      </div>
      <p className="stats-note">{st(lang, 'chartLegend')}</p>
      <div className="score-grid">
        {file.targets.map((t) => (
          <Target key={t.id} t={t} lang={lang} plan={file.plan.document} />
        ))}
      </div>
    </div>
  );
}

/** The plan's scorecard (targets.json, loaded on first use with its chart library). */
export default function Scorecard() {
  const lang = useAppStore((s) => s.lang);
  const card = useAppStore((s) => s.scorecard);
  const load = useAppStore((s) => s.loadScorecard);
  useEffect(() => {
    void load(import.meta.env.BASE_URL);
  }, [load]);
  if ('ok' in card) {
    if (card.ok) return <Cards file={card.data} lang={lang} />;
    return (
      <p className="stats-empty" role="alert">
        {st(lang, 'scoreFailed', { error: card.error })}
      </p>
    );
  }
  return <p role="status">{st(lang, 'scoreLoading')}</p>;
}
