import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../scripts/cli.ts';

const root = path.resolve(__dirname, '../..');
const fixture = (p: string) => path.join(root, 'test/fixtures/io', p);

/** Run the CLI in-process and capture what it prints. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    return { code: await runCli(args), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('wijkatlas convert', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-convert-'));
  });
  afterEach(() => vi.restoreAllMocks());

  it('Shapefile (Lambert 72 .prj) -> RFC 7946 GeoJSON in WGS 84, null shape left out and listed in --rejects', async () => {
    const out = path.join(tmp, 'points.geojson');
    const rejects = path.join(tmp, 'rejects.json');
    const r = await cli(['convert', fixture('shapefile/points.shp'), '--out', out, '--rejects', rejects]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('4 record(s) read');
    expect(r.err).toContain('wrote 3');
    expect(r.err).toContain('left out 1 (1 null-geometry)');
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    expect(fc.crs).toBeUndefined();
    expect(fc.features).toHaveLength(3);
    const [lon, lat] = fc.features[0].geometry.coordinates;
    expect(lon).toBeCloseTo(4.492, 2);
    expect(lat).toBeCloseTo(51.02, 2);
    expect(fc.features[0].properties.naam).toBe('Café Zoniënwoud');
    expect(JSON.parse(readFileSync(rejects, 'utf8')).rejected).toMatchObject([{ index: 2, reason: 'null-geometry' }]);
  });

  it('--to-crs EPSG:3812 writes projected coordinates with a crs member; converting back lands within 1 mm', async () => {
    const l08 = path.join(tmp, 'l08.geojson');
    expect((await cli(['convert', fixture('shapefile/polygons.shp'), '--to-crs', 'EPSG:3812', '--out', l08])).code).toBe(0);
    const fc = JSON.parse(readFileSync(l08, 'utf8'));
    expect(fc.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3812' } });
    const [x, y] = fc.features[0].geometry.coordinates[0][0];
    expect(x).toBeGreaterThan(600_000);
    expect(y).toBeGreaterThan(650_000);
    const back = path.join(tmp, 'back.geojson');
    expect((await cli(['convert', l08, '--to-crs', 'EPSG:31370', '--out', back])).code).toBe(0);
    const ring = JSON.parse(readFileSync(back, 'utf8')).features[0].geometry.coordinates[0] as number[][];
    for (const [px] of ring) expect([158000, 159000]).toContain(Math.round(px));
    expect(ring.every(([px, py]) => Math.abs(px - Math.round(px)) < 0.002 && Math.abs(py - Math.round(py)) < 0.002)).toBe(true);
  });

  it('CSV with Lambert columns and --crs; OSM XML; GeoPackage', async () => {
    const csv = path.join(tmp, 'in.csv');
    writeFileSync(csv, 'naam;lambert_x;lambert_y\nArsenaal;158650,5;189990,25\n');
    const out = path.join(tmp, 'csv.geojson');
    expect((await cli(['convert', csv, '--crs', 'EPSG:31370', '--out', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).features[0].geometry.coordinates[0]).toBeCloseTo(4.492, 2);
    expect((await cli(['convert', fixture('osm/small.osm'), '--out', path.join(tmp, 'osm.geojson')])).code).toBe(0);
    expect((await cli(['convert', fixture('geopackage/wijken.gpkg'), '--to-crs', 'EPSG:31370', '--out', path.join(tmp, 'g.geojson')])).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(tmp, 'g.geojson'), 'utf8')).features[0].geometry.coordinates[0][0]).toEqual([158000, 189000]);
  });

  it('user errors: one line, exit 1 (missing --out, existing output without --force, no .prj, bad --to-crs)', async () => {
    const missingOut = await cli(['convert', fixture('shapefile/points.shp')]);
    expect(missingOut.code).toBe(1);
    expect(missingOut.err).toMatch(/^wijkatlas convert: error: missing --out/);
    const existing = path.join(tmp, 'exists.geojson');
    writeFileSync(existing, '{}');
    const noForce = await cli(['convert', fixture('shapefile/points.shp'), '--out', existing]);
    expect(noForce.code).toBe(1);
    expect(noForce.err).toContain('add --force');
    expect(readFileSync(existing, 'utf8')).toBe('{}');
    const shpNoPrj = path.join(tmp, 'np.shp');
    writeFileSync(shpNoPrj, readFileSync(fixture('shapefile/points.shp')));
    const noPrj = await cli(['convert', shpNoPrj, '--out', path.join(tmp, 'np.geojson')]);
    expect(noPrj.code).toBe(1);
    expect(noPrj.err).toContain('found no .prj; these numbers look like Belgian Lambert 72 metres');
    expect(noPrj.err).toContain('give --crs EPSG:31370');
    expect(noPrj.err.split('\n')).toHaveLength(1);
    const withCrs = await cli(['convert', shpNoPrj, '--crs', 'EPSG:31370', '--out', path.join(tmp, 'np.geojson')]);
    expect(withCrs.code).toBe(0);
    expect(existsSync(path.join(tmp, 'np.geojson'))).toBe(true);
    const badCrs = await cli(['convert', fixture('shapefile/points.shp'), '--to-crs', 'EPSG:9999', '--out', path.join(tmp, 'x.geojson')]);
    expect(badCrs.code).toBe(1);
    expect(badCrs.err).toContain('EPSG:9999');
  });

  it('--help lists the shared input flags', async () => {
    const r = await cli(['convert', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--to-crs', '--out', '--crs', '--x', '--encoding', '--layer', '--rejects']) expect(r.out).toContain(flag);
  });
});
