import { describe, expect, it } from 'vitest';
import { routeDirections } from '../../../src/core/routes/route-directions.ts';
import { buildWalkingGraph } from '../../../src/core/routes/walking-graph.ts';
import { segmentHotspotScores, type IncidentPoint } from '../../../src/core/routes/segment-hotspot-scores.ts';
import { planPatrolRoutes, type PatrolPlan } from '../../../src/core/routes/patrol-planner.ts';
import { isUserError } from '../../../src/core/user-error.ts';
import { seededRandom } from '../../../src/core/random/seeded-random.ts';
import { gridStreets, street } from './helpers.ts';

// a 7 × 7 grid, 100 m blocks; incidents concentrated on a few sections
const graph = buildWalkingGraph(gridStreets(7, 7));
const rand = seededRandom(3);
const hot: Array<[number, number, number]> = [[50, 300, 12], [300, 450, 9], [550, 100, 7], [250, 0, 5], [600, 550, 4], [100, 150, 3], [400, 250, 2]];
const incidents: IncidentPoint[] = hot.flatMap(([x, y, c]) => Array.from({ length: c }, () => ({ x: x + (rand() - 0.5) * 20, y: y + (rand() - 0.5) * 4 })));
const scores = segmentHotspotScores(graph, incidents);
const start: [number, number] = [300, 300];
const base = { teams: 3, shiftMinutes: 60, maxIterations: 300 };

const userError = (fn: () => unknown, message: RegExp) => {
  try {
    fn();
    expect.unreachable();
  } catch (err) {
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toMatch(/\n/);
  }
};

/** Checks a plan against its own rules: connected legs along graph edges, times, budget, spacing. */
function checkPlan(plan: PatrolPlan, shift: number, dwell = 12, spacing = 45) {
  const visits = new Map<number, number[]>();
  for (const r of plan.routes) {
    expect(r.returnMinute).toBeLessThanOrEqual(shift + 1e-6);
    expect(r.legs).toHaveLength(r.stops.length + 1);
    let prevEnd = plan.startPoint;
    let clock = 0;
    r.legs.forEach((leg, k) => {
      expect(leg.departMinute).toBeCloseTo(clock, 6);
      const coords = leg.pieces.flatMap((p) => p.coords);
      if (coords.length) {
        expect(coords[0][0]).toBeCloseTo(prevEnd[0], 6);
        expect(coords[0][1]).toBeCloseTo(prevEnd[1], 6);
        // consecutive pieces touch: the walk is connected
        for (let i = 1; i < leg.pieces.length; i++) {
          const a = leg.pieces[i - 1].coords.at(-1)!;
          const b = leg.pieces[i].coords[0];
          expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeLessThan(1e-6);
        }
        prevEnd = coords.at(-1)!;
      }
      clock = leg.arriveMinute;
      if (k < r.stops.length) {
        const s = r.stops[k];
        expect(s.arriveMinute).toBeCloseTo(clock, 6);
        expect(Math.hypot(prevEnd[0] - s.point[0], prevEnd[1] - s.point[1])).toBeLessThan(1e-6);
        visits.set(s.edge, [...(visits.get(s.edge) ?? []), s.arriveMinute]);
        clock += dwell;
      }
    });
    expect(Math.hypot(prevEnd[0] - plan.startPoint[0], prevEnd[1] - plan.startPoint[1])).toBeLessThan(1e-6);
  }
  for (const times of visits.values()) {
    times.sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(spacing - 1e-6);
  }
}

describe('planPatrolRoutes', () => {
  it('plans feasible, connected routes that return within the shift and visit the hottest sections', () => {
    const plan = planPatrolRoutes(graph, scores, start, base);
    expect(plan.routes).toHaveLength(3);
    checkPlan(plan, 60);
    const visited = new Set(plan.routes.flatMap((r) => r.stops.map((s) => s.edge)));
    const hottest = [...scores.edgeScores.keys()].sort((a, b) => scores.edgeScores[b] - scores.edgeScores[a]).slice(0, 3);
    for (const e of hottest) expect(visited.has(e)).toBe(true);
    expect(plan.stopCovered / plan.totalScore).toBeGreaterThan(0.6);
  });

  it('walkWeight rewards hot sections walked along between stops (arc scores), on the walk, once, apart from stops', () => {
    const plain = planPatrolRoutes(graph, scores, start, base);
    const plan = planPatrolRoutes(graph, scores, start, { ...base, walkWeight: 0.3 });
    checkPlan(plan, 60);
    expect(plain.routes.every((r) => r.passes.length === 0)).toBe(true);
    const passes = plan.routes.flatMap((r) => r.passes.map((p) => ({ ...p, team: r.team })));
    expect(passes.length).toBeGreaterThan(0);
    expect(new Set(passes.map((p) => p.edge)).size).toBe(passes.length); // once per shift
    for (const r of plan.routes) {
      const walk = r.legs.flatMap((l) => l.pieces.flatMap((p) => p.coords));
      for (const p of r.passes) {
        expect(p.score).toBeCloseTo(0.3 * scores.edgeScores[p.edge], 9);
        // the team walks through the middle of the section
        expect(walk.some((c) => Math.hypot(c[0] - p.point[0], c[1] - p.point[1]) < 1e-6)).toBe(true);
        // a pass is no stop: it lies inside a leg, and stops there are at least 45 min away
        for (const s of plan.routes.flatMap((x) => x.stops).filter((s) => s.edge === p.edge)) expect(Math.abs(s.arriveMinute - p.minute)).toBeGreaterThanOrEqual(45 - 1e-6);
      }
      expect(r.score).toBeCloseTo(r.stops.reduce((a, s) => a + s.score, 0) + r.passes.reduce((a, p) => a + p.score, 0), 9);
      // the route sheet's directions name every pass once, on the street walked then
      expect(routeDirections(r).reduce((a, d) => a + (d.passes ?? 0), 0)).toBe(r.passes.length);
    }
    expect(plan.walkCovered).toBeGreaterThanOrEqual(plain.walkCovered);
    userError(() => planPatrolRoutes(graph, scores, start, { ...base, walkWeight: 1.5 }), /walk weight from 0 to 1, found 1\.5/);
  });

  it('is deterministic for a seed; another seed gives other routes of comparable score', () => {
    const a = planPatrolRoutes(graph, scores, start, { ...base, seed: 1 });
    const b = planPatrolRoutes(graph, scores, start, { ...base, seed: 1 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const routesOf = (p: PatrolPlan) => JSON.stringify(p.routes.map((r) => r.stops.map((s) => s.edge)));
    const others = [2, 3, 4, 5].map((seed) => planPatrolRoutes(graph, scores, start, { ...base, seed }));
    expect(others.some((o) => routesOf(o) !== routesOf(a))).toBe(true);
    const total = (p: PatrolPlan) => p.routes.reduce((s, r) => s + r.score, 0);
    for (const o of others) {
      checkPlan(o, 60);
      expect(total(o)).toBeGreaterThan(0.9 * total(a));
    }
  });

  it("penalises yesterday's stops", () => {
    const today = planPatrolRoutes(graph, scores, start, { ...base, teams: 1, shiftMinutes: 40 });
    const first = today.routes[0].stops.map((s) => s.point);
    const next = planPatrolRoutes(graph, scores, start, { ...base, teams: 1, shiftMinutes: 40, yesterday: first, yesterdayPenalty: 0.9 });
    const again = next.routes[0].stops.filter((s) => first.some((p) => p[0] === s.point[0] && p[1] === s.point[1]));
    expect(again.length).toBeLessThan(first.length);
  });

  it('with revisits off, never stops twice at one place; with revisits, keeps them apart in time', () => {
    const once = planPatrolRoutes(graph, scores, start, { ...base, teams: 2, shiftMinutes: 150, maxVisits: 1 });
    const edges = once.routes.flatMap((r) => r.stops.map((s) => s.edge));
    expect(new Set(edges).size).toBe(edges.length);
    const twice = planPatrolRoutes(graph, scores, start, { ...base, teams: 2, shiftMinutes: 150, minRevisitMinutes: 30 });
    checkPlan(twice, 150, 12, 30);
    expect(twice.routes.flatMap((r) => r.stops).some((s) => s.visit === 2)).toBe(true);
    // each revisit names the visit before it (team and arrival), which the route sheet prints
    const all = twice.routes.flatMap((r) => r.stops.map((s) => ({ s, team: r.team })));
    for (const { s } of all) {
      const earlier = all.filter((o) => o.s.edge === s.edge && o.s.arriveMinute < s.arriveMinute).sort((a, b) => b.s.arriveMinute - a.s.arriveMinute);
      if (s.visit === 1) expect(s.previous).toBeUndefined();
      else expect(s.previous).toEqual({ team: earlier[0].team, arriveMinute: earlier[0].s.arriveMinute });
    }
  });

  it('reports the team scores the search balanced: first visits (full score) come before revisits (half)', () => {
    for (const options of [{ ...base, teams: 2, shiftMinutes: 150, minRevisitMinutes: 30 }, { ...base, teams: 3, shiftMinutes: 120, minRevisitMinutes: 20, walkWeight: 0.2 }]) {
      const plan = planPatrolRoutes(graph, scores, start, options);
      const team = plan.routes.map((r) => r.score);
      // objective = score − 0.2 × (best − worst team): recomputed from the reported team scores
      const objective = team.reduce((a, b) => a + b, 0) - 0.2 * (Math.max(...team) - Math.min(...team));
      expect(objective).toBeCloseTo(plan.solver.objective, 9);
      const byEdge = new Map<number, Array<{ visit: number; at: number; score: number; hot: number }>>();
      for (const s of plan.routes.flatMap((r) => r.stops)) byEdge.set(s.edge, [...(byEdge.get(s.edge) ?? []), { visit: s.visit, at: s.arriveMinute, score: s.score, hot: s.hotspotScore }]);
      expect([...byEdge.values()].some((v) => v.length === 2)).toBe(true);
      for (const visits of byEdge.values()) {
        visits.sort((a, b) => a.at - b.at);
        visits.forEach((v, k) => {
          expect(v.visit).toBe(k + 1);
          expect(v.score).toBeCloseTo(v.hot * 0.5 ** k, 9);
        });
      }
    }
  });

  it('explains the user errors in one line', () => {
    userError(() => planPatrolRoutes(graph, scores, start, { ...base, teams: 0 }), /expected a whole number of teams ≥ 1, found 0/);
    userError(() => planPatrolRoutes(buildWalkingGraph([]), scores, start, base), /street network is empty/);
    userError(() => planPatrolRoutes(graph, scores, [5000, 5000], base), /start point is \d+ m from the nearest street of the connected walking network/);
    userError(() => planPatrolRoutes(graph, scores, start, { ...base, shiftMinutes: 13 }), /too short to leave the start/);
    userError(() => planPatrolRoutes(graph, segmentHotspotScores(graph, []), start, base), /no street section has a hot-spot score/);
  });

  it('reports a start on a removed fragment as disconnected', () => {
    const g = buildWalkingGraph([...gridStreets(7, 7), street('Eiland', [[2000, 0], [2100, 0]])]);
    userError(() => planPatrolRoutes(g, segmentHotspotScores(g, incidents), [2050, 0], base), /1 street fragment\(s\) not connected to it were removed/);
  });
});
