import { describe, expect, it } from 'vitest';
import { createExpression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import {
  INTERACTIVE_LAYERS,
  LABEL_LAYERS,
  LAYERS,
  LAYER_GROUPS,
  LAYER_IDS,
  OVERLAY_SOURCES,
  SOURCE_OPTIONS,
  STYLE_SOURCES,
  ZONE_FILL_DEFAULT,
  ZONE_LINE_DEFAULT,
  buildLayers,
  EMPH,
  emphasisStates,
  zoneOpacity,
  layerSpec,
  layersOfGroup,
  nameField,
  parkFilters,
  selectedParkFilter,
  selectedSiteFilter,
  SITE_COLOR_EXPRESSION,
  sourceSpec,
} from '../../src/map/layers';
import type { LayerId, ZoneFillLayer, ZoneLineLayer } from '../../src/map/layers';
import { buildStyle, onlineBasemapFromEnv } from '../../src/map/style';
import { parksCircle } from '../../src/map/layers/parks';
import { WARM_SOURCE, warmLayers } from '../../src/map/controller/warm-sites';
import type { OnlineBasemap } from '../../src/map/style';
import { LAYER_GROUP_IDS } from '../../src/domain/ids';
import type { Lang } from '../../src/domain/types';

const online: OnlineBasemap = { tiles: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© Example' };
const LANGS: Lang[] = ['zh', 'en'];
// the selection's layers (the selected zone, the outlined districts) belong to no group a reader switches
const NON_GROUP_LAYERS = new Set(['background', 'online-basemap', 'zones-selected-casing', 'zones-selected', 'districts-chosen']);

const styleFor = (lang: Lang, withOnline = false): StyleSpecification => buildStyle({ lang, online: withOnline ? online : null });
const layerIds = (s: StyleSpecification) => s.layers.map((l) => l.id);
const sourceOf = (l: LayerSpecification): string | undefined => ('source' in l && typeof l.source === 'string' ? l.source : undefined);

describe('buildStyle', () => {
  for (const lang of LANGS)
    for (const withOnline of [false, true])
      it(`validates against the style spec with zero errors (${lang}${withOnline ? ', online basemap' : ''})`, () => {
        const style = styleFor(lang, withOnline);
        const errors = validateStyleMin(style);
        expect(errors.map((e) => e.message)).toEqual([]);
      });

  it('the validator is not a no-op: it rejects a broken copy of the style', () => {
    const style = styleFor('zh');
    const broken = { ...style, layers: [...style.layers, { id: 'x', type: 'line', source: 'nowhere' } as LayerSpecification] };
    expect(validateStyleMin(broken).length).toBeGreaterThan(0);
  });

  for (const lang of LANGS)
    it(`is offline: no glyphs, no sprite, no http(s) URL anywhere (${lang})`, () => {
      const style = styleFor(lang);
      expect(style).not.toHaveProperty('glyphs');
      expect(style).not.toHaveProperty('sprite');
      expect(JSON.stringify(style)).not.toMatch(/https?:\/\//i);
      expect(style.sources).not.toHaveProperty('online-basemap');
      expect(layerIds(style)).not.toContain('online-basemap');
    });

  it('declares no font-faces: every text-font is the one font the page declares for the map (map-font.ts)', () => {
    const style = styleFor('zh');
    expect(style).not.toHaveProperty('font-faces');
    // the base layers and the overlays alike (buildLayers: every registry layer)
    const symbols = [...style.layers, ...buildLayers('zh')].filter((l) => l.type === 'symbol');
    expect(symbols.length).toBeGreaterThan(0);
    for (const l of symbols) expect(l.layout?.['text-font'], l.id).toEqual(['Noto Sans SC']);
  });

  it('adds the online basemap (and its URL) only when one is configured', () => {
    const style = styleFor('zh', true);
    expect(JSON.stringify(style)).toContain('https://tiles.example.org/');
    expect(style.sources['online-basemap']).toMatchObject({ type: 'raster', tiles: [online.tiles], attribution: online.attribution });
    const ids = layerIds(style);
    expect(ids.filter((id) => id === 'online-basemap')).toHaveLength(1);
    // above the background and the neighbouring provinces, below Shanghai's districts
    expect(ids.indexOf('online-basemap')).toBeGreaterThan(ids.indexOf('provinces-fill'));
    expect(ids.indexOf('online-basemap')).toBeLessThan(ids.indexOf('districts-fill'));
    // still no glyphs/sprite
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
  });

  it('the background is the first layer; layer ids are unique', () => {
    for (const withOnline of [false, true]) {
      const ids = layerIds(styleFor('en', withOnline));
      expect(ids[0]).toBe('background');
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('declares every source used by a layer, and every declared source is used', () => {
    for (const withOnline of [false, true]) {
      const style = styleFor('zh', withOnline);
      const declared = new Set(Object.keys(style.sources));
      const used = new Set(style.layers.map(sourceOf).filter((s): s is string => s !== undefined));
      for (const s of used) expect(declared.has(s), `source ${s}`).toBe(true);
      for (const s of declared) expect(used.has(s), `unused source ${s}`).toBe(true);
    }
  });

  it('declares the registry STYLE_SOURCES as empty GeoJSON; parks and zones promote their id', () => {
    const style = styleFor('zh');
    for (const id of STYLE_SOURCES) {
      const src = style.sources[id];
      expect(src, id).toMatchObject({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    }
    expect(style.sources.parks).toMatchObject({ promoteId: 'id' });
    expect(style.sources.zones).toMatchObject({ promoteId: 'id' });
  });

  it('zh and en styles have the same layers in the same order (only labels differ)', () => {
    expect(layerIds(styleFor('zh'))).toEqual(layerIds(styleFor('en')));
    const zh = styleFor('zh').layers.find((l) => l.id === 'districts-label');
    const en = styleFor('en').layers.find((l) => l.id === 'districts-label');
    expect(JSON.stringify(zh)).toContain('name_zh');
    expect(JSON.stringify(en)).toContain('name_en');
    expect(JSON.stringify(en)).not.toContain('name_zh');
  });
});

describe('the layer registry', () => {
  /** The style with every overlay added, as the controller adds them (sources from sourceSpec, every registry layer in table order). */
  const fullStyle = (lang: Lang): StyleSpecification => {
    const style = styleFor(lang, true);
    const sources = { ...style.sources };
    for (const id of OVERLAY_SOURCES) sources[id] = sourceSpec(id, { type: 'FeatureCollection', features: [] });
    return { ...style, sources, layers: [style.layers[0]!, ...buildLayers(lang)] };
  };
  /** The style with one layer changed (as setFilter / setPaint would change it). */
  const withLayer = (style: StyleSpecification, id: LayerId, change: Record<string, unknown>): StyleSpecification => ({
    ...style,
    layers: style.layers.map((l) => (l.id === id ? ({ ...l, ...change } as LayerSpecification) : l)),
  });

  for (const lang of LANGS)
    it(`every layer, base and overlay, validates against the style spec (${lang})`, () => {
      const style = fullStyle(lang);
      expect(style.layers.map((l) => l.id)).toEqual(['background', ...LAYER_IDS]);
      expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
    });

  it('the filters and paint the sync sets validate too', () => {
    const style = fullStyle('zh');
    const variants: [LayerId, Record<string, unknown>][] = [
      ...Object.entries(parkFilters(['the-bund', 'caohejing'])).map(([id, filter]): [LayerId, Record<string, unknown>] => [id as LayerId, { filter }]),
      ...Object.entries(parkFilters(['the-bund', 'caohejing'], 'the-bund')).map(([id, filter]): [LayerId, Record<string, unknown>] => [
        id as LayerId,
        { filter },
      ]),
      ['parks-label', { filter: parkFilters(null, 'the-bund')['parks-label'] }],
      ['parks-selected', { filter: selectedParkFilter('the-bund') }],
      ['parks-selected-label', { filter: selectedParkFilter('the-bund') }],
      ['user-sites-selected', { filter: selectedSiteFilter({ set: 's1', index: 3 }) }],
    ];
    for (const [id, change] of variants)
      expect(
        validateStyleMin(withLayer(style, id, change)).map((e) => e.message),
        id,
      ).toEqual([]);
    // and a wrong one does not
    expect(validateStyleMin(withLayer(style, 'parks-circle', { filter: ['in', ['get', 'id']] })).length).toBeGreaterThan(0);
  });

  it('the parks’ names leave out the open park’s (its own layer draws it), and only the names', () => {
    expect(parkFilters(null, 'the-bund')['parks-label']).toEqual(['!=', ['get', 'id'], 'the-bund']);
    expect(parkFilters(['the-bund', 'caohejing'], 'the-bund')['parks-label']).toEqual([
      'all',
      ['in', ['get', 'id'], ['literal', ['the-bund', 'caohejing']]],
      ['!=', ['get', 'id'], 'the-bund'],
    ]);
    expect(parkFilters(null, null)['parks-label']).toBeNull();
    expect(parkFilters(null, 'the-bund')['parks-circle']).toBeNull();
  });

  it('has unique layer ids, each on a declared source', () => {
    expect(new Set(LAYER_IDS).size).toBe(LAYER_IDS.length);
    for (const l of LAYERS) expect(Object.keys(SOURCE_OPTIONS), l.id).toContain(l.source);
  });

  it('puts every overlay but the chapter highlight above every base layer, find below sites below the pointer', () => {
    const sourceOf = (id: string) => LAYERS.find((l) => l.id === id)!.source;
    const overlay = (id: string) => sourceOf(id) !== 'briefing-highlight' && OVERLAY_SOURCES.includes(sourceOf(id) as (typeof OVERLAY_SOURCES)[number]);
    const firstOverlay = LAYER_IDS.findIndex(overlay);
    expect(LAYER_IDS.slice(firstOverlay).every(overlay)).toBe(true);
    expect(LAYER_IDS.slice(firstOverlay).map((id) => LAYERS.find((l) => l.id === id)!.group)).toEqual([
      ...Array<string>(8).fill('find'),
      ...Array<string>(4).fill('sites'),
      ...Array<string>(3).fill('briefing'),
    ]);
  });

  it('draws a chapter’s highlight rings over the zones, under every label layer', () => {
    const at = (id: string) => LAYER_IDS.indexOf(id as (typeof LAYER_IDS)[number]);
    const rings = ['briefing-hl-fill', 'briefing-hl-casing', 'briefing-hl-line', 'briefing-hl-park-casing', 'briefing-hl-park'];
    const labels = LAYERS.filter((l) => l.label).map((l) => l.id);
    expect(labels).toEqual(expect.arrayContaining(['districts-label', 'zones-label', 'ic-label', 'parks-label']));
    for (const ring of rings) {
      expect(at(ring), `${ring} above the zones`).toBeGreaterThan(at('digital-line'));
      for (const label of labels) expect(at(ring), `${ring} under ${label}`).toBeLessThan(at(label));
    }
  });

  it('the first view carries no overlay: no overlay source or layer in the style', () => {
    const style = styleFor('zh', true);
    for (const id of OVERLAY_SOURCES) expect(style.sources, id).not.toHaveProperty(id);
    expect(layerIds(style).filter((id) => /^(find|user-sites|briefing)-/.test(id))).toEqual([]);
    expect(OVERLAY_SOURCES.sort()).toEqual(['briefing-highlight', 'briefing-pointer', 'find-area', 'find-hits', 'find-origin', 'find-radius', 'user-sites']);
  });

  it('the imported sites cluster; overlays start with the data they are given', () => {
    const data = { type: 'FeatureCollection' as const, features: [] };
    expect(sourceSpec('user-sites', data)).toEqual({ type: 'geojson', data, cluster: true, clusterRadius: 40, clusterMaxZoom: 14 });
    expect(sourceSpec('find-radius', data)).toEqual({ type: 'geojson', data });
  });

  it('an import served as tiles: a vector source to zoom 15, the sites’ layers on its one layer, and their unseen warm-up copies, all valid', () => {
    expect(sourceSpec('user-sites', { tiles: 'sitepoints://tiles/{z}/{x}/{y}?s=x' })).toEqual({
      type: 'vector',
      tiles: ['sitepoints://tiles/{z}/{x}/{y}?s=x'],
      maxzoom: 15,
    });
    const style = fullStyle('zh');
    const sites = style.layers.filter((l) => l.id.startsWith('user-sites-'));
    const tiled: StyleSpecification = {
      ...style,
      sources: {
        ...style.sources,
        'user-sites': sourceSpec('user-sites', { tiles: 'sitepoints://tiles/{z}/{x}/{y}?s=x' }),
        [WARM_SOURCE]: { type: 'vector', tiles: ['sitepoints://warm/{z}/{x}/{y}'] },
      },
      layers: style.layers.map((l) => (l.id.startsWith('user-sites-') ? ({ ...l, 'source-layer': 'sites' } as LayerSpecification) : l)),
    };
    const warm = warmLayers(sites);
    expect(validateStyleMin({ ...tiled, layers: [...tiled.layers, ...warm] }).map((e) => e.message)).toEqual([]);
    expect(warm.map((l) => [l.id, (l as { source?: string }).source, (l as { 'source-layer'?: string })['source-layer'], l.metadata])).toEqual(
      sites.map((l) => [`sites-warm-${l.id}`, 'sites-warm', 'sites', undefined]),
    );
    for (const l of warm) {
      const paint = (l as { paint: Record<string, unknown> }).paint;
      const opacities = Object.entries(paint).filter(([k]) => k.endsWith('opacity'));
      expect(opacities.length, l.id).toBeGreaterThan(0);
      // above 0 (MapLibre skips a layer at 0), below half a step of 8-bit colour
      for (const [, v] of opacities) {
        expect(v as number).toBeGreaterThan(0);
        expect((v as number) * 255).toBeLessThan(0.5);
      }
      expect((l.layout as { visibility?: string }).visibility).toBe('visible');
    }
    // the point's colour is the sites' own, data-driven expression (the same GPU program)
    const point = warm.find((l) => l.id === 'sites-warm-user-sites-point') as { paint: Record<string, unknown> };
    expect(point.paint['circle-color']).toEqual(SITE_COLOR_EXPRESSION);
  });

  it("a site's colour comes from its colour slot `c` (one per imported file, repeating); no slot, the first", () => {
    const e = createExpression(SITE_COLOR_EXPRESSION as never, latest.paint_circle['circle-color'] as never);
    if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
    const hex = (props: Record<string, unknown>) => {
      const c = e.value.evaluate({ zoom: 10 } as never, { type: 1, properties: props } as never) as string | { r: number; g: number; b: number };
      return typeof c === 'string'
        ? c
        : '#' +
            [c.r, c.g, c.b]
              .map((v) =>
                Math.round(v * 255)
                  .toString(16)
                  .padStart(2, '0'),
              )
              .join('');
    };
    // src/theme/sites.ts's six, in order
    expect([0, 1, 2, 3, 4, 5].map((c) => hex({ c }))).toEqual(['#111111', '#4a044e', '#052e16', '#1e1b4b', '#7f1d1d', '#422006']);
    expect(hex({})).toBe('#111111');
    expect(hex({ c: 6 })).toBe('#111111');
    expect((fullStyle('zh').layers.find((l) => l.id === 'user-sites-point') as { paint: Record<string, unknown> }).paint['circle-color']).toEqual(
      SITE_COLOR_EXPRESSION,
    );
  });

  it('group lists are derived from the table', () => {
    expect(layersOfGroup('parks')).toEqual([
      'footprints-fill',
      'footprints-line',
      'parks-halo',
      'parks-basis',
      'parks-circle',
      'parks-selected',
      'parks-label',
      'parks-selected-label',
    ]);
    expect(layersOfGroup('poles')).toEqual(['poles-fill', 'poles-line', 'zones-label']);
    // Shanghai's land is the basemap's: the districts' switch takes their lines and names only
    expect(layersOfGroup('districts')).toEqual(['districts-line', 'districts-label']);
    expect(layersOfGroup('basemap')).toContain('districts-fill');
    expect(layersOfGroup('sites')).toEqual(['user-sites-cluster', 'user-sites-count', 'user-sites-point', 'user-sites-selected']);
    for (const g of LAYER_GROUPS) expect(g.layers, g.id).toEqual(layersOfGroup(g.id));
  });
});

describe('layer groups', () => {
  it('are exactly the store’s LAYER_GROUP_IDS, each once', () => {
    expect(LAYER_GROUPS.map((g) => g.id)).toEqual([...LAYER_GROUP_IDS]);
  });

  for (const lang of LANGS)
    it(`every listed layer exists, and every style layer belongs to exactly one group (${lang})`, () => {
      const style = styleFor(lang, true);
      const ids = new Set(layerIds(style));
      for (const g of LAYER_GROUPS) {
        expect(g.layers.length, g.id).toBeGreaterThan(0);
        for (const id of g.layers) expect(ids.has(id), `${g.id}: ${id}`).toBe(true);
      }
      for (const l of style.layers) {
        if (NON_GROUP_LAYERS.has(l.id)) continue;
        const owners = LAYER_GROUPS.filter((g) => (g.layers as string[]).includes(l.id)).map((g) => g.id);
        expect(owners, l.id).toHaveLength(1);
      }
    });

  it("each layer's metadata.group names the group that lists it", () => {
    for (const l of buildLayers('zh')) {
      const owner = LAYER_GROUPS.find((g) => (g.layers as string[]).includes(l.id));
      expect((l.metadata as { group?: string } | undefined)?.group, l.id).toBe(owner?.id);
    }
  });

  it('every group has a legend', () => {
    for (const g of LAYER_GROUPS) expect(g.legend.length, g.id).toBeGreaterThan(0);
  });
});

describe('interactive and label layers', () => {
  it('INTERACTIVE_LAYERS are in click priority: imported sites, then parks, then zones (cluster layouts before poles and belts)', () => {
    expect(INTERACTIVE_LAYERS).toEqual([
      'user-sites-point',
      'user-sites-cluster',
      'parks-circle',
      'ic-fill',
      'biomed-fill',
      'ai-fill',
      'digital-fill',
      'poles-fill',
      'serviceBelt-fill',
      'hBelt-fill',
    ]);
    // the base ones are in the first view's style
    const ids = new Set(layerIds(styleFor('zh')));
    for (const id of INTERACTIVE_LAYERS.filter((l) => !l.startsWith('user-sites-'))) expect(ids.has(id), id).toBe(true);
  });

  it('LABEL_LAYERS are exactly the symbol layers of the style', () => {
    const layers = styleFor('en').layers;
    const symbols = layers.filter((l) => l.type === 'symbol').map((l) => l.id);
    expect([...LABEL_LAYERS].sort()).toEqual(symbols.sort());
  });

  it('LABEL_LAYERS are exactly the layers whose spec changes with the language', () => {
    const changes = LAYER_IDS.filter((id) => JSON.stringify(layerSpec(id, 'zh')) !== JSON.stringify(layerSpec(id, 'en')));
    expect([...LABEL_LAYERS].sort()).toEqual(changes.sort());
  });

  it('every zone layer with a default paint exists, with that paint in the style (where no zone is emphasised)', () => {
    const style = styleFor('zh');
    // the opacity expression's last branch: the look with no emphasis state set
    const fallback = (v: unknown) => (v as unknown[]).at(-1);
    for (const [id, value] of Object.entries(ZONE_FILL_DEFAULT)) {
      const l = style.layers.find((x) => x.id === id);
      expect(l?.type, id).toBe('fill');
      expect(fallback((l?.paint as Record<string, unknown>)['fill-opacity']), id).toEqual(value);
    }
    for (const [id, value] of Object.entries(ZONE_LINE_DEFAULT)) {
      const l = style.layers.find((x) => x.id === id);
      expect(l?.type, id).toBe('line');
      expect(fallback((l?.paint as Record<string, unknown>)['line-opacity']), id).toEqual(value);
    }
  });
});

describe('zone emphasis (feature state)', () => {
  /** The layer's opacity for a zone in that state (unset: no filter emphasises any zone). */
  const opacity = (layer: ZoneFillLayer | ZoneLineLayer, state: Record<string, unknown>, props: Record<string, unknown> = { schematic: true }) => {
    const spec = layer in ZONE_FILL_DEFAULT ? latest.paint_fill['fill-opacity'] : latest.paint_line['line-opacity'];
    const e = createExpression(zoneOpacity(layer), spec as never);
    if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
    return e.value.evaluate({ zoom: 10 } as never, { type: 2, properties: props } as never, state as never) as number;
  };

  it('every zone layer is drawn with its opacity expression, which reads the state', () => {
    const style = styleFor('zh');
    for (const l of style.layers) {
      if (l.id in ZONE_FILL_DEFAULT) expect((l.paint as Record<string, unknown>)['fill-opacity'], l.id).toEqual(zoneOpacity(l.id as ZoneFillLayer));
      if (l.id in ZONE_LINE_DEFAULT) expect((l.paint as Record<string, unknown>)['line-opacity'], l.id).toEqual(zoneOpacity(l.id as ZoneLineLayer));
    }
    expect(JSON.stringify(zoneOpacity('ic-fill'))).toContain(`["feature-state","${EMPH}"]`);
  });

  it('unset: the default look; 1: raised above it; 0: dimmed below it', () => {
    expect(opacity('poles-fill', {})).toBe(0.16);
    expect(opacity('poles-fill', { [EMPH]: 1 })).toBe(0.28);
    expect(opacity('poles-fill', { [EMPH]: 0 })).toBeCloseTo(0.04, 10);
    expect(opacity('poles-line', {})).toBe(0.9);
    expect(opacity('poles-line', { [EMPH]: 1 })).toBe(1);
    expect(opacity('poles-line', { [EMPH]: 0 })).toBe(0.15);
    // a clear fill (a zone on a pole's outline) stays clear unless it is brought forward
    expect(opacity('ic-fill', {}, { schematic: true, outline_of: 'zhangjiang-pole' })).toBe(0);
    expect(opacity('ic-fill', {}, { schematic: true })).toBe(0.05);
    expect(opacity('ic-fill', { [EMPH]: 1 }, { schematic: true, outline_of: 'zhangjiang-pole' })).toBe(0.28);
    expect(opacity('ic-fill', { [EMPH]: 0 }, { schematic: true })).toBe(0);
  });

  it('states per zone: 1 for the zones brought forward, 0 for the rest; none brought forward: all unset', () => {
    const all = ['zhangjiang-pole', 'lingang-pole', 'ic-body-zhangjiang'];
    expect([...emphasisStates(all, ['ic-body-zhangjiang', 'not-a-zone'])]).toEqual([
      ['zhangjiang-pole', 0],
      ['lingang-pole', 0],
      ['ic-body-zhangjiang', 1],
    ]);
    expect([...emphasisStates(all, [])].map(([, v]) => v)).toEqual([0, 0, 0]);
    expect([...emphasisStates(all, null)].map(([, v]) => v)).toEqual([null, null, null]);
  });
});

describe("a park's look for the sector selection (feature state)", () => {
  const evalPaint = (spec: unknown, value: unknown, props: Record<string, unknown>, state: Record<string, unknown>) => {
    const e = createExpression(value as never, spec as never);
    if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
    return e.value.evaluate({ zoom: 13 } as never, { type: 1, properties: props } as never, state as never);
  };
  const props = { id: 'p', color: '#777777', strength: '', confidence: 'sourced', basis: 'plan' };
  const paint = parksCircle.paint as Record<string, unknown>;

  it("the colour and strength of the state while one is set, else the data's", () => {
    const colour = (state: Record<string, unknown>) => JSON.stringify(evalPaint(latest.paint_circle['circle-color'], paint['circle-color'], props, state));
    expect(colour({})).toBe(colour({ color: null }));
    expect(colour({ color: '#1f5fbf' })).not.toBe(colour({}));
    const radius = (state: Record<string, unknown>) => evalPaint(latest.paint_circle['circle-radius'], paint['circle-radius'], props, state) as number;
    // at zoom 13: 8 px with no strength, larger for a park the plan names, smaller for a broad link
    expect(radius({})).toBe(8);
    expect(radius({ strength: 'named' })).toBeCloseTo(8 * 1.35, 6);
    expect(radius({ strength: 'broad' })).toBeCloseTo(8 * 0.65, 6);
    expect(radius({ strength: 'broad' })).toBeLessThan(radius({ strength: '' }));
    const opacity = (state: Record<string, unknown>) => evalPaint(latest.paint_circle['circle-opacity'], paint['circle-opacity'], props, state) as number;
    expect(opacity({})).toBe(1);
    expect(opacity({ strength: 'broad' })).toBeLessThan(1);
  });
});

describe('nameField', () => {
  it('reads the language’s (short) label with a fallback to the name', () => {
    expect(nameField('en')).toEqual(['coalesce', ['get', 'name_en'], ['get', 'name_en']]);
    expect(nameField('zh', true)).toEqual(['coalesce', ['get', 'label_zh'], ['get', 'name_zh']]);
  });
});

describe('onlineBasemapFromEnv', () => {
  it('returns null by default (no variables, or blank ones)', () => {
    expect(onlineBasemapFromEnv({})).toBeNull();
    expect(onlineBasemapFromEnv({ VITE_ONLINE_BASEMAP_TILES: '   ' })).toBeNull();
    expect(onlineBasemapFromEnv({ VITE_ONLINE_BASEMAP_ATTRIBUTION: 'x' })).toBeNull();
  });

  it('returns the configured tiles, with the attribution (or the host when none is given)', () => {
    expect(onlineBasemapFromEnv({ VITE_ONLINE_BASEMAP_TILES: ' https://t.example.org/{z}/{x}/{y}.png ', VITE_ONLINE_BASEMAP_ATTRIBUTION: '© T' })).toEqual({
      tiles: 'https://t.example.org/{z}/{x}/{y}.png',
      attribution: '© T',
    });
    expect(onlineBasemapFromEnv({ VITE_ONLINE_BASEMAP_TILES: 'https://t.example.org/{z}/{x}/{y}.png' })?.attribution).toBe('t.example.org');
  });
});
