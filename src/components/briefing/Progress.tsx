import { t } from '../../i18n';
import { useAppStore } from '../../state/store';

/** One segment per chapter: done, current, to come. Each is a button to that chapter. */
export function Progress() {
  const lang = useAppStore((s) => s.lang);
  const chapters = useAppStore((s) => s.briefing?.chapters ?? null);
  const index = useAppStore((s) => s.briefingIndex);
  const goTo = useAppStore((s) => s.goToChapter);
  if (!chapters) return null;
  return (
    <nav className="briefing-progress" aria-label={t(lang, 'briefingProgress')}>
      <ol>
        {chapters.map((c, i) => (
          <li key={c.id} className={i < index ? 'done' : i === index ? 'current' : 'todo'}>
            <button
              type="button"
              tabIndex={-1}
              aria-current={i === index ? 'step' : undefined}
              aria-label={t(lang, 'briefingGoTo', { n: i + 1, title: lang === 'zh' ? c.title_zh : c.title_en })}
              onClick={() => goTo(i)}
            />
          </li>
        ))}
      </ol>
      <span className="briefing-count" data-testid="briefing-count">
        {index + 1} / {chapters.length}
      </span>
    </nav>
  );
}
