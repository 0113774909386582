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
} as const;

export const CLUSTER_COLORS = {
  ic: SECTOR_COLORS.ic,
  biomed: SECTOR_COLORS.biomed,
  ai: SECTOR_COLORS.ai,
  digital: SECTOR_COLORS.digital,
} as const;
