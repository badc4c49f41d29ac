import type { XY } from '../types.ts';
import type { WalkingEdge, WalkingGraph, WalkingGraphReport } from './walking-graph.ts';

/** A straight noded segment between two grid nodes. */
export interface Segment {
  a: number;
  b: number;
  name: string | null;
  highway: string | null;
}

const dist = (p: XY, q: XY) => Math.hypot(q[0] - p[0], q[1] - p[1]);

/**
 * Second half of buildWalkingGraph: keeps the largest connected piece of the segment graph (by
 * length; the others are reported as removed fragments), then joins chains of segments through
 * nodes of degree 2 with the same street name into one edge. Junctions and dead ends stay nodes.
 *
 * @param points - grid nodes of the segments
 * @param segments - noded straight segments
 * @param base - report fields gathered before (linesIn, skipped, snappedEnds, snapTolerance)
 * @returns the walking graph
 */
export function chainSegments(
  points: readonly XY[],
  segments: readonly Segment[],
  base: Pick<WalkingGraphReport, 'linesIn' | 'skipped' | 'snappedEnds' | 'snapTolerance'>,
): WalkingGraph {
  // connected pieces (union-find)
  const parent = points.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const s of segments) parent[find(s.a)] = find(s.b);
  const pieceLength = new Map<number, number>();
  for (const s of segments) {
    const r = find(s.a);
    pieceLength.set(r, (pieceLength.get(r) ?? 0) + dist(points[s.a], points[s.b]));
  }
  let keep = -1;
  let keepLength = -1;
  for (const [r, len] of pieceLength) {
    if (len > keepLength || (len === keepLength && r < keep)) {
      keep = r;
      keepLength = len;
    }
  }
  const removedPieces = new Map<number, { metres: number; edges: number; x: number; y: number; name: string | null }>();
  const kept: Segment[] = [];
  for (const s of segments) {
    const r = find(s.a);
    if (r === keep) {
      kept.push(s);
      continue;
    }
    const piece = removedPieces.get(r) ?? { metres: 0, edges: 0, x: points[s.a][0], y: points[s.a][1], name: s.name };
    piece.metres += dist(points[s.a], points[s.b]);
    piece.edges++;
    piece.name ??= s.name;
    removedPieces.set(r, piece);
  }

  // chains through degree-2 nodes with equal names
  const incident: number[][] = points.map(() => []);
  kept.forEach((s, i) => {
    incident[s.a].push(i);
    incident[s.b].push(i);
  });
  const isJoint = (v: number) => {
    const inc = incident[v];
    return inc.length === 2 && kept[inc[0]].name === kept[inc[1]].name;
  };
  const used = new Uint8Array(kept.length);
  const nodeIndex = new Map<number, number>();
  const nodes: XY[] = [];
  const nodeOf = (v: number) => {
    let id = nodeIndex.get(v);
    if (id === undefined) {
      id = nodes.length;
      nodeIndex.set(v, id);
      nodes.push(points[v]);
    }
    return id;
  };
  const edges: WalkingEdge[] = [];
  const walk = (from: number, first: number) => {
    const path = [from];
    let seg = first;
    let at = from;
    for (;;) {
      used[seg] = 1;
      const s = kept[seg];
      at = s.a === at ? s.b : s.a;
      path.push(at);
      if (!isJoint(at) || at === from) break;
      const nextSeg = incident[at][0] === seg ? incident[at][1] : incident[at][0];
      if (used[nextSeg]) break;
      seg = nextSeg;
    }
    const coords = path.map((v) => points[v]);
    let length = 0;
    for (let i = 1; i < coords.length; i++) length += dist(coords[i - 1], coords[i]);
    const s = kept[first];
    edges.push({ id: edges.length, a: nodeOf(from), b: nodeOf(at), coords, length, name: s.name, highway: s.highway });
  };
  // start at junctions and dead ends in node order (deterministic), then pure loops
  const order = [...new Set(kept.flatMap((s) => [s.a, s.b]))].sort((u, v) => points[u][0] - points[v][0] || points[u][1] - points[v][1]);
  for (const v of order) if (!isJoint(v)) for (const seg of incident[v]) if (!used[seg]) walk(v, seg);
  for (const v of order) for (const seg of incident[v]) if (!used[seg]) walk(v, seg);

  const adjacency: number[][] = nodes.map(() => []);
  for (const e of edges) {
    adjacency[e.a].push(e.id);
    if (e.b !== e.a) adjacency[e.b].push(e.id);
  }
  const removed = [...removedPieces.values()].sort((p, q) => q.metres - p.metres);
  const report: WalkingGraphReport = {
    ...base,
    fragmentsRemoved: removed.length,
    fragmentEdgesRemoved: removed.reduce((s, p) => s + p.edges, 0),
    fragmentMetresRemoved: removed.reduce((s, p) => s + p.metres, 0),
    fragmentSamples: removed.slice(0, 5).map((p) => ({ x: p.x, y: p.y, metres: p.metres, name: p.name })),
    nodes: nodes.length,
    edges: edges.length,
    metres: edges.reduce((s, e) => s + e.length, 0),
  };
  return { nodes, edges, adjacency, report };
}
