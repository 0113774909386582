// @vitest-environment jsdom
/** A chart saved as an image carries its title, unit and source line; text is escaped, the chart kept whole. */
import { describe, expect, it } from 'vitest';
import { chartImageSvg } from '../../src/state/stats/chart-image';

describe('chart image', () => {
  it('wraps the chart with title and unit above and the source below', () => {
    const chart = '<svg width="300" height="150" viewBox="0 0 300 150"><circle cx="1" cy="2" r="4"/></svg>';
    const out = chartImageSvg(
      chart,
      { width: 300, height: 150 },
      { title: 'Share <in> GDP & more', unit: 'Unit: %', source: 'Source: plan 沪府办发〔2021〕10号' },
    );
    const doc = new DOMParser().parseFromString(out, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['316', '220']);
    const texts = [...root.querySelectorAll(':scope > text')].map((t) => t.textContent);
    expect(texts).toEqual(['Share <in> GDP & more', 'Unit: %', 'Source: plan 沪府办发〔2021〕10号']);
    expect(root.querySelector('title')!.textContent).toBe('Share <in> GDP & more');
    const inner = root.querySelector(':scope > svg')!;
    expect([inner.getAttribute('x'), inner.getAttribute('y')]).toEqual(['8', '44']);
    expect(inner.querySelectorAll('circle')).toHaveLength(1);
  });
});
