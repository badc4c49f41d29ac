import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOrienteeringInstance } from '../../../src/core/routes/read-orienteering-instance.ts';
import { solveOrienteeringInstance } from '../../../src/core/routes/solve-orienteering-instance.ts';
import { solveTeamOrienteering } from '../../../src/core/routes/team-orienteering.ts';
import { exhaustiveTop } from './exhaustive-top.ts';
import { seededRandom } from '../../../src/core/random/seeded-random.ts';

const dir = path.resolve(__dirname, '../../fixtures/routes');
const instances = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const load = (f: string) => readOrienteeringInstance(readFileSync(path.join(dir, f), 'utf8'), f);
const dist = (inst: ReturnType<typeof load>, i: number, j: number) => Math.hypot(inst.points[i].x - inst.points[j].x, inst.points[i].y - inst.points[j].y);

describe('solveOrienteeringInstance on committed small instances (optimum by exhaustive search)', () => {
  it.each(instances)('%s: reaches the exhaustive optimum with feasible routes', (file) => {
    const inst = load(file);
    const direct = dist(inst, inst.start, inst.end) <= inst.tmax;
    const optimum = direct ? exhaustiveTop(inst.points, inst.start, inst.end, inst.teams, inst.tmax) : 0;
    const answer = solveOrienteeringInstance(inst, { seed: 1, maxIterations: 400 });
    expect(answer.score).toBe(optimum);
    expect(answer.feasible).toBe(true);
    expect(answer.routes).toHaveLength(inst.teams);
    // independent check of every route: start/end, length within tmax, no point twice, score
    const seen = new Set<number>();
    let score = 0;
    answer.routes.forEach((route, t) => {
      if (!direct) return expect(route).toEqual([]);
      expect(route[0]).toBe(inst.start);
      expect(route[route.length - 1]).toBe(inst.end);
      let len = 0;
      for (let i = 1; i < route.length; i++) len += dist(inst, route[i - 1], route[i]);
      expect(len).toBeLessThanOrEqual(inst.tmax + 1e-9);
      expect(answer.route_lengths[t]).toBeCloseTo(len, 9);
      for (const v of route.slice(1, -1)) {
        expect(seen.has(v)).toBe(false);
        seen.add(v);
        score += inst.points[v].score;
      }
    });
    expect(score).toBe(answer.score);
  });

  it('counts the time spent setting up the distances against the time budget', () => {
    // a fake clock that advances only while the distances are set up: each read of a coordinate
    // takes 1 ms. The setup alone takes more than the budget, so no search round may run; before,
    // the budget started after the setup, and this clock (still afterwards) never ran out
    const inst = load(instances[0]);
    let t = 0;
    const points = inst.points.map((p) => ({
      get x() {
        t++;
        return p.x;
      },
      y: p.y,
      score: p.score,
    }));
    const answer = solveOrienteeringInstance({ ...inst, points }, { seed: 1, now: () => t, timeBudget: 10, maxIterations: 50, maxIdleIterations: 1e9 });
    expect(t).toBeGreaterThan(10);
    expect(answer.stopped_by).toBe('time');
    expect(answer.iterations).toBe(0);
    expect(answer.feasible).toBe(true);
  });

  it('gives empty routes when even the direct trip is longer than tmax', () => {
    const answer = solveOrienteeringInstance(load('top-start-end-beyond-tmax.txt'), { seed: 1 });
    expect(answer).toMatchObject({ score: 0, routes: [[], []], route_lengths: [0, 0], feasible: true });
  });
});

describe('solveTeamOrienteering', () => {
  const inst = load('top-14-points-3-teams.txt');
  const n = inst.points.length;
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cost[i * n + j] = dist(inst, i, j);
  const problem = { n, cost, score: inst.points.map((p) => p.score), start: 0, end: n - 1, teams: 3, budget: inst.tmax };

  it('is deterministic for a seed when the iteration limit stops it', () => {
    const a = solveTeamOrienteering(problem, { seed: 5, maxIterations: 200 });
    const b = solveTeamOrienteering(problem, { seed: 5, maxIterations: 200 });
    expect(a).toEqual(b);
    expect(a.stoppedBy).not.toBe('time');
  });

  it('honours the time budget of an injected clock', () => {
    let t = 0;
    const now = () => (t += 1); // every reading advances 1 ms
    const r = solveTeamOrienteering(problem, { seed: 1, now, timeBudget: 50, maxIterations: 1e9, maxIdleIterations: 1e9 });
    expect(r.stoppedBy).toBe('time');
    expect(r.iterations).toBeLessThan(50);
    expect(r.routeLengths.every((l) => l <= inst.tmax + 1e-9)).toBe(true);
  });

  it('keeps two visits of one spot at least minSpacing apart', () => {
    // points 1 and 2 are the same place (spot 0); with spacing 6 one route cannot take both back to back
    const pts = [[0, 0], [1, 0], [1, 0], [0, 1], [0, 0]];
    const m = pts.length;
    const c = new Float64Array(m * m);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) c[i * m + j] = Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]);
    const base = { n: m, cost: c, score: [0, 10, 5, 1, 0], service: [0, 1, 1, 1, 0], start: 0, end: 4, teams: 1, budget: 20, spot: [-1, 0, 0, -1, -1] };
    const without = solveTeamOrienteering({ ...base, minSpacing: 0 }, { seed: 1, maxIterations: 50 });
    expect(without.score).toBe(16);
    const spaced = solveTeamOrienteering({ ...base, minSpacing: 6, budget: 5.5 }, { seed: 1, maxIterations: 50 });
    // 0→1 (t=1) … 3 … 2 needs arrival ≥ 7 at the spot: beyond a 5.5 budget, so only one visit fits
    expect(spaced.score).toBe(11);
  });

  it('reaches the exhaustive optimum on random grid instances with few distinct scores (replace moves)', () => {
    // grid points with scores 5/15/25/35 (as in Chao's p5 set), where a better solution often
    // needs one unvisited point in exchange for one or two visited ones
    for (let k = 0; k < 6; k++) {
      const rand = seededRandom(100 + k);
      const pts = [{ x: -0.5, y: 0, score: 0 }];
      while (pts.length < 12) pts.push({ x: 2 * Math.floor(rand() * 5) - 4, y: 2 * Math.floor(rand() * 5) - 4, score: [5, 15, 25, 35][Math.floor(rand() * 4)] });
      pts.push({ x: 0.5, y: 0, score: 0 });
      const inst = { points: pts, start: 0, end: pts.length - 1, teams: 2, tmax: 9 + 3 * k, format: 'chao-top' as const };
      const answer = solveOrienteeringInstance(inst, { seed: 1, maxIterations: 200 });
      expect(answer.feasible).toBe(true);
      expect(answer.score).toBe(exhaustiveTop(pts, 0, pts.length - 1, 2, inst.tmax));
    }
  });

  it('stops as soon as every point that fits alone is visited (the score bound), and only then', () => {
    // 10 points close to the start and end, ample budget for 2 teams: all fit, the bound is reached;
    // one more point too far to visit alone does not count against the bound
    const rand = seededRandom(7);
    const pts = [{ x: 0, y: 0, score: 0 }];
    while (pts.length < 11) pts.push({ x: rand() * 4, y: rand() * 4, score: 1 + Math.floor(rand() * 9) });
    pts.push({ x: 100, y: 100, score: 50 }, { x: 1, y: 0, score: 0 });
    const m = pts.length;
    const c = new Float64Array(m * m);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) c[i * m + j] = Math.hypot(pts[i].x - pts[j].x, pts[i].y - pts[j].y);
    const reachable = pts.slice(1, 11).reduce((sum, p) => sum + p.score, 0);
    const easy = { n: m, cost: c, score: pts.map((p) => p.score), start: 0, end: m - 1, teams: 2, budget: 30 };
    const r = solveTeamOrienteering(easy, { seed: 3, maxIterations: 5000, maxIdleIterations: 1e9 });
    expect(r.stoppedBy).toBe('bound');
    expect(r.score).toBe(reachable);
    expect(r.iterations).toBeLessThan(5);
    // a balance weight makes the objective more than the score: no early stop
    expect(solveTeamOrienteering({ ...easy, balanceWeight: 0.5 }, { seed: 3, maxIterations: 50 }).stoppedBy).toBe('iterations');
    // one team and a budget where every point fits alone but not all together (exhaustive optimum
    // 43 of 46): the search runs all its rounds
    const tight = { ...easy, teams: 1, budget: 10 };
    const t = solveTeamOrienteering(tight, { seed: 3, maxIterations: 300, maxIdleIterations: 1e9 });
    expect(reachable).toBe(46);
    expect(t.score).toBe(exhaustiveTop(pts, 0, m - 1, 1, 10));
    expect(t.score).toBe(43);
    expect(t.stoppedBy).toBe('iterations');
    // nothing within reach: score 0 is optimal at once
    const none = solveTeamOrienteering({ ...easy, budget: 0.5 }, { seed: 3, maxIterations: 50 });
    expect([none.score, none.iterations, none.stoppedBy]).toEqual([0, 0, 'bound']);
  });

  it('rejects malformed problems', () => {
    expect(() => solveTeamOrienteering({ ...problem, teams: 0 })).toThrow(/teams must be a positive integer/);
    expect(() => solveTeamOrienteering({ ...problem, cost: new Float64Array(3) })).toThrow(/n×n/);
  });
});
