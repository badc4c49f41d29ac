import { finiteValues } from './finite-values.ts';

/** Options of {@link equalIntervalBreaks}. */
export interface EqualIntervalBreaksOptions {
  /** Number of classes wanted. @default 5 */
  classes?: number;
}

/**
 * Equal-interval class thresholds: the range min…max cut into `classes` parts of the same width,
 * returned as the `classes - 1` inner thresholds, ascending. Nulls and non-finite values are ignored.
 * When all values are equal there is one class and no threshold.
 *
 * @param values - indicator values; nulls allowed
 * @param options - see {@link EqualIntervalBreaksOptions}
 * @returns the thresholds (empty without finite values or without spread)
 * @example
 * equalIntervalBreaks([0, 3, 10], { classes: 4 }); // [2.5, 5, 7.5]
 */
export function equalIntervalBreaks(values: ArrayLike<number | null | undefined>, options: EqualIntervalBreaksOptions = {}): number[] {
  const { classes = 5 } = options;
  if (!Number.isInteger(classes) || classes < 1) {
    throw new RangeError(`equalIntervalBreaks: expected options.classes to be a positive integer, found ${classes}.`);
  }
  let min = Infinity;
  let max = -Infinity;
  for (const v of finiteValues(values)) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) return [];
  const width = (max - min) / classes;
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) breaks.push(min + width * i);
  return breaks;
}
