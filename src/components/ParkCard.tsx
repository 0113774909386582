import { t } from '../i18n';
import type { Lang } from '../i18n';
import { SECTOR_COLORS } from '../theme/sectors';
import { useAppStore } from '../state/store';
import type { Link, ParkProps, TopSectorId } from '../loaders/schemas';
import type { Derived } from '../state/derive';

/** Renders a URL as a link only when it is http(s); everything else stays plain text. */
export function SourceText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s)]+)/g);
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

function reason(l: Link, lang: Lang, derived: Derived): string {
  if (l.via === 'designation') return `${t(lang, 'viaDesignation')} ${l.clause}：“${l.phrase}”`;
  const z = derived.zones.find((x) => x.id === l.zone);
  const zoneName = z ? (lang === 'zh' ? z.name_zh : z.name_en) : (l.zone ?? '');
  return `${t(lang, 'viaZone')} ${zoneName}（${l.clause}）：“${l.phrase}”`;
}

export function SectorReasons({ links, lang, derived }: { links: Link[]; lang: Lang; derived: Derived }) {
  const bySector = new Map<TopSectorId, Link[]>();
  for (const l of links) bySector.set(l.sector, [...(bySector.get(l.sector) ?? []), l]);
  const node = (id: string) => derived.sectorNodes.get(id);
  const name = (id: string) => {
    const n = node(id);
    return n ? (lang === 'zh' ? n.name_zh : n.name_en) : id;
  };
  return (
    <ul className="reasons">
      {[...bySector].map(([sector, ls]) => (
        <li key={sector} data-sector={sector}>
          <strong>
            <span className="dot" style={{ background: SECTOR_COLORS[sector] }} aria-hidden="true" />
            {name(sector)}
          </strong>
          <ul>
            {ls.map((l, i) => (
              <li key={i} data-via={l.via}>
                {l.node !== sector && <span className="node">{name(l.node)} · </span>}
                {reason(l, lang, derived)}
                {l.note && <div className="note">{l.note}</div>}
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
          {park.location_note && ` · ${park.location_note}`}
        </dd>
        <dt>{t(lang, 'source')}</dt>
        <dd>
          <SourceText text={park.source} />
        </dd>
        {park.beyond_plan && <dd className="note">{t(lang, 'beyondPlan')}</dd>}
      </dl>
    </article>
  );
}
