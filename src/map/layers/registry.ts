/**
 * The layer registry: every source and every layer of the map, base and overlay, in one ordered
 * table (drawing order, bottom first). Group lists, the clickable layers (in click priority) and
 * the language-dependent layers are derived from it. Terra-draw's own layers stay above all.
 * (Types only from maplibre-gl: this module is pure and unit-tested in Node.)
 */
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Lang } from '../../domain/types';
import { LAYER_GROUP_IDS } from '../../domain/ids';
import * as base from './base';
import { axesLabel, clusterLabels, polesLabel, zoneBodies as zone, zoneSelected } from './zones';
import * as parks from './parks';
import { briefing, find, sites } from './overlays';
import type { GroupId, LayerBody } from './types';
import { SITE_TILES_MAX_ZOOM } from '../controller/site-tile-spec';

interface SourceOptions {
  /** added with its first non-empty data (overlays), so the first view does not carry it */
  lazy?: true;
  /** a raster source that exists only when a deployment configures it */
  raster?: true;
  promoteId?: string;
  cluster?: { clusterRadius: number; clusterMaxZoom: number };
}

export const SOURCE_OPTIONS = {
  provinces: {},
  'online-basemap': { raster: true },
  'basemap-lines': {},
  districts: {},
  'district-labels': {},
  zones: { promoteId: 'id' },
  'zone-labels': {},
  footprints: {},
  parks: { promoteId: 'id' },
  'find-radius': { lazy: true },
  'find-area': { lazy: true },
  'find-hits': { lazy: true },
  'find-origin': { lazy: true },
  'user-sites': { lazy: true, cluster: { clusterRadius: 40, clusterMaxZoom: 14 } },
  'briefing-highlight': { lazy: true },
  'briefing-pointer': { lazy: true },
} as const satisfies Record<string, SourceOptions>;

export type SourceId = keyof typeof SOURCE_OPTIONS;
type Options<K extends SourceId> = (typeof SOURCE_OPTIONS)[K];
/** the GeoJSON sources the style is built with (filled at start-up when the data is in) */
export type StyleSourceId = { [K in SourceId]: Options<K> extends { lazy: true } | { raster: true } ? never : K }[SourceId];
/** the GeoJSON sources added with their first data */
export type OverlaySourceId = { [K in SourceId]: Options<K> extends { lazy: true } ? K : never }[SourceId];
export type GeoJsonSourceId = StyleSourceId | OverlaySourceId;

const options = (id: SourceId): SourceOptions => SOURCE_OPTIONS[id];
const sourceIds = Object.keys(SOURCE_OPTIONS) as SourceId[];
export const STYLE_SOURCES = sourceIds.filter((id) => !options(id).lazy && !options(id).raster) as StyleSourceId[];
export const OVERLAY_SOURCES = sourceIds.filter((id) => options(id).lazy) as OverlaySourceId[];
export const isOverlaySource = (id: SourceId): id is OverlaySourceId => options(id).lazy === true;

/**
 * The MapLibre source for a GeoJSON source id, holding `data`; or, for `{ tiles }` (an import's
 * sites served as tiles by MapLibre's worker, src/map/controller/site-tiles.ts), a vector source.
 */
export function sourceSpec(id: GeoJsonSourceId, data: GeoJSON.FeatureCollection | string | { tiles: string }): SourceSpecification {
  const o = options(id);
  if (typeof data === 'object' && 'tiles' in data) return { type: 'vector', tiles: [data.tiles], maxzoom: SITE_TILES_MAX_ZOOM };
  return { type: 'geojson', data, ...(o.promoteId ? { promoteId: o.promoteId } : {}), ...(o.cluster ? { cluster: true, ...o.cluster } : {}) };
}

interface LayerEntry<Id extends string = string> {
  readonly id: Id;
  readonly source: SourceId;
  readonly group: GroupId;
  /** clickable: lower numbers are asked first (absent: not clickable) */
  readonly click?: number;
  /** its text depends on the language (setLang re-applies its layout) */
  readonly label?: true;
  readonly body: (lang: Lang) => LayerBody;
}

function layer<const Id extends string>(
  id: Id,
  source: SourceId,
  group: GroupId,
  body: LayerBody | ((lang: Lang) => LayerBody),
  more: { click?: number; label?: true } = {},
): LayerEntry<Id> {
  return { id, source, group, body: typeof body === 'function' ? body : () => body, ...more };
}

export const LAYERS = [
  layer('provinces-fill', 'provinces', 'basemap', base.provincesFill),
  layer('provinces-line', 'provinces', 'basemap', base.provincesLine),
  // above the neighbouring land, below Shanghai's own layers
  layer('online-basemap', 'online-basemap', 'online', base.onlineBasemap),
  // Shanghai's land: the basemap's, like its neighbours' (switching the districts off leaves it, not sea)
  layer('districts-fill', 'districts', 'basemap', base.districtsFill),
  layer('hBelt-fill', 'zones', 'hBelt', zone['hBelt-fill'], { click: 10 }),
  layer('serviceBelt-fill', 'zones', 'serviceBelt', zone['serviceBelt-fill'], { click: 9 }),
  layer('serviceBelt-line', 'zones', 'serviceBelt', zone['serviceBelt-line']),
  layer('poles-fill', 'zones', 'poles', zone['poles-fill'], { click: 8 }),
  layer('poles-line', 'zones', 'poles', zone['poles-line']),
  layer('districts-line', 'districts', 'districts', base.districtsLine),
  layer('rivers-line', 'basemap-lines', 'basemap', base.riversLine),
  layer('roads-line', 'basemap-lines', 'basemap', base.roadsLine),
  layer('hBelt-axis', 'zones', 'hBelt', zone['hBelt-axis']),
  layer('ic-fill', 'zones', 'ic', zone['ic-fill'], { click: 4 }),
  layer('ic-line', 'zones', 'ic', zone['ic-line']),
  layer('biomed-fill', 'zones', 'biomed', zone['biomed-fill'], { click: 5 }),
  layer('biomed-line', 'zones', 'biomed', zone['biomed-line']),
  layer('ai-fill', 'zones', 'ai', zone['ai-fill'], { click: 6 }),
  layer('ai-line', 'zones', 'ai', zone['ai-line']),
  layer('digital-fill', 'zones', 'digital', zone['digital-fill'], { click: 7 }),
  layer('digital-line', 'zones', 'digital', zone['digital-line']),
  layer('fintech-line', 'zones', 'digital', zone['fintech-line']),
  layer('footprints-fill', 'footprints', 'parks', parks.footprintsFill),
  layer('footprints-line', 'footprints', 'parks', parks.footprintsLine),
  // the selected zone, whichever layer draws it (its group is never switched off)
  layer('zones-selected-casing', 'zones', 'selection', zoneSelected.casing),
  layer('zones-selected', 'zones', 'selection', zoneSelected.line),
  // the districts the filter narrows to, or the statistics view profiles
  layer('districts-chosen', 'districts', 'selection', base.districtsChosen),
  // a briefing chapter's highlighted zones and the rings around its parks: over the plan's areas,
  // under every label, so no name is hidden (park dots draw over a ring's open middle)
  layer('briefing-hl-fill', 'briefing-highlight', 'briefing', briefing.fill),
  layer('briefing-hl-casing', 'briefing-highlight', 'briefing', briefing.casing),
  layer('briefing-hl-line', 'briefing-highlight', 'briefing', briefing.line),
  layer('briefing-hl-park-casing', 'briefing-highlight', 'briefing', briefing.parkCasing),
  layer('briefing-hl-park', 'briefing-highlight', 'briefing', briefing.park),
  layer('basemap-labels', 'basemap-lines', 'basemap', base.basemapLabels, { label: true }),
  layer('airports-label', 'basemap-lines', 'basemap', base.airportsLabel, { label: true }),
  layer('districts-label', 'district-labels', 'districts', base.districtsLabel, { label: true }),
  layer('zones-label', 'zone-labels', 'poles', polesLabel, { label: true }),
  layer('hBelt-label', 'zones', 'hBelt', axesLabel, { label: true }),
  layer('ic-label', 'zone-labels', 'ic', clusterLabels.ic, { label: true }),
  layer('biomed-label', 'zone-labels', 'biomed', clusterLabels.biomed, { label: true }),
  layer('ai-label', 'zone-labels', 'ai', clusterLabels.ai, { label: true }),
  layer('digital-label', 'zone-labels', 'digital', clusterLabels.digital, { label: true }),
  layer('parks-halo', 'parks', 'parks', parks.parksHalo),
  layer('parks-basis', 'parks', 'parks', parks.parksBasis),
  layer('parks-circle', 'parks', 'parks', parks.parksCircle, { click: 3 }),
  layer('parks-selected', 'parks', 'parks', parks.parksSelected),
  layer('parks-label', 'parks', 'parks', parks.parksLabel, { label: true }),
  layer('parks-selected-label', 'parks', 'parks', parks.parksSelectedLabel, { label: true }),
  // overlays, above the plan (their sources are lazy)
  layer('find-radius-fill', 'find-radius', 'find', find.radiusFill),
  layer('find-radius-line', 'find-radius', 'find', find.radiusLine),
  layer('find-area-fill', 'find-area', 'find', find.areaFill),
  layer('find-area-line', 'find-area', 'find', find.areaLine),
  layer('find-hits', 'find-hits', 'find', find.hits),
  layer('find-compare', 'find-hits', 'find', find.compare),
  layer('find-compare-label', 'find-hits', 'find', find.compareLabel),
  layer('find-origin', 'find-origin', 'find', find.origin),
  layer('user-sites-cluster', 'user-sites', 'sites', sites.cluster, { click: 2 }),
  layer('user-sites-count', 'user-sites', 'sites', sites.count),
  layer('user-sites-point', 'user-sites', 'sites', sites.point, { click: 1 }),
  layer('user-sites-selected', 'user-sites', 'sites', sites.selected),
  // the briefing's pointer and spotlight, above everything
  layer('briefing-spotlight', 'briefing-pointer', 'briefing', briefing.spotlight),
  layer('briefing-pointer-glow', 'briefing-pointer', 'briefing', briefing.pointerGlow),
  layer('briefing-pointer-dot', 'briefing-pointer', 'briefing', briefing.pointerDot),
] as const;

export type LayerId = (typeof LAYERS)[number]['id'];

const byId = new Map<string, LayerEntry<LayerId>>(LAYERS.map((l) => [l.id, l]));
const position = new Map<string, number>(LAYERS.map((l, i) => [l.id, i]));

export const LAYER_IDS: LayerId[] = LAYERS.map((l) => l.id);
export const layerEntry = (id: LayerId): LayerEntry<LayerId> => byId.get(id)!;
/** The layer's place in the drawing order (undefined: not ours, e.g. terra-draw's). */
export const layerPosition = (id: string): number | undefined => position.get(id);

/** Layers whose features can be clicked, in priority order (first hit wins). */
export const INTERACTIVE_LAYERS: LayerId[] = LAYERS.filter((l) => l.click !== undefined)
  .sort((a, b) => a.click! - b.click!)
  .map((l) => l.id);

/** Layers whose text depends on the language. */
export const LABEL_LAYERS: LayerId[] = LAYERS.filter((l) => l.label).map((l) => l.id);

export const layersOfGroup = (group: GroupId): LayerId[] => LAYERS.filter((l) => l.group === group).map((l) => l.id);
export const layersOfSource = (source: SourceId): LayerId[] => LAYERS.filter((l) => l.source === source).map((l) => l.id);

const panelGroups = new Set<string>(LAYER_GROUP_IDS);

/** One layer, complete, in a language; `metadata.group` names the layer panel's group, if any. */
export function layerSpec(id: LayerId, lang: Lang): LayerSpecification {
  const l = layerEntry(id);
  return { ...l.body(lang), id: l.id, source: l.source, ...(panelGroups.has(l.group) ? { metadata: { group: l.group } } : {}) } as LayerSpecification;
}

/** Every layer of the registry, complete, in drawing order. */
export const buildLayers = (lang: Lang): LayerSpecification[] => LAYER_IDS.map((id) => layerSpec(id, lang));
