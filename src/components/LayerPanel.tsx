import { useId, useRef, useState } from 'react';
import { t } from '../i18n';
import { LEGEND_GROUPS } from '../theme/legend';
import { useAppStore } from '../state/store';
import { LegendItems } from './Legend';
import { useRovingGroup } from './roving-group';

/** Open at first on a wide screen, where it fits beside the map's content; a button on a narrow one. */
const startsOpen = (): boolean => typeof window === 'undefined' || typeof window.matchMedia !== 'function' || !window.matchMedia('(max-width: 1100px)').matches;

/**
 * Layer switches with the legend of each group beneath it (one list, generated from the
 * registry), over the map on every screen: open, or folded to one button.
 */
export function LayerPanel({ onlineAvailable }: { onlineAvailable: boolean }) {
  const lang = useAppStore((s) => s.lang);
  const layers = useAppStore((s) => s.layerVisibility);
  const setVisible = useAppStore((s) => s.setLayerVisible);
  const online = useAppStore((s) => s.onlineBasemap);
  const setOnline = useAppStore((s) => s.setOnlineBasemap);
  const [open, setOpen] = useState(startsOpen);
  const body = useId();
  // the switches are one Tab stop, arrows move between them
  const switches = useRef<HTMLUListElement>(null);
  const roving = useRovingGroup(switches, 'input[type="checkbox"]');
  return (
    <section className="layer-panel" aria-labelledby="layers-h" data-open={open} data-testid="legend">
      <h2 id="layers-h">
        <button type="button" className="legend-toggle" aria-expanded={open} aria-controls={body} onClick={() => setOpen(!open)} data-testid="legend-toggle">
          <span>
            {t(lang, 'layers')} · {t(lang, 'legend')}
          </span>
          <span className="caret" aria-hidden="true">
            {open ? '▾' : '▴'}
          </span>
        </button>
      </h2>
      <div className="legend-body" id={body} hidden={!open}>
        <ul className="layer-groups" ref={switches} {...roving}>
          {LEGEND_GROUPS.map((g) => (
            <li key={g.id} data-group={g.id}>
              <label>
                <input type="checkbox" checked={layers[g.id]} onChange={(e) => setVisible(g.id, e.target.checked)} />
                <span className="group-name">{t(lang, g.label)}</span>
              </label>
              {layers[g.id] && <LegendItems items={g.legend} />}
            </li>
          ))}
          {onlineAvailable && (
            <li>
              <label>
                <input type="checkbox" checked={online} onChange={(e) => setOnline(e.target.checked)} />
                <span className="group-name">{t(lang, 'onlineBasemap')}</span>
              </label>
            </li>
          )}
        </ul>
      </div>
    </section>
  );
}
