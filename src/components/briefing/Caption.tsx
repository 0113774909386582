import { Suspense } from 'react';
import { clauseList, t } from '../../i18n';
import type { BriefingChapter } from '../../loaders/briefing-schema';
import type { Lang } from '../../domain/types';
import { lazyPart } from '../lazy-part';
import { PanelBoundary } from '../PanelBoundary';
import { cnyBillionText } from '../../domain/units';

// the targets chapter's scorecard (and its chart library) loads when such a chapter is shown
const BriefingTargets = lazyPart(
  () => import('../stats/BriefingTargets'),
  (m) => m.default,
);

const fmt = (n: number, lang: Lang) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');

/** Target figures as one line each (the plan's numbers, from sectors.json). */
export function figureLines(ch: BriefingChapter, lang: Lang): string[] {
  return ch.figures.map((f) => {
    const name = lang === 'zh' ? f.name_zh : f.name_en;
    const approx = f.approx ? t(lang, 'briefingApprox') : '';
    if (f.unit === '%/yr') return lang === 'zh' ? `${name}：年均增速${approx}${fmt(f.value, lang)}%` : `${name}: ${approx}${fmt(f.value, lang)}% a year`;
    if (f.unit === '亿元') return lang === 'zh' ? `${name}：${approx}${fmt(f.value, lang)}亿元` : `${name}: ${approx}${cnyBillionText(f.value)}`;
    return `${name}: ${approx}${fmt(f.value, lang)} ${f.unit}`;
  });
}

/** The chapter's target figures, as lines and as the scorecard's cards (the room's window, and the presenter's, so both see the same). */
export function ChapterFigures({ chapter, lang }: { chapter: BriefingChapter; lang: Lang }) {
  const lines = figureLines(chapter, lang);
  if (lines.length === 0) return null;
  return (
    <div className="briefing-figures">
      <h2>{t(lang, 'briefingTargets')}</h2>
      <ul>
        {chapter.figures.map((f, i) => (
          <li key={f.sector} data-sector={f.sector}>
            {lines[i]}
          </li>
        ))}
      </ul>
      <PanelBoundary name={t(lang, 'briefingTargets')}>
        <Suspense fallback={null}>
          <BriefingTargets sectors={chapter.figures.map((f) => f.sector)} lang={lang} />
        </Suspense>
      </PanelBoundary>
    </div>
  );
}

/** The chapter's words for the room: title, caption, target figures, the plan's clauses. */
export function Caption({ chapter, n, total, lang, big = true }: { chapter: BriefingChapter; n: number; total: number; lang: Lang; big?: boolean }) {
  return (
    <section className={`briefing-caption${big ? ' big' : ''}`} data-chapter={chapter.id}>
      <p className="briefing-kicker">{t(lang, 'briefingChapterOf', { n, total })}</p>
      <h1>{lang === 'zh' ? chapter.title_zh : chapter.title_en}</h1>
      <p className="briefing-text">{lang === 'zh' ? chapter.caption_zh : chapter.caption_en}</p>
      <ChapterFigures chapter={chapter} lang={lang} />
      <p className="briefing-clauses">{t(lang, 'briefingClauses', { list: clauseList(chapter.clauses, lang) })}</p>
    </section>
  );
}
