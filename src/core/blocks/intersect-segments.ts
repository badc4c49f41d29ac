import type { XY } from '../types.ts';
import { pointSegmentDistanceSquared } from '../geometry/point-segment-distance.ts';

/** Endpoints closer than this (m) to the other segment count as touching it. */
const TOUCH_EPS = 1e-6;

/**
 * Where two straight segments meet, as split points for each of them.
 *
 * - An endpoint of one segment within 1 µm of the other (T-junction, shared vertex, collinear
 *   overlap) splits the other segment at that endpoint's exact position.
 * - Otherwise a proper crossing splits both at one computed point (the same coordinates for both,
 *   so the two lines share a node).
 * The result is a pure function of the two unordered segments (they are put in canonical order
 * first), so noding does not depend on input order.
 *
 * @param s - segment [a, b]
 * @param t - segment [a, b]
 * @returns split points on s and on t (may include s's or t's own endpoints; callers ignore those)
 */
export function intersectSegments(s: readonly [XY, XY], t: readonly [XY, XY]): { onS: XY[]; onT: XY[] } {
  const cs = canonical(s);
  const ct = canonical(t);
  const swap = compareSeg(cs, ct) > 0;
  const [p, q] = swap ? [ct, cs] : [cs, ct];
  const onP: XY[] = [];
  const onQ: XY[] = [];
  for (const e of q) if (!samePoint(e, p[0]) && !samePoint(e, p[1]) && distance2ToSegment(e, p[0], p[1]) <= TOUCH_EPS * TOUCH_EPS) onP.push(e);
  for (const e of p) if (!samePoint(e, q[0]) && !samePoint(e, q[1]) && distance2ToSegment(e, q[0], q[1]) <= TOUCH_EPS * TOUCH_EPS) onQ.push(e);
  const shareEnd = samePoint(p[0], q[0]) || samePoint(p[0], q[1]) || samePoint(p[1], q[0]) || samePoint(p[1], q[1]);
  if (onP.length === 0 && onQ.length === 0 && !shareEnd) {
    const x = properCrossing(p, q);
    if (x) {
      onP.push(x);
      onQ.push(x);
    }
  }
  return swap ? { onS: onQ, onT: onP } : { onS: onP, onT: onQ };
}

function samePoint(a: XY, b: XY): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function canonical(s: readonly [XY, XY]): [XY, XY] {
  const [a, b] = s;
  return a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]) ? [a, b] : [b, a];
}

function compareSeg(s: [XY, XY], t: [XY, XY]): number {
  return s[0][0] - t[0][0] || s[0][1] - t[0][1] || s[1][0] - t[1][0] || s[1][1] - t[1][1];
}

function distance2ToSegment(p: XY, a: XY, b: XY): number {
  return pointSegmentDistanceSquared(p[0], p[1], a[0], a[1], b[0], b[1]);
}

function orient(a: XY, b: XY, c: XY): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function properCrossing(p: [XY, XY], q: [XY, XY]): XY | null {
  const o1 = orient(p[0], p[1], q[0]);
  const o2 = orient(p[0], p[1], q[1]);
  const o3 = orient(q[0], q[1], p[0]);
  const o4 = orient(q[0], q[1], p[1]);
  if (!(o1 * o2 < 0 && o3 * o4 < 0)) return null;
  // relative to p[0] for precision with large coordinates
  const rx = p[1][0] - p[0][0];
  const ry = p[1][1] - p[0][1];
  const sx = q[1][0] - q[0][0];
  const sy = q[1][1] - q[0][1];
  const d = rx * sy - ry * sx;
  const u = ((q[0][0] - p[0][0]) * sy - (q[0][1] - p[0][1]) * sx) / d;
  return [p[0][0] + u * rx, p[0][1] + u * ry];
}
