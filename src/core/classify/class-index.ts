/** Class index returned for null, undefined and non-finite values. */
export const NO_DATA_CLASS = -1;

/**
 * The class of one value given ascending thresholds: 0 below `breaks[0]`, `i` when
 * `breaks[i - 1] <= value < breaks[i]`, `breaks.length` at or above the last threshold (the same
 * rule as d3.scaleQuantile / d3.scaleThreshold). Null and non-finite values get {@link NO_DATA_CLASS}.
 *
 * @param value - the value to classify
 * @param breaks - ascending thresholds, e.g. from `quantileBreaks`
 * @returns 0 … breaks.length, or -1 for no data
 * @example
 * classIndex(5, [2.8, 4.6, 6.4, 8.2]); // 2
 * classIndex(null, [2.8, 4.6]);        // -1
 */
export function classIndex(value: number | null | undefined, breaks: readonly number[]): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return NO_DATA_CLASS;
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (value < breaks[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
