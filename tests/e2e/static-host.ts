/**
 * A plain static file host for the browser specs: serves a folder (dist/) under any path prefix
 * of a loopback address, as a web server that knows nothing of the app would (no fallback to
 * index.html, no rewriting). Returns the page's address; `replace` serves other bytes for a path
 * (a new version of the app).
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticHost {
  url: string;
  /** request paths, oldest first */
  requests: string[];
  /** path below the prefix (`sw.js`) → what to serve instead of the file */
  replace: Map<string, string | Buffer>;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, prefix: string): Promise<StaticHost> {
  const requests: string[] = [];
  const replace = new Map<string, string | Buffer>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      requests.push(path);
      if (!path.startsWith(prefix)) return void res.writeHead(404).end();
      const swapped = replace.get(path.slice(prefix.length));
      if (swapped !== undefined)
        return void res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(swapped);
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(normalize(dir))) return void res.writeHead(403).end();
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${addr.port}${prefix}`,
    requests,
    replace,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
