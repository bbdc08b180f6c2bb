// A static file server for the release build in dist/, on 127.0.0.1 and a
// free port. Tests run against exactly what would be deployed.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

/** The content type of each file extension the build ships. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export const DIST = resolve(import.meta.dirname, '..', '..', 'dist');

/**
 * Starts serving `root`; resolves to `{ url, close, rewrite }`. `rewrite(path,
 * fn)` makes later responses for `path` pass through `fn(body)` (to play a
 * new release, for example).
 */
export async function startServer(root = DIST) {
  const rewrites = new Map();
  await stat(join(root, 'index.html')).catch(() => {
    throw new Error(`${root}/index.html is missing: run \`trunk build --release\` first (scripts/test.sh does).`);
  });
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      const rewrite = rewrites.get(path);
      if (rewrite) body = Buffer.from(rewrite(body.toString('utf8')));
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(ok)),
    rewrite: (path, fn) => rewrites.set(path, fn),
  };
}
