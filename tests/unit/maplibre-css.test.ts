import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { stripUnusedControls } from '../../build/maplibre-css-plugin';

const css = readFileSync(createRequire(import.meta.url).resolve('maplibre-gl/dist/maplibre-gl.css'), 'utf8');

describe('MapLibre stylesheet without the controls the map does not show', () => {
  it('drops a rule, or only the selectors of it that name an unused control', () => {
    const src = '.a{color:red}.maplibregl-ctrl-logo{x:1}.b,.maplibregl-ctrl-globe .c{y:2}';
    expect(stripUnusedControls(src)).toBe('.a{color:red}.b{y:2}');
  });

  it('cleans inside @media and drops a block left empty; other at-rules stay as they were', () => {
    const src =
      '@media (prefers-color-scheme:dark){.maplibregl-ctrl-geolocate{a:1}}@media print{.d{b:2}.maplibregl-ctrl-terrain{c:3}}@keyframes k{0%{o:0}to{o:1}}';
    expect(stripUnusedControls(src)).toBe('@media print{.d{b:2}}@keyframes k{0%{o:0}to{o:1}}');
  });

  it('keeps the selector lists of :is()/:not() whole', () => {
    expect(stripUnusedControls(':is(.x,.y) .z{a:1}')).toBe(':is(.x,.y) .z{a:1}');
  });

  const out = stripUnusedControls(css);

  it('removes the logo, geolocate, fullscreen, globe and terrain rules of the real stylesheet', () => {
    for (const cls of ['ctrl-logo', 'ctrl-geolocate', 'ctrl-fullscreen', 'ctrl-globe', 'ctrl-terrain', 'user-location-dot']) {
      expect(css, cls).toContain(`.maplibregl-${cls}`);
      expect(out, cls).not.toContain(`.maplibregl-${cls}`);
    }
    // the logo's inline SVG alone is most of the file
    expect(out.length).toBeLessThan(css.length / 3);
  });

  it('keeps every rule of the map, the canvas and the controls the app adds (zoom, attribution, scale)', () => {
    for (const sel of [
      '.maplibregl-map{',
      '.maplibregl-canvas',
      '.maplibregl-ctrl-zoom-in .maplibregl-ctrl-icon',
      '.maplibregl-ctrl-zoom-out .maplibregl-ctrl-icon',
      '.maplibregl-ctrl-attrib.maplibregl-compact',
      '.maplibregl-ctrl-attrib-button',
      '.maplibregl-ctrl-scale',
      '.maplibregl-ctrl-top-right',
      '.maplibregl-ctrl-group button',
    ]) {
      const count = (s: string) => s.split(sel).length - 1;
      expect(count(css), sel).toBeGreaterThan(0);
      expect(count(out), sel).toBe(count(css));
    }
  });
});
