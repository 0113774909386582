import { useShallow } from 'zustand/react/shallow';
import { st } from '../../i18n/stats';
import { selectSectorDistrictMatrix, selectSitesDistrictMatrix } from '../../state/selectors/stats';
import { selectUnplacedSectors } from '../../state/selectors/counts';
import { matrixCsv } from '../../state/stats/csv';
import { useAppStore } from '../../state/store';
import { useDistrictName, useSectorName } from '../names';
import { downloadBlob } from '../briefing/dom';
import { Caret } from '../Caret';

const PLAN = '沪府办发〔2021〕10号';

/** Shading of a count: the share of the largest cell, as an alpha of the accent colour. */
// at most 0.68 of the purple: the dark text keeps a contrast of 4.5:1 or more on every shade
const shade = (n: number, max: number) => (n > 0 && max > 0 ? 0.1 + 0.58 * (n / max) : 0);

/**
 * The sector × district matrix as an accessible table (row and column headers with scope, totals,
 * shading by count, the current filters marked). A non-empty cell is a button: choosing it sets the
 * sector and district filters, and the map and the list follow.
 */
export function MatrixTable() {
  const lang = useAppStore((s) => s.lang);
  const parksMatrix = useAppStore(selectSectorDistrictMatrix);
  const sitesMatrix = useAppStore(selectSitesDistrictMatrix);
  const hasSites = useAppStore((s) => s.siteSets.length > 0);
  const countSites = useAppStore((s) => s.statsCountSites) && hasSites;
  const setCountSites = useAppStore((s) => s.setStatsCountSites);
  const setStatsDistrict = useAppStore((s) => s.setStatsDistrict);
  const requestDistrict = useAppStore((s) => s.requestDistrict);
  const setStatsTab = useAppStore((s) => s.setStatsTab);
  // parks (cells set the filters) or the imported sites (counts only: the filters are for parks)
  const m = countSites ? sitesMatrix : parksMatrix;
  const sectorName = useSectorName();
  const expanded = useAppStore(useShallow((s) => s.statsExpanded));
  const sectorFilter = useAppStore(useShallow((s) => s.sectorFilter));
  const districtFilter = useAppStore(useShallow((s) => s.districtFilter));
  const includeBroad = useAppStore((s) => s.includeBroad);
  const toggleRow = useAppStore((s) => s.toggleStatsRow);
  const setSectors = useAppStore((s) => s.setSectors);
  const setFindFilters = useAppStore((s) => s.setFindFilters);

  const leadingUnplaced = useAppStore((s) => {
    const leading = s.geo?.sectors.ok ? s.geo.sectors.data.sectors.filter((x) => x.kind === 'leading') : [];
    const unplaced = selectUnplacedSectors(s);
    return leading.length > 0 && leading.every((x) => unplaced.has(x.id));
  });
  const fullDistrict = useDistrictName();
  const shortDistrict = (d: string) => (lang === 'zh' ? d.replace(/(新区|区)$/, '') : fullDistrict(d).replace(/ New Area$/, ''));
  const hasChildren = new Set(m.rows.filter((r) => !r.isTop).map((r) => r.top));
  const rowShown = (i: number) => m.rows[i]!.isTop || expanded.includes(m.rows[i]!.top);
  const choose = (sector: string | null, district: string | null) => {
    setSectors(sector ? [sector] : []);
    setFindFilters({ districts: district ? [district] : [] });
  };
  const currentMark = (on: boolean) => (on ? <span className="visually-hidden">{st(lang, 'matrixCurrent')}</span> : null);
  const openProfile = (d: string) => {
    setStatsDistrict(d);
    requestDistrict(d);
    setStatsTab('district');
  };
  const exportCsv = () => {
    const source = `${
      countSites
        ? lang === 'zh'
          ? '计算自导入的地点与本图数据的关联（上海市战略性新兴产业集群地图）；规划'
          : 'Computed from the imported sites’ links to the data of the Shanghai cluster map; plan'
        : lang === 'zh'
          ? '计算自本图数据（上海市战略性新兴产业集群地图）；规划'
          : 'Computed from the data of the Shanghai cluster map; plan'
    } ${PLAN}; ${st(lang, includeBroad ? 'matrixBroad' : 'matrixStrong')}`;
    const visible = {
      ...m,
      rows: m.rows.filter((_, i) => rowShown(i)),
      counts: m.counts.filter((_, i) => rowShown(i)),
      rowTotals: m.rowTotals.filter((_, i) => rowShown(i)),
    };
    const csv = matrixCsv(visible, { sector: sectorName, district: fullDistrict }, lang, source);
    const name = countSites
      ? lang === 'zh'
        ? '产业-区-导入地点数.csv'
        : 'sector-district-sites.csv'
      : lang === 'zh'
        ? '产业-区-园区数.csv'
        : 'sector-district-parks.csv';
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), name);
  };

  return (
    <div className="stats-matrix-wrap">
      <div className="stats-toolbar">
        <p className="stats-basis">
          {countSites
            ? st(lang, 'matrixSitesBasis', { n: m.total, strengths: st(lang, includeBroad ? 'matrixBroad' : 'matrixStrong') })
            : st(lang, 'matrixBasis', { strengths: st(lang, includeBroad ? 'matrixBroad' : 'matrixStrong') })}
        </p>
        {hasSites && (
          <fieldset className="stats-count" data-testid="matrix-count">
            <legend>{st(lang, 'matrixCount')}</legend>
            <label>
              <input type="radio" name="matrix-count" checked={!countSites} onChange={() => setCountSites(false)} /> {st(lang, 'matrixCountParks')}
            </label>
            <label>
              <input type="radio" name="matrix-count" checked={countSites} onChange={() => setCountSites(true)} data-count="sites" />{' '}
              {st(lang, 'matrixCountSites')}
            </label>
          </fieldset>
        )}
        <button type="button" onClick={exportCsv} data-testid="matrix-csv">
          {st(lang, 'exportCsv')}
        </button>
      </div>
      {m.total === 0 && !countSites && (
        <p className="stats-empty" role="status" data-testid="matrix-empty">
          {st(lang, 'matrixEmpty')}
        </p>
      )}
      <div className="stats-scroll">
        <table className="stats-matrix" data-testid="matrix" data-count={countSites ? 'sites' : 'parks'}>
          <caption>{st(lang, countSites ? 'matrixSitesCaption' : 'matrixCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="corner">
                {st(lang, 'matrixSector')}
              </th>
              {m.districts.map((d) => {
                const on = districtFilter.includes(d);
                return (
                  <th key={d} scope="col" className={on ? 'col current' : 'col'} data-district={d} data-current={on || undefined}>
                    <button
                      type="button"
                      className="col-profile"
                      data-profile={d}
                      title={st(lang, 'matrixProfileOf', { district: fullDistrict(d) })}
                      onClick={() => openProfile(d)}
                    >
                      <span aria-hidden="true">{shortDistrict(d)}</span>
                      <span className="visually-hidden">{fullDistrict(d)}</span>
                    </button>
                    {currentMark(on)}
                  </th>
                );
              })}
              <th scope="col" className="col total">
                {st(lang, 'matrixRowTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {m.rows.map((r, i) => {
              if (!rowShown(i)) return null;
              const on = sectorFilter.includes(r.id);
              const name = sectorName(r.id);
              return (
                <tr key={r.id} className={`${r.isTop ? 'top' : 'sub'}${on ? ' current' : ''}`} data-row={r.id}>
                  <th scope="row" data-current={on || undefined}>
                    {r.isTop && hasChildren.has(r.id) ? (
                      <button
                        type="button"
                        className="expand"
                        aria-expanded={expanded.includes(r.id)}
                        aria-label={st(lang, 'matrixExpand', { sector: name })}
                        onClick={() => toggleRow(r.id)}
                      >
                        <Caret dir={expanded.includes(r.id) ? 'down' : 'right'} />
                      </button>
                    ) : (
                      <span className="expand-pad" aria-hidden="true" />
                    )}
                    {name}
                    {currentMark(on)}
                  </th>
                  {m.counts[i]!.map((n, j) => {
                    const d = m.districts[j]!;
                    const here = on && districtFilter.includes(d);
                    const a = shade(n, m.max);
                    const style = a ? { background: `rgba(106, 63, 181, ${a.toFixed(2)})` } : undefined;
                    return (
                      <td key={d} className={here ? 'current' : undefined} style={style}>
                        {n > 0 && countSites ? (
                          <span aria-label={st(lang, 'matrixSiteCell', { sector: name, district: fullDistrict(d), n })} data-site-cell={`${r.id}|${d}`}>
                            {n}
                          </span>
                        ) : n > 0 ? (
                          <button
                            type="button"
                            data-cell={`${r.id}|${d}`}
                            aria-pressed={here}
                            aria-label={st(lang, 'matrixCell', { sector: name, district: fullDistrict(d), n })}
                            onClick={() => choose(r.id, d)}
                          >
                            {n}
                          </button>
                        ) : (
                          <span className="zero">0</span>
                        )}
                      </td>
                    );
                  })}
                  <td className="total">
                    {countSites ? (
                      <span data-row-total={r.id}>{m.rowTotals[i]}</span>
                    ) : (
                      <button
                        type="button"
                        data-row-total={r.id}
                        aria-label={st(lang, 'matrixRowAll', { sector: name, n: m.rowTotals[i]! })}
                        onClick={() => choose(r.id, null)}
                      >
                        {m.rowTotals[i]}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{st(lang, countSites ? 'matrixAllSites' : 'matrixAllParks')}</th>
              {m.colTotals.map((n, j) => {
                const d = m.districts[j]!;
                return (
                  <td key={d} className="total">
                    {countSites ? (
                      <span data-col-total={d}>{n}</span>
                    ) : (
                      <button
                        type="button"
                        data-col-total={d}
                        aria-label={st(lang, 'matrixColAll', { district: fullDistrict(d), n })}
                        onClick={() => choose(null, d)}
                      >
                        {n}
                      </button>
                    )}
                  </td>
                );
              })}
              <td className="total grand" data-testid="matrix-total">
                {m.total}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {leadingUnplaced && <p className="stats-note">{st(lang, 'matrixLeading')}</p>}
    </div>
  );
}
