import { t } from '../i18n';
import './legend.css';
import { useState } from 'react';
import { LEGEND_GROUPS, OVERLAY_LEGEND, SCHEMATIC_MARK, applicableItems } from '../theme/legend';
import type { LegendCondition, LegendItem, LegendSwatch } from '../theme/legend';
import { useAppStore } from '../state/store';
import type { Lang } from '../domain/types';

export function Swatch({ s }: { s: LegendSwatch }) {
  if (s.kind === 'fill')
    return (
      <svg className="swatch" width="22" height="14" aria-hidden="true">
        <rect
          x="1"
          y="1"
          width="20"
          height="12"
          fill={s.color}
          fillOpacity={s.opacity}
          stroke={s.outline ?? 'none'}
          strokeDasharray={s.dashedOutline ? '3 2' : undefined}
        />
        {s.inset && <rect x="4" y="4" width="14" height="6" fill="none" stroke={s.inset} strokeWidth="1.5" strokeDasharray="3 2" />}
      </svg>
    );
  if (s.kind === 'line')
    return (
      <svg className="swatch" width="22" height="14" aria-hidden="true">
        <line
          x1="2"
          y1="7"
          x2="20"
          y2="7"
          stroke={s.color}
          strokeWidth={s.width}
          strokeLinecap={s.dotted ? 'round' : undefined}
          strokeDasharray={s.dotted ? '0.1 4' : s.dashed ? '5 3' : undefined}
        />
      </svg>
    );
  const r = s.r ?? 4;
  return (
    <svg className="swatch" width="22" height="14" aria-hidden="true">
      {s.halo && <circle cx="11" cy="7" r="6.5" fill={s.color} fillOpacity="0.2" />}
      <circle
        cx="11"
        cy="7"
        r={r}
        fill={s.hollow ? 'none' : s.color}
        fillOpacity={s.opacity}
        stroke={s.stroke}
        strokeOpacity={s.opacity}
        strokeWidth={s.strokeWidth ?? 1.5}
      />
    </svg>
  );
}

/** Legend labels are i18n keys, literal pairs, or `sector:<id>` (named from the data). */
export function useLegendLabel(): (item: LegendItem, lang: Lang) => string {
  const sectors = useAppStore((s) => s.derived?.sectorNodes);
  return (item, lang) => {
    if (typeof item.label === 'string') return t(lang, item.label);
    const text = item.label[lang];
    if (text.startsWith('sector:')) {
      const node = sectors?.get(text.slice(7));
      return node ? (lang === 'zh' ? node.name_zh : node.name_en) : text.slice(7);
    }
    return text;
  };
}

/** What the legend's conditional entries depend on now. */
function useLegendNow(): Record<LegendCondition, boolean> {
  const filtered = useAppStore((s) => s.sectorFilter.length > 0);
  const sites = useAppStore((s) => s.siteSets.length > 0);
  const point = useAppStore((s) => s.chosenPoint !== null);
  return { filtered, sites, point };
}

export function LegendItems({ items }: { items: LegendItem[] }) {
  const lang = useAppStore((s) => s.lang);
  const label = useLegendLabel();
  const now = useLegendNow();
  return (
    <ul className="legend-items">
      {applicableItems(items, now).map((item, i) => (
        <li key={i} data-schematic={item.schematic ? 'true' : undefined}>
          <Swatch s={item.swatch} />
          <span>
            {label(item, lang)}
            {item.schematic && <span className="schematic-mark">{SCHEMATIC_MARK[lang]}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Windows narrower than this start with the legend folded to its title (still on the first
 * screen): open, it would cover a good part of a map under ≈1,000 px wide.
 */
const FOLDED_BELOW_PX = 1600;

/**
 * The legend over the map, on the first screen: the entries of every layer group that is on,
 * then those of the find tools and imported files that are there. It folds to its title (folded
 * at first on all but wide windows).
 */
export function MapLegend() {
  const lang = useAppStore((s) => s.lang);
  const layers = useAppStore((s) => s.layerVisibility);
  const now = useLegendNow();
  const [open, setOpen] = useState(() => typeof window === 'undefined' || window.innerWidth >= FOLDED_BELOW_PX);
  const overlays = applicableItems(OVERLAY_LEGEND, now);
  return (
    <section className={`map-legend${open ? ' open' : ''}`} aria-labelledby="map-legend-h" data-testid="map-legend">
      <h2 id="map-legend-h">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="map-legend-body"
          title={t(lang, open ? 'legendHide' : 'legendShow')}
          onClick={() => setOpen(!open)}
        >
          {t(lang, 'legend')}
          <span aria-hidden="true">{open ? ' ▾' : ' ▸'}</span>
        </button>
      </h2>
      {open && (
        <div id="map-legend-body" className="map-legend-body">
          {LEGEND_GROUPS.filter((g) => layers[g.id]).map((g) => (
            <div key={g.id} className="map-legend-group" data-group={g.id}>
              <h3>{t(lang, g.label)}</h3>
              <LegendItems items={g.legend} />
            </div>
          ))}
          {overlays.length > 0 && (
            <div className="map-legend-group" data-group="overlays">
              <h3>{t(lang, 'legendOverlays')}</h3>
              <LegendItems items={overlays} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
