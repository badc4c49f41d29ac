// `wijkatlas density` on the demo incidents: time filters, kernel density grid, per-block means and the
// weekday × hour table, checked against counts computed here from the input file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const incidents = path.join(root, 'data/arsenaal-demo/incidents.csv');
const blocks = path.join(root, 'layers/blocks.geojson');
const run = (args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin/wijkatlas.mjs'), 'density', ...args], { encoding: 'utf8', cwd: root, timeout: 120_000 });

/** Friday/Saturday evening incidents counted by hand from the CSV (dd/mm/jjjj, uu:mm). */
function fridaySaturdayEvenings(): number {
  const rows = readFileSync(incidents, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
  return rows.filter((r) => {
    const [, datum, uur] = r.split(';');
    const [d, m, y] = datum.split('/').map(Number);
    const weekday = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
    const hour = Number(uur.split(':')[0]);
    return (weekday === 5 || weekday === 6) && hour >= 18;
  }).length;
}

describe('npx wijkatlas density', () => {
  it('filters by weekday and hours, writes a grid that integrates to the kept incidents, block means and the weekday × hour table', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wijkatlas-density-'));
    const out = path.join(dir, 'density.geojson');
    const table = path.join(dir, 'table.csv');
    const blocksOut = path.join(dir, 'blocks.geojson');
    const r = run(['--incidents', incidents, '--crs', 'EPSG:31370', '--time-field', 'datum+uur', '--weekday', '5,6', '--hours', '18-24', '--cell', '20', '--blocks', blocks, '--blocks-out', blocksOut, '--table', table, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const kept = fridaySaturdayEvenings();
    expect(kept).toBeGreaterThan(20);
    expect(r.stderr).toContain(`density: ${kept} of 690 incidents used`);
    const grid = JSON.parse(readFileSync(out, 'utf8'));
    // quartic kernels integrate to 1 per point: Σ density × cell area (km²) ≈ kept points
    const total = grid.features.reduce((s: number, f: { properties: { density_per_km2: number } }) => s + f.properties.density_per_km2, 0) * (20 * 20) / 1e6;
    expect(Math.abs(total - kept) / kept).toBeLessThan(0.02);
    const csv = readFileSync(table, 'utf8');
    expect(csv.startsWith('\uFEFFgroep;dag;0u;1u;')).toBe(true);
    const rows = csv.trim().split('\r\n').slice(1).map((l) => l.split(';'));
    const counted = rows.reduce((s, row) => s + row.slice(2).reduce((a, v) => a + Number(v), 0), 0);
    const skipped = Number(/\((\d+) without hour or block\)/.exec(r.stderr)![1]);
    expect(counted + skipped).toBe(kept);
    // only Friday/Saturday evening cells hold counts
    for (const row of rows) row.slice(2).forEach((v, h) => Number(v) > 0 && expect([row[1], h >= 18]).toEqual([expect.stringMatching(/^(vr|za)$/), true]));
    const withMeans = JSON.parse(readFileSync(blocksOut, 'utf8'));
    expect(withMeans.features.some((f: { properties: { density_mean_per_km2: number } }) => f.properties.density_mean_per_km2 > 0)).toBe(true);
  });

  it('refuses time filters without a time field, a bad kernel and degrees, each in one line with exit 1', () => {
    const noTime = run(['--incidents', incidents, '--crs', 'EPSG:31370', '--weekday', '5', '--out', path.join(tmpdir(), 'x.geojson')]);
    expect(noTime.status).toBe(1);
    expect(noTime.stderr.trim().split('\n')).toHaveLength(1);
    expect(noTime.stderr).toMatch(/need --time-field/);
    const kernel = run(['--incidents', incidents, '--crs', 'EPSG:31370', '--kernel', 'box', '--out', path.join(tmpdir(), 'x.geojson')]);
    expect(kernel.status).toBe(1);
    expect(kernel.stderr).toMatch(/--kernel: expected quartic or gaussian, found "box"/);
    const degrees = run(['--incidents', incidents, '--crs', 'EPSG:31370', '--working-crs', 'EPSG:4326', '--out', path.join(tmpdir(), 'x.geojson')]);
    expect(degrees.status).toBe(1);
    expect(degrees.stderr).toMatch(/expected a projected CRS in metres/);
  });
});

describe('wijkatlas density --blocks-crs', () => {
  it('reads blocks in Lambert 72 without a crs member beside Lambert incidents; without the flag, one line naming it', async () => {
    const { reprojectFeatures } = await import('../../src/io/reproject.ts');
    const dir = mkdtempSync(path.join(tmpdir(), 'wijkatlas-density-crs-'));
    const l72 = path.join(dir, 'blocks-l72.geojson');
    writeFileSync(l72, JSON.stringify({ type: 'FeatureCollection', features: reprojectFeatures(JSON.parse(readFileSync(blocks, 'utf8')).features, 'EPSG:4326', 'EPSG:31370') }));
    const common = ['--incidents', incidents, '--x', 'x', '--y', 'y', '--crs', 'EPSG:31370', '--id', 'block_id'];
    const wrong = run([...common, '--blocks', l72, '--blocks-out', path.join(dir, 'x.geojson'), '--out', path.join(dir, 'x-grid.geojson')]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toContain('the CRS EPSG:31370 (--blocks-crs, or crs in the atlas config)');
    expect(run([...common, '--blocks', l72, '--blocks-crs', 'EPSG:31370', '--blocks-out', path.join(dir, 'l72.geojson'), '--out', path.join(dir, 'g1.geojson')]).status).toBe(0);
    expect(run([...common, '--blocks', blocks, '--blocks-out', path.join(dir, 'wgs.geojson'), '--out', path.join(dir, 'g2.geojson')]).status).toBe(0);
    const means = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')).features.map((x: { properties: { block_id: string; density_mean_per_km2: number | null } }) => [x.properties.block_id, x.properties.density_mean_per_km2]);
    const a = means('l72.geojson');
    const b = means('wgs.geojson');
    expect(a.map((x: unknown[]) => x[0])).toEqual(b.map((x: unknown[]) => x[0]));
    a.forEach((x: [string, number | null], i: number) => expect(Math.abs((x[1] ?? 0) - (b[i][1] ?? 0))).toBeLessThan(0.5));
    expect(a.filter((x: unknown[]) => typeof x[1] === 'number' && (x[1] as number) > 0).length).toBeGreaterThan(10);
  });
});
