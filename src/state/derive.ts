/**
 * Everything the UI and the map derive from the loaded data, computed once per load (and the
 * park colours once per filter change). Pure.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { GeoData } from '../loaders/load-geo';
import type { ParkProps, SectorsFile, ZoneProps, DistrictProps } from '../loaders/schemas';
import { SECTOR_COLORS } from '../theme/sectors';
import { parkStrength, primarySector, shortName } from './filter';
import type { TopSectorId } from '../domain/ids';

export interface SectorNodeInfo {
  id: string;
  top: TopSectorId;
  name_zh: string;
  name_en: string;
  isTop: boolean;
}

export interface Derived {
  parks: ParkProps[];
  parkCoords: Map<string, [number, number]>;
  zones: ZoneProps[];
  sectorNodes: Map<string, SectorNodeInfo>;
  districtLabels: FeatureCollection<Point, DistrictProps>;
  zoneLabels: FeatureCollection<Point, ZoneProps & { label_zh: string; label_en: string; text_zh: string; text_en: string }>;
  /** zone id → ids of the parks inside it */
  parksInZone: Map<string, string[]>;
  provinces: FeatureCollection;
  basemapLines: FeatureCollection;
}

/** One point feature per item at its `label` (computed by the data build). */
function points<P extends { label: [number, number] }>(items: P[]): FeatureCollection<Point, P> {
  return { type: 'FeatureCollection', features: items.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: p.label }, properties: p })) };
}

/**
 * English for the map's labels: curly quotes as straight ones. The labels' font (Noto Sans SC) draws
 * ‘ ’ “ ” full-width, as Chinese sets them, which opens wide gaps in English ("IC ‘one body’: …").
 */
function latinQuotes(s: string): string {
  return s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
}

export function deriveData(geo: GeoData): Derived {
  const parks = geo.parks.ok ? geo.parks.data.features.map((f) => f.properties) : [];
  const parkCoords = new Map<string, [number, number]>(
    geo.parks.ok ? geo.parks.data.features.map((f) => [f.properties.id, f.geometry.coordinates as [number, number]]) : [],
  );
  const zones = geo.zones.ok ? geo.zones.data.features.map((f) => f.properties) : [];
  const sectorNodes = new Map<string, SectorNodeInfo>();
  if (geo.sectors.ok)
    for (const s of geo.sectors.data.sectors) {
      sectorNodes.set(s.id, { id: s.id, top: s.id, name_zh: s.name_zh, name_en: s.name_en, isTop: true });
      for (const c of s.children) sectorNodes.set(c.id, { id: c.id, top: s.id, name_zh: c.name_zh, name_en: c.name_en, isTop: false });
    }
  const parksInZone = new Map<string, string[]>();
  for (const p of parks) for (const z of p.zones) parksInZone.set(z, [...(parksInZone.get(z) ?? []), p.id]);
  const zoneLabels = geo.zones.ok
    ? points(
        geo.zones.data.features.map((f) => ({
          ...f.properties,
          label_zh: f.properties.role ?? shortName(f.properties.name_zh),
          label_en: latinQuotes(shortName(f.properties.name_en)),
          // the full name on the map breaks after its colon (集成电路“一体”：张江), not inside the quoted term
          text_zh: f.properties.name_zh.replace('：', '：\n'),
          text_en: latinQuotes(f.properties.name_en),
        })),
      )
    : points([]);
  return {
    parks,
    parkCoords,
    zones,
    sectorNodes,
    districtLabels: points(geo.districts.ok ? geo.districts.data.features.map((f) => f.properties) : []),
    zoneLabels,
    parksInZone,
    provinces: {
      type: 'FeatureCollection',
      features: geo.basemap.ok ? geo.basemap.data.features.filter((f) => f.properties?.kind === 'province') : [],
    },
    basemapLines: {
      type: 'FeatureCollection',
      features: geo.basemap.ok ? geo.basemap.data.features.filter((f) => f.properties?.kind !== 'province') : [],
    },
  };
}

export interface MapParkProps {
  id: string;
  name_zh: string;
  name_en: string;
  label_zh: string;
  label_en: string;
  confidence: string;
  /** with no sector selected (a selection's colour is the park's feature state `color`) */
  color: string;
  /** label priority: lower first (sourced, then parks the plan names, then the rest) */
  rank: number;
  /** '' (no sector selected; a selection's strength is the park's feature state `strength`) */
  strength: string;
  /** why it is on the map: named by the plan, on the official list, or both */
  basis: 'plan' | 'list' | 'both';
}

/**
 * A park's look for a sector selection: the colour of the first selected sector it links to (grey:
 * none) and its strength for the selection ('' with no selection or no matching link).
 */
export function parkLook(p: ParkProps, selected: readonly string[], sectors: SectorsFile | null): { color: string; strength: string } {
  const top = primarySector(p, selected, sectors) as TopSectorId | null;
  return { color: top ? SECTOR_COLORS[top] : '#777777', strength: parkStrength(p, selected, sectors) ?? '' };
}

/**
 * Flat park features for the map (MapLibre stringifies nested properties), as they look with no
 * sector selected; the map's sync gives each park its look for a selection as feature state.
 */
export function mapParks(geo: GeoData, sectors: SectorsFile | null): FeatureCollection<Point, MapParkProps> {
  if (!geo.parks.ok) return { type: 'FeatureCollection', features: [] };
  return {
    type: 'FeatureCollection',
    features: geo.parks.data.features.map((f) => {
      const p = f.properties;
      const look = parkLook(p, [], sectors);
      return {
        type: 'Feature',
        id: p.id,
        geometry: f.geometry,
        properties: {
          id: p.id,
          name_zh: p.name_zh,
          name_en: p.name_en,
          label_zh: shortName(p.name_zh),
          label_en: shortName(p.name_en),
          confidence: p.confidence,
          color: look.color,
          rank: (p.confidence === 'sourced' ? 0 : 10) + (p.beyond_plan ? 5 : 0) + (p.designations.length ? 0 : 2),
          strength: look.strength,
          basis: p.basis.includes('plan') ? (p.basis.includes('list') ? 'both' : 'plan') : 'list',
        },
      };
    }),
  };
}
