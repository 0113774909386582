import { t } from '../../i18n';
import { useAppStore } from '../../state/store';
import { SectorReasons } from '../ParkCard';
import type { Crs } from '../../geo/crs';

const CRS_NOTE: Record<Crs, string> = { wgs84: '', gcj02: ' · GCJ-02 → WGS-84', bd09: ' · BD-09 → WGS-84' };

/** The card of the imported site picked on the map or in the list: where it is and why each sector. */
export function SiteCard() {
  const lang = useAppStore((s) => s.lang);
  const derived = useAppStore((s) => s.derived);
  const ref = useAppStore((s) => s.selectedSite);
  const set = useAppStore((s) => (s.selectedSite ? s.siteSets.find((x) => x.id === s.selectedSite!.set) : undefined));
  const select = useAppStore((s) => s.selectSite);
  if (!ref || !set || !derived || ref.index >= set.count) return null;
  const i = ref.index;
  const combo = set.combos[set.combo[i]!]!;
  const name = set.names[i] ?? set.ids[i] ?? t(lang, 'sitesUnnamed');
  const line = set.lines[i]!;
  const d = set.district[i]!;
  const zoneName = (id: string) => {
    const z = derived.zones.find((x) => x.id === id);
    return z ? (lang === 'zh' ? z.name_zh : z.name_en) : id;
  };
  return (
    <article className="card site-card" aria-labelledby="site-card-h" data-site-set={set.id} data-site={i}>
      <header>
        <h2 id="site-card-h">{name}</h2>
        <p className="alt-name">
          {t(lang, 'sitesCardKind')}
          {set.ids[i] && set.names[i] ? ` · ${set.ids[i]}` : ''}
        </p>
        <button type="button" className="close" onClick={() => select(null)} aria-label={t(lang, 'close')}>
          ×
        </button>
      </header>
      <dl>
        <dt>{t(lang, 'district')}</dt>
        <dd className={d < 0 ? 'outside' : undefined} data-outside={d < 0 || undefined}>
          {d < 0 ? t(lang, 'sitesOutside') : (set.districtNames[d] ?? t(lang, 'none'))}
        </dd>
        <dt>{t(lang, 'zones')}</dt>
        <dd>{combo.zones.length === 0 ? t(lang, 'sitesNoZone') : combo.zones.map(zoneName).join('、')}</dd>
      </dl>
      {combo.links.length > 0 && (
        <>
          <h3>{t(lang, 'why')}</h3>
          <SectorReasons links={combo.links} lang={lang} derived={derived} />
        </>
      )}
      <dl className="provenance">
        <dt>{t(lang, 'sitesCardCoords')}</dt>
        <dd>
          {set.coords[2 * i]!.toFixed(6)}, {set.coords[2 * i + 1]!.toFixed(6)}
        </dd>
        <dt>{t(lang, 'sitesCardSource')}</dt>
        <dd>
          {set.fileName} · {line >= 0 ? t(lang, 'sitesLine', { n: line }) : t(lang, 'sitesFeature', { n: set.rows[i]! })}
          {CRS_NOTE[set.crs]}
          {set.swapped[i] === 1 && ` · ${t(lang, 'sitesCardSwapped')}`}
        </dd>
      </dl>
    </article>
  );
}
