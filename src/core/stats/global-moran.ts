import { seededRandom } from '../random/seeded-random.ts';
import { UserError } from '../user-error.ts';
import { centredValues } from './centred-values.ts';
import { twoSidedP } from './normal-tail.ts';
import { pseudoPValue } from './pseudo-p-value.ts';
import type { SpatialWeights } from './spatial-weights.ts';
import { weightsSums } from './weights-sums.ts';

export interface GlobalMoranOptions {
  /** Random permutations for p_sim (0: none). Default 999. */
  permutations?: number;
  /** Seed of the permutations. Default 123456789 (GeoDa's default seed). */
  seed?: number;
}

export interface GlobalMoranResult {
  I: number;
  /** E[I] = −1 / (n − 1) */
  EI: number;
  VI_norm: number;
  z_norm: number;
  /** Two-sided: 2 P(Z > |z_norm|) (PySAL); spdep's moran.test default is one-sided "greater". */
  p_norm: number;
  VI_rand: number;
  z_rand: number;
  p_rand: number;
  /** Folded one-sided pseudo p-value (see pseudoPValue), null when permutations = 0. */
  p_sim: number | null;
  permutations: number;
}

/**
 * Global Moran's I with its moments under normality and randomisation (Cliff & Ord 1981, as spdep
 * moran.test and PySAL esda.Moran) and a permutation pseudo p-value.
 *
 * I = (n / S0) Σ_i Σ_j w_ij z_i z_j / Σ z_i², z = x − mean(x). n counts every unit, islands included
 * (PySAL; spdep's default adjust.n = TRUE would subtract islands): an island adds its value to the
 * mean and Σ z² but no cross-products.
 *
 * @param values one finite value per unit, input order
 * @param w weights without self-links, any style (use 'W' or 'B' for spdep/PySAL parity)
 * @param options permutations, seed
 * @returns I, EI, variances, z and p under both assumptions, p_sim
 * @example
 * globalMoran(crime, transformWeights(queen, 'W')).I; // 0.500188557 for Columbus
 */
export function globalMoran(values: ArrayLike<number>, w: SpatialWeights, options: GlobalMoranOptions = {}): GlobalMoranResult {
  if (values.length !== w.n) throw new Error(`globalMoran: ${values.length} values for ${w.n} units`);
  if (w.selfIncluded) throw new UserError('global Moran: expected weights without self-links; build them without includeSelf.');
  const permutations = options.permutations ?? 999;
  if (!Number.isInteger(permutations) || permutations < 0) throw new UserError(`global Moran: expected permutations to be a whole number ≥ 0, found ${permutations}.`);
  const { n, z, m2sum, m4sum } = centredValues(values);
  const { s0, s1, s2 } = weightsSums(w);
  if (s0 === 0) throw new UserError('global Moran: the weights have no links at all (every unit is an island; street blocks separated by streets do not touch); expected neighbours. Use a snapping tolerance (--snap 20, in metres) or knn weights (--weights knn:6).');
  const I = moranOf(z, w, n / s0 / m2sum);
  const EI = -1 / (n - 1);
  const n2 = n * n;
  const VI_norm = (n2 * s1 - n * s2 + 3 * s0 * s0) / (s0 * s0 * (n2 - 1)) - EI * EI;
  const k = (n * m4sum) / (m2sum * m2sum);
  const VI_rand =
    (n * ((n2 - 3 * n + 3) * s1 - n * s2 + 3 * s0 * s0) - k * (n * (n - 1) * s1 - 2 * n * s2 + 6 * s0 * s0)) / ((n - 1) * (n - 2) * (n - 3) * s0 * s0) - EI * EI;
  const z_norm = (I - EI) / Math.sqrt(VI_norm);
  const z_rand = (I - EI) / Math.sqrt(VI_rand);
  let p_sim: number | null = null;
  if (permutations > 0) {
    const rand = seededRandom(options.seed ?? 123456789);
    const perm = z.slice();
    const scale = n / s0 / m2sum;
    let larger = 0;
    for (let r = 0; r < permutations; r++) {
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      if (moranOf(perm, w, scale) >= I) larger++;
    }
    p_sim = pseudoPValue(larger, permutations);
  }
  return { I, EI, VI_norm, z_norm, p_norm: twoSidedP(z_norm), VI_rand, z_rand, p_rand: twoSidedP(z_rand), p_sim, permutations };
}

function moranOf(z: Float64Array, w: SpatialWeights, scale: number): number {
  const { offsets, neighbors, weights } = w;
  let cross = 0;
  for (let i = 0; i < w.n; i++) {
    let lag = 0;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) lag += weights[k] * z[neighbors[k]];
    cross += z[i] * lag;
  }
  return scale * cross;
}
