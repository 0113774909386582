import { Mixed } from '../Mixed';
import { st } from '../../i18n/stats';
import { selectStatsFile } from '../../state/selectors/stats';
import { clauseLabel } from '../../i18n';
import { useAppStore, useStoreApi } from '../../state/store';
import { useSectorName } from '../names';

/**
 * The data build's audit (stats.json): designations no containing zone supports, parks outside
 * every zone, zones with no park. Each item is a button that selects its place on the map and
 * moves the map to it.
 */
export function AuditList() {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const figures = useAppStore((s) => s.statsFigures);
  const file = useAppStore(selectStatsFile);
  const derived = useAppStore((s) => s.derived);
  const node = useSectorName();
  const selectedPark = useAppStore((s) => s.selectedParkId);
  const selectedZone = useAppStore((s) => s.selectedZoneId);
  if ('ok' in figures && !figures.ok)
    return (
      <p className="stats-empty" role="alert">
        {st(lang, 'auditFailed', { error: figures.error })}
      </p>
    );
  if (!file || !derived) return <p role="status">{st(lang, 'auditLoading')}</p>;
  const park = new Map(derived.parks.map((p) => [p.id, p]));
  const zone = new Map(derived.zones.map((z) => [z.id, z]));
  const parkName = (id: string) => {
    const p = park.get(id);
    return p ? (lang === 'zh' ? p.name_zh : p.name_en) : id;
  };
  const zoneName = (id: string) => {
    const z = zone.get(id);
    return z ? (lang === 'zh' ? z.name_zh : z.name_en) : id;
  };
  const openPark = (id: string) => {
    const s = store.getState();
    s.selectPark(id);
    const at = s.derived?.parkCoords.get(id);
    if (at) s.requestCamera(at[0], at[1]);
  };
  const openZone = (id: string) => {
    const s = store.getState();
    s.selectZone(id);
    const z = zone.get(id);
    if (z) s.requestCamera(z.label[0], z.label[1]);
  };
  const { audit } = file;
  const none = <p className="muted">{st(lang, 'auditNone')}</p>;
  return (
    <div className="stats-audit" data-testid="audit">
      <p className="stats-basis">{st(lang, 'auditIntro')}</p>
      <section aria-labelledby="audit-unsupported">
        <h3 id="audit-unsupported">{st(lang, 'auditUnsupported', { n: audit.unsupported.length })}</h3>
        {audit.unsupported.length === 0 ? (
          none
        ) : (
          <ul data-audit="unsupported">
            {audit.unsupported.map((u) => (
              <li key={`${u.park}|${u.node}|${u.clause}`}>
                <button type="button" className="zone-name" data-park={u.park} aria-pressed={selectedPark === u.park} onClick={() => openPark(u.park)}>
                  <Mixed
                    text={st(lang, 'auditUnsupportedItem', { park: parkName(u.park), sector: node(u.node), clause: clauseLabel(u.clause, lang) })}
                    lang={lang}
                  />
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="audit-outside">
        <h3 id="audit-outside">{st(lang, 'auditOutside', { n: audit.parksOutsideZones.length })}</h3>
        {audit.parksOutsideZones.length === 0 ? (
          none
        ) : (
          <ul data-audit="outside">
            {audit.parksOutsideZones.map((id) => (
              <li key={id}>
                <button type="button" className="zone-name" data-park={id} aria-pressed={selectedPark === id} onClick={() => openPark(id)}>
                  {parkName(id)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="audit-empty">
        <h3 id="audit-empty">{st(lang, 'auditEmptyZones', { n: audit.zonesWithoutParks.length })}</h3>
        {audit.zonesWithoutParks.length === 0 ? (
          none
        ) : (
          <ul data-audit="empty-zones">
            {audit.zonesWithoutParks.map((id) => (
              <li key={id}>
                <button type="button" className="zone-name" data-zone={id} aria-pressed={selectedZone === id} onClick={() => openZone(id)}>
                  {zoneName(id)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
