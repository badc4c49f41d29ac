import type { XY } from '../types.ts';
import { pathTo, shortestPaths, type ShortestPathTree } from './shortest-paths.ts';
import type { WalkingGraph } from './walking-graph.ts';

/** One piece of a walk: part of a street section, in walking order. */
export interface WalkPiece {
  edge: number;
  name: string | null;
  coords: XY[];
  metres: number;
}

/** Walking distances between the start node and the stop points (midpoints) of candidate edges. */
export interface StopNetwork {
  /** Candidate edge of each stop index. */
  stopEdges: number[];
  /** Metres between places: index 0 = the start node, 1 + i = stop i; row-major (1 + m)². */
  metres: Float64Array;
  /** The walk between two places (0 = start node, 1 + i = stop i), street piece by piece. */
  walk(from: number, to: number): WalkPiece[];
}

const reverse = (c: readonly XY[]) => c.slice().reverse();

/** Splits a polyline at half its length: [a → mid, mid → b]. */
function halves(coords: readonly XY[], length: number): [XY[], XY[]] {
  let left = length / 2;
  for (let i = 1; i < coords.length; i++) {
    const [ax, ay] = coords[i - 1];
    const [bx, by] = coords[i];
    const d = Math.hypot(bx - ax, by - ay);
    if (d >= left && d > 0) {
      const mid: XY = [ax + ((bx - ax) * left) / d, ay + ((by - ay) * left) / d];
      return [[...coords.slice(0, i), mid], [mid, ...coords.slice(i)]];
    }
    left -= d;
  }
  return [coords.slice(), [coords[coords.length - 1]]];
}

/**
 * Shortest walking distances between the start node and the midpoints of the candidate edges
 * (Dijkstra from the start and from both ends of every candidate edge), and the walks themselves.
 * Two stops on the same edge are 0 m apart. A stop is reached from either end of its edge.
 *
 * @param graph - walking graph
 * @param start - start node id
 * @param stopEdges - candidate edge ids
 * @param maxDistance - Dijkstra does not expand beyond this many metres (default Infinity)
 * @returns the distance matrix and a walk() reconstructor
 */
export function stopNetwork(graph: WalkingGraph, start: number, stopEdges: readonly number[], maxDistance = Infinity): StopNetwork {
  const m = stopEdges.length;
  const size = m + 1;
  const trees = new Map<number, ShortestPathTree>();
  const tree = (node: number) => {
    let t = trees.get(node);
    if (!t) {
      t = shortestPaths(graph, node, maxDistance);
      trees.set(node, t);
    }
    return t;
  };
  tree(start);
  for (const e of stopEdges) {
    tree(graph.edges[e].a);
    tree(graph.edges[e].b);
  }
  // place p: its anchor nodes with the metres from the place to each
  const anchors = (p: number): Array<{ node: number; metres: number }> => {
    if (p === 0) return [{ node: start, metres: 0 }];
    const e = graph.edges[stopEdges[p - 1]];
    return [
      { node: e.a, metres: e.length / 2 },
      { node: e.b, metres: e.length / 2 },
    ];
  };
  const best = (p: number, q: number) => {
    let out = { metres: Infinity, from: -1, to: -1 };
    if (p > 0 && q > 0 && stopEdges[p - 1] === stopEdges[q - 1]) return { metres: 0, from: -1, to: -1 };
    for (const a of anchors(p)) {
      const t = tree(a.node);
      for (const b of anchors(q)) {
        const d = a.metres + t.dist[b.node] + b.metres;
        if (d < out.metres) out = { metres: d, from: a.node, to: b.node };
      }
    }
    return out;
  };
  const metres = new Float64Array(size * size);
  for (let p = 0; p < size; p++) {
    for (let q = p + 1; q < size; q++) {
      const d = best(p, q).metres;
      metres[p * size + q] = d;
      metres[q * size + p] = d;
    }
  }
  const walk = (p: number, q: number): WalkPiece[] => {
    const b = best(p, q);
    if (b.from < 0) return [];
    const pieces: WalkPiece[] = [];
    if (p > 0) {
      const e = graph.edges[stopEdges[p - 1]];
      const [toMid, fromMid] = halves(e.coords, e.length);
      pieces.push({ edge: e.id, name: e.name, coords: b.from === e.a ? reverse(toMid) : fromMid, metres: e.length / 2 });
    }
    for (const step of pathTo(graph, tree(b.from), b.to) ?? []) {
      const e = graph.edges[step.edge];
      pieces.push({ edge: e.id, name: e.name, coords: step.forward ? e.coords.slice() : reverse(e.coords), metres: e.length });
    }
    if (q > 0) {
      const e = graph.edges[stopEdges[q - 1]];
      const [toMid, fromMid] = halves(e.coords, e.length);
      pieces.push({ edge: e.id, name: e.name, coords: b.to === e.a ? toMid : reverse(fromMid), metres: e.length / 2 });
    }
    return pieces;
  };
  return { stopEdges: stopEdges.slice(), metres, walk };
}
