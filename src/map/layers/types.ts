import type { BackgroundLayerSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerGroupId } from '../../domain/ids';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A MapLibre layer without what the registry says for it (id, source, metadata). */
export type LayerBody = DistributiveOmit<Exclude<LayerSpecification, BackgroundLayerSpecification>, 'id' | 'source' | 'metadata'>;

/** Groups of overlays and of the optional online basemap: not in the layer panel. */
export type OverlayGroupId = 'online' | 'find' | 'sites' | 'briefing';
/** What a layer's visibility follows: a switchable layer group, or an overlay group. */
export type GroupId = LayerGroupId | OverlayGroupId;
