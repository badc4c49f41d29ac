import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../scripts/cli.ts';
import { fetchCommand } from '../../scripts/fetch.ts';
import { readVectorSource } from '../../src/io/read-vector-source.ts';
import { refusedUrl, startServer, type TestServer } from '../io/helpers/recorded-server.ts';

const root = path.resolve(__dirname, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-fetch-'));
const recorded = (name: string) => readFileSync(path.join(root, 'test/fixtures/recorded', name));
const BOX = '4.47,51.01,4.49,51.03';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** The CLI in a child process, asynchronously (so this process's test server can answer it). */
function wijkatlas(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, 'bin/wijkatlas.mjs'), ...args], { cwd: tmp, encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'xdg') } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr: stderr.trim() }),
    );
  });
}

/** The CLI in this process: exit code and what it printed on stderr. */
async function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    const code = await runCli(args);
    return { code, stderr: lines.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

const out = (name: string) => path.join(tmp, name);
const noWait = { sleep: async () => {}, log: () => {} };

describe('wijkatlas fetch', () => {
  it('prints its help and is listed by wijkatlas --help', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/wijkatlas.mjs'), 'fetch', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const s of ['osm', 'statbel-sectors', 'grb', '--area', '--bbox', '--cache', '--endpoint', '--timeout', '--retries', 'overpass-api.de', 'geo.api.vlaanderen.be/GRB/wfs']) expect(r.stdout).toContain(s);
    const all = spawnSync(process.execPath, [path.join(root, 'bin/wijkatlas.mjs'), '--help'], { encoding: 'utf8' });
    expect(all.stdout).toMatch(/^\s+fetch\s+download/m);
  });

  it('writes the Overpass answer and a .source.json, then serves the same request from the cache offline', async () => {
    server = await startServer(() => ({ body: recorded('overpass-small.json') }));
    const cache = out('cache-osm');
    const code = await fetchCommand(['osm', '--bbox', BOX, '--out', out('osm.json'), '--cache', cache, '--endpoint', `${server.url}/api/interpreter`], noWait);
    expect(code).toBe(0);
    expect(readFileSync(out('osm.json')).equals(recorded('overpass-small.json'))).toBe(true);
    const meta = JSON.parse(readFileSync(out('osm.json.source.json'), 'utf8'));
    expect(meta).toMatchObject({ source: 'osm', bbox_wgs84: [4.47, 51.01, 4.49, 51.03], elements: { node: 12, way: 4 }, from_cache: false, crs: 'EPSG:4326' });
    expect(meta.licence).toContain('ODbL');
    // The fetched file is input for the build as it is: the Overpass reader of src/io turns it into GeoJSON.
    const read = await readVectorSource({ path: out('osm.json') });
    expect([read.format, read.crs, read.problems]).toEqual(['overpass-json', 'EPSG:4326', []]);
    expect(read.features.map((f) => `${f.id} ${f.geometry?.type}`).sort()).toEqual(['node/9000030 Point', 'way/8000001 LineString', 'way/8000002 LineString', 'way/8000003 Polygon', 'way/8000004 Polygon']);
    // --out F.geojson: converted by the same reader, written as RFC 7946 GeoJSON.
    expect(await fetchCommand(['osm', '--bbox', BOX, '--out', out('osm.geojson'), '--cache', cache, '--endpoint', `${server.url}/api/interpreter`], noWait)).toBe(0);
    const gj = JSON.parse(readFileSync(out('osm.geojson'), 'utf8'));
    expect(gj.features.map((f: { geometry: { type: string } }) => f.geometry.type).sort()).toEqual(['LineString', 'LineString', 'Point', 'Polygon', 'Polygon']);
    expect(JSON.parse(readFileSync(out('osm.geojson.source.json'), 'utf8'))).toMatchObject({ format: 'geojson', features: 5, problems: 0, from_cache: true });
    const endpoint = `${server.url}/api/interpreter`;
    await server.close();
    server = null;
    // Offline now (nothing listens on the endpoint): the cache answers, no network is touched.
    const again = await fetchCommand(['osm', '--bbox', BOX, '--out', out('osm.json'), '--force', '--cache', cache, '--endpoint', endpoint], noWait);
    expect(again).toBe(0);
    expect(JSON.parse(readFileSync(out('osm.json.source.json'), 'utf8')).from_cache).toBe(true);
    await expect(fetchCommand(['osm', '--bbox', BOX, '--out', out('osm.json'), '--force', '--no-cache', '--retries', '0', '--endpoint', endpoint], noWait)).rejects.toThrow(/cannot reach/);
  });

  it('takes the study area from a file (--area) and writes Statbel sectors and GRB buildings as Lambert 72 GeoJSON', async () => {
    const area = out('area.geojson');
    writeFileSync(area, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[4.47, 51.01], [4.49, 51.01], [4.49, 51.03], [4.47, 51.03], [4.47, 51.01]]] } }] }));
    const { zipSync } = await import('fflate');
    const zip = zipSync({ 'sectors.geojson': recorded('statbel-sectors-sample.geojson') });
    server = await startServer((r) => (r.url.startsWith('/sectors') ? { body: zip } : { body: recorded('grb-wegsegment.json') }));
    expect(await fetchCommand(['statbel-sectors', '--area', area, '--out', out('sectors.geojson'), '--no-cache', '--endpoint', `${server.url}/sectors.zip`], noWait)).toBe(0);
    const sectors = JSON.parse(readFileSync(out('sectors.geojson'), 'utf8'));
    expect(sectors.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::31370');
    expect(sectors.features).toHaveLength(2);
    expect(await fetchCommand(['grb', '--layer', 'roads', '--area', area, '--out', out('roads.geojson'), '--no-cache', '--endpoint', `${server.url}/GRB/wfs`], noWait)).toBe(0);
    const meta = JSON.parse(readFileSync(out('roads.geojson.source.json'), 'utf8'));
    expect(meta).toMatchObject({ type_name: 'GRB:Wegsegment', features: 2, pages: 1, crs: 'EPSG:31370' });
  });

  it('exits 1 with one line for user errors, a malformed answer and an unreachable host', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['fetch'], /expected one source/],
      [['fetch', 'osm', '--bbox', BOX], /missing --out/],
      [['fetch', 'osm', '--out', 'x.json'], /exactly one of --area F or --bbox/],
      [['fetch', 'osm', '--bbox', '157100,188870,158500,191100', '--out', 'x.json'], /projected metres/],
      [['fetch', 'osm', '--bbox', BOX, '--out', 'x.json', '--layer', 'roads'], /--layer applies to grb only/],
      [['fetch', 'grb', '--bbox', BOX, '--out', 'x.json', '--layer', 'trees'], /expected buildings or roads/],
      [['fetch', 'osm', '--bbox', BOX, '--out', 'x.json', '--retries', '-1'], /--retries/],
      [['fetch', 'osm', '--bbox', BOX, '--out', 'x.json', '--colour'], /Unknown option/],
    ];
    for (const [args, re] of cases) {
      const r = await cli(...args.map((a) => (a.endsWith('.json') ? out(a) : a)));
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr.split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(re);
    }
    server = await startServer(() => ({ body: '<html><body>502 Bad Gateway</body></html>' }));
    const bad = await wijkatlas('fetch', 'osm', '--bbox', BOX, '--out', 'bad.json', '--no-cache', '--quiet', '--endpoint', server.url);
    expect([bad.code, bad.stderr.split('\n').length]).toEqual([1, 1]);
    expect(bad.stderr).toMatch(/wijkatlas fetch: error: osm: expected Overpass JSON, found HTML/);
    expect(existsSync(path.join(tmp, 'bad.json'))).toBe(false);
    const refused = await refusedUrl();
    const off = await wijkatlas('fetch', 'grb', '--bbox', BOX, '--out', 'grb.json', '--no-cache', '--quiet', '--retries', '0', '--endpoint', `${refused}/GRB/wfs`);
    expect(off.code).toBe(1);
    expect(off.stderr).toMatch(new RegExp(`cannot reach ${new URL(refused).host.replace(/\./g, '\\.')}: ECONNREFUSED .*; use --cache or download manually from https://download\\.vlaanderen\\.be`));
    expect(off.stderr.split('\n')).toHaveLength(1);
  });

  it('refuses to overwrite without --force', async () => {
    writeFileSync(out('exists.json'), '{}');
    await expect(fetchCommand(['osm', '--bbox', BOX, '--out', out('exists.json')], noWait)).rejects.toThrow(/exists; pass --force/);
  });
});
