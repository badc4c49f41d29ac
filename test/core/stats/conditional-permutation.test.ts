import { describe, expect, it } from 'vitest';
import { conditionalPermutation } from '../../../src/core/stats/conditional-permutation.ts';
import { getisOrd } from '../../../src/core/stats/getis-ord.ts';
import { globalMoran } from '../../../src/core/stats/global-moran.ts';
import { localMoran } from '../../../src/core/stats/local-moran.ts';
import { pseudoPValue } from '../../../src/core/stats/pseudo-p-value.ts';
import { spatialStatistics } from '../../../src/core/stats/spatial-statistics.ts';
import { weightsFromLists } from '../../../src/core/stats/spatial-weights.ts';
import { transformWeights } from '../../../src/core/stats/transform-weights.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i));
/** n units in a ring (each has the two next to it). */
const ring = (n: number) => weightsFromLists(ids(n), Array.from({ length: n }, (_, i) => [(i + n - 1) % n, (i + 1) % n]));

describe('pseudoPValue (PySAL/GeoDa definition)', () => {
  it('is (M + 1) / (R + 1), folded to the tail the observation lies in', () => {
    expect(pseudoPValue(0, 999)).toBe(0.001);
    expect(pseudoPValue(49, 999)).toBe(0.05);
    expect(pseudoPValue(950, 999)).toBe(0.05); // 999 − 950 = 49 below
    expect(pseudoPValue(499, 999)).toBe(0.5);
    expect(pseudoPValue(500, 999)).toBe(0.5); // folded: 499
    expect(pseudoPValue(999, 999)).toBe(0.001); // every simulation ties or beats it: folded to 0 (PySAL quirk)
  });
});

describe('conditionalPermutation', () => {
  const n = 10;
  // unit 0 has one neighbour, unit 1; every other unit has a neighbour too
  const lists = Array.from({ length: n }, (_, i) => (i === 0 ? [1] : [i === n - 1 ? 1 : i + 1]));
  const w = weightsFromLists(ids(n), lists);
  const permutations = 9999;

  it('puts p where the definition says: neighbour value the largest of the other 9 → p ≈ 1/9', () => {
    const x = [5, 100, 1, 2, 3, 4, 6, 7, 8, 9]; // unit 1 (100) is the largest value unit 0 can draw
    const p = getisOrd(x, w, { star: false, permutations, seed: 7 }).p_sim!;
    // M = #{draw ≥ 100} = #{draw = unit 1} ~ Binomial(R, 1/9); p = (M + 1) / (R + 1)
    const sd = Math.sqrt((1 / 9) * (8 / 9) / permutations);
    expect(Math.abs(p[0] - 1 / 9)).toBeLessThan(4 * sd);
  });

  it('neighbour value the smallest → every draw is ≥ it → folded to M = 0, p = 1/(R + 1) exactly', () => {
    const x = [5, -100, 1, 2, 3, 4, 6, 7, 8, 9];
    expect(getisOrd(x, w, { star: false, permutations, seed: 7 }).p_sim![0]).toBe(1 / (permutations + 1));
  });

  it('a middling neighbour value gives p near 0.5 at most (one-sided, never doubled)', () => {
    const x = [5, 4.5, 1, 2, 3, 4, 6, 7, 8, 9]; // 4 of the other 9 values are below 4.5, 5 above
    const p = getisOrd(x, w, { star: false, permutations, seed: 7 }).p_sim![0];
    expect(Math.abs(p - 4 / 9)).toBeLessThan(4 * Math.sqrt((4 / 9) * (5 / 9) / permutations));
  });

  it('is reproducible with a seed and changes with another seed', () => {
    const x = Array.from({ length: 40 }, (_, i) => ((i * 37) % 11) + (i < 20 ? 5 : 0));
    const w40 = transformWeights(ring(40), 'W');
    const a = localMoran(x, w40, { permutations: 999, seed: 42 }).p_sim!;
    const b = localMoran(x, w40, { permutations: 999, seed: 42 }).p_sim!;
    const c = localMoran(x, w40, { permutations: 999, seed: 43 }).p_sim!;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    for (const p of a) {
      expect(p).toBeGreaterThanOrEqual(1 / 1000);
      expect(p).toBeLessThanOrEqual(0.5);
    }
  });

  it('gives the same p-values when Gi* and LISA share the draws as when run alone', () => {
    const x = Array.from({ length: 30 }, (_, i) => (i * 7919) % 13);
    const w30 = transformWeights(ring(30), 'W');
    const s = spatialStatistics(x, w30, { permutations: 199, seed: 5 });
    expect(s.local.map((u) => u.lisa_p_sim)).toEqual(Array.from(localMoran(x, w30, { permutations: 199, seed: 5 }).p_sim!));
    expect(s.local.map((u) => u.gi_star_p_sim)).toEqual(Array.from(getisOrd(x, w30, { permutations: 199, seed: 5 }).p_sim!));
  });

  it('gives islands NaN instead of PySAL’s 1/(R + 1)', () => {
    const wi = weightsFromLists(ids(5), [[1], [0], [3], [2], []]);
    const p = localMoran([1, 2, 3, 4, 5], wi, { permutations: 99 }).p_sim!;
    expect(Number.isNaN(p[4])).toBe(true);
    expect(conditionalPermutation(weightsFromLists(ids(4), [[], [], [], []]), [], {})).toEqual([]);
  });
});

describe('global Moran p_sim', () => {
  it('is 1/(R + 1) for a perfect two-cluster pattern and for a perfect checkerboard (folded: either tail)', () => {
    const w = ring(20);
    const clusters = Array.from({ length: 20 }, (_, i) => (i < 10 ? 1 : 0));
    const checker = Array.from({ length: 20 }, (_, i) => i % 2);
    expect(globalMoran(clusters, w, { permutations: 999, seed: 3 }).p_sim).toBe(0.001);
    const chk = globalMoran(checker, w, { permutations: 999, seed: 3 });
    expect(chk.I).toBeCloseTo(-1, 12);
    expect(chk.p_sim).toBe(0.001);
  });
  it('is reproducible with a seed', () => {
    const x = Array.from({ length: 25 }, (_, i) => (i * 13) % 7);
    expect(globalMoran(x, ring(25), { seed: 9 }).p_sim).toBe(globalMoran(x, ring(25), { seed: 9 }).p_sim);
  });
});
