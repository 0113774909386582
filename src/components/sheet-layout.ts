/**
 * The layout with bottom sheets (a phone, or a window up to 900 px wide): the one media query the
 * scripts read; styles.css and the components' CSS write the same width in their @media rules.
 */
import { useSyncExternalStore } from 'react';

export const SHEETS_QUERY = '(max-width: 900px)';

const query = (): MediaQueryList | null => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(SHEETS_QUERY) : null);

/** Whether the page is laid out with bottom sheets now (for event handlers). */
export const isSheetLayout = (): boolean => query()?.matches ?? false;

function subscribe(onChange: () => void): () => void {
  const q = query();
  if (!q) return () => {};
  q.addEventListener('change', onChange);
  return () => q.removeEventListener('change', onChange);
}

/** Whether the page is laid out with bottom sheets, kept current as the window crosses 900 px. */
export const useSheetLayout = (): boolean => useSyncExternalStore(subscribe, isSheetLayout, () => false);
