import Flatbush from 'flatbush';
import { Clipper, ClipType, EndType, FillRule, JoinType, PolyTreeD, type PathsD } from 'clipper2-ts';
import type { XY } from '../types.ts';
import { interiorPoint } from '../geometry/interior-point.ts';
import { ringLength } from '../geometry/ring-length.ts';
import { ringSignedArea } from '../geometry/ring-signed-area.ts';
import { pointInAreal } from '../geometry/point-in-areal.ts';
import type { BlockOptions, Face, FaceGroup, NodedNetwork } from './block-types.ts';
import { chainStreetEdges, type StreetChain } from './chain-street-edges.ts';
import type { DroppedItem } from './merge-slivers.ts';
import { polyTreeToPolygons } from './poly-tree-to-polygons.ts';
import { toClipperPaths } from './to-clipper-paths.ts';
import { pointSegmentDistanceSquared } from '../geometry/point-segment-distance.ts';

/** One connected part of a group left after street-space removal: one block. */
export interface CleanBlock {
  group: FaceGroup;
  /** Index of the group in the input. */
  groupIndex: number;
  /** Outer ring (CCW) then holes (CW), closed. */
  rings: XY[][];
}

/**
 * Subtracts street and rail space from each kept group (docs/blocks.md, "Street space").
 *
 * - Street space: every street line near the group (also dead ends inside it and streets just
 *   outside the area) buffered by the half-width of its highway class (`highwayHalfWidths`,
 *   `unknownHalfWidth`), with round joins and round ends.
 * - Rail space: the rail edges on the group's outer boundary buffered by `railHalfWidth` (round
 *   ends); rail edges inside a merged rail-land group are not subtracted. Water edges on the
 *   boundary likewise with `waterHalfWidth` (0 by default: nothing).
 * Clipper2 works around a local origin near the group at precision 6 (1 µm).
 * Each connected part left becomes a block of its own (street space between two parts separates
 * two blocks, e.g. a strip between dead-end streets and the area boundary no longer joins them).
 * A part smaller than `minPartArea` is dropped ('too-small-after-street-removal'), and one with
 * equivalent width 2A/P < `sliverWidth` too ('sliver-after-street-removal'). A group that keeps
 * no part at all is reported once as 'street-space'.
 *
 * @param groups - kept groups (mergeSlivers)
 * @param faces - the faces the groups are made of
 * @param network - noded network (street lines, rail edges)
 * @param options - resolved block options
 * @returns one block per kept part, in group order, and dropped items
 */
export function removeStreetSpace(groups: readonly FaceGroup[], faces: readonly Face[], network: NodedNetwork, options: BlockOptions): { blocks: CleanBlock[]; dropped: DroppedItem[] } {
  const halfWidthOf = (h: string | null) => (h === null ? options.unknownHalfWidth : (options.highwayHalfWidths[h] ?? options.unknownHalfWidth));
  const chains = chainStreetEdges(network, halfWidthOf);
  const index = chains.length > 0 ? new Flatbush(chains.length) : null;
  let maxHalfWidth = 0;
  for (const c of chains) {
    const [x0, y0, x1, y1] = bounds([c.coords]);
    index?.add(x0, y0, x1, y1);
    maxHalfWidth = Math.max(maxHalfWidth, c.halfWidth);
  }
  index?.finish();

  // each chain is buffered once, lazily, around its own origin, and kept in absolute coordinates
  const buffers: (XY[][] | undefined)[] = new Array(chains.length);
  const bufferOf = (i: number): XY[][] => {
    let b = buffers[i];
    if (!b) {
      const c = chains[i];
      const o: XY = [Math.floor(c.coords[0][0]), Math.floor(c.coords[0][1])];
      const path = c.coords.map((p) => ({ x: p[0] - o[0], y: p[1] - o[1] }));
      b = Clipper.inflatePathsD([path], c.halfWidth, JoinType.Round, EndType.Round, 2, 6, options.arcTolerance).map((r) => r.map((p) => [p.x + o[0], p.y + o[1]] as XY));
      buffers[i] = b;
    }
    return b;
  };

  const blocks: CleanBlock[] = [];
  const dropped: DroppedItem[] = [];
  groups.forEach((group, gi) => {
    if (gi % 200 === 0) options.onProgress?.('street-space', gi, groups.length);
    const [x0, y0, x1, y1] = bounds(group.polygons.flat());
    const origin: XY = [Math.floor(x0), Math.floor(y0)];
    const candidates = index ? index.search(x0 - maxHalfWidth, y0 - maxHalfWidth, x1 + maxHalfWidth, y1 + maxHalfWidth).sort((a, b) => a - b) : [];
    const near = candidates.length > 0 ? nearChains(candidates, chains, group.polygons) : [];
    const clip: PathsD = [];
    for (const i of near) for (const ring of bufferOf(i)) clip.push(ring.map((p) => ({ x: p[0] - origin[0], y: p[1] - origin[1] })));
    const boundaryLines = boundaryEdgesOf(group, faces, network, origin, options);
    for (const hw of [...boundaryLines.keys()].sort((a, b) => a - b)) {
      clip.push(...Clipper.inflatePathsD(boundaryLines.get(hw) ?? [], hw, JoinType.Round, EndType.Round, 2, 6, options.arcTolerance));
    }
    const subject = toClipperPaths(group.polygons, origin);
    const tree = new PolyTreeD();
    Clipper.booleanOpDWithPolyTree(ClipType.Difference, subject, clip, tree, FillRule.NonZero, 6);
    const parts = polyTreeToPolygons(tree, origin);
    const kept: XY[][][] = [];
    const partDrops: DroppedItem[] = [];
    for (const rings of parts) {
      const area = rings.reduce((s, r) => s + ringSignedArea(r), 0);
      const perimeter = rings.reduce((s, r) => s + ringLength(r), 0);
      const point = interiorPoint(rings) ?? rings[0][0];
      if (area < options.minPartArea) partDrops.push({ reason: 'too-small-after-street-removal', area, point });
      else if ((2 * area) / perimeter < options.sliverWidth) partDrops.push({ reason: 'sliver-after-street-removal', area, point });
      else kept.push(rings);
    }
    if (kept.length > 0) {
      for (const rings of kept) blocks.push({ group, groupIndex: gi, rings });
      dropped.push(...partDrops);
    } else {
      const largest = group.polygons.slice().sort((a, b) => ringSignedArea(b[0]) - ringSignedArea(a[0]))[0];
      dropped.push({ reason: 'street-space', area: group.area, point: interiorPoint(largest) ?? largest[0][0] });
    }
  });
  options.onProgress?.('street-space', groups.length, groups.length);
  return { blocks, dropped };
}

/**
 * The candidate chains whose buffer can reach the group: a vertex inside the group, or a segment
 * within the chain's half-width of a group ring segment (flatbush over the ring segments).
 */
function nearChains(candidates: number[], chains: StreetChain[], polygons: XY[][][]): number[] {
  const segs: [XY, XY][] = [];
  for (const rings of polygons) for (const r of rings) for (let i = 0; i + 1 < r.length; i++) segs.push([r[i], r[i + 1]]);
  const index = new Flatbush(segs.length);
  for (const [a, b] of segs) index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
  index.finish();
  const out: number[] = [];
  for (const i of candidates) {
    const { coords, halfWidth: hw } = chains[i];
    let near = false;
    for (let k = 0; k + 1 < coords.length && !near; k++) {
      const a = coords[k];
      const b = coords[k + 1];
      const hits = index.search(Math.min(a[0], b[0]) - hw, Math.min(a[1], b[1]) - hw, Math.max(a[0], b[0]) + hw, Math.max(a[1], b[1]) + hw);
      for (const h of hits) {
        if (segmentDistance2(a, b, segs[h][0], segs[h][1]) <= hw * hw) {
          near = true;
          break;
        }
      }
    }
    if (!near) near = polygons.some((rings) => pointInAreal(coords[0], { type: 'Polygon', coordinates: rings }) === 'inside');
    if (near) out.push(i);
  }
  return out;
}

/** Squared distance between segments ab and cd. */
function segmentDistance2(a: XY, b: XY, c: XY, d: XY): number {
  const o = (p: XY, q: XY, r: XY) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const d1 = o(a, b, c);
  const d2 = o(a, b, d);
  const d3 = o(c, d, a);
  const d4 = o(c, d, b);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return 0;
  return Math.min(pointSegment2(a, c, d), pointSegment2(b, c, d), pointSegment2(c, a, b), pointSegment2(d, a, b));
}

function pointSegment2(p: XY, a: XY, b: XY): number {
  return pointSegmentDistanceSquared(p[0], p[1], a[0], a[1], b[0], b[1]);
}

/** Rail (and, if waterHalfWidth > 0, water) edges on the group's outer boundary, by half-width, as 2-point local paths. */
function boundaryEdgesOf(group: FaceGroup, faces: readonly Face[], network: NodedNetwork, origin: XY, options: BlockOptions): Map<number, PathsD> {
  const inGroup = new Set(group.faces);
  const out = new Map<number, PathsD>();
  const seen = new Set<number>();
  for (const id of group.faces) {
    for (const b of faces[id].boundary) {
      if (inGroup.has(b.neighbour) || seen.has(b.edge)) continue;
      const hw = b.kind === 'rail' ? options.railHalfWidth : b.kind === 'water' ? options.waterHalfWidth : 0;
      if (hw <= 0) continue;
      seen.add(b.edge);
      const e = network.edges[b.edge];
      const p = network.nodes[e.a];
      const q = network.nodes[e.b];
      const list = out.get(hw) ?? [];
      list.push([
        { x: p[0] - origin[0], y: p[1] - origin[1] },
        { x: q[0] - origin[0], y: q[1] - origin[1] },
      ]);
      out.set(hw, list);
    }
  }
  return out;
}

function bounds(rings: readonly (readonly XY[])[]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const r of rings) for (const [x, y] of r) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}
