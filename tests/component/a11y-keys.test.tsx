// @vitest-environment jsdom
/**
 * The keyboard against the fake map port: the park list is one Tab stop with arrows inside, a
 * card takes focus and gives it back, Esc closes the chooser before the card, the skip link
 * reaches the list, and "Use the current view" sets the drawn area to the port's view.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/app/App';
import { StoreContext, createAppStore } from '../../src/state/store';
import { diskFetcher } from '../fakes/geo-disk';
import { FakeMapController } from '../fakes/fake-map-controller';

vi.mock('../../src/map/map-controller', async () => (await import('../fakes/fake-map-controller')).fakeMapControllerModule());

beforeEach(() => {
  FakeMapController.reset();
  window.history.replaceState(null, '', '/');
  vi.stubGlobal('fetch', diskFetcher());
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

async function renderApp() {
  const store = createAppStore();
  const utils = render(
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>,
  );
  await waitFor(() => expect(screen.getByRole('grid', { name: '园区' }).querySelectorAll('[role="row"]')).toHaveLength(42));
  return { store, ...utils };
}

const grid = () => screen.getByRole('grid', { name: '园区' });
const parkButtons = () => [...grid().querySelectorAll<HTMLButtonElement>('button[data-park]')];
const tabStops = () => [...grid().querySelectorAll<HTMLElement>('[tabindex="0"]')];
const focusedPark = () => document.activeElement?.getAttribute('data-park');

describe('the keyboard (fake map)', () => {
  it('the park list has one Tab stop; ↓/↑/End/Home/→ move it; Enter opens the card, which takes focus; Esc gives it back', async () => {
    const { store } = await renderApp();
    const ids = parkButtons().map((b) => b.dataset.park!);
    expect(tabStops()).toEqual([parkButtons()[0]]);
    parkButtons()[0]!.focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(focusedPark()).toBe(ids[2]);
    expect(tabStops()).toEqual([parkButtons()[2]]);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(focusedPark()).toBe(ids[41]);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(focusedPark()).toBe(ids[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('data-compare')).toBe(ids[0]);
    expect(tabStops()).toHaveLength(1);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(focusedPark()).toBe(ids[1]);

    // Enter on a button is its click
    fireEvent.click(document.activeElement!);
    await waitFor(() => expect(store.getState().selectedParkId).toBe(ids[1]));
    const heading = await screen.findByRole('heading', {
      level: 2,
      name: (n) => n.length > 0 && document.querySelector('article.park-card h2')?.textContent === n,
    });
    await waitFor(() => expect(document.activeElement).toBe(heading));

    fireEvent.keyDown(window, { key: 'Escape' });
    expect(store.getState().selectedParkId).toBeNull();
    await waitFor(() => expect(focusedPark()).toBe(ids[1]));
    expect(document.activeElement?.tagName).toBe('BUTTON');
    // the row it came back to holds the Tab stop
    expect(tabStops()).toEqual([parkButtons()[1]]);
  });

  it('Esc closes the chooser of stacked places first, then the card; not while the search box handles it', async () => {
    const { store } = await renderApp();
    const [a, b] = parkButtons().map((x) => x.dataset.park!);
    act(() => store.getState().selectPark(a!));
    act(() =>
      store.getState().openChooser(
        [
          { kind: 'park', id: b! },
          { kind: 'zone', id: 'lingang-pole' },
        ],
        { x: 10, y: 10 },
      ),
    );
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(store.getState().chooser).toBeNull();
    expect(store.getState().selectedParkId).toBe(a);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(store.getState().selectedParkId).toBeNull();

    // the search box's own Esc (it clears the box) does not also close a card
    act(() => store.getState().selectPark(a!));
    const box = screen.getByTestId('find-search');
    fireEvent.change(box, { target: { value: 'x' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(store.getState().selectedParkId).toBe(a);
  });

  it('the skip link to the list focuses its Tab stop; the skip links come before the header', async () => {
    await renderApp();
    const links = screen.getAllByRole('link').filter((l) => l.closest('.skip-links'));
    expect(links.map((l) => l.textContent)).toEqual(['跳到地图', '跳到筛选', '跳到园区列表']);
    expect(links[0]!.compareDocumentPosition(screen.getByRole('banner')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(links[2]!);
    expect(document.activeElement).toBe(tabStops()[0]);
    fireEvent.click(links[1]!);
    expect(document.activeElement?.id).toBe('filters');
    // the URL's hash (the camera) is left alone
    expect(window.location.hash).toBe('');
  });

  it('"Use the current view" asks the map port for its view and sets it as the drawn area', async () => {
    const { store } = await renderApp();
    const fake = FakeMapController.last!;
    fireEvent.click(screen.getByTestId('find-area-view'));
    expect(fake.calls('viewPolygon')).toHaveLength(1);
    await waitFor(() => expect(store.getState().drawnArea).toEqual(fake.view));
    expect(screen.getByTestId('find-area-view').textContent).toBe('用当前视图');
  });
});
