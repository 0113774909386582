import { Mixed } from './Mixed';
import { clauseLabel, inParens, t } from '../i18n';
import type { StringKey } from '../i18n';
import { SECTOR_COLORS } from '../theme/sectors';
import { useAppStore } from '../state/store';
import { selectFilteredTopSectors } from '../state/selectors/parks';
import { areaFact, lead, sectorVerdicts } from '../export/park-facts';
import type { SectorVerdict } from '../export/park-facts';
import type { Link, ParkProps } from '../loaders/schemas';
import type { Derived } from '../state/derive';
import type { Lang } from '../domain/types';
import type { TopSectorId } from '../domain/ids';
import { sectorNameIn, useDistrictName } from './names';
import { useCardFocus } from './card-focus';

/**
 * A URL as a reader reads it: host and path, percent-escapes decoded (zh.wikipedia.org/wiki/马桥镇),
 * cut at 60 characters; the link keeps the URL itself.
 */
export function readableUrl(url: string): string {
  let text = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  try {
    text = decodeURI(text);
  } catch {
    // a malformed escape: shown as written
  }
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Renders a URL as a link only when it is http(s); everything else stays plain text. */
export function SourceText({ text }: { text: string }) {
  // a URL runs to the next space; brackets inside it are kept when balanced, and trailing
  // punctuation (;,.) or an unbalanced closing bracket is left outside the link
  const parts = text.split(/(https?:\/\/(?:\([^\s()]*\)|[^\s()])+(?<![;,.]))/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          // the address names a page, in the page's own words (a Chinese title in English too): a name, not the interface's text
          <a key={i} href={part} target="_blank" rel="noopener noreferrer" title={part} data-name>
            {readableUrl(part)}
          </a>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

/** A fact's source as a short link (its host name); anything but an http(s) URL stays text. */
export function SourceLink({ url, lang }: { url: string; lang: Lang }) {
  if (!/^https?:\/\/\S+$/.test(url)) return <span className="source-link">{url}</span>;
  let host = url;
  try {
    host = new URL(url).hostname;
  } catch {
    // not a URL after all: show it whole
  }
  return (
    <a className="source-link" href={url} target="_blank" rel="noopener noreferrer" title={url}>
      {t(lang, 'sourceWord')}
      {lang === 'zh' ? '：' : ': '}
      {host}
    </a>
  );
}

function zoneName(id: string | null, lang: Lang, derived: Derived): string {
  const z = derived.zones.find((x) => x.id === id);
  return z ? (lang === 'zh' ? z.name_zh : z.name_en) : (id ?? '');
}

/** One reason in a line: which document links this place to the sector, and where it says so. */
export function reasonText(l: Link, lang: Lang, derived: Derived, nodeName: string): string {
  if (l.via === 'list' && l.list) {
    const doc = lang === 'zh' ? l.list.document_zh : l.list.document_en;
    const cat = lang === 'zh' ? l.list.category_zh : l.list.category_en;
    const date = l.list.date ? (lang === 'zh' ? `，${l.list.date}` : `, ${l.list.date}`) : '';
    return lang === 'zh' ? `${t(lang, 'viaList')}（${doc}${date}）：${cat}` : `${t(lang, 'viaList')} (${doc}${date}): ${cat}`;
  }
  const quote = l.phrase !== nodeName && l.phrase.length > 0 ? `${lang === 'zh' ? '：' : ': '}“${l.phrase}”` : '';
  if (l.via === 'designation') {
    const named = l.named_as ? (lang === 'zh' ? `，点名为“${l.named_as}”` : `, named as “${l.named_as}”`) : quote;
    return `${t(lang, 'viaDesignation')} ${clauseLabel(l.clause ?? '', lang)}${named}`;
  }
  const by = l.by === 'footprint' ? t(lang, 'byFootprint') : '';
  return `${t(lang, 'viaZone')} ${zoneName(l.zone, lang, derived)}${by}${inParens(clauseLabel(l.clause ?? '', lang), lang)}${quote}`;
}

/**
 * Every link, grouped by sector and node; each says its document and, for a link through a zone,
 * its strength (a cluster of the sector, or a broad area only). `strengths` false: a zone's own
 * designations, which have no strength of their own.
 */
export function SectorReasons({
  links,
  lang,
  derived,
  strengths = true,
  first,
}: {
  links: Link[];
  lang: Lang;
  derived: Derived;
  strengths?: boolean;
  /** sectors listed first (the ones the user filters by), the others after them in the links' order */
  first?: ReadonlySet<TopSectorId>;
}) {
  const bySector = new Map<TopSectorId, Map<string, Link[]>>();
  for (const l of links) {
    const nodes = bySector.get(l.sector) ?? new Map<string, Link[]>();
    nodes.set(l.node, [...(nodes.get(l.node) ?? []), l]);
    bySector.set(l.sector, nodes);
  }
  const name = (id: string) => sectorNameIn(derived.sectorNodes, id, lang);
  const nameZh = (id: string) => derived.sectorNodes.get(id)?.name_zh ?? id;
  return (
    <ul className="reasons">
      {[...bySector]
        .sort(([a], [b]) => (first ? lead(a, first) - lead(b, first) : 0))
        .map(([sector, nodes]) => (
          <li key={sector} data-sector={sector}>
            <strong>
              <span className="dot" style={{ background: SECTOR_COLORS[sector] }} aria-hidden="true" />
              {name(sector)}
            </strong>
            <ul>
              {[...nodes].map(([node, ls]) => (
                <li key={node} data-node={node}>
                  {node !== sector && (
                    <span className="node">
                      {name(node)}
                      {lang === 'zh' ? '：' : ': '}
                    </span>
                  )}
                  {ls.map((l, i) => (
                    <span key={i} className="reason" data-via={l.via} data-strength={strengths ? l.strength : undefined}>
                      {i > 0 && (lang === 'zh' ? '；' : '; ')}
                      {strengths && l.via === 'zone' && <span className={`strength s-${l.strength}`}>{t(lang, `strengthShort_${l.strength}`)}</span>}
                      <Mixed text={reasonText(l, lang, derived, nameZh(node))} lang={lang} />
                      {l.note_zh && l.note_en && (
                        <span className="note">
                          {' '}
                          (<Mixed text={lang === 'zh' ? l.note_zh : l.note_en} lang={lang} />)
                        </span>
                      )}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </li>
        ))}
    </ul>
  );
}

/** What the strongest link says in a few words: the clause, the list's category, or the zone. */
function verdictRef(v: SectorVerdict, lang: Lang, derived: Derived): string {
  const l = v.link;
  if (l.via === 'designation') return clauseLabel(l.clause ?? '', lang);
  if (l.via === 'list' && l.list) return t(lang, 'categoryOf', { cat: lang === 'zh' ? l.list.category_zh : l.list.category_en });
  return zoneName(l.zone, lang, derived);
}

/** One line per sector, strongest first: named by the plan, on the list, inside a cluster, inside a broad area. */
export function Verdicts({ links, lang, derived, first }: { links: Link[]; lang: Lang; derived: Derived; first?: ReadonlySet<TopSectorId> }) {
  const verdicts = sectorVerdicts(links, first);
  if (verdicts.length === 0) return <p className="verdicts-none">{t(lang, 'none')}</p>;
  return (
    <ul className="verdicts">
      {verdicts.map((v) => {
        return (
          <li key={v.sector} data-sector={v.sector} data-strength={v.strength} data-chosen={first?.has(v.sector) || undefined}>
            <span className="dot" style={{ background: SECTOR_COLORS[v.sector] }} aria-hidden="true" />
            <span className="verdict-sector">{sectorNameIn(derived.sectorNodes, v.sector, lang)}</span>
            <span className={`strength s-${v.strength}`}>
              {t(lang, v.strength === 'broad' && v.link.via === 'designation' ? 'strength_broadNamed' : `strength_${v.strength}`)}
            </span>
            <span className="verdict-ref">
              <Mixed text={verdictRef(v, lang, derived)} lang={lang} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** A distance in metres as m or km in the UI language (`plusMinus`: a radius, ±). */
export function metres(m: number, lang: Lang, plusMinus = false): string {
  const km = m >= 1000;
  const n = km ? String(Math.round(m / 100) / 10) : String(Math.round(m));
  const key: StringKey = plusMinus ? (km ? 'radiusKm' : 'radiusM') : km ? 'distKm' : 'distM';
  return t(lang, key, { n });
}

/** The size line: the stated area with what it measures and its source, or the footprint's, or none. */
export function AreaText({ park, lang }: { park: Pick<ParkProps, 'listing' | 'footprint_km2'>; lang: Lang }) {
  const a = areaFact(park);
  if (a.kind === 'none') return <span data-area="none">{t(lang, 'areaNone')}</span>;
  if (a.kind === 'footprint')
    return (
      <span data-area={a.km2}>
        ≈ {a.km2} km² · <span className="note">{t(lang, 'areaFootprint')}</span>
      </span>
    );
  return (
    <span data-area={a.km2}>
      {a.km2} km² · <span className="note">{lang === 'zh' ? a.what_zh : a.what_en}</span> <SourceLink url={a.source} lang={lang} />
    </span>
  );
}

/** Confidence, the radius the data states, and how the point was found. */
export function PositionText({ park, lang }: { park: ParkProps; lang: Lang }) {
  return (
    <>
      <strong>{t(lang, `conf_${park.confidence}`)}</strong> · <span data-radius={park.position.radius_m}>{metres(park.position.radius_m, lang, true)}</span> ·{' '}
      <span data-method={park.position.method}>{t(lang, `method_${park.position.method}`)}</span>
    </>
  );
}

/** The list's batch and category in a few words (or "not on the list"). */
export function listText(park: ParkProps, lang: Lang): string {
  const l = park.listing;
  if (!l) return t(lang, 'notListed');
  const parts = [
    l.batch ? t(lang, 'batchLine', { year: l.batch.year }) : null,
    l.category ? t(lang, 'categoryOf', { cat: lang === 'zh' ? l.category.zh : l.category.en }) : null,
  ];
  const said = parts.filter((x): x is string => x !== null);
  return said.length ? said.join(' · ') : t(lang, 'listShort');
}

function FactNote({ fact, lang }: { fact: { source: string; note_zh?: string; note_en?: string }; lang: Lang }) {
  const note = lang === 'zh' ? fact.note_zh : fact.note_en;
  return (
    <>
      {' '}
      <SourceLink url={fact.source} lang={lang} />
      {note && <span className="note"> ({note})</span>}
    </>
  );
}

/** Everything the official list says about the place, each fact with its source. */
function ListingDetails({ park, lang }: { park: ParkProps; lang: Lang }) {
  const district = useDistrictName();
  const l = park.listing;
  if (!l) return null;
  return (
    <details className="card-details" data-details="listing">
      <summary>{t(lang, 'listing')}</summary>
      <dl>
        <dt>{t(lang, 'listName')}</dt>
        <dd lang="zh">{l.name_zh}</dd>
        <dt>{t(lang, 'listedIn')}</dt>
        <dd>
          <FactNote fact={l.listed} lang={lang} />
        </dd>
        {l.seq !== null && (
          <>
            <dt>{t(lang, 'listSeq')}</dt>
            <dd>{l.seq}</dd>
          </>
        )}
        {l.batch && (
          <>
            <dt>{t(lang, 'listBatch')}</dt>
            <dd>
              {t(lang, 'batchLine', { year: l.batch.year })} ({l.batch.date})
              <FactNote fact={l.batch} lang={lang} />
            </dd>
          </>
        )}
        {l.category && (
          <>
            <dt>{t(lang, 'listCategory')}</dt>
            <dd>
              {lang === 'zh' ? l.category.zh : l.category.en}
              <FactNote fact={l.category} lang={lang} />
            </dd>
          </>
        )}
        {l.areas.map((a, i) => (
          <div key={i} className="dl-row">
            <dt>{t(lang, 'area')}</dt>
            <dd>
              {a.km2} km² · {lang === 'zh' ? a.what_zh : a.what_en}
              <FactNote fact={a} lang={lang} />
            </dd>
          </div>
        ))}
        {l.district && (
          <>
            <dt>{t(lang, 'listDistrict')}</dt>
            <dd>
              {district(l.district.name_zh)}
              <FactNote fact={l.district} lang={lang} />
            </dd>
          </>
        )}
      </dl>
      {l.blocks.length > 0 && (
        <>
          <h4>{t(lang, 'blocks')}</h4>
          <table className="blocks">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'block')}</th>
                <th scope="col">{t(lang, 'east')}</th>
                <th scope="col">{t(lang, 'south')}</th>
                <th scope="col">{t(lang, 'west')}</th>
                <th scope="col">{t(lang, 'north')}</th>
              </tr>
            </thead>
            <tbody>
              {l.blocks.map((b, i) => (
                <tr key={i} data-block={i}>
                  <th scope="row">{(lang === 'zh' ? b.name_zh : b.name_en) ?? '—'}</th>
                  <td>{b.east ?? '—'}</td>
                  <td>{b.south ?? '—'}</td>
                  <td>{b.west ?? '—'}</td>
                  <td>{b.north ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="note">
            <SourceLink url={l.blocks[0]!.source} lang={lang} />
          </p>
        </>
      )}
    </details>
  );
}

/** The position in full: the note, the coordinate it rests on (and its datum check), and the ones not used. */
function PositionDetails({ park, lang }: { park: ParkProps; lang: Lang }) {
  const ref = park.position.ref;
  return (
    <details className="card-details" data-details="position">
      <summary>{t(lang, 'aboutPosition')}</summary>
      <p>{lang === 'zh' ? park.location_note_zh : park.location_note_en}</p>
      {ref && (
        <p data-ref-what={ref.what}>
          {t(lang, 'restsOn', { name: lang === 'zh' ? ref.name_zh : ref.name_en, what: t(lang, `what_${ref.what}`), d: metres(ref.distance_m, lang) })} ·{' '}
          {t(lang, `datum_${ref.datum}`)}
          {ref.source !== park.source && (
            <>
              {' '}
              <SourceLink url={ref.source} lang={lang} />
            </>
          )}
        </p>
      )}
      {park.position.rejected.length > 0 && (
        <>
          <h4>{t(lang, 'rejected')}</h4>
          <ul className="rejected">
            {park.position.rejected.map((r, i) => (
              <li key={i}>
                {lang === 'zh' ? r.name_zh : r.name_en}: {lang === 'zh' ? r.reason_zh : r.reason_en} <SourceLink url={r.source} lang={lang} />
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}

/**
 * A park's card, the answer first: a verdict per sector (its strongest link), then size,
 * location confidence (with the radius the data states, the method and the source), the district
 * and the list; then the details (zones, every link with its clause and words, the list's facts
 * and 四至, the position's note).
 */
export function ParkCard({ park, onClose }: { park: ParkProps; onClose(): void }) {
  const lang = useAppStore((s) => s.lang);
  const derived = useAppStore((s) => s.derived);
  const first = useAppStore(selectFilteredTopSectors);
  const selectZone = useAppStore((s) => s.selectZone);
  const district = useDistrictName();
  const cardRef = useCardFocus<HTMLElement>(park.id);
  if (!derived) return null;
  const other = lang === 'zh' ? park.name_en : park.name_zh;
  return (
    <article ref={cardRef} className="card park-card" aria-labelledby="card-h" data-park={park.id}>
      <header>
        <h2 id="card-h" tabIndex={-1}>
          {lang === 'zh' ? park.name_zh : park.name_en}
        </h2>
        <p className="alt-name" lang={lang === 'zh' ? 'en' : 'zh'}>
          {other}
        </p>
        <button type="button" className="close" onClick={onClose} aria-label={t(lang, 'close')}>
          ×
        </button>
      </header>
      <section className="verdict" aria-label={t(lang, 'verdict')}>
        <Verdicts links={park.links} lang={lang} derived={derived} first={first} />
      </section>
      <dl className="facts provenance">
        <dt>{t(lang, 'area')}</dt>
        <dd data-fact="area">
          <AreaText park={park} lang={lang} />
        </dd>
        <dt>{t(lang, 'confidence')}</dt>
        <dd data-fact="position" data-confidence={park.confidence}>
          <PositionText park={park} lang={lang} />
        </dd>
        <dt>{t(lang, 'source')}</dt>
        <dd data-fact="source">{park.source ? <SourceText text={park.source} /> : t(lang, 'ownEstimate')}</dd>
        <dt>{t(lang, 'basis')}</dt>
        <dd data-fact="basis" data-basis={park.basis.join(' ')}>
          {park.beyond_plan ? t(lang, 'beyondPlan') : park.basis.map((b) => t(lang, `basis_${b}`)).join(' · ')}
        </dd>
        <dt>{t(lang, 'listShort')}</dt>
        <dd data-fact="list">{listText(park, lang)}</dd>
        <dt>{t(lang, 'district')}</dt>
        <dd data-fact="district">{park.district ? district(park.district) : t(lang, 'none')}</dd>
      </dl>
      <h3>{t(lang, 'zones')}</h3>
      <p className="zone-chips">
        {park.zones.length === 0
          ? t(lang, 'none')
          : park.zones.map((id) => {
              const z = derived.zones.find((x) => x.id === id);
              return (
                <button key={id} type="button" className="chip" onClick={() => selectZone(id)}>
                  {z ? (lang === 'zh' ? z.name_zh : z.name_en) : id}
                </button>
              );
            })}
      </p>
      <h3>{t(lang, 'why')}</h3>
      <SectorReasons links={park.links} lang={lang} derived={derived} first={first} />
      <ListingDetails park={park} lang={lang} />
      <PositionDetails park={park} lang={lang} />
    </article>
  );
}
