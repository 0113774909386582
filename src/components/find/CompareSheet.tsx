/**
 * The comparison sheet of the find tools: loaded when the first park is added to a comparison
 * (App preloads it once the first view is drawn).
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../../i18n';
import type { StringKey } from '../../i18n';
import { useAppStore, useStoreApi } from '../../state/store';
import { AreaText, PositionText, SectorReasons, Verdicts, listText } from '../ParkCard';
import { useDistrictName } from '../names';
import { download } from '../download';
import { exportNames } from '../sites/SitesPanel';
import { selectCompareDistances } from '../../state/selectors/find';
import { selectFilteredTopSectors } from '../../state/selectors/parks';
import { kmText } from './km-text';
import { Caret } from '../Caret';
import { useSheetLayout } from '../sheet-layout';

/** The row names' column, and each park's narrowest: four parks (the most) fit the column's 640 px side by side; a narrower one scrolls, and says so by a shadow at the edge. */
const LABEL_COLUMN_PX = 88;
const PARK_COLUMN_PX = 136;

const REF_KEYS: Record<string, StringKey> = {
  'zhangjiang-pole': 'ref_zhangjiang_pole',
  'lingang-pole': 'ref_lingang_pole',
  'peoples-square': 'ref_peoples_square',
  pvg: 'ref_pvg',
  sha: 'ref_sha',
};

/**
 * The comparison of ≤ 4 parks, below the map (a bottom sheet on a phone): one column per park
 * under a header row that stays in view, rows for district, why each is on the map, area,
 * location confidence with its radius, list membership, the strength per sector, zones, every
 * reason, and the distances to the poles, People's Square and both airports. Exports as CSV.
 * `covered`: a phone's results or filters sheet is open over the map; `onExpand` folds it.
 */
export function CompareSheet({ covered = false, onExpand }: { covered?: boolean; onExpand?: () => void } = {}) {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const derived = useAppStore((s) => s.derived);
  const first = useAppStore(selectFilteredTopSectors);
  const ids = useAppStore(useShallow((s) => s.compareParkIds));
  const distances = useAppStore(selectCompareDistances);
  const toggleCompare = useAppStore((s) => s.toggleCompare);
  const setCompare = useAppStore((s) => s.setCompare);
  const selectZone = useAppStore((s) => s.selectZone);
  const district = useDistrictName();
  const [open, setOpen] = useState(true);
  const sheets = useSheetLayout();
  if (!derived || ids.length === 0) return null;
  // on a phone a sheet opened over the map folds the comparison to its bar (styles.css): it shows as folded, and unfolding it folds the sheet
  const folded = covered && sheets;
  const shown = open && !folded;
  const parks = ids.flatMap((id) => derived.parks.filter((p) => p.id === id));
  const refs = distances.get(ids[0]!)?.map((r) => r.id) ?? [];
  const zoneName = (id: string) => {
    const z = derived.zones.find((x) => x.id === id);
    return z ? (lang === 'zh' ? z.name_zh : z.name_en) : id;
  };
  const exportCsv = () =>
    void import('../../export/results').then(({ compareCsv }) =>
      download(compareCsv(parks, distances, exportNames(store.getState())), 'shanghai-sei-compare.csv', 'text/csv;charset=utf-8'),
    );
  const row = (key: string, label: string, cell: (p: (typeof parks)[number]) => ReactNode) => (
    <tr data-row={key}>
      <th scope="row">{label}</th>
      {parks.map((p) => (
        <td key={p.id}>{cell(p)}</td>
      ))}
    </tr>
  );
  return (
    <section className="compare-sheet" aria-labelledby="compare-h" data-testid="compare" data-open={open}>
      <header>
        <h2 id="compare-h">{t(lang, 'compareTitle', { n: parks.length })}</h2>
        <button type="button" className="link" data-testid="compare-csv" onClick={exportCsv}>
          {t(lang, 'compareCsv')}
        </button>
        <button type="button" className="link" onClick={() => setCompare([])}>
          {t(lang, 'clearCompare')}
        </button>
        <button
          type="button"
          className="sheet-toggle"
          data-testid="compare-toggle"
          aria-expanded={shown}
          aria-controls="compare-body"
          aria-label={t(lang, shown ? 'compareCollapse' : 'compareExpand')}
          onClick={() => {
            if (shown) return setOpen(false);
            setOpen(true);
            if (folded) onExpand?.();
          }}
        >
          <Caret dir={shown ? 'down' : 'up'} />
        </button>
      </header>
      <div className="compare-scroll" id="compare-body" hidden={!open}>
        <table style={{ minWidth: `${LABEL_COLUMN_PX + parks.length * PARK_COLUMN_PX}px` }}>
          <thead>
            <tr>
              <td style={{ width: LABEL_COLUMN_PX }} />
              {parks.map((p, i) => (
                <th key={p.id} scope="col" data-park={p.id}>
                  <span className="num">{i + 1}</span>
                  {lang === 'zh' ? p.name_zh : p.name_en}
                  <button
                    type="button"
                    className="remove"
                    aria-label={`${t(lang, 'removeCompare')}: ${lang === 'zh' ? p.name_zh : p.name_en}`}
                    onClick={() => toggleCompare(p.id)}
                  >
                    ×
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {row('district', t(lang, 'district'), (p) => (p.district ? district(p.district) : t(lang, 'none')))}
            {row('basis', t(lang, 'compareBasis'), (p) => (p.beyond_plan ? t(lang, 'beyondPlan') : p.basis.map((b) => t(lang, `basis_${b}`)).join(' · ')))}
            {row('area', t(lang, 'compareArea'), (p) => (
              <AreaText park={p} lang={lang} />
            ))}
            {row('position', t(lang, 'comparePosition'), (p) => (
              <span data-confidence={p.confidence}>
                <PositionText park={p} lang={lang} />
              </span>
            ))}
            {row('list', t(lang, 'compareList'), (p) => listText(p, lang))}
            {row('strengths', t(lang, 'compareStrengths'), (p) => (
              <Verdicts links={p.links} lang={lang} derived={derived} first={first} />
            ))}
            {row('zones', t(lang, 'zones'), (p) =>
              p.zones.length === 0 ? (
                t(lang, 'none')
              ) : (
                <ul className="zone-list">
                  {p.zones.map((z) => (
                    <li key={z}>
                      <button type="button" className="link" onClick={() => selectZone(z)}>
                        {zoneName(z)}
                      </button>
                    </li>
                  ))}
                </ul>
              ),
            )}
            {row('sectors', t(lang, 'why'), (p) => (
              <details>
                <summary>{t(lang, 'compareReasons', { n: p.links.length })}</summary>
                <SectorReasons links={p.links} lang={lang} derived={derived} first={first} />
              </details>
            ))}
            {refs.map((ref, r) => {
              const kms = parks.map((p) => distances.get(p.id)?.[r]?.km ?? NaN);
              const best = Math.min(...kms);
              return (
                <tr key={ref} data-row={`km-${ref}`}>
                  <th scope="row">
                    {t(lang, REF_KEYS[ref] ?? 'none')}
                    <br />
                    <small>{t(lang, 'distances')}</small>
                  </th>
                  {parks.map((p, i) => (
                    <td key={p.id} className={`km${kms[i] === best && parks.length > 1 ? ' best' : ''}`} data-km={kms[i]!.toFixed(2)}>
                      {kmText(lang, kms[i]!, distances.get(p.id)?.[r]?.pm)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {refs.length > 0 && parks.some((p) => distances.get(p.id)?.some((d) => (d.pm ?? 0) >= 0.05)) && <p className="km-note">{t(lang, 'kmPmNote')}</p>}
      </div>
    </section>
  );
}
