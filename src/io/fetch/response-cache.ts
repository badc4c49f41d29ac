/**
 * An on-disk cache of HTTP responses, keyed by the SHA-256 of the request (method, URL, body). A hit
 * never touches the network, so a cached fetch also works offline. Entries do not expire: pass
 * `refresh` to fetch again. Files: `<key>.body` (the bytes as received) and `<key>.json` (what was asked,
 * when, and the body's SHA-256, checked on read).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../core/user-error.ts';
import { hashBytes } from '../hash-file.ts';
import type { HttpRequest } from './http-client.ts';

export interface CacheEntryMeta {
  method: string;
  url: string;
  body_sha256: string | null;
  fetched_at: string;
  sha256: string;
  bytes: number;
}

/**
 * The cache key of a request: SHA-256 hex of "METHOD URL\n\nBODY".
 *
 * @example
 * cacheKey({ url: 'https://example.org/a' }); // '3f1c…'
 */
export function cacheKey(request: HttpRequest): string {
  return hashBytes(`${request.method ?? 'GET'} ${request.url}\n\n${request.body ?? ''}`);
}

/**
 * Cached body of a request, or null when there is none. A damaged entry (body does not match its
 * recorded SHA-256) is a UserError that says which files to delete.
 *
 * @example
 * const hit = readCachedResponse('.cache/wijkatlas', request);
 */
export function readCachedResponse(dir: string, request: HttpRequest): { body: Uint8Array; meta: CacheEntryMeta } | null {
  const key = cacheKey(request);
  const bodyFile = path.join(dir, `${key}.body`);
  const metaFile = path.join(dir, `${key}.json`);
  let meta: CacheEntryMeta;
  let body: Uint8Array;
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8')) as CacheEntryMeta;
    body = readFileSync(bodyFile);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (err instanceof SyntaxError) throw new UserError(`cache entry ${metaFile} is damaged (not JSON); delete ${metaFile} and ${bodyFile} and fetch again`);
    throw err;
  }
  if (hashBytes(body) !== meta.sha256) throw new UserError(`cache entry ${bodyFile} is damaged (its SHA-256 does not match ${metaFile}); delete both files and fetch again`);
  return { body, meta };
}

/**
 * Stores a response body (atomically: write to a temporary file, then rename).
 *
 * @example
 * writeCachedResponse('.cache/wijkatlas', request, body, new Date());
 */
export function writeCachedResponse(dir: string, request: HttpRequest, body: Uint8Array, fetchedAt: Date): CacheEntryMeta {
  mkdirSync(dir, { recursive: true });
  const key = cacheKey(request);
  const meta: CacheEntryMeta = {
    method: request.method ?? 'GET',
    url: request.url,
    body_sha256: request.body === undefined ? null : hashBytes(request.body),
    fetched_at: fetchedAt.toISOString(),
    sha256: hashBytes(body),
    bytes: body.length,
  };
  const tmp = `.${key}.${process.pid}.tmp`;
  writeFileSync(path.join(dir, tmp), body);
  renameSync(path.join(dir, tmp), path.join(dir, `${key}.body`));
  writeFileSync(path.join(dir, tmp), JSON.stringify(meta, null, 1) + '\n');
  renameSync(path.join(dir, tmp), path.join(dir, `${key}.json`));
  return meta;
}
