import { boxBreaks } from './box-breaks.ts';
import { classIndex, NO_DATA_CLASS } from './class-index.ts';
import { equalIntervalBreaks } from './equal-interval-breaks.ts';
import { sortedFiniteValues } from './sorted-finite-values.ts';
import { jenksBreaks } from './jenks-breaks.ts';
import type { ClassBin, Classification } from './quantile-classes.ts';
import { quantileBreaks } from './quantile-breaks.ts';
import { stdDevBreaks } from './std-dev-breaks.ts';

/** How class thresholds are found. `manual` takes them from `options.breaks`. */
export type ClassificationMethod = 'quantile' | 'equal' | 'jenks' | 'stddev' | 'box' | 'manual';

export const CLASSIFICATION_METHODS: readonly ClassificationMethod[] = ['quantile', 'equal', 'jenks', 'stddev', 'box', 'manual'];

/** Fewest and most classes offered (ColorBrewer's range). */
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 9;

/** Options of {@link classifyValues}. */
export interface ClassifyValuesOptions {
  /** @default 'quantile' */
  method?: ClassificationMethod;
  /** Classes wanted (3 … 9); ignored by `box` (always 6) and by `manual`/locked breaks. @default 5 */
  classes?: number;
  /**
   * Fixed ascending thresholds: required for `manual`, and for any other method the "locked" breaks
   * of an earlier classification, so that a value keeps its colour when the data or filters change.
   */
  breaks?: readonly number[];
}

/** A {@link Classification} that also says how it was made. */
export interface MethodClassification extends Classification {
  method: ClassificationMethod;
}

/** Number of distinct values of an ascending array. */
function distinctCount(sorted: Float64Array): number {
  let n = sorted.length ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) n++;
  return n;
}

/** Thresholds strictly inside (min, max], without repeats: ties and flat data never make empty zero-width classes. */
function innerUnique(breaks: number[], min: number): number[] {
  return breaks.filter((b, i) => b > min && (i === 0 || b !== breaks[i - 1]));
}

function checkBreaks(breaks: readonly number[]): number[] {
  const out = [...breaks];
  out.forEach((b, i) => {
    if (!Number.isFinite(b)) throw new RangeError(`classifyValues: expected finite breaks, found ${b} at position ${i + 1}.`);
    if (i > 0 && b < out[i - 1]) throw new RangeError(`classifyValues: expected ascending breaks, found ${out[i - 1]} before ${b}.`);
  });
  return out;
}

/**
 * Classify indicator values for a choropleth: thresholds by the chosen method (or fixed ones), a class
 * index per value (-1 for null, NaN, ±Infinity: "no data / suppressed"), and per class its bounds and
 * count for the legend.
 *
 * - `quantile`, `jenks`: up to `classes` classes, never more than there are distinct values; fewer
 *   when ties leave nothing to separate (all values equal → one class).
 * - `equal`: `classes` classes of the same width (some may be empty); one class when all values are equal.
 * - `stddev`: `classes` classes of one standard deviation around the mean; the outer ones may be empty.
 * - `box`: six classes (lower outliers, four quartiles, upper outliers); a value equal to the upper
 *   fence is not an outlier.
 * - `manual` or `breaks` given: exactly `breaks.length + 1` classes, counted as they fall.
 *
 * The first class starts at min(data minimum, first threshold) and the last ends at max(data maximum,
 * last threshold), so locked breaks keep showing their full range.
 *
 * @param values - one value per feature, in feature order; nulls allowed
 * @param options - see {@link ClassifyValuesOptions}
 * @returns a new {@link MethodClassification}; the input is not changed
 * @example
 * classifyValues([1, 2, 4, 5, 7, 8, null], { method: 'jenks', classes: 2 }).indices; // Int16Array [0, 0, 0, 1, 1, 1, -1]
 */
export function classifyValues(values: ReadonlyArray<number | null | undefined>, options: ClassifyValuesOptions = {}): MethodClassification {
  const { method = 'quantile', classes = 5, breaks: fixed } = options;
  if (!Number.isInteger(classes) || classes < 1 || classes > MAX_CLASSES) {
    throw new RangeError(`classifyValues: expected options.classes to be an integer from 1 to ${MAX_CLASSES}, found ${classes}.`);
  }
  if (method === 'manual' && !fixed) throw new RangeError('classifyValues: method "manual" needs options.breaks (ascending thresholds).');

  // sorted once; the breaks functions re-sort it, which is cheap for sorted input
  const usable = sortedFiniteValues(values);
  const indices = new Int16Array(values.length).fill(NO_DATA_CLASS);
  const min = usable.length ? usable[0] : Infinity;
  const max = usable.length ? usable[usable.length - 1] : -Infinity;

  let breaks: number[];
  if (fixed) breaks = checkBreaks(fixed);
  else if (usable.length === 0) return { method, breaks: [], bins: [], indices, noData: values.length };
  else if (method === 'box') breaks = boxBreaks(usable);
  else if (method === 'stddev') breaks = stdDevBreaks(usable, { classes });
  else if (method === 'equal') breaks = innerUnique(equalIntervalBreaks(usable, { classes }), min);
  else if (method === 'jenks') breaks = jenksBreaks(usable, { classes });
  // quantiles of fewer distinct values than classes would make empty classes between them
  else breaks = quantileBreaks(usable, { classes: Math.min(classes, distinctCount(usable)), unique: true });

  if (method === 'box' && breaks.length !== 5) {
    if (breaks.length !== 0) throw new RangeError(`classifyValues: a box map needs 5 breaks (fences and quartiles), found ${breaks.length}.`);
  }
  const upperFence = method === 'box' && breaks.length === 5 ? breaks[4] : NaN;

  const bins: ClassBin[] = [];
  const last = breaks.length;
  for (let i = 0; i <= last; i++) {
    const from = i === 0 ? Math.min(min, last ? breaks[0] : min) : breaks[i - 1];
    const to = i === last ? Math.max(max, last ? breaks[last - 1] : max) : breaks[i];
    bins.push({ from, to, count: 0 });
  }
  if (usable.length === 0) {
    // locked breaks without data: the bounds are the breaks themselves
    bins[0].from = breaks[0];
    bins[last].to = breaks[last - 1];
  }
  let noData = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let k = classIndex(v, breaks);
    if (k === 5 && v === upperFence) k = 4;
    indices[i] = k;
    if (k === NO_DATA_CLASS) noData++;
    else bins[k].count++;
  }
  return { method, breaks, bins, indices, noData };
}
