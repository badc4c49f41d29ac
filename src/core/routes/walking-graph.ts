import type { Feature, LineString, MultiLineString, XY } from '../types.ts';
// near-miss noding of dangling ends (shared with the street-block derivation)
import { snapLineEnds } from '../blocks/snap-line-ends.ts';
// split points of one segment pair (crossings, T-junctions, overlaps)
import { segmentSplitPoints } from '../blocks/segment-split-points.ts';
// contraction of the segment graph into street sections between junctions
import { chainSegments, type Segment } from './chain-segments.ts';

/** One street section between two junctions (or a junction and a dead end). */
export interface WalkingEdge {
  id: number;
  a: number;
  b: number;
  /** Polyline from node a to node b, metres. */
  coords: XY[];
  length: number;
  name: string | null;
  highway: string | null;
}

/** What buildWalkingGraph did with its input. */
export interface WalkingGraphReport {
  linesIn: number;
  /** Lines left out, by reason: `no-geometry`, `highway:<class>` (not walkable). */
  skipped: Record<string, number>;
  /** Dangling line ends moved onto a nearby line (within snapTolerance). */
  snappedEnds: number;
  snapTolerance: number;
  /** Connected pieces of network not connected to the kept one, removed. */
  fragmentsRemoved: number;
  fragmentEdgesRemoved: number;
  fragmentMetresRemoved: number;
  /** A few removed fragments (centre, metres, a street name) for the report. */
  fragmentSamples: Array<{ x: number; y: number; metres: number; name: string | null }>;
  nodes: number;
  edges: number;
  metres: number;
}

export interface WalkingGraph {
  nodes: XY[];
  edges: WalkingEdge[];
  /** Edge ids at each node. */
  adjacency: number[][];
  report: WalkingGraphReport;
}

export interface WalkingGraphOptions {
  /** Dangling ends within this many metres of another line are joined to it. Default 2 m. */
  snapTolerance?: number;
  /** OSM highway classes where walking is not allowed. Default: motorway(_link), trunk(_link). */
  excludeHighways?: readonly string[];
}

/** Positions are rounded to 1 cm so that equal points computed twice coincide. */
const GRID = 100;
const DEFAULT_EXCLUDED = ['motorway', 'motorway_link', 'trunk', 'trunk_link'];

const isLayered = (p: Record<string, unknown>) => ['bridge', 'tunnel'].some((k) => p[k] !== undefined && p[k] !== null && p[k] !== 'no' && p[k] !== '');

/**
 * Builds the walking graph from street centre lines in a projected CRS (metres):
 * 1. lines of non-walkable highway classes are left out (counted);
 * 2. dangling ends within `snapTolerance` (default 2 m) of another line are snapped onto it —
 *    a documented near-miss rule: digitising gaps of a metre or two are joined, real gaps kept;
 * 3. lines are noded where they cross or touch, except where one of them is a bridge or tunnel
 *    (OSM `bridge`/`tunnel` tags): a street on a bridge only meets others at shared vertices;
 * 4. only the largest connected piece (by length) is kept; the others are removed and reported;
 * 5. chains of segments through nodes of degree 2 with the same street name become one edge.
 * Walking is allowed both ways on every edge (one-way streets are for vehicles) and turning
 * around anywhere is allowed.
 *
 * @param lines - street lines (LineString/MultiLineString), planar metres; `name`, `highway` used
 * @param options - snapTolerance, excludeHighways
 * @returns nodes, edges (street sections), adjacency and a report
 */
export function buildWalkingGraph(lines: readonly Feature<LineString | MultiLineString | null>[], options: WalkingGraphOptions = {}): WalkingGraph {
  const snapTolerance = options.snapTolerance ?? 2;
  const excluded = new Set(options.excludeHighways ?? DEFAULT_EXCLUDED);
  const skipped: Record<string, number> = {};
  const skip = (k: string) => (skipped[k] = (skipped[k] ?? 0) + 1);
  const polylines: Array<{ coords: XY[]; name: string | null; highway: string | null; layered: boolean }> = [];
  for (const f of lines) {
    const g = f.geometry;
    if (!g || (g.type !== 'LineString' && g.type !== 'MultiLineString')) {
      skip('no-geometry');
      continue;
    }
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const highway = typeof p.highway === 'string' ? p.highway : null;
    if (highway && excluded.has(highway)) {
      skip(`highway:${highway}`);
      continue;
    }
    const name = typeof p.name === 'string' && p.name.trim() ? p.name.trim() : null;
    const parts = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    for (const part of parts) {
      const coords: XY[] = [];
      for (const pos of part) {
        if (!Number.isFinite(pos[0]) || !Number.isFinite(pos[1])) continue;
        const last = coords[coords.length - 1];
        if (!last || last[0] !== pos[0] || last[1] !== pos[1]) coords.push([pos[0], pos[1]]);
      }
      if (coords.length >= 2) polylines.push({ coords, name, highway, layered: isLayered(p) });
    }
  }
  const snapped = snapLineEnds(
    polylines.map((l) => ({ coords: l.coords, kind: 'street' as const, highway: l.highway })),
    snapTolerance,
  );

  const { segA, segB, segLine, splitPts } = segmentSplitPoints(snapped.lines, snapped.splits, (li) => polylines[li].layered);
  const n = segA.length;

  // nodes on a 1 cm grid; sub-segments become segment edges (a segment covered twice is kept once)
  const nodeId = new Map<string, number>();
  const nodes: XY[] = [];
  const node = (p: XY) => {
    const x = Math.round(p[0] * GRID);
    const y = Math.round(p[1] * GRID);
    const key = `${x},${y}`;
    let id = nodeId.get(key);
    if (id === undefined) {
      id = nodes.length;
      nodeId.set(key, id);
      nodes.push([x / GRID, y / GRID]);
    }
    return id;
  };
  const segments: Segment[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < n; k++) {
    const a = segA[k];
    const b = segB[k];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    if (len2 === 0) continue;
    const ids = [a, ...splitPts[k], b]
      .map((p) => ({ p, t: ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 }))
      .filter((x) => x.t >= 0 && x.t <= 1)
      .sort((x, y) => x.t - y.t)
      .map((x) => node(x.p));
    const line = polylines[segLine[k]];
    for (let i = 1; i < ids.length; i++) {
      const u = ids[i - 1];
      const v = ids[i];
      if (u === v) continue;
      const key = u < v ? `${u},${v}` : `${v},${u}`;
      if (seen.has(key)) continue;
      seen.add(key);
      segments.push({ a: u, b: v, name: line.name, highway: line.highway });
    }
  }
  return chainSegments(nodes, segments, { snappedEnds: snapped.snapped, snapTolerance, linesIn: lines.length, skipped });
}
