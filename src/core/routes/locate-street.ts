import type { XY } from '../types.ts';
import { UserError } from '../user-error.ts';
import type { WalkingGraph } from './walking-graph.ts';

const norm = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

/**
 * A start point on the street called `name` (case and accents ignored): the node of that street
 * nearest to `near` (e.g. the centre of the incidents), so that a name used in two parts of a city
 * (Mechelen has two Hamerstraten) picks the one where the patrol works. Without `near`, the node of
 * the longest stretch of that street nearest to its middle.
 *
 * @param graph - the walking graph
 * @param name - street name
 * @param near - optional planar point to choose between streets of the same name
 * @returns the node, its position, and how many separate places carry the name
 * @throws UserError when no edge has that name (with similar names as a hint)
 */
export function locateStreet(graph: WalkingGraph, name: string, near?: XY): { node: number; point: XY; places: number } {
  const wanted = norm(name);
  const edges = graph.edges.filter((e) => e.name && norm(e.name) === wanted);
  if (edges.length === 0) {
    const similar = [...new Set(graph.edges.map((e) => e.name).filter((n): n is string => !!n && (norm(n).includes(wanted.slice(0, 5)) || wanted.includes(norm(n).slice(0, 5)))))].slice(0, 5);
    throw new UserError(`no street named "${name}" in the walking network${similar.length ? `; similar names: ${similar.join(', ')}` : ''}. Check the spelling in the streets file's "name" field, or give --start "lon,lat".`);
  }
  const nodes = [...new Set(edges.flatMap((e) => [e.a, e.b]))].sort((a, b) => a - b);
  // separate places: nodes of that street more than 500 m apart (single linkage)
  const group = nodes.map((_, i) => i);
  const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i])));
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const [p, q] = [graph.nodes[nodes[i]], graph.nodes[nodes[j]]];
      if (Math.hypot(p[0] - q[0], p[1] - q[1]) < 500) group[find(i)] = find(j);
    }
  }
  const places = new Set(nodes.map((_, i) => find(i))).size;
  let target = near;
  if (!target) {
    const xs = nodes.map((v) => graph.nodes[v][0]);
    const ys = nodes.map((v) => graph.nodes[v][1]);
    target = [xs.reduce((s, x) => s + x, 0) / xs.length, ys.reduce((s, y) => s + y, 0) / ys.length];
  }
  let best = nodes[0];
  let bestD = Infinity;
  for (const v of nodes) {
    const d = Math.hypot(graph.nodes[v][0] - target[0], graph.nodes[v][1] - target[1]);
    if (d < bestD) {
      bestD = d;
      best = v;
    }
  }
  return { node: best, point: graph.nodes[best], places };
}
