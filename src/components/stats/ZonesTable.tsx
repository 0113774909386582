import { useMemo, useState } from 'react';
import { inParens, listSep } from '../../i18n';
import { st } from '../../i18n/stats';
import type { StatsStringKey } from '../../i18n/stats';
import { selectZoneRows } from '../../state/selectors/stats';
import { sortZoneRows } from '../../state/stats/zones';
import type { ZoneRow, ZoneSortKey } from '../../state/stats/zones';
import { tableCsv } from '../../state/stats/csv';
import { useAppStore } from '../../state/store';
import { useDistrictName, useSectorName } from '../names';
import { downloadBlob } from '../briefing/dom';
import type { Lang } from '../../domain/types';

const COLS: { key: ZoneSortKey; label: StatsStringKey }[] = [
  { key: 'name', label: 'zoneName' },
  { key: 'kind', label: 'zoneKind' },
  { key: 'km2', label: 'zoneArea' },
  { key: 'districts', label: 'zoneDistricts' },
  { key: 'parks', label: 'zoneParks' },
];

const pct = (x: number) => (x < 0.005 ? '<1%' : `${Math.round(x * 100)}%`);
const km2Text = (r: ZoneRow) => (r.km2 === null ? null : r.km2 < 10 ? r.km2.toFixed(1) : String(Math.round(r.km2)));

/** The zones table: sortable by every column; choosing a zone's name selects it on the map. */
/** A zone's kind; a sector cluster drawn as whole districts says that it counts as a broad area (as the links and the district profile count it). */
const kindText = (r: ZoneRow, lang: Lang) => st(lang, r.kind === 'cluster' && r.scope === 'broad' ? 'kind_clusterBroad' : `kind_${r.kind}`);

export function ZonesTable() {
  const lang = useAppStore((s) => s.lang);
  const rows = useAppStore(selectZoneRows);
  const sector = useSectorName();
  const district = useDistrictName();
  const selected = useAppStore((s) => s.selectedZoneId);
  const selectZone = useAppStore((s) => s.selectZone);
  const figures = useAppStore((s) => s.statsFigures);
  const [sort, setSort] = useState<{ key: ZoneSortKey; dir: 'asc' | 'desc' }>({ key: 'km2', dir: 'desc' });
  const sorted = useMemo(() => sortZoneRows(rows, sort.key, sort.dir, lang), [rows, sort, lang]);
  const name = (r: ZoneRow) => (lang === 'zh' ? r.name_zh : r.name_en);
  const sep = listSep(lang);
  const exportCsv = () => {
    const header = [
      st(lang, 'zoneName'),
      'id',
      st(lang, 'zoneKind'),
      st(lang, 'zoneArea'),
      st(lang, 'zoneSchematic'),
      st(lang, 'zoneDistricts'),
      st(lang, 'zoneParks'),
      st(lang, 'zoneParksAll'),
      st(lang, 'zoneSectors'),
    ];
    const body = sorted.map((r) => [
      name(r),
      r.id,
      kindText(r, lang),
      r.km2 === null ? null : Math.round(r.km2 * 100) / 100,
      r.schematic ? 'yes' : 'no',
      r.districts.map((d) => `${district(d.district)} ${pct(d.share)}`).join('; '),
      r.parksShown,
      r.parksAll,
      r.sectors.map(sector).join('; '),
    ]);
    const source =
      lang === 'zh'
        ? '计算自本图所画的空间布局（示意范围的面积也是示意）；规划 沪府办发〔2021〕10号'
        : 'Computed from the zones as drawn on this map (a schematic zone has a schematic area); plan 沪府办发〔2021〕10号';
    downloadBlob(new Blob([tableCsv(header, body, source)], { type: 'text/csv;charset=utf-8' }), lang === 'zh' ? '空间布局.csv' : 'zones.csv');
  };
  const onSort = (key: ZoneSortKey) =>
    setSort((s) => ({ key, dir: s.key === key ? (s.dir === 'asc' ? 'desc' : 'asc') : key === 'name' || key === 'kind' ? 'asc' : 'desc' }));
  // areas and district shares come from the data build (stats.json): wait for them, never show a zone without its area
  if (!('ok' in figures)) return <p role="status">{st(lang, 'auditLoading')}</p>;
  if (!figures.ok)
    return (
      <p className="stats-empty" role="alert">
        {st(lang, 'auditFailed', { error: figures.error })}
      </p>
    );
  return (
    <div>
      <div className="stats-toolbar">
        <p className="stats-basis">{st(lang, 'zonesBasis')}</p>
        <button type="button" onClick={exportCsv} data-testid="zones-csv">
          {st(lang, 'exportCsv')}
        </button>
      </div>
      <div className="stats-scroll">
        <table className="stats-zones" data-testid="zones">
          <caption>{st(lang, 'zonesCaption')}</caption>
          <thead>
            <tr>
              {COLS.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <button type="button" data-sort={c.key} onClick={() => onSort(c.key)} aria-label={st(lang, 'zoneSortBy', { col: st(lang, c.label) })}>
                    {st(lang, c.label)}
                    <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col">{st(lang, 'zoneSectors')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.id} data-zone={r.id} className={selected === r.id ? 'current' : undefined}>
                <th scope="row">
                  <button type="button" className="zone-name" aria-pressed={selected === r.id} onClick={() => selectZone(r.id)}>
                    {name(r)}
                  </button>
                </th>
                <td>{kindText(r, lang)}</td>
                <td className="num" data-km2={r.km2 === null ? '' : r.km2.toFixed(2)}>
                  {r.km2 === null ? (
                    <span className="muted">{st(lang, 'zoneNoArea')}</span>
                  ) : (
                    <>
                      {r.schematic ? '≈' : ''}
                      {km2Text(r)}
                      {r.schematic && <span className="muted">{inParens(st(lang, 'zoneSchematic'), lang)}</span>}
                    </>
                  )}
                </td>
                <td>{r.districts.map((d) => `${district(d.district)} ${pct(d.share)}`).join(sep)}</td>
                <td className="num">
                  {r.parksShown} / {r.parksAll}
                </td>
                <td>{r.sectors.map(sector).join(sep)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
