import { seededRandom } from '../random/seeded-random.ts';
import { UserError } from '../user-error.ts';
import { pseudoPValue } from './pseudo-p-value.ts';

/** Neighbour structure shared by the statistics being tested (CSR, no self-links); only the row sizes are used. */
export interface PermutationStructure {
  n: number;
  offsets: Int32Array;
  neighbors: Int32Array;
}

/**
 * One local statistic of the affine form stat_i = a_i + b_i Σ_k linkWeights[k] · values[neighbour k],
 * e.g. local Moran (a = 0, b = z_i / m2, values = z) or Getis-Ord Gi* (a = w_ii x_i, b = 1, values = x).
 */
export interface PermutationJob {
  values: Float64Array;
  /** One weight per link of the structure, same positions. */
  linkWeights: Float64Array;
  a: Float64Array;
  b: Float64Array;
  /** Observed statistic per unit, computed by the caller with the same formula (same summation order). */
  observed: Float64Array;
}

export interface PermutationOptions {
  /** Number of permutations R. Default 999. */
  permutations?: number;
  /** Seed. Default 123456789 (GeoDa's default). */
  seed?: number;
}

/**
 * Conditional permutation pseudo p-values for local statistics (Anselin 1995), the way PySAL esda's
 * crand does it: unit i's own value stays fixed and its k_i neighbour values are replaced by k_i
 * values drawn without replacement from the other n − 1 units, R times. As in esda, one matrix of
 * R draws (of the largest cardinality) is drawn once and shared by all units (each unit skips its
 * own index), which makes it fast and seeded-reproducible; several statistics on the same
 * neighbour structure share the draws too.
 *
 * The p-value is PySAL's folded one-sided p_sim (see pseudoPValue): (M + 1) / (R + 1) with M the
 * number of simulated statistics at least as extreme in the observed direction. Islands (k_i = 0)
 * get NaN: a unit without neighbours has nothing to permute.
 *
 * @param structure neighbour lists (no self-links)
 * @param jobs statistics to test on the same draws
 * @param options permutations, seed
 * @returns one Float64Array of p-values per job (NaN for islands)
 * @example
 * const [pLisa, pGiStar] = conditionalPermutation(w, [lisaJob, giStarJob], { permutations: 999, seed: 1 });
 */
export function conditionalPermutation(structure: PermutationStructure, jobs: readonly PermutationJob[], options: PermutationOptions = {}): Float64Array[] {
  const R = options.permutations ?? 999;
  if (!Number.isInteger(R) || R < 1) throw new UserError(`permutations: expected a whole number ≥ 1, found ${R}.`);
  const { n, offsets } = structure; // neighbour indices are not needed: the draws replace them
  let maxK = 0;
  for (let i = 0; i < n; i++) maxK = Math.max(maxK, offsets[i + 1] - offsets[i]);
  const out = jobs.map(() => new Float64Array(n).fill(NaN));
  if (maxK === 0) return out;
  if (maxK > n - 1) throw new Error('conditionalPermutation: a unit has more neighbours than other units');

  // R rows of maxK distinct draws from 0..n-2 (partial Fisher–Yates, undone after each row).
  const rand = seededRandom(options.seed ?? 123456789);
  const draws = new Int32Array(R * maxK);
  const pool = new Int32Array(n - 1);
  for (let i = 0; i < n - 1; i++) pool[i] = i;
  const swapped = new Int32Array(maxK);
  for (let r = 0; r < R; r++) {
    const base = r * maxK;
    for (let t = 0; t < maxK; t++) {
      const j = t + Math.floor(rand() * (n - 1 - t));
      const v = pool[j];
      pool[j] = pool[t];
      pool[t] = v;
      draws[base + t] = v;
      swapped[t] = j;
    }
    for (let t = maxK - 1; t >= 0; t--) {
      const j = swapped[t];
      const v = pool[j];
      pool[j] = pool[t];
      pool[t] = v;
    }
  }

  const larger = new Int32Array(jobs.length);
  const row = jobs.map(() => new Float64Array(maxK));
  const picked = new Int32Array(maxK);
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const k = offsets[i + 1] - start;
    if (k === 0) continue;
    if (jobs.length === 2) {
      // the common case (Gi* and LISA together), written out: one pass over the draws feeds both
      const [j0, j1] = jobs;
      const v0 = j0.values;
      const v1 = j1.values;
      const w0 = row[0];
      const w1 = row[1];
      for (let t = 0; t < k; t++) {
        w0[t] = j0.linkWeights[start + t];
        w1[t] = j1.linkWeights[start + t];
      }
      const a0 = j0.a[i], b0 = j0.b[i], o0 = j0.observed[i];
      const a1 = j1.a[i], b1 = j1.b[i], o1 = j1.observed[i];
      let m0 = 0;
      let m1 = 0;
      for (let r = 0, base = 0; r < R; r++, base += maxK) {
        let lag0 = 0;
        let lag1 = 0;
        for (let t = 0; t < k; t++) {
          const d = draws[base + t];
          const j = d + ((i - d - 1) >>> 31); // d + 1 when d ≥ i: skips unit i itself (branch-free)
          lag0 += w0[t] * v0[j];
          lag1 += w1[t] * v1[j];
        }
        if (a0 + b0 * lag0 >= o0) m0++;
        if (a1 + b1 * lag1 >= o1) m1++;
      }
      out[0][i] = pseudoPValue(m0, R);
      out[1][i] = pseudoPValue(m1, R);
      continue;
    }
    larger.fill(0);
    for (let r = 0, base = 0; r < R; r++, base += maxK) {
      for (let t = 0; t < k; t++) {
        const d = draws[base + t];
        picked[t] = d + ((i - d - 1) >>> 31); // d + 1 when d ≥ i: skips unit i itself
      }
      for (let q = 0; q < jobs.length; q++) {
        const job = jobs[q];
        const values = job.values;
        const lw = job.linkWeights;
        let lag = 0;
        for (let t = 0; t < k; t++) lag += lw[start + t] * values[picked[t]];
        if (job.a[i] + job.b[i] * lag >= job.observed[i]) larger[q]++;
      }
    }
    for (let q = 0; q < jobs.length; q++) out[q][i] = pseudoPValue(larger[q], R);
  }
  return out;
}
