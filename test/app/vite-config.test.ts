import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layersDir } from '../../vite.config.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixtureLayers = path.join(repo, 'test/fixtures/app-layers');

describe('vite.config.ts', () => {
  it('reads the layers directory from WIJKATLAS_LAYERS, else <repo>/layers', () => {
    expect(layersDir({})).toBe(path.join(repo, 'layers'));
    expect(layersDir({ WIJKATLAS_LAYERS: fixtureLayers })).toBe(fixtureLayers);
  });

  describe('dev server', () => {
    let server: ViteDevServer;
    let base = '';

    beforeAll(async () => {
      const previous = process.env.WIJKATLAS_LAYERS;
      process.env.WIJKATLAS_LAYERS = fixtureLayers;
      try {
        server = await createServer({ configFile: path.join(repo, 'vite.config.ts'), logLevel: 'silent', server: { port: 0, strictPort: false, hmr: false } });
      } finally {
        if (previous === undefined) delete process.env.WIJKATLAS_LAYERS;
        else process.env.WIJKATLAS_LAYERS = previous;
      }
      await server.listen();
      base = `http://127.0.0.1:${(server.httpServer?.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await server?.close();
    });

    it('serves the layers directory at /layers/', async () => {
      const manifest = await fetch(`${base}/layers/manifest.json`);
      expect(manifest.status).toBe(200);
      expect(((await manifest.json()) as { atlas: { id: string } }).atlas.id).toBe('app-fixture');
      const blocks = await fetch(`${base}/layers/blocks.geojson`);
      expect(blocks.headers.get('content-type')).toBe('application/geo+json');
      expect((await fetch(`${base}/layers/nope.geojson`)).status).toBe(404);
    });

    it('serves the page in Dutch', async () => {
      const html = await (await fetch(`${base}/`)).text();
      expect(html).toContain('<html lang="nl">');
    });
  });
});
