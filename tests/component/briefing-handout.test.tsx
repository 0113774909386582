// @vitest-environment jsdom
/** The briefing's handout buttons against a fake map: busy while they work, a failure said and nothing saved. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ExportControls } from '../../src/components/briefing/ExportControls';
import { MapActionsContext } from '../../src/components/map-actions';
import type { MapActions } from '../../src/components/map-actions';
import { StoreContext, createAppStore } from '../../src/state/store';
import type { FigureResult } from '../../src/domain/map-image';
import type { LegendSwatch } from '../../src/theme/legend';
import type { Briefing } from '../../src/loaders/briefing-schema';
import { readGeoJson } from '../fakes/geo-disk';

const BRIEFING = readGeoJson<Briefing>('briefing.json');

afterEach(cleanup);
let saved: number;
beforeEach(() => {
  saved = 0;
  URL.createObjectURL = () => {
    saved++;
    return 'blob:x';
  };
});

function setup(exportFigure: MapActions['exportFigure']) {
  const store = createAppStore();
  store.getState().setBriefing(BRIEFING);
  store.getState().startBriefing('audience', 3);
  const actions: MapActions = { exportImage: vi.fn(), exportFigure, jumpTo: vi.fn(), fitBounds: vi.fn(), viewArea: () => null };
  render(
    <StoreContext.Provider value={store}>
      <MapActionsContext.Provider value={actions}>
        <ExportControls />
      </MapActionsContext.Provider>
    </StoreContext.Provider>,
  );
  return store;
}

describe('handout buttons', () => {
  it.each(['export-pdf', 'export-pptx'])('%s: busy while the map is asked, then says why it cannot and saves nothing', async (action) => {
    let answer!: (r: FigureResult<LegendSwatch>) => void;
    const exportFigure = vi.fn(() => new Promise<FigureResult<LegendSwatch>>((resolve) => (answer = resolve)));
    const store = setup(exportFigure);
    const button = document.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
    fireEvent.click(button);
    // walking the chapters: from the first, every button but print waits
    expect(store.getState().briefingIndex).toBe(0);
    for (const a of ['export-png', 'export-all', 'export-pdf', 'export-pptx'])
      expect(document.querySelector<HTMLButtonElement>(`button[data-action="${a}"]`)!.disabled).toBe(true);
    expect(document.querySelector('.briefing-export')!.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('正在导出 1 / 11…');
    await act(async () => answer({ ok: false, reason: 'blank' }));
    expect(screen.getByRole('alert').textContent).toBe('无法导出：地图画面为空（WebGL 未渲染）');
    expect(button.disabled).toBe(false);
    expect(exportFigure).toHaveBeenCalledTimes(1);
    expect(exportFigure).toHaveBeenCalledWith('zh');
    expect(saved).toBe(0);
    // back at the chapter it left
    expect(store.getState().briefingIndex).toBe(3);
  });

  it('the notes checkbox is off until ticked', () => {
    setup(vi.fn());
    const box = document.querySelector<HTMLInputElement>('input[data-action="export-notes"]')!;
    expect(box.checked).toBe(false);
    expect(screen.getByLabelText('讲义附讲稿备注')).toBe(box);
    fireEvent.click(box);
    expect(box.checked).toBe(true);
  });
});
