import { memo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { listSep, t } from '../i18n';
import type { StringKey } from '../i18n';
import { SECTOR_COLORS } from '../theme/sectors';
import { useAppStore, useSettledStore } from '../state/store';
import { selectEmptyReasons, selectSectorOptionCounts, selectSelectionStrengths, selectUnplacedSectors } from '../state/selectors/counts';
import type { EmptyReason, SectorOptionCount, StrengthCounts } from '../state/counts';
import { selectVisibleParks } from '../state/selectors/parks';
import { LINK_STRENGTHS } from '../domain/ids';
import type { Lang } from '../domain/types';
import { useRovingGroup } from './roving-group';
import { Mixed } from './Mixed';
import { useSectorName } from './names';

/** "10 named by the plan, 1 on the official list, …" (strengths with no park left out). */
function strengthDetail(c: StrengthCounts, lang: Lang, include: readonly string[] = LINK_STRENGTHS): string {
  return LINK_STRENGTHS.filter((s) => include.includes(s) && c[s] > 0)
    .map((s) => `${c[s]} ${t(lang, `line_${s}`)}`)
    .join(lang === 'zh' ? '，' : ', ');
}

/** The strengths counted without the broad areas. */
const STRONG = LINK_STRENGTHS.filter((s) => s !== 'broad');

const sentence = (s: string, lang: Lang) => (lang === 'zh' ? `${s}。` : `${s.charAt(0).toUpperCase()}${s.slice(1)}.`);

/** Why the filters leave no park, in words (empty: some park shows). */
export function WhyEmpty({
  reasons,
  lang,
  name,
  testId = 'why-empty',
}: {
  reasons: readonly EmptyReason[];
  lang: Lang;
  name: (id: string) => string;
  testId?: string;
}) {
  const parts = reasons.map((r) =>
    r.kind === 'unplaced'
      ? t(lang, 'reason_unplaced', { names: r.sectors.map(name).join(listSep(lang)) })
      : r.kind === 'broad'
        ? t(lang, 'reason_broad', { n: r.n })
        : t(lang, `reason_${r.filter}` as StringKey, { n: r.n }),
  );
  return (
    <p className="why-empty" data-testid={testId}>
      {t(lang, 'emptyNone')}
      {parts.length > 0 && `${lang === 'zh' ? '' : ' '}${sentence(parts.join(lang === 'zh' ? '；' : '; '), lang)}`}
    </p>
  );
}

interface OptionProps {
  id: string;
  label: string;
  color: string;
  child: boolean;
  checked: boolean;
  /** what ticking it alone shows with the other filters (none: no count yet) */
  count: SectorOptionCount | undefined;
  /** no park or zone is linked to the sector */
  unplaced: boolean;
  /** whether the count includes the broad areas */
  withBroad: boolean;
  lang: Lang;
  toggle: (id: string) => void;
}

/** One sector option; memoised, so a click re-renders the option it ticks and no other. */
const SectorOption = memo(function SectorOption({ id, label, color, child, checked, count, unplaced, withBroad, lang, toggle }: OptionProps) {
  const shown = count?.shown ?? 0;
  const strong = withBroad ? LINK_STRENGTHS : STRONG;
  const extra = count && !withBroad ? count.byStrength.broad : 0;
  const detail = unplaced
    ? t(lang, 'unplaced')
    : [count ? strengthDetail(count.byStrength, lang, strong) : '', extra ? t(lang, 'optionBroadExtra', { n: extra }) : '']
        .filter(Boolean)
        .join(lang === 'zh' ? '；' : '; ');
  const title = detail ? t(lang, 'optionCount', { n: shown, detail }) : `${shown} ${t(lang, 'parks')}`;
  return (
    <li className={child ? 'child' : 'top'}>
      <label title={title}>
        <input type="checkbox" checked={checked} onChange={() => toggle(id)} data-sector={id} />
        <span className="dot" style={{ background: color }} aria-hidden="true" />
        <span>{label}</span>
        <span className="count" aria-label={title} data-unplaced={unplaced || undefined}>
          {unplaced ? '—' : shown}
          {/* none by a strong link: the parks the broad areas would add show beside the 0, so the 0 does not read as "no park at all" */}
          {!unplaced && shown === 0 && extra > 0 && (
            <span className="broad-extra" data-testid="option-broad-extra">
              {' '}
              +{extra}
            </span>
          )}
        </span>
      </label>
    </li>
  );
});

/**
 * Multi-select over “9+X”, sub-sectors included; each option shows how many parks it has under the
 * other filters (district, zone, confidence, radius, area) and the link strengths in use, with the
 * strength of each in its label. Strong links (named, listed, cluster) count by default; the switch
 * below adds the broad areas, with the number of parks it adds.
 */
export function SectorFilter() {
  const lang = useAppStore((s) => s.lang);
  const sectorsFile = useAppStore((s) => (s.geo?.sectors.ok ? s.geo.sectors.data : null));
  const nodeName = useSectorName();
  // the ticks follow the click at once
  const selected = useAppStore(useShallow((s) => s.sectorFilter));
  const includeBroad = useAppStore((s) => s.includeBroad);
  const toggle = useAppStore((s) => s.toggleSector);
  const clear = useAppStore((s) => s.setSectors);
  const setIncludeBroad = useAppStore((s) => s.setIncludeBroad);
  // the counts and the lines under the switch follow a moment later, in a render React can interrupt
  const counts = useSettledStore(selectSectorOptionCounts);
  const selection = useSettledStore(selectSelectionStrengths);
  const settledSelection = useSettledStore((s) => s.sectorFilter);
  const settledBroad = useSettledStore((s) => s.includeBroad);
  const unplaced = useSettledStore(selectUnplacedSectors);
  const reasons = useSettledStore(selectEmptyReasons);
  const nothingShown = useSettledStore((s) => s.derived !== null && selectVisibleParks(s).length === 0);
  // the sector checkboxes are one Tab stop, arrows move between them
  const boxes = useRef<HTMLDivElement>(null);
  const roving = useRovingGroup(boxes, 'input[data-sector]');
  if (!sectorsFile) return null;
  const name = (n: { name_zh: string; name_en: string }) => (lang === 'zh' ? n.name_zh : n.name_en);
  // the counts' words follow the counts (the switch as it was when they were counted)
  const strong = settledBroad ? LINK_STRENGTHS : STRONG;
  const option = (id: string, label: string, color: string, child: boolean) => (
    <SectorOption
      key={id}
      id={id}
      label={label}
      color={color}
      child={child}
      checked={selected.includes(id)}
      count={counts.get(id)}
      unplaced={unplaced.has(id)}
      withBroad={settledBroad}
      lang={lang}
      toggle={toggle}
    />
  );
  const group = (kind: 'strategic' | 'leading') =>
    sectorsFile.sectors
      .filter((s) => s.kind === kind)
      .flatMap((s) => [option(s.id, name(s), SECTOR_COLORS[s.id], false), ...s.children.map((c) => option(c.id, name(c), SECTOR_COLORS[s.id], true))]);
  const leading = sectorsFile.sectors.filter((s) => s.kind === 'leading');
  const leadingUnplaced = leading.length > 0 && leading.every((s) => unplaced.has(s.id));
  const by = selection.byStrength;
  return (
    <section className="panel sector-filter" aria-labelledby="filter-h">
      <h2 id="filter-h">{t(lang, 'filterSectors')}</h2>
      {selected.length > 0 && (
        <button type="button" className="link" onClick={() => clear([])}>
          {t(lang, 'clearFilter')}
        </button>
      )}
      <label className="include-broad">
        <input type="checkbox" data-testid="include-broad" checked={includeBroad} onChange={(e) => setIncludeBroad(e.target.checked)} />
        <span>{t(lang, 'includeBroad')}</span>
        {settledSelection.length > 0 && !settledBroad && (
          <span className="count" data-testid="broad-adds">
            {t(lang, 'broadAdds', { n: selection.broadAdds })}
          </span>
        )}
      </label>
      {settledSelection.length > 0 && by && (
        <p className="strength-line" data-testid="strength-line">
          {t(lang, 'strengthOf', { n: strong.reduce((n, s) => n + by[s], 0) })}
          {strengthDetail(by, lang, strong) || '—'}
        </p>
      )}
      {nothingShown && <WhyEmpty reasons={reasons} lang={lang} name={nodeName} />}
      {!settledBroad && [...counts.values()].some((c) => c.shown === 0 && c.byStrength.broad > 0) && (
        <p className="strength-line" data-testid="broad-extra-key">
          {/* the key's mark as the options draw it */}0 <span className="broad-extra">+N</span>
          {lang === 'zh' ? '：' : ': '}
          {t(lang, 'broadExtraKey')}
        </p>
      )}
      <div ref={boxes} {...roving}>
        <fieldset>
          <legend>{t(lang, 'strategic')}</legend>
          <ul>{group('strategic')}</ul>
        </fieldset>
        <fieldset>
          <legend>{t(lang, 'leading')}</legend>
          {leadingUnplaced && (
            <p className="unplaced-note" data-testid="leading-unplaced">
              <Mixed text={t(lang, 'leadingUnplaced')} lang={lang} />
            </p>
          )}
          <ul>{group('leading')}</ul>
        </fieldset>
      </div>
    </section>
  );
}
