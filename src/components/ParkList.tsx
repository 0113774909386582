import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../i18n';
import { SECTOR_COLORS } from '../theme/sectors';
import { primarySector } from '../state/filter';
import { useAppStore, useSettledStore, useStoreApi } from '../state/store';
import { MAX_COMPARE } from '../state/slices/find';
import './find/find.css';
import type { TopSectorId } from '../domain/ids';
import { selectDistancePm } from '../state/selectors/find';
import { kmText } from './find/km-text';
import { selectListKm, selectListMode, selectListStrength, selectListedParks } from '../state/selectors/list';
import { useDistrictName, useSectorName } from './names';
import { selectEmptyReasons } from '../state/selectors/counts';
import { WhyEmpty } from './SectorFilter';
import { useClearAllFilters } from './find/FilterChips';
import { gridMove } from './grid-keys';
import type { GridPos } from './grid-keys';

/**
 * The parks of every filter (sector, district, zone, confidence, radius, drawn area), sorted by
 * name or by distance to the chosen point (with the km of each once a point is chosen), as a grid
 * of two columns (the park, its compare toggle) that is one stop of the Tab key: ↑/↓, PageUp/Down
 * and Home/End move between parks, ←/→ between the park and its toggle, Enter opens the card.
 */
export function ParkList() {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const parks = useAppStore((s) => s.derived?.parks);
  const sectorsFile = useAppStore((s) => (s.geo?.sectors.ok ? s.geo.sectors.data : null));
  // the list follows a filter change a moment later, in a render React can interrupt, so the click
  // that changed it (and the map) is not held up by re-sorting and redrawing the rows
  const shown = useSettledStore(selectListedParks);
  const mode = useSettledStore(selectListMode);
  const kmOf = useSettledStore(selectListKm);
  const selected = useSettledStore((s) => s.sectorFilter);
  const strengthOf = useSettledStore(selectListStrength);
  const current = useAppStore((s) => s.selectedParkId);
  const listRef = useRef<HTMLDivElement>(null);
  // the cell that holds the Tab stop: a park (by id, so it survives re-sorting) and a column
  const [stop, setStop] = useState<{ id: string; col: number } | null>(null);
  const pmOf = useSettledStore(selectDistancePm);
  const compare = useAppStore(useShallow((s) => s.compareParkIds));
  const toggleCompare = useAppStore((s) => s.toggleCompare);
  const setSortBy = useAppStore((s) => s.setSortBy);
  const district = useDistrictName();
  const reasons = useSettledStore(selectEmptyReasons);
  const sectorName = useSectorName();
  const clearAll = useClearAllFilters();
  if (!parks) return null;

  const choose = (id: string) => {
    const s = store.getState();
    s.selectPark(id);
    const at = s.derived?.parkCoords.get(id);
    if (at) s.requestCamera(at[0], at[1]);
  };
  const full = compare.length >= MAX_COMPARE;
  const canFocus = ({ row, col }: GridPos) => col === 0 || compare.includes(shown[row]!.id) || !full;
  // the Tab stop: the cell last focused if its park is still listed, else the open park, else the first
  const stopRow = Math.max(
    0,
    shown.findIndex((p) => p.id === (stop && shown.some((q) => q.id === stop.id) ? stop.id : current)),
  );
  const stopCol = stop && shown[stopRow]?.id === stop.id && canFocus({ row: stopRow, col: stop.col }) ? stop.col : 0;
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-cell-row]');
    if (!cell) return;
    const at = { row: Number(cell.dataset.cellRow), col: Number(cell.dataset.cellCol) };
    const next = gridMove(e.key, at, shown.length, 2, canFocus);
    if (!next) return;
    e.preventDefault();
    listRef.current?.querySelector<HTMLElement>(`[data-cell-row="${next.row}"][data-cell-col="${next.col}"]`)?.focus();
  };
  const onFocus = (i: number, col: number) => setStop({ id: shown[i]!.id, col });

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
      {shown.length === 0 && parks.length > 0 && (
        // an empty list says why where the eye is (the same words as under the sector filter), with the way out
        <div className="list-empty">
          <WhyEmpty reasons={reasons} lang={lang} name={sectorName} testId="list-why-empty" />
          <button type="button" className="link" onClick={clearAll}>
            {t(lang, 'clearAllFilters')}
          </button>
        </div>
      )}
      <div role="grid" aria-label={lang === 'zh' ? '园区' : 'Parks'} aria-rowcount={shown.length} ref={listRef} className="park-grid" onKeyDown={onKey}>
        {shown.map((p, i) => {
          const top = primarySector(p, selected, sectorsFile) as TopSectorId | null;
          const inCompare = compare.includes(p.id);
          return (
            <div key={p.id} role="row" aria-rowindex={i + 1} className="park-row">
              <div role="gridcell" className="park-cell">
                <button
                  type="button"
                  data-park={p.id}
                  data-cell-row={i}
                  data-cell-col={0}
                  tabIndex={i === stopRow && stopCol === 0 ? 0 : -1}
                  aria-current={current === p.id ? 'true' : undefined}
                  onClick={() => choose(p.id)}
                  onFocus={() => onFocus(i, 0)}
                >
                  <span className="dot" style={{ background: top ? SECTOR_COLORS[top] : '#777' }} aria-hidden="true" />
                  <span className="park-name">{lang === 'zh' ? p.name_zh : p.name_en}</span>
                  {strengthOf?.has(p.id) && (
                    // why it is listed for the chosen sectors, as the card says it (the long form on hover)
                    <span className={`strength list-strength s-${strengthOf.get(p.id)!}`} title={t(lang, `strength_${strengthOf.get(p.id)!}`)}>
                      {t(lang, `strengthShort_${strengthOf.get(p.id)!}`)}
                    </span>
                  )}
                  <span className="park-district">
                    {kmOf?.has(p.id) ? <span className="park-km">{kmText(lang, kmOf.get(p.id)!, pmOf?.get(p.id))} · </span> : null}
                    {district(p.district)}
                  </span>
                </button>
              </div>
              <div role="gridcell" className="compare-cell">
                <button
                  type="button"
                  className="compare-toggle"
                  data-compare={p.id}
                  data-cell-row={i}
                  data-cell-col={1}
                  tabIndex={i === stopRow && stopCol === 1 ? 0 : -1}
                  aria-pressed={inCompare}
                  disabled={!inCompare && full}
                  title={t(lang, inCompare ? 'removeCompare' : full ? 'compareFull' : 'addCompare')}
                  aria-label={`${t(lang, inCompare ? 'removeCompare' : 'addCompare')}: ${lang === 'zh' ? p.name_zh : p.name_en}`}
                  onClick={() => toggleCompare(p.id)}
                  onFocus={() => onFocus(i, 1)}
                >
                  {inCompare ? '✓' : '+'}
                </button>
              </div>
            </div>
          );
        })}
      </div>
    </section>
  );
}
