import type { ReactNode } from 'react';
import type { Lang } from '../domain/types';

/** A run of Chinese (digits and the middle dot inside it, as in 沪府办发〔2021〕10号). */
const ZH_RUN =
  /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e](?:[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e0-9·]*[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e])?/g;
/** A run of English words (with the spaces and punctuation between them). */
const EN_RUN = /[A-Za-z][A-Za-z0-9'’.,:;()&\- ]*[A-Za-z0-9)]|[A-Za-z]/g;

/**
 * Text in the UI's language that quotes names or words in the other (a place, a road, the plan's
 * own words and clause numbers): each run of the other script is marked with its language, so that
 * screen readers and fonts treat it as such.
 */
export function Mixed({ text, lang }: { text: string; lang: Lang }) {
  const run = lang === 'zh' ? EN_RUN : ZH_RUN;
  const other = lang === 'zh' ? 'en' : 'zh';
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(run)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push(
      <span key={m.index} lang={other}>
        {m[0]}
      </span>,
    );
    at = m.index + m[0].length;
  }
  if (at === 0) return <>{text}</>;
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}
