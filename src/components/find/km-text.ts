/**
 * How the panels say a distance: to 0.1 km, with the ± its two positions allow ("2.3 ± 1.0 km");
 * as a range from 0 where the ± is larger than the distance ("0–6.0 km" for two parks placed at
 * one schematic point: 0.0 ± 6.0 would read as a negative distance).
 */
import { t } from '../../i18n';
import type { Lang } from '../../domain/types';

/** `pm`: km the distance may be off by (Ranked.pm); under 0.05 km it is not said. */
export function kmText(lang: Lang, km: number, pm = 0): string {
  if (pm < 0.05) return t(lang, 'km', { km: km.toFixed(1) });
  return pm > km ? t(lang, 'kmUpTo', { km: (km + pm).toFixed(1) }) : t(lang, 'kmPm', { km: km.toFixed(1), pm: pm.toFixed(1) });
}
