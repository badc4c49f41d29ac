import { sortedFiniteValues } from './sorted-finite-values.ts';

/**
 * The rank of every value, 1 for the highest, ties sharing the best rank (1, 2, 2, 4). Null and
 * non-finite values get rank 0 (not ranked). Sorts once and ranks by binary search: no comparator sort.
 *
 * @param values - one value per feature; nulls allowed
 * @returns rank per value, in input order
 * @example
 * rankValues([10, 30, null, 30]); // Int32Array [3, 1, 0, 1]
 */
export function rankValues(values: ArrayLike<number | null | undefined>): Int32Array {
  const sorted = sortedFiniteValues(values);
  const n = sorted.length;
  const ranks = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    // first index holding a value greater than v: everything from there up ranks above v
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = n - lo + 1;
  }
  return ranks;
}
