import { sortedFiniteValues } from './sorted-finite-values.ts';

/** Options of {@link boxBreaks}. */
export interface BoxBreaksOptions {
  /** Fence distance in interquartile ranges (1.5 or 3, as in a box plot). @default 1.5 */
  hinge?: number;
}

/**
 * The five thresholds of a box map (as in GeoDa): lower fence Q1 - hinge·IQR, Q1, median, Q3 and
 * upper fence Q3 + hinge·IQR. They make six classes: lower outliers, the four quartiles, upper
 * outliers (the outer ones may be empty). Quartiles are interpolated like `quantileBreaks` (R type 7).
 * Classify with `classifyValues(…, { method: 'box' })`, which treats the upper fence as inclusive
 * (a value equal to it is not an outlier). Nulls and non-finite values are ignored.
 *
 * @param values - indicator values; nulls allowed
 * @param options - see {@link BoxBreaksOptions}
 * @returns five ascending (possibly equal) thresholds, or none without finite values
 * @example
 * boxBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9]); // [-3, 3, 5, 7, 13]
 */
export function boxBreaks(values: ArrayLike<number | null | undefined>, options: BoxBreaksOptions = {}): number[] {
  const { hinge = 1.5 } = options;
  if (!Number.isFinite(hinge) || hinge < 0) throw new RangeError(`boxBreaks: expected options.hinge to be a number ≥ 0, found ${hinge}.`);
  const sorted = sortedFiniteValues(values);
  if (sorted.length === 0) return [];
  const q = (p: number) => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (h - lo);
  };
  const q1 = q(0.25);
  const q3 = q(0.75);
  const iqr = q3 - q1;
  return [q1 - hinge * iqr, q1, q(0.5), q3, q3 + hinge * iqr];
}
