import type { SpatialWeights } from './spatial-weights.ts';
import { linkPosition } from './weights-diagnostics.ts';

/** The sums of weights that the moments of Moran's I and Geary's C need (Cliff & Ord). */
export interface WeightsSums {
  /** S0 = Σ_i Σ_j w_ij */
  s0: number;
  /** S1 = ½ Σ_i Σ_j (w_ij + w_ji)² */
  s1: number;
  /** S2 = Σ_i (w_i. + w_.i)² */
  s2: number;
}

/**
 * S0, S1 and S2 of a weights matrix (asymmetric weights handled through w_ji).
 *
 * @param w weights
 * @returns { s0, s1, s2 }
 * @example
 * weightsSums(transformWeights(queen, 'W')).s0; // n minus the number of islands
 */
export function weightsSums(w: SpatialWeights): WeightsSums {
  const rowSum = new Float64Array(w.n);
  const colSum = new Float64Array(w.n);
  let s0 = 0;
  let s1 = 0;
  for (let i = 0; i < w.n; i++) {
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) {
      const j = w.neighbors[k];
      const wij = w.weights[k];
      s0 += wij;
      rowSum[i] += wij;
      colSum[j] += wij;
      const back = linkPosition(w, j, i);
      // a symmetric pair is visited from both sides, once per ordered pair; a one-way link stands
      // for both ordered pairs (i, j) and (j, i), each contributing (w_ij + 0)².
      s1 += back >= 0 ? (wij + w.weights[back]) ** 2 : 2 * wij * wij;
    }
  }
  s1 /= 2;
  let s2 = 0;
  for (let i = 0; i < w.n; i++) s2 += (rowSum[i] + colSum[i]) ** 2;
  return { s0, s1, s2 };
}
