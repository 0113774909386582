import { t } from '../i18n';
import { SECTOR_COLORS } from '../theme/sectors';
import { useAppStore } from '../state/store';
import type { Link, ParkProps } from '../loaders/schemas';
import type { Derived } from '../state/derive';
import type { Lang } from '../domain/types';
import type { TopSectorId } from '../domain/ids';

/** Renders a URL as a link only when it is http(s); everything else stays plain text. */
export function SourceText({ text }: { text: string }) {
  // a URL runs to the next space; brackets inside it are kept when balanced, and trailing
  // punctuation (;,.) or an unbalanced closing bracket is left outside the link
  const parts = text.split(/(https?:\/\/(?:\([^\s()]*\)|[^\s()])+(?<![;,.]))/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} target="_blank" rel="noopener noreferrer">
            {part}
          </a>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
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
  const quote = l.phrase !== nodeName && l.phrase.length > 0 ? `：“${l.phrase}”` : '';
  if (l.via === 'designation') {
    const named = l.named_as ? (lang === 'zh' ? `，点名为“${l.named_as}”` : `, named as “${l.named_as}”`) : quote;
    return `${t(lang, 'viaDesignation')} ${l.clause}${named}`;
  }
  const by = l.by === 'footprint' ? t(lang, 'byFootprint') : '';
  return `${t(lang, 'viaZone')} ${zoneName(l.zone, lang, derived)}${by}（${l.clause}）${quote}`;
}

export function SectorReasons({ links, lang, derived }: { links: Link[]; lang: Lang; derived: Derived }) {
  const bySector = new Map<TopSectorId, Map<string, Link[]>>();
  for (const l of links) {
    const nodes = bySector.get(l.sector) ?? new Map<string, Link[]>();
    nodes.set(l.node, [...(nodes.get(l.node) ?? []), l]);
    bySector.set(l.sector, nodes);
  }
  const name = (id: string) => {
    const n = derived.sectorNodes.get(id);
    return n ? (lang === 'zh' ? n.name_zh : n.name_en) : id;
  };
  const nameZh = (id: string) => derived.sectorNodes.get(id)?.name_zh ?? id;
  return (
    <ul className="reasons">
      {[...bySector].map(([sector, nodes]) => (
        <li key={sector} data-sector={sector}>
          <strong>
            <span className="dot" style={{ background: SECTOR_COLORS[sector] }} aria-hidden="true" />
            {name(sector)}
          </strong>
          <ul>
            {[...nodes].map(([node, ls]) => (
              <li key={node} data-node={node}>
                {node !== sector && <span className="node">{name(node)}：</span>}
                {ls.map((l, i) => (
                  <span key={i} className="reason" data-via={l.via}>
                    {i > 0 && '；'}
                    {reasonText(l, lang, derived, nameZh(node))}
                    {l.note_zh && l.note_en && <span className="note"> ({lang === 'zh' ? l.note_zh : l.note_en})</span>}
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

export function ParkCard({ park, onClose }: { park: ParkProps; onClose(): void }) {
  const lang = useAppStore((s) => s.lang);
  const derived = useAppStore((s) => s.derived);
  const selectZone = useAppStore((s) => s.selectZone);
  if (!derived) return null;
  const other = lang === 'zh' ? park.name_en : park.name_zh;
  return (
    <article className="card park-card" aria-labelledby="card-h" data-park={park.id}>
      <header>
        <h2 id="card-h">{lang === 'zh' ? park.name_zh : park.name_en}</h2>
        <p className="alt-name">{other}</p>
        <button type="button" className="close" onClick={onClose} aria-label={t(lang, 'close')}>
          ×
        </button>
      </header>
      <dl>
        <dt>{t(lang, 'district')}</dt>
        <dd>{park.district ?? t(lang, 'none')}</dd>
        <dt>{t(lang, 'zones')}</dt>
        <dd>
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
        </dd>
      </dl>
      <h3>{t(lang, 'why')}</h3>
      <SectorReasons links={park.links} lang={lang} derived={derived} />
      <dl className="provenance">
        <dt>{t(lang, 'confidence')}</dt>
        <dd data-confidence={park.confidence}>
          {t(lang, `conf_${park.confidence}`)}
          {` · ${lang === 'zh' ? park.location_note_zh : park.location_note_en}`}
        </dd>
        <dt>{t(lang, 'source')}</dt>
        <dd>{park.source ? <SourceText text={park.source} /> : t(lang, 'ownEstimate')}</dd>
        {park.beyond_plan && <dd className="note">{t(lang, 'beyondPlan')}</dd>}
      </dl>
    </article>
  );
}
