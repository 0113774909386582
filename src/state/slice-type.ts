import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** A typed slice of the one app store (see store.ts). */
export type Slice<T> = StateCreator<AppState, [['zustand/subscribeWithSelector', never]], [], T>;
