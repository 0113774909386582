import { useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../i18n';
import { SECTOR_COLORS } from '../theme/sectors';
import { parksForSelection, primarySector } from '../state/filter';
import { useAppStore, useStoreApi } from '../state/store';
import type { TopSectorId } from '../loaders/schemas';

/** The parks of the current filter, as an accessible list; ↑/↓ move, Enter selects on the map. */
export function ParkList() {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const parks = useAppStore((s) => s.derived?.parks);
  const sectorsFile = useAppStore((s) => (s.geo?.sectors.ok ? s.geo.sectors.data : null));
  const selected = useAppStore(useShallow((s) => s.sectors));
  const current = useAppStore((s) => s.park);
  const listRef = useRef<HTMLUListElement>(null);
  const shown = useMemo(() => {
    if (!parks) return [];
    const ids = new Set(parksForSelection(parks, selected, sectorsFile));
    const key = lang === 'zh' ? 'name_zh' : 'name_en';
    return parks.filter((p) => ids.has(p.id)).sort((a, b) => a[key].localeCompare(b[key], lang === 'zh' ? 'zh-Hans-CN' : 'en'));
  }, [parks, selected, sectorsFile, lang]);
  if (!parks) return null;

  const choose = (id: string) => {
    const s = store.getState();
    s.selectPark(id);
    const at = s.derived?.parkCoords.get(id);
    if (at) s.requestCamera(at[0], at[1]);
  };
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-park]');
    if (!buttons) return;
    const go = (j: number) => {
      e.preventDefault();
      buttons[Math.max(0, Math.min(buttons.length - 1, j))]?.focus();
    };
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(buttons.length - 1);
  };

  return (
    <section className="panel park-list" aria-labelledby="parks-h">
      <h2 id="parks-h">{t(lang, 'parks')}</h2>
      <p className="count-line" role="status">
        {t(lang, 'parksShown', { n: shown.length, total: parks.length })}
      </p>
      <ul role="list" aria-label={lang === 'zh' ? '园区' : 'Parks'} ref={listRef}>
        {shown.map((p, i) => {
          const top = primarySector(p, selected, sectorsFile) as TopSectorId | null;
          return (
            <li key={p.id} role="listitem">
              <button
                type="button"
                data-park={p.id}
                aria-current={current === p.id ? 'true' : undefined}
                onClick={() => choose(p.id)}
                onKeyDown={(e) => onKey(e, i)}
              >
                <span className="dot" style={{ background: top ? SECTOR_COLORS[top] : '#777' }} aria-hidden="true" />
                <span className="park-name">{lang === 'zh' ? p.name_zh : p.name_en}</span>
                <span className="park-district">{p.district}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
