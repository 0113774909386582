/**
 * Left column, below the layers: import the user's sites (file picker; drop is SitesOverlay),
 * the coordinate system, the import report, the imported sets, export of the current results,
 * and the share link with its QR code. No spatial math here: linking runs in the link worker.
 */
import { Suspense, useEffect, useId, useRef, useState } from 'react';
import { t } from '../../i18n';
import { countText } from '../../i18n/count';
import { lazyPart } from '../lazy-part';
import { useAppStore, useSettledStore, useStoreApi } from '../../state/store';
import type { AppState, AppStore } from '../../state/store';
import { importSiteFile } from '../../state/link-client';
import { prepareImport } from './prepare-import';
import { whenIdle } from '../../lib/idle';
import { formatUrlState } from '../../state/url/codec';
import { urlStateOf } from '../../state/url/sync';
import type { EncodingChoice } from '../../io/decode';
import type { ExportAbout, ExportNames, ExportRow } from '../../export/results';
import { CRS_CHOICES, ENCODINGS, ENCODING_NAMES } from './choices';
import './sites.css';
import type { Lang } from '../../domain/types';
import { selectVisibleParks } from '../../state/selectors/parks';
import { selectListedParks } from '../../state/selectors/list';
import { download } from '../download';

/** The import report and the imported sets: loaded with the first import, not with the first view. */
const ImportReportAndSets = lazyPart(
  () => import('./ImportViews'),
  (m) => m.default,
);

function ImportViews({ lang }: { lang: Lang }) {
  const active = useAppStore((s) => s.siteImport.phase !== 'idle' || s.siteSets.length > 0);
  if (!active) return null;
  return (
    <Suspense fallback={null}>
      <ImportReportAndSets lang={lang} />
    </Suspense>
  );
}

/**
 * Once the map is ready and the page idle (or earlier, on a sign of an import: ImportControls,
 * SitesOverlay): the link worker started with its linker built, the map's sites layers warmed up
 * and the import report's code loaded, so a first file waits for none of them.
 */
function usePrepareImport(store: AppStore): void {
  const ready = useAppStore((s) => s.mapStatus === 'ready');
  useEffect(() => {
    if (!ready) return;
    return whenIdle(() => prepareImport(store));
  }, [ready, store]);
}

export function SitesPanel() {
  const lang = useAppStore((s) => s.lang);
  usePrepareImport(useStoreApi());
  const h = useId();
  return (
    <section className="panel sites-panel" aria-labelledby={h} data-testid="sites-panel">
      <h2 id={h}>{t(lang, 'sitesTitle')}</h2>
      <ImportControls lang={lang} />
      <ImportViews lang={lang} />
      <ExportBox lang={lang} />
      <ShareBox lang={lang} />
    </section>
  );
}

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
      {/* pressed (a file dialog opens) or tabbed to: the import's preparation starts now, not at the page's next idle */}
      <label className={`sites-button${busy ? ' disabled' : ''}`} onPointerDown={() => prepareImport(store)}>
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          accept=".csv,.txt,.tsv,.geojson,.json,text/csv,application/geo+json,application/json"
          data-testid="sites-file"
          disabled={busy}
          onFocus={() => prepareImport(store)}
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

/** Names for the export, from the loaded data. */
export function exportNames(s: AppState): ExportNames {
  const zones = new Map(s.derived?.zones.map((z) => [z.id, { zh: z.name_zh, en: z.name_en }]) ?? []);
  const districts = new Map(
    s.geo?.districts.ok ? s.geo.districts.data.features.map((f) => [f.properties.name_zh, { zh: f.properties.name_zh, en: f.properties.name_en }]) : [],
  );
  return {
    lang: s.lang,
    zone: (id) => zones.get(id),
    district: (name) => districts.get(name),
    sector: (id) => {
      const n = s.derived?.sectorNodes.get(id);
      return n ? { zh: n.name_zh, en: n.name_en } : undefined;
    },
  };
}

export async function exportResults(
  store: AppStore,
  format: 'csv' | 'geojson',
  parts: { parks: boolean; sites: boolean },
  now: Date = new Date(),
): Promise<{ text: string; fileName: string }> {
  const { parkRows, siteRows, toCsv, toGeoJson } = await import('../../export/results');
  const s = store.getState();
  const rows: ExportRow[] = [];
  // the parks the list and the map show (the app's one visibility rule), in the list's order
  if (parts.parks && s.derived) rows.push(...parkRows(selectListedParks(s), s.derived.parkCoords));
  if (parts.sites) for (const set of s.siteSets) rows.push(...siteRows(set));
  const names = exportNames(s);
  // the day it was written (local), in the name: a CSV has nowhere else to say it
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const fileName = `shanghai-sei-${parts.parks && parts.sites ? 'parks-sites' : parts.parks ? 'parks' : 'sites'}-${day}.${format === 'csv' ? 'csv' : 'geojson'}`;
  return { text: format === 'csv' ? toCsv(rows, names) : toGeoJson(rows, names, exportAbout(s, now)), fileName };
}

/** Where an export comes from: the time, the link to its view, its filters, the data build. */
export function exportAbout(s: AppState, now: Date): ExportAbout {
  const radius = s.chosenPoint && s.radiusKm !== null ? { lng: s.chosenPoint.lng, lat: s.chosenPoint.lat, km: s.radiusKm } : null;
  return {
    exported_at: now.toISOString(),
    view: shareUrl(s),
    filters: {
      sectors: s.sectorFilter,
      broad_areas: s.includeBroad,
      districts: s.districtFilter,
      zones: s.zoneFilter,
      confidence: s.confFilter,
      basis: s.basisFilter,
      radius,
      area: s.drawnArea,
    },
    data_built_at: s.geo?.manifest.ok ? s.geo.manifest.data.built_at : null,
  };
}

function ExportBox({ lang }: { lang: Lang }) {
  const store = useStoreApi();
  const parkCount = useSettledStore((s) => selectVisibleParks(s).length);
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
          {t(lang, 'sitesExportSites', { n: countText(siteCount) })}
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
  const url = useSettledStore((s) => (open ? shareUrl(s) : ''));
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [qr, setQr] = useState<{ url: string; svg: string } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);
  // opened: the focus goes to the link (its text selected, ready to copy) and the box is scrolled into view
  useEffect(() => {
    if (!open) return;
    field.current?.focus({ preventScroll: true });
    box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [open]);
  // and again once its QR code is drawn, while the focus is still in the box
  useEffect(() => {
    if (qr && box.current?.contains(document.activeElement)) box.current.scrollIntoView?.({ block: 'nearest' });
  }, [qr]);
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
    <div className="sites-share" ref={box}>
      <h3>{t(lang, 'sitesShare')}</h3>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} data-testid="share-open">
          {t(lang, 'sitesShare')}
        </button>
      ) : (
        <>
          <input ref={field} type="text" readOnly value={url} aria-label={t(lang, 'sitesShare')} data-testid="share-url" onFocus={(e) => e.target.select()} />
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
