/**
 * Names the panels show in the UI's language: a district (the data keys districts by their
 * Chinese name; districts.geojson has the English one) and a sector. A name the data does not
 * know shows as given.
 */
import { useCallback, useMemo } from 'react';
import { useAppStore } from '../state/store';
import type { Lang } from '../domain/types';

/** Chinese district name → English name, from the loaded districts. */
export function useDistrictNames(): ReadonlyMap<string, string> {
  const geo = useAppStore((s) => s.geo);
  return useMemo(() => new Map(geo?.districts.ok ? geo.districts.data.features.map((f) => [f.properties.name_zh, f.properties.name_en]) : []), [geo]);
}

/** A district's name in the UI language (a name the data does not know is shown as given); the function is the same until the language or the data changes, so memoised text may depend on it. */
export function useDistrictName(): (nameZh: string | null | undefined) => string {
  const lang = useAppStore((s) => s.lang);
  const names = useDistrictNames();
  return useCallback((nameZh) => (nameZh == null ? '' : lang === 'zh' ? nameZh : (names.get(nameZh) ?? nameZh)), [lang, names]);
}

/** A sector's or sub-sector's name in `lang`, from the derived sector nodes (an id they do not know is shown as given). */
export function sectorNameIn(nodes: ReadonlyMap<string, { name_zh: string; name_en: string }> | undefined, id: string, lang: Lang): string {
  const n = nodes?.get(id);
  return n ? (lang === 'zh' ? n.name_zh : n.name_en) : id;
}

/** A sector's or sub-sector's name in the UI language. */
export function useSectorName(): (id: string) => string {
  const lang = useAppStore((s) => s.lang);
  const nodes = useAppStore((s) => s.derived?.sectorNodes);
  return (id) => sectorNameIn(nodes, id, lang);
}
