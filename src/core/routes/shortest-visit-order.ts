/** Most nodes shortestVisitOrder accepts: its table has 2^k · k entries (k = 20: 21 M entries, ≈ 190 MB). */
export const MAX_VISIT_ORDER_NODES = 20;

/** The exact shortest order of a set of visits. */
export interface VisitOrder {
  /** The nodes in their best order (without start and end). */
  order: number[];
  /** Cost of start → order → end. */
  length: number;
}

/**
 * The shortest path from `start` through every node of `nodes` (each once, in any order) to `end`,
 * exactly: Held–Karp dynamic programming over subsets, O(2^k · k²) time for k nodes. Used to show
 * that a set of points cannot form a route within a budget in any order (a local search only finds
 * good orders, not the best one).
 *
 * @param cost - n × n travel costs, row-major (cost[i * n + j])
 * @param n - number of points
 * @param start - first point of the path
 * @param end - last point of the path (may equal start: a round trip)
 * @param nodes - the points to visit, distinct, without start and end; at most MAX_VISIT_ORDER_NODES
 * @returns the best order and its cost (ties: the first order found)
 * @throws RangeError for too many nodes, a node out of range, a repeated node or start/end among the nodes
 * @example
 * shortestVisitOrder(cost, n, 0, n - 1, [12, 4, 30]) // { order: [4, 30, 12], length: 17.2 }
 */
export function shortestVisitOrder(cost: ArrayLike<number>, n: number, start: number, end: number, nodes: readonly number[]): VisitOrder {
  const k = nodes.length;
  if (k > MAX_VISIT_ORDER_NODES) throw new RangeError(`shortestVisitOrder: at most ${MAX_VISIT_ORDER_NODES} nodes, found ${k}`);
  if (cost.length !== n * n) throw new RangeError(`shortestVisitOrder: cost must have n×n = ${n * n} entries, found ${cost.length}`);
  const seen = new Set<number>();
  for (const v of [start, end, ...nodes]) if (!(Number.isInteger(v) && v >= 0 && v < n)) throw new RangeError(`shortestVisitOrder: node ${v} outside 0..${n - 1}`);
  for (const v of nodes) {
    if (seen.has(v) || v === start || v === end) throw new RangeError(`shortestVisitOrder: node ${v} is repeated or is the start or end`);
    seen.add(v);
  }
  if (k === 0) return { order: [], length: cost[start * n + end] };
  const full = (1 << k) - 1;
  // best[mask * k + j]: shortest path from start through the nodes of mask, ending at nodes[j] (j in mask)
  const best = new Float64Array((full + 1) * k).fill(Infinity);
  const from = new Int8Array((full + 1) * k).fill(-1);
  for (let j = 0; j < k; j++) best[(1 << j) * k + j] = cost[start * n + nodes[j]];
  for (let mask = 1; mask <= full; mask++) {
    for (let j = 0; j < k; j++) {
      const here = best[mask * k + j];
      if (!(mask & (1 << j)) || here === Infinity) continue;
      const row = nodes[j] * n;
      for (let t = 0; t < k; t++) {
        if (mask & (1 << t)) continue;
        const at = (mask | (1 << t)) * k + t;
        const via = here + cost[row + nodes[t]];
        if (via < best[at]) {
          best[at] = via;
          from[at] = j;
        }
      }
    }
  }
  let length = Infinity;
  let last = -1;
  for (let j = 0; j < k; j++) {
    const total = best[full * k + j] + cost[nodes[j] * n + end];
    if (total < length) {
      length = total;
      last = j;
    }
  }
  const order: number[] = [];
  for (let mask = full, j = last; j >= 0; ) {
    order.push(nodes[j]);
    const prev = from[mask * k + j];
    mask &= ~(1 << j);
    j = prev;
  }
  return { order: order.reverse(), length };
}
