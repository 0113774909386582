/**
 * A small triangle pointing `dir`, drawn rather than typed: ▾ ▴ ▸ are missing from common CJK
 * system fonts (WenQuanYi here), and a character the system lacks makes the page load a slice of
 * the bundled font and lay out all of its text again when it lands, while the map loads.
 */
const PATHS = { down: 'M1 3h8L5 8z', up: 'M1 7h8L5 2z', right: 'M3 1v8l5-4z' } as const;

export function Caret({ dir }: { dir: keyof typeof PATHS }) {
  return (
    <svg className="caret-icon" width="0.7em" height="0.7em" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      <path d={PATHS[dir]} fill="currentColor" />
    </svg>
  );
}
