import { classifyValues, type Classification } from '../classify/index.ts';

/** Classification methods a page legend offers (the CLI's --method). */
export type ClassMethod = 'quantile' | 'equal' | 'jenks' | 'manual';

export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'jenks', 'manual'];

/** Options of {@link classifyIndicator}. */
export interface ClassifyIndicatorOptions {
  /** How class bounds are chosen. @default 'quantile' */
  method?: ClassMethod;
  /** Classes wanted (quantile, equal, jenks), 1 … 9; fewer when ties leave bounds equal. @default 5 */
  classes?: number;
  /** Strictly ascending inner thresholds for 'manual' (n thresholds give n + 1 classes). */
  breaks?: readonly number[];
}

/**
 * Classify one indicator for a map page with `classifyValues` from src/core/classify (the same
 * classes as the app), after checking the page's own rules: a known method, and for 'manual' strictly
 * ascending thresholds (a repeated threshold would print an empty class in the legend).
 *
 * @param values - one value per feature; null / NaN = no data
 * @param options - see {@link ClassifyIndicatorOptions}
 * @returns a Classification (breaks, bins with counts, index per value, no-data count)
 * @example
 * classifyIndicator([1, 2, 3, 10], { method: 'manual', breaks: [2, 5] }).bins.map((b) => b.count); // [1, 2, 1]
 */
export function classifyIndicator(values: ReadonlyArray<number | null | undefined>, options: ClassifyIndicatorOptions = {}): Classification {
  const { method = 'quantile', classes = 5, breaks } = options;
  if (!CLASS_METHODS.includes(method)) throw new RangeError(`classifyIndicator: unknown method "${String(method)}"; expected one of ${CLASS_METHODS.join(', ')}.`);
  if (method === 'manual') {
    if (!breaks || breaks.length === 0) throw new RangeError('classifyIndicator: method "manual" needs breaks, e.g. [25, 50, 75].');
    for (let i = 0; i < breaks.length; i++) {
      if (!Number.isFinite(breaks[i]) || (i > 0 && breaks[i] <= breaks[i - 1])) {
        throw new RangeError(`classifyIndicator: expected strictly ascending finite breaks, found ${JSON.stringify(breaks)}.`);
      }
    }
    if (breaks.length > 8) throw new RangeError(`classifyIndicator: expected at most 8 breaks (9 classes, the most a colour scheme has), found ${breaks.length}.`);
    return classifyValues(values, { method: 'manual', breaks });
  }
  if (!Number.isInteger(classes) || classes < 1 || classes > 9) throw new RangeError(`classifyIndicator: expected 1 to 9 classes, found ${classes}.`);
  return classifyValues(values, { method, classes });
}
