/**
 * The finite numbers of a list, in input order: nulls, undefined, NaN and ±Infinity (no data or
 * suppressed values) are left out. Returns a new array.
 *
 * @param values - values that may contain gaps
 * @returns the usable numbers
 * @example
 * finiteValues([3, null, NaN, 1]); // [3, 1]
 */
export function finiteValues(values: ArrayLike<number | null | undefined>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  }
  return out;
}
