import { finiteValues } from './finite-values.ts';

/** Options of {@link stdDevBreaks}. */
export interface StdDevBreaksOptions {
  /** Number of classes. An odd number gives a middle class around the mean (mean ± ½σ), an even number a threshold at the mean. @default 5 */
  classes?: number;
}

/**
 * Standard-deviation class thresholds: classes one (population) standard deviation σ wide, centred on
 * the mean — `mean + (i - classes / 2) · σ` for i = 1 … classes - 1. The outer classes are open
 * (everything beyond them) and may be empty. Nulls and non-finite values are ignored; without spread
 * (σ = 0) there is one class.
 *
 * @param values - indicator values; nulls allowed
 * @param options - see {@link StdDevBreaksOptions}
 * @returns the thresholds, ascending
 * @example
 * stdDevBreaks([2, 4, 4, 4, 5, 5, 7, 9], { classes: 4 }); // [3, 5, 7]  (mean 5, σ 2)
 */
export function stdDevBreaks(values: ArrayLike<number | null | undefined>, options: StdDevBreaksOptions = {}): number[] {
  const { classes = 5 } = options;
  if (!Number.isInteger(classes) || classes < 1) {
    throw new RangeError(`stdDevBreaks: expected options.classes to be a positive integer, found ${classes}.`);
  }
  const xs = finiteValues(values);
  if (xs.length === 0) return [];
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  const sd = Math.sqrt(ss / xs.length);
  if (!(sd > 0)) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) breaks.push(mean + (i - classes / 2) * sd);
  return breaks;
}
