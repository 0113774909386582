import { t } from '../i18n';
import './legend.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useRovingGroup } from './roving-group';
import { LEGEND_GROUPS, OVERLAY_LEGEND, SCHEMATIC_MARK, applicableItems } from '../theme/legend';
import { BASIS_RING } from '../theme/map-colors';
import type { LegendCondition, LegendItem, LegendSwatch } from '../theme/legend';
import { useAppStore } from '../state/store';
import type { Lang } from '../domain/types';
import { Caret } from './Caret';

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
  // a basis ring needs the room around the dot: the swatch is taller then
  const h = s.ring ? 22 : 14;
  const cy = h / 2;
  return (
    <svg className="swatch" width="22" height={h} aria-hidden="true">
      {s.halo && <circle cx="11" cy={cy} r="6.5" fill={s.color} fillOpacity="0.2" />}
      {s.ring && <circle cx="11" cy={cy} r={r + 2 + s.ring / 2 + 0.75} fill="none" stroke={BASIS_RING.color} strokeWidth={s.ring} />}
      <circle
        cx="11"
        cy={cy}
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

/**
 * What the legend's conditional entries depend on now. The legend on screen always explains the
 * strength sizes and the imported sites' colours (`explain`), so that they can be read before
 * they are used; the chosen point only while there is one.
 */
function useLegendNow(explain: boolean): Record<LegendCondition, boolean> {
  // (a legend that explains everything does not re-render when a filter changes)
  const filtered = useAppStore((s) => explain || s.sectorFilter.length > 0);
  const sites = useAppStore((s) => explain || s.siteSets.length > 0);
  const point = useAppStore((s) => s.chosenPoint !== null);
  return { filtered, sites, point };
}

export function LegendItems({
  items,
  lang,
  now,
  colours = null,
}: {
  items: LegendItem[];
  lang: Lang;
  now: Record<LegendCondition, boolean>;
  /** the sectors whose colour the dots can show (null: every sector) */
  colours?: ReadonlySet<string> | null;
}) {
  const label = useLegendLabel();
  return (
    <ul className="legend-items">
      {applicableItems(items, now, colours).map((item, i) => (
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
 * The legend's body in a language: every layer group (with its switch when `switches`, else only
 * the groups that are on, under their names), each group that is on with its entries, then what
 * the find tools and imported files add. Schematic entries carry the mark.
 */
export function Legend({ lang, switches = false, onlineAvailable = false }: { lang: Lang; switches?: boolean; onlineAvailable?: boolean }) {
  const layers = useAppStore((s) => s.layerVisibility);
  const setVisible = useAppStore((s) => s.setLayerVisible);
  const online = useAppStore((s) => s.onlineBasemap);
  const setOnline = useAppStore((s) => s.setOnlineBasemap);
  const now = useLegendNow(true);
  const overlays = applicableItems(OVERLAY_LEGEND, now);
  // the switches are one Tab stop, arrows move between them
  const group = useRef<HTMLUListElement>(null);
  const roving = useRovingGroup(group, 'input[type="checkbox"]');
  return (
    <ul className="layer-groups" ref={group} {...roving}>
      {LEGEND_GROUPS.filter((g) => switches || layers[g.id]).map((g) => (
        <li key={g.id} data-group={g.id} data-on={layers[g.id]}>
          {switches ? (
            <label>
              <input type="checkbox" checked={layers[g.id]} onChange={(e) => setVisible(g.id, e.target.checked)} />
              <span className="group-name">{t(lang, g.label)}</span>
            </label>
          ) : (
            <h3 className="group-name">{t(lang, g.label)}</h3>
          )}
          {layers[g.id] && <LegendItems items={g.legend} lang={lang} now={now} />}
        </li>
      ))}
      {switches && onlineAvailable && (
        <li>
          <label>
            <input type="checkbox" checked={online} onChange={(e) => setOnline(e.target.checked)} />
            <span className="group-name">{t(lang, 'onlineBasemap')}</span>
          </label>
        </li>
      )}
      {overlays.length > 0 && (
        <li data-group="overlays">
          <h3 className="group-name">{t(lang, 'legendOverlays')}</h3>
          <LegendItems items={overlays} lang={lang} now={now} />
        </li>
      )}
    </ul>
  );
}

/**
 * Open at first on a large screen, where it leaves the map room; its title on a narrow or low one
 * (a phone; a projector's 1280×720 or a laptop's 1366×768, where open it would cover about a third
 * of the map's width and most of its height).
 */
const startsOpen = (): boolean =>
  typeof window === 'undefined' || typeof window.matchMedia !== 'function' || !window.matchMedia('(max-width: 1100px), (max-height: 799px)').matches;

/** Below this width (px) the open legend (about 230 px) would cover over a third of the map. */
const NARROW_MAP_PX = 600;

/**
 * Folds the legend when its map narrows below NARROW_MAP_PX (a comparison opening beside it, a
 * window made narrower), and opens it again when the map widens, if it was folded for that; the
 * reader's own toggling stands.
 */
function useFoldOnNarrowMap(ref: React.RefObject<HTMLElement | null>, open: boolean, setOpen: (v: boolean) => void): () => void {
  const folded = useRef(false);
  const isOpen = useRef(open);
  useEffect(() => {
    isOpen.current = open;
  }, [open]);
  useEffect(() => {
    const map = ref.current?.closest('.map-area');
    if (!map || typeof ResizeObserver === 'undefined') return;
    let narrow = map.clientWidth < NARROW_MAP_PX;
    const ro = new ResizeObserver(() => {
      const now = map.clientWidth < NARROW_MAP_PX;
      if (now === narrow) return;
      narrow = now;
      if (now && isOpen.current) {
        folded.current = true;
        setOpen(false);
      } else if (!now && folded.current && !isOpen.current) {
        folded.current = false;
        setOpen(true);
      }
    });
    ro.observe(map);
    return () => ro.disconnect();
  }, [ref, setOpen]);
  // the reader's toggle: what they chose is kept when the map widens again
  return () => {
    folded.current = false;
  };
}

/**
 * The one legend, over the map on the first screen: every layer with its switch and, for each
 * that is on, its entries (schematic ones marked), the parks' basis, strength and halo, then the
 * find tools and imported sites. It folds to its title.
 */
export function MapLegend({ onlineAvailable }: { onlineAvailable: boolean }) {
  const lang = useAppStore((s) => s.lang);
  const [open, setOpen] = useState(startsOpen);
  const body = useId();
  const ref = useRef<HTMLElement>(null);
  const toggled = useFoldOnNarrowMap(ref, open, setOpen);
  return (
    <section ref={ref} className="layer-panel" aria-labelledby="map-legend-h" data-open={open} data-testid="map-legend" data-map-cover>
      <h2 id="map-legend-h">
        <button
          type="button"
          className="legend-toggle"
          aria-expanded={open}
          aria-controls={body}
          title={t(lang, open ? 'legendHide' : 'legendShow')}
          onClick={() => {
            toggled();
            setOpen(!open);
          }}
          data-testid="legend-toggle"
        >
          <span>
            {t(lang, 'layers')} · {t(lang, 'legend')}
          </span>
          <span className="caret" aria-hidden="true">
            <Caret dir={open ? 'down' : 'up'} />
          </span>
        </button>
      </h2>
      <div className="legend-body" id={body} hidden={!open}>
        <Legend lang={lang} switches onlineAvailable={onlineAvailable} />
      </div>
    </section>
  );
}
