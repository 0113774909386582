/** The briefing's few direct uses of the window and document, kept in one small module. */

export function toggleFullscreen(doc: Document = document): void {
  if (doc.fullscreenElement) void doc.exitFullscreen?.().catch(() => {});
  else void doc.documentElement.requestFullscreen?.().catch(() => {});
}

/** Saves a blob under a file name (an object URL and a temporary link; nothing leaves the machine). */
export function downloadBlob(blob: Blob, name: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Leaves the briefing for the map app, keeping the language. */
export function leaveBriefing(lang: 'zh' | 'en', win: Window = window): void {
  win.location.assign(`${win.location.pathname}${lang === 'en' ? '?lang=en' : ''}`);
}

/** The name of the audience window the presenter view opens for the projector. */
const AUDIENCE_WINDOW = 'sei-briefing-audience';

/** Opens (or focuses) the audience window for the projector. */
export function openAudienceWindow(query: string, win: Window = window): void {
  win.open(`${win.location.pathname}${query}`, AUDIENCE_WINDOW);
}

/** Whether this is the audience window a presenter view opened (the presenter's own tools stay on the presenter's screen). */
export function isAudienceWindow(win: Window = window): boolean {
  return win.name === AUDIENCE_WINDOW;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

/**
 * A link for other devices (QR codes, handouts): under the public address a deployment configures
 * (VITE_PUBLIC_URL at build time), else under this page's own address when other machines can
 * reach it (http(s) and not a loopback host). `local` says that neither exists: the link only
 * works on this computer.
 */
export function publicLink(
  query: string,
  configured: string | undefined,
  loc: Pick<Location, 'protocol' | 'hostname' | 'origin' | 'pathname'>,
): { href: string; local: boolean } {
  const base = configured?.trim();
  if (base) return { href: new URL(query, base.endsWith('/') ? base : `${base}/`).href, local: false };
  const href = `${loc.protocol === 'file:' ? 'file://' : loc.origin}${loc.pathname}${query}`;
  return { href, local: !/^https?:$/.test(loc.protocol) || LOOPBACK.test(loc.hostname) };
}

/** publicLink for this page and this build's configured address. */
export const shareLink = (query: string, win: Window = window) => publicLink(query, import.meta.env.VITE_PUBLIC_URL, win.location);

export function printPage(win: Window = window): void {
  win.print();
}
