import Flatbush from 'flatbush';
import { UserError } from '../user-error.ts';
import { weightsFromLists, type SpatialWeights } from './spatial-weights.ts';

/**
 * k-nearest-neighbour weights (binary, asymmetric in general) from planar points in a projected CRS.
 * Ties at the k-th distance are broken by input order (lowest index first), so results do not depend
 * on the spatial index. Every unit has exactly k neighbours: there are no islands.
 *
 * @param xs x coordinates (metres)
 * @param ys y coordinates (metres)
 * @param k neighbours per unit (1 ≤ k < n)
 * @param options ids of the units (default: index as text)
 * @returns binary weights
 * @example
 * knnWeights(xs, ys, 8);
 */
export function knnWeights(xs: Float64Array, ys: Float64Array, k: number, options: { ids?: readonly string[] } = {}): SpatialWeights {
  const n = xs.length;
  if (!Number.isInteger(k) || k < 1 || k >= n) throw new UserError(`knn weights: expected k between 1 and ${n - 1} (the number of units minus one), found ${k}. Pick a smaller k.`);
  const ids = options.ids ? [...options.ids] : Array.from({ length: n }, (_, i) => String(i));
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) index.add(xs[i], ys[i], xs[i], ys[i]);
  index.finish();
  const lists: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    // the k nearest, then everything up to (and tied with) the k-th distance, ordered by (distance, index)
    const notSelf = (j: number) => j !== i;
    const near = index.neighbors(xs[i], ys[i], k, Infinity, notSelf);
    const d2 = (j: number) => (xs[j] - xs[i]) ** 2 + (ys[j] - ys[i]) ** 2;
    const kth = Math.sqrt(d2(near[k - 1]));
    const tied = index.neighbors(xs[i], ys[i], Infinity, kth * (1 + 1e-12), notSelf);
    const candidates = tied.sort((a, b) => d2(a) - d2(b) || a - b);
    lists[i] = candidates.slice(0, k);
  }
  return weightsFromLists(ids, lists, { kind: `knn:${k}` });
}
