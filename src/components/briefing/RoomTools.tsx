/**
 * The briefing's tools for the room: the chapter's legend over the map (L), the language switch,
 * and, in the presenter view, whether an audience window is connected.
 */
import { t } from '../../i18n';
import { LEGEND_GROUPS, applicableItems } from '../../theme/legend';
import type { LegendItem } from '../../theme/legend';
import { COLORS } from '../../theme/map-colors';
import { useAppStore } from '../../state/store';
import { selectDotColours } from '../../state/selectors/parks';
import { LegendItems } from '../Legend';

/** the rings the map draws around the chapter's places */
const HIGHLIGHTED: LegendItem[] = [
  { swatch: { kind: 'circle', color: COLORS.highlight, stroke: COLORS.highlight, hollow: true, r: 5, strokeWidth: 2.5 }, label: 'briefingHighlighted' },
];

/**
 * The legend of the layer groups the chapter shows (and its highlight rings), over the map while
 * it is open. The `print` copy sits in the text column and is printed always (the printed map stays clear).
 */
export function BriefingLegend({ print = false }: { print?: boolean }) {
  const lang = useAppStore((s) => s.lang);
  const open = useAppStore((s) => s.briefingLegendOpen);
  const layers = useAppStore((s) => s.layerVisibility);
  const highlighted = useAppStore((s) => s.briefingHighlight.length > 0);
  const filtered = useAppStore((s) => s.sectorFilter.length > 0);
  // the chapter's sectors' colours only: the dots show no other
  const colours = useAppStore(selectDotColours);
  const now = { filtered, sites: false, point: false };
  return (
    <section
      className={print ? 'briefing-legend print' : open ? 'briefing-legend open' : 'briefing-legend'}
      aria-labelledby={print ? undefined : 'briefing-legend-h'}
      aria-hidden={print ? true : undefined}
      data-testid={print ? 'briefing-legend-print' : 'briefing-legend'}
    >
      <h2 id={print ? undefined : 'briefing-legend-h'}>{t(lang, 'briefingLegendTitle')}</h2>
      {highlighted && <LegendItems items={HIGHLIGHTED} lang={lang} now={now} />}
      {LEGEND_GROUPS.filter((g) => layers[g.id] && applicableItems(g.legend, now, colours).length > 0).map((g) => (
        <div key={g.id} className="briefing-legend-group" data-group={g.id}>
          <h3>{t(lang, g.label)}</h3>
          <LegendItems items={g.legend} lang={lang} now={now} colours={colours} />
        </div>
      ))}
    </section>
  );
}

/** Shows or hides the legend (the key L does the same; the presenter's reaches the audience window). */
export function LegendToggle() {
  const lang = useAppStore((s) => s.lang);
  const open = useAppStore((s) => s.briefingLegendOpen);
  const setOpen = useAppStore((s) => s.setBriefingLegendOpen);
  return (
    <button type="button" aria-pressed={open} onClick={() => setOpen(!open)} data-action="legend">
      {t(lang, 'briefingLegend')}
    </button>
  );
}

/** 中文 / English: the whole briefing and the map's labels; the presenter's choice reaches the audience window. */
export function LangSwitch() {
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  return (
    <button
      type="button"
      className="briefing-lang"
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      aria-label={t(lang, 'languageLabel')}
      data-action="lang"
    >
      {t(lang, 'language')}
    </button>
  );
}

/** Presenter: whether an audience window answers on the channel (it beats every second; silence for 3.5 s is “none”). */
export function AudienceStatus() {
  const lang = useAppStore((s) => s.lang);
  const on = useAppStore((s) => s.briefingAudienceConnected);
  return (
    <p className={on ? 'briefing-audience-status on' : 'briefing-audience-status'} role="status" data-testid="audience-status" data-connected={on}>
      <span className="dot" aria-hidden="true" />
      {t(lang, on ? 'briefingAudienceOn' : 'briefingAudienceOff')}
    </p>
  );
}
