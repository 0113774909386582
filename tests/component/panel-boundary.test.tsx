// @vitest-environment jsdom
/** A render error in one panel shows a message there with a way to recover; the other panels keep working. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { PanelBoundary } from '../../src/components/PanelBoundary';
import { ParkList } from '../../src/components/ParkList';
import { StoreContext } from '../../src/state/store';
import { realGeoFixture } from '../fakes/geo-disk';

const real = realGeoFixture();
afterEach(cleanup);

let failing = true;
function Fragile() {
  if (failing) throw new Error('bad <b>value</b> in row 3');
  return <p data-testid="fragile-ok">fine again</p>;
}

describe('panel error boundary', () => {
  it('shows the error in the panel that failed, as text; the list beside it still works; "try again" renders the panel again', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = real.store();
    render(
      <StoreContext.Provider value={store}>
        <PanelBoundary name="导入">
          <Fragile />
        </PanelBoundary>
        <ParkList />
      </StoreContext.Provider>,
    );
    const alert = screen.getByTestId('panel-failed');
    expect(alert.textContent).toContain('“导入”面板出错');
    expect(alert.textContent).toContain('bad <b>value</b> in row 3');
    expect(alert.querySelector('b')).toBeNull();
    // the other panel is whole and answers clicks
    const first = document.querySelector<HTMLButtonElement>('.park-list button[data-park]')!;
    fireEvent.click(first);
    expect(store.getState().selectedParkId).toBe(first.getAttribute('data-park'));
    failing = false;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(screen.queryByTestId('panel-failed')).toBeNull();
    expect(screen.getByTestId('fragile-ok')).toBeTruthy();
    warn.mockRestore();
    error.mockRestore();
  });
});
