import { t } from '../i18n';
import { LEGEND_GROUPS } from '../theme/legend';
import { useAppStore } from '../state/store';
import { LegendItems } from './Legend';

/** Layer switches with the legend of each group beneath it: one list, generated from the registry. */
export function LayerPanel({ onlineAvailable }: { onlineAvailable: boolean }) {
  const lang = useAppStore((s) => s.lang);
  const layers = useAppStore((s) => s.layerVisibility);
  const setVisible = useAppStore((s) => s.setLayerVisible);
  const online = useAppStore((s) => s.onlineBasemap);
  const setOnline = useAppStore((s) => s.setOnlineBasemap);
  return (
    <section className="panel layer-panel" aria-labelledby="layers-h">
      <h2 id="layers-h">
        {t(lang, 'layers')} · {t(lang, 'legend')}
      </h2>
      <ul className="layer-groups">
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
    </section>
  );
}
