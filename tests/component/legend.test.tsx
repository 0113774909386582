// @vitest-environment jsdom
/** The one legend: switches with their state, schematic marks, the parks' halo, basis, strength and imported sites; the body alone in a given language. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { Legend, MapLegend } from '../../src/components/Legend';
import { StoreContext } from '../../src/state/store';
import type { AppStore } from '../../src/state/store';
import { realGeoFixture } from '../fakes/geo-disk';

const real = realGeoFixture();
afterEach(cleanup);
const renderWith = (store: AppStore, ui: React.ReactElement) => render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);

describe('the one legend', () => {
  it('lists every layer with its switch; a switch turned off leaves its entries out and the store follows', () => {
    const store = real.store();
    const { container } = renderWith(store, <MapLegend onlineAvailable={false} />);
    const boxes = container.querySelectorAll<HTMLInputElement>('li[data-group] > label > input[type="checkbox"]');
    expect(boxes).toHaveLength(10);
    expect([...boxes].every((b) => b.checked)).toBe(true);
    const poles = container.querySelector('li[data-group="poles"] input')!;
    fireEvent.click(poles);
    expect(store.getState().layerVisibility.poles).toBe(false);
    expect(container.querySelector('li[data-group="poles"] .legend-items')).toBeNull();
    expect(container.querySelector<HTMLInputElement>('li[data-group="poles"] input')!.checked).toBe(false);
  });

  it('marks schematic entries and explains the halo, the basis rings, strength sizes and imported sites before they are used', () => {
    const store = real.store();
    const { container } = renderWith(store, <MapLegend onlineAvailable={false} />);
    expect([...container.querySelectorAll('li[data-group="poles"] .schematic-mark')].map((m) => m.textContent)).toEqual(['示意']);
    const parks = container.querySelector('li[data-group="parks"]')!.textContent!;
    for (const want of ['光晕为资料所述的误差半径', '细外圈：规划点名', '粗外圈：规划点名且列入特色园区名单', '无外圈：仅列入特色园区名单', '选定产业时，大点'])
      expect(parks).toContain(want);
    expect(store.getState().sectorFilter).toEqual([]);
    expect(container.querySelector('li[data-group="overlays"]')!.textContent).toContain('导入的点位（每个文件一种颜色）');
    // the chosen point only while there is one
    expect(container.textContent).not.toContain('选定的点');
  });

  it('the body alone, in the language asked for, whatever the UI’s', () => {
    const store = real.store();
    store.getState().setLayerVisible('hBelt', false);
    const { container } = renderWith(store, <Legend lang="en" />);
    expect(container.querySelectorAll('input')).toHaveLength(0);
    expect(container.querySelector('[data-group="hBelt"]')).toBeNull();
    const text = container.textContent!;
    expect(text).toContain('Thin outer ring: named by the plan');
    expect(text).toContain('schematic');
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
