import { t } from '../../i18n';
import { chapterLink } from '../../state/url/bindings/briefing';
import { useAppStore } from '../../state/store';
import './launcher.css';

/** The way into a briefing from the map app: the audience view, or the presenter view. */
export function BriefingLauncher() {
  const lang = useAppStore((s) => s.lang);
  return (
    <nav className="briefing-launcher" aria-label={t(lang, 'briefing')}>
      <a href={chapterLink(1, lang)} data-action="present">
        ▶ {t(lang, 'briefingStart')}
      </a>
      <a href={chapterLink(1, lang, { view: 'presenter' })} data-action="present-presenter">
        {t(lang, 'briefingPresenterView')}
      </a>
    </nav>
  );
}
