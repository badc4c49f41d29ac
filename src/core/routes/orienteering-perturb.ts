import type { OrienteeringState } from './orienteering-state.ts';
import { orOpt, twoOpt } from './orienteering-local-search.ts';

/** Removes the given nodes from their routes. */
function removeNodes(s: OrienteeringState, nodes: Iterable<number>): Set<number> {
  const drop = new Set(nodes);
  for (let r = 0; r < s.routes.length; r++) {
    if (!s.routes[r].some((v) => drop.has(v))) continue;
    for (const v of s.routes[r]) if (drop.has(v)) s.where[v] = -1;
    s.routes[r] = s.routes[r].filter((v) => !drop.has(v));
    s.refresh(r);
  }
  return drop;
}

/**
 * Forces a random unvisited candidate (or, given `visited`, a random visited node out of its route)
 * into a random other route at its cheapest position, reorders that route (2-opt, or-opt) when it
 * overshoots the budget, then drops its nodes with the worst score / saved-length ratio until it
 * fits again.
 */
function forceInsert(s: OrienteeringState, rand: () => number, visited: readonly number[] | null): Set<number> {
  const pickFrom = visited ?? s.candidates.filter((v) => s.where[v] < 0);
  if (pickFrom.length === 0) return new Set();
  const v = pickFrom[Math.floor(rand() * pickFrom.length)];
  let r = Math.floor(rand() * s.routes.length);
  if (visited) {
    // move v from its route to another one
    const from = s.where[v];
    if (s.routes.length < 2) return new Set();
    if (r === from) r = (r + 1 + Math.floor(rand() * (s.routes.length - 1))) % s.routes.length;
    s.removeAt(from, s.routes[from].indexOf(v));
  }
  s.insertAt(r, s.cheapestInsertionPos(r, v), v);
  // the route reordered with v may fit without dropping anything
  if (s.len[r] > s.p.budget) {
    twoOpt(s, r);
    while (orOpt(s, r) && twoOpt(s, r));
  }
  const removed = new Set<number>();
  trim(s, r, removed, v);
  if (s.len[r] > s.p.budget || !s.spacingOk()) removeNodes(s, [v]);
  return removed;
}

/**
 * Drops the nodes of route r with the worst score / saved-length ratio until it fits the budget;
 * `keep` (a node just forced in) is never dropped.
 */
function trim(s: OrienteeringState, r: number, removed: Set<number>, keep = -1): void {
  while (s.len[r] > s.p.budget && s.routes[r].length > (keep >= 0 ? 1 : 0)) {
    let worst = -1;
    let worstRatio = Infinity;
    for (let pos = 0; pos < s.routes[r].length; pos++) {
      const u = s.routes[r][pos];
      if (u === keep) continue;
      const a = s.prev(r, pos);
      const b = s.next(r, pos + 1);
      const saved = s.cost(a, u) + s.cost(u, b) - s.cost(a, b) + s.svc(u);
      const ratio = s.p.score[u] / (saved + 1e-6);
      if (ratio < worstRatio) {
        worstRatio = ratio;
        worst = pos;
      }
    }
    removed.add(s.removeAt(r, worst));
  }
}

/**
 * Swaps a segment of one to three nodes of a random route with the segment of another route that
 * starts nearest to it, reorders both routes (2-opt, or-opt), and trims them back within the budget
 * (CROSS exchange; without revisit spots only).
 */
function crossSwap(s: OrienteeringState, rand: () => number): Set<number> {
  const removed = new Set<number>();
  const K = s.routes.length;
  if (K < 2 || s.hasSpots) return removed;
  const a = Math.floor(rand() * K);
  let b = Math.floor(rand() * (K - 1));
  if (b >= a) b++;
  const A = s.routes[a];
  const B = s.routes[b];
  if (A.length === 0 || B.length === 0) return removed;
  const la = Math.min(A.length, 1 + Math.floor(rand() * 3));
  const i = Math.floor(rand() * (A.length - la + 1));
  let j = 0;
  for (let k = 1; k < B.length; k++) if (s.cost(A[i], B[k]) < s.cost(A[i], B[j])) j = k;
  const lb = Math.min(B.length - j, 1 + Math.floor(rand() * 3));
  const segA = A.slice(i, i + la);
  const segB = B.slice(j, j + lb);
  s.routes[a] = A.slice(0, i).concat(segB, A.slice(i + la));
  s.routes[b] = B.slice(0, j).concat(segA, B.slice(j + lb));
  for (const r of [a, b]) {
    s.refresh(r);
    twoOpt(s, r);
    while (orOpt(s, r) && twoOpt(s, r));
    trim(s, r, removed);
  }
  return removed;
}

/** Chance of a CROSS exchange (crossSwap) instead of a destroy operator (without revisit spots). */
const CROSS = 0.15;

/**
 * Relative weights of the destroy operators: move a visited node to another route, force an
 * unvisited node in, random removal, segment removal, related removal, route removal.
 */
const WEIGHTS = [0.35, 0.25, 0.15, 0.25, 0.25, 0.1];
const TOTAL_WEIGHT = WEIGHTS.reduce((a, b) => a + b, 0);

/**
 * Perturbation step of the iterated local search: with chance CROSS a CROSS exchange of two route
 * segments (crossSwap), otherwise one of six destroy operators chosen at random — force a visited
 * node into another route or an unvisited node into a route (dropping the worst nodes until it
 * fits), random nodes, a contiguous segment of one route, a node and its nearest visited neighbours
 * (related removal), or a whole route — so the repair and local search that follow can rebuild it
 * differently.
 *
 * @param s - the solution (changed in place)
 * @param rand - seeded generator in [0, 1)
 * @returns the nodes removed (the repair that follows leaves them out)
 */
export function perturb(s: OrienteeringState, rand: () => number): Set<number> {
  const visited: number[] = [];
  for (const r of s.routes) visited.push(...r);
  if (visited.length === 0) return new Set();
  const k = 1 + Math.floor(rand() * Math.max(1, Math.ceil(visited.length * (rand() < 0.8 ? 0.25 : 0.6))));
  if (s.routes.length >= 2 && !s.hasSpots && rand() < CROSS) return crossSwap(s, rand);
  let op = 0;
  for (let x = rand() * TOTAL_WEIGHT; op < WEIGHTS.length - 1 && x >= WEIGHTS[op]; op++) x -= WEIGHTS[op];
  if (op === 0 && s.routes.length >= 2) {
    return forceInsert(s, rand, visited);
  } else if (op <= 1) {
    return forceInsert(s, rand, null);
  } else if (op === 2) {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(k, visited.length)) chosen.add(visited[Math.floor(rand() * visited.length)]);
    return removeNodes(s, chosen);
  } else if (op === 3) {
    const nonEmpty: number[] = [];
    for (let i = 0; i < s.routes.length; i++) if (s.routes[i].length > 0) nonEmpty.push(i);
    const r = nonEmpty[Math.floor(rand() * nonEmpty.length)];
    const route = s.routes[r];
    const len = Math.min(route.length, k);
    const from = Math.floor(rand() * (route.length - len + 1));
    return removeNodes(s, route.slice(from, from + len));
  } else if (op === 4 || s.routes.length === 1) {
    const seed = visited[Math.floor(rand() * visited.length)];
    const near = visited.slice().sort((a, b) => s.cost(seed, a) - s.cost(seed, b) || a - b);
    return removeNodes(s, near.slice(0, k));
  } else {
    const r = Math.floor(rand() * s.routes.length);
    return removeNodes(s, s.routes[r]);
  }
}
