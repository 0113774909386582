import { Suspense, useCallback, useMemo } from 'react';
import { inParens, listSep, t } from '../../i18n';
import { st } from '../../i18n/stats';
import { LINK_STRENGTHS } from '../../domain/ids';
import { selectDistrictNames, selectDistrictProfile, selectDistrictRanking, selectRankingSector } from '../../state/selectors/stats';
import type { RankedDistrict } from '../../state/stats/district';
import { matrixRows } from '../../state/stats/matrix';
import { sectorsFileOf } from '../../state/selectors/parks';
import { useAppStore, useStoreApi } from '../../state/store';
import { useDistrictName, useSectorName } from '../names';
import type { RankingText } from './RankingChart';
import { lazyPart } from '../lazy-part';
import { PanelBoundary } from '../PanelBoundary';

// the ranking's chart library loads with the first profile shown
const RankingChart = lazyPart(
  () => import('./RankingChart'),
  (m) => m.default,
);

const PLAN = '沪府办发〔2021〕10号';
const pct = (x: number) => (x < 0.005 ? '<1%' : `${Math.round(x * 100)}%`);
const km2Text = (x: number) => (x < 10 ? x.toFixed(1) : String(Math.round(x)));

/**
 * The district profile: a district chosen from a list (or from the matrix's column header, or a
 * ranking bar), the zones covering it with their share of its area, its sectors by link strength,
 * its parks, and every district ranked by parks of the sector in the sector filter.
 */
export function DistrictProfile() {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const names = useAppStore(selectDistrictNames);
  const p = useAppStore(selectDistrictProfile);
  const ranking = useAppStore(selectDistrictRanking);
  const rankSector = useAppStore(selectRankingSector);
  const figures = useAppStore((s) => s.statsFigures);
  const file = useAppStore(sectorsFileOf);
  const sector = useSectorName();
  const includeBroad = useAppStore((s) => s.includeBroad);
  const setStatsDistrict = useAppStore((s) => s.setStatsDistrict);
  const requestDistrict = useAppStore((s) => s.requestDistrict);
  const setSectors = useAppStore((s) => s.setSectors);
  const parkNames = useAppStore((s) => s.derived?.parks);
  const district = useDistrictName();
  const park = useMemo(() => new Map((parkNames ?? []).map((x) => [x.id, x])), [parkNames]);
  const rows = useMemo(() => matrixRows(file), [file]);
  const sectorLabel = rankSector === null ? st(lang, 'rankAll') : sector(rankSector);
  const text = useMemo<RankingText>(
    () => ({
      title: st(lang, 'rankTitle', { sector: sectorLabel }),
      unit: st(lang, 'rankUnit'),
      source: st(lang, 'rankSource', { plan: PLAN, strengths: st(lang, includeBroad ? 'matrixBroad' : 'matrixStrong') }),
      description: st(lang, rankSector === null ? 'rankDescriptionAll' : 'rankDescription', {
        sector: sectorLabel,
        top: ranking
          .filter((r) => r.rank <= 3 && r.parks > 0)
          .map((r) => `${district(r.district)} ${r.parks}`)
          .join(lang === 'zh' ? '，' : ', '),
      }),
      bar: (r: RankedDistrict) => st(lang, 'rankBar', { rank: r.rank, district: district(r.district), n: r.parks }),
      svg: st(lang, 'exportSvg'),
      png: st(lang, 'exportPng'),
    }),
    [lang, rankSector, sectorLabel, includeBroad, ranking, district],
  );
  // a district chosen here is framed on the map, clear of this view
  const choose = useCallback(
    (d: string) => {
      setStatsDistrict(d);
      requestDistrict(d);
    },
    [setStatsDistrict, requestDistrict],
  );
  const openPark = (id: string) => {
    const s = store.getState();
    s.selectPark(id);
    const at = s.derived?.parkCoords.get(id);
    if (at) s.requestCamera(at[0], at[1]);
  };
  const openZone = (id: string) => {
    const s = store.getState();
    s.selectZone(id);
    const z = s.derived?.zones.find((x) => x.id === id);
    if (z) s.requestCamera(z.label[0], z.label[1]);
  };
  if (!p) return null;
  const sep = listSep(lang);
  return (
    <div className="stats-profile" data-testid="district-profile" data-district={p.district}>
      <div className="stats-toolbar">
        <label>
          {st(lang, 'profileDistrict')}{' '}
          <select value={p.district} onChange={(e) => choose(e.target.value)} data-testid="profile-district">
            {names.map((d) => (
              <option key={d} value={d}>
                {district(d)}
              </option>
            ))}
          </select>
        </label>
        {p.km2 !== null && <span className="stats-basis">{st(lang, 'profileArea', { km2: km2Text(p.km2) })}</span>}
      </div>
      <p className="stats-basis">{st(lang, 'profileBasis')}</p>
      {'ok' in figures && !figures.ok && (
        <p className="stats-empty" role="alert">
          {st(lang, 'auditFailed', { error: figures.error })}
        </p>
      )}

      <h3>{st(lang, 'profileZones')}</h3>
      {p.zones.length === 0 ? (
        <p className="muted">{'ok' in figures ? st(lang, 'profileZonesNone') : st(lang, 'auditLoading')}</p>
      ) : (
        <div className="stats-scroll">
          <table className="stats-zones fit" data-testid="profile-zones">
            <caption className="visually-hidden">{st(lang, 'profileZones')}</caption>
            <thead>
              <tr>
                <th scope="col">{st(lang, 'zoneName')}</th>
                <th scope="col">{st(lang, 'zoneKind')}</th>
                <th scope="col">{st(lang, 'profileZoneKm2')}</th>
                <th scope="col">{st(lang, 'profileZoneShare')}</th>
              </tr>
            </thead>
            <tbody>
              {p.zones.map((z) => (
                <tr key={z.id} data-zone={z.id} data-share={z.shareOfDistrict.toFixed(4)}>
                  <th scope="row">
                    <button type="button" className="zone-name" onClick={() => openZone(z.id)}>
                      {lang === 'zh' ? z.name_zh : z.name_en}
                    </button>
                  </th>
                  <td>{st(lang, `kind_${z.kind}`)}</td>
                  <td className="num">
                    {z.schematic ? '≈' : ''}
                    {km2Text(z.km2)}
                    {z.schematic && <span className="muted">{inParens(st(lang, 'zoneSchematic'), lang)}</span>}
                  </td>
                  <td className="num">{pct(z.shareOfDistrict)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.edges > 0 && (
        <p className="muted" data-testid="profile-edges">
          {st(lang, 'profileEdges', { n: p.edges })}
        </p>
      )}

      <h3>{st(lang, 'profileSectors')}</h3>
      {p.sectors.length === 0 ? (
        <p className="muted">{st(lang, 'profileSectorsNone')}</p>
      ) : (
        <div className="stats-scroll">
          <table className="stats-zones fit" data-testid="profile-sectors">
            <caption className="visually-hidden">{st(lang, 'profileSectors')}</caption>
            <thead>
              <tr>
                <th scope="col">{st(lang, 'matrixSector')}</th>
                {LINK_STRENGTHS.map((k) => (
                  <th key={k} scope="col">
                    {st(lang, `strength_${k}`)}
                  </th>
                ))}
                <th scope="col">{st(lang, 'matrixRowTotal')}</th>
              </tr>
            </thead>
            <tbody>
              {p.sectors.map((r) => (
                <tr key={r.sector} data-sector={r.sector}>
                  <th scope="row">
                    {rows.some((x) => x.id === r.sector) ? (
                      <button
                        type="button"
                        className="zone-name"
                        aria-pressed={rankSector === r.sector}
                        aria-label={`${sector(r.sector)} — ${st(lang, 'rankSector')}`}
                        onClick={() => setSectors([r.sector])}
                      >
                        {sector(r.sector)}
                      </button>
                    ) : (
                      sector(r.sector)
                    )}
                  </th>
                  {LINK_STRENGTHS.map((k) => (
                    <td key={k} className="num" data-strength={k}>
                      {r.byStrength[k] || <span className="zero">0</span>}
                    </td>
                  ))}
                  <td className="num total">{r.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <details className="profile-parks">
        <summary>{st(lang, 'profileParks', { n: p.parks.length })}</summary>
        <ul data-testid="profile-parks">
          {p.parks.map((id) => {
            const x = park.get(id);
            return (
              <li key={id}>
                <button type="button" className="zone-name" data-park={id} onClick={() => openPark(id)}>
                  {x ? (lang === 'zh' ? x.name_zh : x.name_en) : id}
                </button>
                {x && x.sectors.length > 0 && <span className="muted"> {x.sectors.map(sector).join(sep)}</span>}
              </li>
            );
          })}
        </ul>
      </details>

      <h3>{text.title}</h3>
      <label className="rank-sector">
        {st(lang, 'rankSector')}{' '}
        <select value={rankSector ?? ''} onChange={(e) => setSectors(e.target.value ? [e.target.value] : [])} data-testid="rank-sector">
          <option value="">{st(lang, 'rankAll')}</option>
          {rows.map((r) => (
            <option key={r.id} value={r.id}>
              {r.isTop ? '' : '　'}
              {sector(r.id)}
            </option>
          ))}
        </select>
      </label>
      <PanelBoundary name={t(lang, 'panel_chart')}>
        <Suspense fallback={<p role="status">{t(lang, 'statsLoading')}</p>}>
          <RankingChart
            ranking={ranking}
            label={district}
            current={p.district}
            text={text}
            file={`district-ranking-${rankSector ?? 'all'}-${lang}`}
            onChoose={choose}
          />
        </Suspense>
      </PanelBoundary>
      <details>
        <summary>{st(lang, 'rankTable')}</summary>
        <table className="stats-zones fit" data-testid="rank-table">
          <caption className="visually-hidden">{text.title}</caption>
          <thead>
            <tr>
              <th scope="col">{st(lang, 'rankRank')}</th>
              <th scope="col">{st(lang, 'profileDistrict')}</th>
              <th scope="col">{st(lang, 'zoneParks')}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.map((r) => (
              <tr key={r.district} data-district={r.district} className={r.district === p.district ? 'current' : undefined}>
                <td className="num">{r.rank}</td>
                <th scope="row">{district(r.district)}</th>
                <td className="num">{r.parks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
