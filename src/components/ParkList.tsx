import { useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../i18n';
import { SECTOR_COLORS } from '../theme/sectors';
import { primarySector, sortParks } from '../state/filter';
import { useAppStore, useStoreApi } from '../state/store';
import { MAX_COMPARE } from '../state/slices/find';
import './find/find.css';
import type { TopSectorId } from '../domain/ids';
import { selectDistanceMap } from '../state/selectors/find';
import { selectVisibleParks } from '../state/selectors/parks';
import { useDistrictName } from './names';

/**
 * The parks of every filter (sector, district, zone, confidence, radius, drawn area), sorted by
 * name or by distance to the chosen point (with the km of each once a point is chosen), as an
 * accessible list; ↑/↓ move, Enter selects on the map.
 */
export function ParkList() {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const parks = useAppStore((s) => s.derived?.parks);
  const sectorsFile = useAppStore((s) => (s.geo?.sectors.ok ? s.geo.sectors.data : null));
  const selected = useAppStore(useShallow((s) => s.sectorFilter));
  const current = useAppStore((s) => s.selectedParkId);
  const listRef = useRef<HTMLUListElement>(null);
  const visible = useAppStore(selectVisibleParks);
  const km = useAppStore(selectDistanceMap);
  const sortBy = useAppStore((s) => s.sortBy);
  const compare = useAppStore(useShallow((s) => s.compareParkIds));
  const toggleCompare = useAppStore((s) => s.toggleCompare);
  const setSortBy = useAppStore((s) => s.setSortBy);
  const origin = useAppStore((s) => s.chosenPoint);
  const district = useDistrictName();
  // the km of every visible park from the chosen point; a park chosen as the point is 0 km from it
  const kmOf = useMemo(() => {
    if (!km) return null;
    const self = origin?.ref?.kind === 'park' ? origin.ref.id : null;
    return self && !km.has(self) ? new Map([...km, [self, 0]]) : km;
  }, [km, origin]);
  const byDistance = sortBy === 'distance' && kmOf !== null;
  const mode = byDistance ? 'distance' : sortBy === 'strength' && selected.length ? 'strength' : 'name';
  const shown = useMemo(
    () => sortParks(visible, mode, lang, kmOf, { sectors: selected, file: sectorsFile }),
    [visible, mode, lang, kmOf, selected, sectorsFile],
  );
  if (!parks) return null;

  const choose = (id: string) => {
    const s = store.getState();
    s.selectPark(id);
    const at = s.derived?.parkCoords.get(id);
    if (at) s.requestCamera(at[0], at[1]);
  };
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-park]');
    if (!buttons) return;
    const go = (j: number) => {
      e.preventDefault();
      buttons[Math.max(0, Math.min(buttons.length - 1, j))]?.focus();
    };
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(buttons.length - 1);
  };

  return (
    <section className="panel park-list" aria-labelledby="parks-h">
      <h2 id="parks-h">{t(lang, 'parks')}</h2>
      <div className="list-head">
        <p className="count-line" role="status">
          {t(lang, 'parksShown', { n: shown.length, total: parks.length })}
        </p>
        <label className="sort-row">
          {t(lang, 'sortBy')}
          <select
            data-testid="find-sort"
            value={mode}
            onChange={(e) => setSortBy(e.target.value === 'distance' ? 'distance' : e.target.value === 'strength' ? 'strength' : 'name')}
          >
            <option value="name">{t(lang, 'sortName')}</option>
            <option value="distance" disabled={kmOf === null}>
              {t(lang, 'sortDistance')}
              {kmOf === null ? ` ${t(lang, 'sortNeedsPoint')}` : ''}
            </option>
            <option value="strength" disabled={selected.length === 0}>
              {t(lang, 'sortStrength')}
              {selected.length === 0 ? ` ${t(lang, 'sortNeedsSector')}` : ''}
            </option>
          </select>
        </label>
      </div>
      <ul role="list" aria-label={lang === 'zh' ? '园区' : 'Parks'} ref={listRef}>
        {shown.map((p, i) => {
          const top = primarySector(p, selected, sectorsFile) as TopSectorId | null;
          return (
            <li key={p.id} role="listitem">
              <button
                type="button"
                data-park={p.id}
                aria-current={current === p.id ? 'true' : undefined}
                onClick={() => choose(p.id)}
                onKeyDown={(e) => onKey(e, i)}
              >
                <span className="dot" style={{ background: top ? SECTOR_COLORS[top] : '#777' }} aria-hidden="true" />
                <span className="park-name">{lang === 'zh' ? p.name_zh : p.name_en}</span>
                <span className="park-district">
                  {kmOf?.has(p.id) ? <span className="park-km">{t(lang, 'km', { km: kmOf.get(p.id)!.toFixed(1) })} · </span> : null}
                  {district(p.district)}
                </span>
              </button>
              <button
                type="button"
                className="compare-toggle"
                data-compare={p.id}
                aria-pressed={compare.includes(p.id)}
                disabled={!compare.includes(p.id) && compare.length >= MAX_COMPARE}
                title={t(lang, compare.includes(p.id) ? 'removeCompare' : compare.length >= MAX_COMPARE ? 'compareFull' : 'addCompare')}
                aria-label={`${t(lang, compare.includes(p.id) ? 'removeCompare' : 'addCompare')}: ${lang === 'zh' ? p.name_zh : p.name_en}`}
                onClick={() => toggleCompare(p.id)}
              >
                {compare.includes(p.id) ? '✓' : '+'}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
