/**
 * The Content-Security-Policy of the app: no inline script and no eval, workers and images from
 * the app's own origin (and blob:/data: URLs it makes itself: PNG export, QR codes), requests to
 * the app's origin only, unless the optional online basemap is configured at build time
 * (VITE_ONLINE_BASEMAP_TILES), whose origin is then allowed for images and fetches.
 *
 * Delivered two ways: as a response header by `vite preview` and the dev server (`npm start`),
 * and as a <meta http-equiv> in the built index.html for static hosts that set no headers
 * (`frame-ancestors` and reporting only work as a header). In development the one inline script
 * React's fast refresh needs is allowed by its hash, computed from the page as served.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** The origin of the online basemap's tile URL template, or null (offline: the default). */
export function basemapOrigin(tiles: string | undefined): string | null {
  const t = tiles?.trim();
  if (!t) return null;
  try {
    const u = new URL(t.replace(/\{[^}]*\}/g, '0'));
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** The policy as one header value; `extra` adds sources per directive (dev server, basemap). */
export function contentSecurityPolicy(opts: { basemap?: string | null; scriptHashes?: readonly string[]; dev?: boolean } = {}): string {
  const remote = opts.basemap ? [opts.basemap] : [];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...(opts.scriptHashes ?? []).map((h) => `'${h}'`)],
    // MapLibre starts its worker from its own file; terra-draw and our link worker are files too
    'worker-src': ["'self'", 'blob:'],
    'style-src': ["'self'"],
    // React and MapLibre set element styles from script (style attributes), never style sheets
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...remote],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", 'data:', 'blob:', ...remote, ...(opts.dev ? ['ws:', 'wss:'] : [])],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

const inlineScripts = (html: string) => [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

export function cspPlugin(): Plugin {
  let basemap: string | null = null;
  let dev = false;
  let devHashes: string[] = [];
  return {
    name: 'csp',
    configResolved(config) {
      dev = config.command === 'serve' && !config.isProduction;
      // the env Vite loaded (.env files included), as the app reads it
      basemap = basemapOrigin((config.env as Record<string, string | undefined>).VITE_ONLINE_BASEMAP_TILES);
    },
    configureServer(server) {
      // the hashes of the dev page's inline scripts, known before the first response carries the header
      let hashed: Promise<unknown> | null = null;
      server.middlewares.use((_req, res, next) => {
        hashed ??= server.transformIndexHtml('/', readFileSync(join(server.config.root, 'index.html'), 'utf8')).catch(() => undefined);
        void hashed.then(() => {
          res.setHeader('Content-Security-Policy', contentSecurityPolicy({ basemap, scriptHashes: devHashes, dev: true }));
          next();
        });
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', contentSecurityPolicy({ basemap }));
        next();
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const hashes = inlineScripts(html).map(sha256);
        if (dev) devHashes = hashes;
        else if (hashes.length) throw new Error(`the built index.html has ${hashes.length} inline script(s); the CSP allows none`);
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ basemap, scriptHashes: hashes, dev }) },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}
