/**
 * A request through the on-disk cache: a hit is returned without touching the network; a miss is
 * fetched with httpRequest (retries, timeout), checked with `validate`, and only then stored.
 */
import { readCachedResponse, writeCachedResponse } from './response-cache.ts';
import { httpRequest, type HttpOptions, type HttpRequest } from './http-client.ts';

export interface CachedRequestOptions extends HttpOptions {
  /** Cache folder; null: no cache. */
  cacheDir: string | null;
  /** Ignore a cached answer and fetch again (the new answer replaces it). */
  refresh?: boolean;
  /** Checks a fresh answer before it is cached (throws a UserError when it is malformed): bad answers are never cached. */
  validate?: (body: Uint8Array) => void;
}

export interface FetchedBody {
  body: Uint8Array;
  /** True when the body came from the cache. */
  fromCache: boolean;
  /** When the body was fetched from the network (ISO). */
  fetchedAt: string;
  attempts: number;
}

/**
 * Fetches through the cache.
 *
 * @example
 * const { body, fromCache } = await cachedRequest({ url }, { source: 'statbel-sectors', cacheDir: '.cache' });
 */
export async function cachedRequest(request: HttpRequest, options: CachedRequestOptions): Promise<FetchedBody> {
  if (options.cacheDir && !options.refresh) {
    const hit = readCachedResponse(options.cacheDir, request);
    if (hit) {
      options.log?.(`${options.source}: using the cached answer of ${hit.meta.fetched_at} (${hit.meta.bytes} bytes; --refresh fetches again)`);
      return { body: hit.body, fromCache: true, fetchedAt: hit.meta.fetched_at, attempts: 0 };
    }
  }
  const res = await httpRequest(request, options);
  const fetchedAt = new Date((options.now ?? Date.now)());
  options.validate?.(res.body);
  if (options.cacheDir) writeCachedResponse(options.cacheDir, request, res.body, fetchedAt);
  return { body: res.body, fromCache: false, fetchedAt: fetchedAt.toISOString(), attempts: res.attempts };
}
