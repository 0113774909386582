/**
 * The files the app fetches from public/geo at start-up, by role. A module of its own (no zod, no
 * Turf) so the Vite plugin that preloads them (build/preload-geo-plugin.ts) and the bench's bare
 * page can share the list.
 */
export const GEO_FILES = {
  manifest: 'manifest.json',
  sectors: 'sectors.json',
  districts: 'districts.geojson',
  zones: 'zones.geojson',
  parks: 'parks.geojson',
  basemap: 'basemap.geojson',
  footprints: 'footprints.geojson',
} as const;
