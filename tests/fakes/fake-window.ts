/**
 * The slice of `window` that url-sync touches: location (pathname/search/hash) and
 * history.replaceState, which records the call and updates the fake location like a browser.
 */
import { vi } from 'vitest';

export interface FakeWindow {
  location: { pathname: string; search: string; hash: string };
  history: { replaceState: ReturnType<typeof vi.fn<(data: unknown, unused: string, url?: string | URL | null) => void>> };
  /** the URLs written, in order */
  written(): string[];
  asWindow(): Window;
}

export function fakeWindow(url = '/'): FakeWindow {
  const parse = (u: string) => {
    const parsed = new URL(u, 'http://localhost');
    return { pathname: parsed.pathname, search: parsed.search, hash: parsed.hash };
  };
  const location = parse(url);
  const replaceState = vi.fn((_data: unknown, _unused: string, next?: string | URL | null) => {
    if (next != null) Object.assign(location, parse(String(next)));
  });
  const win: FakeWindow = {
    location,
    history: { replaceState },
    written: () => replaceState.mock.calls.map((c) => String(c[2])),
    asWindow: () => win as unknown as Window,
  };
  return win;
}
