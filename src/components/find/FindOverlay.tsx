/** Over the map: the tools (pick a point, radius, draw an area). Below it: the comparison of ≤ 4 parks. */
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../../i18n';
import type { StringKey } from '../../i18n';
import { useAppStore, useStoreApi } from '../../state/store';
import { MAX_RADIUS_KM } from '../../state/slices/find';
import { AreaText, PositionText, SectorReasons, Verdicts, listText } from '../ParkCard';
import { useDistrictName } from '../names';
import { download } from '../download';
import { useMapActions } from '../map-actions';
import { exportNames } from '../sites/SitesPanel';
import './find.css';
import { selectCompareDistances } from '../../state/selectors/find';

/**
 * What the radius box holds: empty (no radius), a usable radius in km, or a text that is not one
 * (not a number, zero or less, or over the limit), which is shown with a message and not applied.
 */
export function parseRadius(text: string): { km: number | null } | { bad: string } {
  const s = text.trim().replace(',', '.');
  if (s === '') return { km: null };
  const km = /^[+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(s) ? Number(s) : NaN;
  return Number.isFinite(km) && km > 0 && km <= MAX_RADIUS_KM ? { km } : { bad: text.trim() };
}

function RadiusInput() {
  const lang = useAppStore((s) => s.lang);
  const radiusKm = useAppStore((s) => s.radiusKm);
  const hasOrigin = useAppStore((s) => s.chosenPoint !== null);
  const setRadiusKm = useAppStore((s) => s.setRadiusKm);
  const [text, setText] = useState(radiusKm === null ? '' : String(radiusKm));
  /** the radius this box last applied: a change from elsewhere (a chip, a link) rewrites the box */
  const applied = useRef(radiusKm);
  useEffect(() => {
    if (radiusKm === applied.current) return;
    applied.current = radiusKm;
    setText(radiusKm === null ? '' : String(radiusKm));
  }, [radiusKm]);
  const parsed = parseRadius(text);
  const bad = 'bad' in parsed ? parsed.bad : null;
  return (
    <>
      <label>
        {t(lang, 'radius')}
        <input
          type="text"
          inputMode="decimal"
          data-testid="find-radius"
          aria-invalid={bad !== null}
          aria-describedby={bad !== null ? 'find-radius-msg' : undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const r = parseRadius(e.target.value);
            const km = 'km' in r ? r.km : null;
            applied.current = km;
            setRadiusKm(km);
          }}
        />
      </label>
      {bad !== null ? (
        <span className="radius-msg bad" id="find-radius-msg" role="alert" data-testid="find-radius-error">
          {t(lang, 'radiusBad', { max: MAX_RADIUS_KM, text: bad })}
        </span>
      ) : radiusKm !== null && !hasOrigin ? (
        <span className="radius-msg" role="status" data-testid="find-radius-hint">
          {t(lang, 'radiusNeedsPoint')}
        </span>
      ) : null}
    </>
  );
}

function Toolbar() {
  const lang = useAppStore((s) => s.lang);
  const mode = useAppStore((s) => s.findMode);
  const hasOrigin = useAppStore((s) => s.chosenPoint !== null);
  const hasArea = useAppStore((s) => s.drawnArea !== null);
  const a = useAppStore(useShallow((s) => ({ setFindMode: s.setFindMode, setOrigin: s.setChosenPoint, setArea: s.setDrawnArea })));
  const actions = useMapActions();

  useEffect(() => {
    if (mode === 'none') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      a.setFindMode('none');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode, a]);

  const toggle = (m: 'pick' | 'draw') => a.setFindMode(mode === m ? 'none' : m);
  return (
    <div className="find-toolbar" role="toolbar" aria-label={t(lang, 'find')} data-map-cover>
      <button type="button" data-testid="find-pick" aria-pressed={mode === 'pick'} onClick={() => toggle('pick')}>
        {t(lang, 'pickPoint')}
      </button>
      <RadiusInput />
      {hasOrigin && (
        <button type="button" data-testid="find-clear-point" onClick={() => a.setOrigin(null)}>
          {t(lang, 'clearPoint')}
        </button>
      )}
      <button type="button" data-testid="find-draw" aria-pressed={mode === 'draw'} onClick={() => toggle('draw')}>
        {t(lang, 'drawArea')}
      </button>
      <button
        type="button"
        data-testid="find-area-view"
        title={t(lang, 'areaFromViewHint')}
        disabled={!actions}
        onClick={() => {
          const view = actions?.viewArea();
          if (!view) return;
          if (mode !== 'none') a.setFindMode('none');
          void a.setArea(view);
        }}
      >
        {t(lang, 'areaFromView')}
      </button>
      {hasArea && (
        <button type="button" data-testid="find-clear-area" onClick={() => void a.setArea(null)}>
          {t(lang, 'clearArea')}
        </button>
      )}
      {mode !== 'none' && (
        <span className="hint" role="status">
          {t(lang, mode === 'pick' ? 'pickHint' : 'drawHint')}
        </span>
      )}
    </div>
  );
}

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
 */
export function CompareSheet() {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const derived = useAppStore((s) => s.derived);
  const ids = useAppStore(useShallow((s) => s.compareParkIds));
  const distances = useAppStore(selectCompareDistances);
  const toggleCompare = useAppStore((s) => s.toggleCompare);
  const setCompare = useAppStore((s) => s.setCompare);
  const selectZone = useAppStore((s) => s.selectZone);
  const district = useDistrictName();
  const [open, setOpen] = useState(true);
  if (!derived || ids.length === 0) return null;
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
          aria-expanded={open}
          aria-controls="compare-body"
          aria-label={t(lang, open ? 'compareCollapse' : 'compareExpand')}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▴'}
        </button>
      </header>
      <div className="compare-scroll" id="compare-body" hidden={!open}>
        <table style={{ minWidth: `${110 + parks.length * 160}px` }}>
          <thead>
            <tr>
              <td />
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
              <Verdicts links={p.links} lang={lang} derived={derived} />
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
                <SectorReasons links={p.links} lang={lang} derived={derived} />
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
                      {t(lang, 'km', { km: kms[i]!.toFixed(1) })}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function FindOverlay() {
  return <Toolbar />;
}
