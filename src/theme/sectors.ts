import type { TopSectorId } from '../domain/ids';

/** One colour per top-level sector: parks, legend, filter chips and cards all read this. */
export const SECTOR_COLORS: Record<TopSectorId, string> = {
  ic: '#1f5fbf',
  biomed: '#1e9e4a',
  ai: '#d03a2f',
  nev: '#0fa3b1',
  equipment: '#8a5a2b',
  aerospace: '#7b4fc9',
  infocomm: '#d9468f',
  materials: '#6b7280',
  digital: '#e07b00',
  photonics: '#a3a300',
  'gene-cell': '#5fae7d',
  brain: '#e2777a',
  marine: '#4a90c2',
  hydrogen: '#9c84c9',
  '6g': '#a27b6f',
};
