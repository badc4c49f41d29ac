import type { OrienteeringInstance } from './read-orienteering-instance.ts';
import { BUDGET_EPS } from './orienteering-state.ts';
import { solveTeamOrienteering, type OrienteeringOptions } from './team-orienteering.ts';

/** The benchmark answer (the `wijkatlas orienteering` output contract, without `seconds`). */
export interface OrienteeringAnswer {
  score: number;
  teams: number;
  tmax: number;
  /** Per team, point indices in input order (0-based), from the start index to the end index inclusive; [] when the team cannot travel at all. */
  routes: number[][];
  /** Per team, the Euclidean length of the route (start to end). */
  route_lengths: number[];
  /** Every route within tmax (1e-9 tolerance), no point visited twice, scores summed correctly. */
  feasible: boolean;
  iterations: number;
  stopped_by: string;
}

/**
 * Solves a benchmark instance with exact (unrounded) Euclidean distances, as in the literature, and
 * checks the answer independently of the solver: each route starts at `start`, ends at `end`,
 * has length ≤ tmax, and no point is visited by two routes.
 *
 * @param instance - from readOrienteeringInstance
 * @param options - seed, clock and time budget (see solveTeamOrienteering); the budget counts from
 *   this call, setting up the distances included
 * @returns the answer; routes include the start and end indices (a route is empty, length 0, when
 *   even the direct trip from start to end is longer than tmax: that team cannot travel)
 */
export function solveOrienteeringInstance(instance: OrienteeringInstance, options: OrienteeringOptions = {}): OrienteeringAnswer {
  // the time budget counts from this call: setting up the distances is part of it
  const called = options.now?.();
  const { points, start, end, teams, tmax } = instance;
  const n = points.length;
  const cost = new Float64Array(n * n);
  // symmetric (hypot of the negated differences is the same number): each pair computed once
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) cost[i * n + j] = cost[j * n + i] = Math.hypot(points[i].x - points[j].x, points[i].y - points[j].y);
  }
  const timeBudget = called === undefined || options.timeBudget === undefined ? options.timeBudget : Math.max(0, options.timeBudget - (options.now!() - called));
  const r = solveTeamOrienteering({ n, cost, score: points.map((p) => p.score), start, end, teams, budget: tmax }, { ...options, timeBudget });
  // when even the direct start→end trip exceeds tmax, no team can travel: the routes are empty
  const direct = cost[start * n + end] <= tmax + BUDGET_EPS;
  const routes = r.routes.map((route) => (direct ? [start, ...route, end] : []));
  const lengths = routes.map((route) => {
    let s = 0;
    for (let i = 1; i < route.length; i++) s += cost[route[i - 1] * n + route[i]];
    return s;
  });
  const seen = new Set<number>();
  let feasible = lengths.every((l) => l <= tmax + BUDGET_EPS);
  let score = 0;
  for (const route of routes) {
    if (route.length === 0) continue;
    if (route[0] !== start || route[route.length - 1] !== end) feasible = false;
    for (const v of route.slice(1, -1)) {
      if (seen.has(v) || v === start || v === end) feasible = false;
      seen.add(v);
      score += points[v].score;
    }
  }
  if (score !== r.score) feasible = false;
  return { score, teams, tmax, routes, route_lengths: lengths, feasible, iterations: r.iterations, stopped_by: r.stoppedBy };
}
