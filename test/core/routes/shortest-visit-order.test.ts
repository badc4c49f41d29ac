import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/random/seeded-random.ts';
import { MAX_VISIT_ORDER_NODES, shortestVisitOrder } from '../../../src/core/routes/shortest-visit-order.ts';

/** n random points in a 50 × 50 square (seeded), Euclidean costs. */
function randomCosts(n: number, seed: number): Float64Array {
  const rand = seededRandom(seed);
  const pts = Array.from({ length: n }, () => [rand() * 50, rand() * 50]);
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cost[i * n + j] = Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]);
  return cost;
}

const pathLength = (cost: Float64Array, n: number, seq: number[]) => seq.slice(1).reduce((s, v, i) => s + cost[seq[i] * n + v], 0);

/** All orders of xs. */
function permutations(xs: number[]): number[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('shortestVisitOrder (Held–Karp)', () => {
  it('finds the shortest of all orders (checked against every permutation)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const n = 10;
      const cost = randomCosts(n, seed);
      const k = 1 + (seed % 7);
      const nodes = Array.from({ length: k }, (_, i) => i + 1);
      const end = seed % 3 === 0 ? 0 : n - 1;
      const brute = Math.min(...permutations(nodes).map((p) => pathLength(cost, n, [0, ...p, end])));
      const r = shortestVisitOrder(cost, n, 0, end, nodes);
      expect(r.length).toBeCloseTo(brute, 10);
      expect([...r.order].sort((a, b) => a - b)).toEqual(nodes);
      expect(pathLength(cost, n, [0, ...r.order, end])).toBeCloseTo(r.length, 10);
    }
  });

  it('beats or equals a given order, and handles no nodes and one node', () => {
    const n = 30;
    const cost = randomCosts(n, 99);
    const nodes = [5, 17, 3, 22, 9, 14, 27, 11, 2, 20, 8, 25];
    const given = pathLength(cost, n, [0, ...nodes, n - 1]);
    expect(shortestVisitOrder(cost, n, 0, n - 1, nodes).length).toBeLessThan(given);
    expect(shortestVisitOrder(cost, n, 0, n - 1, [])).toEqual({ order: [], length: cost[n - 1] });
    expect(shortestVisitOrder(cost, n, 0, n - 1, [7])).toEqual({ order: [7], length: cost[7] + cost[7 * n + n - 1] });
  });

  it('rejects too many nodes, unknown, repeated or terminal nodes', () => {
    const n = 25;
    const cost = randomCosts(n, 3);
    const many = Array.from({ length: MAX_VISIT_ORDER_NODES + 1 }, (_, i) => i + 1);
    expect(() => shortestVisitOrder(cost, n, 0, n - 1, many)).toThrow(/at most 20 nodes, found 21/);
    expect(() => shortestVisitOrder(cost, n, 0, n - 1, [3, 40])).toThrow(/node 40 outside 0..24/);
    expect(() => shortestVisitOrder(cost, n, 0, n - 1, [3, 3])).toThrow(/node 3 is repeated/);
    expect(() => shortestVisitOrder(cost, n, 0, n - 1, [3, 24])).toThrow(/node 24 is repeated or is the start or end/);
    expect(() => shortestVisitOrder(cost.subarray(1), n, 0, n - 1, [3])).toThrow(/n×n = 625 entries, found 624/);
  });
});
