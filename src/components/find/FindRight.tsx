/** Right column, above the park card/list: the chosen point's nearest parks, radius and area results, the compare toggle. */
import { useShallow } from 'zustand/react/shallow';
import { inParens, t } from '../../i18n';
import { useAppStore, useSettledStore, useStoreApi } from '../../state/store';
import { selectDistrictCounts } from '../../state/selectors/counts';
import { MAX_COMPARE } from '../../state/slices/find';
import type { Ranked } from '../../geo/nearest';
import './find.css';
import { kmText } from './km-text';
import { useDistrictName } from '../names';
import { selectAreaResult, selectNearest, selectNearestBeyondRadius, selectWithinRadius } from '../../state/selectors/find';
import { selectListMode } from '../../state/selectors/list';

/** Parks as rows that open their card, each with its distance where given. */
export function ParkRows({ rows, testid }: { rows: readonly (Ranked | { id: string; km?: undefined })[]; testid: string }) {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const parks = useAppStore((s) => s.derived?.parks);
  const choose = (id: string) => {
    const s = store.getState();
    s.selectPark(id);
    const at = s.derived?.parkCoords.get(id);
    if (at) s.requestCamera(at[0], at[1]);
  };
  return (
    <ol data-testid={testid}>
      {rows.map((r) => {
        const p = parks?.find((x) => x.id === r.id);
        if (!p) return null;
        return (
          <li key={r.id}>
            <button type="button" className="row" data-result-park={r.id} onClick={() => choose(r.id)}>
              <span>{lang === 'zh' ? p.name_zh : p.name_en}</span>
              {r.km !== undefined && <span className="km">{kmText(lang, r.km, r.pm)}</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * A district chosen in search is a point to measure from; this narrows the list and the map to
 * the district's parks as well (the district filter: its chip drops it), and back.
 */
function DistrictOnly({ nameZh }: { nameZh: string }) {
  const lang = useAppStore((s) => s.lang);
  const on = useAppStore((s) => s.districtFilter.length === 1 && s.districtFilter[0] === nameZh);
  const setFindFilters = useAppStore((s) => s.setFindFilters);
  const n = useSettledStore(selectDistrictCounts).get(nameZh) ?? 0;
  const district = useDistrictName();
  return (
    <p className="origin-only">
      <button
        type="button"
        className="chip-toggle"
        aria-pressed={on}
        data-testid="origin-district-only"
        onClick={() => setFindFilters({ districts: on ? [] : [nameZh] })}
      >
        {t(lang, 'districtOnly', { name: district(nameZh), n })}
      </button>
    </p>
  );
}

/** `aboveList`: the park list is right below (no card open), so it need not be repeated here. */
function OriginResults({ aboveList }: { aboveList: boolean }) {
  const lang = useAppStore((s) => s.lang);
  const origin = useAppStore((s) => s.chosenPoint);
  const derived = useAppStore((s) => s.derived);
  const nearest = useAppStore(selectNearest);
  const within = useAppStore(selectWithinRadius);
  const beyond = useAppStore(selectNearestBeyondRadius);
  const radiusKm = useAppStore((s) => s.radiusKm);
  const listMode = useAppStore(selectListMode);
  const district = useDistrictName();
  if (!origin || !derived || !nearest) return null;
  const ref = origin.ref;
  const label = !ref
    ? t(lang, 'originPicked')
    : ref.kind === 'park'
      ? (derived.parks.find((p) => p.id === ref.id)?.[lang === 'zh' ? 'name_zh' : 'name_en'] ?? ref.id)
      : ref.kind === 'zone'
        ? (derived.zones.find((z) => z.id === ref.id)?.[lang === 'zh' ? 'name_zh' : 'name_en'] ?? ref.id)
        : district(ref.id);
  return (
    <div data-testid="find-origin">
      <h3>{t(lang, 'nearest')}</h3>
      <p className="origin-line" data-lng={origin.lng.toFixed(5)} data-lat={origin.lat.toFixed(5)}>
        {t(lang, 'origin')}
        {lang === 'zh' ? '：' : ': '}
        {label}
        {inParens(`${origin.lng.toFixed(4)}, ${origin.lat.toFixed(4)}`, lang)}
      </p>
      {ref?.kind === 'district' && <DistrictOnly nameZh={ref.id} />}
      <ParkRows rows={nearest} testid="find-nearest" />
      {beyond && beyond.length > 0 && radiusKm !== null && (
        <>
          <p className="beyond-line" data-testid="find-beyond-title">
            {t(lang, 'nearestBeyond', { km: radiusKm })}
          </p>
          <ParkRows rows={beyond} testid="find-beyond" />
        </>
      )}
      {[...nearest, ...(beyond ?? []), ...(within ?? [])].some((r) => (r.pm ?? 0) >= 0.05) && (
        <p className="km-note" data-testid="find-km-note">
          {t(lang, 'kmPmNote')}
        </p>
      )}
      {within && radiusKm !== null && !beyond && (
        <>
          <h3 data-testid="find-within-title">{t(lang, 'withinRadius', { km: radiusKm, n: within.length })}</h3>
          {/* the list below, sorted by distance, holds the same parks in the same order: said, not listed twice */}
          {aboveList && listMode === 'distance' ? (
            <p className="beyond-line" data-testid="find-within-in-list">
              {t(lang, 'withinInList')}
            </p>
          ) : (
            <ParkRows rows={within} testid="find-within" />
          )}
        </>
      )}
    </div>
  );
}

function AreaResults() {
  const lang = useAppStore((s) => s.lang);
  const derived = useAppStore((s) => s.derived);
  const result = useAppStore(selectAreaResult);
  const selectZone = useAppStore((s) => s.selectZone);
  if (!result || !derived) return null;
  const name = (n: { name_zh: string; name_en: string } | undefined, id: string) => (n ? (lang === 'zh' ? n.name_zh : n.name_en) : id);
  return (
    <div data-testid="find-area">
      <h3>{t(lang, 'inArea')}</h3>
      <h3>{t(lang, 'areaParks', { n: result.parks.length })}</h3>
      <ParkRows rows={result.parks.map((id) => ({ id }))} testid="find-area-parks" />
      <h3>{t(lang, 'areaZones', { n: result.zones.length })}</h3>
      <div className="chips" data-testid="find-area-zones">
        {result.zones.map((id) => (
          <button key={id} type="button" className="chip" data-zone={id} onClick={() => selectZone(id)}>
            {name(
              derived.zones.find((z) => z.id === id),
              id,
            )}
          </button>
        ))}
      </div>
      <h3>{t(lang, 'areaSectors', { n: result.sectors.length })}</h3>
      <ul data-testid="find-area-sectors">
        {result.sectors.map((s) => (
          <li key={s.id} data-sector={s.id}>
            {name(derived.sectorNodes.get(s.id), s.id)} <span className="km">{t(lang, 'sectorCounts', { p: s.parks, z: s.zones })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function CompareToggle() {
  const lang = useAppStore((s) => s.lang);
  const park = useAppStore((s) => s.selectedParkId);
  const compare = useAppStore(useShallow((s) => s.compareParkIds));
  const toggleCompare = useAppStore((s) => s.toggleCompare);
  if (!park) return null;
  const on = compare.includes(park);
  const full = !on && compare.length >= MAX_COMPARE;
  return (
    <p>
      <button type="button" className="compare-btn" data-testid="find-compare-toggle" aria-pressed={on} disabled={full} onClick={() => toggleCompare(park)}>
        {t(lang, on ? 'removeCompare' : full ? 'compareFull' : 'addCompare')}
      </button>
    </p>
  );
}

/**
 * Above the card or the list: a chosen park's comparison button, and, when no card is open, the
 * nearest parks and what a drawn area holds. With a card open those follow the card
 * ({@link FindResults}): the place asked for comes first.
 */
export function FindRight({ results }: { results: boolean }) {
  const lang = useAppStore((s) => s.lang);
  const show = useAppStore((s) => (results && (s.chosenPoint !== null || s.drawnArea !== null)) || s.selectedParkId !== null);
  if (!show) return null;
  return (
    // data-with-card: the card below it shows it with its top (card-focus.ts)
    <section className="find-right" aria-label={t(lang, 'find')} data-with-card="">
      <CompareToggle />
      {results && (
        <>
          <OriginResults aboveList />
          <AreaResults />
        </>
      )}
    </section>
  );
}

/** The nearest parks and a drawn area's contents, under an open card. */
export function FindResults() {
  const lang = useAppStore((s) => s.lang);
  const show = useAppStore((s) => s.chosenPoint !== null || s.drawnArea !== null);
  if (!show) return null;
  return (
    <section className="find-right find-after" aria-label={t(lang, 'find')}>
      <OriginResults aboveList={false} />
      <AreaResults />
    </section>
  );
}
