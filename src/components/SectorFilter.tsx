import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../i18n';
import { SECTOR_COLORS } from '../theme/sectors';
import { visibleParks } from '../state/filter';
import { useAppStore } from '../state/store';
import { selectFilters } from '../state/selectors/parks';

/**
 * Multi-select over “9+X”, sub-sectors included; each option shows how many parks it has under the
 * other filters (district, zone, confidence).
 */
export function SectorFilter() {
  const lang = useAppStore((s) => s.lang);
  const sectorsFile = useAppStore((s) => (s.geo?.sectors.ok ? s.geo.sectors.data : null));
  const parks = useAppStore((s) => s.derived?.parks);
  const selected = useAppStore(useShallow((s) => s.sectorFilter));
  const toggle = useAppStore((s) => s.toggleSector);
  const clear = useAppStore((s) => s.setSectors);
  const filters = useAppStore(selectFilters);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    if (!sectorsFile || !parks) return m;
    for (const s of sectorsFile.sectors)
      for (const id of [s.id, ...s.children.map((c) => c.id)]) m.set(id, visibleParks(parks, { ...filters, sectors: [id] }, sectorsFile).length);
    return m;
  }, [sectorsFile, parks, filters]);
  if (!sectorsFile) return null;
  const name = (n: { name_zh: string; name_en: string }) => (lang === 'zh' ? n.name_zh : n.name_en);
  const option = (id: string, label: string, color: string, child: boolean) => (
    <li key={id} className={child ? 'child' : 'top'}>
      <label>
        <input type="checkbox" checked={selected.includes(id)} onChange={() => toggle(id)} data-sector={id} />
        <span className="dot" style={{ background: color }} aria-hidden="true" />
        <span>{label}</span>
        <span className="count" aria-label={`${counts.get(id) ?? 0} ${t(lang, 'parks')}`}>
          {counts.get(id) ?? 0}
        </span>
      </label>
    </li>
  );
  const group = (kind: 'strategic' | 'leading') =>
    sectorsFile.sectors
      .filter((s) => s.kind === kind)
      .flatMap((s) => [option(s.id, name(s), SECTOR_COLORS[s.id], false), ...s.children.map((c) => option(c.id, name(c), SECTOR_COLORS[s.id], true))]);
  return (
    <section className="panel sector-filter" aria-labelledby="filter-h">
      <h2 id="filter-h">{t(lang, 'filterSectors')}</h2>
      {selected.length > 0 && (
        <button type="button" className="link" onClick={() => clear([])}>
          {t(lang, 'clearFilter')}
        </button>
      )}
      <fieldset>
        <legend>{t(lang, 'strategic')}</legend>
        <ul>{group('strategic')}</ul>
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'leading')}</legend>
        <ul>{group('leading')}</ul>
      </fieldset>
    </section>
  );
}
