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

/** Opens (or focuses) the audience window for the projector. */
export function openAudienceWindow(query: string, win: Window = window): void {
  win.open(`${win.location.pathname}${query}`, 'sei-briefing-audience');
}

/** An absolute link to this page with the given query (for QR codes and handouts). */
export function absoluteLink(query: string, win: Window = window): string {
  return `${win.location.origin}${win.location.pathname}${query}`;
}

export function printPage(win: Window = window): void {
  win.print();
}
