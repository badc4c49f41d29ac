import type { XY } from '../types.ts';

/**
 * The parts of a polyline inside an axis-aligned rectangle (Liang–Barsky on each segment): a line that
 * leaves and re-enters gives several parts. Points on the edge count as inside.
 *
 * @param line - the polyline
 * @param rect - x0, y0 (lower corner), x1, y1 (upper corner)
 * @returns the inside parts, each with at least two points, in the line's direction
 * @example
 * clipPolylineToRect([[-1, 1], [3, 1]], [0, 0, 2, 2]); // → [[[0, 1], [2, 1]]]
 */
export function clipPolylineToRect(line: readonly XY[], [x0, y0, x1, y1]: readonly [number, number, number, number]): XY[][] {
  const parts: XY[][] = [];
  let current: XY[] | null = null;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1];
    const [bx, by] = line[i];
    const dx = bx - ax;
    const dy = by - ay;
    let t0 = 0;
    let t1 = 1;
    let inside = true;
    for (const [p, q] of [
      [-dx, ax - x0],
      [dx, x1 - ax],
      [-dy, ay - y0],
      [dy, y1 - ay],
    ]) {
      if (p === 0) {
        if (q < 0) inside = false;
      } else {
        const t = q / p;
        if (p < 0) t0 = Math.max(t0, t);
        else t1 = Math.min(t1, t);
      }
    }
    if (!inside || t0 > t1) {
      current = null;
      continue;
    }
    const from: XY = [ax + t0 * dx, ay + t0 * dy];
    const to: XY = [ax + t1 * dx, ay + t1 * dy];
    if (current && t0 === 0) current.push(to);
    else {
      current = [from, to];
      parts.push(current);
    }
    if (t1 < 1) current = null;
  }
  return parts;
}
