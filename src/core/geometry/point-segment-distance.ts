/**
 * Squared distance from a point to a closed line segment, in the units of the coordinates.
 * A zero-length segment is treated as a point.
 *
 * @param px point x
 * @param py point y
 * @param ax segment start x
 * @param ay segment start y
 * @param bx segment end x
 * @param by segment end y
 * @returns the squared distance (take `Math.sqrt` for metres)
 * @example
 * pointSegmentDistanceSquared(1, 1, 0, 0, 2, 0); // 1
 */
export function pointSegmentDistanceSquared(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  return ex * ex + ey * ey;
}
