// test/fixtures/stats/path-4-hand.json: four units in a row, every expected number worked out by hand
// (the derivation is in the file's description).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gearyC } from '../../../src/core/stats/geary-c.ts';
import { getisOrd } from '../../../src/core/stats/getis-ord.ts';
import { globalMoran } from '../../../src/core/stats/global-moran.ts';
import { localMoran } from '../../../src/core/stats/local-moran.ts';
import { weightsFromLists } from '../../../src/core/stats/spatial-weights.ts';
import { spatialStatistics } from '../../../src/core/stats/spatial-statistics.ts';
import { transformWeights } from '../../../src/core/stats/transform-weights.ts';

const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/stats/path-4-hand.json', import.meta.url)), 'utf8'));
const w = weightsFromLists(['1', '2', '3', '4'], fixture.neighbours);
const x: number[] = fixture.values;
const e = fixture.expected;

describe('path of four units, worked out by hand', () => {
  it("Moran's I and its moments (binary)", () => {
    const m = globalMoran(x, w, { permutations: 0 });
    for (const k of ['I', 'EI', 'VI_norm', 'VI_rand'] as const) expect(m[k]).toBeCloseTo(e.moran_binary[k], 14);
    expect(m.p_sim).toBeNull();
  });
  it("Geary's C (binary)", () => {
    const g = gearyC(x, w);
    expect(g.C).toBeCloseTo(e.geary_binary.C, 14);
    expect(g.z_rand).toBeGreaterThan(0); // positive autocorrelation → positive z (spdep sign)
  });
  it('local Moran (row-standardised) and its quadrants', () => {
    const l = localMoran(x, transformWeights(w, 'W'));
    Array.from(l.I).forEach((v, i) => expect(v).toBeCloseTo(e.lisa_row_standardised.I[i], 14));
    expect(l.quadrant).toEqual(e.lisa_row_standardised.quadrant);
  });
  it('Gi* z-scores (binary, self included)', () => {
    Array.from(getisOrd(x, w, { star: true }).z).forEach((v, i) => expect(v).toBeCloseTo(e.gi_star_z[i], 14));
  });
  it('spatialStatistics with --binary reports the same numbers', () => {
    const s = spatialStatistics(x, w, { binary: true, permutations: 0 });
    expect(s.style).toBe('B');
    expect(s.moran.I).toBeCloseTo(e.moran_binary.I, 14);
    expect(s.local.map((u) => u.gi_star_z)).toEqual(Array.from(getisOrd(x, w).z));
    expect(s.local.every((u) => u.gi_star_p_sim === null && u.significant_fdr === false)).toBe(true);
  });
});

describe('islands are reported, never silently zero-weighted', () => {
  // units 0-1-2 in a row, unit 3 alone
  const wi = weightsFromLists(['a', 'b', 'c', 'd'], [[1], [0, 2], [1], []]);
  const v = [1, 5, 2, 8];
  it('local statistics of an island are null, with no quadrant and no p-value', () => {
    const s = spatialStatistics(v, wi, { permutations: 99, seed: 1 });
    expect(s.weights).toMatchObject({ islands: 1, island_ids: ['d'], components: 2 });
    expect(s.local[3]).toMatchObject({ gi_star_z: null, gi_star_p_sim: null, lisa_I: null, lisa_quadrant: null, lisa_p_sim: null, significant_fdr: false });
    expect(s.local[0].lisa_p_sim).not.toBeNull();
  });
  it('global Moran keeps the island in n, the mean and Σz², adding no cross-product (PySAL)', () => {
    const m = globalMoran(v, transformWeights(wi, 'W'), { permutations: 0 });
    const mean = 4;
    const z = v.map((t) => t - mean);
    const cross = z[0] * z[1] + z[1] * (z[0] + z[2]) / 2 + z[2] * z[1];
    expect(m.I).toBeCloseTo((4 / 3) * (cross / z.reduce((s, t) => s + t * t, 0)), 14);
    expect(m.EI).toBeCloseTo(-1 / 3, 15);
  });
});
