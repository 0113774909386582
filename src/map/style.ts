/**
 * The whole map style, offline: no `glyphs`, no `sprite`, no remote source. Labels are drawn from
 * the bundled font, which the page declares (map-font.ts). An online raster basemap is added only
 * when a deployment configures one AND the user switches it on.
 */
import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { COLORS, LAYER_IDS, STYLE_SOURCES, isOverlaySource, layerEntry, layerSpec, sourceSpec } from './layers';
import type { StyleSourceId } from './layers';
import type { Lang } from '../domain/types';

export interface OnlineBasemap {
  /** XYZ raster tile URL template, e.g. https://tiles.example.org/{z}/{x}/{y}.png */
  tiles: string;
  attribution: string;
}

export interface StyleOptions {
  lang: Lang;
  online?: OnlineBasemap | null;
}

const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/**
 * The style; `data` fills sources from the start (the others start empty, for setData later).
 * The overlays' sources and layers are not in it: the controller adds them with their first data.
 */
export function buildStyle(opts: StyleOptions, data: Partial<Record<StyleSourceId, GeoJSON.FeatureCollection>> = {}): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {};
  for (const id of STYLE_SOURCES) sources[id] = sourceSpec(id, data[id] ?? empty());
  if (opts.online) sources['online-basemap'] = { type: 'raster', tiles: [opts.online.tiles], tileSize: 256, attribution: opts.online.attribution };
  const layers = LAYER_IDS.filter((id) => {
    const source = layerEntry(id).source;
    return source === 'online-basemap' ? !!opts.online : !isOverlaySource(source);
  }).map((id) => layerSpec(id, opts.lang));
  return {
    version: 8,
    name: 'Shanghai SEI plan (offline)',
    sources,
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': COLORS.water } }, ...layers],
  } as StyleSpecification;
}

/** The deployment's optional online basemap, from Vite env (off unless both are set). */
export function onlineBasemapFromEnv(env: Record<string, string | undefined>): OnlineBasemap | null {
  const tiles = env.VITE_ONLINE_BASEMAP_TILES?.trim();
  if (!tiles) return null;
  return { tiles, attribution: env.VITE_ONLINE_BASEMAP_ATTRIBUTION?.trim() || tiles.replace(/^https?:\/\/([^/]+).*/, '$1') };
}
