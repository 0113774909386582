/**
 * The sites' warm-up layers (see MapController.warmSites): copies of the sites' layers on a
 * warm-up source, the same paint and layout expressions (so the same GPU programs, the point's
 * colour data-driven by its `c`) but drawn at an opacity no one can see. Pure.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { SITE_TILE_LAYER, WARM_SET } from './site-tile-spec';

export const WARM_SOURCE = 'sites-warm';
const WARM_PREFIX = 'sites-warm-';
/** low enough to vanish in 8-bit colour (0.001 × 255 < 0.5), above 0 so the layer is drawn */
const UNSEEN = 0.001;

const OPACITY: Record<string, string[]> = {
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['text-opacity', 'icon-opacity'],
};

/** The warm-up copies of the sites' layer specs. */
export function warmLayers(specs: readonly LayerSpecification[]): LayerSpecification[] {
  return specs.map((spec) => {
    const paint: Record<string, unknown> = { ...((spec as { paint?: Record<string, unknown> }).paint ?? {}) };
    for (const k of OPACITY[spec.type] ?? []) paint[k] = UNSEEN;
    // no metadata: the warm-up belongs to no layer group (nothing counts it as the sites shown)
    const copy = { ...spec, id: WARM_PREFIX + spec.id, source: WARM_SOURCE, 'source-layer': SITE_TILE_LAYER, paint } as LayerSpecification & {
      filter?: unknown;
      metadata?: unknown;
    };
    delete copy.metadata;
    // drawn even while the sites' layers are switched off
    (copy as { layout?: Record<string, unknown> }).layout = { ...((spec as { layout?: Record<string, unknown> }).layout ?? {}), visibility: 'visible' };
    // the ring of a picked site: ring the warm-up's site
    if (Array.isArray(copy.filter) && copy.filter[0] === '==') copy.filter = ['==', ['get', 'set'], WARM_SET];
    return copy as LayerSpecification;
  });
}
