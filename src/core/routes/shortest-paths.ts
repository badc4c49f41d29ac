import type { WalkingGraph } from './walking-graph.ts';

/** Distances (metres) from one source to every node, with the edge used to reach each node. */
export interface ShortestPathTree {
  source: number;
  dist: Float64Array;
  /** Edge id by which each node is reached (−1 for the source and unreachable nodes). */
  via: Int32Array;
}

/**
 * Dijkstra's shortest paths from `source` over the walking graph (edges walkable both ways), with a
 * binary heap; optionally stops expanding beyond `maxDistance` metres.
 *
 * @param graph - the walking graph
 * @param source - node id
 * @param maxDistance - nodes farther than this stay at Infinity (default Infinity)
 * @returns distances and the tree of edges
 * @example
 * const tree = shortestPaths(graph, startNode);
 * const path = pathTo(graph, tree, targetNode); // node ids from start to target
 */
export function shortestPaths(graph: WalkingGraph, source: number, maxDistance = Infinity): ShortestPathTree {
  const n = graph.nodes.length;
  const dist = new Float64Array(n).fill(Infinity);
  const via = new Int32Array(n).fill(-1);
  const heapNode: number[] = [];
  const heapKey: number[] = [];
  const push = (v: number, k: number) => {
    let i = heapNode.length;
    heapNode.push(v);
    heapKey.push(k);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heapKey[p] <= k) break;
      heapNode[i] = heapNode[p];
      heapKey[i] = heapKey[p];
      i = p;
    }
    heapNode[i] = v;
    heapKey[i] = k;
  };
  const pop = (): number => {
    const top = heapNode[0];
    const lastV = heapNode.pop()!;
    const lastK = heapKey.pop()!;
    const size = heapNode.length;
    if (size > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const c = r < size && heapKey[r] < heapKey[l] ? r : l;
        if (heapKey[c] >= lastK) break;
        heapNode[i] = heapNode[c];
        heapKey[i] = heapKey[c];
        i = c;
      }
      heapNode[i] = lastV;
      heapKey[i] = lastK;
    }
    return top;
  };
  dist[source] = 0;
  push(source, 0);
  const done = new Uint8Array(n);
  while (heapNode.length > 0) {
    const u = pop();
    if (done[u]) continue;
    done[u] = 1;
    for (const eid of graph.adjacency[u]) {
      const e = graph.edges[eid];
      const v = e.a === u ? e.b : e.a;
      const d = dist[u] + e.length;
      if (d < dist[v] && d <= maxDistance) {
        dist[v] = d;
        via[v] = eid;
        push(v, d);
      }
    }
  }
  return { source, dist, via };
}

/**
 * The edges from the tree's source to `target`, in walking order, each with its direction.
 *
 * @returns steps from source to target ([] when target is the source), or null when unreachable
 */
export function pathTo(graph: WalkingGraph, tree: ShortestPathTree, target: number): Array<{ edge: number; forward: boolean }> | null {
  if (!Number.isFinite(tree.dist[target])) return null;
  const steps: Array<{ edge: number; forward: boolean }> = [];
  let v = target;
  while (v !== tree.source) {
    const e = graph.edges[tree.via[v]];
    const forward = e.b === v;
    steps.push({ edge: e.id, forward });
    v = forward ? e.a : e.b;
  }
  return steps.reverse();
}
