/**
 * Left column, below the layers: import the user's sites (file picker; drop is SitesOverlay),
 * the coordinate system, the import report, the imported sets, export of the current results,
 * and the share link with its QR code. No spatial math here: linking runs in the link worker.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { t } from '../../i18n';
import { useAppStore, useStoreApi } from '../../state/store';
import type { AppState, AppStore } from '../../state/store';
import { importSiteFile, relinkSites, retrySiteImport } from '../../state/link-client';
import { selectVisibleParks } from '../../state/slices/find';
import { formatUrlState } from '../../state/url-state';
import { urlStateOf } from '../../state/url-sync';
import type { SiteImportStatus } from '../../state/slices/sites';
import type { Crs } from '../../geo/crs';
import type { EncodingChoice, EncodingReport, TextEncodingId } from '../../io/decode';
import type { ExportNames, ExportRow } from '../../export/results';
import { siteColor } from '../../theme/sites';
import './sites.css';
import type { Lang } from '../../domain/types';
import type { StringKey } from '../../i18n';

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

const CRS_CHOICES: readonly { crs: Crs; label: StringKey; short: string }[] = [
  { crs: 'wgs84', label: 'sitesCrsWgs84', short: 'WGS-84' },
  { crs: 'gcj02', label: 'sitesCrsGcj02', short: 'GCJ-02' },
  { crs: 'bd09', label: 'sitesCrsBd09', short: 'BD-09' },
];

/** How each encoding is named (as src/io/decode.ts reads them). */
const ENCODING_NAMES: Record<TextEncodingId, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK / GB18030',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};
const ENCODINGS = Object.keys(ENCODING_NAMES) as TextEncodingId[];

function ImportControls({ lang }: { lang: Lang }) {
  const store = useStoreApi();
  const crs = useAppStore((s) => s.siteCrs);
  const setCrs = useAppStore((s) => s.setSiteCrs);
  const encoding = useAppStore((s) => s.siteEncoding);
  const setEncoding = useAppStore((s) => s.setSiteEncoding);
  const busy = useAppStore((s) => s.siteImport.phase === 'linking');
  const input = useRef<HTMLInputElement>(null);
  const encId = useId();
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
        {CRS_CHOICES.map((c) => (
          <label key={c.crs}>
            <input type="radio" name="site-crs" value={c.crs} checked={crs === c.crs} onChange={() => setCrs(c.crs)} data-crs={c.crs} />
            {t(lang, c.label)}
          </label>
        ))}
      </fieldset>
      <div className="sites-encoding">
        <label htmlFor={encId}>{t(lang, 'sitesEncoding')}</label>
        <select id={encId} value={encoding} onChange={(e) => setEncoding(e.target.value as EncodingChoice)} data-testid="sites-encoding">
          <option value="auto">{t(lang, 'sitesEncodingAuto')}</option>
          {ENCODINGS.map((enc) => (
            <option key={enc} value={enc}>
              {ENCODING_NAMES[enc]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function where(lang: Lang, e: { line: number | null; index: number | null }): string {
  if (e.line !== null) return t(lang, 'sitesLine', { n: e.line });
  if (e.index !== null) return t(lang, 'sitesFeature', { n: e.index });
  return t(lang, 'sitesNote');
}

const HOW: Record<EncodingReport['how'], StringKey> = {
  bom: 'sitesHowBom',
  detected: 'sitesHowDetected',
  ascii: 'sitesHowAscii',
  chosen: 'sitesHowChosen',
  fallback: 'sitesHowFallback',
};

/** "Read as GBK / GB18030 (detected)". */
function EncodingLine({ lang, report }: { lang: Lang; report: EncodingReport | null }) {
  if (!report) return null;
  return (
    <span className="sites-read-as" data-encoding={report.encoding}>
      {t(lang, 'sitesReadAs', { enc: ENCODING_NAMES[report.encoding] })}
      {t(lang, HOW[report.how])}
    </span>
  );
}

/** Read the file under review (or that failed) again in another encoding. */
function ReadAgain({ lang, report }: { lang: Lang; report: EncodingReport | null }) {
  const store = useStoreApi();
  const id = useId();
  return (
    <span className="sites-read-again">
      <label htmlFor={id}>{t(lang, 'sitesReadAgain')}</label>{' '}
      <select
        id={id}
        value=""
        data-testid="sites-read-again"
        onChange={(e) => {
          if (e.target.value) void retrySiteImport(store, { encoding: e.target.value as TextEncodingId });
        }}
      >
        <option value="">…</option>
        {ENCODINGS.filter((enc) => enc !== report?.encoding).map((enc) => (
          <option key={enc} value={enc}>
            {ENCODING_NAMES[enc]}
          </option>
        ))}
      </select>
    </span>
  );
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

/** "3 of them look lon/lat swapped. [Swap lon/lat in these 3 rows and import]" */
function SwapOffer({ lang, n }: { lang: Lang; n: number }) {
  const store = useStoreApi();
  if (n === 0) return null;
  return (
    <p className="sites-swap">
      {t(lang, 'sitesSwappable', { n })}{' '}
      <button type="button" onClick={() => void retrySiteImport(store, { fixSwapped: true, confirm: true })} data-testid="sites-swap">
        {t(lang, 'sitesSwap', { n })}
      </button>
    </p>
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
          {st.result && <SwapOffer lang={lang} n={st.result.fixSwapped ? 0 : st.result.swappable} />}
          <ErrorList lang={lang} status={st} />
          <p className="sites-hint">
            <EncodingLine lang={lang} report={st.result?.encoding ?? null} /> {st.result?.encoding && <ReadAgain lang={lang} report={st.result.encoding} />}
          </p>
          <button type="button" className="link" onClick={dismiss}>
            {t(lang, 'dismiss')}
          </button>
        </div>
      );
    case 'review': {
      const r = st.result;
      return (
        <div className="sites-status review" role="alert" data-phase="review">
          {st.duplicateOf !== null && (
            <p className="sites-duplicate" data-testid="sites-duplicate">
              {t(lang, 'sitesDuplicate', { twin: st.duplicateOf })}
            </p>
          )}
          {r.errorCount > 0 && <strong>{t(lang, 'sitesReview', { file: st.fileName, good: r.set.count, bad: r.errorCount })}</strong>}
          {r.set.outside > 0 && <span className="sites-outside-count">{t(lang, 'sitesOutsideCount', { n: r.set.outside })}</span>}
          <SwapOffer lang={lang} n={r.fixSwapped ? 0 : r.swappable} />
          <ErrorList lang={lang} status={st} />
          <p className="sites-hint">
            <EncodingLine lang={lang} report={r.encoding} /> <ReadAgain lang={lang} report={r.encoding} />
          </p>
          <div className="sites-actions">
            <button type="button" className="primary" onClick={confirm} data-testid="sites-confirm">
              {r.errorCount > 0 ? t(lang, 'sitesConfirm', { good: r.set.count, bad: r.errorCount }) : t(lang, 'sitesImportAnyway')}
            </button>
            <button type="button" onClick={dismiss} data-testid="sites-cancel">
              {t(lang, 'sitesCancel')}
            </button>
          </div>
        </div>
      );
    }
    case 'done': {
      const r = st.result;
      return (
        <div
          className="sites-status done"
          role="status"
          data-phase="done"
          data-count={r.set.count}
          data-outside={r.set.outside}
          data-link-ms={Math.round(r.ms)}
        >
          {t(lang, 'sitesDone', { file: st.fileName, n: r.set.count.toLocaleString(), ms: Math.round(r.ms) })}
          {st.skipped > 0 && t(lang, 'sitesDoneSkipped', { n: st.skipped })}
          {r.set.outside > 0 && <span className="sites-outside-count">{t(lang, 'sitesOutsideCount', { n: r.set.outside.toLocaleString() })}</span>}{' '}
          <button type="button" className="link" onClick={dismiss}>
            {t(lang, 'dismiss')}
          </button>
          <span className="sites-hint">
            <EncodingLine lang={lang} report={r.encoding} />
          </span>
          {r.notes.length > 0 && (
            <ul className="sites-errors" data-testid="sites-notes">
              {r.notes.map((n, i) => (
                <li key={i}>
                  <span className="where">{t(lang, 'sitesNote')}</span> {n}
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    }
  }
}

function ImportedSets({ lang }: { lang: Lang }) {
  const store = useStoreApi();
  const sets = useAppStore((s) => s.siteSets);
  const remove = useAppStore((s) => s.removeSiteSet);
  const select = useAppStore((s) => s.selectSite);
  const requestCamera = useAppStore((s) => s.requestCamera);
  if (sets.length === 0) return null;
  return (
    <div className="sites-sets">
      <h3>{t(lang, 'sitesImported')}</h3>
      <ul aria-label={t(lang, 'sitesImported')} data-testid="sites-sets">
        {sets.map((set, k) => (
          <li key={set.id} data-set={set.id} data-count={set.count} data-outside={set.outside}>
            <div className="set-head">
              <span className="set-swatch" style={{ background: siteColor(k) }} aria-hidden="true" />
              <span className="set-name" title={set.fileName}>
                {set.fileName}
              </span>
              <span className="set-count">
                {t(lang, 'sitesCount', { n: set.count.toLocaleString() })}
                {set.outside > 0 && t(lang, 'sitesOutsideCount', { n: set.outside.toLocaleString() })}
              </span>
              <select
                className="set-crs"
                value={set.crs}
                aria-label={t(lang, 'sitesSetCrs', { file: set.fileName })}
                data-testid="site-set-crs"
                onChange={(e) => void relinkSites(store, set.id, e.target.value as Crs)}
              >
                {CRS_CHOICES.map((c) => (
                  <option key={c.crs} value={c.crs}>
                    {c.short}
                  </option>
                ))}
              </select>
              <button type="button" className="link" onClick={() => remove(set.id)} aria-label={t(lang, 'sitesRemoveLabel', { file: set.fileName })}>
                {t(lang, 'sitesRemove')}
              </button>
            </div>
            <ol className="set-sites">
              {Array.from({ length: Math.min(set.count, LIST_CAP) }, (_, i) => {
                const d = set.district[i]!;
                return (
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
                      <span className={`site-district${d < 0 ? ' outside' : ''}`}>{d < 0 ? t(lang, 'sitesOutside') : set.districtNames[d]}</span>
                    </button>
                  </li>
                );
              })}
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
  const { parkRows, siteRows, toCsv, toGeoJson } = await import('../../export/results');
  const s = store.getState();
  const rows: ExportRow[] = [];
  // the parks the list and the map show: the app's one visibility rule
  if (parts.parks && s.derived) rows.push(...parkRows(selectVisibleParks(s), s.derived.parkCoords));
  if (parts.sites) for (const set of s.siteSets) rows.push(...siteRows(set));
  const names = exportNames(s);
  const fileName = `shanghai-sei-${parts.parks && parts.sites ? 'parks-sites' : parts.parks ? 'parks' : 'sites'}.${format === 'csv' ? 'csv' : 'geojson'}`;
  return { text: format === 'csv' ? toCsv(rows, names) : toGeoJson(rows, names), fileName };
}

function ExportBox({ lang }: { lang: Lang }) {
  const store = useStoreApi();
  const parkCount = useAppStore((s) => selectVisibleParks(s).length);
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
