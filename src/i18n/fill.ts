/**
 * A UI string with its `{name}` placeholders filled from `vars`, and English plurals: "{n} park{s}"
 * reads "1 park", "2 parks" (the count may come grouped, "1,001"). Shared by every string table.
 */
export function fill(s: string, vars: Record<string, string | number>): string {
  let out = s;
  // a function, so a value's own "$&" or "$1" (a file's name) is written as it is, not as a pattern
  for (const [k, v] of Object.entries(vars)) out = out.replaceAll(`{${k}}`, () => String(v));
  return out.replace('{s}', String(vars.n).replace(/,/g, '') === '1' ? '' : 's');
}
