import { classIndex, NO_DATA_CLASS } from './class-index.ts';
import { finiteValues } from './finite-values.ts';
import { quantileBreaks } from './quantile-breaks.ts';

/** One class of a classification, for a legend. */
export interface ClassBin {
  /** Lower bound (inclusive): the smallest value of the data for class 0, else the threshold. */
  from: number;
  /** Upper bound: the next threshold (exclusive), or the largest value (inclusive) for the last class. */
  to: number;
  /** Number of values in the class. */
  count: number;
}

/** A classification of one indicator over all features. */
export interface Classification {
  /** Ascending thresholds between the classes (`bins.length - 1` of them). */
  breaks: number[];
  /** The classes, lowest first; empty when no value is usable. */
  bins: ClassBin[];
  /** Class index per input value, in input order; -1 for no data (null, NaN). */
  indices: Int16Array;
  /** Number of values without data. */
  noData: number;
}

/** Options of {@link quantileClasses}. */
export interface QuantileClassesOptions {
  /** Classes wanted; fewer are made when ties leave thresholds equal. @default 5 */
  classes?: number;
}

/**
 * Classify values into (at most) `classes` quantile classes: thresholds from `quantileBreaks` with
 * `unique: true`, a class index per value and the bounds and counts a legend shows.
 *
 * @param values - one value per feature, in feature order; nulls allowed
 * @param options - see {@link QuantileClassesOptions}
 * @returns a new {@link Classification}; the input is not changed
 * @example
 * const c = quantileClasses([10, 20, null, 30, 40, 50]);
 * c.indices; // Int16Array [0, 1, -1, 2, 3, 4]
 */
export function quantileClasses(values: ReadonlyArray<number | null | undefined>, options: QuantileClassesOptions = {}): Classification {
  const { classes = 5 } = options;
  const usable = finiteValues(values);
  const indices = new Int16Array(values.length).fill(NO_DATA_CLASS);
  if (usable.length === 0) return { breaks: [], bins: [], indices, noData: values.length };

  const breaks = quantileBreaks(usable, { classes, unique: true });
  let min = Infinity;
  let max = -Infinity;
  for (const v of usable) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const bins: ClassBin[] = [];
  for (let i = 0; i <= breaks.length; i++) {
    bins.push({ from: i === 0 ? min : breaks[i - 1], to: i === breaks.length ? max : breaks[i], count: 0 });
  }
  let noData = 0;
  values.forEach((v, i) => {
    const k = classIndex(v, breaks);
    indices[i] = k;
    if (k === NO_DATA_CLASS) noData++;
    else bins[k].count++;
  });
  return { breaks, bins, indices, noData };
}
