/**
 * A local HTTP server for the fetcher tests (node:http on 127.0.0.1, a free port). Each request is
 * answered by `handle`, which sees the request number (1-based), method, URL and body, and returns a
 * response or 'hang' (never answer: for timeouts). Every request is recorded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  n: number;
  method: string;
  url: string;
  body: string;
}

export type Reply = { status?: number; headers?: Record<string, string>; body?: string | Uint8Array } | 'hang';

export interface TestServer {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  requests: RecordedRequest[];
  close: () => Promise<void>;
}

export async function startServer(handle: (req: RecordedRequest) => Reply | Promise<Reply>): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const rec = { n: requests.length + 1, method: req.method ?? 'GET', url: req.url ?? '/', body: Buffer.concat(chunks).toString('utf8') };
      requests.push(rec);
      const reply = await handle(rec);
      if (reply === 'hang') {
        hanging.push(res);
        return;
      }
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on which nothing listens (connection refused). */
export async function refusedUrl(): Promise<string> {
  const s = await startServer(() => ({ body: '' }));
  const url = s.url;
  await s.close();
  return url;
}
