/**
 * Every filter that narrows the parks, as a chip that drops it: sectors (and whether broad areas
 * count), districts, zones, location confidence, what puts a park on the map (plan or list), the
 * radius around the chosen point and the drawn area. The count says how many parks pass them all (the one visibility rule).
 */
import { useShallow } from 'zustand/react/shallow';
import { t } from '../../i18n';
import { useAppStore, useSettledStore, useStoreApi } from '../../state/store';
import type { AppState } from '../../state/store';
import { useDistrictName, useSectorName } from '../names';
import type { Basis, Confidence } from '../../domain/ids';

/** Drops every filter the chips show. */
export function clearAllFilters(s: AppState): void {
  s.setSectors([]);
  s.setIncludeBroad(false);
  s.clearFindFilters();
  s.setRadiusKm(null);
  void s.setDrawnArea(null);
}

/** clearAllFilters on the store of the tree. */
export function useClearAllFilters(): () => void {
  const store = useStoreApi();
  return () => clearAllFilters(store.getState());
}

interface Chip {
  key: string;
  label: string;
  drop(): void;
}

export function FilterChips() {
  const lang = useAppStore((s) => s.lang);
  const derived = useAppStore((s) => s.derived);
  // the chips follow a filter change in the interruptible render after it
  const f = useSettledStore((s) => ({
    sectors: s.sectorFilter,
    includeBroad: s.includeBroad,
    districts: s.districtFilter,
    zones: s.zoneFilter,
    conf: s.confFilter,
    basis: s.basisFilter,
    radiusKm: s.chosenPoint ? s.radiusKm : null,
    area: s.drawnArea !== null,
  }));
  const a = useAppStore(
    useShallow((s) => ({
      toggleSector: s.toggleSector,
      setIncludeBroad: s.setIncludeBroad,
      toggleDistrict: s.toggleDistrict,
      toggleZoneFilter: s.toggleZoneFilter,
      toggleConf: s.toggleConf,
      toggleBasis: s.toggleBasis,
      setRadiusKm: s.setRadiusKm,
      setDrawnArea: s.setDrawnArea,
    })),
  );
  const clearAll = useClearAllFilters();
  const district = useDistrictName();
  const nodeName = useSectorName();
  if (!derived) return null;
  const zoneName = (id: string) => {
    const z = derived.zones.find((x) => x.id === id);
    return z ? (lang === 'zh' ? z.name_zh : z.name_en) : id;
  };
  const chips: Chip[] = [
    ...f.sectors.map((id) => ({ key: `sector:${id}`, label: nodeName(id), drop: () => a.toggleSector(id) })),
    ...(f.sectors.length && f.includeBroad ? [{ key: 'broad', label: t(lang, 'chipBroad'), drop: () => a.setIncludeBroad(false) }] : []),
    ...f.districts.map((d) => ({ key: `district:${d}`, label: district(d), drop: () => a.toggleDistrict(d) })),
    ...f.zones.map((id) => ({ key: `zone:${id}`, label: zoneName(id), drop: () => a.toggleZoneFilter(id) })),
    ...f.conf.map((c: Confidence) => ({ key: `conf:${c}`, label: `${t(lang, 'filterConf')}: ${t(lang, `conf_${c}`)}`, drop: () => a.toggleConf(c) })),
    ...f.basis.map((b: Basis) => ({ key: `basis:${b}`, label: t(lang, `chipBasis_${b}`), drop: () => a.toggleBasis(b) })),
    ...(f.radiusKm !== null ? [{ key: 'radius', label: t(lang, 'chipRadius', { km: f.radiusKm }), drop: () => a.setRadiusKm(null) }] : []),
    ...(f.area ? [{ key: 'area', label: t(lang, 'chipArea'), drop: () => void a.setDrawnArea(null) }] : []),
  ];
  if (chips.length === 0) return null;
  return (
    <div className="filter-chips" role="group" aria-label={t(lang, 'activeFilters')} data-testid="filter-chips">
      <ul>
        {chips.map((c) => (
          <li key={c.key} data-chip={c.key}>
            <span className="chip-label">{c.label}</span>
            <button type="button" className="chip-drop" aria-label={t(lang, 'removeFilter', { name: c.label })} onClick={c.drop}>
              ×
            </button>
          </li>
        ))}
        {chips.length > 1 && (
          <li className="chip-clear">
            <button type="button" className="link" onClick={clearAll}>
              {t(lang, 'clearAllFilters')}
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
