import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { OrienteeringState, type OrienteeringProblem } from '../../../src/core/routes/orienteering-state.ts';
import { perturb } from '../../../src/core/routes/orienteering-perturb.ts';
import { localSearch } from '../../../src/core/routes/orienteering-local-search.ts';
import { seededRandom } from '../../../src/core/random/seeded-random.ts';

// The search's states must look alike to V8: copies share the original's tables and service times
// (no new closure per copy, which kept V8 from treating the call as one target and cost about a tenth
// of the rounds of a cold run), and every state, its route list and its arrays keep one hidden class
// and elements kind (a new kind reaching optimised code throws that code away). docs/routes.md has
// the measurements. %HaveSameMap is V8's own check of hidden classes.
v8.setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

function randomProblem(n: number, seed: number, service?: boolean): OrienteeringProblem {
  const rand = seededRandom(seed);
  const xy = Array.from({ length: n }, () => [rand() * 20, rand() * 20]);
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cost[i * n + j] = Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
  const score = xy.map((_, i) => (i === 0 || i === n - 1 ? 0 : 1 + Math.floor(rand() * 9)));
  return { n, cost, score, start: 0, end: n - 1, teams: 3, budget: 25, service: service ? xy.map(() => 0.5) : undefined };
}

describe('OrienteeringState keeps one object layout', () => {
  it('the map check itself tells different layouts apart', () => {
    expect(sameMap([1, 2], [3, 4])).toBe(true);
    expect(sameMap([1, 2], [1.5, 2])).toBe(false);
    expect(sameMap({ a: 1 }, { b: 1 })).toBe(false);
  });

  it.each([false, true])('a state built from scratch, its copies and copies of searched states share hidden classes (service times: %s)', (service) => {
    const p = randomProblem(40, 7, service);
    const rand = seededRandom(3);
    const empty = new OrienteeringState(p);
    const searched = empty.clone();
    searched.repair(rand, 0.3);
    localSearch(searched, () => false);
    expect(searched.routes.some((r) => r.length > 0)).toBe(true);
    const copy = searched.clone();
    perturb(copy, rand);
    copy.repair(rand, 0.3);
    // as route recombination does: a copy of the empty state given routes from elsewhere
    const rebuilt = empty.clone();
    searched.routes.forEach((route, r) => {
      rebuilt.routes[r] = route.slice();
      rebuilt.refresh(r);
    });
    for (const s of [searched, copy, rebuilt]) {
      expect(sameMap(s, empty)).toBe(true);
      expect(sameMap(s.routes, empty.routes)).toBe(true);
      expect(sameMap(s.len, empty.len)).toBe(true);
      expect(sameMap(s.rscore, empty.rscore)).toBe(true);
      // copies share the closures and tables of the state they come from (one call target)
      expect(s.near).toBe(empty.near);
      expect(s.service).toBe(empty.service);
      expect(s.nearList).toBe(empty.nearList);
    }
    // no closure made per copy: every function-valued field is the empty state's own
    const fields = Object.entries(empty).filter(([, value]) => typeof value === 'function');
    expect(fields.length).toBeGreaterThan(0);
    for (const s of [searched, copy, rebuilt]) for (const [key, value] of fields) expect((s as unknown as Record<string, unknown>)[key], key).toBe(value);
    const routes = [searched, copy, rebuilt].flatMap((s) => s.routes).filter((r) => r.length > 0);
    for (const r of routes) expect(sameMap(r, routes[0])).toBe(true);
    // an empty route of a fresh state has the elements kind of a filled one
    expect(sameMap(empty.routes[0], [...routes[0]])).toBe(true);
  });
});
