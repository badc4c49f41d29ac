import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, createServer } from '../../scripts/static-server.mjs';

/** A raw GET (fetch would normalise `..` in the path before sending it). */
function get(port: number, rawPath: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server (scripts/static-server.mjs)', () => {
  let dir = '';
  let root = '';
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'wijkatlas-serve-'));
    root = path.join(dir, 'dist');
    mkdirSync(path.join(root, 'layers'), { recursive: true });
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>atlas</title>');
    writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(path.join(root, 'layers', 'manifest.json'), '{"schema_version":1}');
    writeFileSync(path.join(root, 'layers', 'blocks.geojson'), '{"type":"FeatureCollection","features":[]}');
    writeFileSync(path.join(dir, 'secret.txt'), 'outside the root');
    symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'link.txt'));
    server = createServer({ root });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves files with their content types, GeoJSON as application/geo+json', async () => {
    expect(await get(port, '/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await get(port, '/assets/index-abc.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'console.log(1)' });
    expect(await get(port, '/layers/manifest.json')).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' });
    expect(await get(port, '/layers/blocks.geojson')).toMatchObject({ status: 200, type: 'application/geo+json' });
    expect(contentType('x.GEOJSON')).toBe('application/geo+json');
    expect(contentType('x.unknown')).toBe('application/octet-stream');
  });

  it('falls back to index.html for paths without an extension, and gives 404 for missing files', async () => {
    expect(await get(port, '/some/route?lang=en')).toMatchObject({ status: 200, body: '<!doctype html><title>atlas</title>' });
    expect((await get(port, '/layers/missing.geojson')).status).toBe(404);
  });

  it('refuses paths that leave the root, however they are written', async () => {
    for (const p of ['/../secret.txt', '/layers/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/link.txt']) {
      const res = await get(port, p);
      expect(res.status, p).toBe(403);
      expect(res.body).not.toContain('outside the root');
    }
    expect((await get(port, '/%00')).status).toBe(400);
    expect((await get(port, '/%E0%A4%A')).status).toBe(400);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    expect(await get(port, '/layers/manifest.json', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect((await get(port, '/', 'POST')).status).toBe(405);
  });
});
