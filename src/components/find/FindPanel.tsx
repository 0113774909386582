/**
 * Search (ARIA combobox; on top of the left column, over the map on a phone), the combined
 * filters of district, zone and confidence (left column), and the active filters as chips that
 * drop one filter each.
 */
import { memo, useEffect, useId, useMemo, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../../i18n';
import { useAppStore, useSettledStore, useStoreApi } from '../../state/store';
import type { AppStore } from '../../state/store';
import type { SearchEntry, SearchHit } from '../../state/search';
import type * as SearchModuleType from '../../state/search';
import type { Derived } from '../../state/derive';
import { compactLatin, shortName } from '../../state/filter';
import './find.css';
import type { Lang } from '../../domain/types';
import type { Confidence } from '../../domain/ids';
import { BASES } from '../../domain/ids';
import { selectVisibleParks } from '../../state/selectors/parks';
import { selectBasisCounts, selectDistrictCounts, selectZoneCounts } from '../../state/selectors/counts';

const CONFIDENCES: Confidence[] = ['sourced', 'estimate', 'schematic'];

/**
 * Chooses a search result: a sector is added to the sector filter; a place is flown to (a district
 * framed whole), opens its card (park, zone) and becomes the chosen point.
 */
export function chooseEntry(store: AppStore, e: SearchEntry, lang: Lang): void {
  const s = store.getState();
  if (e.kind === 'sector' || !e.at) {
    if (!s.sectorFilter.includes(e.id)) s.setSectors([...s.sectorFilter, e.id]);
    s.setSearchText('');
    return;
  }
  if (e.kind === 'park') s.selectPark(e.id);
  else if (e.kind === 'zone') s.selectZone(e.id);
  else s.clearSelection();
  // a district is framed whole, clear of the panels over the map
  if (e.kind !== 'district' || !s.requestDistrict(e.id)) s.requestCamera(e.at[0], e.at[1], e.kind === 'park' ? null : e.kind === 'district' ? 10.5 : 10);
  s.setChosenPoint({ lng: e.at[0], lat: e.at[1], ref: { kind: e.kind, id: e.id } });
  s.setSearchText(lang === 'zh' ? e.name_zh : e.name_en);
}

let searchModule: Promise<typeof SearchModuleType> | null = null;

/**
 * The search index, built on first use: pinyin-pro and fuse.js load only when someone searches,
 * so they stay out of the first view.
 */
function useSearch(wanted: boolean): ((q: string, limit: number) => SearchHit[]) | null {
  const derived = useAppStore((s) => s.derived);
  const [ready, setReady] = useState<{ d: Derived; run: (q: string, limit: number) => SearchHit[] } | null>(null);
  useEffect(() => {
    if (!wanted || !derived || ready?.d === derived) return;
    let live = true;
    void (searchModule ??= import('../../state/search')).then((m) => {
      if (!live) return;
      const index = m.buildSearchIndex(m.searchEntries(derived));
      setReady({ d: derived, run: (q, limit) => m.runSearch(index, q, limit) });
    });
    return () => {
      live = false;
    };
  }, [wanted, derived, ready]);
  return ready?.d === derived ? ready.run : null;
}

export function SearchBox() {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const query = useAppStore((s) => s.searchText);
  const setQuery = useAppStore((s) => s.setSearchText);
  const [open, setOpen] = useState(false);
  const [focused, setFocused] = useState(false);
  const search = useSearch(focused || query.trim() !== '');
  const [active, setActive] = useState(-1);
  const id = useId();
  const listId = `${id}-results`;
  const hits = useMemo(() => (search ? search(query, 8) : []), [search, query]);
  const expanded = open && query.trim() !== '';

  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    chooseEntry(store, hit.entry, lang);
    setOpen(false);
    setActive(-1);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (hits.length ? (a + 1) % hits.length : -1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (hits.length ? (a <= 0 ? hits.length - 1 : a - 1) : -1));
    } else if (e.key === 'Enter') {
      if (expanded && hits.length) {
        e.preventDefault();
        choose(active >= 0 ? active : 0);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (expanded) setOpen(false);
      else setQuery('');
      setActive(-1);
    }
  };
  const name = (e: SearchEntry) => (lang === 'zh' ? e.name_zh : e.name_en);
  // in English the Chinese name, and its pinyin only when the query matched the pinyin (a row stays one or two lines)
  const typed = compactLatin(query);
  const byPinyin = (e: SearchEntry) => typed.length > 0 && (e.pinyin.includes(typed) || e.initials.includes(typed)) && !compactLatin(e.name_en).includes(typed);
  // the pinyin beside the name it reads: the short name's, or the whole name's when the query matched inside its bracket
  const withPinyin = (e: SearchEntry) => {
    const short = e.shortPinyinSpaced.split(' ');
    const inShort =
      short.join('').includes(typed) ||
      short
        .map((s) => s[0] ?? '')
        .join('')
        .includes(typed);
    return inShort ? `${shortName(e.name_zh)} ${e.shortPinyinSpaced}` : `${e.name_zh} ${e.pinyinSpaced}`;
  };
  const other = (e: SearchEntry) => (lang === 'zh' ? shortName(e.name_en) : byPinyin(e) ? withPinyin(e) : shortName(e.name_zh));

  return (
    <div className="combo">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t(lang, 'searchLabel')}
      </label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        data-testid="find-search"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 && hits[active] ? `${id}-opt-${active}` : undefined}
        placeholder={t(lang, 'searchPlaceholder')}
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        // the list opens as one types, with ↓/↑, or with a click in the box; not on focus alone: focus
        // given back to the box (a card closed) left the last query's list over the filters
        onFocus={() => setFocused(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKey}
      />
      <ul id={listId} role="listbox" aria-label={t(lang, 'searchLabel')} hidden={!expanded || hits.length === 0}>
        {expanded &&
          hits.map((h, i) => (
            <li
              key={`${h.entry.kind}:${h.entry.id}`}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              data-kind={h.entry.kind}
              data-id={h.entry.id}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
              onMouseMove={() => i !== active && setActive(i)}
            >
              <span className="find-kind">{t(lang, `kind_${h.entry.kind}`)}</span>
              <span className="opt-name">
                {name(h.entry)}
                <span className="find-kind-alt" lang={lang === 'zh' ? 'en' : 'zh'}>
                  {' '}
                  · {other(h.entry)}
                </span>
              </span>
            </li>
          ))}
      </ul>
      <p className="search-status" role="status" aria-live="polite">
        {expanded ? (hits.length ? t(lang, 'searchCount', { n: hits.length }) : t(lang, 'searchNone')) : ''}
      </p>
    </div>
  );
}

interface CountedOptionProps {
  /** its attribute: data-district or data-zone-filter */
  kind: 'district' | 'zone-filter';
  id: string;
  label: string;
  checked: boolean;
  count: number;
  toggle: (id: string) => void;
}

/** A district or zone option with its count; memoised, so a click re-renders the option it ticks. */
const CountedOption = memo(function CountedOption({ kind, id, label, checked, count, toggle }: CountedOptionProps) {
  const attr = { [`data-${kind}`]: id };
  return (
    <li>
      <label>
        <input type="checkbox" {...attr} checked={checked} onChange={() => toggle(id)} />
        <span>{label}</span>
        <span className="count">{count}</span>
      </label>
    </li>
  );
});

/**
 * The district or the zone options, in a <details>: rendered, and their counts kept (recomputed
 * on every filter change), only while it is open or one of them is chosen. Closed, the two lists
 * cost the first view no DOM (224 of its 1,206 elements) and no counting.
 */
function OptionList({ summary, chosen, chosenText, options }: { summary: string; chosen: number; chosenText: string; options: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {summary}
        {chosen > 0 && <span className="n">{chosenText}</span>}
      </summary>
      {(open || chosen > 0) && options()}
    </details>
  );
}

interface OptionsProps {
  lang: Lang;
  chosen: readonly string[];
  toggle: (id: string) => void;
}

/** A list of counted options: id, label and count per item. */
function CountedOptions({
  kind,
  items,
  counts,
  chosen,
  toggle,
}: { kind: CountedOptionProps['kind']; items: readonly { id: string; label: string }[]; counts: ReadonlyMap<string, number> } & Omit<OptionsProps, 'lang'>) {
  return (
    <ul>
      {items.map((o) => (
        <CountedOption key={o.id} kind={kind} id={o.id} label={o.label} checked={chosen.includes(o.id)} count={counts.get(o.id) ?? 0} toggle={toggle} />
      ))}
    </ul>
  );
}

/** Every district, with what ticking it shows given every other filter (sectors and strengths included). */
function DistrictOptions({ lang, ...rest }: OptionsProps) {
  const geo = useAppStore((s) => s.geo);
  const counts = useSettledStore(selectDistrictCounts);
  const items = useMemo(
    () =>
      geo?.districts.ok
        ? geo.districts.data.features.map((f) => ({ id: f.properties.name_zh, label: lang === 'zh' ? f.properties.name_zh : f.properties.name_en }))
        : [],
    [geo, lang],
  );
  return <CountedOptions kind="district" items={items} counts={counts} {...rest} />;
}

/** Every zone but the axes (lines), with its count as for districts. */
function ZoneOptions({ lang, ...rest }: OptionsProps) {
  const derived = useAppStore((s) => s.derived);
  const counts = useSettledStore(selectZoneCounts);
  const items = useMemo(
    () => (derived ? derived.zones.filter((z) => z.kind !== 'axis').map((z) => ({ id: z.id, label: lang === 'zh' ? z.name_zh : z.name_en })) : []),
    [derived, lang],
  );
  return <CountedOptions kind="zone-filter" items={items} counts={counts} {...rest} />;
}

/** District, zone and confidence filters, with the live count of parks that pass every filter. */
export function FindFilters() {
  const lang = useAppStore((s) => s.lang);
  const derived = useAppStore((s) => s.derived);
  const districts = useAppStore(useShallow((s) => s.districtFilter));
  const zones = useAppStore(useShallow((s) => s.zoneFilter));
  const conf = useAppStore(useShallow((s) => s.confFilter));
  const basis = useAppStore(useShallow((s) => s.basisFilter));
  // the counts follow a filter change a moment later, in a render React can interrupt
  const basisCounts = useSettledStore(selectBasisCounts);
  const visible = useSettledStore(selectVisibleParks);
  const a = useAppStore(
    useShallow((s) => ({
      toggleDistrict: s.toggleDistrict,
      toggleZoneFilter: s.toggleZoneFilter,
      toggleConf: s.toggleConf,
      toggleBasis: s.toggleBasis,
      clear: s.clearFindFilters,
    })),
  );
  if (!derived) return null;
  const any = districts.length + zones.length + conf.length + basis.length > 0;
  return (
    <section className="panel find-panel find-filters" aria-labelledby="filters-h">
      <h2 id="filters-h">{t(lang, 'filters')}</h2>
      <p className="match-line" role="status" data-testid="find-count">
        {t(lang, 'matchCount', { n: visible.length, total: derived.parks.length })}
      </p>
      <OptionList
        summary={t(lang, 'filterDistrict')}
        chosen={districts.length}
        chosenText={t(lang, 'nChosen', { n: districts.length })}
        options={() => <DistrictOptions lang={lang} chosen={districts} toggle={a.toggleDistrict} />}
      />
      <OptionList
        summary={t(lang, 'filterZone')}
        chosen={zones.length}
        chosenText={t(lang, 'nChosen', { n: zones.length })}
        options={() => <ZoneOptions lang={lang} chosen={zones} toggle={a.toggleZoneFilter} />}
      />
      <fieldset className="conf-row">
        <legend>{t(lang, 'filterConf')}</legend>
        {CONFIDENCES.map((c) => (
          <label key={c}>
            <input type="checkbox" data-conf={c} checked={conf.includes(c)} onChange={() => a.toggleConf(c)} /> {t(lang, `conf_${c}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="conf-row basis-row">
        <legend>{t(lang, 'filterBasis')}</legend>
        {BASES.map((b) => (
          <label key={b}>
            <input type="checkbox" data-basis={b} checked={basis.includes(b)} onChange={() => a.toggleBasis(b)} /> {t(lang, `basis_${b}`)}{' '}
            <span className="count">{basisCounts.get(b) ?? 0}</span>
          </label>
        ))}
      </fieldset>
      {any && (
        <button type="button" className="link" onClick={a.clear}>
          {t(lang, 'clearAll')}
        </button>
      )}
    </section>
  );
}
