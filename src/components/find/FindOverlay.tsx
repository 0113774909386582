/** Over the map: the tools (pick a point, radius, draw an area). The comparison of ≤ 4 parks is CompareSheet.tsx. */
import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../state/store';
import { MAX_RADIUS_KM } from '../../state/slices/find';
import { useMapActions } from '../map-actions';
import './find.css';

/**
 * What the radius box holds: empty (no radius), a usable radius in km, or a text that is not one
 * (not a number, zero or less, or over the limit), which is shown with a message and not applied:
 * the radius stays what it was.
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
            // a text that is not a radius leaves the radius as it was ("-3" typed over 5 km keeps 5 km)
            if (!('km' in r)) return;
            applied.current = r.km;
            setRadiusKm(r.km);
          }}
        />
      </label>
      {bad !== null ? (
        <span className="radius-msg bad" id="find-radius-msg" role="alert" data-testid="find-radius-error">
          {t(lang, 'radiusBad', { max: MAX_RADIUS_KM, text: bad })}
          {radiusKm !== null && t(lang, 'radiusKept', { km: radiusKm })}
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
  // on a phone the tools fold to one button, so a sheet half open still leaves the map in view
  const [open, setOpen] = useState(false);
  return (
    <div className="find-toolbar" role="toolbar" aria-label={t(lang, 'find')} data-open={open} data-map-cover>
      <button type="button" className="find-fold" data-testid="find-fold" aria-expanded={open} aria-controls="find-tools" onClick={() => setOpen(!open)}>
        {t(lang, 'findTools')}
      </button>
      <div className="find-tools" id="find-tools">
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
      </div>
      {mode !== 'none' && (
        <span className="hint" role="status">
          {t(lang, mode === 'pick' ? 'pickHint' : 'drawHint')}
        </span>
      )}
    </div>
  );
}

export function FindOverlay() {
  return <Toolbar />;
}
