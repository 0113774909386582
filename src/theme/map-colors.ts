/** The map's own colours (land, water, lines, the plan's layers), shared by its style, legend and image export. */
import { SECTOR_COLORS } from './sectors';

export const COLORS = {
  water: '#cfe1ec',
  neighbourLand: '#ebe7df',
  neighbourLine: '#c9c1b3',
  land: '#faf8f3',
  districtLine: '#b5aa98',
  districtLabel: '#6f6558',
  river: '#8fbad6',
  road: '#d99a3d',
  pole: '#6a3fb5',
  serviceBelt: '#0e7490',
  hBelt: '#9a5b13',
  selected: '#111111',
  /** the chosen point of the find tools: a dark ring on white, unlike every park dot and site */
  chosenPoint: '#1f2328',
  /** schematic park footprints: a neutral ink, not a sector's colour */
  footprint: '#5b6470',
  /** a briefing chapter's highlighted zones and parks (ringed) */
  highlight: '#d4006a',
} as const;

export const CLUSTER_COLORS = {
  ic: SECTOR_COLORS.ic,
  biomed: SECTOR_COLORS.biomed,
  ai: SECTOR_COLORS.ai,
  digital: SECTOR_COLORS.digital,
} as const;

/**
 * The cluster layouts of the plan (the zones' `group`), each with its colour and dash: the map's
 * line layers, the legend and the chooser's swatches read them. The digital layer draws two
 * layouts, told apart by their dash.
 */
export const LAYOUT_STYLES = {
  'ic-one-body-two-wings': { color: CLUSTER_COLORS.ic, dash: [2, 1.5] },
  'biomed-1-5-x': { color: CLUSTER_COLORS.biomed, dash: [2, 1.5] },
  'ai-4-x': { color: CLUSTER_COLORS.ai, dash: [2, 1.5] },
  'digital-industries': { color: CLUSTER_COLORS.digital, dash: [2, 1.5] },
  'fintech-two-cities-one-belt-one-port': { color: CLUSTER_COLORS.digital, dash: [0.5, 1.5] },
} as const satisfies Record<string, { color: string; dash: readonly number[] }>;
export type LayoutId = keyof typeof LAYOUT_STYLES;

/** A zone's colour by its group (a cluster layout, a pole, a belt or an axis). */
export function zoneColor(group: string): string {
  if (group in LAYOUT_STYLES) return LAYOUT_STYLES[group as LayoutId].color;
  if (group === 'two-poles') return COLORS.pole;
  if (group === 'service-belt') return COLORS.serviceBelt;
  return COLORS.hBelt;
}

/** WCAG's relative luminance of #rrggbb */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG's contrast ratio of #rrggbb on white (1 to 21). */
export const contrastOnWhite = (hex: string): number => 1.05 / (luminance(hex) + 0.05);

/** Small map text (11.5 px, strokes about 1 px wide) needs WCAG's enhanced contrast to read. */
export const LABEL_CONTRAST = 7;

/**
 * A colour for small text drawn with a white halo: the colour itself where it reads on white at
 * LABEL_CONTRAST, else the same hue darkened until it does (the digital layouts' orange #e07b00
 * was 3:1, its labels pale on their own fill).
 */
export function labelInk(hex: string): string {
  let [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let out = hex;
  while (contrastOnWhite(out) < LABEL_CONTRAST) {
    [r, g, b] = [r, g, b].map((c) => Math.floor(c * 0.95)) as [number, number, number];
    out = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  }
  return out;
}

/** #rrggbb at an alpha, as rgba() */
export const withAlpha = (hex: string, alpha: number): string =>
  `rgba(${parseInt(hex.slice(1, 3), 16)},${parseInt(hex.slice(3, 5), 16)},${parseInt(hex.slice(5, 7), 16)},${alpha})`;

/** The band along the border of a cluster zone built from whole districts: width in px and alpha. */
export const DISTRICT_BAND_PX = 5;
export const DISTRICT_BAND_ALPHA = 0.4;

/** The dot of a park linked to the selected sectors only through a broad area. */
export const BROAD_DOT_OPACITY = 0.55;

/**
 * A park's basis as a dark ring just outside its dot (line widths, px): thin when the plan names
 * it, thick when it is on the official list too, none for the official list alone.
 */
export const BASIS_RING = { plan: 1.25, both: 2.75, color: '#1f2328', gap: 3.5 } as const;
