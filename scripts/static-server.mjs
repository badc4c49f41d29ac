// A small static file server without dependencies: serves the built app (dist/) for `npm start`, and the
// layers directory at /layers/ in the Vite dev server (vite.config.ts). Plain Node so it runs without tsx.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/** Content types by file extension (lower case). Anything else is served as application/octet-stream. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

/** The content type of a file name. */
export function contentType(fileName) {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * A request handler `(req, res, next?)` that serves the files under `root`.
 *
 * - GET and HEAD only (405 otherwise).
 * - Paths that leave `root` (`..`, encoded `%2e%2e`, `%2f`, NUL bytes, symbolic links pointing outside) get 403.
 * - A directory serves its index.html.
 * - A missing path without a file extension gets `fallback` (an SPA's index.html) when set; a missing file
 *   with an extension gets 404 (so a missing layer is a clear 404, never HTML parsed as JSON). When `next` is
 *   given (connect middleware) a miss calls `next()` instead.
 *
 * @param {{ root: string, fallback?: string | null }} options - `fallback` is relative to root; default 'index.html'
 */
export function createStaticHandler({ root, fallback = 'index.html' }) {
  const rootDir = path.resolve(root);
  let realRoot = null;

  return async function handle(req, res, next) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    }
    let pathname;
    try {
      // the raw path, not new URL(): URL parsing would quietly drop `..` segments instead of refusing them
      pathname = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0]);
    } catch {
      return send(res, 400, 'Bad request: malformed URL');
    }
    if (pathname.includes('\0')) return send(res, 400, 'Bad request');
    if (pathname.split(/[\\/]/).includes('..')) return send(res, 403, 'Forbidden');

    realRoot ??= await fs.promises.realpath(rootDir).catch(() => rootDir);
    const target = path.resolve(rootDir, '.' + path.posix.normalize('/' + pathname));
    if (!isInside(rootDir, target)) return send(res, 403, 'Forbidden');

    let file = await resolveFile(target);
    if (file && !isInside(realRoot, await fs.promises.realpath(file))) return send(res, 403, 'Forbidden');
    if (!file) {
      if (next) return next();
      if (fallback && path.extname(pathname) === '') file = await resolveFile(path.join(rootDir, fallback));
      if (!file) return send(res, 404, 'Not found');
    }
    return sendFile(req, res, file);
  };
}

/**
 * An http.Server serving `root` (see createStaticHandler). Call `.listen(port, host)` on it.
 * @param {{ root: string, fallback?: string | null, log?: (line: string) => void }} options
 */
export function createServer({ root, fallback = 'index.html', log } = {}) {
  if (!root) throw new TypeError('createServer: expected options.root, the directory to serve.');
  const handle = createStaticHandler({ root, fallback });
  return http.createServer((req, res) => {
    if (log) res.on('finish', () => log(`${res.statusCode} ${req.method} ${req.url}`));
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) send(res, 500, 'Internal server error');
      else res.destroy();
    });
  });
}

function isInside(dir, target) {
  const rel = path.relative(dir, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The regular file to serve for a path (a directory's index.html), or null. */
async function resolveFile(target) {
  const stat = await fs.promises.stat(target).catch(() => null);
  if (stat?.isFile()) return target;
  if (stat?.isDirectory()) {
    const index = path.join(target, 'index.html');
    const indexStat = await fs.promises.stat(index).catch(() => null);
    if (indexStat?.isFile()) return index;
  }
  return null;
}

async function sendFile(req, res, file) {
  const stat = await fs.promises.stat(file);
  const lastModified = stat.mtime.toUTCString();
  const headers = {
    'Content-Type': contentType(file),
    'Last-Modified': lastModified,
    'X-Content-Type-Options': 'nosniff',
    // hashed assets may be cached; the page and the layers must be revalidated so a rebuild shows at once
    'Cache-Control': /[\\/]assets[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  const since = req.headers['if-modified-since'];
  if (since && Math.floor(stat.mtimeMs / 1000) <= Math.floor(Date.parse(since) / 1000)) {
    res.writeHead(304, headers);
    return res.end();
  }
  res.writeHead(200, { ...headers, 'Content-Length': stat.size });
  if (req.method === 'HEAD') return res.end();
  await new Promise((resolve) => {
    const stream = fs.createReadStream(file);
    stream.on('error', (err) => {
      console.error(err);
      res.destroy(err);
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(res);
  });
}

function send(res, status, text, extra = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...extra });
  res.end(text + '\n');
}
