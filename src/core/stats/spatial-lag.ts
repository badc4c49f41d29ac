import type { SpatialWeights } from './spatial-weights.ts';

/**
 * Spatial lag Σ_j w_ij v_j of every unit (0 for an island).
 *
 * @param w weights
 * @param v one value per unit
 * @returns the lags
 * @example
 * spatialLag(transformWeights(queen, 'W'), z); // neighbour means of z
 */
export function spatialLag(w: SpatialWeights, v: ArrayLike<number>): Float64Array {
  const lag = new Float64Array(w.n);
  const { offsets, neighbors, weights } = w;
  for (let i = 0; i < w.n; i++) {
    let s = 0;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) s += weights[k] * v[neighbors[k]];
    lag[i] = s;
  }
  return lag;
}
