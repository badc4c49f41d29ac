import { UserError } from '../user-error.ts';
import { centredValues } from './centred-values.ts';
import { twoSidedP } from './normal-tail.ts';
import type { SpatialWeights } from './spatial-weights.ts';
import { weightsSums } from './weights-sums.ts';

export interface GearyResult {
  C: number;
  /** E[C] = 1 */
  EC: number;
  VC_norm: number;
  /** (EC − C) / sd: positive for positive autocorrelation, as spdep geary.test (PySAL esda.Geary has the opposite sign). */
  z_norm: number;
  /** Two-sided p of z_norm. */
  p_norm: number;
  VC_rand: number;
  z_rand: number;
  p_rand: number;
}

/**
 * Geary's C with its moments under normality and randomisation (Cliff & Ord 1981, as spdep
 * geary.test): C = (n − 1) Σ_i Σ_j w_ij (x_i − x_j)² / (2 S0 Σ z²). Islands add nothing to the
 * numerator and their value to Σ z²; n counts every unit.
 *
 * @param values one finite value per unit, input order
 * @param w weights without self-links
 * @returns C, EC, variances and z (spdep sign) under both assumptions
 * @example
 * gearyC(crime, transformWeights(rook, 'W')).C; // 0.515440806 for Columbus
 */
export function gearyC(values: ArrayLike<number>, w: SpatialWeights): GearyResult {
  if (values.length !== w.n) throw new Error(`gearyC: ${values.length} values for ${w.n} units`);
  if (w.selfIncluded) throw new UserError("Geary's C: expected weights without self-links; build them without includeSelf.");
  const { n, z, m2sum, m4sum } = centredValues(values);
  const { s0, s1, s2 } = weightsSums(w);
  if (s0 === 0) throw new UserError("Geary's C: the weights have no links at all (every unit is an island; street blocks separated by streets do not touch); expected neighbours. Use a snapping tolerance (--snap 20, in metres) or knn weights (--weights knn:6).");
  let num = 0;
  for (let i = 0; i < n; i++) {
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) {
      const d = z[i] - z[w.neighbors[k]];
      num += w.weights[k] * d * d;
    }
  }
  const C = ((n - 1) * num) / (2 * s0 * m2sum);
  const n1 = n - 1;
  const k = (n * m4sum) / (m2sum * m2sum);
  const VC_norm = ((2 * s1 + s2) * n1 - 4 * s0 * s0) / (2 * (n + 1) * s0 * s0);
  const VC_rand =
    (n1 * s1 * (n * n - 3 * n + 3 - k * n1) - 0.25 * n1 * s2 * (n * n + 3 * n - 6 - k * (n * n - n + 2)) + s0 * s0 * (n * n - 3 - k * n1 * n1)) /
    (n * (n - 2) * (n - 3) * s0 * s0);
  const z_norm = (1 - C) / Math.sqrt(VC_norm);
  const z_rand = (1 - C) / Math.sqrt(VC_rand);
  return { C, EC: 1, VC_norm, z_norm, p_norm: twoSidedP(z_norm), VC_rand, z_rand, p_rand: twoSidedP(z_rand) };
}
