/**
 * Colours of the user's imported sites, one per imported file in import order (repeating after the
 * last). Dark on purpose: every one differs from every sector colour (src/theme/sectors.ts) by a
 * CIELAB distance of at least 25 (tested), so a site is never taken for a park of a sector.
 */
export const SITE_COLORS = ['#111111', '#4a044e', '#052e16', '#1e1b4b', '#7f1d1d', '#422006'] as const;

/** The slot in SITE_COLORS of the k-th imported file's colour (what a site on the map carries as `c`). */
export function siteColorSlot(k: number): number {
  return ((k % SITE_COLORS.length) + SITE_COLORS.length) % SITE_COLORS.length;
}

/** The colour of the k-th imported file. */
export function siteColor(k: number): string {
  return SITE_COLORS[siteColorSlot(k)]!;
}

/**
 * The bubbles of clustered sites, by how many sites they hold (below 100, 1,000, 10,000, and
 * more): the sites' own ink, pale to dark, apart from every sector colour (CIELAB ≥ 25, tested).
 * `text` is the count's colour on each.
 */
export const SITE_CLUSTER_STEPS = [
  { below: 100, fill: '#e4e0ea', text: '#1e1b2b' },
  { below: 1000, fill: '#c8c2d6', text: '#1e1b2b' },
  { below: 10000, fill: '#4a3f66', text: '#ffffff' },
  { below: Infinity, fill: '#1e1b2b', text: '#ffffff' },
] as const;
/** the bubbles' outline */
export const SITE_CLUSTER_STROKE = '#4a3f66';
