// @vitest-environment jsdom
/** The briefing's room tools against a real store: legend toggle and contents, language switch, the audience indicator. */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { AudienceStatus, BriefingLegend, LangSwitch, LegendToggle } from '../../src/components/briefing/RoomTools';
import { StoreContext } from '../../src/state/store';
import type { AppStore } from '../../src/state/store';
import { realGeoFixture } from '../fakes/geo-disk';

const real = realGeoFixture();
afterEach(cleanup);
const renderWith = (store: AppStore, ui: React.ReactNode) => render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);

describe('briefing room tools', () => {
  it('the legend button shows the legend of the groups on the map, with the rings while something is highlighted', () => {
    const store = real.store();
    for (const id of ['hBelt', 'serviceBelt', 'ic', 'biomed', 'ai', 'digital'] as const) store.getState().setLayerVisible(id, false);
    store.setState({ briefingHighlight: ['lingang-pole'] });
    renderWith(
      store,
      <>
        <LegendToggle />
        <BriefingLegend />
      </>,
    );
    const button = screen.getByRole('button', { name: '图例（L）' });
    const legend = screen.getByTestId('briefing-legend');
    expect(legend.classList.contains('open')).toBe(false);
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(store.getState().briefingLegendOpen).toBe(true);
    expect(legend.classList.contains('open')).toBe(true);
    expect([...legend.querySelectorAll('[data-group]')].map((g) => g.getAttribute('data-group'))).toEqual(['basemap', 'districts', 'poles', 'parks']);
    expect(legend.textContent).toContain('本章重点（环圈）');
    act(() => store.setState({ briefingHighlight: [] }));
    expect(screen.getByTestId('briefing-legend').textContent).not.toContain('本章重点');
    fireEvent.click(button);
    expect(store.getState().briefingLegendOpen).toBe(false);
  });

  it('the language switch names the other language and switches', () => {
    const store = real.store();
    renderWith(store, <LangSwitch />);
    const b = screen.getByRole('button', { name: 'Switch to English' });
    expect(b.textContent).toBe('English');
    fireEvent.click(b);
    expect(store.getState().lang).toBe('en');
    expect(screen.getByRole('button', { name: '切换到中文' }).textContent).toBe('中文');
  });

  it('the audience indicator says whether an audience window is connected, in both languages', () => {
    const store = real.store();
    renderWith(store, <AudienceStatus />);
    const status = screen.getByTestId('audience-status');
    expect(status.textContent).toBe('观众窗口未连接');
    expect(status.getAttribute('data-connected')).toBe('false');
    act(() => store.getState().setAudienceConnected(true));
    expect(status.textContent).toBe('观众窗口已连接');
    act(() => store.getState().setLang('en'));
    expect(status.textContent).toBe('Audience window connected');
    act(() => store.getState().setAudienceConnected(false));
    expect(status.textContent).toBe('No audience window');
  });
});
