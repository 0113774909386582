import type { AppState, AppStore } from '../../store';
import type { UrlState } from '../types';

/** How one feature reads its part of the URL into the store, and back. */
export interface UrlBinding {
  /** applies the parsed URL to the store, once the data has loaded */
  apply(state: UrlState, store: AppStore): void;
  /** the part of the URL state this feature holds */
  read(s: AppState): Partial<UrlState>;
}
