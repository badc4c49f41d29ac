import Flatbush from 'flatbush';
import type { XY } from '../types.ts';
import { intersectSegments } from './intersect-segments.ts';

/** The flat segment table of a set of polylines, with every point where each segment must be split. */
export interface SegmentSplits {
  /** Start of segment k. */
  segA: XY[];
  /** End of segment k. */
  segB: XY[];
  /** Polyline that segment k belongs to. */
  segLine: number[];
  /** Split points on segment k (unordered; may repeat): crossings, touches, overlaps and forced splits. */
  splitPts: XY[][];
}

/**
 * Cuts polylines into segments and finds, with a flatbush index, every point where a segment meets
 * another (crossing, touching, overlapping), plus forced split points (e.g. where a snapped line end
 * landed). Shared by the block noding and the walking graph.
 *
 * @param lines polylines in planar metres
 * @param forced split points given by (line, segment within the line, point)
 * @param isolated lines that meet nothing (bridges, tunnels): they are not split by, and do not split, other lines
 * @returns the segment table and the split points per segment
 * @example
 * segmentSplitPoints([{ coords: [[0, 0], [2, 0]] }, { coords: [[1, -1], [1, 1]] }], []).splitPts; // [[[1, 0]], [[1, 0]]]
 */
export function segmentSplitPoints(
  lines: readonly { coords: readonly XY[] }[],
  forced: readonly { line: number; seg: number; point: XY }[],
  isolated: (line: number) => boolean = () => false,
): SegmentSplits {
  const segA: XY[] = [];
  const segB: XY[] = [];
  const segLine: number[] = [];
  const firstSeg: number[] = [];
  lines.forEach((l, li) => {
    firstSeg.push(segA.length);
    for (let i = 0; i + 1 < l.coords.length; i++) {
      segA.push(l.coords[i]);
      segB.push(l.coords[i + 1]);
      segLine.push(li);
    }
  });
  const n = segA.length;
  const splitPts: XY[][] = Array.from({ length: n }, () => []);
  for (const f of forced) splitPts[firstSeg[f.line] + f.seg].push(f.point);
  if (n > 0) {
    const index = new Flatbush(n);
    for (let k = 0; k < n; k++) index.add(Math.min(segA[k][0], segB[k][0]), Math.min(segA[k][1], segB[k][1]), Math.max(segA[k][0], segB[k][0]), Math.max(segA[k][1], segB[k][1]));
    index.finish();
    for (let k = 0; k < n; k++) {
      if (isolated(segLine[k])) continue;
      const a = segA[k];
      const b = segB[k];
      for (const m of index.search(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]))) {
        if (m <= k || isolated(segLine[m])) continue;
        const { onS, onT } = intersectSegments([a, b], [segA[m], segB[m]]);
        for (const p of onS) splitPts[k].push(p);
        for (const p of onT) splitPts[m].push(p);
      }
    }
  }
  return { segA, segB, segLine, splitPts };
}
