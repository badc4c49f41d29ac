import type { Areal, Feature, LineString, MultiLineString, XY } from '../types.ts';
import type { BlockOptions, EdgeKind, NetworkEdge, NodedNetwork } from './block-types.ts';
// stage 1a: filter by type, flatten, crop to the area's bbox, add the area rings
import { collectNetworkLines } from './collect-network-lines.ts';
// stage 1b: near-miss noding of dangling ends
import { snapLineEnds } from './snap-line-ends.ts';
// stage 1c: split points of one segment pair
import { segmentSplitPoints } from './segment-split-points.ts';

/** Node positions are rounded to this grid (1 µm) so that equal points computed twice coincide. */
const GRID = 1e6;
const KIND_PRIORITY: Record<EdgeKind, number> = { street: 0, rail: 1, water: 2, area: 3 };

type LineFeature = Feature<LineString | MultiLineString>;

/**
 * Nodes the street, rail, water and area-boundary lines into a planar network of straight
 * segments that meet only at their ends.
 *
 * 1. Lines are filtered, flattened and cropped to the area's bbox + `cropMargin`
 *    (see collectNetworkLines); the area's rings become lines of kind 'area'.
 * 2. Dangling line ends within `snapTolerance` of another line are snapped onto it, vertex
 *    preferred (see snapLineEnds).
 * 3. Every pair of segments whose bounding boxes touch (found with a flatbush index, never
 *    all-pairs) is split at its crossings, T-junctions and collinear overlaps.
 * 4. Split points are rounded to a 1 µm grid and become nodes; a segment covered twice (e.g. a
 *    street along the area boundary) is kept once, with the kind street > rail > water > area and,
 *    for streets, the widest highway class.
 * Nodes are numbered in (x, y) order and edges in (a, b) order, so the result does not depend on
 * the order of the input features.
 *
 * @param input - lines and the study area, planar metres
 * @param options - resolved block options (snapTolerance, cropMargin, railTypes, waterTypes, highwayHalfWidths, unknownHalfWidth)
 * @returns the noded network
 */
export function nodeLines(
  input: { streets: LineFeature[]; rail: LineFeature[]; water?: LineFeature[]; area: Feature<Areal> },
  options: BlockOptions,
): NodedNetwork {
  const collected = collectNetworkLines(input, options);
  const { lines, splits: forced, snapped } = snapLineEnds(collected.lines, options.snapTolerance);

  const { segA, segB, segLine, splitPts } = segmentSplitPoints(lines, forced);
  const n = segA.length;

  // split points on a 1 µm grid, in order along each segment
  const px: number[] = [];
  const py: number[] = [];
  const runStart: number[] = [];
  for (let k = 0; k < n; k++) {
    runStart.push(px.length);
    const a = segA[k];
    const b = segB[k];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    if (len2 === 0) continue;
    const pts = [a, ...splitPts[k], b]
      .map((p) => ({ p, t: ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 }))
      .filter((x) => x.t >= 0 && x.t <= 1)
      .sort((x, y) => x.t - y.t);
    for (const { p } of pts) {
      px.push(Math.round(p[0] * GRID));
      py.push(Math.round(p[1] * GRID));
    }
  }
  runStart.push(px.length);

  // nodes: distinct grid points numbered in (x, y) order (canonical, whatever the input order)
  const order = new Int32Array(px.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((i, j) => px[i] - px[j] || py[i] - py[j]);
  const nodeOfPoint = new Int32Array(px.length);
  const nodes: XY[] = [];
  for (let r = 0; r < order.length; r++) {
    const i = order[r];
    const prev = r > 0 ? order[r - 1] : -1;
    if (prev < 0 || px[prev] !== px[i] || py[prev] !== py[i]) nodes.push([px[i] / GRID, py[i] / GRID]);
    nodeOfPoint[i] = nodes.length - 1;
  }

  // sub-segments become edges; a segment covered twice is kept once
  const halfWidth = (h: string | null) => (h === null ? options.unknownHalfWidth : (options.highwayHalfWidths[h] ?? options.unknownHalfWidth));
  const edgeOf = new Map<number, NetworkEdge>();
  for (let k = 0; k < n; k++) {
    const { kind, highway } = lines[segLine[k]];
    for (let i = runStart[k] + 1; i < runStart[k + 1]; i++) {
      const u = nodeOfPoint[i - 1];
      const v = nodeOfPoint[i];
      if (u === v) continue;
      const a = Math.min(u, v);
      const b = Math.max(u, v);
      const key = a * nodes.length + b;
      const old = edgeOf.get(key);
      if (!old) {
        const length = Math.hypot(nodes[b][0] - nodes[a][0], nodes[b][1] - nodes[a][1]);
        edgeOf.set(key, { a, b, kind, highway: kind === 'street' ? highway : null, length });
        continue;
      }
      if (KIND_PRIORITY[kind] < KIND_PRIORITY[old.kind]) {
        old.kind = kind;
        if (kind === 'street') old.highway = highway;
      }
      if (kind === 'street' && old.kind === 'street' && highway !== null) {
        const better = old.highway === null || halfWidth(highway) > halfWidth(old.highway) || (halfWidth(highway) === halfWidth(old.highway) && highway < old.highway);
        if (better) old.highway = highway;
      }
    }
  }
  const edges = [...edgeOf.values()].sort((x, y) => x.a - y.a || x.b - y.b);
  return { nodes, edges, snapped, skipped: collected.skipped };
}
