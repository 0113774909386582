/**
 * In the single-file package (npm run package) the data files are built into the page
 * (build/package-plugins.ts), because a page opened from file:// may not fetch files beside it:
 * the app's fetches of them are answered from there. In a normal build `files` is null and
 * nothing is changed.
 */
import files from 'virtual:packaged-files';

/** The packaged text for a URL whose path ends with one of the packaged names (`geo/parks.geojson`). */
export function packagedText(url: string, base: string, packaged: Record<string, string>): string | null {
  let path: string;
  try {
    path = new URL(url, base).pathname;
  } catch {
    return null;
  }
  for (const [name, text] of Object.entries(packaged)) if (path.endsWith(`/${name}`)) return text;
  return null;
}

export function installPackagedFiles(win: Window & typeof globalThis = window): void {
  if (!files) return;
  const packaged = files;
  const realFetch = win.fetch.bind(win);
  win.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const text = packagedText(url, win.location.href, packaged);
    if (text === null) return realFetch(input, init);
    return Promise.resolve(new Response(text, { status: 200, headers: { 'content-type': 'application/json' } }));
  };
}
