/**
 * Left column, below the layers: import the user's sites (file picker; drop is SitesOverlay),
 * the coordinate system, the import report, the imported sets, export of the current results,
 * and the share link with its QR code. No spatial math here: linking runs in the link worker.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { t } from '../../i18n';
import { useAppStore, useStoreApi } from '../../state/store';
import type { AppState, AppStore } from '../../state/store';
import { importSiteFile } from '../../state/link-client';
import { parksForSelection } from '../../state/filter';
import { formatUrlState } from '../../state/url/codec';
import { urlStateOf } from '../../state/url/sync';
import type { SiteImportStatus } from '../../state/slices/sites';
import type { SiteSet } from '../../geo/sites';
import type { ExportNames, ExportRow } from '../../geo/export';
import './sites.css';
import type { Lang } from '../../domain/types';

/** Sites listed per imported file (the rest are on the map and in the export). */
export const LIST_CAP = 20;
/** Row errors listed in the report (the count is always given). */
export const ERROR_CAP = 30;

export function SitesPanel() {
  const lang = useAppStore((s) => s.lang);
  const h = useId();
  return (
    <section className="panel sites-panel" aria-labelledby={h} data-testid="sites-panel">
      <h2 id={h}>{t(lang, 'sitesTitle')}</h2>
      <ImportControls lang={lang} />
      <ImportReport lang={lang} />
      <ImportedSets lang={lang} />
      <ExportBox lang={lang} />
      <ShareBox lang={lang} />
    </section>
  );
}

function ImportControls({ lang }: { lang: Lang }) {
  const store = useStoreApi();
  const crs = useAppStore((s) => s.siteCrs);
  const setCrs = useAppStore((s) => s.setSiteCrs);
  const busy = useAppStore((s) => s.siteImport.phase === 'linking');
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="sites-import">
      <label className={`sites-button${busy ? ' disabled' : ''}`}>
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          accept=".csv,.txt,.tsv,.geojson,.json,text/csv,application/geo+json,application/json"
          data-testid="sites-file"
          disabled={busy}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importSiteFile(store, f);
            // the same file may be picked again after a fix
            e.target.value = '';
          }}
        />
        {t(lang, 'sitesImport')}
      </label>
      <p className="sites-hint">{t(lang, 'sitesImportHint')}</p>
      <fieldset className="sites-crs">
        <legend>{t(lang, 'sitesCrs')}</legend>
        {(['wgs84', 'gcj02'] as const).map((c) => (
          <label key={c}>
            <input type="radio" name="site-crs" value={c} checked={crs === c} onChange={() => setCrs(c)} data-crs={c} />
            {t(lang, c === 'wgs84' ? 'sitesCrsWgs84' : 'sitesCrsGcj02')}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

function where(lang: Lang, e: { line: number | null; index: number | null }): string {
  if (e.line !== null) return t(lang, 'sitesLine', { n: e.line });
  if (e.index !== null) return t(lang, 'sitesFeature', { n: e.index });
  return t(lang, 'sitesNote');
}

function ErrorList({ lang, status }: { lang: Lang; status: Extract<SiteImportStatus, { result: unknown }> }) {
  const r = status.result;
  if (!r) return null;
  const shown = r.errors.slice(0, ERROR_CAP);
  const more = r.errorCount - shown.length;
  if (shown.length === 0 && r.notes.length === 0) return null;
  return (
    <ul className="sites-errors" data-testid="sites-errors">
      {r.notes.map((n, i) => (
        <li key={`n${i}`}>
          <span className="where">{t(lang, 'sitesNote')}</span> {n}
        </li>
      ))}
      {shown.map((e) => (
        <li key={`${e.line ?? ''}:${e.index ?? ''}`} data-line={e.line ?? undefined} data-feature={e.line === null ? (e.index ?? undefined) : undefined}>
          <span className="where">{where(lang, e)}</span> {e.reason}
        </li>
      ))}
      {more > 0 && <li className="more">{t(lang, 'sitesMoreErrors', { n: more })}</li>}
    </ul>
  );
}

function ImportReport({ lang }: { lang: Lang }) {
  const st = useAppStore((s) => s.siteImport);
  const confirm = useAppStore((s) => s.confirmSiteImport);
  const dismiss = useAppStore((s) => s.dismissSiteImport);
  switch (st.phase) {
    case 'idle':
      return null;
    case 'linking':
      return (
        <p className="sites-status" role="status" data-phase="linking">
          {t(lang, 'sitesLinking', { file: st.fileName })}
        </p>
      );
    case 'failed':
      return (
        <div className="sites-status failed" role="alert" data-phase="failed">
          <strong>{t(lang, 'sitesFailed', { file: st.fileName })}</strong>
          {st.message !== null ? <p className="fatal">{st.message}</p> : <p>{t(lang, 'sitesNoValid', { bad: st.result?.errorCount ?? 0 })}</p>}
          <ErrorList lang={lang} status={st} />
          <button type="button" className="link" onClick={dismiss}>
            {t(lang, 'dismiss')}
          </button>
        </div>
      );
    case 'review':
      return (
        <div className="sites-status review" role="alert" data-phase="review">
          <strong>{t(lang, 'sitesReview', { file: st.fileName, good: st.result.set.count, bad: st.result.errorCount })}</strong>
          <ErrorList lang={lang} status={st} />
          <div className="sites-actions">
            <button type="button" className="primary" onClick={confirm} data-testid="sites-confirm">
              {t(lang, 'sitesConfirm', { good: st.result.set.count, bad: st.result.errorCount })}
            </button>
            <button type="button" onClick={dismiss} data-testid="sites-cancel">
              {t(lang, 'sitesCancel')}
            </button>
          </div>
        </div>
      );
    case 'done':
      return (
        <div className="sites-status done" role="status" data-phase="done" data-count={st.result.set.count} data-link-ms={Math.round(st.result.ms)}>
          {t(lang, 'sitesDone', { file: st.fileName, n: st.result.set.count.toLocaleString(), ms: Math.round(st.result.ms) })}
          {st.skipped > 0 && t(lang, 'sitesDoneSkipped', { n: st.skipped })}{' '}
          <button type="button" className="link" onClick={dismiss}>
            {t(lang, 'dismiss')}
          </button>
        </div>
      );
  }
}

function ImportedSets({ lang }: { lang: Lang }) {
  const sets = useAppStore((s) => s.siteSets);
  const remove = useAppStore((s) => s.removeSiteSet);
  const select = useAppStore((s) => s.selectSite);
  const requestCamera = useAppStore((s) => s.requestCamera);
  if (sets.length === 0) return null;
  return (
    <div className="sites-sets">
      <h3>{t(lang, 'sitesImported')}</h3>
      <ul aria-label={t(lang, 'sitesImported')} data-testid="sites-sets">
        {sets.map((set) => (
          <li key={set.id} data-set={set.id} data-count={set.count}>
            <div className="set-head">
              <span className="set-name" title={set.fileName}>
                {set.fileName}
              </span>
              <span className="set-count">
                {t(lang, 'sitesCount', { n: set.count.toLocaleString() })} · {set.crs === 'gcj02' ? 'GCJ-02' : 'WGS-84'}
              </span>
              <button type="button" className="link" onClick={() => remove(set.id)} aria-label={t(lang, 'sitesRemoveLabel', { file: set.fileName })}>
                {t(lang, 'sitesRemove')}
              </button>
            </div>
            <ol className="set-sites">
              {Array.from({ length: Math.min(set.count, LIST_CAP) }, (_, i) => (
                <li key={i}>
                  <button
                    type="button"
                    data-site={i}
                    onClick={() => {
                      select({ set: set.id, index: i });
                      requestCamera(set.coords[2 * i]!, set.coords[2 * i + 1]!, 12);
                    }}
                  >
                    <span className="site-name">{set.names[i] ?? set.ids[i] ?? t(lang, 'sitesUnnamed')}</span>
                    <span className="site-district">{set.districtNames[set.district[i]!]}</span>
                  </button>
                </li>
              ))}
            </ol>
            {set.count > LIST_CAP && <p className="count-line">{t(lang, 'sitesFirstN', { n: LIST_CAP })}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Names for the export, from the loaded data. */
export function exportNames(s: AppState): ExportNames {
  const zones = new Map(s.derived?.zones.map((z) => [z.id, { zh: z.name_zh, en: z.name_en }]) ?? []);
  return {
    lang: s.lang,
    zone: (id) => zones.get(id),
    sector: (id) => {
      const n = s.derived?.sectorNodes.get(id);
      return n ? { zh: n.name_zh, en: n.name_en } : undefined;
    },
  };
}

/** The parks the filters currently show (the filter module decides which). */
export function visibleParks(s: AppState) {
  const derived = s.derived;
  if (!derived) return [];
  const sectorsFile = s.geo?.sectors.ok ? s.geo.sectors.data : null;
  const ids = new Set(parksForSelection(derived.parks, s.sectors, sectorsFile));
  return derived.parks.filter((p) => ids.has(p.id));
}

function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function exportResults(
  store: AppStore,
  format: 'csv' | 'geojson',
  parts: { parks: boolean; sites: boolean },
): Promise<{ text: string; fileName: string }> {
  const { parkRows, siteRows, toCsv, toGeoJson } = await import('../../geo/export');
  const s = store.getState();
  const rows: ExportRow[] = [];
  if (parts.parks && s.derived) rows.push(...parkRows(visibleParks(s), s.derived.parkCoords));
  if (parts.sites) for (const set of s.siteSets as SiteSet[]) rows.push(...siteRows(set));
  const names = exportNames(s);
  const fileName = `shanghai-sei-${parts.parks && parts.sites ? 'parks-sites' : parts.parks ? 'parks' : 'sites'}.${format === 'csv' ? 'csv' : 'geojson'}`;
  return { text: format === 'csv' ? toCsv(rows, names) : toGeoJson(rows, names), fileName };
}

function ExportBox({ lang }: { lang: Lang }) {
  const store = useStoreApi();
  const parkCount = useAppStore((s) => visibleParks(s).length);
  const siteCount = useAppStore((s) => s.siteSets.reduce((n, x) => n + x.count, 0));
  const [parks, setParks] = useState(true);
  const [sites, setSites] = useState(true);
  const withParks = parks && parkCount > 0;
  const withSites = sites && siteCount > 0;
  const run = (format: 'csv' | 'geojson') =>
    void exportResults(store, format, { parks: withParks, sites: withSites }).then(({ text, fileName }) =>
      download(text, fileName, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/geo+json'),
    );
  return (
    <div className="sites-export">
      <h3>{t(lang, 'sitesExport')}</h3>
      <fieldset>
        <legend className="visually-hidden">{t(lang, 'sitesExportWhat')}</legend>
        <label>
          <input type="checkbox" checked={parks} onChange={(e) => setParks(e.target.checked)} data-export="parks" />
          {t(lang, 'sitesExportParks', { n: parkCount })}
        </label>
        <label>
          <input type="checkbox" checked={sites} disabled={siteCount === 0} onChange={(e) => setSites(e.target.checked)} data-export="sites" />
          {t(lang, 'sitesExportSites', { n: siteCount.toLocaleString() })}
        </label>
      </fieldset>
      <div className="sites-actions">
        <button type="button" disabled={!withParks && !withSites} onClick={() => run('csv')} data-testid="export-csv">
          {t(lang, 'sitesExportCsv')}
        </button>
        <button type="button" disabled={!withParks && !withSites} onClick={() => run('geojson')} data-testid="export-geojson">
          {t(lang, 'sitesExportGeojson')}
        </button>
      </div>
    </div>
  );
}

/** The link that restores this view: what url-sync writes, made absolute (imports are never in it). */
export function shareUrl(s: AppState, loc: Pick<Location, 'origin' | 'pathname'> = window.location): string {
  const { search, hash } = formatUrlState(urlStateOf(s));
  return `${loc.origin}${loc.pathname}${search}${hash}`;
}

/** Copies text: the Clipboard API where allowed, else a selected textarea and execCommand. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // not allowed (no focus, insecure context…): fall back
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

function ShareBox({ lang }: { lang: Lang }) {
  const [open, setOpen] = useState(false);
  const url = useAppStore((s) => (open ? shareUrl(s) : ''));
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [qr, setQr] = useState<{ url: string; svg: string } | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    void import('qrcode').then((QR) =>
      QR.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((svg) => {
        if (live) setQr({ url, svg });
      }),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <div className="sites-share">
      <h3>{t(lang, 'sitesShare')}</h3>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} data-testid="share-open">
          {t(lang, 'sitesShare')}
        </button>
      ) : (
        <>
          <input type="text" readOnly value={url} aria-label={t(lang, 'sitesShare')} data-testid="share-url" onFocus={(e) => e.target.select()} />
          <div className="sites-actions">
            <button type="button" onClick={() => void copyText(url).then((ok) => setCopied(ok ? 'yes' : 'no'))} data-testid="share-copy">
              {t(lang, 'sitesCopy')}
            </button>
            {copied && (
              <span role="status" className="copy-state" data-copied={copied}>
                {t(lang, copied === 'yes' ? 'sitesCopied' : 'sitesCopyFailed')}
              </span>
            )}
          </div>
          <p className="sites-hint">{t(lang, 'sitesShareNote')}</p>
          {qr && qr.url === url && (
            <img
              className="sites-qr"
              data-testid="share-qr"
              data-url={qr.url}
              alt={t(lang, 'sitesQrAlt')}
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr.svg)}`}
              width={148}
              height={148}
            />
          )}
        </>
      )}
    </div>
  );
}
