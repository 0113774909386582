import { listSep, t } from '../../i18n';
import { ti } from '../../i18n/sites-import';
import './site-card.css';
import { useDistrictName } from '../names';
import { useAppStore } from '../../state/store';
import { SectorReasons } from '../ParkCard';
import type { Crs } from '../../geo/crs';
import { useCardFocus } from '../card-focus';
import { stringAt } from '../../lib/string-column';
import { selectSiteNearest } from '../../state/selectors/find';
import { ParkRows } from '../find/FindRight';

const CRS_NOTE: Record<Crs, string> = { wgs84: '', gcj02: ' · GCJ-02 → WGS-84', bd09: ' · BD-09 → WGS-84' };

/** The card of the imported site picked on the map or in the list: where it is and why each sector. */
export function SiteCard() {
  const lang = useAppStore((s) => s.lang);
  const district = useDistrictName();
  const derived = useAppStore((s) => s.derived);
  const ref = useAppStore((s) => s.selectedSite);
  const set = useAppStore((s) => (s.selectedSite ? s.siteSets.find((x) => x.id === s.selectedSite!.set) : undefined));
  const select = useAppStore((s) => s.selectSite);
  const near = useAppStore(selectSiteNearest);
  const cardRef = useCardFocus<HTMLElement>(ref ? `${ref.set}:${ref.index}` : '');
  if (!ref || !set || !derived || ref.index >= set.count) return null;
  const i = ref.index;
  const combo = set.combos[set.combo[i]!]!;
  const id = stringAt(set.ids, i);
  const given = stringAt(set.names, i);
  const name = given ?? id ?? ti(lang, 'sitesUnnamed');
  const line = set.lines[i]!;
  const d = set.district[i]!;
  const zoneName = (id: string) => {
    const z = derived.zones.find((x) => x.id === id);
    return z ? (lang === 'zh' ? z.name_zh : z.name_en) : id;
  };
  return (
    <article ref={cardRef} className="card site-card" aria-labelledby="site-card-h" data-site-set={set.id} data-site={i}>
      <header>
        <h2 id="site-card-h" tabIndex={-1} dir="auto" title={name}>
          {name}
        </h2>
        <p className="alt-name">
          {ti(lang, 'sitesCardKind')}
          {id && given ? ' · ' : ''}
          {id && given ? <bdi>{id}</bdi> : null}
        </p>
        <button type="button" className="close" onClick={() => select(null)} aria-label={t(lang, 'close')}>
          ×
        </button>
      </header>
      <dl>
        <dt>{t(lang, 'district')}</dt>
        <dd className={d < 0 ? 'outside' : undefined} data-outside={d < 0 || undefined}>
          {d < 0 ? ti(lang, 'sitesOutside') : set.districtNames[d] ? district(set.districtNames[d]) : t(lang, 'none')}
        </dd>
        <dt>{t(lang, 'zones')}</dt>
        <dd>{combo.zones.length === 0 ? ti(lang, 'sitesNoZone') : combo.zones.map(zoneName).join(listSep(lang))}</dd>
      </dl>
      {near && near.length > 0 && (
        // how far the nearest parks are (those the filters show), a site outside Shanghai too
        <section className="site-nearest">
          <h3>{ti(lang, 'sitesNearest')}</h3>
          <ParkRows rows={near} testid="site-nearest" />
        </section>
      )}
      {combo.links.length > 0 && (
        <>
          <h3>{t(lang, 'why')}</h3>
          <SectorReasons links={combo.links} lang={lang} derived={derived} />
        </>
      )}
      <dl className="provenance">
        <dt>{ti(lang, 'sitesCardCoords')}</dt>
        <dd>
          {set.coords[2 * i]!.toFixed(6)}, {set.coords[2 * i + 1]!.toFixed(6)}
        </dd>
        <dt>{ti(lang, 'sitesCardSource')}</dt>
        <dd>
          <bdi>{set.fileName}</bdi> · {line >= 0 ? ti(lang, 'sitesLine', { n: line }) : ti(lang, 'sitesFeature', { n: set.rows[i]! })}
          {CRS_NOTE[set.crs]}
          {set.swapped[i] === 1 && ` · ${ti(lang, 'sitesCardSwapped')}`}
        </dd>
      </dl>
    </article>
  );
}
