import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedRequest } from '../../../src/io/fetch/cached-request.ts';
import { httpRequest, retryAfterMs } from '../../../src/io/fetch/http-client.ts';
import { cacheKey } from '../../../src/io/fetch/response-cache.ts';
import { expectUserError } from '../fixtures.ts';
import { refusedUrl, startServer, type TestServer } from '../helpers/recorded-server.ts';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A sleep that only records how long it was asked to wait. */
function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('httpRequest', () => {
  it('honours Retry-After on 429 and then succeeds', async () => {
    server = await startServer((r) => (r.n === 1 ? { status: 429, headers: { 'retry-after': '7' }, body: 'Too Many Requests' } : { body: '{"ok":true}' }));
    const { waits, sleep } = recordingSleep();
    const res = await httpRequest({ url: `${server.url}/x` }, { source: 'test', sleep });
    expect(new TextDecoder().decode(res.body)).toBe('{"ok":true}');
    expect([res.attempts, waits]).toEqual([2, [7000]]);
  });

  it('reads Retry-After as an HTTP date too', () => {
    const now = Date.parse('2026-04-10T09:00:00Z');
    expect(retryAfterMs('Fri, 10 Apr 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('12', now)).toBe(12_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });

  it('retries 500 and 503 with exponential backoff and seeded jitter, then succeeds', async () => {
    server = await startServer((r) => (r.n === 1 ? { status: 500, body: 'boom' } : r.n === 2 ? { status: 503 } : { body: 'ok' }));
    const { waits, sleep } = recordingSleep();
    const res = await httpRequest({ url: `${server.url}/x` }, { source: 'test', sleep, backoffS: 1, random: () => 0.5 });
    expect(res.attempts).toBe(3);
    // 1 s · 2^k · (0.5 + 0.5 · 0.5)
    expect(waits).toEqual([750, 1500]);
    // The default jitter is seeded by the URL: the same request waits the same on every run.
    const again = await startServer((r) => (r.n === 1 ? { status: 502 } : { body: 'ok' }));
    const a = recordingSleep();
    const b = recordingSleep();
    await httpRequest({ url: `${again.url}/same` }, { source: 'test', sleep: a.sleep });
    await httpRequest({ url: `${again.url}/same` }, { source: 'test', sleep: b.sleep });
    await again.close();
    expect(a.waits[0]).toBeGreaterThanOrEqual(1000);
    expect(a.waits[0]).toBeLessThan(2000);
  });

  it('gives up after --retries with a one-line error naming the source, host and status', async () => {
    server = await startServer(() => ({ status: 502, body: '<html><body>Bad Gateway</body></html>' }));
    const { waits, sleep } = recordingSleep();
    const msg = await expectUserError(() => httpRequest({ url: `${server!.url}/x` }, { source: 'osm', retries: 2, sleep }), ['osm:', 'HTTP 502', 'Bad Gateway', 'after 3 attempt(s)']);
    expect(msg).toContain(new URL(server.url).host);
    expect(waits).toHaveLength(2);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry other 4xx answers', async () => {
    server = await startServer(() => ({ status: 400, body: 'Error: line 1: parse error: Unknown type "wy"' }));
    const { waits, sleep } = recordingSleep();
    await expectUserError(() => httpRequest({ url: `${server!.url}/x` }, { source: 'osm', sleep }), ['HTTP 400', 'parse error']);
    expect([server.requests.length, waits.length]).toEqual([1, 0]);
  });

  it('refuses a Retry-After longer than the longest wait', async () => {
    server = await startServer(() => ({ status: 429, headers: { 'retry-after': '3600' } }));
    await expectUserError(() => httpRequest({ url: `${server!.url}/x` }, { source: 'osm', sleep: async () => {} }), ['3600 s', 'try again later']);
  });

  it('stops a server that never answers within the timeout, cleanly', async () => {
    server = await startServer(() => 'hang');
    const t0 = performance.now();
    await expectUserError(() => httpRequest({ url: `${server!.url}/x` }, { source: 'grb', timeoutS: 0.3, retries: 1, sleep: async () => {} }), ['grb:', 'no complete answer within 0.3 s', 'after 2 attempt(s)']);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(server.requests).toHaveLength(2);
  });

  it('says "cannot reach <host>" with what to do when the connection is refused', async () => {
    const url = await refusedUrl();
    const host = new URL(url).host;
    await expectUserError(() => httpRequest({ url: `${url}/api/interpreter` }, { source: 'osm', retries: 1, sleep: async () => {}, manualUrl: 'https://overpass-turbo.eu' }), [
      `cannot reach ${host}`,
      'ECONNREFUSED',
      'use --cache or download manually from https://overpass-turbo.eu',
    ]);
  });

  it('refuses a bad endpoint URL', async () => {
    await expectUserError(() => httpRequest({ url: 'overpass-api.de/api' }, { source: 'osm' }), ['expected an http(s) URL']);
  });
});

describe('the response cache', () => {
  it('stores a fetched answer and serves it without the network; --refresh fetches again', async () => {
    let n = 0;
    server = await startServer(() => ({ body: `answer ${++n}` }));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-cache-'));
    const req = { url: `${server.url}/data`, method: 'POST' as const, body: 'data=abc' };
    const now = () => Date.parse('2026-04-10T09:00:00Z');
    const first = await cachedRequest(req, { source: 't', cacheDir: dir, now });
    const second = await cachedRequest(req, { source: 't', cacheDir: dir, now });
    expect([new TextDecoder().decode(second.body), first.fromCache, second.fromCache, second.fetchedAt]).toEqual(['answer 1', false, true, '2026-04-10T09:00:00.000Z']);
    expect(server.requests).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual([`${cacheKey(req)}.body`, `${cacheKey(req)}.json`]);
    // Another body is another key.
    await cachedRequest({ ...req, body: 'data=abd' }, { source: 't', cacheDir: dir, now });
    expect(server.requests).toHaveLength(2);
    const refreshed = await cachedRequest(req, { source: 't', cacheDir: dir, now, refresh: true });
    expect(new TextDecoder().decode(refreshed.body)).toBe('answer 3');
    // A malformed answer is never cached.
    const bad = { url: `${server.url}/bad` };
    const reject = () => {
      throw new Error('malformed');
    };
    await expect(cachedRequest(bad, { source: 't', cacheDir: dir, now, validate: reject })).rejects.toThrow('malformed');
    expect(readdirSync(dir)).not.toContain(`${cacheKey(bad)}.body`);
    // A damaged entry is an error, never silently used.
    writeFileSync(path.join(dir, `${cacheKey(req)}.body`), 'tampered');
    await expectUserError(() => cachedRequest(req, { source: 't', cacheDir: dir }), ['damaged', 'delete both files']);
  });
});
