/**
 * The finite numbers of a list, sorted ascending into a new Float64Array (a typed-array sort is
 * several times faster than `Array.prototype.sort` with a comparator, which matters at 20,000 blocks).
 * Nulls, undefined, NaN and ±Infinity (no data, suppressed) are left out.
 *
 * @param values - values that may contain gaps
 * @returns the usable numbers, ascending
 * @example
 * sortedFiniteValues([3, null, NaN, 1]); // Float64Array [1, 3]
 */
export function sortedFiniteValues(values: ArrayLike<number | null | undefined>): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) out[n++] = v;
  }
  return out.subarray(0, n).sort();
}
