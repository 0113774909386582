/**
 * The last step of the single-file package, pure: the page's own links to files beside it (the
 * icons of index.html) become data: URLs or go, and anything still pointing at a file beside the
 * page is an error (a file:// page could not load it).
 */
const MIME: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png' };

export function finishPackage(html: string, readPublic: (rel: string) => Uint8Array): string {
  const out = html
    // a home-screen icon means nothing for a file
    .replace(/\s*<link rel="apple-touch-icon"[^>]*>/g, '')
    .replace(/\s*<link rel="manifest"[^>]*>/g, '')
    .replace(/(<link rel="icon" href=")\.\/([^"]+)"/g, (_m, head: string, rel: string) => {
      const ext = rel.split('.').pop()!;
      return `${head}data:${MIME[ext] ?? 'application/octet-stream'};base64,${Buffer.from(readPublic(rel)).toString('base64')}"`;
    });
  const left = [...out.matchAll(/<(?:script|link|img)\b[^>]*\b(?:src|href)="(?!data:)([^"]*)"/g)].map((m) => m[1]);
  if (left.length) throw new Error(`the package still refers to files beside it: ${left.join(', ')}`);
  return out;
}
