// @vitest-environment jsdom
/** The room's window (AudienceView) on its own, and led by a presenter window: what it offers to press; the presenter's window sees the room's figures. */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AudienceView, PresenterView } from '../../src/components/briefing/BriefingViews';
import { createAppStore, StoreContext } from '../../src/state/store';
import { loadGeoData } from '../../src/loaders/load-geo';
import { loadBriefing } from '../../src/loaders/load-briefing';
import { diskFetcher } from '../fakes/geo-disk';

afterEach(() => {
  cleanup();
  delete (document as { fullscreenElement?: Element | null }).fullscreenElement;
});

async function audience() {
  const store = createAppStore();
  const [geo, b] = await Promise.all([loadGeoData('/', diskFetcher()), loadBriefing('/', diskFetcher())]);
  if (!b.ok) throw new Error(b.error);
  store.getState().setGeo(geo);
  store.getState().setBriefing(b.data);
  store.getState().startBriefing('audience', 2);
  store.getState().setLang('en');
  render(
    <StoreContext.Provider value={store}>
      <AudienceView map={<div data-testid="map" />} digits="" />
    </StoreContext.Provider>,
  );
  return store;
}
// the room tools and the nav (the export tools, in a window no presenter opened, are the subject of other tests)
const pressable = () => [...document.querySelectorAll('.briefing-room-tools button, .briefing-panel-nav button')].map((b) => b.textContent);

describe('the audience window', () => {
  it('on its own (a tour) keeps every control and the key list', async () => {
    await audience();
    expect(pressable()).toEqual(['Legend (L)', '中文', '←', '→', 'Back to chapter', 'Full screen']);
    expect(document.querySelector('.briefing-keys')).not.toBeNull();
    expect(document.querySelector('[data-action="export-png"]')).not.toBeNull();
    expect(document.querySelector('.briefing-audience')!.hasAttribute('data-led')).toBe(false);
  });

  it('led by a presenter shows the chapter and only a way to full screen, gone once full screen; the controls come back when the presenter goes', async () => {
    const store = await audience();
    act(() => store.getState().setPresenterConnected(true));
    expect(pressable()).toEqual(['Full screen (F)']);
    expect(document.querySelector('.briefing-keys')).toBeNull();
    expect(document.querySelector('[data-action="export-png"]')).toBeNull();
    expect(document.querySelector('.briefing-audience')!.getAttribute('data-led')).toBe('true');
    expect(screen.getByRole('heading', { name: 'The Lingang industrial growth pole' })).toBeTruthy();
    act(() => {
      Object.defineProperty(document, 'fullscreenElement', { configurable: true, value: document.documentElement });
      document.dispatchEvent(new Event('fullscreenchange'));
    });
    expect(pressable()).toEqual([]);
    act(() => store.getState().setPresenterConnected(false));
    expect(pressable()).toEqual(['Legend (L)', '中文', '←', '→', 'Back to chapter', 'Full screen']);
    fireEvent.click(screen.getByRole('button', { name: /next|→/i }));
    expect(store.getState().briefingIndex).toBe(3);
  });

  it('the presenter sees the targets chapter’s cards the room sees, beside the notes', async () => {
    const store = createAppStore();
    const [geo, b] = await Promise.all([loadGeoData('/', diskFetcher()), loadBriefing('/', diskFetcher())]);
    if (!b.ok) throw new Error(b.error);
    store.getState().setGeo(geo);
    store.getState().setBriefing(b.data);
    await store.getState().loadScorecard('/', diskFetcher());
    const at = b.data.chapters.findIndex((c) => c.id === 'targets');
    store.getState().startBriefing('presenter', at);
    render(
      <StoreContext.Provider value={store}>
        <PresenterView map={<div data-testid="map" />} digits="" />
      </StoreContext.Provider>,
    );
    const notes = document.querySelector('.briefing-notes')!;
    const cards = await waitFor(
      () => {
        const found = notes.querySelectorAll('[data-testid="briefing-scorecard"] article.score');
        expect(found.length).toBeGreaterThan(9);
        return found;
      },
      { timeout: 15_000 },
    );
    expect(cards[0]!.getAttribute('data-target')).toBe('sei-value-added');
    expect(notes.querySelector('.briefing-figures li[data-sector="ic"]')!.textContent).toBe('集成电路：年均增速约20%');
  });
});
