import type { OrienteeringState } from './orienteering-state.ts';

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
 * Forces a random unvisited candidate into a random route at its cheapest position, then drops the
 * nodes of that route with the worst score / saved-length ratio until the route fits again.
 */
function forceInsert(s: OrienteeringState, rand: () => number): Set<number> {
  const unvisited = s.candidates.filter((v) => s.where[v] < 0);
  if (unvisited.length === 0) return new Set();
  const v = unvisited[Math.floor(rand() * unvisited.length)];
  const r = Math.floor(rand() * s.routes.length);
  const route = s.routes[r];
  let bestPos = 0;
  let bestDelta = Infinity;
  for (let pos = 0; pos <= route.length; pos++) {
    const a = s.prev(r, pos);
    const b = s.next(r, pos);
    const d = s.cost(a, v) + s.cost(v, b) - s.cost(a, b);
    if (d < bestDelta) {
      bestDelta = d;
      bestPos = pos;
    }
  }
  s.insertAt(r, bestPos, v);
  const removed = new Set<number>();
  while (s.len[r] > s.p.budget && s.routes[r].length > 1) {
    let worst = -1;
    let worstRatio = Infinity;
    for (let pos = 0; pos < s.routes[r].length; pos++) {
      const u = s.routes[r][pos];
      if (u === v) continue;
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
  if (s.len[r] > s.p.budget || !s.spacingOk()) removeNodes(s, [v]);
  return removed;
}

/**
 * Destroy step of the iterated local search: removes part of the solution with one of four
 * operators chosen at random — random nodes, a contiguous segment of one route, a node and its
 * nearest visited neighbours (related removal), or a whole route — so the repair and local search
 * that follow can rebuild it differently.
 *
 * @param s - the solution (changed in place)
 * @param rand - seeded generator in [0, 1)
 */
export function perturb(s: OrienteeringState, rand: () => number): Set<number> {
  const visited: number[] = [];
  for (const r of s.routes) visited.push(...r);
  if (visited.length === 0) return new Set();
  const k = 1 + Math.floor(rand() * Math.max(1, Math.ceil(visited.length * (rand() < 0.8 ? 0.25 : 0.6))));
  const op = rand();
  if (op < 0.25) {
    return forceInsert(s, rand);
  } else if (op < 0.4) {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(k, visited.length)) chosen.add(visited[Math.floor(rand() * visited.length)]);
    return removeNodes(s, chosen);
  } else if (op < 0.65) {
    const nonEmpty = s.routes.map((r, i) => i).filter((i) => s.routes[i].length > 0);
    const r = nonEmpty[Math.floor(rand() * nonEmpty.length)];
    const route = s.routes[r];
    const len = Math.min(route.length, k);
    const from = Math.floor(rand() * (route.length - len + 1));
    return removeNodes(s, route.slice(from, from + len));
  } else if (op < 0.9 || s.routes.length === 1) {
    const seed = visited[Math.floor(rand() * visited.length)];
    const near = visited.slice().sort((a, b) => s.cost(seed, a) - s.cost(seed, b) || a - b);
    return removeNodes(s, near.slice(0, k));
  } else {
    const r = Math.floor(rand() * s.routes.length);
    return removeNodes(s, s.routes[r]);
  }
}
