import { describe, expect, it } from 'vitest';
import { OrienteeringState, type OrienteeringProblem } from '../../../src/core/routes/orienteering-state.ts';
import { perturb } from '../../../src/core/routes/orienteering-perturb.ts';
import { deepen, insertionWithout, localSearch } from '../../../src/core/routes/orienteering-local-search.ts';
import { seededRandom } from '../../../src/core/random/seeded-random.ts';

// The search keeps the best insertion of each unvisited node into each route (and the three cheapest
// insertion edges of replaceUnvisited) for the route's version, shared by all copies of a state, and the
// repair updates its insertions incrementally after each insertion. These tests compare everything with
// a computation from scratch, so a stale cache entry or a wrong incremental update fails them.

function randomProblem(n: number, seed: number, teams: number, budget: number, service = false): OrienteeringProblem {
  const rand = seededRandom(seed);
  // a coarse grid: equal distances happen, so ties between insertion places are exercised too
  const xy = Array.from({ length: n }, () => [Math.floor(rand() * 12), Math.floor(rand() * 12)]);
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cost[i * n + j] = Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
  const score = xy.map((_, i) => (i === 0 || i === n - 1 ? 0 : 1 + Math.floor(rand() * 9)));
  return { n, cost, score, start: 0, end: n - 1, teams, budget, service: service ? xy.map((_, i) => (i % 3) * 0.25) : undefined };
}

/** A state with the same routes as s, built from scratch (its own, empty caches). */
function fresh(s: OrienteeringState): OrienteeringState {
  const t = new OrienteeringState(s.p);
  s.routes.forEach((route, r) => {
    t.routes[r] = route.slice();
    t.refresh(r);
  });
  return t;
}

/** Best feasible insertion by a plain scan (earliest position on ties), or null. */
function scanInsertion(s: OrienteeringState, r: number, v: number): { pos: number; delta: number } | null {
  const room = s.p.budget + 1e-9 - s.len[r] - s.svc(v);
  if (room < 0) return null;
  let best: { pos: number; delta: number } | null = null;
  for (let pos = 0; pos <= s.routes[r].length; pos++) {
    const a = s.prev(r, pos);
    const b = s.next(r, pos);
    const d = s.cost(a, v) + s.cost(v, b) - s.cost(a, b);
    if (d <= room && (!best || d < best.delta)) best = { pos, delta: d };
  }
  return best && { pos: best.pos, delta: best.delta + s.svc(v) };
}

/** The greedy repair without any cache: every step scans every unvisited node and route. */
function referenceRepair(s: OrienteeringState, rand: () => number, noise: number, tabu?: ReadonlySet<number>): void {
  const squared = noise > 0 && rand() < 0.5;
  const pending = s.candidates.filter((v) => s.where[v] < 0 && !tabu?.has(v));
  const factor = pending.map(() => 1 + noise * (2 * rand() - 1));
  for (;;) {
    let best: { i: number; r: number; pos: number } | null = null;
    let bestRatio = -Infinity;
    pending.forEach((v, i) => {
      if (s.where[v] >= 0) return;
      const num = squared ? s.p.score[v] ** 2 : s.p.score[v];
      for (let r = 0; r < s.routes.length; r++) {
        const ins = scanInsertion(s, r, v);
        if (!ins) continue;
        const ratio = (num / (ins.delta + 1e-6)) * factor[i];
        if (ratio > bestRatio) {
          bestRatio = ratio;
          best = { i, r, pos: ins.pos };
        }
      }
    });
    if (!best) return;
    const { i, r, pos } = best as { i: number; r: number; pos: number };
    s.insertAt(r, pos, pending[i]);
  }
}

describe('cached insertions', () => {
  it.each([
    [1, 2, 30, false],
    [2, 3, 20, true],
    [3, 4, 14, false],
  ])('the repair inserts exactly what a repair without caches inserts (seed %i, %i teams, budget %i, service %s)', (seed, teams, budget, service) => {
    const p = randomProblem(45, seed, teams, budget, service);
    const empty = new OrienteeringState(p);
    const rand = seededRandom(seed);
    let s = empty.clone();
    for (let round = 0; round < 60; round++) {
      const removed = perturb(s, rand);
      const a = s.clone();
      const b = fresh(s);
      const noise = round % 3 === 0 ? 0 : 0.3;
      const randSeed = 1000 * seed + round;
      a.repair(seededRandom(randSeed), noise, removed);
      referenceRepair(b, seededRandom(randSeed), noise, removed);
      expect(a.routes).toEqual(b.routes);
      localSearch(a, () => false);
      s = a;
    }
  });

  it('bestInsertionPos answers from the shared cache exactly as a scan would, through edits of copies', () => {
    const p = randomProblem(40, 9, 3, 22);
    const rand = seededRandom(5);
    const empty = new OrienteeringState(p);
    const states = [empty.clone(), empty.clone()];
    let checked = 0;
    let hits = 0;
    for (let step = 0; step < 400; step++) {
      const k = Math.floor(rand() * states.length);
      const s = states[k];
      // edit: perturb and repair, or a copy replaces another state (copies share the cache)
      if (rand() < 0.2) states[1 - k] = s.clone();
      else {
        const removed = perturb(s, rand);
        s.repair(rand, 0.3, removed);
      }
      for (const v of s.candidates) {
        if (s.where[v] >= 0) continue;
        for (let r = 0; r < s.routes.length; r++) {
          if (s.insVer[r * p.n + v] === s.ver[r]) hits++;
          const pos = s.bestInsertionPos(r, v);
          const want = scanInsertion(s, r, v);
          expect(pos).toBe(want ? want.pos : -1);
          if (want) expect(s.insDelta).toBeCloseTo(want.delta, 12);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // the cache is used (else this test would not test it)
    expect(hits).toBeGreaterThan(checked / 10);
  });

  it('local search from copies with a warm shared cache ends where it ends from scratch', () => {
    for (const [seed, teams, budget] of [
      [11, 2, 35],
      [12, 3, 22],
      [13, 4, 15],
    ]) {
      const p = randomProblem(50, seed, teams, budget);
      const rand = seededRandom(seed);
      const empty = new OrienteeringState(p);
      let s = empty.clone();
      s.repair(rand, 0.3);
      for (let round = 0; round < 40; round++) {
        const removed = perturb(s, rand);
        s.repair(rand, 0.3, removed);
        const warm = s.clone();
        const cold = fresh(s);
        localSearch(warm, () => false);
        deepen(warm, () => false);
        localSearch(cold, () => false);
        deepen(cold, () => false);
        expect(warm.routes).toEqual(cold.routes);
        s = warm;
      }
    }
  });

  it.each([false, true])('exchange finds the best insertion without a node from the kept cheapest edges exactly as a full scan does (grid coordinates: %s)', (grid) => {
    let compared = 0;
    let fits = 0;
    for (const seed of [21, 22, 23]) {
      const p = randomProblem(40, seed, 3, 20, seed === 22);
      if (!grid) {
        // exact ties are rare off the grid: jitter the distances symmetrically
        const jitter = seededRandom(seed);
        const cost = p.cost as Float64Array;
        for (let i = 0; i < p.n; i++) for (let j = i + 1; j < p.n; j++) cost[i * p.n + j] = cost[j * p.n + i] = cost[i * p.n + j] + jitter() * 0.3;
      }
      const rand = seededRandom(seed);
      const empty = new OrienteeringState(p);
      const s = empty.clone();
      s.repair(rand, 0.3);
      for (let round = 0; round < 15; round++) {
        const removed = perturb(s, rand);
        s.repair(rand, 0.3, removed);
        localSearch(s, () => false);
        for (let r = 0; r < s.routes.length; r++) {
          for (let skip = 0; skip < s.routes[r].length; skip++) {
            const route = s.routes[r];
            const without = route.filter((_, k) => k !== skip);
            const base = s.lengthOf(without);
            for (const v of s.candidates) {
              if (s.where[v] === r) continue;
              const [pos, len] = insertionWithout(s, r, skip, base, v, false);
              const [keptPos, keptLen] = insertionWithout(s, r, skip, base, v, true);
              expect(keptPos).toBe(pos);
              if (pos >= 0) {
                expect(keptLen).toBeCloseTo(len, 9);
                fits++;
              }
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(5000);
    expect(fits).toBeGreaterThan(compared / 20);
  });
});
