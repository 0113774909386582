/**
 * What has been set for each layer (filter, paint, layout, its group's visibility), so that an
 * overlay layer added later, or a label re-laid out for a language, is drawn as last asked.
 */
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../domain/types';
import { layerEntry, layerSpec } from '../layers';
import type { GroupId, LayerId } from '../layers';

type Props = Record<string, unknown>;

export class LayerState {
  private readonly filters = new Map<LayerId, FilterSpecification | null>();
  private readonly paint = new Map<LayerId, Props>();
  private readonly layout = new Map<LayerId, Props>();
  private readonly groups = new Map<GroupId, boolean>();

  setFilter(id: LayerId, filter: FilterSpecification | null): void {
    this.filters.set(id, filter);
  }

  setPaint(id: LayerId, property: string, value: unknown): void {
    this.paint.set(id, { ...this.paint.get(id), [property]: value });
  }

  setLayout(id: LayerId, property: string, value: unknown): void {
    this.layout.set(id, { ...this.layout.get(id), [property]: value });
  }

  setGroup(group: GroupId, on: boolean): void {
    this.groups.set(group, on);
  }

  /** 'visible' / 'none' as the layer's group was last set (undefined: never set) */
  visibility(id: LayerId): 'visible' | 'none' | undefined {
    const on = this.groups.get(layerEntry(id).group);
    return on === undefined ? undefined : on ? 'visible' : 'none';
  }

  /** The layout properties set for the layer (re-applied after a language switch). */
  layoutOf(id: LayerId): Props {
    return this.layout.get(id) ?? {};
  }

  /** The registry's layer with everything set for it since. */
  spec(id: LayerId, lang: Lang): LayerSpecification {
    const spec = { ...layerSpec(id, lang) } as LayerSpecification & { filter?: unknown; paint?: Props; layout?: Props };
    if (this.filters.has(id)) {
      const f = this.filters.get(id);
      if (f === null) delete spec.filter;
      else spec.filter = f;
    }
    const paint = this.paint.get(id);
    if (paint) spec.paint = { ...spec.paint, ...paint };
    const visibility = this.visibility(id);
    const layout = { ...this.layout.get(id), ...(visibility ? { visibility } : {}) };
    if (Object.keys(layout).length > 0) spec.layout = { ...spec.layout, ...layout };
    return spec;
  }
}
