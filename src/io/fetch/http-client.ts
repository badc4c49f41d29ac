/**
 * The one HTTP client of the online sources: Node's fetch with a per-attempt timeout (AbortSignal),
 * retries with exponential backoff and jitter, Retry-After on 429/503, and one-line UserErrors that say
 * what to do (including the offline error "cannot reach <host>: …; use --cache or download manually
 * from <url>"). Clock, sleep and randomness are injectable, so tests are fast and deterministic.
 */
import { seededRandom } from '../../core/random/seeded-random.ts';
import { UserError } from '../../core/user-error.ts';

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  /** Request body (POST), sent as application/x-www-form-urlencoded unless headers say otherwise. */
  body?: string;
  headers?: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  /** Attempts made (1 = no retry). */
  attempts: number;
}

export interface HttpOptions {
  /** Name of the source for messages, e.g. 'osm'. */
  source: string;
  /** Where a user can get the data by hand (in the offline error). Default: the request URL. */
  manualUrl?: string;
  /** Per-attempt timeout in seconds (connect + full body). Default 60. */
  timeoutS?: number;
  /** Retries after the first attempt (429, 5xx, timeouts, network errors). Default 3. */
  retries?: number;
  /** First backoff delay in seconds; doubles per retry. Default 2. */
  backoffS?: number;
  /** Longest wait, in seconds, for one backoff or Retry-After. Default 120. */
  maxWaitS?: number;
  /** Waits ms milliseconds. Default: setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Uniform [0, 1) for the jitter. Default: a generator seeded from the URL, so runs repeat exactly. */
  random?: () => number;
  /** Current time in ms (for Retry-After dates). Default Date.now. */
  now?: () => number;
  /** Progress lines (retries). */
  log?: (line: string) => void;
  /** The fetch implementation. Default globalThis.fetch. */
  fetch?: typeof fetch;
}

const USER_AGENT = 'wijkatlas/0.1 (+https://github.com/; neighbourhood atlas toolkit)';

/**
 * Sends a request and returns the response when its status is 2xx. 429 and 5xx answers, timeouts and
 * network errors are retried `retries` times, waiting backoffS · 2^k · (0.5 … 1) seconds (jitter), or
 * what Retry-After asks (seconds or an HTTP date), capped at maxWaitS. Any other 4xx fails at once.
 * Failures are UserErrors naming the source, the host and what to do.
 *
 * @example
 * const res = await httpRequest({ url: 'https://overpass-api.de/api/interpreter', method: 'POST', body: 'data=...' }, { source: 'osm' });
 */
export async function httpRequest(request: HttpRequest, options: HttpOptions): Promise<HttpResponse> {
  const { source, timeoutS = 60, retries = 3, backoffS = 2, maxWaitS = 120 } = options;
  if (!(timeoutS > 0)) throw new UserError(`${source}: timeout must be a positive number of seconds, found ${timeoutS}`);
  if (!Number.isInteger(retries) || retries < 0) throw new UserError(`${source}: retries must be a whole number ≥ 0, found ${retries}`);
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new UserError(`${source}: expected an http(s) URL, found ${JSON.stringify(request.url)}; fix --endpoint`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(`${source}: expected an http(s) URL, found ${JSON.stringify(request.url)}; fix --endpoint`);
  const host = url.host;
  const manual = options.manualUrl ?? request.url;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? seededRandom(hashString(request.url + (request.body ?? '')));
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/json, */*;q=0.5', ...(request.headers ?? {}) };
  if (request.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';

  for (let attempt = 1; ; attempt++) {
    let wait: number | null = null;
    let lastProblem: string;
    try {
      const res = await doFetch(request.url, { method: request.method ?? 'GET', body: request.body, headers, signal: AbortSignal.timeout(timeoutS * 1000), redirect: 'follow' });
      const body = new Uint8Array(await res.arrayBuffer());
      const resHeaders: Record<string, string> = {};
      res.headers.forEach((v, k) => (resHeaders[k] = v));
      if (res.status >= 200 && res.status < 300) return { status: res.status, headers: resHeaders, body, attempts: attempt };
      const excerpt = textExcerpt(body);
      lastProblem = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${excerpt ? ` ("${excerpt}")` : ''}`;
      if (res.status !== 429 && res.status < 500) {
        throw new UserError(`${source}: ${host} answered ${lastProblem}; check the request (area, --endpoint) or get the data by hand from ${manual}`);
      }
      wait = retryAfterMs(resHeaders['retry-after'], now());
      if (wait !== null && wait > maxWaitS * 1000) {
        throw new UserError(`${source}: ${host} answered ${lastProblem} and asks to wait ${Math.round(wait / 1000)} s (more than ${maxWaitS} s); try again later or use --cache`);
      }
    } catch (err) {
      if (err instanceof UserError) throw err;
      const e = err as Error & { cause?: { code?: string; message?: string } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') {
        lastProblem = `no complete answer within ${timeoutS} s`;
      } else {
        const code = e.cause?.code ?? '';
        const detail = [code, e.cause?.message ?? e.message].filter(Boolean).join(' ');
        lastProblem = `cannot reach ${host}: ${detail}`;
        if (attempt > retries) throw new UserError(`${lastProblem}; use --cache or download manually from ${manual}`);
      }
    }
    if (attempt > retries) {
      throw new UserError(
        `${source}: ${lastProblem.startsWith('no complete') ? `${host} gave ${lastProblem}` : `${host} answered ${lastProblem}`} after ${attempt} attempt(s); try again later, raise --timeout/--retries, use --cache, or download manually from ${manual}`,
      );
    }
    const backoff = Math.min(maxWaitS * 1000, backoffS * 1000 * 2 ** (attempt - 1) * (0.5 + 0.5 * random()));
    const ms = wait ?? backoff;
    options.log?.(`${source}: ${lastProblem}; retry ${attempt} of ${retries} in ${(ms / 1000).toFixed(1)} s`);
    await sleep(ms);
  }
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, nowMs: number): number | null {
  if (value === undefined || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

function textExcerpt(body: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body.subarray(0, 400));
  return text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 160);
}

/** 32-bit FNV-1a of a string, as a seed. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
