/**
 * Colours of the user's imported sites, one per imported file in import order (repeating after the
 * last). Dark on purpose: every one differs from every sector colour (src/theme/sectors.ts) by a
 * CIELAB distance of at least 25 (tested), so a site is never taken for a park of a sector.
 */
export const SITE_COLORS = ['#111111', '#4a044e', '#052e16', '#1e1b4b', '#7f1d1d', '#422006'] as const;

/** The colour of the k-th imported file. */
export function siteColor(k: number): string {
  return SITE_COLORS[((k % SITE_COLORS.length) + SITE_COLORS.length) % SITE_COLORS.length]!;
}
