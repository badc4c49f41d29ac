import { UserError } from '../user-error.ts';
import { centredValues } from './centred-values.ts';
import { conditionalPermutation, type PermutationJob, type PermutationOptions } from './conditional-permutation.ts';
import type { SpatialWeights } from './spatial-weights.ts';

/** LISA cluster type: high-high and low-low clusters, high-low and low-high spatial outliers. */
export type LisaQuadrant = 'HH' | 'LH' | 'LL' | 'HL';

export interface LocalMoranResult {
  /** I_i = (z_i / m2) Σ_j w_ij z_j with m2 = Σ z² / n (spdep localmoran, PySAL Moran_Local). NaN for islands. */
  I: Float64Array;
  /** Conditional expectation −z_i² W_i / ((n − 1) m2) (spdep ≥ 1.1 default, Sokal et al. 1998). */
  EI: Float64Array;
  /** Conditional variance under randomisation (spdep localmoran, conditional = TRUE). */
  VI: Float64Array;
  z: Float64Array;
  /** Quadrant of (z_i, lag_i) as PySAL codes it (0 counts as low); null for islands. */
  quadrant: (LisaQuadrant | null)[];
  /** Spatial lag of z. */
  lag: Float64Array;
  /** Folded one-sided permutation pseudo p-values (NaN for islands), or null without permutations. */
  p_sim: Float64Array | null;
  /** What conditionalPermutation needs to test I_i (to share draws with other statistics). */
  job: PermutationJob;
}

/**
 * Local Moran's I (LISA, Anselin 1995) with analytical conditional moments and, optionally,
 * conditional-permutation pseudo p-values. Use row-standardised weights for spdep/GeoDa parity.
 * Islands (no neighbours) get NaN statistics, no quadrant and no p-value: they are not clusters and
 * not outliers (spdep with zero.policy gives I = 0 and NaN z; PySAL gives I = 0 and a meaningless
 * p_sim of 1/(R+1)).
 *
 * @param values one finite value per unit
 * @param w weights without self-links
 * @param options permutations (default 0 here; the CLI asks for 999), seed
 * @returns I, EI, VI, z, quadrant, lag, p_sim
 * @example
 * localMoran(crime, transformWeights(queen, 'W'), { permutations: 999, seed: 1 }).quadrant[0]; // 'LL'
 */
export function localMoran(values: ArrayLike<number>, w: SpatialWeights, options: PermutationOptions = {}): LocalMoranResult {
  if (values.length !== w.n) throw new Error(`localMoran: ${values.length} values for ${w.n} units`);
  if (w.selfIncluded) throw new UserError('local Moran: expected weights without self-links.');
  const { n, z, m2sum } = centredValues(values);
  const m2 = m2sum / n;
  const I = new Float64Array(n);
  const EI = new Float64Array(n);
  const VI = new Float64Array(n);
  const zs = new Float64Array(n);
  const lag = new Float64Array(n);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const quadrant: (LisaQuadrant | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const start = w.offsets[i];
    const end = w.offsets[i + 1];
    let l = 0;
    let wi = 0;
    let wi2 = 0;
    for (let k = start; k < end; k++) {
      const wk = w.weights[k];
      l += wk * z[w.neighbors[k]];
      wi += wk;
      wi2 += wk * wk;
    }
    lag[i] = l;
    b[i] = z[i] / m2;
    if (end === start) {
      I[i] = EI[i] = VI[i] = zs[i] = NaN;
      quadrant[i] = null;
      continue;
    }
    const zi2 = z[i] * z[i];
    I[i] = b[i] * l;
    EI[i] = -(zi2 * wi) / ((n - 1) * m2);
    VI[i] = (zi2 / (m2 * m2)) * (n / (n - 2)) * (wi2 - (wi * wi) / (n - 1)) * (m2 - zi2 / (n - 1));
    zs[i] = (I[i] - EI[i]) / Math.sqrt(VI[i]);
    const high = z[i] > 0;
    quadrant[i] = l > 0 ? (high ? 'HH' : 'LH') : high ? 'HL' : 'LL';
  }
  const job: PermutationJob = { values: z, linkWeights: w.weights, a, b, observed: I };
  const R = options.permutations ?? 0;
  const p_sim = R > 0 ? conditionalPermutation(w, [job], options)[0] : null;
  return { I, EI, VI, z: zs, quadrant, lag, p_sim, job };
}
