/**
 * Both languages in the data: every text field `x_zh` has its `x_en` beside it and the other way
 * round, both non-empty (or both null), and the Chinese one is Chinese. Names aside: a `name_zh`
 * may stand alone (a name as the source words it); where a `name_en` is given, both must be. Works on raw JSON, before
 * any schema, so that a missing language is reported as such and not as some other shape error.
 */
const CJK = /[\u3400-\u9fff]/;
/** stems whose Chinese may hold no Chinese character (names such as 5G, figures such as 60%) */
const LATIN_OK = new Set(['name', 'text']);

export interface LanguageProblem {
  /** JSON path, e.g. parks.3.position.note_en */
  path: string;
  reason: string;
}

export function checkBilingual(value: unknown, path: (string | number)[] = []): LanguageProblem[] {
  const out: LanguageProblem[] = [];
  walk(value, path, out);
  return out;
}

function walk(v: unknown, path: (string | number)[], out: LanguageProblem[]): void {
  if (Array.isArray(v)) {
    v.forEach((x, i) => walk(x, [...path, i], out));
    return;
  }
  if (v === null || typeof v !== 'object') return;
  const o = v as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    const m = /^(.*)_(zh|en)$/.exec(key);
    if (m) {
      const [, stem, lang] = m as unknown as [string, string, 'zh' | 'en'];
      const other = `${stem}_${lang === 'zh' ? 'en' : 'zh'}`;
      const here = o[key];
      const there = o[other];
      const at = [...path, key].join('.');
      if (stem === 'name' && !(other in o)) {
        // a name alone, as the source words it (a listed name, a district): names are not translated
      } else if (!(other in o) || (typeof here === 'string' && there === null) || (here === null && typeof there === 'string'))
        out.push({ path: at, reason: `${key} has no ${other} beside it (every text exists in zh and en)` });
      else if (typeof here === 'string' && !here.trim()) out.push({ path: at, reason: `${key} is empty` });
      else if (lang === 'zh' && typeof here === 'string' && !LATIN_OK.has(stem) && !CJK.test(here))
        out.push({ path: at, reason: `${key} is not Chinese: “${here.slice(0, 40)}”` });
    }
    walk(o[key], [...path, key], out);
  }
}
