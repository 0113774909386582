/** Over the map: the tools (pick a point, radius, draw an area) and the comparison of ≤ 4 parks. */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../../i18n';
import type { StringKey } from '../../i18n';
import { useAppStore } from '../../state/store';
import { SectorReasons } from '../ParkCard';
import './find.css';
import { selectCompareDistances } from '../../state/selectors/find';

function Toolbar() {
  const lang = useAppStore((s) => s.lang);
  const mode = useAppStore((s) => s.findMode);
  const hasOrigin = useAppStore((s) => s.chosenPoint !== null);
  const hasArea = useAppStore((s) => s.drawnArea !== null);
  const radiusKm = useAppStore((s) => s.radiusKm);
  const a = useAppStore(useShallow((s) => ({ setFindMode: s.setFindMode, setOrigin: s.setChosenPoint, setRadiusKm: s.setRadiusKm, setArea: s.setDrawnArea })));
  const [radiusText, setRadiusText] = useState(radiusKm === null ? '' : String(radiusKm));

  useEffect(() => {
    if (mode === 'none') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') a.setFindMode('none');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode, a]);

  const toggle = (m: 'pick' | 'draw') => a.setFindMode(mode === m ? 'none' : m);
  return (
    <div className="find-toolbar" role="toolbar" aria-label={t(lang, 'find')}>
      <button type="button" data-testid="find-pick" aria-pressed={mode === 'pick'} onClick={() => toggle('pick')}>
        {t(lang, 'pickPoint')}
      </button>
      <label>
        {t(lang, 'radius')}
        <input
          type="number"
          data-testid="find-radius"
          min={0}
          max={200}
          step={1}
          inputMode="decimal"
          value={radiusText}
          onChange={(e) => {
            setRadiusText(e.target.value);
            const v = e.target.value.trim() === '' ? null : Number(e.target.value);
            a.setRadiusKm(v);
          }}
        />
      </label>
      {hasOrigin && (
        <button type="button" data-testid="find-clear-point" onClick={() => a.setOrigin(null)}>
          {t(lang, 'clearPoint')}
        </button>
      )}
      <button type="button" data-testid="find-draw" aria-pressed={mode === 'draw'} onClick={() => toggle('draw')}>
        {t(lang, 'drawArea')}
      </button>
      {hasArea && (
        <button type="button" data-testid="find-clear-area" onClick={() => a.setArea(null)}>
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

function CompareSheet() {
  const lang = useAppStore((s) => s.lang);
  const derived = useAppStore((s) => s.derived);
  const ids = useAppStore(useShallow((s) => s.compareParkIds));
  const distances = useAppStore(selectCompareDistances);
  const toggleCompare = useAppStore((s) => s.toggleCompare);
  const setCompare = useAppStore((s) => s.setCompare);
  const selectZone = useAppStore((s) => s.selectZone);
  if (!derived || ids.length === 0) return null;
  const parks = ids.flatMap((id) => derived.parks.filter((p) => p.id === id));
  const refs = distances.get(ids[0]!)?.map((r) => r.id) ?? [];
  const zoneName = (id: string) => {
    const z = derived.zones.find((x) => x.id === id);
    return z ? (lang === 'zh' ? z.name_zh : z.name_en) : id;
  };
  return (
    <section className="compare-sheet" aria-labelledby="compare-h" data-testid="compare">
      <header>
        <h2 id="compare-h">{t(lang, 'compareTitle', { n: parks.length })}</h2>
        <button type="button" className="link" onClick={() => setCompare([])}>
          {t(lang, 'clearCompare')}
        </button>
      </header>
      <table>
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
          <tr data-row="district">
            <th scope="row">{t(lang, 'district')}</th>
            {parks.map((p) => (
              <td key={p.id}>{p.district ?? t(lang, 'none')}</td>
            ))}
          </tr>
          <tr data-row="zones">
            <th scope="row">{t(lang, 'zones')}</th>
            {parks.map((p) => (
              <td key={p.id}>
                {p.zones.length === 0 ? (
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
                )}
              </td>
            ))}
          </tr>
          <tr data-row="sectors">
            <th scope="row">{t(lang, 'why')}</th>
            {parks.map((p) => (
              <td key={p.id}>
                <SectorReasons links={p.links} lang={lang} derived={derived} />
              </td>
            ))}
          </tr>
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
    </section>
  );
}

export function FindOverlay() {
  return (
    <>
      <Toolbar />
      <CompareSheet />
    </>
  );
}
