/**
 * What the sites panel shows once a file is picked: the import report (progress, bad rows by line,
 * the encoding read, swap-and-import, the duplicate warning, read again in another encoding) and
 * the imported sets (colour, count, outside Shanghai, coordinate system to link again, the first
 * sites). Loaded with the first import (see SitesPanel).
 */
import { insideMapBounds } from '../../geo/map-bounds';
import { useId } from 'react';
import { t } from '../../i18n';
import { ti } from '../../i18n/sites-import';
import { countText } from '../../i18n/count';
import { reasonText } from '../../i18n/sites-reasons';
import type { SitesImportKey } from '../../i18n/sites-import';
import { useAppStore, useStoreApi } from '../../state/store';
import { relinkSites, retrySiteImport } from '../../state/site-flows';
import type { SiteImportStatus } from '../../state/slices/sites';
import type { Crs } from '../../geo/crs';
import type { EncodingReport, TextEncodingId } from '../../io/decode';
import { siteColor } from '../../theme/sites';
import { Swatch } from '../Legend';
import { stringAt } from '../../lib/string-column';
import { CRS_CHOICES, ENCODINGS, ENCODING_NAMES } from './choices';
import type { Lang } from '../../domain/types';
import { useDistrictName } from '../names';
import './import-views.css';

/** Sites listed per imported file (the rest are on the map and in the export). */
export const LIST_CAP = 20;
/** Row errors listed in the report (the count is always given). */
export const ERROR_CAP = 30;

export default function ImportReportAndSets({ lang }: { lang: Lang }) {
  return (
    <>
      <ImportReport lang={lang} />
      <ImportedSets lang={lang} />
    </>
  );
}

/** Marks where a name goes in a text; a file name cannot hold it (NUL). */
const NAME_MARK = '\u0000';

/**
 * A text with a user's name in it (a file's), the name isolated in a <bdi> so that direction
 * characters in it (a file named with U+202E) cannot reorder the text around it.
 */
function WithName({ name, text }: { name: string; text: (name: string) => string }) {
  const parts = text(NAME_MARK).split(NAME_MARK);
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && <bdi>{name}</bdi>}
          {part}
        </span>
      ))}
    </>
  );
}

function where(lang: Lang, e: { line: number | null; index: number | null }): string {
  if (e.line !== null) return ti(lang, 'sitesLine', { n: e.line });
  if (e.index !== null) return ti(lang, 'sitesFeature', { n: e.index });
  return ti(lang, 'sitesNote');
}

const HOW: Record<EncodingReport['how'], SitesImportKey> = {
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
      {ti(lang, 'sitesReadAs', { enc: ENCODING_NAMES[report.encoding] })}
      {ti(lang, HOW[report.how])}
    </span>
  );
}

/** Read the file under review (or that failed) again in another encoding. */
function ReadAgain({ lang, report }: { lang: Lang; report: EncodingReport | null }) {
  const store = useStoreApi();
  const id = useId();
  return (
    <span className="sites-read-again">
      <label htmlFor={id}>{ti(lang, 'sitesReadAgain')}</label>{' '}
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
          <span className="where">{ti(lang, 'sitesNote')}</span> {reasonText(n, lang)}
        </li>
      ))}
      {shown.map((e) => (
        <li key={`${e.line ?? ''}:${e.index ?? ''}`} data-line={e.line ?? undefined} data-feature={e.line === null ? (e.index ?? undefined) : undefined}>
          <span className="where">{where(lang, e)}</span> {reasonText(e.reason, lang)}
        </li>
      ))}
      {more > 0 && <li className="more">{ti(lang, 'sitesMoreErrors', { n: more })}</li>}
    </ul>
  );
}

/** "Of these, lon/lat look swapped in 3 rows. [Swap lon/lat in 3 rows and import]" */
function SwapOffer({ lang, n }: { lang: Lang; n: number }) {
  const store = useStoreApi();
  if (n === 0) return null;
  return (
    <p className="sites-swap">
      {ti(lang, 'sitesSwappable', { n })}{' '}
      <button type="button" onClick={() => void retrySiteImport(store, { fixSwapped: true, confirm: true })} data-testid="sites-swap">
        {ti(lang, 'sitesSwap', { n })}
      </button>
    </p>
  );
}

/** Said with the report when the link worker stopped and a fresh one ran the import again. */
function RestartNote({ lang }: { lang: Lang }) {
  const note = useAppStore((s) => s.siteImportNote);
  if (note !== 'worker-restarted') return null;
  return (
    <p className="sites-hint" data-testid="sites-worker-restarted">
      {ti(lang, 'sitesWorkerRestarted')}
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
          <WithName name={st.fileName} text={(file) => ti(lang, 'sitesLinking', { file })} />
        </p>
      );
    case 'failed':
      return (
        <div className="sites-status failed" role="alert" data-phase="failed">
          <strong>
            <WithName name={st.fileName} text={(file) => ti(lang, 'sitesFailed', { file })} />
          </strong>
          <RestartNote lang={lang} />
          {st.message !== null ? (
            <p className="fatal">{reasonText(st.message, lang)}</p>
          ) : (
            <p>{ti(lang, 'sitesNoValid', { bad: st.result?.errorCount ?? 0 })}</p>
          )}
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
          <RestartNote lang={lang} />
          {st.duplicateOf !== null && (
            <p className="sites-duplicate" data-testid="sites-duplicate">
              <WithName name={st.duplicateOf} text={(twin) => ti(lang, 'sitesDuplicate', { twin })} />
            </p>
          )}
          {r.errorCount > 0 ? (
            <p>
              <strong>
                <WithName name={st.fileName} text={(file) => ti(lang, 'sitesReview', { file, good: r.set.count, bad: r.errorCount })} />
              </strong>
              {r.set.outside > 0 && <span className="sites-outside-count">{ti(lang, 'sitesOutsideCount', { n: countText(r.set.outside) })}</span>}
              {ti(lang, 'sitesEnd')}
            </p>
          ) : (
            r.set.outside > 0 && <p className="sites-outside-count">{ti(lang, 'sitesOutsideOnly', { n: countText(r.set.outside) })}</p>
          )}
          <SwapOffer lang={lang} n={r.fixSwapped ? 0 : r.swappable} />
          <ErrorList lang={lang} status={st} />
          <p className="sites-hint">
            <EncodingLine lang={lang} report={r.encoding} /> <ReadAgain lang={lang} report={r.encoding} />
          </p>
          <div className="sites-actions">
            <button type="button" className="primary" onClick={confirm} data-testid="sites-confirm">
              {r.errorCount > 0 ? ti(lang, 'sitesConfirm', { good: r.set.count, bad: r.errorCount }) : ti(lang, 'sitesImportAnyway')}
            </button>
            <button type="button" onClick={dismiss} data-testid="sites-cancel">
              {ti(lang, 'sitesCancel')}
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
          <WithName name={st.fileName} text={(file) => ti(lang, 'sitesDone', { file, n: countText(r.set.count), ms: Math.round(r.ms) })} />
          {st.skipped === 1 ? ti(lang, 'sitesDoneSkippedOne') : st.skipped > 1 && ti(lang, 'sitesDoneSkipped', { n: countText(st.skipped) })}
          {r.set.outside > 0 && <span className="sites-outside-count">{ti(lang, 'sitesOutsideCount', { n: countText(r.set.outside) })}</span>}{' '}
          <button type="button" className="link" onClick={dismiss}>
            {t(lang, 'dismiss')}
          </button>
          <p className="sites-hint">
            <EncodingLine lang={lang} report={r.encoding} />
          </p>
          <RestartNote lang={lang} />
          {r.notes.length > 0 && (
            <ul className="sites-errors" data-testid="sites-notes">
              {r.notes.map((n, i) => (
                <li key={i}>
                  <span className="where">{ti(lang, 'sitesNote')}</span> {reasonText(n, lang)}
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
  const district = useDistrictName();
  const sets = useAppStore((s) => s.siteSets);
  const remove = useAppStore((s) => s.removeSiteSet);
  const show = useAppStore((s) => s.showSiteSet);
  const select = useAppStore((s) => s.selectSite);
  const requestCamera = useAppStore((s) => s.requestCamera);
  const requestBesideCity = useAppStore((s) => s.requestBesideCity);
  if (sets.length === 0) return null;
  return (
    <div className="sites-sets">
      <h3>{ti(lang, 'sitesImported')}</h3>
      <ul aria-label={ti(lang, 'sitesImported')} data-testid="sites-sets">
        {sets.map((set, k) => (
          <li key={set.id} data-set={set.id} data-count={set.count} data-outside={set.outside}>
            <div className="set-head">
              {/* the legend's mark for the file's sites (a dot, as the map draws them; a ringed one read as a radio button) */}
              <Swatch s={{ kind: 'circle', color: siteColor(k), stroke: '#ffffff' }} />
              <span className="set-name" title={set.fileName} dir="auto">
                {set.fileName}
              </span>
              <span className="set-count">
                {ti(lang, 'sitesCount', { n: countText(set.count) })}
                {set.outside > 0 && ti(lang, 'sitesOutsideCount', { n: countText(set.outside) })}
              </span>
              <select
                className="set-crs"
                value={set.crs}
                aria-label={ti(lang, 'sitesSetCrs', { file: set.fileName })}
                data-testid="site-set-crs"
                onChange={(e) => void relinkSites(store, set.id, e.target.value as Crs)}
              >
                {CRS_CHOICES.map((c) => (
                  <option key={c.crs} value={c.crs}>
                    {c.short}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="link"
                onClick={() => show(set.id)}
                aria-label={ti(lang, 'sitesShowLabel', { file: set.fileName })}
                data-testid="site-set-show"
              >
                {ti(lang, 'sitesShow')}
              </button>
              <button
                type="button"
                className="link"
                onClick={() => remove(set.id)}
                aria-label={ti(lang, 'sitesRemoveLabel', { file: set.fileName })}
                data-testid="site-set-remove"
              >
                {ti(lang, 'sitesRemove')}
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
                      data-site-key={`${set.id}:${i}`}
                      onClick={() => {
                        select({ set: set.id, index: i });
                        const [x, y] = [set.coords[2 * i]!, set.coords[2 * i + 1]!];
                        // a site the map cannot show (Beijing): its card says where it is; the camera stays.
                        // One outside Shanghai that it can (Kunshan): framed with the city beside it
                        if (!insideMapBounds(x, y)) return;
                        if (d < 0) requestBesideCity(x, y);
                        else requestCamera(x, y, 12);
                      }}
                    >
                      <span className="site-name" dir="auto" data-name={(stringAt(set.names, i) ?? stringAt(set.ids, i)) ? '' : undefined}>
                        {stringAt(set.names, i) ?? stringAt(set.ids, i) ?? ti(lang, 'sitesUnnamed')}
                      </span>
                      <span className={`site-district${d < 0 ? ' outside' : ''}`}>{d < 0 ? ti(lang, 'sitesOutside') : district(set.districtNames[d])}</span>
                    </button>
                  </li>
                );
              })}
            </ol>
            {set.count > LIST_CAP && <p className="count-line">{ti(lang, 'sitesFirstN', { n: LIST_CAP })}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
