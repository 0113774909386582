/** The switchable layer groups: label and legend (src/theme/legend.ts) plus their layers from the registry. */
import { LEGEND_GROUPS } from '../../theme/legend';
import type { LegendGroup } from '../../theme/legend';
import { layersOfGroup } from './registry';
import type { LayerId } from './registry';

export interface LayerGroup extends LegendGroup {
  /** the layers this group switches (from the registry) */
  layers: LayerId[];
}

/** The layer panel's groups, in its order; the legend is generated from the same objects. */
export const LAYER_GROUPS: LayerGroup[] = LEGEND_GROUPS.map((g) => ({ ...g, layers: layersOfGroup(g.id) }));
