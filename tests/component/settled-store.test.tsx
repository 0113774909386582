// @vitest-environment jsdom
/**
 * useSettledStore: a value that follows a store change in the interruptible render after it, not
 * in the update itself (what keeps a filter click short); useAppStore follows within the update.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { createAppStore, StoreContext, useAppStore, useSettledStore } from '../../src/state/store';
import type { AppState } from '../../src/state/store';

afterEach(() => {
  cleanup();
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

describe('useSettledStore', () => {
  it('shows the state before while the update runs, the new state in the render after it', async () => {
    const store = createAppStore();
    const seen: (readonly string[])[] = [];
    const settled = (s: AppState) => {
      seen.push(s.sectorFilter);
      return s.sectorFilter.join(',');
    };
    function Probe() {
      const now = useAppStore((s) => s.sectorFilter.join(','));
      const later = useSettledStore(settled);
      return <p data-testid="probe">{`${now}|${later}`}</p>;
    }
    render(
      <StoreContext.Provider value={store}>
        <Probe />
      </StoreContext.Provider>,
    );
    expect(screen.getByTestId('probe').textContent).toBe('|');
    // as in the page: the update and React's synchronous work, no act() around them
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    seen.length = 0;
    flushSync(() => store.getState().setSectors(['ic']));
    // the plain value followed within the update; the settled one has not, and its selector has
    // seen only the state from before
    expect(screen.getByTestId('probe').textContent).toBe('ic|');
    expect(seen.every((s) => s.length === 0)).toBe(true);
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('ic|ic'));
    expect(seen.at(-1)).toEqual(['ic']);
  });

  it('catches up with a change made between its first render and its subscription', async () => {
    const store = createAppStore();
    function Probe() {
      const later = useSettledStore((s) => s.sectorFilter.join(','));
      // a change during the first render, before any effect has subscribed
      if (store.getState().sectorFilter.length === 0) store.setState({ sectorFilter: ['ai'] });
      return <p data-testid="probe">{later}</p>;
    }
    render(
      <StoreContext.Provider value={store}>
        <Probe />
      </StoreContext.Provider>,
    );
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('ai'));
  });
});
