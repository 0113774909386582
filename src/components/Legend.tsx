import { t } from '../i18n';
import type { LegendItem, LegendSwatch } from '../theme/legend';
import { useAppStore } from '../state/store';
import type { Lang } from '../domain/types';

export function Swatch({ s }: { s: LegendSwatch }) {
  if (s.kind === 'fill')
    return (
      <svg className="swatch" width="22" height="14" aria-hidden="true">
        <rect x="1" y="1" width="20" height="12" fill={s.color} fillOpacity={s.opacity} stroke={s.outline ?? 'none'} />
      </svg>
    );
  if (s.kind === 'line')
    return (
      <svg className="swatch" width="22" height="14" aria-hidden="true">
        <line x1="1" y1="7" x2="21" y2="7" stroke={s.color} strokeWidth={s.width} strokeDasharray={s.dashed ? '5 3' : undefined} />
      </svg>
    );
  return (
    <svg className="swatch" width="22" height="14" aria-hidden="true">
      {s.halo && <circle cx="11" cy="7" r="6.5" fill={s.color} fillOpacity="0.2" />}
      <circle cx="11" cy="7" r="4" fill={s.hollow ? 'none' : s.color} stroke={s.stroke} strokeWidth="1.5" />
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

export function LegendItems({ items }: { items: LegendItem[] }) {
  const lang = useAppStore((s) => s.lang);
  const label = useLegendLabel();
  return (
    <ul className="legend-items">
      {items.map((item, i) => (
        <li key={i}>
          <Swatch s={item.swatch} />
          <span>{label(item, lang)}</span>
        </li>
      ))}
    </ul>
  );
}
