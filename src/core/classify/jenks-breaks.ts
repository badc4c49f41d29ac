import { sortedFiniteValues } from './sorted-finite-values.ts';

/** Options of {@link jenksBreaks}. */
export interface JenksBreaksOptions {
  /** Number of classes wanted; fewer are made when there are fewer distinct values. @default 5 */
  classes?: number;
}

/**
 * Natural-breaks (Fisher–Jenks) thresholds: the exact partition of the sorted values into `classes`
 * contiguous classes with the smallest total sum of squared deviations from the class means (the
 * optimum Jenks' iterative method approximates). Solved by Fisher's dynamic programme over the
 * distinct values, weighted by how often each occurs (ties always share a class, because a class
 * boundary must be a threshold), with the divide-and-conquer speed-up that the monotone optimal split
 * allows (as in Ckmeans.1d.dp): O(k · m log m) for m distinct values, so 20,000 blocks take milliseconds.
 *
 * Threshold `i` is the smallest value of class `i + 1`, so `classIndex` puts every value in its class.
 * Nulls and non-finite values are ignored.
 *
 * @param values - indicator values; nulls allowed
 * @param options - see {@link JenksBreaksOptions}
 * @returns min(classes, distinct values) - 1 ascending thresholds
 * @example
 * jenksBreaks([1, 2, 4, 5, 7, 8], { classes: 2 }); // [5]  ({1,2,4} | {5,7,8}: SDCM 9.33, less than 10.5 for the widest gaps)
 */
export function jenksBreaks(values: ArrayLike<number | null | undefined>, options: JenksBreaksOptions = {}): number[] {
  const { classes = 5 } = options;
  if (!Number.isInteger(classes) || classes < 1) {
    throw new RangeError(`jenksBreaks: expected options.classes to be a positive integer, found ${classes}.`);
  }
  const sorted = sortedFiniteValues(values);
  // distinct values with their multiplicity
  const xs: number[] = [];
  const ws: number[] = [];
  for (const v of sorted) {
    if (xs.length && xs[xs.length - 1] === v) ws[ws.length - 1]++;
    else {
      xs.push(v);
      ws.push(1);
    }
  }
  const m = xs.length;
  const k = Math.min(classes, m);
  if (k <= 1) return [];

  // prefix sums (values centred on the median distinct value, for numerical stability)
  const shift = xs[m >> 1];
  const W = new Float64Array(m + 1);
  const S = new Float64Array(m + 1);
  const Q = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) {
    const x = xs[i] - shift;
    W[i + 1] = W[i] + ws[i];
    S[i + 1] = S[i] + ws[i] * x;
    Q[i + 1] = Q[i] + ws[i] * x * x;
  }
  /** Sum of squared deviations of distinct values j..i (inclusive). */
  const ssq = (j: number, i: number): number => {
    const w = W[i + 1] - W[j];
    const s = S[i + 1] - S[j];
    const d = Q[i + 1] - Q[j] - (s * s) / w;
    return d > 0 ? d : 0;
  };

  // cost[c][i]: best cost of values 0..i in c+1 classes; start[c][i]: first index of the last class
  const cost: Float64Array[] = [];
  const start: Int32Array[] = [];
  const first = new Float64Array(m);
  for (let i = 0; i < m; i++) first[i] = ssq(0, i);
  cost.push(first);
  start.push(new Int32Array(m));
  for (let c = 1; c < k; c++) {
    const prev = cost[c - 1];
    const cur = new Float64Array(m).fill(Infinity);
    const arg = new Int32Array(m);
    // row c is defined for i >= c; the optimal start of the last class is monotone in i
    const solve = (lo: number, hi: number, optLo: number, optHi: number): void => {
      if (lo > hi) return;
      const mid = (lo + hi) >> 1;
      let best = Infinity;
      let bestJ = Math.max(optLo, c);
      for (let j = Math.max(optLo, c); j <= Math.min(mid, optHi); j++) {
        const v = prev[j - 1] + ssq(j, mid);
        if (v < best) {
          best = v;
          bestJ = j;
        }
      }
      cur[mid] = best;
      arg[mid] = bestJ;
      solve(lo, mid - 1, optLo, bestJ);
      solve(mid + 1, hi, bestJ, optHi);
    };
    solve(c, m - 1, c, m - 1);
    cost.push(cur);
    start.push(arg);
  }

  const breaks: number[] = [];
  let i = m - 1;
  for (let c = k - 1; c >= 1; c--) {
    const j = start[c][i];
    breaks.push(xs[j]);
    i = j - 1;
  }
  return breaks.reverse();
}
