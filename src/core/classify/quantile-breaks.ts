import { sortedFiniteValues } from './sorted-finite-values.ts';

/** Options of {@link quantileBreaks}. */
export interface QuantileBreaksOptions {
  /** Number of classes wanted. @default 5 */
  classes?: number;
  /**
   * Drop repeated thresholds and thresholds at or below the minimum, so that ties (for example many
   * blocks at 0 %) do not produce classes of zero width. The result may then hold fewer than
   * `classes - 1` thresholds. @default false
   */
  unique?: boolean;
}

/**
 * Quantile class thresholds of a set of values: the `classes - 1` inner breaks, ascending.
 *
 * Null, undefined and non-finite values are ignored (they are "no data", not zero). The quantiles
 * are interpolated the way d3 and R (type 7) do, so without `unique` the result equals
 * `d3.scaleQuantile().domain(values).range(new Array(classes)).quantiles()`.
 *
 * A value `v` belongs to class `i` when `breaks[i - 1] <= v < breaks[i]` (see `classIndex`).
 *
 * @param values - indicator values, one per feature; nulls allowed
 * @param options - see {@link QuantileBreaksOptions}
 * @returns the thresholds (empty when there are no finite values)
 * @example
 * quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { classes: 5 }); // [2.8, 4.6, 6.4, 8.2] (up to rounding)
 */
export function quantileBreaks(values: ArrayLike<number | null | undefined>, options: QuantileBreaksOptions = {}): number[] {
  const { classes = 5, unique = false } = options;
  if (!Number.isInteger(classes) || classes < 1) {
    throw new RangeError(`quantileBreaks: expected options.classes to be a positive integer, found ${classes}.`);
  }
  const sorted = sortedFiniteValues(values);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) breaks.push(quantileOfSorted(sorted, i / classes));
  if (!unique) return breaks;
  const min = sorted[0];
  return breaks.filter((b, i) => b > min && (i === 0 || b !== breaks[i - 1]));
}

/** R-7 quantile of an ascending array (same formula as d3.quantileSorted). */
function quantileOfSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo];
  const b = sorted[Math.min(lo + 1, sorted.length - 1)];
  return a + (b - a) * (h - lo);
}
