// @vitest-environment jsdom
/**
 * Which keys the clicker takes from the focused element (startBriefingKeys on a real document):
 * a checkbox or button clicked with the mouse passes every clicker key on, Space included; one
 * the keyboard brought the focus to keeps Space; text fields keep every key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { startBriefingKeys } from '../../src/state/briefing-sync';
import { loadGeoData } from '../../src/loaders/load-geo';
import { loadBriefing } from '../../src/loaders/load-briefing';
import { diskFetcher } from '../fakes/geo-disk';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  document.body.innerHTML = '';
});

async function setup() {
  const store = createAppStore();
  const [geo, b] = await Promise.all([loadGeoData('/', diskFetcher()), loadBriefing('/', diskFetcher())]);
  if (!b.ok) throw new Error(b.error);
  store.getState().setGeo(geo);
  store.getState().setBriefing(b.data);
  store.getState().startBriefing('presenter', 1);
  stop = startBriefingKeys(store, window, { leave() {}, fullscreen() {} });
  document.body.innerHTML =
    '<input type="checkbox" id="box"><button type="button" id="btn">b</button><input type="text" id="text"><select id="sel"><option>a</option></select><a href="#x" id="link">x</a>';
  const el = (id: string) => document.getElementById(id)!;
  const chapter = () => store.getState().briefingIndex;
  /** a key on the focused element; true when the page's default (typing, pressing) was left to it */
  const key = (k: string) => {
    const target = document.activeElement ?? document.body;
    return target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  };
  const click = (id: string) => {
    el(id).dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    el(id).focus();
  };
  const tabTo = (id: string) => {
    (document.activeElement as HTMLElement | null)?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    el(id).focus();
  };
  return { chapter, key, click, tabTo };
}

describe('clicker keys and the focused control', () => {
  it('a checkbox ticked with the mouse: PageDown, PageUp, End, Home, digits + Enter and Space all turn the page', async () => {
    const { chapter, key, click } = await setup();
    click('box');
    expect(key('PageDown')).toBe(false);
    expect(chapter()).toBe(2);
    key('PageUp');
    expect(chapter()).toBe(1);
    expect(key(' ')).toBe(false); // not a tick
    expect(chapter()).toBe(2);
    key('End');
    const last = chapter();
    expect(last).toBeGreaterThan(2);
    key('Home');
    expect(chapter()).toBe(0);
    key('4');
    expect(key('Enter')).toBe(false);
    expect(chapter()).toBe(3);
  });

  it('a button clicked with the mouse gives Space to the clicker; the same button reached with Tab keeps Space and Enter', async () => {
    const { chapter, key, click, tabTo } = await setup();
    click('btn');
    expect(key(' ')).toBe(false);
    expect(chapter()).toBe(2);
    tabTo('box'); // Tab away and Shift+Tab back
    tabTo('btn');
    expect(key(' ')).toBe(true); // the button's own
    expect(key('Enter')).toBe(true);
    expect(chapter()).toBe(2);
    expect(key('ArrowRight')).toBe(false); // the clicker's still
    expect(chapter()).toBe(3);
    tabTo('link');
    expect(key('Enter')).toBe(true);
    expect(chapter()).toBe(3);
  });

  it('text fields and selects keep every key', async () => {
    const { chapter, key, click, tabTo } = await setup();
    click('text');
    for (const k of [' ', 'PageDown', 'ArrowRight', '3', 'b']) expect(key(k)).toBe(true);
    tabTo('sel');
    expect(key('ArrowRight')).toBe(true);
    expect(chapter()).toBe(1);
  });
});
