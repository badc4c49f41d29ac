import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../scripts/cli.ts';
import { COLUMBUS_DIR, HAS_COLUMBUS, readReferenceCsv, relativeError } from '../core/stats/columbus.ts';

const root = path.resolve(__dirname, '../..');
const grid = path.join(root, 'test/fixtures/stats/grid-3x3.geojson');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-stats-'));

/** Runs `wijkatlas …` in-process; returns exit code and what went to stderr. */
async function cli(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const err: string[] = [];
  const out: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const code = await runCli(args);
  vi.restoreAllMocks();
  return { code, stderr: err.join('\n'), stdout: out.join('\n') };
}
afterEach(() => vi.restoreAllMocks());

describe('wijkatlas stats (CLI contract)', () => {
  it('writes moran, geary, weights and local[] in input order, reproducibly with a seed', async () => {
    const dir = tmp();
    const args = (out: string) => ['stats', '--input', grid, '--field', 'value', '--id', 'id', '--weights', 'rook', '--permutations', '199', '--seed', '7', '--fdr', '0.1', '--out', out];
    const r = await cli(args(path.join(dir, 'a.json')));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/stats: 9 units, rook W \(24 links, 2–4 neighbours\); Moran's I = /);
    const a = JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8'));
    expect(Object.keys(a.moran)).toEqual(['I', 'EI', 'VI_norm', 'z_norm', 'p_norm', 'VI_rand', 'z_rand', 'p_rand', 'p_sim']);
    expect(Object.keys(a.geary)).toEqual(expect.arrayContaining(['C', 'EC', 'VC_norm', 'z_norm', 'VC_rand', 'z_rand']));
    expect(a.weights).toMatchObject({ n: 9, islands: 0, components: 1, min: 2, mean: 24 / 9, max: 4 });
    expect(a.local.map((u: { id: string }) => u.id)).toEqual(['r0c0', 'r0c1', 'r0c2', 'r1c0', 'r1c1', 'r1c2', 'r2c0', 'r2c1', 'r2c2']);
    for (const u of a.local) {
      expect(Object.keys(u)).toEqual(expect.arrayContaining(['id', 'gi_star_z', 'gi_star_p_sim', 'lisa_I', 'lisa_quadrant', 'lisa_p_sim', 'significant_fdr']));
      expect(u.gi_star_p_sim).toBeGreaterThanOrEqual(1 / 200);
      expect(u.gi_star_p_sim).toBeLessThanOrEqual(0.5);
    }
    // values rise from the bottom row to the top: bottom row low-low, top row high-high
    expect(a.local[0].lisa_quadrant).toBe('LL');
    expect(a.local[8].lisa_quadrant).toBe('HH');
    expect(a.moran.I).toBeGreaterThan(0);
    await cli(args(path.join(dir, 'b.json')));
    expect(readFileSync(path.join(dir, 'b.json'), 'utf8')).toBe(readFileSync(path.join(dir, 'a.json'), 'utf8'));
  });

  it('reads a GAL file, matching ids through --id, and knn/distance weights in metres', async () => {
    const dir = tmp();
    const gal = path.join(dir, 'grid.gal');
    writeFileSync(gal, '0 9 grid id\n' + ['r0c0 1\nr0c1', 'r0c1 2\nr0c0 r0c2', 'r0c2 1\nr0c1', 'r1c0 0\n', 'r1c1 0\n', 'r1c2 0\n', 'r2c0 0\n', 'r2c1 0\n', 'r2c2 0\n'].join('\n') + '\n');
    const r = await cli(['stats', '--input', grid, '--field', 'value', '--id', 'id', '--gal', gal, '--binary', '--permutations', '0', '--out', path.join(dir, 'g.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: 6 unit\(s\) without neighbours/);
    const g = JSON.parse(readFileSync(path.join(dir, 'g.json'), 'utf8'));
    expect(g.weights).toMatchObject({ islands: 6, components: 7, type: 'gal:grid.gal', style: 'B' });
    expect(g.local[4]).toMatchObject({ gi_star_z: null, lisa_quadrant: null, significant_fdr: false });
    expect(g.moran.p_sim).toBeNull();
    const k = await cli(['stats', '--input', grid, '--field', 'value', '--id', 'id', '--weights', 'knn:3', '--permutations', '9', '--out', path.join(dir, 'k.json')]);
    expect(k.code, k.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'k.json'), 'utf8')).weights).toMatchObject({ min: 3, max: 3, type: 'knn:3' });
    const d = await cli(['stats', '--input', grid, '--field', 'value', '--weights', 'distance:100.5', '--permutations', '9', '--out', path.join(dir, 'd.json')]);
    expect(d.code, d.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'd.json'), 'utf8')).weights).toMatchObject({ links: 24 }); // centroids 100 m apart: rook
  });

  it('--rate-population: analyses empirical-Bayes rates, leaves out units without inhabitants, agrees with the build', async () => {
    const dir = tmp();
    const blocksFile = path.join(root, 'layers/blocks.geojson');
    const base = ['stats', '--input', blocksFile, '--id', 'block_id', '--field', 'incidents_total', '--rate-population', 'inhabitants', '--permutations', '99', '--snap', '20'];
    const r = await cli([...base, '--out', path.join(dir, 'eb.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/3 unit\(s\) without population left out/);
    const out = JSON.parse(readFileSync(path.join(dir, 'eb.json'), 'utf8'));
    const blocks = JSON.parse(readFileSync(blocksFile, 'utf8')).features.map((f: { properties: Record<string, number | string> }) => f.properties);
    const populated = blocks.filter((p: Record<string, number>) => p.inhabitants > 0);
    expect(out.rates.left_out).toEqual(blocks.filter((p: Record<string, number>) => !(p.inhabitants > 0)).map((p: Record<string, string>) => p.block_id));
    expect(out.local.map((u: { id: string }) => u.id)).toEqual(populated.map((p: Record<string, string>) => p.block_id));
    expect(out.rates.method).toBe('global');
    // Marshall's global EB by hand: b = Σy/Σp, s² = Σp(r−b)²/Σp, a = s² − b/p̄, EB = b + a(r − b)/(a + b/p)
    const y = populated.map((p: Record<string, number>) => p.incidents_total);
    const pop = populated.map((p: Record<string, number>) => p.inhabitants);
    const P = pop.reduce((a: number, b: number) => a + b, 0);
    const b = y.reduce((a: number, v: number) => a + v, 0) / P;
    const s2 = pop.reduce((acc: number, p: number, i: number) => acc + p * (y[i] / p - b) ** 2, 0) / P;
    const a = Math.max(0, s2 - b / (P / pop.length));
    out.rates.units.forEach((u: { eb: number; raw: number; tiny: boolean; population: number }, i: number) => {
      expect(u.eb).toBeCloseTo((b + (a * (y[i] / pop[i] - b)) / (a + b / pop[i])) * 1000, 9);
      expect(u.raw).toBeCloseTo((y[i] / pop[i]) * 1000, 9);
      expect(u.tiny).toBe(pop[i] < 100);
    });
    // the build publishes the same smoothing, annualised over the 2020 period (366 days)
    const years = 366 / 365.25;
    populated.forEach((p: Record<string, number>, i: number) => expect(p.incidents_per_1000_eb).toBeCloseTo(Math.round((out.rates.units[i].eb / years) * 10) / 10, 9));
    const sp = await cli([...base.filter((a) => a !== '--snap' && a !== '20'), '--eb', 'spatial', '--weights', 'knn:4', '--out', path.join(dir, 'sp.json')]);
    expect(sp.code, sp.stderr).toBe(0);
    const spatial = JSON.parse(readFileSync(path.join(dir, 'sp.json'), 'utf8'));
    expect(spatial.rates.method).toBe('spatial');
    expect(spatial.rates.prior).toBeNull();
    const bad = await cli(['stats', '--input', blocksFile, '--field', 'incidents_total', '--eb', 'spatial', '--out', path.join(dir, 'x.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/need --rate-population FIELD/);
  });

  it('user errors print one line and exit 1', async () => {
    const out = path.join(tmp(), 'x.json');
    const cases: [string[], RegExp][] = [
      [['stats', '--input', grid, '--out', out], /missing --field/],
      [['stats', '--input', grid, '--field', 'nope', '--out', out], /no field "nope"; fields found: id, value/],
      [['stats', '--input', grid, '--field', 'value', '--weights', 'hex', '--out', out], /--weights: expected queen, rook, knn:K or distance:METRES/],
      [['stats', '--input', grid, '--field', 'value', '--fdr', '2', '--out', out], /--fdr: expected a level between 0 and 1/],
      [['stats', '--input', grid, '--field', 'value', '--gal', path.join(root, 'package.json'), '--out', out], /expected a weights file ending in \.gal or \.gwt/],
      [['stats', '--input', grid, '--field', 'id', '--out', out], /field "id" is not a finite number for 9 unit\(s\)/],
      [['stats', '--input', grid, '--field', 'value', '--bogus', '--out', out], /Unknown option/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split('\n')).toHaveLength(1);
    }
    const h = await cli(['stats', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/Usage: wijkatlas stats --input F --field NAME/);
  });
});

if (!HAS_COLUMBUS) console.warn(`wijkatlas stats on Columbus skipped: ${COLUMBUS_DIR} is absent (CI has ../shared beside the repo).`);

describe.skipIf(!HAS_COLUMBUS)('npx wijkatlas stats on the Columbus shapefile (acceptance command)', () => {
  it('matches R spdep for queen (W), rook (B) and the spdep GAL (B), local Gi* and LISA for every polygon', () => {
    const dir = tmp();
    const run = (extra: string[], out: string) =>
      spawnSync(process.execPath, [path.join(root, 'bin/wijkatlas.mjs'), 'stats', '--input', path.join(COLUMBUS_DIR, 'columbus.shp'), '--field', 'CRIME', '--id', 'POLYID', ...extra, '--out', out], {
        encoding: 'utf8',
        cwd: dir,
        timeout: 120_000,
      });
    const global = readReferenceCsv('global.csv');
    const local = readReferenceCsv('local.csv');
    const cases: [string[], string, 'W' | 'B'][] = [
      [['--weights', 'queen'], 'queen', 'W'],
      [['--crs', 'planar', '--weights', 'rook', '--binary'], 'rook', 'B'],
      [['--gal', path.join(COLUMBUS_DIR, 'columbus-spdep-COL.nb.gal'), '--binary'], 'spdep_COL_nb', 'B'],
    ];
    for (const [extra, name, style] of cases) {
      const out = path.join(dir, `${name}.json`);
      const r = run(extra, out);
      expect(r.status, r.stderr).toBe(0);
      // the .shp has no .prj: read as planar coordinates, with a notice (unless --crs says so)
      if (!extra.includes('--crs')) expect(r.stderr).toMatch(/has no CRS; its coordinates are used as planar units/);
      const j = JSON.parse(readFileSync(out, 'utf8'));
      for (const row of global.filter((g) => g.weights === name && g.style === style)) {
        const suffix = row.assumption === 'normality' ? 'norm' : 'rand';
        expect(relativeError(j.moran.I, row.I as number)).toBeLessThan(1e-9);
        expect(relativeError(j.moran[`VI_${suffix}`], row.VI as number)).toBeLessThan(1e-9);
        expect(relativeError(j.moran[`z_${suffix}`], row.zI as number)).toBeLessThan(1e-9);
        expect(relativeError(j.geary.C, row.C as number)).toBeLessThan(1e-9);
        expect(relativeError(j.geary[`VC_${suffix}`], row.VC as number)).toBeLessThan(1e-9);
        expect(relativeError(j.geary[`z_${suffix}`], row.zC as number)).toBeLessThan(1e-9);
      }
      expect(j.local.map((u: { id: string }) => u.id)).toEqual(Array.from({ length: 49 }, (_, i) => String(i + 1)));
      for (const row of local.filter((l) => l.weights === name)) {
        const u = j.local[(row.id as number) - 1];
        expect(relativeError(u.gi_star_z, row.gi_star_z as number)).toBeLessThan(1e-9);
        expect(relativeError(u.gi_z, row.gi_z as number)).toBeLessThan(1e-9);
        expect(relativeError(u.lisa_z, row.lisa_z as number)).toBeLessThan(1e-9);
        if (style === 'W') expect(relativeError(u.lisa_I, row.lisa_I as number)).toBeLessThan(1e-9);
      }
      expect(j.moran.p_sim).toBe(0.001);
    }
  });
});
