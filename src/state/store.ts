/**
 * The app's one store, built from typed slices (each in slices/). createAppStore() makes a fresh
 * store (tests); `appStore` is the app's singleton. The MapLibre map is not in here: the controller
 * holds it. Memoised selectors live in selectors/ and cache in the store's `memo` map.
 */
import { createContext, startTransition, useContext, useEffect, useState } from 'react';
import { createStore, useStore } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { dataSlice } from './slices/data';
import type { DataSlice } from './slices/data';
import { filterSlice } from './slices/filter';
import type { FilterSlice } from './slices/filter';
import { selectionSlice } from './slices/selection';
import type { SelectionSlice } from './slices/selection';
import { uiSlice } from './slices/ui';
import type { UiSlice } from './slices/ui';
import { viewSlice } from './slices/view';
import type { ViewSlice } from './slices/view';
import { findSlice } from './slices/find';
import type { FindSlice } from './slices/find';
import { sitesSlice } from './slices/sites';
import type { SitesSlice } from './slices/sites';
import { briefingSlice } from './slices/briefing';
import type { BriefingSlice } from './slices/briefing';
import { statsSlice } from './slices/stats';
import type { StatsSlice } from './slices/stats';
import { chooserSlice } from './slices/chooser';
import type { ChooserSlice } from './slices/chooser';
import type { MemoCache } from './selectors/memo';

export type AppState = { memo: MemoCache } & DataSlice &
  FilterSlice &
  SelectionSlice &
  UiSlice &
  ViewSlice &
  FindSlice &
  SitesSlice &
  BriefingSlice &
  StatsSlice &
  ChooserSlice;

export function createAppStore() {
  return createStore<AppState>()(
    subscribeWithSelector((...a) => ({
      memo: new Map(),
      ...dataSlice(...a),
      ...filterSlice(...a),
      ...selectionSlice(...a),
      ...uiSlice(...a),
      ...viewSlice(...a),
      ...findSlice(...a),
      ...sitesSlice(...a),
      ...briefingSlice(...a),
      ...statsSlice(...a),
      ...chooserSlice(...a),
    })),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;

export const appStore = createAppStore();

export const StoreContext = createContext<AppStore>(appStore);

/** Reads the store of the nearest StoreContext (the app's singleton unless a test provides one). */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useContext(StoreContext), selector);
}

/**
 * A store value that React brings up to date after the update that changed it, in an
 * interruptible render (a transition), not inside it: for what follows a filter click (the counts,
 * the list, the legend, the badges), so that the click itself costs the page only the store, the
 * map and the control that was clicked. The selector runs in that later render, on the store's
 * state as it is then (memoised selectors make a repeat free); until then the component shows the
 * state before. Controls a user operates (a checkbox's `checked`) read `useAppStore`, so they
 * follow at once.
 */
export function useSettledStore<T>(selector: (s: AppState) => T): T {
  const store = useContext(StoreContext);
  const [state, setState] = useState(store.getState);
  useEffect(() => {
    const follow = () => startTransition(() => setState(store.getState()));
    // what changed between the first render and now (React skips the render when nothing did)
    follow();
    return store.subscribe(follow);
  }, [store]);
  return selector(state);
}

export function useStoreApi(): AppStore {
  return useContext(StoreContext);
}
