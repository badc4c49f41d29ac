import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const mechelen = path.resolve(root, '../shared/realdata/mechelen');
const hasRealData = existsSync(mechelen);
if (!hasRealData) console.warn(`wijkatlas blocks CLI on real data skipped: ${mechelen} is absent (CI has ../shared beside the repo).`);

describe.skipIf(!hasRealData)('npx wijkatlas blocks on the real Arsenaal data (acceptance command)', () => {
  it('writes RFC 7946 blocks of Arsenaal and a report, with the documented CLI contract', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-blocks-'));
    const out = path.join(tmp, 'arsenaal.geojson');
    const r = spawnSync(
      process.execPath,
      [
        path.join(root, 'bin/wijkatlas.mjs'),
        'blocks',
        '--streets', path.join(mechelen, 'osm-roads-2017.geojson'),
        '--rail', path.join(mechelen, 'osm-railways-2015.geojson'),
        '--area', path.join(mechelen, 'wijken-2024-wgs84.geojson'),
        '--area-where', 'naam=Arsenaal (Mechelen)',
        '--out', out,
      ],
      { encoding: 'utf8', cwd: tmp, timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/blocks: \d+ blocks from \d+ faces/);
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.crs).toBeUndefined();
    expect(fc.features.length).toBeGreaterThan(20);
    const ids = new Set<string>();
    for (const f of fc.features) {
      expect(f.geometry.type).toMatch(/Polygon$/);
      expect(Object.keys(f.properties).sort()).toEqual(['area_m2', 'block_id', 'block_type']);
      ids.add(f.properties.block_id);
      const positions: number[][] = f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2);
      expect(positions.length).toBeGreaterThan(3);
      for (const [lon, lat] of positions) {
        expect(lon).toBeGreaterThan(4.47);
        expect(lon).toBeLessThan(4.51);
        expect(lat).toBeGreaterThan(51.0);
        expect(lat).toBeLessThan(51.03);
      }
    }
    expect(ids.size).toBe(fc.features.length);
    const report = JSON.parse(readFileSync(path.join(tmp, 'arsenaal.report.json'), 'utf8'));
    expect(report.blocks).toBe(fc.features.length);
    expect(report.skipped['streets:no-highway']).toBeGreaterThanOrEqual(1);
  });
});

describe('wijkatlas blocks with inputs in different CRSs (demo data)', () => {
  it('--area-crs: a Lambert 72 area without a crs member beside WGS 84 streets; without it, one line naming the flag', async () => {
    const { reprojectFeatures } = await import('../../src/io/reproject.ts');
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-blocks-crs-'));
    const demo = path.join(root, 'data/arsenaal-demo');
    const area = JSON.parse(readFileSync(path.join(demo, 'area.geojson'), 'utf8'));
    const l72 = path.join(tmp, 'area-l72.geojson');
    writeFileSync(l72, JSON.stringify({ type: 'FeatureCollection', features: reprojectFeatures(area.features, 'EPSG:4326', 'EPSG:31370') }));
    const blocks = (areaFile: string, ...extra: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'bin/wijkatlas.mjs'), 'blocks', '--streets', path.join(demo, 'streets.geojson'), '--rail', path.join(demo, 'railways.geojson'), '--area', areaFile, '--quiet', ...extra], { encoding: 'utf8', cwd: tmp, timeout: 120_000 });
    const wrong = blocks(l72, '--out', path.join(tmp, 'x.geojson'));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toMatch(/look like Belgian Lambert 72 metres .*give --area-crs EPSG:31370 \(or --crs for all inputs\)\.$/m);
    expect(blocks(l72, '--area-crs', 'EPSG:31370', '--out', path.join(tmp, 'l72.geojson')).status).toBe(0);
    expect(blocks(path.join(demo, 'area.geojson'), '--out', path.join(tmp, 'wgs.geojson')).status).toBe(0);
    const ids = (f: string) => JSON.parse(readFileSync(path.join(tmp, f), 'utf8')).features.map((x: { properties: { block_id: string } }) => x.properties.block_id).sort();
    expect(ids('l72.geojson').length).toBeGreaterThan(40);
    expect(ids('l72.geojson')).toEqual(ids('wgs.geojson'));
  });
});
