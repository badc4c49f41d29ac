import { UserError } from '../user-error.ts';
import { conditionalPermutation, type PermutationJob, type PermutationOptions } from './conditional-permutation.ts';
import type { SpatialWeights } from './spatial-weights.ts';

export interface GetisOrdOptions extends PermutationOptions {
  /** Gi* (the unit itself counts as its own neighbour) instead of Gi. Default true. */
  star?: boolean;
}

export interface GetisOrdResult {
  /** z-score of Gi or Gi* (spdep localG); positive: high values cluster here (hot spot). NaN for islands. */
  z: Float64Array;
  /** Local sum Σ_j w_ij x_j (self included for Gi*). */
  localSum: Float64Array;
  /** Folded one-sided permutation pseudo p-values (NaN for islands), or null without permutations. */
  p_sim: Float64Array | null;
  star: boolean;
  /** What conditionalPermutation needs to test the statistic (to share draws). */
  job: PermutationJob;
}

/**
 * Getis-Ord local Gi / Gi* z-scores (Ord & Getis 1995), computed as spdep localG: for Gi*,
 * z_i = (Σ_j w_ij x_j − W_i x̄) / sqrt(s² (n S1_i − W_i²) / (n − 1)) over j including i, with
 * s² = Σ (x − x̄)² / n; for Gi the mean and variance leave unit i out and n − 1 replaces n.
 * Gi* adds the unit to its own row with the largest weight of the row (1 for binary weights) and
 * re-standardises row-standardised weights, as spdep's include.self followed by nb2listw does; the
 * z-scores do not depend on row-standardisation of binary weights. The values should be ≥ 0
 * (counts, rates). Islands get NaN (spdep: NaN; a Gi* of a unit alone is just its standardised value).
 *
 * Permutations keep x_i (and its self-weight) fixed and draw the neighbours (PySAL G_Local).
 *
 * @param values one finite value per unit
 * @param w weights without self-links ('B', 'W' or 'none')
 * @param options star (default true), permutations (default 0), seed
 * @returns z, local sums, p_sim
 * @example
 * getisOrd(crime, queen, { star: true }).z[0]; // -1.4328 for Columbus
 */
export function getisOrd(values: ArrayLike<number>, w: SpatialWeights, options: GetisOrdOptions = {}): GetisOrdResult {
  const star = options.star ?? true;
  const n = w.n;
  if (values.length !== n) throw new Error(`getisOrd: ${values.length} values for ${n} units`);
  if (w.selfIncluded) throw new UserError('Getis-Ord: expected weights without self-links; ask for Gi* with star: true instead.');
  const x = Float64Array.from(values as ArrayLike<number>);
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) throw new UserError(`Getis-Ord: unit ${i + 1} has ${String(values[i])}; expected a finite number for every unit. Fill or drop the missing values first.`);
    sum += x[i];
    sum2 += x[i] * x[i];
  }
  if (n < 4) throw new UserError(`Getis-Ord: expected at least 4 units, found ${n}.`);
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
  const linkWeights = new Float64Array(w.weights.length);
  const a = new Float64Array(n);
  const b = new Float64Array(n).fill(1);
  const z = new Float64Array(n);
  const localSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = w.offsets[i];
    const end = w.offsets[i + 1];
    if (end === start) {
      z[i] = localSum[i] = NaN;
      continue;
    }
    let self = 0;
    let scale = 1;
    if (star) {
      let rowMax = 0;
      let rowSum = 0;
      for (let k = start; k < end; k++) {
        rowMax = Math.max(rowMax, w.weights[k]);
        rowSum += w.weights[k];
      }
      self = w.style === 'B' ? 1 : rowMax;
      if (w.style === 'W') scale = 1 / (rowSum + self);
      self *= scale;
    }
    let lag = 0;
    let wi = self;
    let s1i = self * self;
    for (let k = start; k < end; k++) {
      const wk = w.weights[k] * scale;
      linkWeights[k] = wk;
      lag += wk * x[w.neighbors[k]];
      wi += wk;
      s1i += wk * wk;
    }
    a[i] = self * x[i];
    localSum[i] = a[i] + lag;
    let xbar: number;
    let vg: number;
    if (star) {
      xbar = mean;
      vg = (ss / n) * ((n * s1i - wi * wi) / (n - 1));
    } else {
      xbar = (sum - x[i]) / (n - 1);
      const si2 = (sum2 - x[i] * x[i]) / (n - 1) - xbar * xbar;
      vg = si2 * (((n - 1) * s1i - wi * wi) / (n - 2));
    }
    z[i] = (localSum[i] - wi * xbar) / Math.sqrt(vg);
  }
  const job: PermutationJob = { values: x, linkWeights, a, b, observed: localSum };
  const R = options.permutations ?? 0;
  const p_sim = R > 0 ? conditionalPermutation(w, [job], options)[0] : null;
  return { z, localSum, p_sim, star, job };
}
