/**
 * Splits the plan's text into clauses: 五（三） for a section, 三（七）3 for a numbered item in it.
 * Text is normalised (all whitespace removed) because the source wraps lines mid-word.
 */
const PART_RE = /^\s*([一二三四五六七])、/;
const SECTION_RE = /^\s*（([一二三四五六七八九十])）/;
/** item numbers: 1． 1. １． at the start of a paragraph or after 。：； */
const ITEM_RE = /(^|[。：:；\uE000])([0-9０-９]{1,2})[．.](?=[^0-9０-９])/g;
const LINE_MARK = '\uE000';

const toAscii = (d: string) => d.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function countMarks(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s[i] === LINE_MARK) n++;
  return n;
}

export function normaliseText(s: string): string {
  return s.replace(/\s+/g, '');
}

export function parsePlanClauses(text: string): Map<string, string> {
  const sections = new Map<string, string[]>();
  let part: string | null = null;
  let current: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const pm = PART_RE.exec(raw);
    if (pm) {
      part = pm[1] ?? null;
      current = null;
      continue;
    }
    const sm = SECTION_RE.exec(raw);
    if (sm && part) {
      current = `${part}（${sm[1]}）`;
      sections.set(current, [raw.slice(sm[0].length)]);
      continue;
    }
    if (current) sections.get(current)!.push(raw);
  }
  const clauses = new Map<string, string>();
  for (const [id, lines] of sections) {
    // Item numbers are recognised after 。：； or at the start of a source line (marked with
    // a private-use character so that the whitespace-free text keeps line starts).
    const marked = normaliseText(lines.map((l) => LINE_MARK + l).join('\n'));
    const body = marked.split(LINE_MARK).join('');
    clauses.set(id, body);
    const marks: { n: string; at: number }[] = [];
    // positions are found on the marked text and mapped back to the clean text
    let removed = 0;
    let last = 0;
    for (const m of marked.matchAll(ITEM_RE)) {
      removed += countMarks(marked, last, m.index + m[1]!.length);
      last = m.index + m[1]!.length;
      marks.push({ n: toAscii(m[2]!), at: last - removed });
    }
    for (let i = 0; i < marks.length; i++) {
      const { n, at } = marks[i]!;
      const end = i + 1 < marks.length ? marks[i + 1]!.at : body.length;
      const key = `${id}${n}`;
      const piece = body.slice(at, end);
      clauses.set(key, (clauses.get(key) ?? '') + piece);
    }
  }
  return clauses;
}
