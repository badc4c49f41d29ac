import { seededRandom } from '../random/seeded-random.ts';
// the moves of the local search: 2-opt, insert, swap, cross-route relocate/exchange
import { OrienteeringState, type OrienteeringProblem } from './orienteering-state.ts';
import { deepen, localSearch } from './orienteering-local-search.ts';
// the perturbation: CROSS exchange or a destroy operator (ALNS-style: forced move/insertion, random, segment, related, route)
import { perturb } from './orienteering-perturb.ts';
// set-packing recombination of the routes of the local optima met so far
import { RoutePool } from './orienteering-route-pool.ts';

export type { OrienteeringProblem } from './orienteering-state.ts';

/** Record-to-record acceptance: a trial within this share of the epoch's best becomes the current solution. */
const ACCEPT = 0.02;
/** Share of the budget (iterations or time) after which the search stays around the overall best. */
const INTENSIFY = 0.75;
/** In the intensifying phase, the pool's routes are recombined every this many rounds. */
const RECOMBINE_EVERY = 25;
/** Most routes tried by one set-packing search over the route pool (a deterministic work limit of a few milliseconds; the next search goes on where this one stopped). */
const RECOMBINE_TRIES = 250_000;

/** Options of solveTeamOrienteering. */
export interface OrienteeringOptions {
  /** Seed of the random generator. Default 1. Same seed and same stopping rule -> same routes. */
  seed?: number;
  /** Clock used for the time budget, e.g. `() => performance.now()` (milliseconds). Core never reads the clock itself. Default: none (no time limit). */
  now?: () => number;
  /** Time budget in the unit of `now` (milliseconds for performance.now). Default Infinity. */
  timeBudget?: number;
  /** Maximum number of perturbation rounds (the deterministic stopping rule). Default 200 000. */
  maxIterations?: number;
  /** Stop after this many rounds without a new best. Default 10 000. */
  maxIdleIterations?: number;
  /** Start a new epoch (fresh construction) after this many rounds without improving the epoch's best. Default 50. */
  epochLength?: number;
}

/** A solution of the team orienteering problem. */
export interface OrienteeringResult {
  /** Per team, the visited nodes in order, WITHOUT the start and end nodes. */
  routes: number[][];
  /** Per team: travel cost from start to end plus service times. */
  routeLengths: number[];
  /** Per team: sum of the visited nodes' scores. */
  routeScores: number[];
  /** Sum of the scores of all visited nodes. */
  score: number;
  /** score − balanceWeight × (max − min route score): what was maximised. */
  objective: number;
  /** Perturbation rounds run. */
  iterations: number;
  /**
   * Which rule stopped the search. 'bound': the score reached the sum of the scores of all points that
   * can be visited at all (each alone within the budget), so no solution scores more (without a
   * balance weight only; the routes' lengths are then those of the last local search, not minimised
   * further).
   */
  stoppedBy: 'iterations' | 'idle' | 'time' | 'bound';
}

/**
 * Team orienteering: choose for each of `teams` routes from `start` to `end` a sequence of nodes so
 * that every route's travel cost plus service time stays within `budget`, no node is visited twice,
 * and the sum of visited scores is as large as possible (ties: shorter total length).
 *
 * Iterated local search with ALNS-style destroy/repair: a randomised greedy construction, then
 * rounds of (perturb the current solution: a CROSS exchange of route segments, or a destroy
 * operator — forced move or insertion, random, segment, related or route removal; repair by greedy
 * ratio insertion; local search with 2-opt, or-opt, best insertion, swap/replace with unvisited
 * nodes, and cross-route relocate/exchange/2-opt*), accepting a worse solution within a threshold of
 * the epoch's best. Epochs restart from fresh constructions; at each restart the distinct routes of
 * all local optima met so far are recombined by set packing (without revisit spots and balance
 * weight). Costs must be symmetric (2-opt reverses segments).
 *
 * Stops after `maxIterations` rounds, `maxIdleIterations` rounds without improvement, when
 * `now() − start ≥ timeBudget`, or as soon as every point that fits in a route on its own is visited
 * (the score is then optimal: 'bound'; not with a balance weight), whichever comes first.
 * Deterministic for a seed when the time budget does not bind (the result says which rule stopped it).
 *
 * @param problem - costs, scores, start/end, number of teams, budget (see OrienteeringProblem)
 * @param options - seed, clock, time budget, iteration limits
 * @returns the best solution found
 * @example
 * const r = solveTeamOrienteering({ n, cost, score, start: 0, end: n - 1, teams: 2, budget: 25 },
 *   { seed: 1, now: () => performance.now(), timeBudget: 1500 });
 */
export function solveTeamOrienteering(problem: OrienteeringProblem, options: OrienteeringOptions = {}): OrienteeringResult {
  const { n, start, end, teams, budget } = problem;
  if (!(n >= 1) || problem.cost.length !== n * n) throw new RangeError(`solveTeamOrienteering: cost must have n×n = ${n * n} entries, found ${problem.cost.length}`);
  if (problem.score.length !== n) throw new RangeError(`solveTeamOrienteering: score must have n = ${n} entries, found ${problem.score.length}`);
  if (!(start >= 0 && start < n && end >= 0 && end < n)) throw new RangeError(`solveTeamOrienteering: start ${start} / end ${end} outside 0..${n - 1}`);
  if (!Number.isInteger(teams) || teams < 1) throw new RangeError(`solveTeamOrienteering: teams must be a positive integer, found ${teams}`);
  if (!(budget >= 0)) throw new RangeError(`solveTeamOrienteering: budget must be ≥ 0, found ${budget}`);

  const rand = seededRandom(options.seed ?? 1);
  const now = options.now;
  const t0 = now ? now() : 0;
  const timeBudget = options.timeBudget ?? Infinity;
  const outOfTime = () => (now ? now() - t0 >= timeBudget : false);
  const maxIterations = options.maxIterations ?? 200_000;
  const maxIdle = options.maxIdleIterations ?? 10_000;
  const epochLength = options.epochLength ?? 50;

  // every state is a copy of this empty one: its neighbour tables are computed once, and all states
  // share its closures and object layout (see the OrienteeringState constructor)
  const empty = new OrienteeringState(problem);
  let current = empty.clone();
  // an upper bound on the objective where it is the score: every candidate visited
  const scoreBound = (problem.balanceWeight ?? 0) > 0 && teams > 1 ? Infinity : current.candidates.reduce((sum, v) => sum + problem.score[v], 0);
  const atBound = (s: OrienteeringState) => s.objective() >= scoreBound - 1e-9 * Math.max(1, scoreBound);
  current.repair(rand, 0.3);
  localSearch(current, outOfTime);
  let best = current.clone();
  // route recombination needs routes that stay feasible when combined: no revisit spots, no balance term
  const pool = current.hasSpots || (problem.balanceWeight ?? 0) > 0 ? null : new RoutePool(n, rand);
  pool?.add(current);
  /** A better solution from the pool's routes, after local search, or null. */
  const recombine = (): OrienteeringState | null => {
    const routes = pool?.recombine(teams, best.totalScore(), RECOMBINE_TRIES, outOfTime);
    if (!routes) return null;
    const s = empty.clone();
    routes.forEach((route, r) => {
      s.routes[r] = route;
      s.refresh(r);
    });
    localSearch(s, outOfTime);
    deepen(s, outOfTime);
    pool!.add(s);
    return s.betterThan(best) ? s : null;
  };
  // the search runs in epochs: each starts from a fresh randomised construction and walks around its
  // own best (record-to-record); an epoch ends after `epochLength` rounds without improving on it
  let epochBest = best.clone();
  let epochIdle = 0;
  let intensifying = false;
  let iterations = 0;
  let idle = 0;
  let stoppedBy: OrienteeringResult['stoppedBy'];
  for (;;) {
    // nothing reachable, or every reachable node visited: optimal
    if (atBound(best)) { stoppedBy = 'bound'; break; }
    if (iterations >= maxIterations) { stoppedBy = 'iterations'; break; }
    if (idle >= maxIdle) { stoppedBy = 'idle'; break; }
    if (outOfTime()) { stoppedBy = 'time'; break; }
    iterations++;
    // the last part of the budget intensifies around the overall best (no more restarts)
    const progress = Math.max(iterations / maxIterations, now && Number.isFinite(timeBudget) ? (now() - t0) / timeBudget : 0);
    const intensify = progress >= INTENSIFY;
    if (intensify && !intensifying) {
      intensifying = true;
      current = best.clone();
      epochBest = best.clone();
      epochIdle = 0;
    }
    const restart = !intensify && epochIdle >= epochLength;
    let trial: OrienteeringState;
    // at a restart (and now and then while intensifying) the routes met so far may combine into a
    // better solution: the search goes on from there
    const combined = restart || (intensify && iterations % RECOMBINE_EVERY === 0) ? recombine() : null;
    if (combined) {
      best = combined.clone();
      current = combined;
      epochBest = combined.clone();
      epochIdle = 0;
      idle = 0;
      continue;
    }
    if (restart) {
      trial = empty.clone();
      trial.seedRoutes(rand);
      trial.repair(rand, 0.5);
      epochIdle = 0;
    } else {
      trial = current.clone();
      // nodes just removed may not come back in this repair (the local search may bring them back)
      const removed = perturb(trial, rand);
      trial.fixSpacing();
      trial.repair(rand, 0.3, removed);
    }
    localSearch(trial, outOfTime);
    // promising trials (within the acceptance threshold of the overall best) get the costlier moves
    if (trial.objective() >= best.objective() - ACCEPT * Math.max(1, best.objective())) deepen(trial, outOfTime);
    pool?.add(trial);
    if (restart) {
      epochBest = trial.clone();
      current = trial;
    }
    if (trial.betterThan(best)) {
      best = trial.clone();
      idle = 0;
    } else idle++;
    if (!restart && trial.betterThan(epochBest)) {
      epochBest = trial.clone();
      current = trial;
      epochIdle = 0;
      continue;
    }
    epochIdle++;
    const threshold = ACCEPT * Math.max(1, epochBest.objective());
    if (trial.objective() >= epochBest.objective() - threshold) current = trial;
    else if (rand() < 0.2) current = epochBest.clone();
  }
  return best.toResult(iterations, stoppedBy);
}
