import type { BackgroundLayerSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerGroupId } from '../../domain/ids';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A MapLibre layer without what the registry says for it (id, source, metadata). */
export type LayerBody = DistributiveOmit<Exclude<LayerSpecification, BackgroundLayerSpecification>, 'id' | 'source' | 'metadata'>;

/**
 * Groups not in the layer panel: the optional online basemap, the overlays, and the selection
 * highlight (never switched off).
 */
export type OverlayGroupId = 'online' | 'find' | 'sites' | 'briefing' | 'selection';
/** What a layer's visibility follows: a switchable layer group, or an overlay group. */
export type GroupId = LayerGroupId | OverlayGroupId;
