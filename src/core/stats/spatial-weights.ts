import { UserError } from '../user-error.ts';

/**
 * Spatial weights in compressed sparse row (CSR) form: the neighbours of unit i are
 * `neighbors[offsets[i] .. offsets[i + 1])`, sorted by index, with their weights at the same
 * positions in `weights`. Units are numbered 0..n-1 in input order; `ids` names them.
 */
export interface SpatialWeights {
  /** Number of units. */
  n: number;
  /** Unit ids in input order (for reports). */
  ids: string[];
  /** n + 1 row offsets into neighbors/weights. */
  offsets: Int32Array;
  /** Neighbour indices, each row sorted ascending, no self-links unless `selfIncluded`. */
  neighbors: Int32Array;
  /** Weight of each link. */
  weights: Float64Array;
  /**
   * 'B' binary (all 1), 'W' row-standardised (rows sum to 1; islands stay all-zero rows),
   * 'none' weights as given (inverse distance, GWT values).
   */
  style: 'B' | 'W' | 'none';
  /** True when each unit is its own neighbour (Gi*). */
  selfIncluded: boolean;
  /** How the weights were made, e.g. 'queen', 'knn:8', 'gal:columbus.gal'. */
  kind: string;
}

/**
 * Builds CSR weights from per-unit neighbour lists (indices) and optional weights. Duplicate links
 * are an error (a bug in the caller or a broken file), self-links too unless `allowSelf`.
 *
 * @param ids unit ids in input order
 * @param lists neighbour indices of each unit
 * @param options weights per link (same shape as lists; default 1), style, kind
 * @returns CSR weights with rows sorted by neighbour index
 * @example
 * weightsFromLists(['a', 'b'], [[1], [0]], { kind: 'hand' }).neighbors; // Int32Array [1, 0]
 */
export function weightsFromLists(
  ids: readonly string[],
  lists: readonly (readonly number[])[],
  options: { values?: readonly (readonly number[])[]; style?: SpatialWeights['style']; kind?: string; allowSelf?: boolean } = {},
): SpatialWeights {
  const n = ids.length;
  if (lists.length !== n) throw new Error(`weightsFromLists: ${lists.length} neighbour lists for ${n} units`);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + lists[i].length;
  const neighbors = new Int32Array(offsets[n]);
  const weights = new Float64Array(offsets[n]);
  let selfIncluded = false;
  for (let i = 0; i < n; i++) {
    const order = lists[i].map((j, k) => [j, options.values ? options.values[i][k] : 1] as const).sort((a, b) => a[0] - b[0]);
    let at = offsets[i];
    for (let k = 0; k < order.length; k++) {
      const [j, w] = order[k];
      if (!Number.isInteger(j) || j < 0 || j >= n) throw new Error(`weightsFromLists: unit ${ids[i]} has neighbour index ${j}, outside 0..${n - 1}`);
      if (k > 0 && order[k - 1][0] === j) throw new UserError(`spatial weights: unit "${ids[i]}" lists neighbour "${ids[j]}" twice; expected each link once. Fix the weights file.`);
      if (j === i) {
        if (!options.allowSelf) throw new UserError(`spatial weights: unit "${ids[i]}" lists itself as a neighbour; expected no self-links. Remove it from the weights file.`);
        selfIncluded = true;
      }
      if (!Number.isFinite(w)) throw new UserError(`spatial weights: link "${ids[i]}" -> "${ids[j]}" has weight ${w}; expected a finite number. Fix the weights file.`);
      neighbors[at] = j;
      weights[at++] = w;
    }
  }
  return { n, ids: [...ids], offsets, neighbors, weights, style: options.style ?? 'B', selfIncluded, kind: options.kind ?? 'lists' };
}

/** Number of neighbours of unit i. */
export function cardinality(w: SpatialWeights, i: number): number {
  return w.offsets[i + 1] - w.offsets[i];
}
