// @vitest-environment jsdom
/**
 * A part of the app that loads on first use: a failed load is tried once more; if that fails too,
 * the nearest panel boundary says the part could not be loaded (not that it broke), the rest of
 * the page stays, and "try again" loads it anew.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { PanelBoundary } from '../../src/components/PanelBoundary';
import { failedScript, isLoadError, lazyPart, loadTwice } from '../../src/components/lazy-part';

afterEach(cleanup);

const CHROMIUM = 'Failed to fetch dynamically imported module: https://maps.example/assets/StatsView-DZ4bkpSA.js';
const loadError = () => new TypeError('Failed to fetch dynamically imported module');

describe('which errors are failed loads', () => {
  it('knows the three browsers’ messages and Vite’s style-sheet preload, and nothing else', () => {
    expect(isLoadError(new TypeError(CHROMIUM))).toBe(true);
    expect(isLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isLoadError(new TypeError('error loading dynamically imported module: https://maps.example/assets/a.js'))).toBe(true);
    expect(isLoadError(new Error('Unable to preload CSS for /assets/stats-Dr2VEHCv.css'))).toBe(true);
    expect(isLoadError(new TypeError("Cannot read properties of undefined (reading 'name')"))).toBe(false);
  });

  it('names the failed script only on the page’s own origin', () => {
    expect(failedScript(new TypeError(CHROMIUM), 'https://maps.example')).toBe('https://maps.example/assets/StatsView-DZ4bkpSA.js');
    expect(failedScript(new TypeError(CHROMIUM), 'https://other.example')).toBeNull();
    expect(failedScript(new TypeError('Importing a module script failed.'), 'https://maps.example')).toBeNull();
  });
});

describe('loadTwice', () => {
  it('tries a failed load once more and returns the second answer', async () => {
    const load = vi.fn().mockRejectedValueOnce(loadError()).mockResolvedValueOnce('module');
    await expect(loadTwice(load, 0)).resolves.toBe('module');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('gives up after the second failure, with its error', async () => {
    const load = vi.fn().mockRejectedValue(loadError());
    await expect(loadTwice(load, 0)).rejects.toThrow('dynamically imported module');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not try again after an error that is not a failed load', async () => {
    const load = vi.fn().mockRejectedValue(new RangeError('bad value'));
    await expect(loadTwice(load, 0)).rejects.toThrow('bad value');
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('a lazily loaded part under a panel boundary', () => {
  it('says the part could not be loaded, keeps the rest of the page, and loads it on "try again"', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let online = false;
    const load = vi.fn(async () => {
      if (!online) throw loadError();
      return { Chart: ({ title }: { title: string }) => <p data-testid="chart">{title}</p> };
    });
    const Chart = lazyPart(load, (m) => m.Chart);
    render(
      <>
        <p data-testid="beside">the list</p>
        <PanelBoundary name="图表">
          <Suspense fallback={<p role="status">loading</p>}>
            <Chart title="ranking" />
          </Suspense>
        </PanelBoundary>
      </>,
    );
    const alert = await screen.findByTestId('panel-failed', {}, { timeout: 3000 });
    expect(alert.textContent).toContain('“图表”未能加载');
    expect(alert.getAttribute('data-unloaded')).toBe('true');
    expect(load).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('beside').textContent).toBe('the list');

    online = true;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect((await screen.findByTestId('chart', {}, { timeout: 3000 })).textContent).toBe('ranking');
    expect(screen.queryByTestId('panel-failed')).toBeNull();
    expect(load).toHaveBeenCalledTimes(3);
    warn.mockRestore();
    error.mockRestore();
  });

  it('a preloaded part renders at once, without its fallback, and is fetched once', async () => {
    const load = vi.fn(async () => ({ Card: ({ name }: { name: string }) => <h2>{name}</h2> }));
    const Card = lazyPart(load, (m) => m.Card);
    await Card.preload();
    await Card.preload();
    render(
      <Suspense fallback={<p role="status">loading</p>}>
        <Card name="外滩" />
      </Suspense>,
    );
    // synchronously there: no fallback was shown
    expect(screen.getByRole('heading').textContent).toBe('外滩');
    expect(screen.queryByRole('status')).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a failed preload says nothing; the first render loads the part anew', async () => {
    let online = false;
    const load = vi.fn(async () => {
      if (!online) throw loadError();
      return { Card: () => <h2>card</h2> };
    });
    const Card = lazyPart(load, (m) => m.Card);
    await expect(Card.preload()).resolves.toBeUndefined();
    // the preload asked twice (one more try after a failed load)
    expect(load).toHaveBeenCalledTimes(2);
    online = true;
    render(
      <Suspense fallback={<p role="status">loading</p>}>
        <Card />
      </Suspense>,
    );
    expect(screen.getByRole('status')).toBeInTheDocument();
    expect((await screen.findByRole('heading')).textContent).toBe('card');
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('an error that is not a failed load is said as a failed panel', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const Broken = lazyPart(
      async () => ({
        Part: () => {
          throw new Error('no data');
        },
      }),
      (m) => m.Part,
    );
    render(
      <PanelBoundary name="统计">
        <Suspense fallback={null}>
          <Broken />
        </Suspense>
      </PanelBoundary>,
    );
    const alert = await screen.findByTestId('panel-failed');
    expect(alert.textContent).toContain('“统计”面板出错');
    expect(alert.hasAttribute('data-unloaded')).toBe(false);
    warn.mockRestore();
    error.mockRestore();
  });
});
