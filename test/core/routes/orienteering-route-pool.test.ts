import { describe, expect, it } from 'vitest';
import { OrienteeringState, type OrienteeringProblem } from '../../../src/core/routes/orienteering-state.ts';
import { RoutePool } from '../../../src/core/routes/orienteering-route-pool.ts';
import { seededRandom } from '../../../src/core/random/seeded-random.ts';

// eight points on a line: start 0 and end 7 at x = 0, the others at x = 1..6
const n = 8;
const xs = [0, 1, 2, 3, 4, 5, 6, 0];
const cost = new Float64Array(n * n);
for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cost[i * n + j] = Math.abs(xs[i] - xs[j]);
const problem: OrienteeringProblem = { n, cost, score: [0, 1, 2, 3, 4, 5, 6, 0], start: 0, end: 7, teams: 2, budget: 100 };

/** A solution with the given routes. */
function solution(routes: number[][]): OrienteeringState {
  const s = new OrienteeringState(problem);
  routes.forEach((route, r) => {
    s.routes[r] = route;
    s.refresh(r);
  });
  return s;
}

describe('RoutePool', () => {
  it('recombines disjoint routes of different solutions into a better one', () => {
    const pool = new RoutePool(n, seededRandom(1));
    pool.add(solution([[6, 1], [2]])); // 9
    pool.add(solution([[5, 4], [6, 3]])); // 18
    pool.add(solution([[3, 2, 1], [5]])); // 11
    // [5, 4] + [6, 3] = 18 is the best pair of disjoint routes; [6, 1] + [5, 4] = 16
    expect(pool.recombine(2, 17, 1e6)).toEqual([[5, 4], [6, 3]]);
  });

  it('returns null when nothing beats the bound or nothing was added since the last call', () => {
    const pool = new RoutePool(n, seededRandom(1));
    pool.add(solution([[6], [5]]));
    expect(pool.recombine(2, 11, 1e6)).toBeNull();
    pool.add(solution([[6, 4], [5]]));
    expect(pool.recombine(2, 11, 1e6)).toEqual([[6, 4], [5]]);
    expect(pool.recombine(2, 0, 1e6)).toBeNull();
  });

  it('keeps one route per node set, the shorter order', () => {
    const pool = new RoutePool(n, seededRandom(1));
    pool.add(solution([[6, 1, 2], []])); // length 14
    pool.add(solution([[1, 2, 6], []])); // length 12
    expect(pool.size).toBe(1);
    expect(pool.recombine(1, 0, 1e6)).toEqual([[1, 2, 6]]);
  });
});
