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

  it.each([1, 2, 3])('finds the best packing of random pools for %i team(s), as exhaustive search does, also when added in batches', (teams) => {
    // 40 nodes, routes of 1–6 or 1–18 random nodes
    const N = 40;
    const big: OrienteeringProblem = { n: N, cost: new Float64Array(N * N), score: Array.from({ length: N }, (_, i) => (i * 7) % 11), start: 0, end: N - 1, teams, budget: 1000 };
    const rand = seededRandom(7);
    for (let trial = 0; trial < 20; trial++) {
      const pool = new RoutePool(N, seededRandom(trial));
      const all: { nodes: number[]; score: number }[] = [];
      let found = 0;
      for (let batch = 0; batch < 4; batch++) {
        for (let k = 0; k < 15; k++) {
          // odd trials: short routes; even trials: long ones
          const size = 1 + Math.floor(rand() * (trial % 2 ? 6 : 18));
          const nodes = [...new Set(Array.from({ length: size }, () => 1 + Math.floor(rand() * (N - 2))))];
          const s = new OrienteeringState(big);
          s.routes[0] = nodes;
          s.refresh(0);
          pool.add(s);
          all.push({ nodes, score: s.rscore[0] });
        }
        // the best packing so far is the bound, as the solver passes its best solution's score
        const got = pool.recombine(teams, found, 1e9);
        if (got) found = got.flat().reduce((sum, v) => sum + big.score[v], 0);
        // every chosen route is a pool route, at most one per team, and they are disjoint
        if (got) expect(got.length).toBeLessThanOrEqual(teams);
        if (got) expect(new Set(got.flat()).size).toBe(got.flat().length);
      }
      // exhaustive: best sum of at most `teams` pairwise disjoint routes
      let exact = 0;
      const disjoint = (a: number[], b: number[]) => a.every((v) => !b.includes(v));
      for (let i = 0; i < all.length; i++) {
        exact = Math.max(exact, all[i].score);
        for (let j = i + 1; j < all.length && teams >= 2; j++) {
          if (!disjoint(all[i].nodes, all[j].nodes)) continue;
          exact = Math.max(exact, all[i].score + all[j].score);
          for (let k = j + 1; k < all.length && teams >= 3; k++) if (disjoint(all[i].nodes, all[k].nodes) && disjoint(all[j].nodes, all[k].nodes)) exact = Math.max(exact, all[i].score + all[j].score + all[k].score);
        }
      }
      expect(found).toBe(exact);
    }
  });

  it('goes on where a search stopped at its work limit, so no packing is missed', () => {
    const pool = new RoutePool(n, seededRandom(1));
    // routes [6, 5] 11, [4, 3] 7, [6, 4] 10, [1] 1, [5, 3, 2] 10; best pair: [6, 4] + [5, 3, 2] = 20
    pool.add(solution([[6, 5], [4, 3]]));
    pool.add(solution([[6, 4], [1]]));
    pool.add(solution([[5, 3, 2], []]));
    // a work limit of 1: each call completes one route, highest score first: [6, 5] (+ [4, 3] = 18),
    // then [5, 3, 2] (+ [6, 4] = 20); the rest cannot beat 20
    const scores: number[] = [];
    let bound = 0;
    for (let call = 0; call < 4; call++) {
      const got = pool.recombine(2, bound, 1);
      if (got) bound = got.flat().reduce((sum, v) => sum + problem.score[v], 0);
      scores.push(bound);
    }
    expect(scores).toEqual([18, 20, 20, 20]);
    expect(pool.recombine(2, 0, 1e6)).toBeNull();
  });

  it('ends a search when told to stop and completes the routes it left later', () => {
    const pool = new RoutePool(n, seededRandom(1));
    pool.add(solution([[6, 5], [4, 3]]));
    pool.add(solution([[6, 4], [5, 3, 2]]));
    expect(pool.recombine(2, 0, 1e6, () => true)).toBeNull();
    const got = pool.recombine(2, 0, 1e6)!;
    expect(got.flat().reduce((sum, v) => sum + problem.score[v], 0)).toBe(20);
  });

  it('keeps a packing of fewer routes than teams when no further disjoint route exists', () => {
    const pool = new RoutePool(n, seededRandom(1));
    pool.add(solution([[6, 5], [4, 3]])); // 11 + 7
    pool.add(solution([[6, 4], []])); // 10, clashes with both
    // three teams, but only two disjoint routes: [6, 5] + [4, 3] = 18
    expect(pool.recombine(3, 0, 1e6)).toEqual([[6, 5], [4, 3]]);
  });
});
