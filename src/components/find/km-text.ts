/** How the panels say a distance: to 0.1 km, with the ± its two positions allow ("2.3 ± 4.0 km"). */
import { t } from '../../i18n';
import type { Lang } from '../../domain/types';

/** `pm`: km the distance may be off by (Ranked.pm); under 0.05 km it is not said. */
export function kmText(lang: Lang, km: number, pm = 0): string {
  return pm >= 0.05 ? t(lang, 'kmPm', { km: km.toFixed(1), pm: pm.toFixed(1) }) : t(lang, 'km', { km: km.toFixed(1) });
}
