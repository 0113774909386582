import { clauseLabel, t } from '../i18n';
import { useAppStore, useStoreApi } from '../state/store';
import type { ZoneProps } from '../loaders/schemas';
import { SectorReasons } from './ParkCard';
import { useCardFocus } from './card-focus';
import { Mixed } from './Mixed';

export function ZoneCard({ zone, onClose }: { zone: ZoneProps; onClose(): void }) {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const derived = useAppStore((s) => s.derived);
  const cardRef = useCardFocus<HTMLElement>(zone.id);
  if (!derived) return null;
  const inside = derived.parksInZone.get(zone.id) ?? [];
  const links = zone.links.map((l) => ({ ...l, via: 'designation' as const, zone: null, strength: 'named' as const }));
  const openPark = (id: string) => {
    const s = store.getState();
    s.selectPark(id);
    const at = s.derived?.parkCoords.get(id);
    if (at) s.requestCamera(at[0], at[1]);
  };
  return (
    <article ref={cardRef} className="card zone-card" aria-labelledby="card-h" data-zone={zone.id}>
      <header>
        <h2 id="card-h" tabIndex={-1}>
          {lang === 'zh' ? zone.name_zh : zone.name_en}
        </h2>
        <p className="alt-name" lang={lang === 'zh' ? 'en' : 'zh'}>
          {lang === 'zh' ? zone.name_en : zone.name_zh}
        </p>
        <button type="button" className="close" onClick={onClose} aria-label={t(lang, 'close')}>
          ×
        </button>
      </header>
      <dl className="facts">
        <dt>{t(lang, 'scope')}</dt>
        <dd data-fact="scope" data-scope={zone.scope}>
          {t(lang, `scope_${zone.scope}`)}
        </dd>
        {zone.area_km2 !== null && (
          <>
            <dt>{t(lang, 'area')}</dt>
            <dd data-fact="area">
              {zone.area_km2} km² · <span className="note">{t(lang, zone.schematic ? 'areaSchematic' : 'areaDistricts')}</span>
            </dd>
          </>
        )}
        <dt>{t(lang, 'clause')}</dt>
        <dd>{clauseLabel(zone.clause, lang)}</dd>
        {zone.role && (
          <>
            <dt>{t(lang, 'role')}</dt>
            <dd lang="zh">“{zone.role}”</dd>
          </>
        )}
      </dl>
      <h3>{t(lang, 'why')}</h3>
      <SectorReasons links={links} lang={lang} derived={derived} strengths={false} />
      <h3>{t(lang, 'derivation')}</h3>
      <p data-schematic={zone.schematic}>
        <strong>{t(lang, zone.schematic ? 'schematicZone' : 'exactZone')}</strong>
        {' · '}
        <Mixed text={lang === 'zh' ? zone.derivation_zh : zone.derivation_en} lang={lang} />
      </p>
      <h3>
        {t(lang, 'parksInside')} ({inside.length})
      </h3>
      <ul className="inside">
        {inside.map((id) => {
          const p = derived.parks.find((x) => x.id === id);
          return (
            <li key={id}>
              <button type="button" className="link" onClick={() => openPark(id)}>
                {p ? (lang === 'zh' ? p.name_zh : p.name_en) : id}
              </button>
            </li>
          );
        })}
      </ul>
    </article>
  );
}
