import { pointSegmentDistanceSquared } from '../geometry/point-segment-distance.ts';
import type { XY } from '../types.ts';
import { UserError } from '../user-error.ts';
import type { HotspotScores } from './segment-hotspot-scores.ts';
// walking distances between the start and the candidate stops, and the walks themselves
import { stopNetwork, type WalkPiece } from './stop-network.ts';
// the team orienteering solver (ILS/ALNS)
import { solveTeamOrienteering } from './team-orienteering.ts';
import type { WalkingEdge, WalkingGraph } from './walking-graph.ts';
import { shortestPaths } from './shortest-paths.ts';

export interface PatrolOptions {
  /** Number of teams (routes). */
  teams: number;
  /** Shift length in minutes: every team is back at the start within it. */
  shiftMinutes: number;
  /** Minutes spent at each stop. Default 12 (hot-spot research, the "Koper curve": 10–15 min). */
  dwellMinutes?: number;
  /** Walking speed. Default 4.5 km/h. */
  speedKmh?: number;
  /** Candidate stops: the hottest street sections, at most this many. Default 40. */
  maxStops?: number;
  /** Visits per stop and shift (all teams together). Default 2. */
  maxVisits?: number;
  /** Score of the k-th visit of a stop = score × decay^(k−1) (diminishing returns). Default 0.5. */
  revisitDecay?: number;
  /** Minutes between two visits of the same stop (any teams). Default 45. */
  minRevisitMinutes?: number;
  /** Stop points of yesterday's routes (planar): stops within `yesterdayRadius` of them lose `yesterdayPenalty` of their score. */
  yesterday?: readonly XY[];
  /** Share of the score lost by a stop visited yesterday. Default 0.5. */
  yesterdayPenalty?: number;
  /** Metres. Default 30. */
  yesterdayRadius?: number;
  /**
   * Arc scores: walking along a candidate section without stopping counts this share of its score
   * (once per shift, and at least `minRevisitMinutes` away from a stop there). Default 0: only stops
   * count (with 0.1 on the demo atlas the stops cover 82 % instead of 84 % of the score and the walks 98 %).
   */
  walkWeight?: number;
  /** Weight of route balance: objective = score − weight × (best − worst team score). Default 0.2. */
  balanceWeight?: number;
  /** The start may be at most this far from the walking network (metres). Default 150. */
  maxStartDistance?: number;
  /** Seed of the search. Default 1. */
  seed?: number;
  /** Clock for the time limit (e.g. `() => performance.now()`); core never reads the clock. */
  now?: () => number;
  /** Time limit in the unit of `now`. Default Infinity. */
  timeBudget?: number;
  /** Search rounds: the deterministic stopping rule. Default 1500. */
  maxIterations?: number;
}

export interface PatrolStop {
  /** 1-based number along the team's route. */
  number: number;
  edge: number;
  street: string | null;
  point: XY;
  /** Hot-spot score of the street section. */
  hotspotScore: number;
  /** Score counted for this visit (after revisit decay and yesterday's penalty). */
  score: number;
  /** 1 for the first visit of this stop in the shift, 2 for a revisit, … */
  visit: number;
  /** For a revisit: the visit before it (any team), so the sheet can say who was there and when. */
  previous?: { team: number; arriveMinute: number };
  arriveMinute: number;
  leaveMinute: number;
}

export interface PatrolLeg {
  /** Walk from the previous stop (or the start) to this stop (or back to the start). */
  pieces: WalkPiece[];
  metres: number;
  minutes: number;
  departMinute: number;
  arriveMinute: number;
  /** Stop number reached, or 0 for the return to the start. */
  toStop: number;
}

/** A hot section the team walks along without stopping (rewarded with `walkWeight` of its score). */
export interface PatrolPass {
  edge: number;
  street: string | null;
  point: XY;
  /** Minutes after the shift start at which the team passes the middle of the section. */
  minute: number;
  /** Score counted for the pass (walkWeight × hot-spot score, after yesterday's penalty). */
  score: number;
}

export interface PatrolRoute {
  team: number;
  stops: PatrolStop[];
  /** Hot sections walked along between stops that the planner counted (see walkWeight). */
  passes: PatrolPass[];
  legs: PatrolLeg[];
  metres: number;
  walkMinutes: number;
  dwellMinutes: number;
  /** Minutes after the shift start at which the team is back. */
  returnMinute: number;
  score: number;
}

export interface PatrolPlan {
  routes: PatrolRoute[];
  startNode: number;
  startPoint: XY;
  /** Metres from the requested start to the start node. */
  startOffset: number;
  /** Sum of all street sections' hot-spot scores. */
  totalScore: number;
  /** Hot-spot score of the distinct street sections with a stop. */
  stopCovered: number;
  /** Hot-spot score of the distinct street sections walked (with or without a stop). */
  walkCovered: number;
  candidates: number;
  solver: { iterations: number; stoppedBy: string; objective: number };
}

const nearestNode = (graph: WalkingGraph, p: XY) => {
  let best = -1;
  let bestD = Infinity;
  graph.nodes.forEach((q, i) => {
    const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return { node: best, metres: bestD };
};

const distanceToNetwork = (graph: WalkingGraph, p: XY) => {
  let best = Infinity;
  for (const e of graph.edges) {
    for (let i = 1; i < e.coords.length; i++) {
      const [a, b] = [e.coords[i - 1], e.coords[i]];
      best = Math.min(best, pointSegmentDistanceSquared(p[0], p[1], a[0], a[1], b[0], b[1]));
    }
  }
  return Math.sqrt(best);
};

/**
 * Plans patrol routes for `teams` teams of street supervisors: each leaves the start, walks the
 * street network to stops at hot street sections (dwelling `dwellMinutes` at each), and is back
 * within `shiftMinutes`. The total hot-spot score of the stops is maximised — a team orienteering
 * problem on the walking network — with diminishing returns for a revisit (which must come at least
 * `minRevisitMinutes` after the previous visit of that stop), a penalty for yesterday's stops, and
 * a route-balance term.
 *
 * @param graph - walking graph (metres)
 * @param scores - hot-spot scores of its edges (segmentHotspotScores)
 * @param start - planar start point (e.g. the neighbourhood house); snapped to the nearest node
 * @param options - teams, shift, dwell, speed, revisits, yesterday, balance, seed, clock and limits
 * @returns one route per team, with stops, legs and times, and coverage figures
 * @throws UserError for an empty network, zero teams, a start away from the network, a shift too short to reach any stop
 */
export function planPatrolRoutes(graph: WalkingGraph, scores: HotspotScores, start: XY, options: PatrolOptions): PatrolPlan {
  const { teams, shiftMinutes } = options;
  if (!Number.isInteger(teams) || teams < 1) throw new UserError(`expected a whole number of teams ≥ 1, found ${teams}. Give --teams 1 or more.`);
  if (!(shiftMinutes > 0)) throw new UserError(`expected a shift length > 0 minutes, found ${shiftMinutes}. Give --shift-minutes, e.g. 120.`);
  if (graph.edges.length === 0) throw new UserError('the street network is empty: no walkable street lines were found. Check the streets file (LineStrings with a highway class that allows walking).');
  const dwell = options.dwellMinutes ?? 12;
  if (!(dwell >= 0)) throw new UserError(`expected a dwell time ≥ 0 minutes, found ${dwell}.`);
  const perMinute = ((options.speedKmh ?? 4.5) * 1000) / 60;
  const maxStart = options.maxStartDistance ?? 150;
  const offNetwork = distanceToNetwork(graph, start);
  if (offNetwork > maxStart) {
    const removed = graph.report.fragmentsRemoved;
    throw new UserError(
      `the start point is ${Math.round(offNetwork)} m from the nearest street of the connected walking network (limit ${maxStart} m)` +
        (removed ? `; ${removed} street fragment(s) not connected to it were removed` : '') +
        '. Choose a start on a connected street (--start "lon,lat" or --start-street NAME).',
    );
  }
  const { node: startNode, metres: startOffset } = nearestNode(graph, start);
  const budgetMetres = shiftMinutes * perMinute;

  // candidate stops: the hottest sections reachable there and back within the shift
  const tree = shortestPaths(graph, startNode, budgetMetres);
  const toStop = (e: WalkingEdge) => Math.min(tree.dist[e.a], tree.dist[e.b]) + e.length / 2;
  const hot = graph.edges.filter((e) => scores.edgeScores[e.id] > 0);
  const fits = hot
    .filter((e) => (2 * toStop(e)) / perMinute + dwell <= shiftMinutes + 1e-9)
    .sort((p, q) => scores.edgeScores[q.id] - scores.edgeScores[p.id] || p.id - q.id);
  if (fits.length === 0) {
    const nearest = Math.min(...hot.map(toStop));
    throw new UserError(
      hot.length === 0
        ? 'no street section has a hot-spot score: no incidents were assigned to the network (check the incidents file, --weekday and --hours).'
        : Number.isFinite(nearest)
          ? `the shift of ${shiftMinutes} min is too short to leave the start: the nearest hot spot is ${Math.round(nearest)} m away (${Math.round((2 * nearest) / perMinute + dwell)} min there, a ${dwell}-min stop and back). Give a longer --shift-minutes.`
          : `the shift of ${shiftMinutes} min is too short to leave the start: no hot spot lies within ${Math.round(budgetMetres / 2)} m walking (half the shift). Give a longer --shift-minutes.`,
    );
  }
  const candidates = fits.slice(0, options.maxStops ?? 40);
  const net = stopNetwork(graph, startNode, candidates.map((e) => e.id), budgetMetres);

  // solver nodes: 0 = start, then every visit copy of every candidate
  const maxVisits = Math.max(1, options.maxVisits ?? 2);
  const decay = options.revisitDecay ?? 0.5;
  const yesterday = options.yesterday ?? [];
  const yRadius = options.yesterdayRadius ?? 30;
  const yPenalty = options.yesterdayPenalty ?? 0.5;
  const walkWeight = options.walkWeight ?? 0;
  if (!(walkWeight >= 0 && walkWeight <= 1)) throw new UserError(`expected a walk weight from 0 to 1, found ${walkWeight}. Give e.g. --walk-weight 0.25 (0: only stops count).`);
  // visitNo 0 marks a pass: walking through the section's middle without stopping (no dwell)
  const place: number[] = [0];
  const visitNo: number[] = [0];
  const score: number[] = [0];
  const spot: number[] = [-1];
  candidates.forEach((e, i) => {
    const mid = scores.stopPoints[e.id];
    const seenYesterday = yesterday.some((p) => Math.hypot(p[0] - mid[0], p[1] - mid[1]) <= yRadius);
    const base = scores.edgeScores[e.id] * (seenYesterday ? 1 - yPenalty : 1);
    for (let k = 0; k < maxVisits; k++) {
      place.push(i + 1);
      visitNo.push(k + 1);
      score.push(base * decay ** k);
      spot.push(i);
    }
    if (walkWeight > 0) {
      place.push(i + 1);
      visitNo.push(0);
      score.push(base * walkWeight);
      spot.push(i);
    }
  });
  const n = place.length;
  const size = candidates.length + 1;
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cost[i * n + j] = net.metres[place[i] * size + place[j]] / perMinute;
  const result = solveTeamOrienteering(
    {
      n,
      cost,
      score,
      service: place.map((p, v) => (p === 0 || visitNo[v] === 0 ? 0 : dwell)),
      start: 0,
      end: 0,
      teams,
      budget: shiftMinutes,
      spot,
      // the first visit of a stop (full score) comes before the revisit (half): the team scores the
      // balance term sees are the ones reported (passes, rank 0, may come any time)
      rank: visitNo,
      minSpacing: options.minRevisitMinutes ?? 45,
      balanceWeight: options.balanceWeight ?? 0.2,
    },
    { seed: options.seed ?? 1, now: options.now, timeBudget: options.timeBudget, maxIterations: options.maxIterations ?? 1500, maxIdleIterations: 600 },
  );

  const routes: PatrolRoute[] = result.routes.map((nodes, t) => {
    const stops: PatrolStop[] = [];
    const passes: PatrolPass[] = [];
    const legs: PatrolLeg[] = [];
    let clock = 0;
    let prevPlace = 0;
    let metres = 0;
    // a leg runs from a stop (or the start) to the next stop (or back); passes lie inside it
    let open: PatrolLeg | null = null;
    const walkTo = (toPlace: number) => {
      const legMetres = net.metres[prevPlace * size + toPlace];
      const minutes = legMetres / perMinute;
      open ??= { pieces: [], metres: 0, minutes: 0, departMinute: clock, arriveMinute: clock, toStop: 0 };
      open.pieces.push(...net.walk(prevPlace, toPlace));
      open.metres += legMetres;
      open.minutes += minutes;
      open.arriveMinute = clock + minutes;
      clock += minutes;
      metres += legMetres;
      prevPlace = toPlace;
    };
    const closeLeg = (toStop: number) => {
      if (!open) return;
      open.toStop = toStop;
      legs.push(open);
      open = null;
    };
    for (const v of nodes) {
      walkTo(place[v]);
      const e = candidates[place[v] - 1];
      if (visitNo[v] === 0) {
        passes.push({ edge: e.id, street: e.name, point: scores.stopPoints[e.id], minute: clock, score: score[v] });
        continue;
      }
      closeLeg(stops.length + 1);
      stops.push({ number: stops.length + 1, edge: e.id, street: e.name, point: scores.stopPoints[e.id], hotspotScore: scores.edgeScores[e.id], score: score[v], visit: visitNo[v], arriveMinute: clock, leaveMinute: clock + dwell });
      clock += dwell;
    }
    walkTo(0);
    closeLeg(0);
    // score: summed below, after the visits are numbered
    return { team: t + 1, stops, passes, legs, metres, walkMinutes: metres / perMinute, dwellMinutes: dwell * stops.length, returnMinute: clock, score: 0 };
  });
  // visit numbers in time order, the highest score first. The search already keeps the full-score
  // visit first (rank), so this normally changes nothing; it renumbers a lone revisit copy as visit 1
  const visitsByEdge = new Map<number, { s: PatrolStop; team: number }[]>();
  for (const r of routes) for (const s of r.stops) visitsByEdge.set(s.edge, [...(visitsByEdge.get(s.edge) ?? []), { s, team: r.team }]);
  for (const visits of visitsByEdge.values()) {
    const values = visits.map((v) => v.s.score).sort((a, b) => b - a);
    visits.sort((a, b) => a.s.arriveMinute - b.s.arriveMinute).forEach(({ s }, k) => {
      s.visit = k + 1;
      s.score = values[k];
      if (k > 0) s.previous = { team: visits[k - 1].team, arriveMinute: visits[k - 1].s.arriveMinute };
      else delete s.previous;
    });
  }
  for (const r of routes) r.score = r.stops.reduce((sum, x) => sum + x.score, 0) + r.passes.reduce((sum, x) => sum + x.score, 0);
  const stopEdges = new Set(routes.flatMap((r) => r.stops.map((s) => s.edge)));
  const walked = new Set(routes.flatMap((r) => r.legs.flatMap((l) => l.pieces.map((p) => p.edge))));
  const sumOf = (ids: Set<number>) => [...ids].reduce((s, id) => s + scores.edgeScores[id], 0);
  return {
    routes,
    startNode,
    startPoint: graph.nodes[startNode],
    startOffset,
    totalScore: scores.total,
    stopCovered: sumOf(stopEdges),
    walkCovered: sumOf(new Set([...walked, ...stopEdges])),
    candidates: candidates.length,
    solver: { iterations: result.iterations, stoppedBy: result.stoppedBy, objective: result.objective },
  };
}
