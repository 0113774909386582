/**
 * The chooser a map click opens where several places lie under the pointer: a list (parks
 * first, then zones from the smallest to the largest) next to the click, or a sheet at the foot
 * of a narrow map. ↑/↓/Home/End move, Enter or a click opens the place (its card; the map
 * highlights it), Esc closes.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { t } from '../i18n';
import type { StringKey } from '../i18n';
import { useAppStore } from '../state/store';
import type { AppState } from '../state/store';
import type { ChooserItem } from '../state/slices/chooser';
import { primarySector } from '../state/filter';
import { SECTOR_COLORS } from '../theme/sectors';
import { LAYOUT_STYLES, zoneColor } from '../theme/map-colors';
import type { TopSectorId } from '../domain/ids';
import type { Lang } from '../domain/types';
import type { LegendSwatch } from '../theme/legend';
import { Swatch } from './Legend';
import './map-chooser.css';

/** narrower maps get the chooser as a sheet at their foot */
const SHEET_BELOW_PX = 600;
const GAP_PX = 10;

/** The layer-panel group a zone belongs to (its label names the layout). */
const GROUP_LABEL: Record<string, StringKey> = {
  'two-poles': 'group_poles',
  'service-belt': 'group_serviceBelt',
  'h-belt': 'group_hBelt',
  'ic-one-body-two-wings': 'group_ic',
  'biomed-1-5-x': 'group_biomed',
  'ai-4-x': 'group_ai',
  'digital-industries': 'group_digital',
  'fintech-two-cities-one-belt-one-port': 'group_digital',
};

interface Row {
  item: ChooserItem;
  name: string;
  meta: string;
  swatch: LegendSwatch;
}

/** What a row needs from the store. */
type RowState = Pick<AppState, 'derived' | 'geo' | 'sectorFilter'>;

function rowOf(s: RowState, item: ChooserItem, lang: Lang): Row | null {
  const name = (x: { name_zh: string; name_en: string }) => (lang === 'zh' ? x.name_zh : x.name_en);
  if (item.kind === 'park') {
    const p = s.derived?.parks.find((x) => x.id === item.id);
    if (!p) return null;
    const top = primarySector(p, s.sectorFilter, s.geo?.sectors.ok ? s.geo.sectors.data : null) as TopSectorId | null;
    const district = s.geo?.districts.ok ? s.geo.districts.data.features.find((f) => f.properties.name_zh === p.district)?.properties : undefined;
    return {
      item,
      name: name(p),
      meta: [t(lang, 'chooserPark'), district ? name(district) : p.district].filter(Boolean).join(' · '),
      swatch: { kind: 'circle', color: top ? SECTOR_COLORS[top] : '#777777', stroke: '#ffffff' },
    };
  }
  const z = s.derived?.zones.find((x) => x.id === item.id);
  if (!z) return null;
  const layout = z.group in LAYOUT_STYLES;
  const group = GROUP_LABEL[z.group];
  const area = typeof z.area_km2 === 'number' ? t(lang, 'chooserArea', { a: z.area_km2 >= 100 ? Math.round(z.area_km2) : z.area_km2.toFixed(1) }) : null;
  return {
    item,
    name: name(z),
    meta: [group ? t(lang, group) : null, area].filter(Boolean).join(' · '),
    swatch: layout
      ? { kind: 'line', color: zoneColor(z.group), width: 2, dashed: true }
      : { kind: 'fill', color: zoneColor(z.group), opacity: 0.3, outline: zoneColor(z.group) },
  };
}

const NO_SECTORS: string[] = [];

export function MapChooser() {
  const chooser = useAppStore((s) => s.chooser);
  const lang = useAppStore((s) => s.lang);
  const derived = useAppStore((s) => s.derived);
  const geo = useAppStore((s) => s.geo);
  // the swatches' colours follow the sector selection while a chooser is open (none: no re-render)
  const sectorFilter = useAppStore((s) => (s.chooser ? s.sectorFilter : NO_SECTORS));
  const rows = useMemo(() => chooser?.items.map((item) => rowOf({ derived, geo, sectorFilter }, item, lang)), [chooser, derived, geo, sectorFilter, lang]);
  const close = useAppStore((s) => s.closeChooser);
  const choose = useAppStore((s) => s.chooseItem);
  // the active row, for the chooser it was set in (a new chooser starts at its first row)
  const [activeIn, setActiveIn] = useState<{ chooser: AppState['chooser']; i: number }>({ chooser: null, i: 0 });
  const active = activeIn.chooser === chooser ? activeIn.i : 0;
  const setActive = (i: number) => setActiveIn({ chooser, i });
  const [place, setPlace] = useState<{ left: number; top: number } | 'sheet' | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const before = useRef<Element | null>(null);

  // a new chooser: focus in the list (and back where it was when it closes)
  useEffect(() => {
    if (!chooser) return;
    before.current = document.activeElement;
    list.current?.focus({ preventScroll: true });
    return () => {
      const el = before.current;
      if (el instanceof HTMLElement && el.isConnected && document.activeElement === document.body) el.focus({ preventScroll: true });
    };
  }, [chooser]);

  // next to the click, inside the map; a sheet at the foot of a narrow map
  useLayoutEffect(() => {
    const el = box.current;
    const parent = el?.offsetParent as HTMLElement | null;
    if (!el || !parent || !chooser) return;
    const w = parent.clientWidth;
    const h = parent.clientHeight;
    if (w < SHEET_BELOW_PX || !chooser.at) return setPlace('sheet');
    const { x, y } = chooser.at;
    const left = x + GAP_PX + el.offsetWidth <= w - GAP_PX ? x + GAP_PX : Math.max(GAP_PX, x - GAP_PX - el.offsetWidth);
    const top = Math.min(Math.max(GAP_PX, y - 20), Math.max(GAP_PX, h - GAP_PX - el.offsetHeight));
    setPlace({ left, top });
  }, [chooser]);

  if (!chooser || !rows) return null;
  const shown = rows.filter((r): r is Row => r !== null);
  const at = Math.min(active, shown.length - 1);
  const optionId = (i: number) => `map-chooser-${i}`;

  const onKey = (e: KeyboardEvent) => {
    const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: shown.length - 1 }[e.key];
    if (move !== undefined) {
      e.preventDefault();
      const next = Math.min(Math.max(move, 0), shown.length - 1);
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (shown[at]) choose(shown[at].item);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  return (
    <div
      ref={box}
      className={`map-chooser${place === 'sheet' ? ' sheet' : ''}`}
      style={place && place !== 'sheet' ? { left: place.left, top: place.top } : place === null ? { visibility: 'hidden' } : undefined}
      data-testid="map-chooser"
    >
      <div className="map-chooser-head">
        <span id="map-chooser-title">{t(lang, 'chooserTitle', { n: shown.length })}</span>
        <button type="button" className="close" onClick={close} aria-label={t(lang, 'close')}>
          ×
        </button>
      </div>
      <ul
        ref={list}
        role="listbox"
        tabIndex={0}
        aria-labelledby="map-chooser-title"
        aria-activedescendant={shown.length ? optionId(at) : undefined}
        onKeyDown={onKey}
      >
        {shown.map((r, i) => (
          <li
            key={`${r.item.kind}:${r.item.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === at}
            data-kind={r.item.kind}
            data-id={r.item.id}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(r.item)}
          >
            <Swatch s={r.swatch} />
            <span className="map-chooser-text">
              <span className="map-chooser-name">{r.name}</span>
              <span className="map-chooser-meta">{r.meta}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="map-chooser-hint">{t(lang, 'chooserHint')}</p>
    </div>
  );
}
